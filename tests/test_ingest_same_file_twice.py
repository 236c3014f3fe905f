"""The same bytes loaded again are skipped and logged; nothing else changes."""

import shutil

from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files

OPEN = dict(status="4", finished_at=None)


def _snapshot(con):
    return (db.query(con, "select * from dossiers order by dossier_id"),
            db.query(con, "select * from set_aside order by all"))


def test_loading_a_file_twice_changes_nothing(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "a.csv", [dossier(dossier_id="A"), dossier(dossier_id=None)])
    ingest_files(con, [path], params_dir=params_dir)
    before = _snapshot(con)
    summary = ingest_files(con, [path], params_dir=params_dir)
    after = _snapshot(con)
    assert before[0].equals(after[0]) and before[1].equals(after[1])
    assert summary.to_dict()["files"] == [{
        "file_name": "a.csv", "file_format": "csv", "rows_read": 0, "loaded": 0, "set_aside": 0,
        "replaced": 0, "superseded": 0, "ignored": 0, "skipped": True}]
    assert db.query(con, "select load_id, skipped, rows_read from load_log order by 1").rows() == [
        (1, False, 2), (2, True, 0)]


def test_reloading_an_old_export_does_not_revert_newer_data(con, params_dir, tmp_path):
    old = write_csv(tmp_path / "old.csv", [dossier(dossier_id="A", **OPEN)])
    new = write_csv(tmp_path / "new.csv", [dossier(dossier_id="A")])
    ingest_files(con, [old, new], params_dir=params_dir)
    renamed = shutil.copy(old, tmp_path / "old-copy.csv")
    summary = ingest_files(con, [renamed], params_dir=params_dir)
    assert summary.files[0].skipped
    assert db.scalar(con, "select status from dossiers") == 10


def test_same_bytes_twice_in_one_call(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "a.csv", [dossier(dossier_id="A")])
    summary = ingest_files(con, [path, path], params_dir=params_dir)
    assert [f.skipped for f in summary.files] == [False, True]
    assert summary.loaded == 1


def test_load_log_records_name_hash_time_and_counts(con, params_dir, tmp_path):
    import hashlib

    path = write_csv(tmp_path / "a.csv", [dossier(dossier_id="A"), dossier(dossier_id=None)])
    ingest_files(con, [path], params_dir=params_dir)
    row = db.query(con, "select * from load_log").row(0, named=True)
    assert row["file_name"] == "a.csv"
    assert row["file_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert row["loaded_at"] is not None
    assert (row["file_format"], row["rows_read"], row["loaded"], row["set_aside"], row["skipped"]) == (
        "csv", 2, 1, 1, False)
