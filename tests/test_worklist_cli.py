"""`hoaan worklist`: the JSON shape, --as-of, --within, --unit, --by unit, errors, and the macro on a read-only file.

Two units, August 2026 (calendar: Mon 31/08 is a day off swapped for Sat 22/08; 01–02/09 are Quốc khánh).
The newest event is TODAY's reception on Fri 28/08, so the default as_of is 28/08 and r = 28/08.

  dossier  unit   due    at 28/08                         working_days_left
  OVERDUE  Đông   20/08  overdue                          -wd(20/08, 28/08) = -7 (21, 22 worked Sat, 24–28)
  TODAY    Đông   28/08  in time                           0
  IN4      Tây    08/09  in time                           wd(28/08, 08/09) = 4 (03, 04, 07, 08/09):
                                                          listed only with --within 4
  LATE     Tây    closed 12/08 after its due 10/08, rated: 2.1 and 5.4 lost (resolved_late); its procedure
                  (1.004222) has no fee and its flags are unknown (no column), so no other point is listed
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from helpers import build_database, database_file

from hoaan_analytics import db
from hoaan_analytics.cli import main

EAST, WEST = "UBND xã Hòa Đông", "UBND xã Hòa Tây"
ROWS = [
    {"dossier_id": "OVERDUE", "unit_name": EAST, "status": 4, "received_at": "2026-08-10 08:00",
     "due_at": "2026-08-20 16:30"},
    {"dossier_id": "TODAY", "unit_name": EAST, "status": 4, "received_at": "2026-08-28 08:00",
     "due_at": "2026-08-28 16:30"},
    {"dossier_id": "IN4", "unit_name": WEST, "status": 4, "received_at": "2026-08-24 08:00",
     "due_at": "2026-09-08 16:30"},
    {"dossier_id": "LATE", "unit_name": WEST, "procedure_code": "1.004222", "status": 10,
     "received_at": "2026-08-03 08:00", "due_at": "2026-08-10 16:30", "finished_at": "2026-08-12 10:00",
     "rating": "Hài lòng"},
]


@pytest.fixture
def august_db(tmp_path, params_dir):
    return database_file(tmp_path / "august.duckdb", ROWS, params_dir)


def _json(capsys, *args):
    assert main(["worklist", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape_and_the_default_date(august_db, capsys):
    got = _json(capsys, "--db", str(august_db))
    assert list(got) == ["as_of", "unit", "within_working_days", "open", "closed"]
    assert (got["as_of"], got["unit"], got["within_working_days"]) == ("2026-08-28", None, 3)
    assert [(r["dossier_id"], r["working_days_left"], r["reason"]) for r in got["open"]] == [
        ("OVERDUE", -7, "pending_overdue"), ("TODAY", 0, "due_within")]
    assert got["open"][0] == {
        "dossier_id": "OVERDUE", "procedure_code": "2.000815",
        "procedure_name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "unit_name": EAST,
        "field_name": "Chứng thực", "received_on": "2026-08-10", "due_on": "2026-08-20", "working_days_left": -7,
        "status": 4, "status_on_as_of": 4, "status_now": None, "supplement_count": 0,
        "is_waiting_for_applicant": False, "is_pending_overdue": True,
        "reason": "pending_overdue"}
    assert [(r["dossier_id"], r["indicator_id"], r["kind"], r["reason"], r["finished_on"]) for r in got["closed"]] == [
        ("LATE", "2.1", "lost", "resolved_late", "2026-08-12"), ("LATE", "5.4", "lost", "resolved_late", "2026-08-12")]


def test_within_four_adds_the_dossier_due_on_8_september(august_db, capsys):
    got = _json(capsys, "--db", str(august_db), "--within", "4")
    assert got["within_working_days"] == 4
    assert [(r["dossier_id"], r["working_days_left"]) for r in got["open"]] == [
        ("OVERDUE", -7), ("TODAY", 0), ("IN4", 4)]


def test_as_of_in_either_date_form(august_db, capsys):
    # 11/08: TODAY and IN4 are not received yet; LATE (finished 12/08) is still open and overdue by
    # wd(10/08, 11/08) = 1; OVERDUE is due on 20/08, wd(11/08, 20/08) = 12–14, 17–20 = 7 > 3 but in the month
    iso = _json(capsys, "--db", str(august_db), "--as-of", "2026-08-11")
    assert iso["as_of"] == "2026-08-11"
    assert [(r["dossier_id"], r["working_days_left"], r["reason"]) for r in iso["open"]] == [
        ("LATE", -1, "pending_overdue"), ("OVERDUE", 7, "due_this_month")]
    assert iso["closed"] == []
    assert _json(capsys, "--db", str(august_db), "--as-of", "11/08/2026") == iso


def test_one_unit(august_db, capsys):
    got = _json(capsys, "--db", str(august_db), "--unit", "ubnd xã hòa tây")
    assert got["unit"] == WEST
    assert got["open"] == []
    assert {r["unit_name"] for r in got["closed"]} == {WEST}


def test_by_unit_adds_each_units_counts(august_db, capsys):
    got = _json(capsys, "--db", str(august_db), "--by", "unit")
    assert got["units"] == [
        {"unit_name": EAST, "open_dossiers": 2, "overdue_dossiers": 1, "due_dossiers": 1,
         "lost_dossier_indicators": 0, "can_win_dossier_indicators": 0},
        {"unit_name": WEST, "open_dossiers": 0, "overdue_dossiers": 0, "due_dossiers": 0,
         "lost_dossier_indicators": 2, "can_win_dossier_indicators": 0},
    ]
    assert main(["worklist", "--db", str(august_db), "--by", "unit"]) == 0
    assert "Theo đơn vị" in capsys.readouterr().out


def test_the_plain_table_is_vietnamese_and_most_urgent_first(august_db, capsys):
    # all units' dossiers come with --all (without it, one line per unit: test_worklist_summary_cli.py)
    assert main(["worklist", "--db", str(august_db), "--all"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Việc cần làm đến hết ngày 28/08/2026 — Toàn bộ đơn vị\n")
    assert "Hồ sơ đang giải quyết cần xử lý: 2 hồ sơ (1 quá hạn)" in out
    assert out.index("OVERDUE") < out.index("TODAY") < out.index("LATE")
    assert "Đang giải quyết quá hạn" in out and "Đến hạn trong 3 ngày làm việc tới" in out
    assert "Trả kết quả quá hạn" in out and "Đã mất" in out


@pytest.mark.parametrize("as_of", ["2026-02-30", "28.08.2026", "yesterday"])
def test_a_bad_date_is_a_one_line_error(august_db, capsys, as_of):
    assert main(["worklist", "--db", str(august_db), "--as-of", as_of]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and f"--as-of {as_of!r} is not a date" in captured.err


def test_errors_for_a_date_off_the_calendar_a_negative_window_and_an_unknown_unit(august_db, capsys):
    # the calendar covers the data's years with one on each side: 2025–2027
    assert main(["worklist", "--db", str(august_db), "--as-of", "2030-01-01"]) == 2
    assert "outside the working-day calendar" in capsys.readouterr().err
    assert main(["worklist", "--db", str(august_db), "--within", "-1"]) == 2
    assert "--within -1" in capsys.readouterr().err
    assert main(["worklist", "--db", str(august_db), "--unit", "UBND xã Không Có"]) == 2
    assert "unknown unit" in capsys.readouterr().err


def test_the_macros_run_on_a_read_only_connection(august_db):
    con = db.connect(august_db, read_only=True)
    try:
        rows = db.query(con, "select dossier_id, working_days_left from worklist(DATE '2026-08-28', NULL) "
                             "where row_kind = 'open'").rows()
        wider = db.query(con, "select dossier_id from worklist(DATE '2026-08-28', 'UBND XÃ HÒA TÂY', "
                              "within_working_days := 4) where row_kind = 'open'").rows()
        units = db.query(con, "select unit_name, open_dossiers from worklist_units(DATE '2026-08-28', NULL)").rows()
    finally:
        con.close()
    assert rows == [("OVERDUE", -7), ("TODAY", 0)]
    assert wider == [("IN4",)]
    assert units == [(EAST, 2), (WEST, 0)]


def test_an_empty_database_names_the_fix(tmp_path, params_dir, capsys):
    path = tmp_path / "empty.duckdb"
    con = db.connect(path)
    build_database(con, params_dir, [])
    con.close()
    assert main(["worklist", "--db", str(path)]) == 2
    assert "holds no dossiers" in capsys.readouterr().err


def test_default_as_of_is_the_newest_event(august_db):
    from hoaan_analytics.worklist import default_as_of

    con = db.connect(august_db, read_only=True)
    try:
        assert default_as_of(con) == date(2026, 8, 28)
    finally:
        con.close()


def test_a_date_after_the_data_judges_on_the_datas_last_day(august_db, capsys):
    # as_of Thu 10/09, data to 28/08: r = 28/08 (METRICS.md §5). Open at r: OVERDUE (overdue), TODAY and IN4
    # (in time at r). Days left count from as_of: OVERDUE -wd(20/08, 10/09) = 7 in August + 03, 04, 07–10/09 = -13;
    # TODAY -wd(28/08, 10/09) = -6; IN4 -wd(08/09, 10/09) = -2: past their dates, not yet overdue in the data
    got = _json(capsys, "--db", str(august_db), "--as-of", "2026-09-10")
    assert [(r["dossier_id"], r["working_days_left"], r["is_pending_overdue"], r["reason"]) for r in got["open"]] == [
        ("OVERDUE", -13, True, "pending_overdue"), ("TODAY", -6, False, "past_due_in_time"),
        ("IN4", -2, False, "past_due_in_time")]
    assert main(["worklist", "--db", str(august_db), "--as-of", "2026-09-10"]) == 0
    assert "dữ liệu đến ngày 28/08/2026" in capsys.readouterr().out
