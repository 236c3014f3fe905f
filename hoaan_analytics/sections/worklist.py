"""Notebook 8, Việc cần làm: what to act on before the month and the quarter close.

The work list (hoaan_analytics.worklist: the stored macro `worklist`, and `worklist_units`
per unit), the month-end and quarter-end projection of the 766 points and of the plan's
rates (hoaan_analytics.projection: the macro `projection766`), and, when `hoaan portal766`
loaded the portal's published figures for the period, their comparison with our estimate
(hoaan_analytics.portal766). The counts per reason and the projection's totals come from
SQL too (analyses.worklist_counts). Each is asked once per
report (`ctx.memo`); the sections only format. A dossier is named by its id and procedure,
never by a personal value.

Which day the list is taken on (`as_of`): the report's reference date r of METRICS.md §5,
min(end of the period, newest event of the data). A finished period is seen on its last
day (what was still open when it closed); a running one on the data's last day (what is
still to do), the day on which every other report judges open dossiers too. The month and
the quarter of the list and of the projection are the calendar ones holding that day.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, models, portal766, projection, tables, worklist
from hoaan_analytics.filenames import page_name
from hoaan_analytics.labels_vi import (
    PORTAL766_COLUMN_LABELS_VI,
    PORTAL766_TEXT_VI,
    PORTAL766_TOTAL_NAME_VI,
    PROJECTION_SCENARIO_LABELS_VI,
    REPORT08_AS_OF_BEFORE_PERIOD,
    REPORT08_AS_OF_NEWEST_EVENT,
    REPORT08_AS_OF_PERIOD_END,
    REPORT08_CAN_WIN_NONE,
    REPORT08_CAN_WIN_TITLE,
    REPORT08_CAPPED,
    REPORT08_CLOSED_NONE,
    REPORT08_CLOSED_NOTE,
    REPORT08_CLOSED_SUMMARY,
    REPORT08_CLOSED_TITLE,
    REPORT08_COLUMN_LABELS_VI,
    REPORT08_INDICATOR_AXIS,
    REPORT08_ONE_UNIT,
    REPORT08_OPEN_NONE,
    REPORT08_OPEN_NOTE,
    REPORT08_OPEN_SUMMARY,
    REPORT08_OPEN_TITLE,
    REPORT08_OUTSIDE_DATA,
    REPORT08_OVERVIEW_LINE,
    REPORT08_POINTS_AXIS,
    REPORT08_PORTAL_NONE,
    REPORT08_PORTAL_NOTE,
    REPORT08_PORTAL_TITLE,
    REPORT08_PROJECTION_NONE,
    REPORT08_PROJECTION_NOTE,
    REPORT08_PROJECTION_RATES,
    REPORT08_PROJECTION_SUBTITLE,
    REPORT08_PROJECTION_TITLE,
    REPORT08_PROJECTION_TOTAL,
    REPORT08_RULE_NOTE,
    REPORT08_TITLE,
    REPORT08_UNITS_ELSEWHERE,
    REPORT08_UNITS_TITLE,
    STATUS_LABELS_VI,
    WORKLIST_COLUMN_LABELS_VI,
    WORKLIST_INDICATOR_LABELS_VI,
)
from hoaan_analytics.periods import parse_period
from hoaan_analytics.sections.context import ReportContext
from hoaan_analytics.sections.index766 import points_number
from hoaan_analytics.sections.text import count_text, date_text, nothing, percent_text

# The notebook of this report: the overview links its page (filenames.page_name).
NOTEBOOK_STEM = "08_viec_can_lam"
# At most this many open dossiers listed: a big commune has thousands due before the month's end.
LISTED_OPEN = 300
# At most this many (closed dossier, point) rows that can still be won.
LISTED_CAN_WIN = 200
# "falls due within N working days": the CLI's default (hoaan worklist --within).
WITHIN_WORKING_DAYS = worklist.DEFAULT_WITHIN_WORKING_DAYS


# --- the day, and what the sections read, each asked once per report ----------------------------

def as_of(ctx: ReportContext) -> date:
    """The day the work list is taken on: the reference date r = min(period end, newest event) (§5)."""
    return ctx.reference_on


def _month_start(ctx: ReportContext) -> date:
    return as_of(ctx).replace(day=1)


def _month_end(ctx: ReportContext) -> date:
    return parse_period(f"{as_of(ctx):%Y-%m}").end


def _before_period(ctx: ReportContext) -> bool:
    """True when the data end before the period starts: nothing of this period to act on yet."""
    return as_of(ctx) < ctx.period.start


def _outside_calendar(ctx: ReportContext) -> bool:
    """True when `as_of` lies outside the stored working-day calendar (the data's years and one on each side).

    No dossier is received that far from the data, so nothing is open or projected; the work list
    itself refuses such a day (worklist.worklist).
    """
    first_day, last_day = ctx.memo(("worklist", "calendar"), lambda: models.calendar_range(ctx.con))
    return not first_day <= as_of(ctx) <= last_day


def _no_list(ctx: ReportContext) -> Markdown | None:
    """The sentence shown instead of every list, count and projection when there is nothing to take them on."""
    if _before_period(ctx):
        return nothing(REPORT08_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    if _outside_calendar(ctx):
        return nothing(REPORT08_OUTSIDE_DATA.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    return None


def worklist_rows(ctx: ReportContext) -> pl.DataFrame:
    """The work list at `as_of` in the report's scope (worklist.worklist), most urgent first."""
    return ctx.memo(("worklist", "rows", as_of(ctx)), lambda: worklist.worklist(
        ctx.con, as_of(ctx), unit=ctx.unit, within_working_days=WITHIN_WORKING_DAYS))


def unit_rows(ctx: ReportContext) -> pl.DataFrame:
    """What each unit's work list holds (worklist.worklist_units), the units with the most overdue first."""
    return ctx.memo(("worklist", "units", as_of(ctx)), lambda: worklist.worklist_units(
        ctx.con, as_of(ctx), unit=ctx.unit, within_working_days=WITHIN_WORKING_DAYS))


def counts(ctx: ReportContext) -> pl.DataFrame:
    """The work list counted per row kind, overdue, point kind, indicator and reason (analyses.worklist_counts)."""
    return ctx.memo(("worklist", "counts", as_of(ctx)), lambda: analyses.worklist_counts(
        ctx.con, as_of(ctx), unit=ctx.unit, within_working_days=WITHIN_WORKING_DAYS))


def projection_rows(ctx: ReportContext) -> pl.DataFrame:
    """The month-end and quarter-end projection at `as_of` (projection.projection), one row per measure."""
    return ctx.memo(("worklist", "projection", as_of(ctx)),
                    lambda: projection.projection(ctx.con, as_of(ctx), unit=ctx.unit))


def portal_rows(ctx: ReportContext) -> pl.DataFrame:
    """The portal's published figures of the period against ours (portal766.comparison); empty if none loaded."""
    return ctx.memo(("worklist", "portal", ctx.period),
                    lambda: portal766.comparison(ctx.con, ctx.period, unit=ctx.unit))


# --- formatting ------------------------------------------------------------------------------

def reason_text(reason: str | None) -> str:
    """A work-list reason key in Vietnamese (worklist.reason_label, N = WITHIN_WORKING_DAYS)."""
    return worklist.reason_label(reason, WITHIN_WORKING_DAYS)


def _status_text(status: int | None) -> str | None:
    """A national status code in Vietnamese (None stays None: shown as the missing mark)."""
    return None if status is None else STATUS_LABELS_VI.get(status, str(status))


def _indicator_text(indicator_id: str | None) -> str:
    return WORKLIST_INDICATOR_LABELS_VI.get(indicator_id, indicator_id or "")


def _signed(value: float | None) -> str:
    if value is None:
        return tables.MISSING_TEXT
    return ("+" if value > 0 else "") + points_number(value)


def _capped(gt: GT, shown: int, total: int, note: str | None = None) -> GT:
    parts = [REPORT08_CAPPED.format(listed=count_text(shown), total=count_text(total))] if total > shown else []
    if note:
        parts.append(note)
    return gt.tab_source_note(" ".join(parts)) if parts else gt


# --- the sections ----------------------------------------------------------------------------

def as_of_note(ctx: ReportContext) -> Markdown:
    """Which day the list is taken on and why; the rules that put a dossier on it."""
    day, period = date_text(as_of(ctx)), ctx.period.label
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    which = REPORT08_AS_OF_PERIOD_END if as_of(ctx) >= ctx.period.end else REPORT08_AS_OF_NEWEST_EVENT
    return Markdown(which.format(as_of=day, period=period) + "\n\n" + REPORT08_RULE_NOTE.format(
        within=WITHIN_WORKING_DAYS, month_end=date_text(_month_end(ctx))))


def open_summary(ctx: ReportContext) -> Markdown:
    """How many open dossiers are to act on, how many overdue, and how many for each reason."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    opened = counts(ctx).filter(pl.col("row_kind") == "open")
    total = int(opened["rows"].sum())
    if total == 0:
        return nothing(REPORT08_OPEN_NONE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
    overdue = int(opened.filter(pl.col("is_pending_overdue"))["rows"].sum())
    lines = [REPORT08_OPEN_SUMMARY.format(scope=ctx.scope_label, total=count_text(total),
                                          as_of=date_text(as_of(ctx)), overdue=count_text(overdue)), ""]
    lines += [f"- {reason_text(row['reason'])}: {count_text(row['rows'])}" for row in opened.iter_rows(named=True)]
    return Markdown("\n".join(lines))


def units_table(ctx: ReportContext) -> GT | Markdown:
    """Per unit: open dossiers to act on, overdue, due soon, points still winnable and lost (all-units report)."""
    if ctx.unit is not None:
        return nothing(REPORT08_UNITS_ELSEWHERE.format(unit=ctx.unit))
    if len(ctx.unit_names) < 2:
        return nothing(REPORT08_ONE_UNIT)
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    frame = unit_rows(ctx).select("unit_name", "open_dossiers", "overdue_dossiers", "due_dossiers",
                                  "can_win_dossier_indicators", "lost_dossier_indicators")
    if frame.is_empty():
        return nothing(REPORT08_OPEN_NONE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
    counted = frame.columns[1:]
    return (
        GT(frame, rowname_col="unit_name")
        .tab_header(title=REPORT08_UNITS_TITLE, subtitle=f"{ctx.scope_label} — {date_text(as_of(ctx))}")
        .cols_label(**{c: WORKLIST_COLUMN_LABELS_VI[c] for c in counted})
        .fmt_integer(counted, sep_mark=".")
        .tab_options(table_font_size="13px")
    )


def open_table(ctx: ReportContext) -> GT | Markdown:
    """The open dossiers to act on by id, procedure, unit, due date, working days left, reason (capped)."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    rows = worklist_rows(ctx).filter(pl.col("row_kind") == "open")  # the macro's order: overdue, fewest days left
    if rows.is_empty():
        return nothing(REPORT08_OPEN_NONE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
    # the status on the day the list is taken (the macro's status_on_as_of); today's beside it only where it differs
    columns = ["dossier_id", "procedure_name", *([] if ctx.unit else ["unit_name"]), "due_on", "working_days_left",
               "status_on_as_of", "status_now", "supplement_count", "reason"]
    frame = rows.head(LISTED_OPEN).select(
        *columns[:3 if ctx.unit is None else 2],
        pl.col("due_on").map_elements(date_text, return_dtype=pl.String),
        "working_days_left",
        pl.col("status_on_as_of").map_elements(_status_text, return_dtype=pl.String),
        pl.col("status_now").map_elements(_status_text, return_dtype=pl.String),
        "supplement_count",
        pl.col("reason").map_elements(reason_text, return_dtype=pl.String),
    )
    labels = {c: REPORT08_COLUMN_LABELS_VI[c].format(as_of=date_text(as_of(ctx))) for c in columns}
    gt = (
        GT(frame)
        .tab_header(title=REPORT08_OPEN_TITLE, subtitle=f"{ctx.scope_label} — {date_text(as_of(ctx))}")
        .cols_label(**labels)
        .fmt_integer(["working_days_left", "supplement_count"], sep_mark=".")
        .cols_align("right", columns=["due_on", "working_days_left", "supplement_count"])
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )
    return _capped(gt, min(rows.height, LISTED_OPEN), rows.height, REPORT08_OPEN_NOTE)


def _closed_counts(ctx: ReportContext) -> pl.DataFrame:
    return counts(ctx).filter(pl.col("row_kind") == "closed")


def closed_summary(ctx: ReportContext) -> Markdown:
    """Points the dossiers closed since the month's start lost, and can still win, in one sentence."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    closed = _closed_counts(ctx)
    start, day = date_text(_month_start(ctx)), date_text(as_of(ctx))
    if closed.is_empty():
        return nothing(REPORT08_CLOSED_NONE.format(start=start, as_of=day))
    lost = int(closed.filter(pl.col("kind") == "lost")["rows"].sum())
    can_win = int(closed.filter(pl.col("kind") == "can_win")["rows"].sum())
    return Markdown(REPORT08_CLOSED_SUMMARY.format(start=start, as_of=day, lost=count_text(lost),
                                                   can_win=count_text(can_win)))


def closed_by_reason_table(ctx: ReportContext) -> GT | Markdown:
    """Per indicator and reason: how many points the month's closed dossiers can still win, and lost."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    closed = _closed_counts(ctx)
    if closed.is_empty():
        return nothing(REPORT08_CLOSED_NONE.format(start=date_text(_month_start(ctx)), as_of=date_text(as_of(ctx))))
    frame = closed.select(
        pl.col("indicator_id").map_elements(_indicator_text, return_dtype=pl.String).alias("indicator"),
        pl.col("reason").map_elements(reason_text, return_dtype=pl.String),
        pl.when(pl.col("kind") == "can_win").then(pl.col("rows")).otherwise(0).alias("can_win"),
        pl.when(pl.col("kind") == "lost").then(pl.col("rows")).otherwise(0).alias("lost"),
    )
    return (
        GT(frame)
        .tab_header(title=REPORT08_CLOSED_TITLE,
                    subtitle=f"{ctx.scope_label} — {date_text(_month_start(ctx))}–{date_text(as_of(ctx))}")
        .cols_label(**{c: REPORT08_COLUMN_LABELS_VI[c] for c in frame.columns})
        .fmt_integer(["can_win", "lost"], sep_mark=".")
        .tab_source_note(REPORT08_CLOSED_NOTE)
        .tab_options(table_font_size="13px")
    )


def can_win_table(ctx: ReportContext) -> GT | Markdown:
    """The closed dossiers that can still win a point: id, procedure, unit, indicator, reason (capped)."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    rows = worklist_rows(ctx).filter((pl.col("row_kind") == "closed") & (pl.col("kind") == "can_win"))
    if rows.is_empty():
        return nothing(REPORT08_CAN_WIN_NONE)
    columns = ["dossier_id", "procedure_name", *([] if ctx.unit else ["unit_name"]), "indicator", "reason"]
    frame = rows.head(LISTED_CAN_WIN).select(
        *columns[:3 if ctx.unit is None else 2],
        pl.col("indicator_id").map_elements(_indicator_text, return_dtype=pl.String).alias("indicator"),
        pl.col("reason").map_elements(reason_text, return_dtype=pl.String),
    )
    gt = (
        GT(frame)
        .tab_header(title=REPORT08_CAN_WIN_TITLE,
                    subtitle=f"{ctx.scope_label} — {date_text(_month_start(ctx))}–{date_text(as_of(ctx))}")
        .cols_label(**{c: REPORT08_COLUMN_LABELS_VI[c] for c in columns})
        .tab_options(table_font_size="13px")
    )
    return _capped(gt, min(rows.height, LISTED_CAN_WIN), rows.height)


def _period_heading(row: dict[str, Any]) -> str:
    """The projected period's own name: 'Tháng 11 năm 2026', 'Quý IV năm 2026'."""
    return parse_period(row["period_name"]).label


def _projection_value(rows: pl.DataFrame, period: str, scenario: str, measure_id: str, column: str) -> Any:
    picked = rows.filter((pl.col("period") == period) & (pl.col("scenario") == scenario)
                         & (pl.col("measure_id") == measure_id))
    return picked[column][0] if picked.height else None


def projection_summary(ctx: ReportContext) -> Markdown:
    """Total points at the month's and the quarter's end in the two scenarios, and the plan's rates."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    rows = projection_rows(ctx)
    totals = rows.filter(pl.col("measure_kind") == "total").sort("period_end")
    if totals.is_empty() or totals["max_points"].is_null().all() or (totals["max_points"] == 0).all():
        return nothing(REPORT08_PROJECTION_NONE)
    lines = []
    for row in totals.filter(pl.col("scenario") == "none_close").iter_rows(named=True):
        period = row["period"]

        def value(scenario: str, measure_id: str, column: str, period: str = period) -> Any:
            return _projection_value(rows, period, scenario, measure_id, column)

        lines.append(REPORT08_PROJECTION_TOTAL.format(
            period=_period_heading(row), end=date_text(row["period_end"]),
            none_close=points_number(row["points"]),
            listed=points_number(value("listed_close_on_due", "total", "points")),
            difference=_signed(row["points_difference"]),
            max_points=points_number(value("listed_close_on_due", "total", "max_points"))))
        lines.append(REPORT08_PROJECTION_RATES.format(
            on_time_none=percent_text(value("none_close", "on_time_rate", "rate")),
            on_time_listed=percent_text(value("listed_close_on_due", "on_time_rate", "rate")),
            progress_none=percent_text(value("none_close", "progress_rate", "rate")),
            progress_listed=percent_text(value("listed_close_on_due", "progress_rate", "rate"))))
    return Markdown("\n".join(lines) + "\n\n" + REPORT08_PROJECTION_NOTE)


def _indicator_points(ctx: ReportContext) -> pl.DataFrame:
    """One row per (period, scenario, computable indicator with a maximum): its points."""
    return projection_rows(ctx).filter((pl.col("measure_kind") == "indicator") & (pl.col("max_points") > 0))


def _projected_points(ctx: ReportContext) -> tuple[pl.DataFrame, dict[str, str]] | Markdown:
    """The indicator points with a heading per period, or the sentence shown when there are none."""
    if (unavailable := _no_list(ctx)) is not None:
        return unavailable
    rows = _indicator_points(ctx)
    if rows.is_empty() or rows["points"].is_null().all():
        return nothing(REPORT08_PROJECTION_NONE)
    return rows, {row["period"]: _period_heading(row) for row in rows.unique("period").iter_rows(named=True)}


def projection_chart(ctx: ReportContext) -> alt.FacetChart | Markdown:
    """Points per indicator in the two scenarios, the month above the quarter; narrow enough for a phone."""
    points = _projected_points(ctx)
    if isinstance(points, Markdown):
        return points
    rows, headings = points
    frame = rows.sort("period_end", "sort_order").select(
        pl.col("period").replace_strict(headings, return_dtype=pl.String).alias("panel"),
        pl.col("measure_id").alias("category"), pl.col("measure_name").alias("category_name"),
        pl.col("scenario").replace_strict(PROJECTION_SCENARIO_LABELS_VI, return_dtype=pl.String),
        "points", "max_points")
    return charts.scenario_points(
        frame, title=REPORT08_PROJECTION_TITLE,
        subtitle=REPORT08_PROJECTION_SUBTITLE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))),
        scenario_order=list(PROJECTION_SCENARIO_LABELS_VI.values()),
        category_title=REPORT08_INDICATOR_AXIS, points_title=REPORT08_POINTS_AXIS)


def projection_table(ctx: ReportContext) -> GT | Markdown:
    """The same per indicator: points in each scenario, the difference and the maximum, month then quarter."""
    points = _projected_points(ctx)
    if isinstance(points, Markdown):
        return points
    rows, headings = points
    frame = (rows.pivot("scenario", index=["period", "period_start", "period_end", "sort_order", "measure_id",
                                           "points_difference", "max_points"], values="points")
             .sort("period_end", "sort_order")
             .select(pl.col("period").replace_strict(headings, return_dtype=pl.String).alias("panel"),
                     pl.col("measure_id").alias("indicator"), *projection.SCENARIOS, "points_difference",
                     "max_points"))
    numbers = [*projection.SCENARIOS, "points_difference", "max_points"]
    return (
        GT(frame, groupname_col="panel")
        .tab_header(title=REPORT08_PROJECTION_TITLE,
                    subtitle=REPORT08_PROJECTION_SUBTITLE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
        .fmt_number(numbers, decimals=2, drop_trailing_zeros=True, sep_mark=".", dec_mark=",")
        .cols_label(**{c: REPORT08_COLUMN_LABELS_VI[c] for c in ["indicator", *numbers]})
        .tab_source_note(REPORT08_PROJECTION_NOTE)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )


def _counted(numerator: str, denominator: str) -> pl.Expr:
    def text(row: dict[str, Any]) -> str:
        if row[numerator] is None and row[denominator] is None:
            return tables.MISSING_TEXT
        return f"{count_text(row[numerator])} / {count_text(row[denominator])}"
    return pl.struct(numerator, denominator).map_elements(text, return_dtype=pl.String)


def _portal_unit_heading(row: dict[str, Any]) -> str:
    if row["unit_name"] is None:
        return PORTAL766_TEXT_VI["portal_unit_heading"].format(portal_unit_name=row["portal_unit_name"])
    return PORTAL766_TEXT_VI["unit_heading"].format(unit_name=row["unit_name"],
                                                    portal_unit_name=row["portal_unit_name"])


def _portal_ordered(ctx: ReportContext) -> pl.DataFrame:
    """The comparison rows, the portal's parent unit first, then our units, then the unmatched ones."""
    rows = portal_rows(ctx)
    ordered = rows.sort("is_parent", "unit_name", "portal_unit_name", "sort_order",
                        descending=[True, False, False, False], nulls_last=True)
    return ordered.with_columns(
        pl.struct("unit_name", "portal_unit_name").map_elements(_portal_unit_heading, return_dtype=pl.String)
        .alias("unit_heading"),
        pl.col("indicator_id").replace({"total": PORTAL766_TOTAL_NAME_VI}))


def portal_comparison(ctx: ReportContext) -> GT | Markdown:
    """The portal's published figures against ours, unit by unit and indicator by indicator.

    Without figures loaded for the period, one sentence saying how to load them (`hoaan portal766`).
    Units of the portal's page that match none of ours are listed under their own name, never dropped.
    The plain readings follow in `portal_readings` (text wraps on a phone; a column of it would not).
    """
    if portal_rows(ctx).is_empty():
        return Markdown(REPORT08_PORTAL_NONE.format(period=ctx.period.name))
    frame = _portal_ordered(ctx).select(
        "unit_heading", "indicator_id",
        _counted("portal_numerator", "portal_denominator").alias("portal_counted"),
        _counted("our_numerator", "our_denominator").alias("our_counted"),
        "portal_points", "our_points", "points_difference")
    numbers = ["portal_points", "our_points", "points_difference"]
    return (
        GT(frame, groupname_col="unit_heading")
        .tab_header(title=REPORT08_PORTAL_TITLE, subtitle=f"{ctx.scope_label} — {ctx.period.label}")
        .fmt_number(numbers, decimals=2, drop_trailing_zeros=True, sep_mark=".", dec_mark=",")
        .cols_label(**{c: PORTAL766_COLUMN_LABELS_VI[c] for c in frame.columns if c != "unit_heading"})
        .cols_align("right", columns=["portal_counted", "our_counted", *numbers])
        .tab_source_note(REPORT08_PORTAL_NOTE)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )


def portal_readings(ctx: ReportContext) -> Markdown:
    """What each difference means, in plain Vietnamese, unit by unit (nothing when nothing was loaded).

    When no figures were loaded, `portal_comparison` has already said how to load them.
    """
    if portal_rows(ctx).is_empty():
        return Markdown("")
    lines: list[str] = []
    heading = None
    for row in _portal_ordered(ctx).iter_rows(named=True):
        if row["unit_heading"] != heading:
            heading, said = row["unit_heading"], set()
            lines.append(f"- **{heading}**")
        if row["reading_vi"] not in said:  # the parent's rows all say the same
            said.add(row["reading_vi"])
            lines.append(f"    - {row['indicator_id']}: {row['reading_vi']}")
    return Markdown("\n".join(lines))


def link_line(ctx: ReportContext) -> Markdown:
    """The overview's line linking this report, which sits next to it in the unit's folder of a run."""
    return Markdown(REPORT08_OVERVIEW_LINE.format(title=REPORT08_TITLE, link=page_name(NOTEBOOK_STEM)))
