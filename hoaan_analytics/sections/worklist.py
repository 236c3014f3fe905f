"""Notebook 8, Việc cần làm: what to act on before the month and the quarter close.

The work list (hoaan_analytics.worklist: the stored `worklist` macro), the month-end and
quarter-end projection of the 766 points and the plan's rates (hoaan_analytics.projection),
and, when `hoaan portal766` loaded the portal's published figures for the period, their
comparison with our estimate (hoaan_analytics.portal766). Each is asked once per report
(`ctx.memo`); the counts per reason come from SQL (analyses.worklist_counts); the sections
only format. A dossier is named by its id and procedure, never by a personal value.

Which day the list is taken on (`as_of`): the report's reference date r of METRICS.md §5,
min(end of the period, newest event of the data). A finished period is seen on its last
day (what was still open when it closed); a running one on the data's last day (what is
still to do), the same day on which every other report judges open dossiers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, portal766, projection, tables, worklist
from hoaan_analytics.labels_vi import (
    INDEX766_REASON_LABELS_VI,
    OVERVIEW_WORKLIST_LINE,
    WORKLIST_AS_OF_BEFORE_PERIOD,
    WORKLIST_AS_OF_NEWEST_EVENT,
    WORKLIST_AS_OF_PERIOD_END,
    WORKLIST_CAN_WIN_NONE,
    WORKLIST_CAN_WIN_TITLE,
    WORKLIST_CLOSED_NONE,
    WORKLIST_CLOSED_NOTE,
    WORKLIST_CLOSED_SUMMARY,
    WORKLIST_CLOSED_TITLE,
    WORKLIST_COLUMN_LABELS_VI,
    WORKLIST_OPEN_CAPPED,
    WORKLIST_OPEN_NONE,
    WORKLIST_OPEN_NOTE,
    WORKLIST_OPEN_SUMMARY,
    WORKLIST_OPEN_TITLE,
    WORKLIST_PORTAL_COLUMN_LABELS_VI,
    WORKLIST_PORTAL_NONE,
    WORKLIST_PORTAL_NOTE,
    WORKLIST_PORTAL_TITLE,
    WORKLIST_PROJECTION_INDICATOR_AXIS,
    WORKLIST_PROJECTION_NONE,
    WORKLIST_PROJECTION_NOTE,
    WORKLIST_PROJECTION_POINTS_AXIS,
    WORKLIST_PROJECTION_RATES,
    WORKLIST_PROJECTION_SUBTITLE,
    WORKLIST_PROJECTION_SUMMARY,
    WORKLIST_PROJECTION_TITLE,
    WORKLIST_REPORT_TITLE,
    WORKLIST_RULE_NOTE,
    WORKLIST_SCENARIO_LABELS_VI,
)
from hoaan_analytics.report.names import page_name
from hoaan_analytics.sections.context import ReportContext, count_text, date_text, nothing, percent_text
from hoaan_analytics.sections.index766 import points_number

# The notebook of this report: the overview links its page (report.names.page_name).
NOTEBOOK_STEM = "08_viec_can_lam"
# At most this many open dossiers listed: a big commune has thousands due before the month's end.
LISTED_OPEN = 300
# At most this many closed dossiers that can still win a point.
LISTED_CAN_WIN = 200
# "falls due within N working days": the CLI's default (hoaan worklist --within).
WITHIN_WORKING_DAYS = 3


# --- the day, and what the sections read, each asked once per report ----------------------------

def as_of(ctx: ReportContext) -> date:
    """The day the work list is taken on: the reference date r = min(period end, newest event) (§5)."""
    return ctx.reference_on


def _before_period(ctx: ReportContext) -> bool:
    return as_of(ctx) < ctx.period.start


def worklist_rows(ctx: ReportContext) -> pl.DataFrame:
    """The work list at `as_of` in the report's scope (worklist.worklist): open and closed rows."""
    return ctx.memo(("worklist", "rows", as_of(ctx)), lambda: worklist.worklist(
        ctx.con, as_of(ctx), unit=ctx.unit, within_working_days=WITHIN_WORKING_DAYS))


def open_rows(ctx: ReportContext) -> pl.DataFrame:
    """The open dossiers to act on: overdue first, then the fewest working days left."""
    frame = worklist_rows(ctx).filter(pl.col("kind") == "open")
    return frame.sort("working_days_left", "due_on", "dossier_id", nulls_last=True)


