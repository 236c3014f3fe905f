"""Export files -> the text table `ingest_raw` in DuckDB: header finding and reading.

Only the columns that map to a canonical field are ever read into the database;
applicants' personal columns (and any unknown column) are never materialised
there. Everything is read as text: the parse step turns text into values.

The staged relation has one row per data row under the header: `source_row` (1-based
row as a spreadsheet or editor shows it) and one varchar column per canonical field
(null when the file has no such column); for a CSV it is a view over one copy of the
file's text, `drop_staged` removes it with its parts. Staging runs before the load transaction
opens, because a failed DuckDB statement aborts the transaction it runs in and the
CSV reader sometimes needs a second, slower attempt.

Hostile files end in an IngestError naming the file (and row and field where there
is one), never in a partial read: CSV text must be UTF-8, UTF-16 with a byte order
mark, or Windows-1258 proven by the header's Vietnamese labels; a cell longer than
Excel's own limit means the file is broken; two columns for one field are refused.
`read_personal_values` is the one reader of the personal columns, for `hoaan audit`
only: it keeps them in memory and never hands them to DuckDB.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.labels import (
    FIELDS,
    FLAG_FIELDS,
    IGNORE,
    PERSONAL,
    REQUIRED_FIELDS,
    LabelMap,
    label_key,
)

HEADER_SCAN_ROWS = 50
# Enough bytes for 50 lines of a wide export with title rows.
HEADER_SCAN_BYTES = 1 << 20
CSV_DELIMITERS = (",", ";", "\t", "|")
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
# Excel cannot hold a longer cell, so no genuine export has one: a longer cell is a broken file.
MAX_CELL_CHARACTERS = 32_767
# DuckDB counts a run of blank lines as one line: a million empty rows before data need room.
CSV_MAX_LINE_BYTES = 64 << 20
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What a personal column holds, by its label key (built-in labels); other personal labels -> "personal".
PERSONAL_KINDS: dict[str, str] = {
    "chuhoso": "name", "chủ hồ sơ": "name",
    "sogiayto": "id_number", "sogiaytochuhoso": "id_number", "số cccd/giấy tờ": "id_number",
    "sodienthoai": "phone", "số điện thoại": "phone",
    "diachi": "address", "địa chỉ": "address",
    "email": "email", "thư điện tử": "email",
}


@dataclass(frozen=True)
class Header:
    """Where the header is and which column holds which field."""

    row_index: int                 # 0-based row (line / sheet row) of the header
    positions: dict[str, int]      # canonical field -> 0-based column position
    width: int                     # number of cells in the header row
    personal: dict[int, str] = field(default_factory=dict)  # position -> kind, applicants' columns


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
    best: tuple[int, int, dict[str, int], int, dict[int, str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = [labels.field_of(cell) for cell in row]
        if "dossier_id" not in fields:
            continue
        score = sum(f is not None for f in fields)
        if best is None or score > best[0]:
            positions: dict[str, int] = {}
            personal: dict[int, str] = {}
            for position, name in enumerate(fields):
                if name == PERSONAL:
                    personal[position] = PERSONAL_KINDS.get(label_key(row[position]), "personal")
                if name is None or name in (PERSONAL, IGNORE):
                    continue
                if name in positions:
                    first = positions[name]
                    raise IngestError(
                        f"{file_name}: header row {index + 1}: two columns map to {name!r}: "
                        f"column {first + 1} {_label_text(row[first])!r} and "
                        f"column {position + 1} {_label_text(row[position])!r}; remove one of them")
                positions[name] = position
            best = (score, index, positions, len(row), personal)
    if best is None:
        raise IngestError(
            f"{file_name}: not a dossier export: none of the first {HEADER_SCAN_ROWS} rows has a "
            f"dossier id column ({' / '.join(labels.labels_of('dossier_id'))}); "
            f"add the file's labels to params/labels.csv if it uses other names")
    _, index, positions, width, personal = best
    missing = [f for f in REQUIRED_FIELDS if f not in positions]
    if missing:
        raise IngestError(
            f"{file_name}: header row {index + 1} has no column for {', '.join(missing)}; "
            f"add the file's labels to params/labels.csv if it uses other names")
    return Header(index, positions, width, personal)


def _label_text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()[:80]


# ---------------------------------------------------------------- CSV

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


def _select_list(positions: dict[str, int], source: str) -> str:
    # Identifiers come from the fixed FIELDS list and column numbers, never from file content.
    parts = []
    for field in FIELDS:
        if field in positions and field in FLAG_FIELDS:
            # an empty cell of a flag column is 0, a missing column unknown (METRICS.md §2)
            parts.append(f'coalesce({source}{positions[field]}, \'\') as "{field}"')
        elif field in positions:
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
    if layout.encoding != "utf-8":
        _stage_decoded_csv(con, table, path, layout, file_name)
    else:
        _stage_utf8_csv(con, table, path, layout, file_name)
    check_cell_lengths(con, table, file_name)


def _stage_utf8_csv(con: db.Connection, table: str, path: Path, layout: CsvLayout, file_name: str) -> None:
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
            select {_select_list(header.positions, 'c')}
            from read_csv($path, header = false, skip = $skip, columns = $columns, delim = $delim,
                          quote = '"', escape = '"', auto_detect = false, null_padding = true,
                          max_line_size = $max_line, parallel = {'true' if parallel else 'false'})
        """, params)

    try:
        try:
            read(parallel=True)
        except duckdb.Error as exc:
            # DuckDB's parallel reader cannot pad short rows when cells hold line breaks.
            if "parallel=false" not in str(exc):
                raise
            read(parallel=False)
    except duckdb.OutOfMemoryException:
        raise  # not the file's fault: ingest_files says what to change
    except duckdb.Error as exc:
        raise IngestError(f"{file_name}: cannot be read as CSV: {_csv_error_text(exc)}") from exc

    record_count = db.scalar(con, f"select count(*) from {records}")
    line_breaks, ends_with_break = _count_lines(path)
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
        db.run(con, f"""
            create or replace temp table {table}_lines (record_number bigint, line_number bigint)
        """)
        lines = _csv_line_numbers(path, layout)
        con.register("ingest_line_numbers", lines)
        try:
            db.run(con, f"insert into {table}_lines select * from ingest_line_numbers")
        finally:
            con.unregister("ingest_line_numbers")
        db.run(con, f"""
            create or replace temp view {table} as
            select coalesce(l.line_number, r.rowid + {offset + 1}) as source_row, r.*
            from {records} as r
            left join {table}_lines as l on l.record_number = r.rowid + 1
            order by r.rowid
        """)


