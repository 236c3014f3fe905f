"""What the format readers share: the staged relation, its line numbers, its checks, and dropping it.

Only the fields that map to a canonical field are ever read into the database;
applicants' personal data (and anything unknown) is never materialised there.
Everything is staged as text: the parse step (sql/ingest) turns text into values.

The staged relation has one row per data row or record: `source_row` (1-based row as
a spreadsheet or editor shows it; a payload's record number in a JSON array, its line
in a JSONL file) and one varchar column per canonical field in labels.FIELDS (null
when the file has no such field; a flag field the file has keeps an empty value as
'', which reads as 0). `drop_staged` removes it with its parts. Staging runs before
the load transaction opens (load.py), because a failed DuckDB statement aborts the
transaction it runs in and the readers sometimes need a second, slower attempt.
Hostile files end in an IngestError naming the file (and row or record and field
where there is one), never in a partial read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.labels import FIELDS, FLAG_FIELDS

# Excel cannot hold a longer cell, so no genuine export has one: a longer cell is a broken file.
MAX_CELL_CHARACTERS = 32_767


def drop_staged(con: db.Connection, table: str) -> None:
    """Drop what stage_csv / stage_excel made for `table` (whichever of its parts exist)."""
    # A view may stand on the tables: it goes first. Each statement stands on its own
    # (this also runs after a rollback), so a missing part is no error.
    statements = [f"drop view if exists {table}"]
    statements += [f"drop table if exists {name}" for name in (table, f"{table}_records", f"{table}_lines")]
    for statement in statements:
        try:
            db.run(con, statement)
        except db.Error:
            pass
    try:
        con.unregister(f"{table}_frame")  # stage_frame's frame; unregistering a name never registered is no error
    except db.Error:
        pass


def select_list(positions: dict[str, int], source: str) -> str:
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


def count_lines(path: Path) -> tuple[int, bool]:
    """Number of line breaks and whether the file ends with one."""
    count = 0
    last = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count, last == b"\n"


def stage_frame(con: db.Connection, table: str, frame: pl.DataFrame) -> None:
    """Store a frame of `source_row` + some canonical fields as temp `table`, every field present.

    A flag column the file has keeps its empty cells as '' (= 0); one it lacks is null (unknown).
    """
    def column(name: str) -> pl.Expr:
        if name not in frame.columns:
            return pl.lit(None, dtype=pl.String).alias(name)
        return pl.col(name).fill_null("") if name in FLAG_FIELDS else pl.col(name)

    frame = frame.select("source_row", *[column(f) for f in FIELDS])
    # A view on the registered frame, not a copy: DuckDB scans the frame's Arrow buffers where they are
    # (copying 100k rows of 28 text columns into a temp table cost a tenth of a workbook's ingest).
    # drop_staged unregisters it.
    con.register(f"{table}_frame", frame)
    db.run(con, f"create or replace temp view {table} as select * from {table}_frame")


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
            _refuse_long_cell(file_name, *found.row(0), name)


def check_frame_cell_lengths(frame: pl.DataFrame, file_name: str) -> None:
    """check_cell_lengths on a frame of `source_row` + canonical fields, before it reaches DuckDB.

    The same test and error in polars, on the frame's own buffers: a scan of the staged
    view would convert every text cell to DuckDB's strings once more (a tenth of a
    workbook's parse).
    """
    fields = [f for f in FIELDS if f in frame.columns]
    longest = frame.select(pl.col(fields).str.len_bytes().max()).row(0, named=True)
    for name in fields:
        if (longest[name] or 0) <= MAX_CELL_CHARACTERS:
            continue
        found = (frame.select("source_row", pl.col(name).str.len_chars().alias("characters"))
                 .filter(pl.col("characters") > MAX_CELL_CHARACTERS).sort("source_row").head(1))
        if found.height:
            _refuse_long_cell(file_name, *found.row(0), name)


def _refuse_long_cell(file_name: str, row: int, characters: int, name: str) -> None:
    raise IngestError(
        f"{file_name}: row {row}, field {name}: a cell of {characters:,} characters; a spreadsheet "
        f"cell holds at most {MAX_CELL_CHARACTERS:,}, so the file is broken (export it again)")


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def view_with_line_numbers(con: db.Connection, table: str, records: str, line_starts: Sequence[int],
                           offset: int) -> None:
    """Temp view `table`: the rows of `records` with `source_row` = the editor's line of each record.

    `line_starts[i]` is the first line of record i + 1 (when blank lines or line breaks in
    cells make records and lines disagree); a record past the list falls back to its
    position + `offset`. Identifiers are the loader's own names, never file content.
    """
    lines = pl.DataFrame({"record_number": range(1, len(line_starts) + 1), "line_number": list(line_starts)},
                         schema={"record_number": pl.Int64, "line_number": pl.Int64})
    db.run(con, f"create or replace temp table {table}_lines (record_number bigint, line_number bigint)")
    con.register("ingest_line_numbers", lines)
    try:
        db.run(con, f"insert into {table}_lines select * from ingest_line_numbers")
    finally:
        con.unregister("ingest_line_numbers")
    db.run(con, f"""
        create or replace temp view {table} as
        select coalesce(l.line_number, r.rowid + {int(offset) + 1}) as source_row, r.*
        from {records} as r
        left join {table}_lines as l on l.record_number = r.rowid + 1
        order by r.rowid
    """)