def closed_rows(ctx: ReportContext) -> pl.DataFrame:
    """The closed dossiers' points lost or still winnable (kind 'lost' | 'can_win')."""
    return worklist_rows(ctx).filter(pl.col("kind").is_in(["lost", "can_win"]))


def counts(ctx: ReportContext) -> pl.DataFrame:
    """Rows of the work list per (kind, indicator_id, reason), from SQL (analyses.worklist_counts)."""
    return ctx.memo(("worklist", "counts", as_of(ctx)), lambda: analyses.worklist_counts(
        ctx.con, as_of(ctx), unit=ctx.unit, within_working_days=WITHIN_WORKING_DAYS))


def projection_rows(ctx: ReportContext) -> pl.DataFrame:
    """The month-end and quarter-end projection at `as_of` (projection.projection)."""
    return ctx.memo(("worklist", "projection", as_of(ctx)),
                    lambda: projection.projection(ctx.con, as_of(ctx), unit=ctx.unit))


def portal_rows(ctx: ReportContext) -> pl.DataFrame:
    """The portal's published figures of the period against ours (portal766.comparison); empty if none loaded."""
    return ctx.memo(("worklist", "portal", ctx.period),
                    lambda: portal766.comparison(ctx.con, ctx.period, unit=ctx.unit))


def _month_end(ctx: ReportContext) -> date:
    day = as_of(ctx)
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _month_label(ctx: ReportContext) -> str:
    return f"{as_of(ctx):%m/%Y}"


def _reason_text(column: str = "reason") -> pl.Expr:
    return pl.col(column).replace_strict(INDEX766_REASON_LABELS_VI, default=pl.col(column), return_dtype=pl.String)


# --- the sections ----------------------------------------------------------------------------

def as_of_note(ctx: ReportContext) -> Markdown:
    """Which day the list is taken on and why; the rules that put a dossier on it."""
    day, period = date_text(as_of(ctx)), ctx.period.label
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=day, period=period))
    which = WORKLIST_AS_OF_PERIOD_END if as_of(ctx) >= ctx.period.end else WORKLIST_AS_OF_NEWEST_EVENT
    return Markdown(which.format(as_of=day, period=period) + "\n\n" + WORKLIST_RULE_NOTE.format(
        within=WITHIN_WORKING_DAYS, month_end=date_text(_month_end(ctx))))


