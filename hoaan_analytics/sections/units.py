"""Notebook 5, So sánh các đơn vị: each KPI per unit, ranked, with the median of the units."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT, loc, style
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import MEDIAN_LABEL
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
        return "Cơ sở dữ liệu chưa có hồ sơ của đơn vị nào, nên chưa có gì để so sánh."
    return (f"Dữ liệu chỉ có một đơn vị ({ctx.unit_names[0]}), nên không có so sánh giữa các đơn vị. "
            f"Khi nạp thêm dữ liệu của các xã khác, phần này sẽ xếp hạng từng chỉ tiêu.")


def summary(ctx: ReportContext) -> Markdown:
    """How many units are compared, and where the report's own unit stands on the on-time rate."""
    if not has_several_units(ctx):
        return Markdown(_single_unit_sentence(ctx))
    ranking = analyses.unit_ranking(ctx.con, ctx.period, "on_time_rate")
    ranked = ranking.filter(pl.col("value").is_not_null())
    if ranked.is_empty():
        return nothing(f"Không đơn vị nào có hồ sơ giải quyết trong kỳ ({ctx.period.label}).")
    lines = [f"So sánh {count_text(len(ctx.unit_names))} đơn vị trong {ctx.period.label}. Trung vị tỷ lệ giải "
             f"quyết đúng hạn của các đơn vị: **{percent_text(ranking['median'][0])}**; cao nhất "
             f"{ranked['unit_name'][0]} ({percent_text(ranked['value'][0])}), thấp nhất {ranked['unit_name'][-1]} "
             f"({percent_text(ranked['value'][-1])})."]
    if ctx.unit is not None:
        mine = ranking.filter(pl.col("unit_name") == ctx.unit)
        if mine.height and mine["rank"][0] is not None:
            lines.append(f"\n{ctx.unit} xếp thứ **{mine['rank'][0]}/{ranked.height}** về tỷ lệ giải quyết đúng hạn "
                         f"({percent_text(mine['value'][0])}).")
    return Markdown("".join(lines))


def kpi_by_unit_table(ctx: ReportContext) -> GT | Markdown:
    """Every unit's KPIs side by side, with the median of the units as the last row."""
    if not has_several_units(ctx):
        return nothing(_single_unit_sentence(ctx))
    table = kpi_table(ctx.con, ctx.period, by="unit")
    if table.is_empty():
        return nothing(f"Không đơn vị nào có hồ sơ trong kỳ ({ctx.period.label}).")
    frame = table.select("unit_name", "handled", "resolved", *COMPARED_KPIS).sort("unit_name")
    # the units' median of each column, as SQL computed it (sql/marts/period_unit_comparison.sql)
    medians = dict(analyses.unit_comparison(ctx.con, ctx.period).select("kpi", "median").unique().iter_rows())
    median = pl.DataFrame([{"unit_name": MEDIAN_LABEL, **{c: medians.get(c) for c in frame.columns[1:]}}],
                          schema={"unit_name": pl.String, **dict.fromkeys(frame.columns[1:], pl.Float64)})
    median = median.with_columns(pl.col("handled", "resolved").cast(pl.Int64))
    shown = pl.concat([frame.with_columns(pl.col("handled", "resolved").cast(pl.Int64)), median],
                      how="vertical_relaxed")
    gt = tables.frame_table(shown, title="Các chỉ tiêu theo đơn vị", subtitle=ctx.period.label,
                            labels={"handled": "Phải giải quyết", "resolved": "Đã giải quyết"},
                            source_note="Hàng cuối: trung vị của các đơn vị (không phải tỷ lệ chung của toàn bộ).")
    rows = [shown.height - 1]
    if ctx.unit is not None:
        rows += [i for i, name in enumerate(shown["unit_name"]) if name == ctx.unit]
    return gt.tab_style(style.text(weight="bold"), loc.body(rows=rows))


def ranking_chart(ctx: ReportContext, kpi: str = "on_time_rate") -> alt.LayerChart | Markdown:
    """Units ranked by one ratio, with the median of the units and the plan's target."""
    if not has_several_units(ctx):
        return nothing(_single_unit_sentence(ctx))
    ranking = analyses.unit_ranking(ctx.con, ctx.period, kpi)
    if ranking.filter(pl.col("value").is_not_null()).is_empty():
        return nothing(f"Không đơn vị nào có số liệu về {tables.KPI_LABELS[kpi].lower()} trong kỳ.")
    target = target_for(ctx.targets, kpi, year=ctx.year)
    return charts.unit_ranking(ranking.select("unit_name", "value", "dossiers"), value_title=tables.KPI_LABELS[kpi],
                               target=None if target is None else target.value, median=ranking["median"][0],
                               title=f"Xếp hạng đơn vị: {tables.KPI_LABELS[kpi].lower()}",
                               subtitle=f"{ctx.period.label}. Vạch xám: trung vị các đơn vị; vạch đỏ đứt: mục tiêu")
