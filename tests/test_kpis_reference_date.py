"""The reference date r = min(d1, newest event of all stored dossiers) for a period still running."""

from __future__ import annotations

from helpers import insert_dossiers

from hoaan_analytics import models
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period

OPEN = {"dossier_id": "OPEN", "received_at": "2026-04-01 08:00", "due_at": "2026-04-03 16:30", "status": 4}


def test_running_period_judges_on_the_last_day_of_data(con, params_dir):
    # newest event = 2/4 (the other dossier's finish); Q2 runs to 30/6 but r = 2/4 ≤ due 3/4: in time
    insert_dossiers(con, [OPEN, {"dossier_id": "DONE", "received_at": "2026-04-01 08:00",
                                 "due_at": "2026-04-03 16:30", "finished_at": "2026-04-02 09:00"}])
    models.refresh(con, params_dir)
    k = compute_kpis(con, parse_period("2026-Q2"))
    assert (k["pending"], k["pending_in_time"], k["pending_overdue"]) == (1, 1, 0)


def test_a_status_1_dossier_moves_the_reference_date(con, params_dir):
    # a status-1 row received 20/4 counts nowhere, but it is an event of a stored dossier:
    # r = 20/4 > due 3/4, so the open dossier is overdue
    insert_dossiers(con, [OPEN, {"dossier_id": "NEW", "received_at": "2026-04-20 08:00", "status": 1}])
    models.refresh(con, params_dir)
    k = compute_kpis(con, parse_period("2026-Q2"))
    assert (k["handled"], k["pending_in_time"], k["pending_overdue"]) == (1, 0, 1)


def test_other_units_move_the_reference_date(con, params_dir):
    # "whatever the scope": the other unit's finish on 10/4 sets r for this unit too
    insert_dossiers(con, [OPEN, {"dossier_id": "ELSEWHERE", "unit_name": "UBND xã Kiên Đài",
                                 "received_at": "2026-04-08 08:00", "due_at": "2026-04-10 16:30",
                                 "finished_at": "2026-04-10 09:00"}])
    models.refresh(con, params_dir)
    k = compute_kpis(con, parse_period("2026-Q2"), unit="UBND xã Hòa An")
    assert (k["handled"], k["pending_overdue"]) == (1, 1)


def test_due_at_is_no_event(con, params_dir):
    # only a due date lies in the future (30/4); newest event = 1/4 -> r = 1/4 ≤ due: in time
    insert_dossiers(con, [{"dossier_id": "FAR", "received_at": "2026-04-01 08:00",
                           "due_at": "2026-04-30 16:30", "status": 4}])
    models.refresh(con, params_dir)
    k = compute_kpis(con, parse_period("2026-Q2"))
    assert k["pending_in_time"] == 1
