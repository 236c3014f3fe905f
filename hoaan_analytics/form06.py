"""Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): "Tình hình, kết quả giải quyết TTHC".

13 columns, one row per lĩnh vực plus a total row; the numbers are those of
METRICS.md §6 by field (column 3 = handled, 4 = received_online, 5 = received_offline,
6 = carried_over, 7–10 = resolved and its split, 11–13 = pending and its split).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import polars as pl

from hoaan_analytics import db, models
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import (
    FORM06_ALL_UNITS_LABEL,
    FORM06_CODE,
    FORM06_COUNT_UNIT,
    FORM06_FIELD_HEADING,
    FORM06_GROUP_HEADINGS,
    FORM06_HEADINGS,
    FORM06_LEGAL_BASIS,
    FORM06_OF_WHICH,
    FORM06_PERIOD,
    FORM06_PLACE_AND_DATE,
    FORM06_RECEIVING_UNIT,
    FORM06_REPORTING_UNIT,
    FORM06_SHEET_NAME,
    FORM06_SIGNERS,
    FORM06_STT_HEADING,
    FORM06_TITLE,
    FORM06_TOTAL_LABEL,
    NO_FIELD_LABEL,
)
from hoaan_analytics.periods import Period, parse_period

# the form's columns 3..13, in order
FORM06_COLUMNS: tuple[str, ...] = (
    "handled", "received_online", "received_offline", "carried_over",
    "resolved", "resolved_early", "resolved_on_time", "resolved_late",
    "pending", "pending_in_time", "pending_overdue",
)


def form06_frame(con: db.Connection, period: Period, *, unit: str | None = None) -> pl.DataFrame:
    """The rows of Biểu 06: stt, field_name, columns 3–13 (FORM06_COLUMNS) and is_total.

    One row per lĩnh vực with at least one dossier handled, sorted by name, then the
    total row (stt empty, field_name "Tổng cộng"), which is the whole scope's KPIs.
    """
    by_field = (
        kpi_table(con, period, unit=unit, by="field")
        .with_columns(pl.col("field_name").fill_null(NO_FIELD_LABEL))
    )
    by_field = by_field[sorted(range(by_field.height), key=lambda i: _vietnamese_sort_key(by_field["field_name"][i]))]
    total = kpi_table(con, period, unit=unit)
    rows = by_field.select(
        pl.int_range(1, pl.len() + 1).cast(pl.String).alias("stt"),
        "field_name", *FORM06_COLUMNS, pl.lit(False).alias("is_total"),
    )
    total_row = total.select(
        pl.lit("").alias("stt"), pl.lit(FORM06_TOTAL_LABEL).alias("field_name"),
        *FORM06_COLUMNS, pl.lit(True).alias("is_total"),
    )
    return pl.concat([rows, total_row])


def _vietnamese_sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order of the Vietnamese alphabet, roughly: đ after d, accents second."""
    import unicodedata

    folded = unicodedata.normalize("NFC", text).casefold().replace("đ", "d\uffff")
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return bare, folded


def write_form06(con: db.Connection, period: Period, out: str | os.PathLike[str], *,
                 unit: str | None = None, reporting_unit: str | None = None,
                 frame: pl.DataFrame | None = None) -> Path:
    """Write Biểu 06 for `period` (all units or one) to the .xlsx file `out` and return its path.

    `frame`: the rows of form06_frame(con, period, unit=unit) when the caller has them
    already (a report shows the table, then offers the file); computed here otherwise.

    Every text cell is written with write_string, so a value from an export that starts
    with = + - @ never becomes a live formula.
    """
    import xlsxwriter

    if frame is None:
        frame = form06_frame(con, period, unit=unit)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(out))
    try:
        _write_sheet(workbook, frame, period, reporting_unit or unit)
    finally:
        workbook.close()
    return out


def form06_file(db_path: str | os.PathLike[str], period_name: str, out: str | os.PathLike[str], *,
                mode: str = "calendar", unit: str | None = None) -> Path:
    """Open the database read-only and write Biểu 06 of one period (the `hoaan form06` command)."""
    period = parse_period(period_name, mode)
    con = db.connect_reader(db_path)
    try:
        models.require_built(con, db_path)
        return write_form06(con, period, out, unit=unit)
    finally:
        con.close()


