"""No applicant name, ID number or phone of the samples is anywhere in the database file."""

import csv

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files


def test_database_file_holds_no_personal_values(params_dir, samples_dir, tmp_path):
    path = tmp_path / "hoaan.duckdb"
    con = db.connect(path)
    ingest_files(con, [samples_dir / "dossiers_dvcqg_2026-11-20.csv", samples_dir / "dossiers_vi_2026-11-20.xlsx"],
                 params_dir=params_dir)
    con.close()
    with open(samples_dir / "dossiers_dvcqg_2026-11-20.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    values = {r[c] for r in rows for c in ("ChuHoSo", "SoGiayTo", "SoDienThoai") if r[c]}
    assert len(values) > 1000
    content = b"".join(p.read_bytes() for p in tmp_path.iterdir())  # the file and any WAL next to it
    assert content  # the database was written
    leaked = [v for v in values if v.encode("utf-8") in content]
    assert leaked == []


def test_personal_columns_are_not_columns_of_any_table(con, params_dir, samples_dir):
    ingest_files(con, [samples_dir / "dossiers_vi_2026-11-20.xlsx"], params_dir=params_dir)
    names = {r[0].lower() for r in db.query(con, "select column_name from duckdb_columns()").rows()}
    assert not names & {"chuhoso", "sogiayto", "sodienthoai", "diachi", "chủ hồ sơ", "số điện thoại"}
