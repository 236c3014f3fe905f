"""Notebook 4, Thời gian giải quyết: elapsed working days against statutory limits, the plan's target, lost time."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import time_reduction_left_out
from hoaan_analytics.labels_vi import PROCESSING_TIME_TEXT_VI as TEXT
from hoaan_analytics.labels_vi import TABLE_HEADINGS_VI
from hoaan_analytics.sections.context import ReportContext, empty_sentence, target_phrase
from hoaan_analytics.sections.text import count_text, nothing, percent_text
from hoaan_analytics.tables import format_number_vi
from hoaan_analytics.targets import target_for

CHART_PROCEDURES = 15


def _times(ctx: ReportContext) -> pl.DataFrame:
    return analyses.processing_time(ctx.con, ctx.period, unit=ctx.unit)


def _total(ctx: ReportContext) -> dict | None:
    return analyses.processing_time_total(ctx.con, ctx.period, unit=ctx.unit)


def _reduction_target(ctx: ReportContext) -> float | None:
    """The plan's time_reduction target for the report's year (params/targets.yaml); None when it sets none."""
    target = target_for(ctx.targets, "time_reduction", year=ctx.year)
    return None if target is None else target.value


def summary(ctx: ReportContext) -> Markdown:
    """time_reduction and within_70pct_share with the target, and how many dossiers they cover."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    total = _total(ctx)
    k = ctx.kpis
    if total is None:
        return nothing(TEXT["no_time"])
    return Markdown("\n".join([
        TEXT["counted"].format(dossiers=count_text(total["dossiers"]), procedures=count_text(total["procedures"]),
                               elapsed=count_text(total["elapsed_working_days"]),
                               statutory=count_text(total["statutory_working_days"])),
        TEXT["reduction"].format(time_reduction=percent_text(k["time_reduction"]),
                                 target=target_phrase(ctx, "time_reduction", k["time_reduction"])),
        TEXT["within_70pct"].format(within_70pct_share=percent_text(k["within_70pct_share"]),
                                    over_limit=count_text(total["over_limit_dossiers"])),
    ]))


def elapsed_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """Mean elapsed working days per procedure (the most frequent ones) against the limit and the target."""
    times = _times(ctx)
    if times.is_empty():
        return nothing(TEXT["no_comparison"])
    frame = times.head(CHART_PROCEDURES).select("procedure_name", "mean_elapsed_working_days", "statutory_days",
                                                 "dossiers")
    shown = "" if times.height <= CHART_PROCEDURES else TEXT["most_frequent"].format(procedures=CHART_PROCEDURES)
    return charts.elapsed_vs_statutory(frame, title=TEXT["elapsed_title"] + shown,
                                       reduction_target=_reduction_target(ctx))


def elapsed_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure: limit, dossiers, mean elapsed, time reduction, share within 70%, dossiers over the limit."""
    times = _times(ctx)
    if times.is_empty():
        return nothing(TEXT["no_comparison"])
    frame = times.select(
        "procedure_code", "procedure_name", "statutory_days", "dossiers", "mean_elapsed_working_days",
        "time_reduction", "within_70pct_share", "over_limit_dossiers",
    )
    return tables.frame_table(
        frame, title=TEXT["elapsed_table_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={key: TABLE_HEADINGS_VI[key] for key in ("time_reduction", "within_70pct_share")},
        source_note=TEXT["elapsed_note"],
    )


def time_lost_text(ctx: ReportContext) -> Markdown:
    """Where the time goes, over all procedures: supplementation pauses, days past due, waiting to return."""
    total = _total(ctx)
    if total is None:
        return nothing(TEXT["no_analysis"])
    times = _times(ctx)
    lines = [
        TEXT["paused"].format(paused=count_text(total["paused_dossiers"]),
                              pause_days=format_number_vi(total["supplement_pause_working_days"])),
        TEXT["late"].format(late=count_text(total["late_dossiers"]),
                            late_days=format_number_vi(total["working_days_late"])),
    ]
    worst = times.filter(pl.col("time_reduction") < 0)
    if worst.height:
        names = ", ".join(worst["procedure_name"].fill_null(worst["procedure_code"]).to_list()[:5])
        lines.append(TEXT["over_limit"].format(names=names))
    return Markdown("\n".join(lines))


def time_lost_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure: pauses, late dossiers and days past due, days from finishing to returning the result."""
    times = _times(ctx)
    if times.is_empty():
        return nothing(TEXT["no_analysis"])
    frame = (
        times.filter((pl.col("paused_dossiers") > 0) | (pl.col("late_dossiers") > 0)
                     | (pl.col("mean_working_days_to_return") > 0))
        .select("procedure_name", "dossiers", "paused_dossiers", "mean_supplement_pause_working_days",
                "late_dossiers", "mean_working_days_late", "mean_working_days_to_return")
    )
    if frame.is_empty():
        return nothing(TEXT["nothing_lost"])
    return tables.frame_table(frame, title=TEXT["lost_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}")


def left_out_note(ctx: ReportContext) -> Markdown:
    """Which resolved dossiers time_reduction leaves out because their procedure is not in the catalogue."""
    left_out = time_reduction_left_out(ctx.con, ctx.period, unit=ctx.unit)
    if left_out.is_empty():
        return Markdown(TEXT["all_in_catalogue"])
    items = "; ".join(TEXT["left_out_item"].format(code=r["procedure_code"],
                                                   name=r["procedure_name"] or TEXT["no_name"],
                                                   dossiers=count_text(r["dossiers"]))
                      for r in left_out.iter_rows(named=True))
    return Markdown(TEXT["left_out"].format(items=items))
