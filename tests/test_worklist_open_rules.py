"""The work list's open dossiers (issue 14): which are listed as of a date, their working days left and reason.

Calendar (holidays.VN 0.109, params/calendar.csv empty), August–September 2026:
  Sat 22/08 is a worked Saturday, swapped for Mon 31/08, a day off; Tue 01/09 and Wed 02/09 are Quốc khánh.
  Working days after Fri 28/08: Thu 03/09 (1), Fri 04/09 (2), Mon 07/09 (3), Tue 08/09 (4), ... Wed 30/09 (20)
  (September: 3, 4 | 7–11 | 14–18 | 21–25 | 28, 29, 30 = 2 + 15 + 3).
  Working days up to Fri 28/08 from Thu 20/08: 21, 22 (Sat), 24, 25, 26, 27, 28 = 7.

as_of = Fri 28/08/2026, N = 3: the period is [01/08, 28/08]; FIN_LATER finishes on 02/09, the newest event,
so r = min(28/08, 02/09) = 28/08. working_days_left = wd(28/08, due), negative = wd(due, 28/08) days past it.

  dossier      due    supplement (asked → answered, count)  at r                     left  listed as
  TODAY        28/08  none                                  in time                   0   due_within
  IN3          07/09  none                                  in time                   3   due_within (weekend,
                                                                                          swapped day, holidays)
  IN4          08/09  none                                  in time                   4   no: 4 > N, next month
  DAY_OFF      31/08  none (due on the swapped day off)     in time                   0   due_within
  FIN_LATER    04/09  none; finished 02/09, after as_of     in time                   2   due_within (open at
                                                                                          the end of 28/08)
  OVERDUE      20/08  none                                  28/08 > 20/08: overdue   -7   pending_overdue
  TWO_ROUNDS   30/09  05/08 → 12/08, 2 (before its due)     two requests: overdue    20   repeated_supplement
  WAIT_LATE    20/08  24/08 → none, 1 (after its due)       24/08 > 20/08: overdue   -7   waiting_after_due
  WAIT_IN_TIME 25/08  24/08 → none, 1 (before its due)      24/08 ≤ 25/08: in time   -3   waiting_for_applicant
  WAIT_FAR     30/09  26/08 → none, 1                       in time                  20   no
  PAUSED       21/08  10/08 → 20/08, 1 (answered)           28/08 − 10 days = 18/08  -6   past_due_in_time
                                                            ≤ 21/08: in time
  LATER        15/09  none                                  in time                   9   no
  JULY         10/07  finished 20/07: closed before the month                             no
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from helpers import build_database

from hoaan_analytics import db
from hoaan_analytics.worklist import worklist

AS_OF = date(2026, 8, 28)
OPEN = {"status": 4, "rating": "Hài lòng"}
ROWS = [
    {**OPEN, "dossier_id": "TODAY", "received_at": "2026-08-28 08:00", "due_at": "2026-08-28 16:30"},
    {**OPEN, "dossier_id": "IN3", "received_at": "2026-08-24 08:00", "due_at": "2026-09-07 16:30"},
    {**OPEN, "dossier_id": "IN4", "received_at": "2026-08-24 08:00", "due_at": "2026-09-08 16:30"},
    {**OPEN, "dossier_id": "DAY_OFF", "received_at": "2026-08-26 08:00", "due_at": "2026-08-31 16:30"},
    {"dossier_id": "FIN_LATER", "status": 10, "received_at": "2026-08-25 08:00", "due_at": "2026-09-04 16:30",
     "finished_at": "2026-09-02 10:00", "rating": "Hài lòng"},
    {**OPEN, "dossier_id": "OVERDUE", "received_at": "2026-08-10 08:00", "due_at": "2026-08-20 16:30"},
    {**OPEN, "dossier_id": "TWO_ROUNDS", "received_at": "2026-08-03 08:00", "due_at": "2026-09-30 16:30",
     "supplement_requested_at": "2026-08-05 09:00", "supplement_completed_at": "2026-08-12 09:00",
     "supplement_count": 2},
    {**OPEN, "dossier_id": "WAIT_LATE", "status": 5, "received_at": "2026-08-10 08:00",
     "due_at": "2026-08-20 16:30", "supplement_requested_at": "2026-08-24 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "WAIT_IN_TIME", "status": 5, "received_at": "2026-08-17 08:00",
     "due_at": "2026-08-25 16:30", "supplement_requested_at": "2026-08-24 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "WAIT_FAR", "status": 5, "received_at": "2026-08-24 08:00",
     "due_at": "2026-09-30 16:30", "supplement_requested_at": "2026-08-26 09:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "PAUSED", "received_at": "2026-08-03 08:00", "due_at": "2026-08-21 16:30",
     "supplement_requested_at": "2026-08-10 09:00", "supplement_completed_at": "2026-08-20 09:00",
     "supplement_count": 1},
    {**OPEN, "dossier_id": "LATER", "received_at": "2026-08-27 08:00", "due_at": "2026-09-15 16:30"},
    {"dossier_id": "JULY", "status": 10, "received_at": "2026-07-01 08:00", "due_at": "2026-07-10 16:30",
     "finished_at": "2026-07-20 10:00", "rating": "Hài lòng"},
]

# (dossier, working_days_left, is_pending_overdue, reason), in the list's order: overdue first (most days
# past first), then the fewest working days left, then the due date, then the id
EXPECTED = [
    ("OVERDUE", -7, True, "pending_overdue"),
    ("WAIT_LATE", -7, True, "waiting_after_due"),
    ("TWO_ROUNDS", 20, True, "repeated_supplement"),
    ("PAUSED", -6, False, "past_due_in_time"),
    ("WAIT_IN_TIME", -3, False, "waiting_for_applicant"),
    ("TODAY", 0, False, "due_within"),
    ("DAY_OFF", 0, False, "due_within"),
    ("FIN_LATER", 2, False, "due_within"),
    ("IN3", 3, False, "due_within"),
]


@pytest.fixture
def august(con, params_dir):
    build_database(con, params_dir, ROWS)
    return con


def _open(frame):
    rows = frame.filter(frame["row_kind"] == "open")
    return list(zip(rows["dossier_id"], rows["working_days_left"], rows["is_pending_overdue"], rows["reason"],
                    strict=True))


def test_the_open_list_of_friday_28_august(august):
    assert _open(worklist(august, AS_OF)) == EXPECTED


def test_the_calendar_behind_the_working_days_left(august):
    # the hand count above rests on these days: a worked Saturday, its swapped Monday and Quốc khánh
    days = dict(db.query(august, """
        select day, is_working_day from calendar_days
        where day in (DATE '2026-08-22', DATE '2026-08-31', DATE '2026-09-01', DATE '2026-09-02')""").rows())
    assert days == {date(2026, 8, 22): True, date(2026, 8, 31): False, date(2026, 9, 1): False,
                    date(2026, 9, 2): False}


def test_within_four_working_days_adds_the_dossier_due_on_8_september(august):
    got = _open(worklist(august, AS_OF, within_working_days=4))
    assert got == [*EXPECTED, ("IN4", 4, False, "due_within")]


def test_the_open_rows_carry_the_dossier_and_no_closed_columns(august):
    row = worklist(august, AS_OF).filter(pl.col("dossier_id") == "TWO_ROUNDS").row(0, named=True)
    assert (row["due_on"], row["received_on"], row["status"], row["supplement_count"]) == (
        date(2026, 9, 30), date(2026, 8, 3), 4, 2)
    assert (row["indicator_id"], row["kind"], row["finished_on"]) == (None, None, None)
    assert (row["period_start"], row["reference_on"]) == (date(2026, 8, 1), AS_OF)


# as_of = Tue 18/08/2026, N = 3, a month with a worked Saturday: wd(18/08, ·) = Wed 19 (1), Thu 20 (2),
# Fri 21 (3), Sat 22 (4, worked), Mon 24 (5); Thu 03/09 is 10 (25, 26, 27, 28, then Aug 31 – Sep 2 are off).
# Newest event: their reception on 18/08, so r = 18/08.
MID_MONTH = [
    {"dossier_id": "D3", "status": 4, "received_at": "2026-08-18 08:00", "due_at": "2026-08-21 16:30"},
    {"dossier_id": "SAT", "status": 4, "received_at": "2026-08-18 08:00", "due_at": "2026-08-22 11:00"},
    {"dossier_id": "D24", "status": 4, "received_at": "2026-08-18 08:00", "due_at": "2026-08-24 16:30"},
    {"dossier_id": "NEXT", "status": 4, "received_at": "2026-08-18 08:00", "due_at": "2026-09-03 16:30"},
]


@pytest.fixture
def mid_august(con, params_dir):
    build_database(con, params_dir, MID_MONTH)
    return con


def test_n_plus_one_working_days_away_is_kept_in_the_month_and_left_out_in_the_next(mid_august):
    got = _open(worklist(mid_august, date(2026, 8, 18)))
    assert got == [("D3", 3, False, "due_within"), ("SAT", 4, False, "due_this_month"),
                   ("D24", 5, False, "due_this_month")]


def test_a_wider_window_reaches_into_the_next_month(mid_august):
    got = _open(worklist(mid_august, date(2026, 8, 18), within_working_days=10))
    assert [(d, left, reason) for d, left, _, reason in got] == [
        ("D3", 3, "due_within"), ("SAT", 4, "due_within"), ("D24", 5, "due_within"), ("NEXT", 10, "due_within")]


def test_a_unit_of_its_own_lists_only_its_dossiers(con, params_dir):
    rows = [{**row, "unit_name": "UBND xã Khác"} if row["dossier_id"] == "SAT" else row for row in MID_MONTH]
    build_database(con, params_dir, rows)
    got = worklist(con, date(2026, 8, 18), unit="ubnd xã khác ")
    assert got["dossier_id"].to_list() == ["SAT"]
    assert got["unit_name"].to_list() == ["UBND xã Khác"]
