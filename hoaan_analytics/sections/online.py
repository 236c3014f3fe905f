"""Notebook 3, Nộp trực tuyến và thanh toán: shares by field, procedure and month; cash, cashless, online."""

from __future__ import annotations

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import (
    ALL_FIELDS_LABEL,
    CHANNEL_LABELS_VI,
    PAYMENT_CLASS_LABELS_VI,
    SHORT_KPI_LABELS_VI,
    TABLE_HEADINGS_VI,
)
from hoaan_analytics.labels_vi import ONLINE_TEXT_VI as TEXT
from hoaan_analytics.sections.context import ReportContext, target_phrase
from hoaan_analytics.sections.frames import breakdown_frame, field_split
from hoaan_analytics.sections.text import count_text, nothing, percent_text

TABLE_COLUMNS = ("received", "received_online", "online_share", "fee_dossiers", "cashless_share",
                 "online_payment_share")
MONTH_KPIS = ("online_share", "cashless_share", "online_payment_share")
# the short headings of TABLE_COLUMNS in the by-field, by-procedure and by-month tables
TABLE_LABELS = {key: TABLE_HEADINGS_VI[key] for key in TABLE_COLUMNS}


def summary(ctx: ReportContext) -> Markdown:
    """Online submission and payment in plain sentences, with the plan's targets."""
    k = ctx.kpis
    if k["received"] == 0:
        return nothing(TEXT["nothing_received_in"].format(scope=ctx.scope_label, period=ctx.period.label))
    lines = [
        TEXT["received"].format(received=count_text(k["received"]), received_online=count_text(k["received_online"]),
                                online_share=percent_text(k["online_share"]),
                                target=target_phrase(ctx, "online_share", k["online_share"])),
    ]
    if k["fee_dossiers"] == 0:
        lines.append(TEXT["no_fee"])
    else:
        lines.append(TEXT["fee"].format(
            fee_dossiers=count_text(k["fee_dossiers"]), cashless_share=percent_text(k["cashless_share"]),
            online_payment_share=percent_text(k["online_payment_share"]),
            target=target_phrase(ctx, "online_payment_share", k["online_payment_share"])))
    return Markdown("\n".join(lines))


def channel_by_field_chart(ctx: ReportContext) -> alt.Chart | Markdown:
    """Received dossiers of each field split by channel."""
    table = kpi_table(ctx.con, ctx.period, unit=ctx.unit, by="field")
    if table["received"].sum() == 0:
        return nothing(TEXT["nothing_received"])
    frame = field_split(table, CHANNEL_LABELS_VI)
    return charts.shares_by_group(frame, title=TEXT["channel_title"],
                                  group_title=TEXT["field"], category_title=TEXT["channel"],
                                  subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                                  category_order=list(CHANNEL_LABELS_VI.values()))


def _breakdown_table(ctx: ReportContext, by: str, title: str) -> GT | Markdown:
    table = kpi_table(ctx.con, ctx.period, unit=ctx.unit, by=by).filter(pl.col("received") > 0)
    if table.is_empty():
        return nothing(TEXT["nothing_received"])
    frame = breakdown_frame(table, by, list(TABLE_COLUMNS), largest_first="received")
    return tables.frame_table(frame, title=title, subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              labels=TABLE_LABELS)


def by_field_table(ctx: ReportContext) -> GT | Markdown:
    """Per field: received, online, online share, fee dossiers, cashless and online payment shares."""
    return _breakdown_table(ctx, "field", TEXT["by_field_title"])


def by_procedure_table(ctx: ReportContext) -> GT | Markdown:
    """Per procedure (most received first): the same columns as by field."""
    return _breakdown_table(ctx, "procedure", TEXT["by_procedure_title"])


def _months(ctx: ReportContext) -> pl.DataFrame:
    return kpi_table(ctx.con, ctx.period, unit=ctx.unit, by="month")


