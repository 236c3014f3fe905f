"""Pending overdue dossiers and late dossiers by reason, on hand-written dossiers of March 2026.

March 2026 has no public holiday; 2/3 is a Monday. Newest event = B's finish on 13/3,
so for the period 2026-03 the reference date r = min(31/3, 13/3) = 13/3.
  A: open, due 4/3           -> overdue, wd(4/3, 13/3) = 5,6,9,10,11,12,13 = 7 working days
  C: open, due 20/3          -> in time (due ≥ r), not listed
  D: open, due 5/3, supplement asked 4/3 and not answered -> waiting for the applicant, asked by its
     due date: its end is the request day 4/3 ≤ 5/3, in time (METRICS.md §5, re-worked for the portal's rule)
  B: due 3/3, finished 13/3  -> late after the due date, wd(3/3, 13/3) = 4,5,6,9..13 = 8 days late
  E: due 10/3, finished 5/3, 2 supplement requests -> late by repeated supplements, 0 days past due
  F: due 10/3, finished 12/3, 3 requests -> late for both reasons, wd(10/3, 12/3) = 2 days late
"""

from helpers import build_database

from hoaan_analytics import analyses
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period

ROWS = [
    {"dossier_id": "A", "received_at": "2026-03-02 08:00", "due_at": "2026-03-04 16:30", "status": 4},
    {"dossier_id": "C", "received_at": "2026-03-02 08:00", "due_at": "2026-03-20 16:30", "status": 4},
    {"dossier_id": "D", "received_at": "2026-03-02 08:00", "due_at": "2026-03-05 16:30", "status": 5,
     "supplement_requested_at": "2026-03-04 09:00", "supplement_count": 1},
    {"dossier_id": "B", "received_at": "2026-03-02 08:00", "due_at": "2026-03-03 16:30",
     "finished_at": "2026-03-13 10:00"},
    {"dossier_id": "E", "received_at": "2026-03-02 08:00", "due_at": "2026-03-10 16:30",
     "finished_at": "2026-03-05 10:00", "supplement_count": 2},
    {"dossier_id": "F", "received_at": "2026-03-02 08:00", "due_at": "2026-03-10 16:30",
     "finished_at": "2026-03-12 10:00", "supplement_count": 3, "field_name": "Hộ tịch"},
]
MARCH = parse_period("2026-03")


def _load(con, params_dir):
    build_database(con, params_dir, ROWS)


def test_reference_date_is_the_newest_event(con, params_dir):
    _load(con, params_dir)
    assert str(analyses.reference_on(con, MARCH)) == "2026-03-13"


def test_overdue_list_names_dossier_procedure_and_working_days(con, params_dir):
    _load(con, params_dir)
    overdue = analyses.pending_overdue(con, MARCH)
    assert overdue.select("dossier_id", "procedure_code", "working_days_overdue").rows() == [("A", "2.000815", 7)]
    assert compute_kpis(con, MARCH)["pending_overdue"] == 1


def test_overdue_list_has_no_personal_column(con, params_dir):
    _load(con, params_dir)
    columns = set(analyses.pending_overdue(con, MARCH).columns)
    assert columns == {"dossier_id", "unit_name", "field_name", "procedure_code", "procedure_name",
                       "received_on", "due_on", "working_days_overdue"}


def test_late_dossiers_by_reason(con, params_dir):
    _load(con, params_dir)
    late = analyses.late_by_reason(con, MARCH)
    assert late.select("field_name", "late_reason", "dossiers", "mean_working_days_late").rows() == [
        ("Chứng thực", "after_due", 1, 8.0),
        ("Chứng thực", "repeated_supplement", 1, 0.0),
        ("Hộ tịch", "both", 1, 2.0),
    ]
    assert late["late_reason_label"].to_list() == [
        "Trả kết quả sau ngày hẹn trả", "Yêu cầu bổ sung hồ sơ quá một lần",
        "Sau ngày hẹn trả và bổ sung quá một lần"]


def test_one_unit_only(con, params_dir):
    # A moved to another unit: the Hòa An list is empty, the other unit's list holds A
    rows = [dict(ROWS[0], unit_name="UBND xã Kiên Đài"), *ROWS[1:]]
    build_database(con, params_dir, rows)
    assert analyses.pending_overdue(con, MARCH, unit="UBND xã Hòa An").is_empty()
    assert analyses.pending_overdue(con, MARCH, unit="ubnd xã kiên đài")["dossier_id"].to_list() == ["A"]


def test_late_dossiers_by_reason_over_all_fields(con, params_dir):
    # by="none": one row per reason over every field; here each reason has one dossier (B 8, E 0, F 2 days)
    _load(con, params_dir)
    late = analyses.late_by_reason(con, MARCH, by="none")
    assert late.select("field_name", "late_reason", "dossiers", "mean_working_days_late").rows() == [
        (None, "after_due", 1, 8.0), (None, "both", 1, 2.0), (None, "repeated_supplement", 1, 0.0)]
