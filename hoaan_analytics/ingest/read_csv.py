"""CSV exports -> the staged text table (see read.py), with DuckDB's CSV reader.

CSV text must be UTF-8, UTF-16 with a byte order mark, or Windows-1258 proven by
the header's Vietnamese labels; only the mapped columns are read into DuckDB. A
UTF-8 file is read by DuckDB itself; the rare other encodings are decoded here and
handed over column by column (still only the mapped columns).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.header import HEADER_SCAN_ROWS, Header, find_header
from hoaan_analytics.ingest.labels import LabelMap, label_key
from hoaan_analytics.ingest.staging import (
    check_cell_lengths,
    count_lines,
    select_list,
    stage_frame,
    view_with_line_numbers,
)

# Enough bytes for 50 lines of a wide export with title rows.
HEADER_SCAN_BYTES = 1 << 20
CSV_DELIMITERS = (",", ";", "\t", "|")
# DuckDB counts a run of blank lines as one line: a million empty rows before data need room.
CSV_MAX_LINE_BYTES = 64 << 20
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class CsvLayout:
    header: Header
    delimiter: str
    lines_through_header: int      # physical lines up to and including the header
    encoding: str = "utf-8"        # Python codec name: utf-8, utf-16 or cp1258


def _decode_head(head: bytes, encoding: str) -> str:
    # Not final: the cut may fall inside a multi-byte character.
    return codecs.getincrementaldecoder(encoding)().decode(head, final=False).removeprefix("\ufeff")


def _head_text(path: Path, file_name: str) -> tuple[str, str]:
    """The first bytes of a CSV as text, and the encoding they were read with (before any proof)."""
    with open(path, "rb") as handle:
        head = handle.read(HEADER_SCAN_BYTES)
    if head.startswith(UTF16_BOMS):
        try:
            return _decode_head(head, "utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise IngestError(f"{file_name}: starts like UTF-16 text but is not (byte {exc.start}); "
                              f"save the export as CSV UTF-8") from exc
    if b"\x00" in head:
        raise IngestError(
            f"{file_name}: not a text (CSV) file and not a spreadsheet workbook (it holds NUL bytes: "
            f"binary data, or UTF-16 text without a byte order mark); save the export as CSV UTF-8")
    try:
        return _decode_head(head, "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        try:
            return _decode_head(head, "cp1258"), "cp1258"
        except UnicodeDecodeError:
            pass
        raise IngestError(
            f"{file_name}: not UTF-8 text (byte {exc.start}) nor Windows-1258; "
            f"save the export as CSV UTF-8") from exc


def sniff_csv(path: Path, labels: LabelMap, file_name: str) -> CsvLayout:
    """Delimiter, header and encoding of a CSV export, from its first lines.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. Bytes that
    are not UTF-8 are read as Windows-1258 only when the header then shows a known
    Vietnamese label with diacritics (proof that the guess is right); otherwise
    they might be TCVN3 or VNI and would turn every name into garbage, so the file
    is refused.
    """
    text, encoding = _head_text(path, file_name)
    layout = _sniff_text(text, labels, file_name, encoding)
    if encoding == "cp1258" and not any(
            not label_key(label).isascii() for label in _header_labels(text, layout)):
        raise IngestError(
            f"{file_name}: not UTF-8 text, and its header has no Vietnamese label that proves "
            f"Windows-1258 (it may be TCVN3 or VNI); save the export as CSV UTF-8")
    return layout


def _header_labels(text: str, layout: CsvLayout) -> list[str]:
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter)
    for index, row in enumerate(rows):
        if index == layout.header.row_index:
            return [row[p] for p in layout.header.positions.values() if p < len(row)]
    return []


def _sniff_text(text: str, labels: LabelMap, file_name: str, encoding: str) -> CsvLayout:
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
            best = (score, CsvLayout(header, delimiter, line_ends[header.row_index], encoding))
    if best is None:
        raise error or IngestError(f"{file_name}: not a dossier export (no delimited header row found)")
    return best[1]


def _csv_line_starts(path: Path, layout: CsvLayout) -> list[int]:
    """The first physical line of each record, for files with blank lines or line breaks in cells.

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
    return starts


