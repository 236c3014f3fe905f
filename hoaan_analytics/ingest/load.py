"""The load transaction: files in order, set-aside rows, latest export wins, load log."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from hoaan_analytics import db, index766, models, schema
from hoaan_analytics.catalogue import load_catalogue
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.labels import LabelMap, load_label_map
from hoaan_analytics.ingest.read import file_format, stage
from hoaan_analytics.ingest.staging import drop_staged

# Temp macros of the parse step (sql/ingest/*.sql), created before staging, each after those it
# calls; the views are created per file, once the tables they read exist.
_INGEST_MACROS = ("ingest_trim_chars", "ingest_text", "ingest_words", "ingest_key", "ingest_flag", "ingest_timestamp",
                  "ingest_plausible", "ingest_date_reason", "ingest_coded", "ingest_status", "ingest_fee_digits",
                  "ingest_amount")


def _ingest_macro_params(name: str) -> dict[str, Any] | None:
    """What the macro `name` binds when it is created: the plausible window's edges for ingest_plausible."""
    if name != "ingest_plausible":
        return None
    first_day, last_day = models.PLAUSIBLE_DATES
    return {"plausible_from": datetime.combine(first_day, time.min),
            "plausible_before": datetime.combine(last_day + timedelta(days=1), time.min)}


@dataclass
class FileSummary:
    """What one file did to the database."""

    file_name: str
    file_format: str
    file_sha256: str
    rows_read: int = 0        # non-empty data rows under the header (a payload: its records)
    loaded: int = 0           # dossiers stored from this file (new or replacing an older row)
    set_aside: int = 0        # rows that could not be used (see table set_aside)
    replaced: int = 0         # stored dossiers of earlier loads that this file replaced
    superseded: int = 0       # usable rows that a later row of the same dossier in this file replaced
    ignored: int = 0          # rows with status 1/3 and no dossier id: never set aside, cannot be stored
    skipped: bool = False     # same bytes as an earlier load: nothing read, nothing changed

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_name": self.file_name, "file_format": self.file_format,
            "rows_read": self.rows_read, "loaded": self.loaded, "set_aside": self.set_aside,
            "replaced": self.replaced, "superseded": self.superseded, "ignored": self.ignored,
            "skipped": self.skipped,
        }


