"""National sync payload files (METRICS.md §2a) -> the staged text table (see read.py).

A `.json` file holds an array of dossier records, a `.jsonl` / `.ndjson` file one
record a line; a record is the dossier object itself or `{"hoSo": {…},
"tienTrinhDongBo": […]}`. DuckDB reads and parses the file (sql/ingest/
ingest_payload.sql): `read_json` with an explicit structure names the only keys it
reads, the nested lists come in as JSON and are reduced to counts, dates, sums and
yes/no values by list functions in the same statement. No Python loop runs over the
records on the way in.

Personal data never reaches a DuckDB column: the structure lists no personal key
(ChuHoSo, SoGiayToChuHoSo, DinhDanhCHS, TrichYeuHoSo, …), and the links of the lists
are turned into yes/no in the statement that reads them, so the staged table (and
anything spilled to disk) holds only the canonical fields. Only the four lists and
the processing log are read as JSON text, and only while that one statement runs.

A file that is not valid payload JSON is refused whole; the error names the record
(array position, from 1) or line where reading stopped. DuckDB's own message may
quote a value, so it is never shown: on that path only, `payload_records` walks the
file in Python to find the position.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.staging import count_lines, view_with_line_numbers

# DuckDB's read_json refuses a record above its maximum_object_size (16 MB by default);
# the Python walk gives up on one record at the same size.
MAX_RECORD_BYTES = 16 << 20
_CHUNK_CHARACTERS = 1 << 20
_WHITESPACE = " \t\n\r"


# ---------------------------------------------------------------- staging

def stage_payload(con: db.Connection, table: str, path: Path, fmt: str, file_name: str, *,
                  lines: tuple[int, bool] | None = None) -> None:
    """Read a payload file (fmt 'json' or 'jsonl') into temp relation `table`, one row per record.

    `lines`: count_lines(path) of a JSONL file when the caller has it already.

    Needs the parse macros of sql/ingest (ingest_files creates them before staging).
    `source_row` is the record's array position (from 1) in a .json file, its line in a
    .jsonl file.
    """
    _check_frame(path, fmt, file_name)
    records = f"{table}_records"
    params = {"path": str(path), "format": "array" if fmt == "json" else "newline_delimited"}
    try:
        # One statement: the JSON text of the lists exists only while it runs. With
        # preserve_insertion_order (DuckDB's default) rowid is the record's position in the file.
        db.run(con, f"create or replace temp table {records} as " + db.sql_text("ingest", "ingest_payload"),
               params)
    except db.OutOfMemoryError:
        raise  # not the file's fault: ingest_files says what to change
    except db.Error as exc:
        raise _unreadable(path, fmt, file_name, exc) from exc

    if fmt == "jsonl":
        record_count = db.scalar(con, f"select count(*) from {records}")
        line_breaks, ends_with_break = lines or count_lines(path)
        physical_lines = line_breaks + (0 if ends_with_break else 1)
        if physical_lines != record_count:
            # Blank lines between records: the editor's line of each record, by a cheap pass
            # over the lines (no JSON parsing).
            view_with_line_numbers(con, table, records, _jsonl_line_starts(path), 0)
            return
    db.run(con, f"""
        create or replace temp view {table} as
        select rowid + 1 as source_row, * from {records}
    """)


def _jsonl_line_starts(path: Path) -> list[int]:
    """The line of each record of a JSONL file (a cheap pass over the lines, no JSON parsing)."""
    starts: list[int] = []
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            # DuckDB skips lines of only whitespace (and a first line of only a BOM)
            if line.strip(b" \t\r\n\xef\xbb\xbf"):
                starts.append(number)
    return starts


def _check_frame(path: Path, fmt: str, file_name: str) -> None:
    """A .json payload starts with '[' and ends with ']' (whitespace and a BOM aside).

    DuckDB reads an empty file as no records, and a file cut right after a record (with
    or without its comma) as the records before the cut: a truncated export would load
    in part. Both ends are checked here; the position of a cut is found by the walk.
    """
    if fmt != "json":
        return
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(4096)
        handle.seek(max(0, size - 4096))
        tail = handle.read()
    head = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    if not head.startswith(b"["):
        what = "is empty" if not head else "does not start with '['"
        raise IngestError(f"{file_name}: not a payload file: a .json file holds an array of dossier "
                          f"records, and this one {what}; a file of one record a line is read as .jsonl")
    if not tail.rstrip(b" \t\r\n").endswith(b"]"):
        raise _unreadable(path, fmt, file_name, IngestError("the array is not closed"))


def _unreadable(path: Path, fmt: str, file_name: str, exc: BaseException) -> IngestError:
    """The error for a file DuckDB could not read, with the record or line where reading stopped."""
    try:
        for _ in payload_records(path, fmt, file_name):
            pass
    except IngestError as found:
        return found
    # Python reads it but DuckDB does not (nesting too deep, a record too large, ...):
    # DuckDB's text may quote a value, so only its kind is passed on.
    kind = str(exc).strip().split(":", 1)[0] or type(exc).__name__
    return IngestError(f"{file_name}: cannot be read as payload JSON ({kind})")


# ---------------------------------------------------------------- the records, in Python (error path, audit)

def payload_records(path: str | Path, fmt: str, file_name: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(record position or line number, record) of a payload file, streaming; IngestError where it breaks.

    Only for the error path of the loader and for `hoaan audit`: the loader itself
    never loops over records in Python. Positions count from 1: the array position
    in a .json file, the line in a .jsonl file.
    """
    path = Path(path)
    file_name = file_name or path.name
    if fmt == "jsonl":
        yield from _jsonl_records(path, file_name)
    else:
        yield from _array_records(path, file_name)


