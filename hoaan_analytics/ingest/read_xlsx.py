"""Spreadsheet exports (XLSX and the other workbook formats calamine reads) -> the staged text table."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.header import HEADER_SCAN_ROWS, find_header
from hoaan_analytics.ingest.labels import LabelMap
from hoaan_analytics.ingest.staging import check_frame_cell_lengths, first_line, stage_frame


def stage_excel(con: db.Connection, table: str, path: Path, labels: LabelMap, file_name: str) -> None:
    """Read the first sheet that holds an export header into temp table `table` (only the mapped columns)."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(path)
        found = None
        for sheet_name in reader.sheet_names:
            # calamine parses the whole sheet whatever n_rows says (a 50-row head cost as much as the
            # sheet): each sheet is read once, as text, and its header looked for in its first rows.
            # skip_rows=0 keeps leading empty rows, so frame row i is sheet row i + 1.
            sheet = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, dtypes="string").to_polars()
            try:
                header = find_header([list(r) for r in sheet.head(HEADER_SCAN_ROWS).rows()], labels, file_name)
            except IngestError as exc:
                found = found or exc
                continue
            found = (header, sheet)
            break
        if not isinstance(found, tuple):
            raise found or IngestError(f"{file_name}: the workbook has no sheet")
        header, sheet = found
    except IngestError:
        raise
    except Exception as exc:  # calamine/fastexcel raise their own error classes
        raise IngestError(f"{file_name}: cannot be read as a spreadsheet: {first_line(exc)}") from exc

    # only the mapped columns go on (applicants' columns are dropped here, never staged)
    names = sheet.columns
    wanted = sorted(set(header.positions.values()))
    by_name = dict(zip([names[i] for i in wanted], wanted, strict=True))
    position_to_field = {p: f for f, p in header.positions.items()}
    frame = (
        sheet.select([names[i] for i in wanted]).slice(header.row_index + 1)
        .rename({name: position_to_field[p] for name, p in by_name.items()})
        .with_row_index("source_row", offset=header.row_index + 2)
        .with_columns(pl.col("source_row").cast(pl.Int64))
    )
    check_frame_cell_lengths(frame, file_name)
    stage_frame(con, table, frame)
