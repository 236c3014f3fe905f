"""`hoaan projection`: the month-end projection as text and JSON, on the hand-worked dossiers of
test_projection_scenarios (its docstring works every number out; the CLI must print those numbers).

as_of 23/04/2026, all units: 2.1 is 8.57 (nothing closes) against 14.29 (every listed dossier closes on
its due date) at the month's end, +5.72; at the quarter's end 5.71 against 14.29, +8.58. The plan's
on-time rate at the month's end: 0/1 = 0.0% against 3/5 = 60.0%, +60.0%.
"""

from __future__ import annotations

import json

import pytest
from helpers import database_file
from projection_rows import AS_OF, ROWS

from hoaan_analytics.cli import main


@pytest.fixture
def april_db(tmp_path, params_dir):
    return database_file(tmp_path / "april.duckdb", ROWS, params_dir)


def test_the_text_puts_both_scenarios_and_the_difference_on_one_line(april_db, capsys):
    assert main(["projection", "--db", str(april_db), "--as-of", AS_OF.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Tính tại ngày 23/04/2026" in out
    month, quarter = out.split("Cuối quý")
    assert "2026-04 (01/04/2026 – 30/04/2026)" in month
    assert [line.split()[:4] for line in month.splitlines() if line.strip().startswith("2.1 ")] == [
        ["2.1", "8.57", "14.29", "+5.72"]]
    assert [line.split()[:4] for line in quarter.splitlines() if line.strip().startswith("2.1 ")] == [
        ["2.1", "5.71", "14.29", "+8.58"]]
    on_time = next(line for line in month.splitlines() if "đúng hạn (kế hoạch)" in line)
    assert on_time.split()[:3] == ["0.0%", "60.0%", "+60.0%"]


def test_the_json_holds_one_row_per_period_scenario_and_measure(april_db, capsys):
    assert main(["projection", "--db", str(april_db), "--as-of", "23/04/2026", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["as_of"], document["unit"]) == ("2026-04-23", None)
    points = {(r["period_name"], r["scenario"]): r["points"] for r in document["rows"] if r["measure_id"] == "2.1"}
    assert points == {("2026-04", "none_close"): 8.57, ("2026-04", "listed_close_on_due"): 14.29,
                      ("2026-Q2", "none_close"): 5.71, ("2026-Q2", "listed_close_on_due"): 14.29}


def test_a_bad_date_is_one_line_naming_it(april_db, capsys):
    assert main(["projection", "--db", str(april_db), "--as-of", "31/02/2026"]) == 2
    err = capsys.readouterr().err
    assert "31/02/2026" in err and len(err.strip().splitlines()) == 1
