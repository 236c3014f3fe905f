"""The same dossier in a later export replaces the earlier row; within a file the last row wins."""

from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files

OPEN = dict(status="4", finished_at=None)


def _status(con):
    return dict(db.query(con, "select dossier_id, status from dossiers").rows())


def test_reexport_with_newer_status_replaces(con, params_dir, tmp_path):
    first = write_csv(tmp_path / "nov.csv", [dossier(dossier_id="A", **OPEN), dossier(dossier_id="B", **OPEN)])
    second = write_xlsx(tmp_path / "dec.xlsx", [dossier(dossier_id="A", status="Đã trả kết quả")])
    ingest_files(con, [first], params_dir=params_dir)
    summary = ingest_files(con, [second], params_dir=params_dir)
    assert _status(con) == {"A": 10, "B": 4}
    assert (summary.files[0].loaded, summary.files[0].replaced) == (1, 1)
    assert db.query(con, "select dossier_id, load_id from dossiers order by 1").rows() == [("A", 2), ("B", 1)]


def test_files_of_one_call_load_in_the_order_given(con, params_dir, tmp_path):
    old = write_csv(tmp_path / "a.csv", [dossier(dossier_id="A", **OPEN)])
    new = write_csv(tmp_path / "b.csv", [dossier(dossier_id="A")])
    ingest_files(con, [new, old], params_dir=params_dir)
    assert _status(con) == {"A": 4}  # the file given last wins, whatever its name or content


def test_last_row_of_a_file_wins(con, params_dir, tmp_path):
    rows = [dossier(dossier_id="A", **OPEN), dossier(dossier_id="A", status="9")]
    summary = ingest_files(con, [write_csv(tmp_path / "a.csv", rows)], params_dir=params_dir)
    assert _status(con) == {"A": 9}
    assert db.scalar(con, "select source_row from dossiers") == 3
    assert (summary.rows_read, summary.loaded, summary.files[0].superseded) == (2, 1, 1)


def test_a_set_aside_row_never_replaces_a_stored_one(con, params_dir, tmp_path):
    ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier(dossier_id="A", **OPEN)])], params_dir=params_dir)
    bad = write_csv(tmp_path / "b.csv", [dossier(dossier_id="A", status="10", finished_at=None)])
    summary = ingest_files(con, [bad], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (0, 1)
    assert _status(con) == {"A": 4}


def test_a_set_aside_last_row_leaves_the_earlier_usable_row(con, params_dir, tmp_path):
    rows = [dossier(dossier_id="A", **OPEN), dossier(dossier_id="A", received_at="31/02/2026")]
    ingest_files(con, [write_csv(tmp_path / "a.csv", rows)], params_dir=params_dir)
    assert db.query(con, "select dossier_id, status, source_row from dossiers").rows() == [("A", 4, 2)]
