"""Derived tables, views and macros built from the stored dossiers (calendar, dossier facts, period macros).

`refresh` runs at the end of every ingest, inside its transaction: it rebuilds the
working-day calendar over the range of the data, then every file of the derived
layers of sql/ (`build_plan`): the staging views, the fact tables (`dossier_facts`,
one row per received dossier with everything that does not depend on the period;
`dossier_extent`, the newest event date), and the table macros of sql/marts/,
sql/scorecard/ and any later layer (`period_kpis`, `period_dossiers`, `index766`, ...).
The macros are stored in the database file, so any connection, read-only ones
included, can call them by name:
`from period_kpis(DATE '2026-07-01', DATE '2026-09-30', NULL, 'none')`.

Every build ends by writing the one-row table `build_stamp`: this package's version, a digest of
the sql/ files it ran and of the params files the stored tables came from. A reader compares it
with its own first (`require_current`, one small row) and never answers with another build's
rules: it names who built the file and the command that rebuilds it (`hoaan ingest --db ...`, no
export needed: the derived tables are rebuilt from the stored dossiers).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from hoaan_analytics import __version__, calendar, db, paths, schema, sql_files
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.paths import sql_dir

# The derived layers of sql/, built in this order after the calendar; every other folder of sql/
# (e.g. worklist/) is a later layer, built after these in name order, without being listed here.
FIRST_LAYERS = ("staging", "facts", "marts", "scorecard")
# Folders of sql/ that hold no derived model: the stored tables and scalar macros (schema.py,
# calendar.py), the temporary objects of one load (ingest/), the queries analyses.py runs (analysis/),
# the statement `hoaan portal766` loads with (portal/).
NOT_BUILT_FOLDERS = ("schema", "ingest", "analysis", "portal")
# How a file that is one bare query is stored, by layer (anywhere else: a view). A file with its own
# `create` statement, such as a table macro, runs as written.
BARE_QUERY_KINDS = {"staging": "view", "facts": "table"}
# A facts file may state its rules as a table macro `<name>_of(dossier_relation)` instead of a bare
# query (dossier_facts: the month-end projection applies the same rules to a scenario's dossiers);
# the table <name> is then that macro over stg_dossiers.
FACT_MACRO_SUFFIX = "_of"

# Years of calendar around the data: due dates run past the last received day by
# up to a statutory limit, and an empty database still gets a usable calendar.
CALENDAR_MARGIN_YEARS = 1

# The dates a dossier system of the 2010s can hold (first, last day), stated here only: the
# parse binds it into its macro ingest_plausible (sql/ingest/) and sets a row with a date
# outside it aside as "cannot be read as a date" (METRICS.md §8); the calendar never leaves
# it, whatever reaches `dossiers` by another way.
PLAUSIBLE_DATES: tuple[date, date] = (date(2000, 1, 1), date(2100, 12, 31))

_DATA_YEARS_SQL = """
select
    min(least(year(received_at), year(due_at), year(finished_at), year(returned_at),
              year(supplement_requested_at), year(supplement_completed_at))) as first_year,
    max(greatest(year(received_at), year(due_at), year(finished_at), year(returned_at),
                 year(supplement_requested_at), year(supplement_completed_at))) as last_year
from dossiers
"""


# The one-row table each build writes last (sql/schema/<this>.sql, also its name): who built the rest.
BUILD_STAMP = "build_stamp"
# (column of build_stamp, params file): the params the stored tables are built from. Not stamped, because
# no build reads them: targets.yaml (each report reads it as it opens), labels.csv (how an export's
# columns are read: only loading the export again applies it), units.csv (read when `hoaan portal766`
# stores the portal's figures).
STAMPED_PARAMS = (("procedures_digest", paths.PROCEDURES_FILE), ("calendar_digest", paths.CALENDAR_FILE),
                  ("index766_digest", paths.INDEX766_RULES_FILE))
# How many hex digits of a digest a message shows: enough to tell two builds apart by eye.
SHOWN_DIGEST = 12

# The stored tables a reader needs besides the built models: the loader's, the rules, the calendar. (Not the
# stamp: a database without one was built before stamps, which require_current says with its own words.)
STORED_TABLES_READ = ("load_log", "set_aside", "calendar_days", "index766_rules")


class StaleBuildError(HoaanError):
    """The database's derived tables and macros were built by another hoaan, or from other params files."""


