"""The pending rule of METRICS.md §5 (the national portal's): each branch on a hand-written dossier.

Period 2026-03 = [01/03, 31/03]. DONE finishes on 02/04 and F's applicant answers on 02/04, so the
newest event is 02/04 and r = min(31/03, 02/04) = 31/03. Worked by hand:

  dossier  supplement (requested → completed, count)  due     end at r                            verdict
  A        18/3 → none, 1: waiting at r               20/3    18/3 (the request)                  in time
  B        25/3 → none, 1: waiting at r               20/3    25/3 (asked after its due date)     overdue
  C        none, count 2                              30/4    (two requests)                      overdue
  D        10/3 → 20/3, 1: answered by r              25/3    31/3 − 10 days = 21/3               in time
  E        20/3 → 15/3, 1: answered by r, pause < 0   31/3    31/3 − 0 (negative pause = 0) = 31/3 in time
  F        20/3 → 02/4, 1: answer after r: waiting    19/3    20/3                                overdue
  G        none                                       31/3    31/3                                in time
  DONE     none (finished 02/4, open at 31/3)         03/4    31/3                                in time
  R1       resolved 05/3 10:00, pause 04/3 → 03/3 (< 0, counts as none): effective end 05/3 = due: on time

Under the previous rule (in time when due ≥ r or waiting at r) B and F were in time and D overdue.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import insert_dossiers

from hoaan_analytics import db, models
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period

OPEN = {"received_at": "2026-03-02 08:00", "status": 4}
ROWS = [
    {**OPEN, "dossier_id": "A", "due_at": "2026-03-20 16:30", "status": 5,
     "supplement_requested_at": "2026-03-18 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "B", "due_at": "2026-03-20 16:30", "status": 5,
     "supplement_requested_at": "2026-03-25 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "C", "due_at": "2026-04-30 16:30", "supplement_count": 2},
    {**OPEN, "dossier_id": "D", "due_at": "2026-03-25 16:30", "supplement_requested_at": "2026-03-10 09:00",
     "supplement_completed_at": "2026-03-20 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "E", "due_at": "2026-03-31 16:30", "supplement_requested_at": "2026-03-20 09:00",
     "supplement_completed_at": "2026-03-15 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "F", "due_at": "2026-03-19 16:30", "status": 5,
     "supplement_requested_at": "2026-03-20 09:00", "supplement_completed_at": "2026-04-02 09:00",
     "supplement_count": 1},
    {**OPEN, "dossier_id": "G", "due_at": "2026-03-31 16:30"},
    {"dossier_id": "DONE", "received_at": "2026-03-30 08:00", "due_at": "2026-04-03 16:30",
     "finished_at": "2026-04-02 09:00", "status": 10},
    {"dossier_id": "R1", "received_at": "2026-03-02 08:00", "due_at": "2026-03-05 16:30",
     "finished_at": "2026-03-05 10:00", "status": 10, "supplement_requested_at": "2026-03-04 10:00",
     "supplement_completed_at": "2026-03-03 10:00", "supplement_count": 1},
]
MARCH = parse_period("2026-03")


@pytest.fixture
def loaded(con, params_dir):
    insert_dossiers(con, ROWS)
    models.refresh(con, params_dir)
    return con


def test_counts_of_march(loaded):
    k = compute_kpis(loaded, MARCH)
    # pending A..G and DONE = 8: in time A, D, E, G, DONE (5); overdue B, C, F (3)
    assert (k["pending"], k["pending_in_time"], k["pending_overdue"]) == (8, 5, 3)
    # R1 is the only resolved one, on time: its negative pause is no pause
    assert (k["resolved"], k["resolved_on_time"], k["resolved_late"]) == (1, 1, 0)
    assert k["progress_rate"] == pytest.approx((1 + 5) / 9)


def test_each_dossier_end_and_verdict(loaded):
    frame = db.query(loaded, """
        select dossier_id, pending_end_on, is_pending_in_time, is_pending_overdue
        from period_dossiers($d0, $d1, null) where not is_resolved order by dossier_id""",
                     {"d0": MARCH.start, "d1": MARCH.end})
    got = {r[0]: r[1:] for r in frame.rows()}
    assert got == {
        "A": (date(2026, 3, 18), True, False),
        "B": (date(2026, 3, 25), False, True),
        "C": (date(2026, 3, 31), False, True),  # the end does not matter: two requests
        "D": (date(2026, 3, 21), True, False),
        "E": (date(2026, 3, 31), True, False),
        "F": (date(2026, 3, 20), False, True),
        "G": (date(2026, 3, 31), True, False),
        "DONE": (date(2026, 3, 31), True, False),
    }


def test_a_pending_dossier_without_a_due_date_is_overdue(con, params_dir):
    # a procedure not in the catalogue and no due_at (the loader sets such rows aside; one that got in
    # anyway): its end compares with an unknown due date as unknown, counted as not in time, even waiting
    insert_dossiers(con, [{"dossier_id": "X", "procedure_code": "9.999999", "received_at": "2026-03-02 08:00",
                           "status": 5, "supplement_requested_at": "2026-03-03 09:00", "supplement_count": 1}])
    models.refresh(con, params_dir)
    k = compute_kpis(con, MARCH)
    assert (k["pending"], k["pending_in_time"], k["pending_overdue"]) == (1, 0, 1)
