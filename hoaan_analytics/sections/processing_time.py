"""Notebook 4, Thời gian giải quyết: elapsed working days against statutory limits, the 30% target, lost time."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import time_reduction_left_out
from hoaan_analytics.sections.context import ReportContext, empty_sentence, target_phrase
from hoaan_analytics.sections.text import count_text, nothing, percent_text
from hoaan_analytics.tables import format_number_vi
from hoaan_analytics.targets import target_for

CHART_PROCEDURES = 15
DEFAULT_REDUCTION_TARGET = 0.30


def _times(ctx: ReportContext) -> pl.DataFrame:
    return analyses.processing_time(ctx.con, ctx.period, unit=ctx.unit)


def _total(ctx: ReportContext) -> dict | None:
    return analyses.processing_time_total(ctx.con, ctx.period, unit=ctx.unit)


def _reduction_target(ctx: ReportContext) -> float:
    target = target_for(ctx.targets, "time_reduction", year=ctx.year)
    return DEFAULT_REDUCTION_TARGET if target is None else target.value


def summary(ctx: ReportContext) -> Markdown:
    """time_reduction and within_70pct_share with the target, and how many dossiers they cover."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    total = _total(ctx)
    k = ctx.kpis
    if total is None:
        return nothing("Trong kỳ không có hồ sơ đã giải quyết xong thuộc thủ tục có thời hạn từ 1 ngày làm việc "
                       "trở lên trong danh mục, nên chưa tính được mức giảm thời gian.")
    return Markdown("\n".join([
        f"- Tính trên **{count_text(total['dossiers'])}** hồ sơ đã giải quyết xong của "
        f"{count_text(total['procedures'])} thủ tục có thời hạn: tổng thời gian giải quyết "
        f"{count_text(total['elapsed_working_days'])} ngày làm việc so với tổng thời hạn "
        f"{count_text(total['statutory_working_days'])} ngày làm việc.",
        f"- Mức giảm thời gian giải quyết so với quy định **{percent_text(k['time_reduction'])}**"
        f"{target_phrase(ctx, 'time_reduction', k['time_reduction'])}.",
        f"- Tỷ lệ hồ sơ giải quyết trong 70% thời hạn (tức đã giảm ít nhất 30%) "
        f"**{percent_text(k['within_70pct_share'])}**; "
        f"{count_text(total['over_limit_dossiers'])} hồ sơ dùng quá thời hạn quy định.",
    ]))


def elapsed_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """Mean elapsed working days per procedure (the most frequent ones) against the limit and the target."""
    times = _times(ctx)
    if times.is_empty():
        return nothing("Không có hồ sơ để so sánh thời gian giải quyết với thời hạn.")
    frame = times.head(CHART_PROCEDURES).select("procedure_name", "mean_elapsed_working_days", "statutory_days",
                                                 "dossiers")
    shown = "" if times.height <= CHART_PROCEDURES else f" ({CHART_PROCEDURES} thủ tục nhiều hồ sơ nhất)"
    return charts.elapsed_vs_statutory(frame, title="Thời gian giải quyết bình quân so với thời hạn" + shown,
                                       reduction_target=_reduction_target(ctx))


def elapsed_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure: limit, dossiers, mean elapsed, time reduction, share within 70%, dossiers over the limit."""
    times = _times(ctx)
    if times.is_empty():
        return nothing("Không có hồ sơ để so sánh thời gian giải quyết với thời hạn.")
    frame = times.select(
        "procedure_code", "procedure_name", "statutory_days", "dossiers", "mean_elapsed_working_days",
        "time_reduction", "within_70pct_share", "over_limit_dossiers",
    )
    return tables.frame_table(
        frame, title="Thời gian giải quyết theo thủ tục", subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={"statutory_days": "Thời hạn (ngày LV)", "mean_elapsed_working_days": "Bình quân (ngày LV)",
                "time_reduction": "Mức giảm", "within_70pct_share": "Trong 70% thời hạn",
                "over_limit_dossiers": "Quá thời hạn"},
        source_note="Ngày LV: ngày làm việc. Thời gian giải quyết = từ ngày tiếp nhận đến ngày kết thúc xử lý, "
                    "trừ thời gian chờ công dân bổ sung hồ sơ.",
    )


def time_lost_text(ctx: ReportContext) -> Markdown:
    """Where the time goes, over all procedures: supplementation pauses, days past due, waiting to return."""
    total = _total(ctx)
    if total is None:
        return nothing("Không có hồ sơ để phân tích thời gian.")
    times = _times(ctx)
    lines = [
        f"- Chờ công dân bổ sung hồ sơ: {count_text(total['paused_dossiers'])} hồ sơ, tổng cộng "
        f"{format_number_vi(total['supplement_pause_working_days'])} ngày làm việc (không tính vào thời gian "
        f"giải quyết).",
        f"- Trả quá hạn: {count_text(total['late_dossiers'])} hồ sơ, tổng cộng "
        f"{format_number_vi(total['working_days_late'])} ngày làm việc sau ngày hẹn trả.",
    ]
    worst = times.filter(pl.col("time_reduction") < 0)
    if worst.height:
        names = ", ".join(worst["procedure_name"].fill_null(worst["procedure_code"]).to_list()[:5])
        lines.append(f"- Thủ tục dùng nhiều thời gian hơn thời hạn quy định (bình quân): {names}.")
    return Markdown("\n".join(lines))


def time_lost_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure: pauses, late dossiers and days past due, days from finishing to returning the result."""
    times = _times(ctx)
    if times.is_empty():
        return nothing("Không có hồ sơ để phân tích thời gian.")
    frame = (
        times.filter((pl.col("paused_dossiers") > 0) | (pl.col("late_dossiers") > 0)
                     | (pl.col("mean_working_days_to_return") > 0))
        .select("procedure_name", "dossiers", "paused_dossiers", "mean_supplement_pause_working_days",
                "late_dossiers", "mean_working_days_late", "mean_working_days_to_return")
    )
    if frame.is_empty():
        return nothing("Không có hồ sơ chờ bổ sung, trả quá hạn hay chờ trả kết quả.")
    return tables.frame_table(
        frame, title="Thời gian mất ở đâu", subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={"paused_dossiers": "Hồ sơ chờ bổ sung",
                "mean_supplement_pause_working_days": "Chờ bổ sung (ngày LV, bình quân)",
                "late_dossiers": "Hồ sơ quá hạn", "mean_working_days_late": "Quá hạn (ngày LV, bình quân)",
                "mean_working_days_to_return": "Từ kết thúc đến trả kết quả (ngày LV, bình quân)"},
    )


def left_out_note(ctx: ReportContext) -> Markdown:
    """Which resolved dossiers time_reduction leaves out because their procedure is not in the catalogue."""
    left_out = time_reduction_left_out(ctx.con, ctx.period, unit=ctx.unit)
    if left_out.is_empty():
        return Markdown("Mọi hồ sơ đã giải quyết trong kỳ đều thuộc thủ tục có trong danh mục thời hạn.")
    items = "; ".join(f"{r['procedure_code']} ({r['procedure_name'] or 'không có tên'}): "
                      f"{count_text(r['dossiers'])} hồ sơ" for r in left_out.iter_rows(named=True))
    return Markdown(f"*Không tính vào mức giảm thời gian vì thủ tục chưa có trong danh mục thời hạn "
                    f"(params/procedures.csv): {items}.*")
