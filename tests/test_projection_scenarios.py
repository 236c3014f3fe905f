"""The month-end projection's two scenarios on hand-written dossiers, worked out by hand.

as_of = Thursday 23/04/2026: month 2026-04 = [01/04, 30/04], quarter 2026-Q2 = [01/04, 30/06]. The calendar
(params/): 25-26/04 weekend, Monday 27/04 a public holiday (Giỗ Tổ Hùng Vương), 30/04 and 01/05 holidays.
Every dossier is received in April, so handled = 7 in both periods; r = the period's last day (30/04, 30/06).

  id  what                                       due    none_close: open, judged at r     listed_close_on_due
  A   due today, open                            23/04  30/04 > 23/04: overdue (both)     closes 23/04: on time
  B   catalogue 3 working days from Wed 22/04:   28/04  overdue (both periods)            closes 28/04: on time
      23/04, 24/04, (weekend, holiday 27/04) 28/04
  C   overdue, two supplement rounds             10/04  overdue (count 2)                 closes on as_of 23/04, not
                                                                                          in the past: late
  D   waiting for the applicant since 17/04      24/04  end = the request 17/04 ≤ 24/04:  closes 24/04, answered then:
                                                        in time (both periods)            effective end 17/04: early
  E   resolved 09/04, due 08/04                  08/04  late                              late (closed already)
  F   open, due after the quarter                15/07  in time (both periods)            not listed: in time
  G   open, due in May                           15/05  month: in time at 30/04;          month: closes after it,
                                                        quarter: overdue at 30/06         in time at 30/04;
                                                                                          quarter: on time

month    none_close:  in time = D F G = 3 -> progress 3/7, 2.1 = 20 × 3/7 = 8.571 -> 8.57; on time 0 of E -> 0/1
         listed:      resolved A B C D E, in time A B D = 3 -> on_time 3/5; + pending in time F G -> 5/7,
                      2.1 = 20 × 5/7 = 14.286 -> 14.29; difference 14.29 − 8.57 = 5.72
quarter  none_close:  in time = D F = 2 -> progress 2/7, 2.1 = 20 × 2/7 = 5.714 -> 5.71; on time 0/1
         listed:      resolved A B C D E G, in time A B D G = 4 -> on_time 4/6; + F -> 5/7, 2.1 = 14.29;
                      difference 14.29 − 5.71 = 8.58

5.4 has 2.1's numerator (no complaint, no rating here): min(6, 6 × rate / 0.9) = 6 × 3/7 / 0.9 = 2.857 -> 2.86,
6 × 5/7 / 0.9 = 4.762 -> 4.76, 6 × 2/7 / 0.9 = 1.905 -> 1.90. Procedure 2.000815 (every dossier but B) has a
fee and none is paid online: 3.5 = 0/1 and 3.6 = 0/6, 0 points; 3.3 gives communes no points; 4.1-4.5 read
flags these rows leave unknown: no points. Total = 2.1 + 3.5 + 3.6 + 5.4 out of 20 + 2 + 6 + 6 = 34:
month 8.57 + 2.86 = 11.43 and 14.29 + 4.76 = 19.05 (difference 7.62); quarter 5.71 + 1.90 = 7.61 and 19.05
(difference 11.44).
"""

from __future__ import annotations

from datetime import date

import polars as pl
from projection_rows import AS_OF, ROWS  # noqa: F401 (ROWS: the database of the `loaded` fixture)

from hoaan_analytics import db
from hoaan_analytics.projection import projection

# (period, scenario) -> (2.1 numerator, 2.1 points, progress_rate, on_time_rate)
EXPECTED = {
    ("month", "none_close"): (3, 8.57, 3 / 7, 0 / 1),
    ("month", "listed_close_on_due"): (5, 14.29, 5 / 7, 3 / 5),
    ("quarter", "none_close"): (2, 5.71, 2 / 7, 0 / 1),
    ("quarter", "listed_close_on_due"): (5, 14.29, 5 / 7, 4 / 6),
}


