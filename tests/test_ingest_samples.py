"""The two shared samples hold the same dossiers in the two label sets."""

import json

from helpers import SAMPLE_CSV, SAMPLE_XLSX, open_read_only

from hoaan_analytics import db


def _query(load_samples, name, sql):
    con = open_read_only(load_samples(name).db_path)
    try:
        return db.query(con, sql)
    finally:
        con.close()


def test_each_sample_sets_aside_the_expected_rows(load_samples, samples_dir):
    expected = json.loads((samples_dir / "expected_kpis.json").read_text(encoding="utf-8"))["_set_aside"]
    for name in (SAMPLE_CSV, SAMPLE_XLSX):
        summary = load_samples(name).summary
        assert summary.set_aside == expected
        assert _query(load_samples, name, "select count(distinct source_row) as n from set_aside")["n"][0] == expected
        # every row is either stored or set aside: the samples repeat no dossier
        assert summary.loaded + summary.set_aside == summary.rows_read


def test_both_samples_give_the_same_dossiers(load_samples):
    sql = "select * exclude (load_id, source_row) from dossiers order by dossier_id"
    frames = [_query(load_samples, name, sql) for name in (SAMPLE_CSV, SAMPLE_XLSX)]
    assert frames[0].height > 0
    assert frames[0].equals(frames[1])


def test_both_samples_set_aside_the_same_dossiers_for_the_same_reasons(load_samples):
    sql = "select dossier_id, field, reason from set_aside order by all"
    found = [_query(load_samples, name, sql) for name in (SAMPLE_CSV, SAMPLE_XLSX)]
    assert found[0].equals(found[1])


def test_source_rows_follow_each_file_layout(load_samples):
    # The CSV header is line 1, the workbook's is row 5 (3 title rows, a blank row):
    # the same data row is CSV line n and sheet row n + 4.
    sql = "select dossier_id, source_row from set_aside where dossier_id is not null order by all"
    csv_rows = _query(load_samples, SAMPLE_CSV, sql)
    xlsx_rows = _query(load_samples, SAMPLE_XLSX, sql)
    assert (xlsx_rows["source_row"] - csv_rows["source_row"]).to_list() == [4] * csv_rows.height
