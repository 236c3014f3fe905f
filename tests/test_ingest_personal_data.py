"""No applicant name, ID number or phone of the samples is anywhere in the database file."""

import csv

from helpers import SAMPLE_CSV, SAMPLE_XLSX, open_read_only

from hoaan_analytics import db


def test_database_file_holds_no_personal_values(samples_dir, load_samples):
    folder = load_samples(SAMPLE_CSV, SAMPLE_XLSX).db_path.parent  # the database's own folder
    with open(samples_dir / SAMPLE_CSV, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    values = {r[c] for r in rows for c in ("ChuHoSo", "SoGiayTo", "SoDienThoai") if r[c]}
    assert len(values) > 1000
    content = b"".join(p.read_bytes() for p in folder.iterdir())  # the file and any WAL next to it
    assert content  # the database was written
    leaked = [v for v in values if v.encode("utf-8") in content]
    assert leaked == []


def test_personal_columns_are_not_columns_of_any_table(load_samples):
    con = open_read_only(load_samples(SAMPLE_XLSX).db_path)
    try:
        names = {r[0].lower() for r in db.query(con, "select column_name from duckdb_columns()").rows()}
    finally:
        con.close()
    assert not names & {"chuhoso", "sogiayto", "sodienthoai", "diachi", "chủ hồ sơ", "số điện thoại"}
