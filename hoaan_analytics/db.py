"""Connecting to DuckDB and running SQL: the one module that knows the DuckDB API.

DuckDB's Python API moves between major versions (`execute(...).pl()` is gone in
2.x, a half-read `execute()` result blocks the connection), so every query goes
through `query`/`records`/`run`/`scalar` here and a change of API is fixed in one place.

polars is loaded when `query` first asks for a frame, not with this module: `hoaan kpis
--json` reads its rows with `records` and never pays for polars; a frame comes over DuckDB's
Arrow PyCapsule, so pyarrow is not loaded for it either.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.paths import sql_dir

if TYPE_CHECKING:
    import polars as pl

Connection = duckdb.DuckDBPyConnection
# What DuckDB raises for a statement it cannot run (a missing table or macro among others), and the
# subclass for a statement that ran out of memory; other modules catch these, never duckdb's own names.
Error = duckdb.Error
OutOfMemoryError = duckdb.OutOfMemoryException

# How long report-side readers (batch, notebooks, kpis, form06) wait for an ingest
# that holds the file; an unattended quarterly batch should outlast one ingest.
READER_WAIT_SECONDS = 120.0
READER_WAIT_VARIABLE = "HOAAN_READER_WAIT"

# DuckDB's own default (80% of RAM) let a 10M-row ingest grow to 12 GB; under this cap its
# temporary tables spill to `<db file>.tmp` instead, for a few percent more time.
DEFAULT_MEMORY_LIMIT = "3GB"
MEMORY_LIMIT_VARIABLE = "HOAAN_MEMORY_LIMIT"


class DatabaseBusyError(HoaanError, RuntimeError):
    """Another process holds the database file (the CLI prints it without a traceback)."""


def connect(path: str | os.PathLike[str] | None = None, *, read_only: bool = False,
            wait_seconds: float = 0.0) -> Connection:
    """Open the database at `path` (in memory when None).

    Reports open read-only so that several can read at once; ingest opens
    read-write. DuckDB lets only one process write a file: when it is taken, we
    retry for `wait_seconds`, then raise DatabaseBusyError with a plain message.
    A read-write connection to a file may use at most `ingest_memory_limit()` of
    memory; beyond it DuckDB spills to its temporary directory beside the file.
    """
    if path is None or str(path) == ":memory:":
        return duckdb.connect(":memory:")
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no database at {path}: run `hoaan ingest` first")
    config: dict[str, str] = {}
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        config["memory_limit"] = ingest_memory_limit()
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            if not read_only:
                _remove_stale_spill_files(path)
            return con
        except (duckdb.InvalidInputException, duckdb.ParserException) as exc:
            if "memory_limit" in config and "memory" in str(exc).lower():
                raise HoaanError(f"{MEMORY_LIMIT_VARIABLE}={config['memory_limit']!r} is not a memory "
                                 f"size DuckDB understands (e.g. 3GB, 500MB, 50%)") from exc
            raise
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                # DuckDB locks the whole file: a writer excludes every reader, a reader every writer.
                why = ("an ingest is writing it, and DuckDB lets no other process read a file "
                       "while it is being written" if read_only else
                       "another process (an ingest, or a report or notebook reading it) has it open, "
                       "and DuckDB lets only one process write a file, with no reader beside it")
                raise DatabaseBusyError(
                    f"the database {path} is busy: {why}; nothing was read or changed, "
                    f"try again when it has finished"
                ) from exc
            time.sleep(0.2)


def _remove_stale_spill_files(path: Path) -> None:
    """Delete spill files that a killed process left in DuckDB's temp directory beside `path`.

    DuckDB removes its spill files when a connection closes, but not after a SIGKILL or a
    power cut, nor on the next open: an interrupted 10M-row ingest would leave gigabytes.
    Only call this holding the write lock: then no other process can be using them.
    """
    spill_dir = path.with_name(path.name + ".tmp")
    if not spill_dir.is_dir():
        return
    # DuckDB names them duckdb_temp_<pid>_...; a second connection of this same process
    # shares the first one's database instance, whose files must stay.
    own = f"duckdb_temp_{os.getpid()}_"
    for stale in spill_dir.glob("duckdb_temp_*"):
        if stale.name.startswith(own):
            continue
        try:
            stale.unlink()
        except OSError:
            pass  # still open somewhere (Windows): it goes with the next ingest
    try:
        spill_dir.rmdir()
    except OSError:
        pass  # not empty: something that is not ours


def ingest_memory_limit() -> str:
    """The memory cap of read-write connections: $HOAAN_MEMORY_LIMIT (e.g. 3GB, 500MB) or 3GB."""
    return os.environ.get(MEMORY_LIMIT_VARIABLE, "").strip() or DEFAULT_MEMORY_LIMIT


def reader_wait_seconds() -> float:
    """Seconds a reader waits for an ingest: $HOAAN_READER_WAIT, else READER_WAIT_SECONDS."""
    text = os.environ.get(READER_WAIT_VARIABLE, "").strip()
    if not text:
        return READER_WAIT_SECONDS
    try:
        return max(0.0, float(text))
    except ValueError:
        raise HoaanError(f"{READER_WAIT_VARIABLE}={text!r} is not a number of seconds") from None


def connect_reader(path: str | os.PathLike[str]) -> Connection:
    """A read-only connection for reports and KPIs, waiting `reader_wait_seconds()` for an ingest."""
    return connect(path, read_only=True, wait_seconds=reader_wait_seconds())


def query(con: Connection, sql: str, params: Mapping[str, Any] | None = None) -> pl.DataFrame:
    """Run one SELECT with `$name` parameters and return a polars frame."""
    relation = con.sql(sql, params=dict(params) if params else None)
    # A DuckDB relation is read through the Arrow PyCapsule interface: the same frame as `.pl()` without
    # importing pyarrow, which alone costs a CLI command about 0.3 s (bench: worklist_ratio). A wrapper
    # such as the reports' ReportConnection offers only `.pl()`.
    if hasattr(relation, "__arrow_c_stream__"):
        import polars as pl  # loaded by the first frame asked for (the module's docstring)

        return pl.DataFrame(relation)
    return relation.pl()


def records(con: Connection, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run one SELECT with `$name` parameters and return its rows as {column: value} dicts, no frame."""
    relation = con.sql(sql, params=dict(params) if params else None)
    rows = relation.fetchall()
    return [dict(zip(relation.columns, row, strict=True)) for row in rows]