@dataclass(frozen=True)
class Model:
    """One file of a derived layer: the statement that (re)creates it and what that creates."""

    layer: str
    name: str                                # the file's name without .sql: the relation it holds
    statement: str
    creates: tuple[tuple[str, str], ...]     # (kind, name), kind 'macro' | 'view' | 'table'


def built_layers(root: Path | None = None) -> tuple[str, ...]:
    """The folders of `root` (default: the package's sql/) that hold derived models, in build order."""
    root = sql_dir() if root is None else Path(root)
    folders = {path.name for path in root.iterdir() if path.is_dir() and any(path.glob("*.sql"))}
    later = sorted(folders - set(FIRST_LAYERS) - set(NOT_BUILT_FOLDERS))
    return (*(layer for layer in FIRST_LAYERS if layer in folders), *later)


def build_plan(root: Path | None = None) -> tuple[Model, ...]:
    """Every file of the built layers, each after the models it names (HoaanError on a cycle).

    Layers come in `built_layers` order and, within one, files by name, except that a file
    waits for every model whose name its code (comments and strings aside) contains.
    """
    return _build_plan(sql_dir() if root is None else Path(root))


@cache
def _build_plan(root: Path) -> tuple[Model, ...]:
    models: list[Model] = []
    for layer in built_layers(root):
        for path in sorted((root / layer).glob("*.sql")):
            text = path.read_text(encoding="utf-8")
            creates = tuple(sql_files.created_objects(text))
            if not creates:
                kind = BARE_QUERY_KINDS.get(layer, "view")
                creates = ((kind, path.stem),)
                text = f"create or replace {kind} {path.stem} as\n{text}"
            elif BARE_QUERY_KINDS.get(layer) == "table" and ("macro", path.stem + FACT_MACRO_SUFFIX) in creates:
                creates = (*creates, ("table", path.stem))
                text = f"{text.rstrip().rstrip(';')};\ncreate or replace table {path.stem} as " \
                       f"select * from {path.stem}{FACT_MACRO_SUFFIX}()"
            models.append(Model(layer, path.stem, text, creates))
    return _in_dependency_order(models, built_layers(root))


def _in_dependency_order(models: list[Model], layers: tuple[str, ...]) -> tuple[Model, ...]:
    maker = {name: model for model in models for _, name in model.creates}
    needs: dict[Model, set[Model]] = {}
    for model in models:
        own = {name for _, name in model.creates}
        named = sql_files.identifiers(model.statement) - own
        needs[model] = {maker[name] for name in named if name in maker and maker[name] is not model}
    rank = {model: (layers.index(model.layer), model.name) for model in models}
    ordered: list[Model] = []
    waiting = set(models)
    while waiting:
        ready = [model for model in waiting if not needs[model] & waiting]
        if not ready:
            cycle = ", ".join(f"sql/{m.layer}/{m.name}.sql" for m in sorted(waiting, key=rank.__getitem__))
            raise HoaanError(f"these SQL files name one another in a cycle, so none can be built first: {cycle}")
        first = min(ready, key=rank.__getitem__)
        ordered.append(first)
        waiting.remove(first)
    return tuple(ordered)


def required_tables() -> tuple[str, ...]:
    """The tables and views a reader needs: the stored ones it reads and every built one."""
    built = (name for model in build_plan() for kind, name in model.creates if kind in ("table", "view"))
    return (*STORED_TABLES_READ, *built)


def required_macros() -> tuple[str, ...]:
    """The macros a reader needs: the scalar ones of sql/schema/ and every built one."""
    scalar_files = (*schema.SCALAR_MACRO_FILES, calendar.WORKING_DAYS_MACRO)
    scalar = (name for file in scalar_files
              for kind, name in sql_files.created_objects(db.sql_text("schema", file)) if kind == "macro")
    built = (name for model in build_plan() for kind, name in model.creates if kind == "macro")
    return (*scalar, *built)


