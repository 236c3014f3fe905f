"""kpi_table frames reshaped for the sections' charts and tables."""

from __future__ import annotations

import polars as pl

from hoaan_analytics.labels_vi import NO_FIELD_LABEL


def field_split(table: pl.DataFrame, labels: dict[str, str]) -> pl.DataFrame:
    """A kpi_table(by="field") as one row per (field, category), for charts.shares_by_group.

    `labels` maps count columns (e.g. resolved_early) to the category names shown.
    """
    return pl.concat([
        table.select(pl.col("field_name").fill_null(NO_FIELD_LABEL).alias("group"),
                     pl.lit(label).alias("category"), pl.col(key).alias("dossiers"))
        for key, label in labels.items()
    ])


def breakdown_frame(table: pl.DataFrame, by: str, columns: list[str], *, largest_first: str) -> pl.DataFrame:
    """A kpi_table(by="field"|"procedure") cut to `columns`, biggest `largest_first` first, fields named."""
    groups = ["field_name"] if by == "field" else ["procedure_code", "procedure_name"]
    frame = table.select(*groups, *columns).sort([largest_first, *groups], descending=[True] + [False] * len(groups))
    if by == "field":
        frame = frame.with_columns(pl.col("field_name").fill_null(NO_FIELD_LABEL))
    return frame
