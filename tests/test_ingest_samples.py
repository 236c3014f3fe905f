"""The two shared samples hold the same dossiers in the two label sets."""

import json

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files

CSV = "dossiers_dvcqg_2026-11-20.csv"
XLSX = "dossiers_vi_2026-11-20.xlsx"


def _dossiers(con):
    return db.query(con, "select * exclude (load_id, source_row) from dossiers order by dossier_id")


def test_each_sample_sets_aside_the_expected_rows(con, params_dir, samples_dir):
    expected = json.loads((samples_dir / "expected_kpis.json").read_text(encoding="utf-8"))["_set_aside"]
    for name in (CSV, XLSX):
        connection = db.connect(None)
        summary = ingest_files(connection, [samples_dir / name], params_dir=params_dir)
        assert summary.set_aside == expected
        assert db.scalar(connection, "select count(distinct source_row) from set_aside") == expected
        # every row is either stored or set aside: the samples repeat no dossier
        assert summary.loaded + summary.set_aside == summary.rows_read
        connection.close()


def test_both_samples_give_the_same_dossiers(params_dir, samples_dir):
    frames = []
    for name in (CSV, XLSX):
        connection = db.connect(None)
        ingest_files(connection, [samples_dir / name], params_dir=params_dir)
        frames.append(_dossiers(connection))
        connection.close()
    assert frames[0].height > 0
    assert frames[0].equals(frames[1])


def test_both_samples_set_aside_the_same_dossiers_for_the_same_reasons(params_dir, samples_dir):
    found = []
    for name in (CSV, XLSX):
        connection = db.connect(None)
        ingest_files(connection, [samples_dir / name], params_dir=params_dir)
        found.append(db.query(connection, "select dossier_id, field, reason from set_aside order by all"))
        connection.close()
    assert found[0].equals(found[1])


def test_source_rows_follow_each_file_layout(con, params_dir, samples_dir):
    # The CSV header is line 1, the workbook's is row 5 (3 title rows, a blank row):
    # the same data row is CSV line n and sheet row n + 4.
    ingest_files(con, [samples_dir / CSV], params_dir=params_dir)
    csv_rows = db.query(con, "select dossier_id, source_row from set_aside where dossier_id is not null order by all")
    connection = db.connect(None)
    ingest_files(connection, [samples_dir / XLSX], params_dir=params_dir)
    xlsx_rows = db.query(connection, "select dossier_id, source_row from set_aside where dossier_id is not null order by all")
    connection.close()
    assert (xlsx_rows["source_row"] - csv_rows["source_row"]).to_list() == [4] * csv_rows.height
