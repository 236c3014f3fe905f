"""Notebook 2, Giải quyết đúng hạn: by field and procedure, late dossiers by reason, the overdue list."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import ONTIME_TEXT_VI as TEXT
from hoaan_analytics.labels_vi import RESOLUTION_LABELS_VI, TABLE_HEADINGS_VI
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
    counts = {key: count_text(k[key]) for key in ("resolved", "resolved_early", "resolved_on_time", "resolved_late",
                                                  "pending", "pending_in_time", "pending_overdue")}
    return Markdown("\n".join([
        TEXT["resolved"].format(**counts),
        TEXT["on_time"].format(on_time_rate=percent_text(k["on_time_rate"]),
                               target=target_phrase(ctx, "on_time_rate", k["on_time_rate"])),
        TEXT["pending"].format(**counts, reference_on=date_text(ctx.reference_on)),
        TEXT["progress"].format(progress_rate=percent_text(k["progress_rate"])),
    ]))


def by_field_chart(ctx: ReportContext) -> alt.Chart | Markdown:
    """Resolved dossiers of each field split into early, on time and late."""
    table = kpi_table(ctx.con, ctx.period, unit=ctx.unit, by="field")
    if table["resolved"].sum() == 0:
        return nothing(TEXT["nothing_resolved"])
    frame = field_split(table, RESOLUTION_LABELS_VI)
    return charts.shares_by_group(frame, title=TEXT["by_field_title"], group_title=TEXT["field"],
                                  category_title=TEXT["result"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                                  category_order=list(RESOLUTION_LABELS_VI.values()))


def _breakdown_table(ctx: ReportContext, by: str, title: str) -> GT | Markdown:
    table = kpi_table(ctx.con, ctx.period, unit=ctx.unit, by=by)
    if table.is_empty():
        return nothing(empty_sentence(ctx))
    frame = breakdown_frame(table, by, list(TABLE_COLUMNS), largest_first="resolved")
    return tables.frame_table(frame, title=title, subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              labels={key: TABLE_HEADINGS_VI[key] for key in TABLE_COLUMNS})


def by_field_table(ctx: ReportContext) -> GT | Markdown:
    """Per field: resolved and its split, on-time rate, pending and overdue, progress rate."""
    return _breakdown_table(ctx, "field", TEXT["by_field_title"])


def by_procedure_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure, most resolved first: the same columns as by field."""
    return _breakdown_table(ctx, "procedure", TEXT["by_procedure_title"])


def _late(ctx: ReportContext) -> pl.DataFrame:
    return analyses.late_by_reason(ctx.con, ctx.period, unit=ctx.unit)


def late_reasons_chart(ctx: ReportContext) -> alt.Chart | Markdown:
    """The late dossiers of each field split by reason."""
    late = _late(ctx)
    if late.is_empty():
        return nothing(TEXT["no_late"])
    frame = late.select(pl.col("field_name").alias("group"), pl.col("late_reason_label").alias("category"),
                        "dossiers")
    return charts.shares_by_group(frame, title=TEXT["late_chart_title"], group_title=TEXT["field"],
                                  category_title=TEXT["reason"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                                  category_order=[analyses.LATE_REASON_LABELS_VI[k]
                                                  for k in analyses.LATE_REASON_LABELS_VI
                                                  if analyses.LATE_REASON_LABELS_VI[k] in set(frame["category"])])


def late_reasons_table(ctx: ReportContext) -> GT | Markdown:
    """Late dossiers per reason: how many and how many working days past the due date on average."""
    late = analyses.late_by_reason(ctx.con, ctx.period, unit=ctx.unit, by="none")
    if late.is_empty():
        return nothing(TEXT["no_late"])
    frame = (
        late.sort("dossiers", "late_reason", descending=[True, False])
        .select(pl.col("late_reason_label").alias(TEXT["reason"]), "dossiers", "mean_working_days_late")
    )
    return tables.frame_table(frame, title=TEXT["late_table_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              source_note=TEXT["late_note"])


def overdue_list(ctx: ReportContext) -> GT | Markdown:
    """The dossiers open at the end of the period and overdue: id, procedure, working days overdue."""
    overdue = analyses.pending_overdue(ctx.con, ctx.period, unit=ctx.unit)
    if overdue.is_empty():
        return nothing(TEXT["no_overdue"].format(reference_on=date_text(ctx.reference_on)))
    columns = ["dossier_id", *([] if ctx.unit else ["unit_name"]), "procedure_code", "procedure_name"]
    frame = overdue.select(
        *columns,
        pl.col("received_on").dt.strftime("%d/%m/%Y").alias("received_text"),
        pl.col("due_on").dt.strftime("%d/%m/%Y").alias("due_text"),
        "working_days_overdue",
    )
    return tables.frame_table(
        frame, title=TEXT["overdue_title"],
        subtitle=TEXT["overdue_subtitle"].format(scope=ctx.scope_label, reference_on=date_text(ctx.reference_on)),
    )