def _check_record(record: Any, file_name: str, where: str) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise IngestError(f"{file_name}: {where}: not a dossier record (a JSON {_json_kind(record)}, "
                          f"not an object)")
    nested = record.get("hoSo")
    if nested is not None and not isinstance(nested, dict):
        raise IngestError(f"{file_name}: {where}: hoSo is a JSON {_json_kind(nested)}, not an object")
    return record


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object", type(None): "null"}.get(type(value), "value")


def _jsonl_records(path: Path, file_name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise IngestError(f"{file_name}: line {number}: not UTF-8 text (byte {exc.start} of the line)") from exc
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise IngestError(f"{file_name}: line {number}: not valid JSON ({_reason(exc)})") from exc
            yield number, _check_record(record, file_name, f"line {number}")


def _reason(exc: ValueError) -> str:
    return exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(":", 1)[0]


def _array_records(path: Path, file_name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The elements of the top-level array, decoded one at a time (memory: one record, one chunk)."""
    decoder = json.JSONDecoder()
    text_decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with open(path, "rb") as handle:
        buffer = ""
        position = 0
        at_end = False

        def refill() -> bool:
            nonlocal buffer, position, at_end
            if at_end:
                return False
            chunk = handle.read(_CHUNK_CHARACTERS)
            try:
                text = text_decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise IngestError(f"{file_name}: record {number}: not UTF-8 text") from exc
            at_end = not chunk
            buffer = buffer[position:] + text
            position = 0
            return bool(chunk) or bool(text)

        def next_character() -> str:
            """The next non-whitespace character ('' at the end of the file), not consumed."""
            nonlocal position
            while True:
                while position < len(buffer) and buffer[position] in _WHITESPACE:
                    position += 1
                if position < len(buffer):
                    return buffer[position]
                if not refill():
                    return ""

        number = 1
        if next_character() != "[":
            raise IngestError(f"{file_name}: not a payload file: a .json file holds an array of dossier records")
        position += 1
        if next_character() == "]":
            position += 1
        else:
            while True:
                next_character()
                while True:
                    try:
                        record, end = decoder.raw_decode(buffer, position)
                    except json.JSONDecodeError as exc:
                        if len(buffer) - position <= MAX_RECORD_BYTES and refill():
                            continue
                        why = "the file ends inside it" if at_end else _reason(exc)
                        raise IngestError(f"{file_name}: record {number}: not valid JSON ({why})") from exc
                    if end == len(buffer) and refill():
                        continue  # a bare number may go on in the next chunk
                    break
                position = end
                yield number, _check_record(record, file_name, f"record {number}")
                separator = next_character()
                number += 1
                if separator == ",":
                    position += 1
                    continue
                if separator == "]":
                    position += 1
                    break
                why = "the file ends before the array is closed" if not separator else "expected ',' or ']'"
                raise IngestError(f"{file_name}: record {number}: not valid JSON ({why})")
        if next_character():
            raise IngestError(f"{file_name}: not valid JSON: text after the array's closing ']'")
