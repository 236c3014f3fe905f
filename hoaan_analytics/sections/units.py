"""Notebook 5, So sánh các đơn vị: each KPI per unit, ranked, with the median of the units."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import MEDIAN_LABEL, TABLE_HEADINGS_VI
from hoaan_analytics.labels_vi import UNITS_TEXT_VI as TEXT
from hoaan_analytics.sections.context import ReportContext
from hoaan_analytics.sections.text import count_text, nothing, percent_text
from hoaan_analytics.targets import target_for

COMPARED_KPIS = ("on_time_rate", "progress_rate", "online_share", "online_payment_share", "time_reduction",
                 "satisfaction_rate")


def has_several_units(ctx: ReportContext) -> bool:
    """Whether the data holds more than one unit (otherwise there is nothing to compare)."""
    return len(ctx.unit_names) > 1


def _single_unit_sentence(ctx: ReportContext) -> str:
    if not ctx.unit_names:
        return TEXT["no_unit"]
    return TEXT["one_unit"].format(unit=ctx.unit_names[0])


def summary(ctx: ReportContext) -> Markdown:
    """How many units are compared, and where the report's own unit stands on the on-time rate."""
    if not has_several_units(ctx):
        return Markdown(_single_unit_sentence(ctx))
    ranking = analyses.unit_ranking(ctx.con, ctx.period, "on_time_rate")
    ranked = ranking.filter(pl.col("value").is_not_null())
    if ranked.is_empty():
        return nothing(TEXT["nothing_resolved"].format(period=ctx.period.label))
    lines = [TEXT["compared"].format(units=count_text(len(ctx.unit_names)), period=ctx.period.label,
                                     median=percent_text(ranking["median"][0]),
                                     best=ranked["unit_name"][0], best_value=percent_text(ranked["value"][0]),
                                     worst=ranked["unit_name"][-1], worst_value=percent_text(ranked["value"][-1]))]
    if ctx.unit is not None:
        mine = ranking.filter(pl.col("unit_name") == ctx.unit)
        if mine.height and mine["rank"][0] is not None:
            lines.append(TEXT["rank"].format(unit=ctx.unit, rank=mine["rank"][0], units=ranked.height,
                                             value=percent_text(mine["value"][0])))
    return Markdown("".join(lines))


def kpi_by_unit_table(ctx: ReportContext) -> GT | Markdown:
    """Every unit's KPIs side by side, with the median of the units as the last row."""
    if not has_several_units(ctx):
        return nothing(_single_unit_sentence(ctx))
    table = kpi_table(ctx.con, ctx.period, by="unit")
    if table.is_empty():
        return nothing(TEXT["nothing_handled"].format(period=ctx.period.label))
    frame = table.select("unit_name", "handled", "resolved", *COMPARED_KPIS).sort("unit_name")
    # the units' median of each column, as SQL computed it (sql/marts/period_unit_comparison.sql)
    medians = dict(analyses.unit_comparison(ctx.con, ctx.period).select("kpi", "median").unique().iter_rows())
    median = pl.DataFrame([{"unit_name": MEDIAN_LABEL, **{c: medians.get(c) for c in frame.columns[1:]}}],
                          schema={"unit_name": pl.String, **dict.fromkeys(frame.columns[1:], pl.Float64)})
    median = median.with_columns(pl.col("handled", "resolved").cast(pl.Int64))
    shown = pl.concat([frame.with_columns(pl.col("handled", "resolved").cast(pl.Int64)), median],
                      how="vertical_relaxed")
    rows = [shown.height - 1]
    if ctx.unit is not None:
        rows += [i for i, name in enumerate(shown["unit_name"]) if name == ctx.unit]
    return tables.frame_table(shown, title=TEXT["table_title"], subtitle=ctx.period.label,
                              labels={key: TABLE_HEADINGS_VI[key] for key in ("handled", "resolved")},
                              source_note=TEXT["median_note"], bold_rows=rows)


def ranking_chart(ctx: ReportContext, kpi: str = "on_time_rate") -> alt.LayerChart | Markdown:
    """Units ranked by one ratio, with the median of the units and the plan's target."""
    if not has_several_units(ctx):
        return nothing(_single_unit_sentence(ctx))
    ranking = analyses.unit_ranking(ctx.con, ctx.period, kpi)
    if ranking.filter(pl.col("value").is_not_null()).is_empty():
        return nothing(TEXT["no_value"].format(kpi=tables.KPI_LABELS[kpi].lower()))
    target = target_for(ctx.targets, kpi, year=ctx.year)
    return charts.unit_ranking(ranking.select("unit_name", "value", "dossiers"), value_title=tables.KPI_LABELS[kpi],
                               target=None if target is None else target.value, median=ranking["median"][0],
                               title=TEXT["ranking_title"].format(kpi=tables.KPI_LABELS[kpi].lower()),
                               subtitle=TEXT["ranking_subtitle"].format(period=ctx.period.label))
