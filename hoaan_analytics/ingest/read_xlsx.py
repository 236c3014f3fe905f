"""Spreadsheet exports (XLSX and the other workbook formats calamine reads) -> the staged text table."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.header import HEADER_SCAN_ROWS, find_header
from hoaan_analytics.ingest.labels import LabelMap
from hoaan_analytics.ingest.staging import check_cell_lengths, first_line, stage_frame


def stage_excel(con: db.Connection, table: str, path: Path, labels: LabelMap, file_name: str) -> None:
    """Read the first sheet that holds an export header into temp table `table` (only the mapped columns)."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(path)
        found = None
        for sheet_name in reader.sheet_names:
            # skip_rows=0 keeps leading empty rows, so frame row i is sheet row i + 1.
            head = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, n_rows=HEADER_SCAN_ROWS,
                                     dtypes="string").to_polars()
            try:
                header = find_header([list(r) for r in head.rows()], labels, file_name)
            except IngestError as exc:
                found = found or exc
                continue
            found = (sheet_name, header, head.columns)
            break
        if not isinstance(found, tuple):
            raise found or IngestError(f"{file_name}: the workbook has no sheet")
        sheet_name, header, names = found
        wanted = sorted(set(header.positions.values()))
        sheet = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, dtypes="string",
                                  use_columns=[names[i] for i in wanted]).to_polars()
    except IngestError:
        raise
    except Exception as exc:  # calamine/fastexcel raise their own error classes
        raise IngestError(f"{file_name}: cannot be read as a spreadsheet: {first_line(exc)}") from exc

    by_name = dict(zip([names[i] for i in wanted], wanted, strict=True))
    position_to_field = {p: f for f, p in header.positions.items()}
    frame = (
        sheet.slice(header.row_index + 1)
        .rename({name: position_to_field[p] for name, p in by_name.items()})
        .with_row_index("source_row", offset=header.row_index + 2)
        .with_columns(pl.col("source_row").cast(pl.Int64))
    )
    stage_frame(con, table, frame)
    check_cell_lengths(con, table, file_name)