def open_summary(ctx: ReportContext) -> Markdown:
    """How many open dossiers are overdue, fall due within N working days, or before the month's end."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    per_reason = dict(counts(ctx).filter(pl.col("kind") == "open").select("reason", "dossiers").iter_rows())
    total = sum(per_reason.values())
    if total == 0:
        return nothing(WORKLIST_OPEN_NONE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
    return Markdown(WORKLIST_OPEN_SUMMARY.format(
        scope=ctx.scope_label, total=count_text(total), as_of=date_text(as_of(ctx)),
        overdue=count_text(per_reason.get("overdue", 0)), within=WITHIN_WORKING_DAYS,
        soon=count_text(per_reason.get("due_soon", 0)), later=count_text(per_reason.get("due_this_month", 0))))


def open_table(ctx: ReportContext) -> GT | Markdown:
    """The open dossiers to act on by id, procedure, unit, due date, working days left, reason (capped)."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    rows = open_rows(ctx)
    if rows.is_empty():
        return nothing(WORKLIST_OPEN_NONE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
    columns = ["dossier_id", "procedure_name", *([] if ctx.unit else ["unit_name"]), "due_on",
               "working_days_left", "supplement_count", "reason"]
    frame = rows.head(LISTED_OPEN).select(
        *columns[:-1], _reason_text()).with_columns(pl.col("due_on").map_elements(
            date_text, return_dtype=pl.String))
    note = WORKLIST_OPEN_NOTE
    if rows.height > LISTED_OPEN:
        note = WORKLIST_OPEN_CAPPED.format(listed=count_text(LISTED_OPEN), total=count_text(rows.height)) + " " + note
    return (
        GT(frame)
        .tab_header(title=WORKLIST_OPEN_TITLE, subtitle=f"{ctx.scope_label} — {date_text(as_of(ctx))}")
        .cols_label(**{c: WORKLIST_COLUMN_LABELS_VI[c] for c in columns})
        .fmt_integer(["working_days_left", "supplement_count"], sep_mark=".")
        .cols_align("right", columns=["due_on", "working_days_left", "supplement_count"])
        .tab_source_note(note)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )


def closed_summary(ctx: ReportContext) -> Markdown:
    """Points already lost and still winnable by the dossiers closed this month, in one sentence."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    closed = counts(ctx).filter(pl.col("kind") != "open")
    per_kind = dict(closed.group_by("kind").agg(pl.col("dossiers").sum()).iter_rows())
    if not per_kind:
        return nothing(WORKLIST_CLOSED_NONE.format(month=_month_label(ctx)))
    return Markdown(WORKLIST_CLOSED_SUMMARY.format(month=_month_label(ctx), lost=count_text(per_kind.get("lost", 0)),
                                                   can_win=count_text(per_kind.get("can_win", 0))))


def closed_by_reason_table(ctx: ReportContext) -> GT | Markdown:
    """Per indicator and reason: how many points the month's closed dossiers lost, and how many can still be won."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    closed = counts(ctx).filter(pl.col("kind") != "open")
    if closed.is_empty():
        return nothing(WORKLIST_CLOSED_NONE.format(month=_month_label(ctx)))
    frame = (closed.pivot("kind", index=["indicator_id", "reason"], values="dossiers")
             .with_columns(_reason_text()))
    for kind in ("lost", "can_win"):
        if kind not in frame.columns:
            frame = frame.with_columns(pl.lit(0, dtype=pl.Int64).alias(kind))
    frame = frame.select(pl.col("indicator_id").alias("indicator"), "reason",
                         pl.col("lost").fill_null(0), pl.col("can_win").fill_null(0))
    return (
        GT(frame)
        .tab_header(title=WORKLIST_CLOSED_TITLE, subtitle=f"{ctx.scope_label} — {_month_label(ctx)}")
        .cols_label(**{c: WORKLIST_COLUMN_LABELS_VI[c] for c in frame.columns})
        .fmt_integer(["lost", "can_win"], sep_mark=".")
        .tab_source_note(WORKLIST_CLOSED_NOTE)
        .tab_options(table_font_size="13px")
    )


def can_win_table(ctx: ReportContext) -> GT | Markdown:
    """The closed dossiers that can still win a point: id, indicator, reason (capped)."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    rows = closed_rows(ctx).filter(pl.col("kind") == "can_win").sort("indicator_id", "dossier_id")
    if rows.is_empty():
        return nothing(WORKLIST_CAN_WIN_NONE)
    frame = rows.head(LISTED_CAN_WIN).select("dossier_id", pl.col("indicator_id").alias("indicator"), _reason_text())
    gt = (
        GT(frame)
        .tab_header(title=WORKLIST_CAN_WIN_TITLE, subtitle=f"{ctx.scope_label} — {_month_label(ctx)}")
        .cols_label(**{c: WORKLIST_COLUMN_LABELS_VI[c] for c in frame.columns})
        .tab_options(table_font_size="13px")
    )
    if rows.height > LISTED_CAN_WIN:
        gt = gt.tab_source_note(WORKLIST_OPEN_CAPPED.format(listed=count_text(LISTED_CAN_WIN),
                                                            total=count_text(rows.height)))
    return gt


def _totals(ctx: ReportContext) -> list[dict[str, Any]]:
    """One row per projected period: its label, points in each scenario, the plan's rates."""
    frame = projection_rows(ctx)
    return frame.filter(pl.col("indicator_id") == "total").sort("period_end").to_dicts() if frame.height else []


def projection_summary(ctx: ReportContext) -> Markdown:
    """Points at the month's and the quarter's end in the two scenarios, and the plan's rates."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    totals = _totals(ctx)
    if not totals:
        return nothing(WORKLIST_PROJECTION_NONE)
    lines = []
    for row in totals:
        lines.append(WORKLIST_PROJECTION_SUMMARY.format(
            period=row["period_label"], none_close=points_number(row["none_close"]),
            listed=points_number(row["listed_close_on_due"]), difference=_signed(row["difference"])))
    for row in totals:
        lines.append(WORKLIST_PROJECTION_RATES.format(
            period=row["period_label"], on_time_none=percent_text(row["on_time_rate_none_close"]),
            on_time_listed=percent_text(row["on_time_rate_listed_close_on_due"]),
            progress_none=percent_text(row["progress_rate_none_close"]),
            progress_listed=percent_text(row["progress_rate_listed_close_on_due"])))
    return Markdown("\n".join(lines) + "\n\n" + WORKLIST_PROJECTION_NOTE)


def _signed(value: float | None) -> str:
    if value is None:
        return tables.MISSING_TEXT
    return ("+" if value > 0 else "") + points_number(value)


def _indicator_points(ctx: ReportContext) -> pl.DataFrame:
    frame = projection_rows(ctx)
    return frame.filter(pl.col("indicator_id") != "total") if frame.height else frame


def projection_chart(ctx: ReportContext) -> alt.FacetChart | Markdown:
    """Points per indicator in the two scenarios, the month above the quarter; narrow enough for a phone."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    rows = _indicator_points(ctx)
    if rows.is_empty():
        return nothing(WORKLIST_PROJECTION_NONE)
    frame = rows.unpivot(index=["period_label", "indicator_id", "indicator_name", "max_points"],
                         on=list(WORKLIST_SCENARIO_LABELS_VI), variable_name="scenario", value_name="points")
    frame = frame.with_columns(pl.col("scenario").replace_strict(WORKLIST_SCENARIO_LABELS_VI))
    return charts.scenario_points(
        frame.rename({"period_label": "panel", "indicator_id": "category", "indicator_name": "category_name"}),
        title=WORKLIST_PROJECTION_TITLE,
        subtitle=WORKLIST_PROJECTION_SUBTITLE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))),
        scenario_order=list(WORKLIST_SCENARIO_LABELS_VI.values()),
        category_title=WORKLIST_PROJECTION_INDICATOR_AXIS, points_title=WORKLIST_PROJECTION_POINTS_AXIS)


