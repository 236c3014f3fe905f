"""Export files -> the text table `ingest_raw` in DuckDB: header finding and reading.

Only the columns that map to a canonical field are ever read into the database;
applicants' personal columns (and any unknown column) are never materialised
there. Everything is read as text: the parse step turns text into values.

The staged table has one row per data row under the header: `source_row` (1-based
row as a spreadsheet or editor shows it) and one varchar column per canonical field
(null when the file has no such column). Staging runs before the load transaction
opens, because a failed DuckDB statement aborts the transaction it runs in and the
CSV reader sometimes needs a second, slower attempt.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.labels import FIELDS, IGNORE, PERSONAL, REQUIRED_FIELDS, LabelMap

HEADER_SCAN_ROWS = 50
# Enough bytes for 50 lines of a wide export with title rows.
HEADER_SCAN_BYTES = 1 << 20
CSV_DELIMITERS = (",", ";", "\t", "|")
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


@dataclass(frozen=True)
class Header:
    """Where the header is and which column holds which field."""

    row_index: int                 # 0-based row (line / sheet row) of the header
    positions: dict[str, int]      # canonical field -> 0-based column position
    width: int                     # number of cells in the header row


def file_format(path: Path) -> str:
    """'xlsx' for spreadsheet workbooks (by content, then suffix), else 'csv'."""
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(b"PK\x03\x04") or magic.startswith(b"\xd0\xcf\x11\xe0"):
        return "xlsx"
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return "xlsx"
    return "csv"


def find_header(rows: list[list[object]], labels: LabelMap, file_name: str) -> Header:
    """The row with the most known labels among those naming the dossier id column.

    Title rows, an `STT` column, extra and shuffled columns are all fine; a file
    with no such row in its first rows is not an export and cannot be read.
    """
    best: tuple[int, int, dict[str, int], int] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = [labels.field_of(cell) for cell in row]
        if "dossier_id" not in fields:
            continue
        score = sum(f is not None for f in fields)
        if best is None or score > best[0]:
            positions: dict[str, int] = {}
            for position, field in enumerate(fields):
                if field is None or field in (PERSONAL, IGNORE):
                    continue
                if field in positions:
                    raise IngestError(
                        f"{file_name}: header row {index + 1}: two columns map to {field!r} "
                        f"(columns {positions[field] + 1} and {position + 1})")
                positions[field] = position
            best = (score, index, positions, len(row))
    if best is None:
        raise IngestError(
            f"{file_name}: not a dossier export: none of the first {HEADER_SCAN_ROWS} rows has a "
            f"dossier id column ({' / '.join(labels.labels_of('dossier_id'))}); "
            f"add the file's labels to params/labels.csv if it uses other names")
    _, index, positions, width = best
    missing = [f for f in REQUIRED_FIELDS if f not in positions]
    if missing:
        raise IngestError(
            f"{file_name}: header row {index + 1} has no column for {', '.join(missing)}; "
            f"add the file's labels to params/labels.csv if it uses other names")
    return Header(index, positions, width)


# ---------------------------------------------------------------- CSV

@dataclass(frozen=True)
class CsvLayout:
    header: Header
    delimiter: str
    lines_through_header: int      # physical lines up to and including the header


def _head_text(path: Path, file_name: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(HEADER_SCAN_BYTES)
    if b"\x00" in head:
        raise IngestError(f"{file_name}: not a text (CSV) file and not a spreadsheet workbook")
    try:
        # Not final: the cut may fall inside a multi-byte character.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{file_name}: not UTF-8 text (byte {exc.start}); save the export as CSV UTF-8") from exc
    return text.removeprefix("\ufeff")


def sniff_csv(path: Path, labels: LabelMap, file_name: str) -> CsvLayout:
    """Delimiter and header of a CSV export, from its first lines."""
    text = _head_text(path, file_name)
    best: tuple[int, CsvLayout] | None = None
    error: IngestError | None = None
    for delimiter in CSV_DELIMITERS:
        if delimiter not in text:
            continue
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows: list[list[object]] = []
        line_ends: list[int] = []
        try:
            for row in reader:
                rows.append(row)
                line_ends.append(reader.line_num)
                if len(rows) >= HEADER_SCAN_ROWS:
                    break
        except csv.Error:
            pass  # a cut quoted field at the end of the sample
        try:
            header = find_header(rows, labels, file_name)
        except IngestError as exc:
            error = error or exc
            continue
        score = len(header.positions)
        if best is None or score > best[0]:
            best = (score, CsvLayout(header, delimiter, line_ends[header.row_index]))
    if best is None:
        raise error or IngestError(f"{file_name}: not a dossier export (no delimited header row found)")
    return best[1]


def _select_list(positions: dict[str, int], source: str) -> str:
    # Identifiers come from the fixed FIELDS list and column numbers, never from file content.
    parts = []
    for field in FIELDS:
        if field in positions:
            parts.append(f'{source}{positions[field]} as "{field}"')
        else:
            parts.append(f'cast(null as varchar) as "{field}"')
    return ", ".join(parts)


def _csv_line_numbers(path: Path, layout: CsvLayout) -> pl.DataFrame:
    """record number -> first physical line, for files with blank lines or line breaks in cells.

    DuckDB skips blank lines and counts records, so its order alone does not give the
    line an editor shows; this slower pass runs only when the counts disagree.
    """
    starts: list[int] = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=layout.delimiter)
        previous = 0
        for row in reader:
            # csv yields [] for a blank line, which DuckDB skips as well.
            if reader.line_num > layout.lines_through_header and row:
                starts.append(previous + 1)
            previous = reader.line_num
    return pl.DataFrame({"record_number": range(1, len(starts) + 1), "line_number": starts},
                        schema={"record_number": pl.Int64, "line_number": pl.Int64})


def _count_lines(path: Path) -> tuple[int, bool]:
    """Number of line breaks and whether the file ends with one."""
    count = 0
    last = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count, last == b"\n"


def stage_csv(con: db.Connection, table: str, path: Path, labels: LabelMap, file_name: str) -> None:
    """Read a CSV export into temp table `table` with DuckDB's reader (only the mapped columns)."""
    layout = sniff_csv(path, labels, file_name)
    header = layout.header
    width = max(header.width, max(header.positions.values()) + 1)
    columns = {f"c{i}": "VARCHAR" for i in range(width)}
    params = {"path": str(path), "skip": layout.lines_through_header, "columns": columns,
              "delim": layout.delimiter}

    def read(parallel: bool) -> None:
        db.run(con, f"""
            create or replace temp table {table}_records as
            select row_number() over () as record_number, {_select_list(header.positions, 'c')}
            from read_csv($path, header = false, skip = $skip, columns = $columns, delim = $delim,
                          quote = '"', escape = '"', auto_detect = false, null_padding = true,
                          parallel = {'true' if parallel else 'false'})
        """, params)

    try:
        try:
            read(parallel=True)
        except duckdb.Error as exc:
            # DuckDB's parallel reader cannot pad short rows when cells hold line breaks.
            if "parallel=false" not in str(exc):
                raise
            read(parallel=False)
    except duckdb.Error as exc:
        raise IngestError(f"{file_name}: cannot be read as CSV: {_first_line(exc)}") from exc

    records = db.scalar(con, f"select count(*) from {table}_records")
    line_breaks, ends_with_break = _count_lines(path)
    physical_lines = line_breaks + (0 if ends_with_break else 1)
    if physical_lines - layout.lines_through_header == records:
        # One record per line: the editor's line is the header's line count plus the record number.
        db.run(con, f"""
            create or replace temp table {table} as
            select record_number + $offset as source_row, * exclude (record_number)
            from {table}_records
        """, {"offset": layout.lines_through_header})
    else:
        lines = _csv_line_numbers(path, layout)
        con.register("ingest_line_numbers", lines)
        db.run(con, f"""
            create or replace temp table {table} as
            select coalesce(l.line_number, r.record_number + $offset) as source_row,
                   r.* exclude (record_number)
            from {table}_records as r
            left join ingest_line_numbers as l using (record_number)
            order by r.record_number
        """, {"offset": layout.lines_through_header})
        con.unregister("ingest_line_numbers")
    db.run(con, f"drop table {table}_records")


# ---------------------------------------------------------------- XLSX

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
        raise IngestError(f"{file_name}: cannot be read as a spreadsheet: {_first_line(exc)}") from exc

    by_name = dict(zip([names[i] for i in wanted], wanted))
    position_to_field = {p: f for f, p in header.positions.items()}
    frame = (
        sheet.slice(header.row_index + 1)
        .rename({name: position_to_field[p] for name, p in by_name.items()})
        .with_row_index("source_row", offset=header.row_index + 2)
        .with_columns(pl.col("source_row").cast(pl.Int64))
    )
    frame = frame.select(
        "source_row",
        *[pl.col(f) if f in frame.columns else pl.lit(None, dtype=pl.String).alias(f) for f in FIELDS],
    )
    con.register("ingest_excel_frame", frame)
    try:
        db.run(con, f"create or replace temp table {table} as select * from ingest_excel_frame")
    finally:
        con.unregister("ingest_excel_frame")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
