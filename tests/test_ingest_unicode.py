"""NFD text and a UTF-8 BOM: labels still match, values are stored in NFC."""

import unicodedata

from ingest_files import VI, dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files


def test_nfd_labels_and_values_are_stored_nfc(con, params_dir, tmp_path):
    # Vietnamese labels and values, the whole file decomposed (NFD)
    path = write_csv(tmp_path / "nfd.csv",
                     [dossier(status="Đã trả kết quả", channel="Trực tuyến", rating="Rất hài lòng")],
                     labels=VI, normal_form="NFD")
    assert "Mã hồ sơ".encode() not in path.read_bytes()  # really decomposed
    ingest_files(con, [path], params_dir=params_dir)
    row = db.query(con, "select unit_name, field_name, status, channel, rating from dossiers").row(0, named=True)
    assert row == {"unit_name": "UBND xã Hòa An", "field_name": "Chứng thực", "status": 10, "channel": 2,
                   "rating": "Rất hài lòng"}
    assert unicodedata.is_normalized("NFC", row["unit_name"])


def test_bom_on_the_header_line(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "bom.csv", [dossier(dossier_id="A")], bom=True)
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert summary.loaded == 1
    assert db.scalar(con, "select dossier_id from dossiers") == "A"


def test_bom_with_title_rows_and_vietnamese_labels(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "bom.csv", [dossier(dossier_id="A")], labels=VI, bom=True,
                     title_rows=["DANH SÁCH HỒ SƠ"])
    ingest_files(con, [path], params_dir=params_dir)
    assert db.query(con, "select dossier_id, source_row from dossiers").rows() == [("A", 3)]


def test_latin1_csv_is_refused_with_the_file_named(con, params_dir, tmp_path):
    import pytest

    from hoaan_analytics.errors import IngestError

    path = tmp_path / "latin.csv"
    path.write_bytes("MaHoSo,TrangThaiHoSo,NgayTiepNhan\nA,10,ç\n".encode("latin-1"))
    with pytest.raises(IngestError, match="latin.csv.*UTF-8"):
        ingest_files(con, [path], params_dir=params_dir)
