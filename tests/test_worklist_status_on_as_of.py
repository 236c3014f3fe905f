"""The work list of a day shows the status each open dossier had that day, and today's only where it differs.

Q3 2026 is over: the newest event is F's finish on 08/10, so report 08 for 2026-Q3 takes its list on
r = min(30/09, 08/10) = 30/09 (METRICS.md §5), as `hoaan worklist --as-of 2026-09-30` does. Working days
after Wednesday 30/09: 01/10 +1, 02/10 +2, 05/10 +3. Hòa An's dossiers, all of 2.000815:

  id       received  due    stored now                                   on 30/09 (status_on_as_of, status_now)
  CLOSED   22/09     02/10  10 Đã trả kết quả, finished 05/10            4 Đang xử lý, 10 (open on 30/09, +2)
  WAITING  15/09     01/10  10, asked 25/09, answered 03/10, fin. 08/10  5 Yêu cầu bổ sung, 10 (waiting at r, +1)
  ASKED    20/09     01/10  5, asked 02/10 (after 30/09)                 4 Đang xử lý, 5 (+1)
  LATE     24/09     29/09  4 Đang xử lý                                 4, none (overdue by 1)
  FEE      25/09     01/10  6 nghĩa vụ tài chính                         6, none: no date says when (+1)
  NODATE   21/09     02/10  5, no request date                           5, none: as exported (+2)
  DONE     01/09     10/09  10, finished 09/09                           not open: a closed row, its own 10
"""

from __future__ import annotations

import json
from datetime import date

import polars as pl
import pytest
from helpers import database_file

from hoaan_analytics.cli import main
from hoaan_analytics.labels_vi import STATUS_LABELS_VI
from hoaan_analytics.sections import context
from hoaan_analytics.sections import worklist as sections
from hoaan_analytics.worklist import worklist

AS_OF = date(2026, 9, 30)
ROWS = [
    {"dossier_id": "CLOSED", "status": 10, "received_at": "2026-09-22 08:00", "due_at": "2026-10-02 16:30",
     "finished_at": "2026-10-05 10:00", "returned_at": "2026-10-05 10:00"},
    {"dossier_id": "WAITING", "status": 10, "received_at": "2026-09-15 08:00", "due_at": "2026-10-01 16:30",
     "supplement_requested_at": "2026-09-25 09:00", "supplement_completed_at": "2026-10-03 09:00",
     "supplement_count": 1, "finished_at": "2026-10-08 10:00"},
    {"dossier_id": "ASKED", "status": 5, "received_at": "2026-09-20 08:00", "due_at": "2026-10-01 16:30",
     "supplement_requested_at": "2026-10-02 09:00", "supplement_count": 1},
    {"dossier_id": "LATE", "status": 4, "received_at": "2026-09-24 08:00", "due_at": "2026-09-29 16:30"},
    {"dossier_id": "FEE", "status": 6, "received_at": "2026-09-25 08:00", "due_at": "2026-10-01 16:30"},
    {"dossier_id": "NODATE", "status": 5, "received_at": "2026-09-21 08:00", "due_at": "2026-10-02 16:30"},
    {"dossier_id": "DONE", "status": 10, "received_at": "2026-09-01 08:00", "due_at": "2026-09-10 16:30",
     "finished_at": "2026-09-09 10:00"},
]
# (status_on_as_of, status_now) by id, worked out above
EXPECTED = {"CLOSED": (4, 10), "WAITING": (5, 10), "ASKED": (4, 5), "LATE": (4, None), "FEE": (6, None),
            "NODATE": (5, None)}


@pytest.fixture
def database(tmp_path, params_dir):
    return database_file(tmp_path / "q3.duckdb", ROWS, params_dir)


def test_the_macro_derives_each_status_from_the_stored_dates(loaded):
    rows = worklist(loaded, AS_OF)
    opened = rows.filter(pl.col("row_kind") == "open")
    assert {r["dossier_id"]: (r["status_on_as_of"], r["status_now"]) for r in opened.iter_rows(named=True)} == EXPECTED
    # the export's status now is kept as it was, under its old name
    assert dict(zip(opened["dossier_id"], opened["status"], strict=True))["CLOSED"] == 10
    closed = rows.filter(pl.col("row_kind") == "closed")
    assert set(closed["dossier_id"]) == {"DONE"}
    assert set(zip(closed["status_on_as_of"], closed["status_now"], strict=True)) == {(10, None)}


def test_a_later_day_sees_the_status_of_that_day(loaded):
    # on 02/10 ASKED is waiting (asked that day), WAITING still is (answered 03/10); CLOSED is still open
    later = worklist(loaded, date(2026, 10, 2)).filter(pl.col("row_kind") == "open")
    got = {r["dossier_id"]: (r["status_on_as_of"], r["status_now"]) for r in later.iter_rows(named=True)}
    assert got["ASKED"] == (5, None) and got["WAITING"] == (5, 10) and got["CLOSED"] == (4, 10)


def test_hoaan_worklist_json_carries_both(database, capsys):
    assert main(["worklist", "--db", str(database), "--as-of", "2026-09-30", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    got = {r["dossier_id"]: (r["status"], r["status_on_as_of"], r["status_now"]) for r in document["open"]}
    assert got["CLOSED"] == (10, 4, 10) and got["LATE"] == (4, 4, None)


def test_hoaan_worklist_table_shows_the_status_of_the_day(database, capsys):
    assert main(["worklist", "--db", str(database), "--as-of", "2026-09-30", "--unit", "UBND xã Hòa An"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.strip().startswith("CLOSED "))
    assert line.index(STATUS_LABELS_VI[4]) < line.index(STATUS_LABELS_VI[10])
    late = next(line for line in out.splitlines() if line.strip().startswith("LATE "))
    assert STATUS_LABELS_VI[10] not in late and late.count(STATUS_LABELS_VI[4]) == 1


def test_report_08_for_a_finished_period_shows_dang_xu_ly_for_a_dossier_closed_later(database, params_dir):
    ctx = context.open_report(database, "2026-Q3", params_dir=params_dir)
    try:
        assert sections.as_of(ctx) == AS_OF
        table = sections.open_table(ctx)
        frame = pl.DataFrame(table._tbl_data)
        page = table.as_raw_html()
    finally:
        ctx.close()
    shown = {r["dossier_id"]: (r["status_on_as_of"], r["status_now"]) for r in frame.iter_rows(named=True)}
    assert shown["CLOSED"] == ("Đang xử lý", "Đã trả kết quả")
    assert shown["WAITING"] == ("Yêu cầu bổ sung giấy tờ", "Đã trả kết quả")
    assert shown["LATE"] == ("Đang xử lý", None)
    assert "Trạng thái ngày 30/09/2026" in page and "Trạng thái hiện nay (nếu khác)" in page
