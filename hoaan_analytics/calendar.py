"""Working days (METRICS.md §3): the `calendar_days` table and wd(a, b).

A working day is Monday–Friday that is not a public holiday, or a weekend day the
government made a working day. The base is `holidays.VN(language="vi")` with its
`weekend_workdays`; params/calendar.csv adds days the installed package does not
know yet. The table carries a running index of working days so that
wd(a, b) = index(date b) − index(date a) for every row at once in SQL, instead of a
Python loop per dossier (numpy/polars business-day counts ignore worked Saturdays);
the stored macro `working_days_between` (sql/schema/working_days_between.sql) states
that once for every query and for `working_days_between` here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from hoaan_analytics import db, paths
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.labels_vi import CALENDAR_DAY_OFF_LABEL

OVERRIDES_FILE = paths.CALENDAR_FILE
OVERRIDE_KINDS = ("holiday", "working_day")
# The stored macro wd(a, b) over `calendar_days`: sql/schema/<this>.sql, also its name.
WORKING_DAYS_MACRO = "working_days_between"


@dataclass(frozen=True)
class CalendarOverride:
    """One line of params/calendar.csv."""

    day: date
    kind: str  # 'holiday' | 'working_day'
    name: str


def load_overrides(params_dir: Path) -> list[CalendarOverride]:
    """Read params/calendar.csv (lines starting with '#' are comments); no file means no overrides."""
    path = Path(params_dir) / OVERRIDES_FILE
    if not path.is_file():
        return []
    lines = [
        line for line in path.read_text(encoding="utf-8-sig").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    overrides: list[CalendarOverride] = []
    for row_number, row in enumerate(csv.DictReader(lines), start=2):
        try:
            day = date.fromisoformat((row.get("date") or "").strip())
        except ValueError:
            raise HoaanError(
                f"{path}: data row {row_number - 1}, field date: {row.get('date')!r} is not a YYYY-MM-DD date"
            ) from None
        kind = (row.get("kind") or "").strip().lower()
        if kind not in OVERRIDE_KINDS:
            raise HoaanError(
                f"{path}: data row {row_number - 1}, field kind: {row.get('kind')!r} "
                f"is not one of {', '.join(OVERRIDE_KINDS)}"
            )
        overrides.append(CalendarOverride(day, kind, (row.get("name") or "").strip()))
    return overrides


def calendar_rows(start: date, end: date, overrides: list[CalendarOverride] | None = None) -> list[tuple]:
    """(day, is_working_day, holiday_name, working_day_index) for every day of [start, end].

    working_day_index counts the working days from `start` up to and including the day,
    so wd(a, b) = index(b) − index(a) within the range.
    """
    import holidays

    vn = holidays.VN(years=range(start.year, end.year + 1), language="vi")
    worked_weekend = set(vn.weekend_workdays)
    extra = {o.day: o for o in overrides or ()}
    rows = []
    index = 0
    day = start
    while day <= end:
        holiday_name = vn.get(day)
        is_working = (day.weekday() < 5 and holiday_name is None) or day in worked_weekend
        if day in extra:
            is_working = extra[day].kind == "working_day"
            holiday_name = None if is_working else (extra[day].name or CALENDAR_DAY_OFF_LABEL)
        index += is_working
        rows.append((day, is_working, holiday_name, index))
        day += timedelta(days=1)
    return rows


def build_calendar(con: db.Connection, params_dir: Path, start: date, end: date) -> None:
    """(Re)create the table `calendar_days` for [start, end] from the package and params overrides.

    Then (re)creates the macro `working_days_between` over it, which needs the table to exist.
    """
    import polars as pl

    rows = calendar_rows(start, end, load_overrides(params_dir))
    frame = pl.DataFrame(
        rows,
        schema={"day": pl.Date, "is_working_day": pl.Boolean, "holiday_name": pl.String,
                "working_day_index": pl.Int32},
        orient="row",
    )
    con.register("_calendar_rows", frame)
    try:
        db.run(con, "create or replace table calendar_days as select * from _calendar_rows order by day")
    finally:
        con.unregister("_calendar_rows")
    db.run(con, db.sql_text("schema", WORKING_DAYS_MACRO))


def working_days_between(con: db.Connection, start: date, end: date) -> int:
    """wd(start, end): working days d with start < d ≤ end (0 when end ≤ start), from `calendar_days`."""
    return int(db.scalar(con, "select working_days_between($start, $end)", {"start": start, "end": end}))
