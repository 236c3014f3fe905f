"""The month-end projection (issue 14, docs/index766.md "Month-end projection"): the stored macro `projection766`.

Every rule is in SQL: sql/worklist/projection766.sql builds the two scenarios' dossiers and hands them to
the §5/§6/§9 macros; this module checks the unit and runs the one statement.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date

import polars as pl

from hoaan_analytics import db, kpis
from hoaan_analytics.labels_vi import (
    ALL_UNITS_LABEL,
    PROJECTION_CLI_TEXT_VI,
    PROJECTION_PERIOD_LABELS_VI,
    PROJECTION_SCENARIO_LABELS_VI,
)

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


@dataclass
class ProjectionOutput:
    """What `hoaan projection` prints."""

    text: str


def projection_output(db_path: str | os.PathLike[str], *, as_of: str | None = None, unit: str | None = None,
                      as_json: bool = False) -> ProjectionOutput:
    """Open the database read-only; the projection of `as_of` (default: the data's last day) as text or JSON."""
    from hoaan_analytics import models, worklist

    day = None if as_of is None else worklist.parse_as_of(as_of)
    con = db.connect_reader(db_path)
    try:
        with models.explained_if_unbuilt(con, db_path):
            day = worklist.default_as_of(con) if day is None else day
            name = kpis.unit_name(con, unit)
            frame = projection(con, day, name)
    finally:
        con.close()
    if as_json:
        rows = frame.drop("period").with_columns(pl.col(pl.Date).dt.to_string("%Y-%m-%d"))
        return ProjectionOutput(json.dumps({"as_of": day.isoformat(), "unit": name, "rows": rows.to_dicts()},
                                           ensure_ascii=False, indent=1))
    return ProjectionOutput(_text(frame, day, name))


def _number(value: float | None, *, percent: bool = False, signed: bool = False) -> str:
    if value is None:
        return "–"
    if percent:
        return f"{value:+.1%}" if signed else f"{value:.1%}"
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def _text(frame: pl.DataFrame, as_of: date, unit: str | None) -> str:
    words = PROJECTION_CLI_TEXT_VI
    lines = [words["title"].format(scope=unit or ALL_UNITS_LABEL), words["as_of"].format(as_of=f"{as_of:%d/%m/%Y}"),
             words["scenarios"].format(none_close=PROJECTION_SCENARIO_LABELS_VI["none_close"],
                                       listed=PROJECTION_SCENARIO_LABELS_VI["listed_close_on_due"])]
    # one line per measure: the two scenarios side by side (the macro gives each scenario its own row)
    wide = frame.pivot("scenario", index=["period", "period_name", "period_start", "period_end", "measure_kind",
                                          "measure_id", "measure_name", "sort_order"],
                       values=["rate", "points", "max_points", "points_difference", "rate_difference"],
                       aggregate_function="first", maintain_order=True)
    for (period, period_name), rows in wide.group_by("period", "period_name", maintain_order=True):
        first = rows.row(0, named=True)
        lines += ["", words["period"].format(label=PROJECTION_PERIOD_LABELS_VI[period], period_name=period_name,
                                             start=f"{first['period_start']:%d/%m/%Y}",
                                             end=f"{first['period_end']:%d/%m/%Y}"), words["heading"]]
        for row in rows.sort("sort_order").iter_rows(named=True):
            kind, measure = row["measure_kind"], row["measure_id"]
            if kind == "plan":
                cells = (_number(row["rate_none_close"], percent=True),
                         _number(row["rate_listed_close_on_due"], percent=True),
                         _number(row["rate_difference_none_close"], percent=True, signed=True), "", words[measure])
                measure = ""
            else:
                cells = (_number(row["points_none_close"]), _number(row["points_listed_close_on_due"]),
                         _number(row["points_difference_none_close"], signed=True),
                         _number(row["max_points_none_close"]),
                         words["total"] if kind == "total" else row["measure_name"] or "")
                measure = "" if kind == "total" else measure
            lines.append(f"  {measure:<14} {cells[0]:>11} {cells[1]:>11} {cells[2]:>11} {cells[3]:>7}  {cells[4]}")
    return "\n".join(lines)