def _write_sheet(workbook, frame: pl.DataFrame, period: Period, unit: str | None) -> None:
    sheet = workbook.add_worksheet(FORM06_SHEET_NAME)
    font = {"font_name": "Times New Roman", "font_size": 12}
    bold = workbook.add_format({**font, "bold": True})
    italic = workbook.add_format({**font, "italic": True})
    title = workbook.add_format({**font, "bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
    centered = workbook.add_format({**font, "align": "center", "valign": "vcenter", "text_wrap": True})
    centered_italic = workbook.add_format({**font, "italic": True, "align": "center"})
    head = workbook.add_format({**font, "bold": True, "border": 1, "align": "center", "valign": "vcenter",
                                "text_wrap": True})
    number_row = workbook.add_format({**font, "italic": True, "border": 1, "align": "center"})
    text_cell = workbook.add_format({**font, "border": 1, "valign": "vcenter", "text_wrap": True})
    stt_cell = workbook.add_format({**font, "border": 1, "align": "center", "valign": "vcenter"})
    count_cell = workbook.add_format({**font, "border": 1, "num_format": "#,##0", "valign": "vcenter"})
    total_text = workbook.add_format({**font, "bold": True, "border": 1, "valign": "vcenter"})
    total_count = workbook.add_format({**font, "bold": True, "border": 1, "num_format": "#,##0"})

    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 34)
    sheet.set_column(2, 12, 13)
    last_col = 12

    sheet.write_string(0, 0, FORM06_CODE, bold)
    sheet.write_string(1, 0, FORM06_LEGAL_BASIS, italic)
    sheet.write_string(0, 9, FORM06_REPORTING_UNIT + (unit or FORM06_ALL_UNITS_LABEL), bold)
    sheet.write_string(1, 9, FORM06_RECEIVING_UNIT, bold)
    sheet.merge_range(3, 0, 3, last_col, FORM06_TITLE, title)
    sheet.merge_range(4, 0, 4, last_col, FORM06_PERIOD.format(period=period.label, dates=period.range_label), centered)
    sheet.write_string(5, last_col, FORM06_COUNT_UNIT, italic)

    top = 6
    sheet.merge_range(top, 0, top + 2, 0, FORM06_STT_HEADING, head)
    sheet.merge_range(top, 1, top + 2, 1, FORM06_FIELD_HEADING, head)
    # columns (3)-(13) = FORM06_COLUMNS from sheet column 2; each group opens with its "Tổng số"
    for (first, last), heading in zip(((2, 5), (6, 9), (10, 12)), FORM06_GROUP_HEADINGS, strict=True):
        sheet.merge_range(top, first, top, last, heading, head)
        sheet.merge_range(top + 1, first, top + 2, first, FORM06_HEADINGS[FORM06_COLUMNS[first - 2]], head)
        sheet.merge_range(top + 1, first + 1, top + 1, last, FORM06_OF_WHICH, head)
        for col in range(first + 1, last + 1):
            sheet.write_string(top + 2, col, FORM06_HEADINGS[FORM06_COLUMNS[col - 2]], head)
    sheet.set_row(top + 2, 78)
    for col in range(last_col + 1):
        sheet.write_string(top + 3, col, f"({col + 1})", number_row)

    row_index = top + 4
    for row in frame.iter_rows(named=True):
        is_total = row["is_total"]
        sheet.write_string(row_index, 0, row["stt"], stt_cell)
        sheet.write_string(row_index, 1, row["field_name"], total_text if is_total else text_cell)
        for offset, key in enumerate(FORM06_COLUMNS):
            sheet.write_number(row_index, 2 + offset, row[key], total_count if is_total else count_cell)
        row_index += 1

    row_index += 1
    sheet.write_string(row_index, 9, FORM06_PLACE_AND_DATE.format(day=date.today()), centered_italic)
    signer = workbook.add_format({**font, "bold": True, "align": "center"})
    for col, (role, how) in zip((1, 9), FORM06_SIGNERS, strict=True):
        sheet.write_string(row_index + 1, col, role, signer)
        sheet.write_string(row_index + 2, col, how, centered_italic)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(top, top + 3)
