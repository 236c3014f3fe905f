"""Notebook 6, Chất lượng dữ liệu: the load log, rows set aside by reason, anomalies worth a look."""

from __future__ import annotations

import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, tables
from hoaan_analytics.labels_vi import QUALITY_TEXT_VI as TEXT
from hoaan_analytics.sections.context import ReportContext
from hoaan_analytics.sections.text import count_text, date_text, nothing


def summary(ctx: ReportContext) -> Markdown:
    """What is stored and loaded, in a few sentences."""
    stored = analyses.stored_summary(ctx.con)
    lines = [
        TEXT["stored"].format(dossiers=count_text(stored["stored_dossiers"]), units=count_text(stored["units"]),
                              first=date_text(stored["first_received_on"]),
                              newest=date_text(stored["newest_event_on"])),
        TEXT["loaded"].format(files=count_text(stored["loaded_files"]), set_aside=count_text(stored["set_aside_rows"])),
        TEXT["never_received"].format(dossiers=count_text(stored["never_received_dossiers"])),
    ]
    if ctx.unit is not None:
        lines.append(TEXT["one_unit"].format(unit=ctx.unit))
    return Markdown("\n".join(lines))


def load_log_table(ctx: ReportContext) -> GT | Markdown:
    """One row per file loaded: when, rows read, stored, set aside, or skipped as already loaded."""
    history = analyses.load_history(ctx.con)
    if history.is_empty():
        return nothing(TEXT["no_file"])
    frame = history.select(
        pl.col("load_id").cast(pl.Int64), "file_name", pl.col("file_format").str.to_uppercase(),
        pl.col("loaded_at").dt.strftime("%H:%M %d/%m/%Y").alias("loaded_text"),
        pl.col("rows_read").cast(pl.Int64), pl.col("loaded").cast(pl.Int64), pl.col("set_aside").cast(pl.Int64),
        pl.when(pl.col("skipped")).then(pl.lit(TEXT["skipped"])).otherwise(pl.lit(TEXT["loaded_state"]))
        .alias("state"),
    )
    return tables.frame_table(frame, title=TEXT["log_title"])


def set_aside_table(ctx: ReportContext) -> GT | Markdown:
    """Rows set aside at loading, by file and reason, with a few row numbers to find them in the file."""
    rows = analyses.set_aside_by_reason(ctx.con)
    if rows.is_empty():
        return nothing(TEXT["no_set_aside"])
    frame = rows.select("file_name", "field_label", "reason_label", "rows_set_aside", "example_source_rows")
    return tables.frame_table(frame, title=TEXT["set_aside_title"], source_note=TEXT["set_aside_note"])


def anomalies_table(ctx: ReportContext) -> GT | Markdown:
    """Anomalies among the dossiers handled in the period: kind, how many, a few dossier ids."""
    anomalies = analyses.quality_anomalies(ctx.con, ctx.period, unit=ctx.unit)
    if anomalies.is_empty():
        return nothing(TEXT["no_anomaly"].format(period=ctx.period.label))
    frame = anomalies.select("anomaly_label", "dossiers", "example_dossier_ids")
    return tables.frame_table(frame, title=TEXT["anomalies_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              source_note=TEXT["anomalies_note"])