@dataclass
class IngestSummary:
    """The result of one ingest call: one entry per file, in the order loaded."""

    files: list[FileSummary] = field(default_factory=list)
    procedures: int = 0       # procedures in the catalogue after the reload

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def loaded(self) -> int:
        return sum(f.loaded for f in self.files)

    @property
    def set_aside(self) -> int:
        return sum(f.set_aside for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        """Per-file counts and their totals, ready for JSON."""
        return {
            "files": [f.to_dict() for f in self.files],
            "rows_read": self.rows_read,
            "loaded": self.loaded,
            "set_aside": self.set_aside,
            "skipped": sum(f.skipped for f in self.files),
            "procedures": self.procedures,
        }


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file's bytes (identifies an export however it is named)."""
    return file_sha256_and_lines(path, count=False)[0]


def file_sha256_and_lines(path: Path, *, count: bool = True) -> tuple[str, tuple[int, bool] | None]:
    """file_sha256 and, with `count`, staging.count_lines' (line breaks, ends with one), in one pass.

    A text export's line count tells its reader whether records and lines agree; reading a
    10M-row CSV twice for the hash and the count cost seconds.
    """
    digest = hashlib.sha256()
    breaks = 0
    last = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
            if count:
                breaks += chunk.count(b"\n")
                last = chunk[-1:]
    return digest.hexdigest(), ((breaks, last == b"\n") if count else None)


def ingest_files(con: db.Connection, paths: Iterable[str | os.PathLike[str]], *,
                 params_dir: str | os.PathLike[str]) -> IngestSummary:
    """Load dossier exports (CSV/XLSX, payload JSON/JSONL) into the database, all or nothing.

    Each file is first read into a temporary table (nothing stored yet). Then, in
    one transaction: create missing tables, reload the procedure catalogue from
    `params_dir/procedures.csv`, load each file in the given order (rows that cannot
    be used go to `set_aside`; a dossier's later row replaces its earlier one; bytes
    already loaded are skipped), log each file in `load_log`, and rebuild the derived
    tables (`models.refresh`). A file that cannot be read at all raises IngestError
    naming it, and nothing of the call is stored.
    """
    params_dir = Path(params_dir)
    labels = load_label_map(params_dir)
    staged: list[_Staged] = []
    try:
        loaded_before = _loaded_hashes(con)
        # The payload reader parses with the same macros as the load (temp: nothing is stored), and
        # the status sets (one statement for every query; re-creating them changes no data).
        schema.ensure_scalar_macros(con)
        for name in _INGEST_MACROS:
            db.run(con, db.sql_text("ingest", name), _ingest_macro_params(name))
        for index, path in enumerate(Path(p) for p in paths):
            item = _stage(con, index, path, labels, loaded_before)
            loaded_before.add(item.result.file_sha256)
            staged.append(item)
        summary = IngestSummary()
        with _any_row_order(con), db.transaction(con):
            schema.ensure_schema(con)
            summary.procedures = load_catalogue(con, params_dir)
            index766.store_rules(con, params_dir)
            for item in staged:
                summary.files.append(_load_staged(con, item))
            models.refresh(con, params_dir)
    except db.OutOfMemoryError as exc:
        raise IngestError(_out_of_memory_message(con)) from exc
    finally:
        _drop_temp(con, staged)
    return summary


def rebuild_if_stale(con: db.Connection, params_dir: str | os.PathLike[str]) -> str | None:
    """Rebuild the derived tables and macros (an ingest of no file) unless this hoaan built them from these params.

    For a command that opens the database read-write for something else (`hoaan portal766`):
    it must not work on another build's rules. The params are those the database was built
    from (the folder its stamp names) while that folder exists, else `params_dir`. Nothing
    stored is reloaded or lost. Returns why it rebuilt (models.stale_reason), None when it did
    not; a database that holds no dossiers is left as it is.
    """
    try:
        stale = models.stale_reason(con)
    except db.Error:
        return None  # never loaded: nothing to rebuild from, the command says what is missing
    if stale is None:
        return None
    reason, folder = stale
    ingest_files(con, [], params_dir=folder or params_dir)
    return reason


@contextmanager
def _any_row_order(con: db.Connection) -> Iterator[None]:
    """Let DuckDB return the rows of the load's statements in any order, and store text without FSST; then
    restore both settings.

    Staging needs insertion order (a staged row's rowid is its place in the file, which gives
    source_row); once source_row is a column, no statement of the load depends on row order
    (what must be ordered says `order by`), and without it DuckDB runs the parse, the joins and
    the inserts in parallel without keeping each thread's rows apart in order.
    FSST: writing `dossiers` and `dossier_facts` tries every compression on every text column; FSST's
    trial cost a quarter of writing the facts (1M rows) and won nothing over the dictionary the repeated
    names take (ids, nearly all distinct, compress little either way). Other connections keep the default.
    """
    settings = {"preserve_insertion_order": "false", "disabled_compression_methods": "'fsst'"}
    before = {name: db.scalar(con, f"select current_setting('{name}')") for name in settings}
    for name, value in settings.items():
        db.run(con, f"set {name} = {value}")
    try:
        yield
    finally:
        db.run(con, f"set preserve_insertion_order = {'true' if before['preserve_insertion_order'] else 'false'}")
        db.run(con, "set disabled_compression_methods = $methods", {"methods": before["disabled_compression_methods"]})


def _out_of_memory_message(con: db.Connection) -> str:
    try:
        limit = db.scalar(con, "select current_setting('memory_limit')")
    except db.Error:
        limit = db.ingest_memory_limit()
    # On a large export DuckDB's CSV reader alone asks for a block of ~300 MB (its buffers follow
    # read_csv.CSV_MAX_LINE_BYTES): a cap under 1GB is rarely worth it.
    return (f"the ingest ran out of memory under DuckDB's cap of {limit}, even spilling to disk; "
            f"nothing was stored; give it more with the environment variable {db.MEMORY_LIMIT_VARIABLE} "
            f"(e.g. {db.MEMORY_LIMIT_VARIABLE}=4GB; at least 1GB)")


@dataclass
class _Staged:
    path: Path
    result: FileSummary
    table: str | None         # temp table with the file's text rows; None when skipped


def _loaded_hashes(con: db.Connection) -> set[str]:
    exists = db.scalar(con, "select count(*) from duckdb_tables() where table_name = 'load_log' "
                            "and not temporary")
    if not exists:
        return set()
    return set(db.query(con, "select distinct file_sha256 from load_log where not skipped")["file_sha256"])


def _stage(con: db.Connection, index: int, path: Path, labels: LabelMap, loaded_before: set[str]) -> _Staged:
    file_name = path.name
    if not path.is_file():
        raise IngestError(f"{file_name}: no such file ({path})")
    try:
        fmt = file_format(path)
        # the text formats' readers need the line count: counted while hashing
        sha256, lines = file_sha256_and_lines(path, count=fmt in ("csv", "jsonl"))
    except OSError as exc:
        raise IngestError(f"{file_name}: cannot be opened: {exc.strerror or exc}") from exc
    result = FileSummary(file_name=file_name, file_format=fmt, file_sha256=sha256)
    if sha256 in loaded_before:
        # Re-loading an old export must never revert newer data.
        result.skipped = True
        return _Staged(path, result, None)
    table = f"ingest_raw_{index}"
    try:
        stage(con, table, path, fmt, labels, file_name, lines=lines)
    except BaseException:
        # A file refused after its text was staged (a cell too long ...) must not leave it behind.
        drop_staged(con, table)
        raise
    return _Staged(path, result, table)


def _load_staged(con: db.Connection, item: _Staged) -> FileSummary:
    result = item.result
    load_id = db.scalar(con, "select coalesce(max(load_id), 0) + 1 from load_log")
    if item.table is None:
        _log(con, load_id, result)
        return result

    # The parse views read `ingest_raw`: point it at this file's staged rows.
    db.run(con, f"create or replace temp view ingest_raw as select * from {item.table}")
    db.run(con, db.sql_text("ingest", "ingest_parsed"))
    # Materialised once: the counts, the set-aside rows and the stored rows all read it.
    db.run(con, "create or replace temp table ingest_rows as select * from ingest_parsed")
    db.run(con, db.sql_text("ingest", "ingest_set_aside"))
    db.run(con, db.sql_text("ingest", "ingest_usable"))

    counts = db.query(con, """
        select
            count(*)                                                             as rows_read,
            count(*) filter (where len(problems) > 0)                            as set_aside,
            count(*) filter (where len(problems) = 0 and dossier_id is null)     as ignored,
            count(*) filter (where len(problems) = 0 and dossier_id is not null) as usable
        from ingest_rows
    """).row(0, named=True)
    db.run(con, """
        insert into set_aside (load_id, file_name, source_row, dossier_id, field, reason)
        select $load_id, $file_name, source_row, dossier_id, field, reason
        from ingest_set_aside
    """, {"load_id": load_id, "file_name": result.file_name})
    # The dossiers this file stores are its usable ids (ingest_usable keeps one row per id): an
    # older row of any of them is replaced. Read from ingest_rows, so that ingest_usable's rows
    # go straight into `dossiers` without a copy.
    usable_ids = "select dossier_id from ingest_rows where len(problems) = 0 and dossier_id is not null"
    result.replaced = db.scalar(con, f"select count(*) from dossiers where dossier_id in ({usable_ids})")
    if result.replaced:
        db.run(con, f"delete from dossiers where dossier_id in ({usable_ids})")
    # an insert returns the number of rows it stored
    result.loaded = db.scalar(con, """
        insert into dossiers by name
        select
            dossier_id, procedure_code, procedure_name, field_code, field_name, unit_name,
            channel, status, received_at, due_at, finished_at, returned_at,
            supplement_requested_at, supplement_completed_at, supplement_count, fee_amount,
            payment_method, paid_online, rating, submitted_at, applicant_type, has_component_files,
            has_reused_data, from_citizen_store, has_result_file, vneid_verified, has_complaint,
            $load_id as load_id, source_row
        from ingest_usable
    """, {"load_id": load_id})
    result.rows_read = counts["rows_read"]
    result.set_aside = counts["set_aside"]
    result.ignored = counts["ignored"]
    result.superseded = counts["usable"] - result.loaded
    _log(con, load_id, result)
    return result


def _log(con: db.Connection, load_id: int, result: FileSummary) -> None:
    db.run(con, """
        insert into load_log
            (load_id, file_name, file_sha256, file_format, loaded_at, rows_read, loaded, set_aside, skipped)
        values ($load_id, $file_name, $sha, $format, $loaded_at, $rows_read, $loaded, $set_aside, $skipped)
    """, {
        "load_id": load_id, "file_name": result.file_name, "sha": result.file_sha256,
        "format": result.file_format, "loaded_at": datetime.now().replace(microsecond=0),
        "rows_read": result.rows_read, "loaded": result.loaded, "set_aside": result.set_aside,
        "skipped": result.skipped,
    })


def _drop_temp(con: db.Connection, staged: list[_Staged]) -> None:
    # Runs after commit or rollback, so each statement stands on its own.
    statements = [f"drop view if exists {v}" for v in
                  ("ingest_usable", "ingest_set_aside", "ingest_parsed", "ingest_raw")]
    statements += ["drop table if exists ingest_rows"]
    for statement in statements:
        try:
            db.run(con, statement)
        except db.Error:
            pass
    for item in staged:
        if item.table:
            drop_staged(con, item.table)
