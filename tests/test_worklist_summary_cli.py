"""`hoaan worklist` without --unit: one line per unit and the province's total; the dossiers only on request.

as_of = Fri 28/08/2026 (the newest event: TODAY's reception), period [01/08, 28/08], r = 28/08. Two units:

  dossier     unit   what it is at 28/08                                counts
  OVERDUE     Đông   open, due 20/08                                    open, overdue
  TODAY       Đông   open, due 28/08                                    open, due soon (0 working days left)
  NO_RESULT   Tây    closed 04/08 in time, paper-result procedure,      4.1 and 4.2 can_win (no_result_file):
                     no result file                                     2 points still to win
  LATE        Tây    closed 12/08 after its due 10/08, rated            2.1 and 5.4 lost: not a point to win

  unit   open  overdue  due soon  still to win
  Đông      2        1         1             0
  Tây       0        0         0             2
  total     2        1         1             2   (Đông first: more overdue)
"""

from __future__ import annotations

import csv

import pytest
from helpers import database_file
from index766_fixtures import flags

from hoaan_analytics.cli import main

EAST, WEST = "UBND xã Hòa Đông", "UBND xã Hòa Tây"
GOOD = {"channel": 2, "status": 10, "rating": "Hài lòng", **flags(1, 1, 1, 1, 1, 0)}
ROWS = [
    {"dossier_id": "OVERDUE", "unit_name": EAST, "status": 4, "received_at": "2026-08-10 08:00",
     "due_at": "2026-08-20 16:30"},
    {"dossier_id": "TODAY", "unit_name": EAST, "status": 4, "received_at": "2026-08-28 08:00",
     "due_at": "2026-08-28 16:30"},
    {**GOOD, "dossier_id": "NO_RESULT", "unit_name": WEST, "procedure_code": "1.001193",
     "received_at": "2026-08-03 08:00", "due_at": "2026-08-05 16:30", "finished_at": "2026-08-04 10:00",
     **flags(1, 1, 1, 0, 1, 0)},
    {**GOOD, "dossier_id": "LATE", "unit_name": WEST, "procedure_code": "1.004222",
     "received_at": "2026-08-03 08:00", "due_at": "2026-08-10 16:30", "finished_at": "2026-08-12 10:00"},
]


@pytest.fixture
def august_db(tmp_path, params_dir):
    return database_file(tmp_path / "august.duckdb", ROWS, params_dir)


def _numbers(line: str) -> list[int]:
    return [int(part.replace(",", "")) for part in line.split() if part.replace(",", "").isdigit()]


def test_one_line_per_unit_and_the_total(august_db, capsys):
    assert main(["worklist", "--db", str(august_db)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Việc cần làm đến hết ngày 28/08/2026 — Toàn bộ đơn vị"
    assert "dữ liệu đến ngày 28/08/2026" in lines[1]
    east = next(i for i, line in enumerate(lines) if line.strip().startswith(EAST))
    west = next(i for i, line in enumerate(lines) if line.strip().startswith(WEST))
    total = next(i for i, line in enumerate(lines) if line.strip().startswith("Toàn bộ đơn vị"))
    assert east < west < total
    assert _numbers(lines[east]) == [2, 1, 1, 0]
    assert _numbers(lines[west]) == [0, 0, 0, 2]
    assert _numbers(lines[total]) == [2, 1, 1, 2]
    assert "Theo đơn vị: 2 đơn vị" in out
    # no dossier is listed without --unit / --all / --json / --csv
    assert "OVERDUE" not in out and "NO_RESULT" not in out


def test_all_lists_the_dossiers(august_db, capsys):
    assert main(["worklist", "--db", str(august_db), "--all"]) == 0
    out = capsys.readouterr().out
    assert "Hồ sơ đang giải quyết cần xử lý: 2 hồ sơ (1 quá hạn)" in out
    assert out.index("OVERDUE") < out.index("TODAY") < out.index("NO_RESULT")


def test_one_unit_still_lists_its_dossiers(august_db, capsys):
    assert main(["worklist", "--db", str(august_db), "--unit", EAST]) == 0
    out = capsys.readouterr().out
    assert "OVERDUE" in out and "TODAY" in out and "NO_RESULT" not in out


def test_csv_holds_every_listed_row(august_db, tmp_path, capsys):
    path = tmp_path / "list.csv"
    assert main(["worklist", "--db", str(august_db), "--csv", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Toàn bộ đơn vị" in captured.out and "OVERDUE" not in captured.out
    assert f"Đã ghi 6 dòng vào {path}" in captured.err
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # 2 open rows, then NO_RESULT's 4.1 and 4.2 and LATE's 2.1 and 5.4
    assert [(r["row_kind"], r["dossier_id"]) for r in rows[:2]] == [("open", "OVERDUE"), ("open", "TODAY")]
    assert sorted((r["dossier_id"], r["indicator_id"], r["kind"]) for r in rows[2:]) == [
        ("LATE", "2.1", "lost"), ("LATE", "5.4", "lost"),
        ("NO_RESULT", "4.1", "can_win"), ("NO_RESULT", "4.2", "can_win")]


def test_summary_errors_as_the_list(august_db, capsys):
    assert main(["worklist", "--db", str(august_db), "--as-of", "2030-01-01"]) == 2
    assert "outside the working-day calendar" in capsys.readouterr().err