def stage_csv(con: db.Connection, table: str, path: Path, labels: LabelMap, file_name: str, *,
              lines: tuple[int, bool] | None = None) -> None:
    """Read a CSV export into temp table `table` with DuckDB's reader (only the mapped columns).

    `lines`: count_lines(path) when the caller has it already.
    """
    layout = sniff_csv(path, labels, file_name)
    if layout.encoding != "utf-8":
        _stage_decoded_csv(con, table, path, layout, file_name)
    else:
        _stage_utf8_csv(con, table, path, layout, file_name, lines)
    check_cell_lengths(con, table, file_name)


def _stage_utf8_csv(con: db.Connection, table: str, path: Path, layout: CsvLayout, file_name: str,
                    lines: tuple[int, bool] | None = None) -> None:
    header = layout.header
    width = max(header.width, max(header.positions.values()) + 1)
    columns = {f"c{i}": "VARCHAR" for i in range(width)}
    params = {"path": str(path), "skip": layout.lines_through_header, "columns": columns,
              "delim": layout.delimiter, "max_line": CSV_MAX_LINE_BYTES}
    records = f"{table}_records"

    def read(parallel: bool) -> None:
        # One copy of the file and no window: with preserve_insertion_order (DuckDB's default)
        # the table's rowid is the record's position in the file, which gives source_row below.
        db.run(con, f"""
            create or replace temp table {records} as
            select {select_list(header.positions, 'c')}
            from read_csv($path, header = false, skip = $skip, columns = $columns, delim = $delim,
                          quote = '"', escape = '"', auto_detect = false, null_padding = true,
                          max_line_size = $max_line, parallel = {'true' if parallel else 'false'})
        """, params)

    try:
        try:
            read(parallel=True)
        except db.Error as exc:
            # DuckDB's parallel reader cannot pad short rows when cells hold line breaks.
            if "parallel=false" not in str(exc):
                raise
            read(parallel=False)
    except db.OutOfMemoryError:
        raise  # not the file's fault: ingest_files says what to change
    except db.Error as exc:
        raise IngestError(f"{file_name}: cannot be read as CSV: {_csv_error_text(exc)}") from exc

    record_count = db.scalar(con, f"select count(*) from {records}")
    line_breaks, ends_with_break = lines or count_lines(path)
    physical_lines = line_breaks + (0 if ends_with_break else 1)
    # An int computed here, not file content: views take no parameters.
    offset = int(layout.lines_through_header)
    if physical_lines - layout.lines_through_header == record_count:
        # One record per line: the editor's line is the header's line count plus the record number.
        db.run(con, f"""
            create or replace temp view {table} as
            select rowid + {offset + 1} as source_row, * from {records}
        """)
    else:
        view_with_line_numbers(con, table, records, _csv_line_starts(path, layout), offset)


def _csv_error_text(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    if not lines:
        return type(exc).__name__
    # DuckDB quotes the offending line, which may hold applicants' data: keep only its verdicts.
    size = next((line for line in lines if line.startswith("Maximum line size")), None)
    return f"{lines[0]}: {size.split('.')[0].lower()}" if size else lines[0]


def _stage_decoded_csv(con: db.Connection, table: str, path: Path, layout: CsvLayout, file_name: str) -> None:
    """A UTF-16 or Windows-1258 CSV, decoded in Python: only the mapped columns reach DuckDB."""
    header = layout.header
    wanted = {field: position for field, position in header.positions.items()}
    columns: dict[str, list[str | None]] = {field: [] for field in wanted}
    source_rows: list[int] = []
    try:
        with open(path, encoding=layout.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=layout.delimiter)
            previous = 0
            for row in reader:
                first_line = previous + 1
                previous = reader.line_num
                if reader.line_num <= layout.lines_through_header or not row:
                    continue
                if len(row) > header.width:
                    raise IngestError(f"{file_name}: line {first_line}: {len(row)} cells, "
                                      f"the header has {header.width}")
                source_rows.append(first_line)
                for field, position in wanted.items():
                    columns[field].append(row[position] if position < len(row) else None)
    except UnicodeDecodeError as exc:
        raise IngestError(f"{file_name}: not {layout.encoding} text after its header "
                          f"(byte {exc.start} of a block); save the export as CSV UTF-8") from exc
    except csv.Error as exc:
        raise IngestError(f"{file_name}: cannot be read as CSV: {exc}") from exc
    frame = pl.DataFrame({"source_row": source_rows, **columns},
                         schema={"source_row": pl.Int64, **{f: pl.String for f in columns}})
    stage_frame(con, table, frame)
