"""A file that cannot be read at all stops the call: named in the error, nothing stored."""

import pytest
from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest import ingest_files


def _state(con):
    return [db.query(con, f"select * from {t} order by all") for t in ("dossiers", "set_aside", "load_log")]


def _assert_unchanged(con, before):
    after = _state(con)
    assert all(b.equals(a) for b, a in zip(before, after, strict=True))


@pytest.fixture
def loaded(con, params_dir, tmp_path):
    """A database that already holds one export."""
    ingest_files(con, [write_csv(tmp_path / "first.csv", [dossier(dossier_id="A", status="4", finished_at=None),
                                                         dossier(dossier_id=None)])], params_dir=params_dir)
    return con


def test_truncated_xlsx(loaded, params_dir, tmp_path):
    before = _state(loaded)
    good = write_csv(tmp_path / "good.csv", [dossier(dossier_id="A"), dossier(dossier_id="B")])
    whole = write_xlsx(tmp_path / "whole.xlsx", [dossier(dossier_id="C")]).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError, match="cut.xlsx.*cannot be read as a spreadsheet"):
        ingest_files(loaded, [good, cut], params_dir=params_dir)
    _assert_unchanged(loaded, before)


# A file that is not what its name says: its bytes, and what the error must say.
UNREADABLE = {
    "garbage.xlsx": (b"PK\x03\x04" + bytes(range(256)) * 20, "garbage.xlsx"),  # a zip header, then noise
    "photo.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "photo.csv"),
    "wide.csv": (b"MaHoSo,TrangThaiHoSo,NgayTiepNhan\nA,10,02/03/2026,x,y\n",  # too many cells on a line
                 "wide.csv: cannot be read as CSV"),
}


@pytest.mark.parametrize("name", list(UNREADABLE))
def test_unreadable_file(loaded, params_dir, tmp_path, name):
    content, message = UNREADABLE[name]
    before = _state(loaded)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        ingest_files(loaded, [path], params_dir=params_dir)
    _assert_unchanged(loaded, before)


def test_csv_that_is_not_an_export(loaded, params_dir, tmp_path):
    before = _state(loaded)
    path = tmp_path / "budget.csv"
    path.write_text("Năm,Khoản mục,Số tiền\n2026,Văn phòng phẩm,1200000\n", encoding="utf-8")
    with pytest.raises(IngestError, match="budget.csv: not a dossier export"):
        ingest_files(loaded, [write_csv(tmp_path / "ok.csv", [dossier(dossier_id="Z")]), path],
                     params_dir=params_dir)
    _assert_unchanged(loaded, before)


def test_missing_file(loaded, params_dir, tmp_path):
    before = _state(loaded)
    with pytest.raises(IngestError, match="nowhere.csv: no such file"):
        ingest_files(loaded, [tmp_path / "nowhere.csv"], params_dir=params_dir)
    _assert_unchanged(loaded, before)


def test_a_failed_call_leaves_the_connection_usable(loaded, params_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("not,an,export\n", encoding="utf-8")
    with pytest.raises(IngestError):
        ingest_files(loaded, [bad], params_dir=params_dir)
    summary = ingest_files(loaded, [write_csv(tmp_path / "next.csv", [dossier(dossier_id="N")])],
                           params_dir=params_dir)
    assert summary.loaded == 1
    assert db.scalar(loaded, "select count(*) from dossiers") == 2
