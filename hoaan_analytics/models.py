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
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from hoaan_analytics import calendar, db, schema, sql_files
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


# The stored tables a reader needs besides the built models: the loader's, the rules, the calendar.
STORED_TABLES_READ = ("load_log", "set_aside", "calendar_days", "index766_rules")


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


def require_built(con: db.Connection, db_path: str | os.PathLike[str]) -> None:
    """HoaanError unless every table and macro a report reads exists (never loaded, or built by an older hoaan)."""
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


@contextmanager
def explained_if_unbuilt(con: db.Connection, db_path: str | os.PathLike[str]) -> Iterator[None]:
    """Run the block's queries; if DuckDB fails, raise require_built's HoaanError when that is why.

    For the quick commands (`hoaan kpis`): a complete database pays nothing, where
    require_built's catalogue queries cost about 0.1 s (`duckdb_functions()` lists
    every built-in function) before the first answer.
    """
    try:
        yield
    except db.Error:
        require_built(con, db_path)
        raise


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

    The calendar (and its macro `working_days_between`), then every model of `build_plan`.
    Needs the stored tables (`dossiers`, `procedures`) and the scalar macros of
    `schema.ensure_schema`; runs inside the caller's transaction when there is one.
    """
    start, end = calendar_range(con)
    calendar.build_calendar(con, Path(params_dir), start, end)
    for model in build_plan():
        db.run(con, model.statement)