def by_month_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The three shares month by month within the period."""
    months = _months(ctx)
    if months["received"].sum() == 0:
        return nothing(TEXT["nothing_received"])
    months = months.with_columns(
        pl.struct("month", "start", "end").map_elements(
            lambda m: _month_axis_label(m["month"]), return_dtype=pl.String).alias("period_label"))
    frame = pl.concat([
        months.select("period_label", pl.col(kpi).alias("value"), pl.lit(SHORT_KPI_LABELS_VI[kpi]).alias("series"))
        for kpi in MONTH_KPIS
    ])
    return charts.trend_line(frame, value_title=TEXT["share"], title=TEXT["by_month_title"],
                             subtitle=f"{ctx.scope_label} — {ctx.period.label}")


def _month_axis_label(name: str) -> str:
    # 'YYYY-MM' -> 'T3/2026'; an explicit range keeps its own name
    if len(name) == 7 and name[4] == "-":
        return TEXT["month_axis"].format(month=int(name[5:]), year=name[:4])
    return name


def by_month_table(ctx: ReportContext) -> GT | Markdown:
    """Per month of the period: received, online share, fee dossiers, cashless and online payment shares."""
    months = _months(ctx)
    if months["received"].sum() == 0:
        return nothing(TEXT["nothing_received"])
    frame = months.select(pl.col("month_label").alias(TEXT["month"]), *TABLE_COLUMNS)
    return tables.frame_table(frame, title=TEXT["by_month_table_title"],
                              subtitle=f"{ctx.scope_label} — {ctx.period.label}", labels=TABLE_LABELS)


def _mix(ctx: ReportContext) -> pl.DataFrame:
    total = analyses.payment_mix(ctx.con, ctx.period, unit=ctx.unit, by="none").with_columns(
        pl.lit(ALL_FIELDS_LABEL).alias("group_name"))
    by_field = analyses.payment_mix(ctx.con, ctx.period, unit=ctx.unit, by="field")
    return pl.concat([total, by_field])


def payment_mix_chart(ctx: ReportContext) -> alt.Chart | Markdown:
    """Dossiers with a fee by payment: cash, cashless (not online), online — all fields, then each field."""
    mix = _mix(ctx)
    if mix.is_empty():
        return nothing(TEXT["no_fee_dossier"])
    frame = mix.select(pl.col("group_name").alias("group"), pl.col("payment_label").alias("category"), "dossiers")
    return charts.shares_by_group(frame, title=TEXT["mix_title"], group_title=TEXT["field"],
                                  category_title=TEXT["mix_category"],
                                  subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                                  category_order=list(PAYMENT_CLASS_LABELS_VI.values()))


def payment_mix_table(ctx: ReportContext) -> GT | Markdown:
    """Counts of the payment mix: one row per field (all fields first), one column per way of paying."""
    mix = _mix(ctx)
    if mix.is_empty():
        return nothing(TEXT["no_fee_dossier"])
    order = list(dict.fromkeys(mix["group_name"]))
    wide = (
        mix.pivot(on="payment_class", index=["group_name", "group_dossiers"], values="dossiers")
        .with_columns(pl.col("group_name").replace_strict({g: i for i, g in enumerate(order)},
                                                          return_dtype=pl.Int64).alias("_rank"))
        .sort("_rank")
    )
    for key in PAYMENT_CLASS_LABELS_VI:
        if key not in wide.columns:
            wide = wide.with_columns(pl.lit(0, dtype=pl.Int64).alias(key))
    # a class absent from a group is no dossier of it; the total is SQL's (payment_mix.sql)
    frame = wide.select(
        pl.col("group_name").alias(TEXT["field"]),
        *(pl.col(k).fill_null(0).cast(pl.Int64) for k in PAYMENT_CLASS_LABELS_VI),
        pl.col("group_dossiers").alias("fee_dossiers"),
    )
    return tables.frame_table(frame, title=TEXT["mix_table_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              labels={**PAYMENT_CLASS_LABELS_VI, "fee_dossiers": TEXT["mix_total"]},
                              source_note=TEXT["mix_note"])
