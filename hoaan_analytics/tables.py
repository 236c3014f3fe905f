"""Tables for reports: great_tables with Vietnamese labels and number formats.

Vietnamese writes 95,1% and 1.234 (comma for decimals, dot for thousands). Every
table here is plain HTML with a scoped style: no web fonts (`google_font()` needs
the network) and no `opt_interactive()` (it loads scripts), so a report renders
offline. The formatting helpers are shared with `charts`, which pre-formats its
tooltip text with them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import polars as pl
from great_tables import GT, loc, style

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.labels_vi import (
    COLUMN_LABELS_VI,
    KPI_LABELS_VI,
    KPI_TABLE_TITLE,
    TARGET_MET_LABEL,
    TARGET_NOT_MET_LABEL,
)
from hoaan_analytics.targets import is_met

# The heading of every column a table or chart may show (labels_vi: one wording everywhere).
KPI_LABELS: dict[str, str] = {**KPI_LABELS_VI, **COLUMN_LABELS_VI}

MISSING_TEXT = "—"


def is_ratio_column(name: str) -> bool:
    """True for the KPI columns that hold a share 0..1 (shown as a percentage)."""
    return name.endswith(("_rate", "_share")) or name in {"time_reduction", "target"}


def format_percent_vi(value: float | None, decimals: int = 1) -> str:
    """0.9512 -> '95,1%'; None or NaN -> '—' (a ratio with no denominator is not 0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING_TEXT
    return format_number_vi(value * 100, decimals) + "%"


def format_number_vi(value: float | None, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5' with `decimals=1`; 1234 -> '1.234'; None -> '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING_TEXT
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _formatted(gt: GT, columns: Sequence[str], fmt: Callable[..., GT], **options: object) -> GT:
    """`fmt` (an unbound GT.fmt_* method) on `columns` with Vietnamese separators; nothing to do without columns."""
    if not columns:
        return gt
    return fmt(gt, list(columns), sep_mark=".", **options)


def _percent(gt: GT, columns: Sequence[str], decimals: int) -> GT:
    return _formatted(gt, columns, GT.fmt_percent, decimals=decimals, dec_mark=",")


def _finish(gt: GT, title: str | None, subtitle: str | None, source_note: str | None,
            font_size: str = "14px") -> GT:
    if title:
        gt = gt.tab_header(title=title, subtitle=subtitle)
    if source_note:
        gt = gt.tab_source_note(source_note)
    return gt.sub_missing(missing_text=MISSING_TEXT).tab_options(table_font_size=font_size)


def frame_table(
    frame: pl.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    source_note: str | None = None,
    labels: Mapping[str, str] | None = None,
    percent_decimals: int = 1,
    row_label: str | None = None,
    group_label: str | None = None,
    percent_columns: Sequence[str] = (),
    points_columns: Sequence[str] = (),
    right_aligned: Sequence[str] = (),
    bold_rows: Sequence[int] = (),
    font_size: str = "14px",
) -> GT:
    """A great_tables table of an aggregated frame, formatted the Vietnamese way.

    Ratio columns (`*_rate`, `*_share`, `time_reduction`, `target`, and `percent_columns`)
    become percentages ("95,1%"), integer columns counts ("1.234"), `points_columns`
    scores with up to two decimals ("14,29", "52"), other float columns one decimal
    ("3,5"); nulls show as "—". Column labels come from `labels`, then KPI_LABELS, else
    the column name. `row_label` names a column to use as the stub, `group_label` one
    whose values head groups of rows; `right_aligned` text columns line up with numbers,
    `bold_rows` (row positions) stand out, e.g. a total.
    """
    names = dict(KPI_LABELS)
    names.update(labels or {})
    ratio = [c for c in frame.columns
             if (is_ratio_column(c) or c in percent_columns) and frame[c].dtype.is_numeric()]
    points = [c for c in points_columns if c not in ratio]
    integer = [c for c in frame.columns if frame[c].dtype.is_integer() and c not in ratio and c not in points]
    decimal = [c for c in frame.columns if frame[c].dtype.is_float() and c not in ratio and c not in points]
    gt = GT(frame, rowname_col=row_label, groupname_col=group_label)
    gt = _percent(gt, ratio, percent_decimals)
    gt = _formatted(gt, integer, GT.fmt_integer)
    gt = _formatted(gt, decimal, GT.fmt_number, decimals=1, dec_mark=",")
    gt = _formatted(gt, points, GT.fmt_number, decimals=2, drop_trailing_zeros=True, dec_mark=",")
    gt = gt.cols_label(**{c: names.get(c, c) for c in frame.columns if c not in (row_label, group_label)})
    if right_aligned:
        gt = gt.cols_align("right", columns=list(right_aligned))
    if bold_rows:
        gt = gt.tab_style(style.text(weight="bold"), loc.body(rows=list(bold_rows)))
    return _finish(gt, title, subtitle, source_note, font_size)


def kpi_table(
    frame: pl.DataFrame,
    *,
    title: str | None = KPI_TABLE_TITLE,
    subtitle: str | None = None,
    source_note: str | None = None,
) -> GT:
    """The plan's KPIs against their targets, one row per KPI.

    `frame` columns: `kpi` (str, a key of METRICS.md §6 such as "on_time_rate"),
    `value` (float 0..1 or null), `target` (float 0..1 or null). Adds a column
    "Đánh giá": "Đạt" when value ≥ target, "Chưa đạt" when below, "—" otherwise.
    """
    _require(frame, ("kpi", "value", "target"))
    shown = frame.select(
        pl.col("kpi").replace_strict(KPI_LABELS, default=pl.col("kpi"), return_dtype=pl.String)
        .alias(COLUMN_LABELS_VI["kpi"]),
        pl.col("value").cast(pl.Float64),
        pl.col("target").cast(pl.Float64),
    )
    shown = shown.with_columns(pl.Series("status", met_texts(shown["value"], shown["target"]), dtype=pl.String))
    gt = _percent(GT(shown, rowname_col=COLUMN_LABELS_VI["kpi"]), ["value", "target"], 1)
    gt = gt.cols_label(value=COLUMN_LABELS_VI["value"], target=COLUMN_LABELS_VI["target"],
                       status=COLUMN_LABELS_VI["status"])
    return _finish(gt, title, subtitle, source_note)


def met_texts(values: Sequence[float | None], goals: Sequence[float | None]) -> list[str]:
    """'Đạt' / 'Chưa đạt' / '—' for each (value, target), as targets.is_met decides."""
    labels = {True: TARGET_MET_LABEL, False: TARGET_NOT_MET_LABEL, None: MISSING_TEXT}
    return [labels[is_met(value, goal)] for value, goal in zip(values, goals, strict=True)]


def _require(frame: pl.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise HoaanError(f"table needs the column(s) {', '.join(missing)}; got {', '.join(frame.columns)}")