_STORED_MACROS_SQL = """
select function_name
from duckdb_functions()
where function_type in ('macro', 'table_macro') and database_name = current_database() and not internal
"""


def require_built(con: db.Connection, db_path: str | os.PathLike[str],
                  params_dir: str | os.PathLike[str] | None = None) -> None:
    """HoaanError unless every table and macro a report reads exists and this hoaan built them (require_current).

    Never loaded, or built by an older hoaan: the missing names; built by another hoaan or from
    params files changed since: StaleBuildError.
    """
    present = {row["table_name"] for row in db.records(con, "select table_name from information_schema.tables")}
    macros = {row["function_name"] for row in db.records(con, _STORED_MACROS_SQL)}
    missing = [t for t in required_tables() if t not in present]
    missing += [f"macro {m}" for m in required_macros() if m not in macros]
    if missing:
        raise HoaanError(
            f"{db_path}: the database has no {', '.join(missing)}: it was never loaded, or an older "
            f"version of hoaan built it. Run `hoaan ingest` on your exports (files loaded before are "
            f"skipped; the derived tables are rebuilt)."
        )
    require_current(con, db_path, params_dir)


@contextmanager
def explained_if_unbuilt(con: db.Connection, db_path: str | os.PathLike[str],
                         params_dir: str | os.PathLike[str] | None = None) -> Iterator[None]:
    """Check the stamp (require_current), run the block; if DuckDB fails, raise require_built's error if that is why.

    For the quick commands (`hoaan kpis`): a complete database pays one small row (the
    stamp), where require_built's catalogue queries cost about 0.1 s (`duckdb_functions()`
    lists every built-in function) before the first answer.
    """
    try:
        require_current(con, db_path, params_dir)
        yield
    except db.Error:
        require_built(con, db_path)
        raise


@cache
def sql_digest() -> str:
    """SHA-256 (hex) of the sql/ files a build runs: sql/schema/ and every built layer, each with its path."""
    root = sql_dir()
    digest = hashlib.sha256()
    for layer in ("schema", *built_layers(root)):
        for path in sorted((root / layer).glob("*.sql")):
            # newlines as stored in the package: a checkout with CRLF is the same rules
            digest.update(f"{layer}/{path.name}\0".encode())
            digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    """SHA-256 (hex) of the file's bytes; 'absent' when there is no such file (a params file may be left out)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "absent"


def params_digests(params_dir: str | os.PathLike[str]) -> dict[str, str]:
    """{column of build_stamp: digest} of the STAMPED_PARAMS files a build reads from `params_dir`."""
    folder = Path(params_dir)
    return {column: _file_digest(paths.index766_rules_path(folder) if name == paths.INDEX766_RULES_FILE
                                 else folder / name)
            for column, name in STAMPED_PARAMS}


def write_stamp(con: db.Connection, params_dir: str | os.PathLike[str]) -> None:
    """(Re)write `build_stamp`: this hoaan, its sql/ digest, the params folder and its files' digests."""
    db.run(con, db.sql_text("schema", BUILD_STAMP), {
        "hoaan_version": __version__, "sql_digest": sql_digest(), "params_dir": str(Path(params_dir).resolve()),
        **params_digests(params_dir), "built_at": datetime.now().replace(microsecond=0),
    })


def _short(digest: str | None) -> str:
    return (digest or "none")[:SHOWN_DIGEST]