def test_the_calendar_puts_b_due_after_the_weekend_and_the_holiday(loaded):
    due = db.scalar(loaded, "select due_on from dossier_facts where dossier_id = 'B'")
    assert due == date(2026, 4, 28)


def test_both_scenarios_points_and_rates_at_the_end_of_the_month_and_the_quarter(loaded):
    frame = projection(loaded, AS_OF)
    got = {}
    for (period, scenario), rows in frame.group_by(["period", "scenario"]):
        by_id = {r["measure_id"]: r for r in rows.iter_rows(named=True)}
        index_21 = by_id["2.1"]
        assert index_21["denominator"] == 7
        got[(period, scenario)] = (index_21["numerator"], index_21["points"],
                                   by_id["progress_rate"]["rate"], by_id["on_time_rate"]["rate"])
        # 2.1's rate is the plan's progress rate, from the same sets
        assert index_21["rate"] == by_id["progress_rate"]["rate"]
    assert got == EXPECTED


def test_the_difference_in_points_is_the_listed_scenario_minus_none_on_both_rows(loaded):
    frame = projection(loaded, AS_OF)
    index_21 = frame.filter(measure_id="2.1")
    # month 14.29 − 8.57 = 5.72; quarter 14.29 − 5.71 = 8.58
    assert dict(zip(index_21["period"], index_21["points_difference"], strict=True)) == {"month": 5.72,
                                                                                       "quarter": 8.58}
    assert index_21.height == 4
    # the received dossiers' indicators do not depend on what closes: no difference
    others = frame.filter(pl.col("measure_kind") == "indicator", ~pl.col("measure_id").is_in(["2.1", "5.4"]))
    # 3.5 and 3.6: procedure 2.000815 has a fee, none paid online: 0 points in both; 3.3: no points for
    # communes; 4.x: the flags are unknown here, so no points in either
    assert others.height == 2 * 2 * 8
    assert set(others["points_difference"].drop_nulls().to_list()) == {0.0}


def test_the_rows_name_their_periods_and_the_as_of_day(loaded):
    frame = projection(loaded, AS_OF)
    periods = frame.select("period", "period_name", "period_start", "period_end").unique().sort("period")
    assert periods.rows() == [("month", "2026-04", date(2026, 4, 1), date(2026, 4, 30)),
                              ("quarter", "2026-Q2", date(2026, 4, 1), date(2026, 6, 30))]
    assert set(frame["as_of_on"]) == {AS_OF}
    # month first, none_close before listed_close_on_due, indicators in the scorecard's order, then the plan
    first = frame.head(2)
    assert first["period"].to_list() == ["month", "month"] and first["scenario"].to_list() == ["none_close"] * 2
    assert frame.filter(period="month", scenario="none_close")["measure_id"].to_list()[-2:] == [
        "on_time_rate", "progress_rate"]


def test_the_total_of_the_computable_points_in_both_scenarios(loaded):
    frame = projection(loaded, AS_OF)
    index_54 = {(r["period"], r["scenario"]): r["points"] for r in frame.filter(measure_id="5.4").iter_rows(named=True)}
    assert index_54 == {("month", "none_close"): 2.86, ("month", "listed_close_on_due"): 4.76,
                        ("quarter", "none_close"): 1.90, ("quarter", "listed_close_on_due"): 4.76}
    totals = {(r["period"], r["scenario"]): (r["points"], r["max_points"], r["points_difference"])
              for r in frame.filter(measure_kind="total").iter_rows(named=True)}
    assert totals == {("month", "none_close"): (11.43, 34, 7.62), ("month", "listed_close_on_due"): (19.05, 34, 7.62),
                      ("quarter", "none_close"): (7.61, 34, 11.44),
                      ("quarter", "listed_close_on_due"): (19.05, 34, 11.44)}


def test_without_totals_the_same_rows_but_the_totals(loaded):
    full = projection(loaded, AS_OF)
    lean = projection(loaded, AS_OF, with_totals=False)
    assert lean.equals(full.filter(pl.col("measure_kind") != "total"))
