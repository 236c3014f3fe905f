"""The projection starts from the dossiers as known on as_of: later arrivals, finishes and answers are not yet known.

Month 2026-11 = [01/11, 30/11], quarter 2026-Q4 = [01/10, 31/12]; the newest event is 12/11 (Q received, P
finished). Hòa An's dossiers:

  id  received  due     stored                                   as known on 10/11
  P   02/11     10/11   finished 12/11 (late)                    open, due on as_of
  Q   12/11     13/11   open                                     not yet received
  R   03/11     20/11   open                                     open
  S   03/11     05/11   finished 05/11 (on time)                 the same
  T   02/11     09/11   asked 06/11 09:00, answered 11/11 09:00  waiting for the applicant since 06/11
  U   (Bình Minh, another unit) 03/11, due 04/11, open: counted only for all units

as_of 10/11 (Hòa An): handled P R S T = 4.
  none_close, r = 30/11: S on time; T waiting, its end the request 06/11 ≤ 09/11: in time; P, R overdue
                          -> progress 2/4, on time 1/1
  listed: P closes 10/11 on time, R 20/11 on time, T (overdue by the calendar) on as_of 10/11 with the
          answer then: effective end 06/11 ≤ 09/11, early -> progress 4/4, on time 4/4
as_of 12/11, the default (Hòa An): handled P Q R S T = 5.
  none_close: S on time, P late; Q, R overdue at 30/11; T answered 11/11: end 30/11 − 5 days = 25/11 > 09/11,
              overdue -> progress 1/5, on time 1/2
  listed: Q closes 13/11, R 20/11: on time; T closes on as_of 12/11 00:00, pause 5 days: effective end 07/11,
          early -> in time S Q R T = 4: progress 4/5, on time 4/5 (P late)
The quarter handles the same dossiers with r = 31/12: the same numbers.
"""

from __future__ import annotations

from datetime import date

import pytest

from hoaan_analytics import db
from hoaan_analytics.errors import UnknownUnitError
from hoaan_analytics.projection import projection

OPEN = {"status": 4}
ROWS = [
    {"dossier_id": "P", "status": 10, "received_at": "2026-11-02 08:00", "due_at": "2026-11-10 16:30",
     "finished_at": "2026-11-12 10:00"},
    {**OPEN, "dossier_id": "Q", "received_at": "2026-11-12 08:00", "due_at": "2026-11-13 16:30"},
    {**OPEN, "dossier_id": "R", "received_at": "2026-11-03 08:00", "due_at": "2026-11-20 16:30"},
    {"dossier_id": "S", "status": 10, "received_at": "2026-11-03 08:00", "due_at": "2026-11-05 16:30",
     "finished_at": "2026-11-05 10:00"},
    {**OPEN, "dossier_id": "T", "received_at": "2026-11-02 08:00", "due_at": "2026-11-09 16:30",
     "supplement_requested_at": "2026-11-06 09:00", "supplement_completed_at": "2026-11-11 09:00",
     "supplement_count": 1},
    {**OPEN, "dossier_id": "U", "unit_name": "UBND xã Bình Minh", "received_at": "2026-11-03 08:00",
     "due_at": "2026-11-04 16:30"},
]
HOA_AN = "UBND xã Hòa An"


def _rates(frame):
    """{(period, scenario): (2.1's denominator, progress_rate, on_time_rate)}."""
    out = {}
    for (period, scenario), rows in frame.group_by(["period", "scenario"]):
        by_id = {r["measure_id"]: r for r in rows.iter_rows(named=True)}
        out[(period, scenario)] = (by_id["2.1"]["denominator"], by_id["progress_rate"]["rate"],
                                   by_id["on_time_rate"]["rate"])
    return out


def test_as_of_before_the_newest_event_forgets_what_came_after(loaded):
    expected = {"none_close": (4, 2 / 4, 1 / 1), "listed_close_on_due": (4, 4 / 4, 4 / 4)}
    got = _rates(projection(loaded, date(2026, 11, 10), HOA_AN))
    assert got == {(period, scenario): value for period in ("month", "quarter")
                   for scenario, value in expected.items()}


def test_as_of_on_the_newest_event_takes_the_data_as_stored(loaded):
    expected = {"none_close": (5, 1 / 5, 1 / 2), "listed_close_on_due": (5, 4 / 5, 4 / 5)}
    got = _rates(projection(loaded, date(2026, 11, 12), HOA_AN))
    assert got == {(period, scenario): value for period in ("month", "quarter")
                   for scenario, value in expected.items()}


def test_the_macro_without_as_of_uses_the_newest_event(loaded):
    named = db.query(loaded, "from projection766(unit := $unit)", {"unit": HOA_AN})
    assert set(named["as_of_on"]) == {date(2026, 11, 12)}
    assert named.equals(projection(loaded, date(2026, 11, 12), HOA_AN))


def test_the_unit_is_matched_as_everywhere_and_all_units_count_every_unit(loaded):
    spelled = projection(loaded, date(2026, 11, 12), "  ubnd XÃ hòa an ")
    assert spelled.equals(projection(loaded, date(2026, 11, 12), HOA_AN))
    # U is Bình Minh's: all units handle 5 + 1 = 6
    everyone = projection(loaded, date(2026, 11, 12))
    assert set(everyone.filter(measure_id="2.1")["denominator"]) == {6}


def test_an_unknown_unit_names_the_units_of_the_data(loaded):
    with pytest.raises(UnknownUnitError, match="Bình Minh"):
        projection(loaded, date(2026, 11, 12), "UBND xã Không Có")


def test_on_the_newest_event_nothing_closes_is_the_stored_data_judged_on_the_periods_end(loaded):
    # nothing is undone at the default as_of: the scenario's recomputed facts must be the stored ones
    periods = [{"period_name": "month", "period_start": date(2026, 11, 1), "period_end": date(2026, 11, 30)},
               {"period_name": "quarter", "period_start": date(2026, 10, 1), "period_end": date(2026, 12, 31)}]
    stored = db.query(loaded, """
        select period_name as period, indicator_id as measure_id, numerator, denominator, unknown, rate, points
        from index766_list_indicators($periods, NULL, 'none', judged_on := DATE '2026-12-31')
        where is_computable order by period, sort_order""", {"periods": periods})
    projected = projection(loaded, date(2026, 11, 12)).filter(scenario="none_close", measure_kind="indicator")
    assert stored.height == 20
    assert projected.select(stored.columns).equals(stored)
