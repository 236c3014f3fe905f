"""The table macros are stored in the database file: a read-only connection calls them by name."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from helpers import SAMPLE_CSV

from hoaan_analytics import db, models
from hoaan_analytics.cli import main
from hoaan_analytics.kpis import KPI_KEYS, compute_kpis, kpi_table
from hoaan_analytics.periods import parse_period


@pytest.fixture
def built(load_samples):
    """The DVCQG sample ingested (shared by the session: only read here)."""
    return load_samples(SAMPLE_CSV).db_path


def test_period_kpis_on_a_read_only_connection_equals_compute_kpis(built):
    con = db.connect(built, read_only=True)
    try:
        total = db.query(con, "from period_kpis(DATE '2026-07-01', DATE '2026-09-30', NULL, 'none')")
        expected = compute_kpis(con, parse_period("2026-Q3"))
    finally:
        con.close()
    assert total.height == 1 and total["is_total"][0]
    row = total.row(0, named=True)
    assert expected["handled"] > 0  # the sample has dossiers in Q3: the comparison means something
    assert {key: row[key] for key in KPI_KEYS} == expected


def test_period_dossiers_counts_agree_with_the_kpis(built):
    con = db.connect(built, read_only=True)
    try:
        counts = db.query(con, """
            select count(*) as handled, count(*) filter (where is_pending_overdue) as pending_overdue,
                   count(*) filter (where is_pending_in_time) as pending_in_time
            from period_dossiers(DATE '2026-07-01', DATE '2026-09-30', NULL)""").row(0, named=True)
        expected = compute_kpis(con, parse_period("2026-Q3"))
    finally:
        con.close()
    assert counts == {k: expected[k] for k in ("handled", "pending_overdue", "pending_in_time")}


def test_by_month_in_one_call_equals_each_month_alone(built):
    con = db.connect(built, read_only=True)
    try:
        months = kpi_table(con, parse_period("2026-Q3"), by="month")
        alone = [compute_kpis(con, parse_period(name)) for name in ("2026-07", "2026-08", "2026-09")]
    finally:
        con.close()
    assert months["month"].to_list() == ["2026-07", "2026-08", "2026-09"]
    assert months.select(KPI_KEYS).to_dicts() == alone


def test_a_unit_matches_after_nfc_trim_and_case_folding(built):
    con = db.connect(built, read_only=True)
    try:
        unit = db.scalar(con, "select unit_name from dossier_units order by dossiers desc limit 1")
        asked = "  " + unit.upper() + " "
        rows = db.query(con, "select handled from period_kpis($d0, $d1, $unit_name, 'none')",
                        {"d0": date(2026, 7, 1), "d1": date(2026, 9, 30), "unit_name": asked})
        expected = compute_kpis(con, parse_period("2026-Q3"), unit=unit)
    finally:
        con.close()
    assert rows["handled"].to_list() == [expected["handled"]]


def test_an_unknown_breakdown_is_an_error(built):
    con = db.connect(built, read_only=True)
    try:
        with pytest.raises(Exception, match="unknown breakdown"):
            db.query(con, "from period_kpis(DATE '2026-07-01', DATE '2026-09-30', NULL, 'month')")
    finally:
        con.close()


def test_a_missing_macro_names_the_fix(built, tmp_path, capsys):
    built = shutil.copy(built, tmp_path / "hoaan.duckdb")  # this test changes the file
    con = db.connect(built)
    db.run(con, "drop macro table period_kpis")  # as a database built before the macros existed
    con.close()
    assert main(["kpis", "--db", str(built), "--period", "2026-Q3", "--json"]) == 2
    err = capsys.readouterr().err
    assert "macro period_kpis" in err and "Run `hoaan ingest`" in err
    assert "period_kpis" in models.required_macros()
