"""The month-end projection (issue 14, docs/index766.md "Month-end projection"): the stored macro `projection766`.

Every rule is in SQL: sql/worklist/projection766.sql builds the two scenarios' dossiers and hands them to
the §5/§6/§9 macros; this module checks the unit and runs the one statement.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from hoaan_analytics import db, kpis

# The scenarios, in the order of the rows (labels_vi.PROJECTION_SCENARIO_LABELS_VI names them).
SCENARIOS: tuple[str, ...] = ("none_close", "listed_close_on_due")
# The plan's KPIs the projection carries beside the 766 indicators (measure_kind 'plan').
PLAN_MEASURES: tuple[str, ...] = ("on_time_rate", "progress_rate")

_PROJECTION_SQL = "select * from projection766($as_of, $unit_name, $with_totals)"


def projection(con: db.Connection, as_of: date, unit: str | None = None, *, with_totals: bool = True) -> pl.DataFrame:
    """The 766 points and the plan's rates at the end of the month and the quarter of `as_of`, in both scenarios.

    One row per (period 'month' | 'quarter', scenario 'none_close' | 'listed_close_on_due', measure):
    measure_kind 'indicator' (a computable 766 indicator: numerator, denominator, unknown, rate, points,
    max_points), 'total' (the computable points' total of METRICS.md §9 and its maximum; left out when
    `with_totals` is False, which saves about a third of the work) or 'plan' (measure_id on_time_rate or
    progress_rate: rate only). points_difference and rate_difference are listed_close_on_due minus
    none_close, on both rows of a measure. Other columns: period_name ('2026-11', '2026-Q4'),
    period_start, period_end, as_of_on, measure_name, sort_order.
    `unit` None = all units; UnknownUnitError names the units of the data when it is not one of them.
    """
    return db.query(con, _PROJECTION_SQL, {"as_of": as_of, "unit_name": kpis.unit_name(con, unit),
                                           "with_totals": with_totals})
