"""Elapsed working days against the statutory limit per procedure, and where the time goes.

Procedure 1.004873 (Cấp Giấy xác nhận tình trạng hôn nhân) has a 3-working-day limit in
params/procedures.csv. March 2026, 2/3 a Monday, no holidays:
  T1 received 2/3, finished 4/3                      -> elapsed wd(2/3, 4/3) = 2
  T2 received 2/3, finished 9/3, supplement 3/3 -> 5/3 -> pause wd(3/3, 5/3) = 2,
     elapsed wd(2/3, 9/3) − 2 = 5 − 2 = 3; returned 11/3 -> 2 working days to return
Σ elapsed 5, Σ statutory 6: time_reduction = 1 − 5/6; mean elapsed 2,5.
Within 70%: 10·2 ≤ 7·3 (20 ≤ 21) yes, 10·3 ≤ 21 no -> 1. Over the limit (> 3): none.
A same-day procedure (2.000815, limit 0) resolved in the period is not counted.
"""

import pytest
from helpers import build_database

from hoaan_analytics import analyses
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period

PROCEDURE = {"procedure_code": "1.004873", "procedure_name": "Cấp Giấy xác nhận tình trạng hôn nhân",
             "field_name": "Hộ tịch"}
ROWS = [
    {**PROCEDURE, "dossier_id": "T1", "received_at": "2026-03-02 08:00", "finished_at": "2026-03-04 10:00"},
    {**PROCEDURE, "dossier_id": "T2", "received_at": "2026-03-02 08:00", "finished_at": "2026-03-09 10:00",
     "supplement_requested_at": "2026-03-03 08:00", "supplement_completed_at": "2026-03-05 08:00",
     "supplement_count": 1, "returned_at": "2026-03-11 09:00"},
    {"dossier_id": "S", "received_at": "2026-03-02 08:00", "finished_at": "2026-03-02 10:00"},
]
MARCH = parse_period("2026-03")


def test_one_row_per_procedure(con, params_dir):
    build_database(con, params_dir, ROWS)
    times = analyses.processing_time(con, MARCH)
    assert times.height == 1
    row = times.row(0, named=True)
    assert (row["procedure_code"], row["statutory_days"], row["dossiers"]) == ("1.004873", 3, 2)
    assert (row["elapsed_working_days"], row["statutory_working_days"]) == (5, 6)
    assert row["mean_elapsed_working_days"] == 2.5
    assert row["time_reduction"] == pytest.approx(1 - 5 / 6)
    assert (row["within_70pct_dossiers"], row["over_limit_dossiers"]) == (1, 0)
    assert (row["paused_dossiers"], row["mean_supplement_pause_working_days"]) == (1, 2.0)
    assert row["mean_working_days_to_return"] == 2.0


def test_agrees_with_the_kpi(con, params_dir):
    build_database(con, params_dir, ROWS)
    kpis = compute_kpis(con, MARCH)
    assert kpis["time_reduction"] == pytest.approx(1 - 5 / 6)
    assert kpis["within_70pct_share"] == 0.5


def test_per_procedure_share_and_totals_come_from_sql(con, params_dir):
    # within 70%: T1 only -> 1 of 2 = 0,5 for the procedure; the totals over every procedure are the same
    # numbers (one procedure): 2 dossiers, Σ elapsed 5, Σ statutory 6, 1 paused for 2 working days.
    # Late: due from the catalogue = wd 3 after 2/3 = 5/3; T2's effective end 9/3 − 2 days = 7/3 (a
    # Saturday) > 5/3 -> late, index(7/3) = index(6/3) -> 1 working day past due; T1 (4/3) early.
    build_database(con, params_dir, ROWS)
    assert analyses.processing_time(con, MARCH)["within_70pct_share"].to_list() == [0.5]
    total = analyses.processing_time_total(con, MARCH)
    assert total == {"procedures": 1, "dossiers": 2, "elapsed_working_days": 5, "statutory_working_days": 6,
                     "over_limit_dossiers": 0, "paused_dossiers": 1, "supplement_pause_working_days": 2,
                     "late_dossiers": 1, "working_days_late": 1, "time_reduction": pytest.approx(1 - 5 / 6),
                     "within_70pct_share": 0.5}


def test_no_total_without_dossiers(con, params_dir):
    build_database(con, params_dir, [])
    assert analyses.processing_time_total(con, MARCH) is None
    assert analyses.processing_time(con, MARCH).is_empty()