def drop_staged(con: db.Connection, table: str) -> None:
    """Drop what stage_csv / stage_excel made for `table` (whichever of its parts exist)."""
    # A view may stand on the tables: it goes first. Each statement stands on its own
    # (this also runs after a rollback), so a missing part is no error.
    statements = [f"drop view if exists {table}"]
    statements += [f"drop table if exists {name}" for name in (table, f"{table}_records", f"{table}_lines")]
    for statement in statements:
        try:
            db.run(con, statement)
        except duckdb.Error:
            pass


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
    _stage_frame(con, table, frame)


def _stage_frame(con: db.Connection, table: str, frame: pl.DataFrame) -> None:
    """Store a frame of `source_row` + some canonical fields as temp `table`, every field present.

    A flag column the file has keeps its empty cells as '' (= 0); one it lacks is null (unknown).
    """
    def column(name: str) -> pl.Expr:
        if name not in frame.columns:
            return pl.lit(None, dtype=pl.String).alias(name)
        return pl.col(name).fill_null("") if name in FLAG_FIELDS else pl.col(name)

    frame = frame.select("source_row", *[column(f) for f in FIELDS])
    con.register("ingest_staged_frame", frame)
    try:
        db.run(con, f"create or replace temp table {table} as select * from ingest_staged_frame")
    finally:
        con.unregister("ingest_staged_frame")


def check_cell_lengths(con: db.Connection, table: str, file_name: str) -> None:
    """Refuse a staged file with a cell longer than Excel can hold, naming its row and field."""
    # strlen (bytes) first: cheap, and never below the character count.
    lengths = ", ".join(f'max(strlen("{f}")) as "{f}"' for f in FIELDS)
    longest = db.query(con, f"select {lengths} from {table}").row(0, named=True)
    for name in FIELDS:
        if (longest[name] or 0) <= MAX_CELL_CHARACTERS:
            continue
        found = db.query(con, f"""
            select source_row, length("{name}") as characters from {table}
            where length("{name}") > $limit order by source_row limit 1
        """, {"limit": MAX_CELL_CHARACTERS})
        if found.height:
            row, characters = found.row(0)
            raise IngestError(
                f"{file_name}: row {row}, field {name}: a cell of {characters:,} characters; a spreadsheet "
                f"cell holds at most {MAX_CELL_CHARACTERS:,}, so the file is broken (export it again)")


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
    _stage_frame(con, table, frame)
    check_cell_lengths(con, table, file_name)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# ---------------------------------------------------------------- personal columns (audit only)

def read_personal_values(path: str | Path, labels: LabelMap) -> dict[str, set[str]]:
    """The applicants' values in an export's personal columns, by kind (name, id_number, phone, ...).

    For `hoaan audit` only: the values stay in this process's memory and are never
    handed to DuckDB. Uses the loader's own header finding, so it sees exactly the
    columns the loader leaves out; values are NFC and trimmed, empty ones dropped.
    Raises IngestError for a file the loader could not read either.
    """
    import unicodedata

    path = Path(path)
    file_name = path.name
    values: dict[str, set[str]] = {}

    def keep(kind: str, cell: object) -> None:
        text = "" if cell is None else unicodedata.normalize("NFC", str(cell)).strip()
        if text:
            values.setdefault(kind, set()).add(text)

    if file_format(path) == "csv":
        layout = sniff_csv(path, labels, file_name)
        personal = layout.header.personal
        encoding = "utf-8-sig" if layout.encoding == "utf-8" else layout.encoding
        try:
            with open(path, encoding=encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=layout.delimiter)
                for row in reader:
                    if reader.line_num <= layout.lines_through_header:
                        continue
                    for position, kind in personal.items():
                        if position < len(row):
                            keep(kind, row[position])
        except (UnicodeDecodeError, csv.Error) as exc:
            raise IngestError(f"{file_name}: cannot be read as CSV: {exc}") from exc
        return values

    import fastexcel

    try:
        reader = fastexcel.read_excel(path)
        for sheet_name in reader.sheet_names:
            head = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, n_rows=HEADER_SCAN_ROWS,
                                     dtypes="string").to_polars()
            try:
                header = find_header([list(r) for r in head.rows()], labels, file_name)
            except IngestError:
                continue
            if not header.personal:
                continue
            names = head.columns
            sheet = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, dtypes="string",
                                      use_columns=[names[p] for p in header.personal]).to_polars()
            data = sheet.slice(header.row_index + 1)
            for position, kind in header.personal.items():
                for cell in data[names[position]]:
                    keep(kind, cell)
    except IngestError:
        raise
    except Exception as exc:  # calamine/fastexcel raise their own error classes
        raise IngestError(f"{file_name}: cannot be read as a spreadsheet: {_first_line(exc)}") from exc
    return values