def stale_reason(con: db.Connection,
                 params_dir: str | os.PathLike[str] | None = None) -> tuple[str, Path | None] | None:
    """Why the stored rules are not this hoaan's with these params, and the params folder to rebuild from, or None.

    The params compared are those of `params_dir`, else of the folder the database was built from
    (the stamp names it); a database moved where that folder is not is compared on its SQL alone.
    A database of stored dossiers without a stamp was built before stamps: stale. db.Error when the
    database holds no dossiers at all (never loaded: require_built says so).
    """
    try:
        rows = db.records(con, _STAMP_SQL)
    except db.Error:
        # asked only when the stamp cannot be read: the quick path pays for one small row, not the catalogue
        has_stamp, has_dossiers = db.records(con, _STORED_SQL, {"stamp": BUILD_STAMP})[0].values()
        if has_stamp or not has_dossiers:
            raise
        rows = []
    if not rows:
        return ("it holds no build stamp: a hoaan from before build stamps built its derived tables and macros, "
                "whose rules may differ"), _existing(Path(params_dir) if params_dir is not None else None)
    stamp = rows[0]
    folder = Path(params_dir) if params_dir is not None else _existing(Path(stamp["params_dir"]))
    if stamp["hoaan_version"] != __version__ or stamp["sql_digest"] != sql_digest():
        return (f"its derived tables and macros were built by hoaan {stamp['hoaan_version'] or 'unknown'} "
                f"(sql digest {_short(stamp['sql_digest'])}), not by this hoaan {__version__} "
                f"(sql digest {_short(sql_digest())}), whose rules may differ"), folder
    if folder is None:
        return None
    now = params_digests(folder)
    changed = [name for column, name in STAMPED_PARAMS if now[column] != stamp[column]]
    if changed:
        files = ", ".join(str(folder / name) for name in changed)
        return (f"{files} {'differs' if len(changed) == 1 else 'differ'} from the params its derived tables "
                f"were built from ({stamp['params_dir']}, at {stamp['built_at']:%Y-%m-%d %H:%M}): an edit "
                f"since, so the stored rules are not the file's"), folder
    return None


_STAMP_SQL = f"select * from {BUILD_STAMP}"
_STORED_SQL = """
select count(*) filter (where table_name = $stamp) > 0 as has_stamp,
       count(*) filter (where table_name = 'dossiers') > 0 as has_dossiers
from duckdb_tables()
where not temporary
"""


def _existing(folder: Path | None) -> Path | None:
    return folder if folder is not None and folder.is_dir() else None


def rebuild_command(db_path: str | os.PathLike[str], params_dir: Path | None) -> str:
    """The command that rebuilds the derived tables and macros of `db_path` from its stored dossiers."""
    return f"hoaan ingest --db {db_path}" + ("" if params_dir is None else f" --params {params_dir}")


def require_current(con: db.Connection, db_path: str | os.PathLike[str],
                    params_dir: str | os.PathLike[str] | None = None) -> None:
    """StaleBuildError (one line) unless this hoaan, with these params, built the database's rules (stale_reason)."""
    stale = stale_reason(con, params_dir)
    if stale is not None:
        reason, folder = stale
        raise StaleBuildError(
            f"{db_path}: {reason}; nothing was read. Run `{rebuild_command(db_path, folder)}` to rebuild them "
            f"from the stored dossiers (no export is read again; dossiers, set-aside rows, load log and portal "
            f"figures stay)."
        )


def calendar_range(con: db.Connection) -> tuple[date, date]:
    """The dates `calendar_days` must cover: every year of the stored dates, with a margin.

    Never wider than PLAUSIBLE_DATES: a stray year 9999 or 1900 in `dossiers` neither
    overflows `date` nor builds a calendar of centuries.
    """
    first_year, last_year = db.query(con, _DATA_YEARS_SQL).row(0)
    if first_year is None:
        first_year = last_year = date.today().year
    plausible_first, plausible_last = PLAUSIBLE_DATES

    def within_window(year: int) -> int:
        return min(max(year, plausible_first.year), plausible_last.year)

    # Clamped as years before any date is built: date(10000, 12, 31) would raise.
    return (max(date(within_window(first_year - CALENDAR_MARGIN_YEARS), 1, 1), plausible_first),
            min(date(within_window(last_year + CALENDAR_MARGIN_YEARS), 12, 31), plausible_last))


def refresh(con: db.Connection, params_dir: Path) -> None:
    """(Re)build everything derived from the stored dossiers; called at the end of each ingest.

    The calendar (and its macro `working_days_between`), then every model of `build_plan`, then
    the stamp saying which hoaan built them from which params (`write_stamp`).
    Needs the stored tables (`dossiers`, `procedures`) and the scalar macros of
    `schema.ensure_schema`; runs inside the caller's transaction when there is one.
    """
    start, end = calendar_range(con)
    calendar.build_calendar(con, Path(params_dir), start, end)
    for model in build_plan():
        db.run(con, model.statement)
    write_stamp(con, params_dir)