def projection_table(ctx: ReportContext) -> GT | Markdown:
    """The same per indicator: points in each scenario, the difference and the maximum."""
    if _before_period(ctx):
        return nothing(WORKLIST_AS_OF_BEFORE_PERIOD.format(as_of=date_text(as_of(ctx)), period=ctx.period.label))
    rows = projection_rows(ctx)
    if rows.is_empty():
        return nothing(WORKLIST_PROJECTION_NONE)
    frame = rows.select("period_label", pl.col("indicator_id").alias("indicator"), *WORKLIST_SCENARIO_LABELS_VI,
                        "difference", "max_points")
    return (
        GT(frame, groupname_col="period_label")
        .tab_header(title=WORKLIST_PROJECTION_TITLE,
                    subtitle=WORKLIST_PROJECTION_SUBTITLE.format(scope=ctx.scope_label, as_of=date_text(as_of(ctx))))
        .fmt_number([*WORKLIST_SCENARIO_LABELS_VI, "difference", "max_points"], decimals=2, drop_trailing_zeros=True,
                    sep_mark=".", dec_mark=",")
        .cols_label(**{c: WORKLIST_COLUMN_LABELS_VI[c] for c in frame.columns if c != "period_label"})
        .tab_source_note(WORKLIST_PROJECTION_NOTE)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )


def portal_comparison(ctx: ReportContext) -> GT | Markdown:
    """The portal's published figures against ours with a plain reading; else how to load them."""
    rows = portal_rows(ctx)
    if rows.is_empty():
        return Markdown(WORKLIST_PORTAL_NONE.format(period=ctx.period.name))
    frame = rows.select(*([] if ctx.unit else ["unit_name"]), "indicator_id", "portal", "ours",
                        "points_difference", "reading")
    return (
        GT(frame)
        .tab_header(title=WORKLIST_PORTAL_TITLE, subtitle=f"{ctx.scope_label} — {ctx.period.label}")
        .cols_label(**{c: WORKLIST_PORTAL_COLUMN_LABELS_VI[c] for c in frame.columns})
        .tab_source_note(WORKLIST_PORTAL_NOTE)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )


def link_line(ctx: ReportContext) -> Markdown:
    """The overview's line linking this report, which sits next to it in the unit's folder of a run."""
    return Markdown(OVERVIEW_WORKLIST_LINE.format(title=WORKLIST_REPORT_TITLE, link=page_name(NOTEBOOK_STEM)))