def insert_rows(con: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert `rows` (tuples in the order of `columns`) into `table`, converted by the table's own types.

    For the few rows a command reads from files (a portal answer, params/units.csv): a frame would
    load polars, and registering one loads pyarrow, about 0.4 s of a quick command's start.
    `table` and `columns` are names written in the code, never values of a file.
    """
    if rows:
        # one statement of many rows: executemany runs one statement per row (50 ms for the page table)
        names = ", ".join(columns)
        marks = "(" + ", ".join("?" for _ in columns) + ")"
        values = [value for row in rows for value in row]
        con.execute(f"insert into {table} ({names}) values {', '.join(marks for _ in rows)}", values).fetchall()


def run(con: Connection, sql: str, params: Mapping[str, Any] | None = None) -> None:
    """Run one statement that returns nothing of interest (DDL, INSERT, ...)."""
    con.execute(sql, dict(params) if params else None).fetchall()


def scalar(con: Connection, sql: str, params: Mapping[str, Any] | None = None) -> Any:
    """Run a query that returns one value."""
    # fetchall, not fetchone: a result left half-read blocks the connection in duckdb 2
    rows = con.execute(sql, dict(params) if params else None).fetchall()
    return rows[0][0] if rows else None


@contextmanager
def transaction(con: Connection) -> Iterator[Connection]:
    """All or nothing: commit when the block ends, roll back on any exception."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


@cache
def sql_text(layer: str, name: str) -> str:
    """The text of `sql/<layer>/<name>.sql` from the package."""
    return (sql_dir() / layer / f"{name}.sql").read_text(encoding="utf-8")
