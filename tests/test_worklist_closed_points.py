"""The work list's closed dossiers (issue 14): each 766 point a dossier resolved in the month lost or can still win.

as_of = Fri 28/08/2026: the period is [01/08, 28/08]; AFTER finishes on 29/08, the newest event, so r = 28/08.
Catalogue (params/procedures.csv): 2.000815 has a fee and a paper result; 1.004222 neither; 1.001193 a paper
result and no fee. GOOD = every flag set, no complaint, rated "Hài lòng": such a dossier resolved in time is
on no list. Flags in index766_fixtures.FLAGS order: components, reused data, citizen store, result file, VNeID,
complaint.

  dossier     what is wrong                                rows (indicator, kind, reason)
  LATE        finished 12/08, due 10/08                    2.1 lost resolved_late; 5.4 lost resolved_late
  TWICE       on time but asked twice for documents        2.1 and 5.4 lost repeated_supplement
  NO_RESULT   paper-result procedure, no result file       4.1 and 4.2 can_win no_result_file
  NOT_PAID    fee 10.000 đồng paid in cash                 3.6 can_win not_paid_online (3.5 counts procedures:
                                                           not listed)
  NOT_RATED   no rating                                    satisfaction can_win not_rated (no 766 point, §9)
  DISLIKED    rated "Không hài lòng"                       5.4 lost disliked
  COMPLAINT   a complaint                                  5.4 lost complaint
  NO_VNEID    account not verified with VNeID              4.5 lost not_vneid_verified
  NO_REUSE    components neither reused nor from the       4.3 can_win no_reused_data;
              applicant's store                            4.4 can_win not_from_citizen_store
  CARRIED     received 27/07, finished 04/08 after its     2.1 lost, 5.4 lost (resolved_late); not 4.3: the
              due 29/07, no reused data                    received-only indicators count August's receptions
  UNKNOWN     no flag columns (null), rated                nothing: an unknown flag is no lost point
  JULY        late, finished 20/07                         nothing: closed before the month
  AFTER       finished 29/08, after as_of                  open at the end of 28/08: an open row, no closed one
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import build_database
from index766_fixtures import flags

from hoaan_analytics.worklist import worklist

AS_OF = date(2026, 8, 28)
GOOD = {"channel": 2, "status": 10, "rating": "Hài lòng", "procedure_code": "1.004222", **flags(1, 1, 1, 1, 1, 0)}
ON_TIME = {"received_at": "2026-08-03 08:00", "due_at": "2026-08-05 16:30", "finished_at": "2026-08-04 10:00"}
ROWS = [
    {**GOOD, "dossier_id": "ALL_GOOD", **ON_TIME},
    {**GOOD, "dossier_id": "LATE", "received_at": "2026-08-03 08:00", "due_at": "2026-08-10 16:30",
     "finished_at": "2026-08-12 10:00"},
    {**GOOD, "dossier_id": "TWICE", **ON_TIME, "supplement_requested_at": "2026-08-03 09:00",
     "supplement_completed_at": "2026-08-03 15:00", "supplement_count": 2},
    {**GOOD, "dossier_id": "NO_RESULT", "procedure_code": "1.001193", **ON_TIME, **flags(1, 1, 1, 0, 1, 0)},
    {**GOOD, "dossier_id": "NOT_PAID", "procedure_code": "2.000815", **ON_TIME, "fee_amount": 10000,
     "payment_method": "Tiền mặt", "paid_online": 0},
    {**GOOD, "dossier_id": "NOT_RATED", **ON_TIME, "rating": None},
    {**GOOD, "dossier_id": "DISLIKED", **ON_TIME, "rating": "Không hài lòng"},
    {**GOOD, "dossier_id": "COMPLAINT", **ON_TIME, **flags(1, 1, 1, 1, 1, 1)},
    {**GOOD, "dossier_id": "NO_VNEID", **ON_TIME, **flags(1, 1, 1, 1, 0, 0)},
    {**GOOD, "dossier_id": "NO_REUSE", **ON_TIME, **flags(1, 0, 0, 1, 1, 0)},
    {**GOOD, "dossier_id": "CARRIED", "received_at": "2026-07-27 08:00", "due_at": "2026-07-29 16:30",
     "finished_at": "2026-08-04 10:00", **flags(1, 0, 1, 1, 1, 0)},
    {**GOOD, "dossier_id": "UNKNOWN", **ON_TIME, **flags(None, None, None, None, None, None)},
    {**GOOD, "dossier_id": "JULY", "received_at": "2026-07-01 08:00", "due_at": "2026-07-10 16:30",
     "finished_at": "2026-07-20 10:00"},
    {**GOOD, "dossier_id": "AFTER", "received_at": "2026-08-24 08:00", "due_at": "2026-08-26 16:30",
     "finished_at": "2026-08-29 10:00"},
]

# In the list's order: what can still be won first, then what is lost; each by dossier id, then indicator
EXPECTED_CLOSED = [
    ("NOT_PAID", "3.6", "can_win", "not_paid_online"),
    ("NOT_RATED", "satisfaction", "can_win", "not_rated"),
    ("NO_RESULT", "4.1", "can_win", "no_result_file"),
    ("NO_RESULT", "4.2", "can_win", "no_result_file"),
    ("NO_REUSE", "4.3", "can_win", "no_reused_data"),
    ("NO_REUSE", "4.4", "can_win", "not_from_citizen_store"),
    ("CARRIED", "2.1", "lost", "resolved_late"),
    ("CARRIED", "5.4", "lost", "resolved_late"),
    ("COMPLAINT", "5.4", "lost", "complaint"),
    ("DISLIKED", "5.4", "lost", "disliked"),
    ("LATE", "2.1", "lost", "resolved_late"),
    ("LATE", "5.4", "lost", "resolved_late"),
    ("NO_VNEID", "4.5", "lost", "not_vneid_verified"),
    ("TWICE", "2.1", "lost", "repeated_supplement"),
    ("TWICE", "5.4", "lost", "repeated_supplement"),
]


@pytest.fixture
def august(con, params_dir):
    build_database(con, params_dir, ROWS)
    return con


def test_each_point_of_the_closed_dossiers(august):
    frame = worklist(august, AS_OF)
    closed = frame.filter(frame["row_kind"] == "closed")
    assert list(zip(closed["dossier_id"], closed["indicator_id"], closed["kind"], closed["reason"],
                    strict=True)) == EXPECTED_CLOSED


def test_a_dossier_finished_after_as_of_is_open_at_its_end(august):
    frame = worklist(august, AS_OF)
    # AFTER: due 26/08, open at r = 28/08: overdue by wd(26/08, 28/08) = 27, 28 = 2 working days
    assert frame.filter(frame["row_kind"] == "open").select("dossier_id", "working_days_left", "reason").rows() == [
        ("AFTER", -2, "pending_overdue")]


def test_closed_rows_carry_the_dossier_dates_and_no_open_columns(august):
    frame = worklist(august, AS_OF)
    row = frame.filter((frame["dossier_id"] == "LATE") & (frame["indicator_id"] == "2.1")).row(0, named=True)
    assert (row["received_on"], row["due_on"], row["finished_on"], row["status"]) == (
        date(2026, 8, 3), date(2026, 8, 10), date(2026, 8, 12), 10)
    assert (row["working_days_left"], row["is_pending_overdue"], row["is_waiting_for_applicant"]) == (None, None, None)


def test_a_day_before_the_late_finish_lists_it_open_and_nothing_lost(august):
    # as_of 11/08: LATE (due 10/08) is still open and overdue by 1 working day; the others finished on 04/08
    frame = worklist(august, date(2026, 8, 11))
    late = frame.filter(frame["dossier_id"] == "LATE")
    assert late.select("row_kind", "working_days_left", "reason").rows() == [("open", -1, "pending_overdue")]
