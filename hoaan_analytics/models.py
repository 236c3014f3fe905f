"""Derived tables, views and macros built from the stored dossiers (calendar, dossier facts, period macros).

`refresh` runs at the end of every ingest, inside its transaction: it rebuilds the
working-day calendar over the range of the data, materialises `dossier_facts`
(one row per received dossier, everything that does not depend on the period) and
`dossier_extent` (the newest event date), and (re)creates the period table macros
(sql/marts/: `period_kpis`, `period_dossiers`, ...). The macros are stored in the
database file, so any connection, read-only ones included, can call them by name:
`from period_kpis(DATE '2026-07-01', DATE '2026-09-30', NULL, 'none')`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from hoaan_analytics import calendar, db, schema
from hoaan_analytics.errors import HoaanError

STAGING_VIEWS = ("stg_dossiers", "stg_procedures", "stg_working_days")
FACT_TABLES = ("dossier_facts", "dossier_extent", "dossier_units")  # in build order
# The table macros of sql/marts/, each in one file; a macro's callees come before it.
PERIOD_MACROS = ("period_list_bounds", "period_bounds", "period_list_handled", "period_dossiers",
                 "period_list_kpis", "period_kpis", "time_reduction_left_out", "period_unit_comparison")
# The 766 scorecard's table macros (sql/scorecard/, METRICS.md §9), built on the period macros.
SCORECARD_MACROS = ("index766_list_dossiers", "index766_list_indicators", "index766_list_groups", "index766",
                    "index766_dossiers", "index766_groups")

# Years of calendar around the data: due dates run past the last received day by
# up to a statutory limit, and an empty database still gets a usable calendar.
CALENDAR_MARGIN_YEARS = 1

# The dates a dossier system of the 2010s can hold (first, last day). The parse
# (sql/ingest/ingest_parsed.sql, `plausible_window`) sets a row with a date outside it
# aside as "cannot be read as a date" (METRICS.md §8); the calendar never leaves it,
# whatever reaches `dossiers` by another way.
PLAUSIBLE_DATES: tuple[date, date] = (date(2000, 1, 1), date(2100, 12, 31))

_DATA_YEARS_SQL = """
select
    min(least(year(received_at), year(due_at), year(finished_at), year(returned_at),
              year(supplement_requested_at), year(supplement_completed_at))) as first_year,
    max(greatest(year(received_at), year(due_at), year(finished_at), year(returned_at),
                 year(supplement_requested_at), year(supplement_completed_at))) as last_year
from dossiers
"""


# What a reader needs: the stored tables the loader writes and every derived table.
REQUIRED_TABLES = ("load_log", "set_aside", "calendar_days", "index766_rules", *FACT_TABLES)
REQUIRED_MACROS = (*schema.STATUS_SET_MACROS, *PERIOD_MACROS, *SCORECARD_MACROS)

_STORED_MACROS_SQL = """
select function_name
from duckdb_functions()
where function_type in ('macro', 'table_macro') and database_name = current_database() and not internal
"""


def require_built(con: db.Connection, db_path: str | os.PathLike[str]) -> None:
    """HoaanError unless every table and macro a report reads exists (never loaded, or built by an older hoaan)."""
    present = {row["table_name"] for row in db.records(con, "select table_name from information_schema.tables")}
    macros = {row["function_name"] for row in db.records(con, _STORED_MACROS_SQL)}
    missing = [t for t in REQUIRED_TABLES if t not in present]
    missing += [f"macro {m}" for m in REQUIRED_MACROS if m not in macros]
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

    Needs the stored tables (`dossiers`, `procedures`); runs inside the caller's
    transaction when there is one.
    """
    start, end = calendar_range(con)
    calendar.build_calendar(con, Path(params_dir), start, end)
    for name in STAGING_VIEWS:
        db.run(con, f"create or replace view {name} as\n{db.sql_text('staging', name)}")
    for name in FACT_TABLES:
        db.run(con, f"create or replace table {name} as\n{db.sql_text('facts', name)}")
    for name in PERIOD_MACROS:
        db.run(con, db.sql_text("marts", name))
    for name in SCORECARD_MACROS:
        db.run(con, db.sql_text("scorecard", name))
