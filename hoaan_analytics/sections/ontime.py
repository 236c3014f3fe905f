"""Notebook 2, Giải quyết đúng hạn: by field and procedure, late dossiers by reason, the overdue list."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import RESOLUTION_LABELS_VI
from hoaan_analytics.sections.context import ReportContext, empty_sentence, target_phrase
from hoaan_analytics.sections.frames import breakdown_frame, field_split
from hoaan_analytics.sections.text import count_text, date_text, nothing, percent_text

TABLE_COLUMNS = ("resolved", "resolved_early", "resolved_on_time", "resolved_late", "on_time_rate",
                 "pending", "pending_overdue", "progress_rate")


def summary(ctx: ReportContext) -> Markdown:
    """The on-time numbers of the period in plain sentences."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    k = ctx.kpis
    return Markdown("\n".join([
        f"- Đã giải quyết **{count_text(k['resolved'])}** hồ sơ: trước hạn {count_text(k['resolved_early'])}, "
        f"đúng hạn {count_text(k['resolved_on_time'])}, quá hạn **{count_text(k['resolved_late'])}**.",
        f"- Tỷ lệ giải quyết đúng hạn **{percent_text(k['on_time_rate'])}**"
        f"{target_phrase(ctx, 'on_time_rate', k['on_time_rate'])}.",
        f"- Cuối kỳ còn {count_text(k['pending'])} hồ sơ đang giải quyết: trong hạn "
        f"{count_text(k['pending_in_time'])}, quá hạn **{count_text(k['pending_overdue'])}** "
        f"(đánh giá tại ngày {date_text(ctx.reference_on)}).",
        f"- Tỷ lệ tiến độ giải quyết (trước hạn, đúng hạn và đang trong hạn trên tổng số phải giải quyết) "
        f"**{percent_text(k['progress_rate'])}**.",
    ]))


def by_field_chart(ctx: ReportContext) -> alt.Chart | Markdown:
    """Resolved dossiers of each field split into early, on time and late."""
    table = kpi_table(ctx.con, ctx.period, unit=ctx.unit, by="field")
    if table["resolved"].sum() == 0:
        return nothing("Trong kỳ chưa có hồ sơ nào được giải quyết.")
    frame = field_split(table, RESOLUTION_LABELS_VI)
    return charts.shares_by_group(frame, title="Kết quả giải quyết theo lĩnh vực", group_title="Lĩnh vực",
                                  category_title="Kết quả", subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                                  category_order=list(RESOLUTION_LABELS_VI.values()))


def _breakdown_table(ctx: ReportContext, by: str, title: str) -> GT | Markdown:
    table = kpi_table(ctx.con, ctx.period, unit=ctx.unit, by=by)
    if table.is_empty():
        return nothing(empty_sentence(ctx))
    frame = breakdown_frame(table, by, list(TABLE_COLUMNS), largest_first="resolved")
    return tables.frame_table(frame, title=title, subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              labels={"resolved": "Đã giải quyết", "resolved_early": "Trước hạn",
                                      "resolved_on_time": "Đúng hạn", "resolved_late": "Quá hạn",
                                      "on_time_rate": "Tỷ lệ đúng hạn", "pending": "Đang giải quyết",
                                      "pending_overdue": "Đang quá hạn", "progress_rate": "Tỷ lệ tiến độ"})


def by_field_table(ctx: ReportContext) -> GT | Markdown:
    """Per field: resolved and its split, on-time rate, pending and overdue, progress rate."""
    return _breakdown_table(ctx, "field", "Kết quả giải quyết theo lĩnh vực")


def by_procedure_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure, most resolved first: the same columns as by field."""
    return _breakdown_table(ctx, "procedure", "Kết quả giải quyết theo thủ tục")


def _late(ctx: ReportContext) -> pl.DataFrame:
    return analyses.late_by_reason(ctx.con, ctx.period, unit=ctx.unit)


def late_reasons_chart(ctx: ReportContext) -> alt.Chart | Markdown:
    """The late dossiers of each field split by reason."""
    late = _late(ctx)
    if late.is_empty():
        return nothing("Trong kỳ không có hồ sơ nào giải quyết quá hạn.")
    frame = late.select(pl.col("field_name").alias("group"), pl.col("late_reason_label").alias("category"),
                        "dossiers")
    return charts.shares_by_group(frame, title="Hồ sơ quá hạn theo nguyên nhân", group_title="Lĩnh vực",
                                  category_title="Nguyên nhân", subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                                  category_order=[analyses.LATE_REASON_LABELS_VI[k]
                                                  for k in analyses.LATE_REASON_LABELS_VI
                                                  if analyses.LATE_REASON_LABELS_VI[k] in set(frame["category"])])


def late_reasons_table(ctx: ReportContext) -> GT | Markdown:
    """Late dossiers per reason: how many and how many working days past the due date on average."""
    late = analyses.late_by_reason(ctx.con, ctx.period, unit=ctx.unit, by="none")
    if late.is_empty():
        return nothing("Trong kỳ không có hồ sơ nào giải quyết quá hạn.")
    frame = (
        late.sort("dossiers", "late_reason", descending=[True, False])
        .select(pl.col("late_reason_label").alias("Nguyên nhân"), "dossiers", "mean_working_days_late")
    )
    return tables.frame_table(frame, title="Hồ sơ giải quyết quá hạn theo nguyên nhân",
                              subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              labels={"mean_working_days_late": "Số ngày làm việc quá hạn bình quân"},
                              source_note="Quá hạn: ngày kết thúc (trừ thời gian chờ bổ sung) sau ngày hẹn trả, "
                                          "hoặc yêu cầu bổ sung hồ sơ quá một lần.")


def overdue_list(ctx: ReportContext) -> GT | Markdown:
    """The dossiers open at the end of the period and overdue: id, procedure, working days overdue."""
    overdue = analyses.pending_overdue(ctx.con, ctx.period, unit=ctx.unit)
    if overdue.is_empty():
        return nothing(f"Không có hồ sơ nào đang giải quyết quá hạn tại ngày {date_text(ctx.reference_on)}.")
    columns = ["dossier_id", *([] if ctx.unit else ["unit_name"]), "procedure_code", "procedure_name"]
    frame = overdue.select(
        *columns,
        pl.col("received_on").dt.strftime("%d/%m/%Y").alias("received_text"),
        pl.col("due_on").dt.strftime("%d/%m/%Y").alias("due_text"),
        "working_days_overdue",
    )
    return tables.frame_table(
        frame, title="Danh sách hồ sơ đang giải quyết quá hạn",
        subtitle=f"{ctx.scope_label} — tại ngày {date_text(ctx.reference_on)}",
        labels={"dossier_id": "Mã hồ sơ", "received_text": "Ngày tiếp nhận", "due_text": "Ngày hẹn trả",
                "working_days_overdue": "Số ngày làm việc quá hạn"},
    )
