"""Columns in any order, extra and unknown columns, other delimiters, missing optional columns."""

import pytest
from ingest_files import DVCQG, VALID, dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest import ingest_files


def test_shuffled_columns_with_extras(con, params_dir, tmp_path):
    columns = ["GhiChu", "status", "received_at", "dossier_id", "unit_name", "due_at", "finished_at",
               "procedure_code", "channel"]
    path = write_csv(tmp_path / "s.csv", [dossier(GhiChu="ghi chú bất kỳ", channel="2")], columns=columns)
    ingest_files(con, [path], params_dir=params_dir)
    row = db.query(con, "select dossier_id, status, channel, unit_name, procedure_name from dossiers").row(0)
    # procedure_name is not in this file: stored empty
    assert row == ("D-1", 10, 2, "UBND xã Hòa An", None)


def test_semicolon_delimiter(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "s.csv", [dossier(dossier_id="A"), dossier(dossier_id="B")], delimiter=";")
    assert ingest_files(con, [path], params_dir=params_dir).loaded == 2


def test_labels_in_other_case_and_spacing(con, params_dir, tmp_path):
    labels = {**DVCQG, "dossier_id": "  MAHOSO ", "status": "trangthaihoso"}
    path = write_csv(tmp_path / "s.csv", [dossier()], labels=labels)
    assert ingest_files(con, [path], params_dir=params_dir).loaded == 1


def test_xlsx_shuffled_columns(con, params_dir, tmp_path):
    columns = list(reversed(list(VALID)))
    path = write_xlsx(tmp_path / "s.xlsx", [dossier(dossier_id="X")], columns=columns, title_rows=["Tiêu đề"])
    ingest_files(con, [path], params_dir=params_dir)
    assert db.query(con, "select dossier_id, status from dossiers").rows() == [("X", 10)]


def test_two_columns_for_one_field_stop_the_load(con, params_dir, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("MaHoSo,Mã hồ sơ,TrangThaiHoSo,NgayTiepNhan\nA,A,10,02/03/2026\n", encoding="utf-8")
    with pytest.raises(IngestError, match="dup.csv.*dossier_id"):
        ingest_files(con, [path], params_dir=params_dir)


def test_header_without_status_column_is_not_an_export(con, params_dir, tmp_path):
    path = tmp_path / "nostatus.csv"
    path.write_text("MaHoSo,NgayTiepNhan\nA,02/03/2026\n", encoding="utf-8")
    with pytest.raises(IngestError, match="nostatus.csv.*status"):
        ingest_files(con, [path], params_dir=params_dir)


def test_short_rows_are_padded(con, params_dir, tmp_path):
    # line 3 stops after the received date: the later cells are empty, not an error
    path = tmp_path / "short.csv"
    path.write_text("MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra\n"
                    "A,2.000815,4,02/03/2026 08:00,02/03/2026\n"
                    "B,2.000815,4,02/03/2026 08:00\n", encoding="utf-8")
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (2, 0)
    assert db.scalar(con, "select due_at from dossiers where dossier_id = 'B'") is None
