"""The work list of a date: the open dossiers to act on before the month closes, and the 766 points of its closed ones.

The rules are the stored table macros `worklist` and `worklist_units` (sql/worklist/), built
on the §5 sets (`period_list_handled`) and the scorecard's verdicts (`index766_dossiers`) for
[first day of the month, as_of]; docs/index766.md ("Work list") says what is listed and why.
This module picks the parameters, checks them and lays the rows out for `hoaan worklist`.
Its checks read rows with `db.records` and polars is imported only where a frame is made or laid
out: `hoaan worklist`'s summary by unit never loads it (about 0.1 s of a quick command).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoaan_analytics import db, kpis, models
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.labels_vi import (
    ALL_UNITS_LABEL,
    STATUS_LABELS_VI,
    WORKLIST_COLUMN_LABELS_VI,
    WORKLIST_INDICATOR_LABELS_VI,
    WORKLIST_KIND_LABELS_VI,
    WORKLIST_REASON_LABELS_VI,
)
from hoaan_analytics.labels_vi import WORKLIST_CLI_TEXT_VI as TEXT
from hoaan_analytics.periods import parse_period

if TYPE_CHECKING:
    import polars as pl

DEFAULT_WITHIN_WORKING_DAYS = 3

_WORKLIST_SQL = "select * from worklist($as_of, $unit_name, within_working_days := $within_working_days)"
_UNITS_SQL = "select * from worklist_units($as_of, $unit_name, within_working_days := $within_working_days)"
_NEWEST_EVENT_SQL = "select newest_event_on from dossier_extent"
_CALENDAR_SQL = "select min(day) as first_day, max(day) as last_day from calendar_days"

# What each row kind carries in the JSON output, in this order.
# `status` is the export's status now; `status_on_as_of` the one it had on the day the list is taken, and
# `status_now` the status now only where it differs (null otherwise): docs/index766.md "Work list".
OPEN_COLUMNS = ("dossier_id", "procedure_code", "procedure_name", "unit_name", "field_name", "received_on", "due_on",
                "working_days_left", "status", "status_on_as_of", "status_now", "supplement_count",
                "is_waiting_for_applicant", "is_pending_overdue", "reason")
CLOSED_COLUMNS = ("dossier_id", "procedure_code", "procedure_name", "unit_name", "field_name", "received_on",
                  "due_on", "finished_on", "indicator_id", "kind", "reason")
UNIT_COLUMNS = ("unit_name", "open_dossiers", "overdue_dossiers", "due_dossiers", "lost_dossier_indicators",
                "can_win_dossier_indicators")

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_as_of(text: str) -> date:
    """'2026-11-20' or '20/11/2026' -> date; HoaanError naming the value otherwise."""
    value = text.strip()
    try:
        match = _DAY_MONTH_YEAR.fullmatch(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError:
        raise HoaanError(f"--as-of {text!r} is not a date: write YYYY-MM-DD (2026-11-20) or DD/MM/YYYY "
                         f"(20/11/2026)") from None


def default_as_of(con: db.Connection) -> date:
    """The newest event date among the loaded dossiers (`dossier_extent`): the day the exports end.

    HoaanError when no dossier is loaded.
    """
    newest = db.scalar(con, _NEWEST_EVENT_SQL)
    if newest is None:
        raise HoaanError("the database holds no dossiers: run `hoaan ingest` on your exports first")
    return newest


def _check(con: db.Connection, as_of: date, within_working_days: int) -> None:
    if isinstance(within_working_days, bool) or not isinstance(within_working_days, int) or within_working_days < 0:
        raise HoaanError(f"--within {within_working_days!r}: the number of working days must be a whole number ≥ 0")
    bounds = db.records(con, _CALENDAR_SQL)[0]
    first_day, last_day = bounds["first_day"], bounds["last_day"]
    # working days are counted on the stored calendar (the data's years and one on each side)
    if first_day is None or not first_day <= as_of <= last_day:
        raise HoaanError(f"--as-of {as_of.isoformat()} lies outside the working-day calendar of the loaded data "
                         f"({first_day} to {last_day}): pick a date within it")


def _parameters(con: db.Connection, as_of: date, unit: str | None, within_working_days: int) -> dict[str, Any]:
    _check(con, as_of, within_working_days)
    return {"as_of": as_of, "unit_name": kpis.unit_name(con, unit), "within_working_days": within_working_days}


def worklist(con: db.Connection, as_of: date, unit: str | None = None,
             within_working_days: int = DEFAULT_WITHIN_WORKING_DAYS) -> pl.DataFrame:
    """The rows of the stored macro `worklist` for `as_of`, all units or one, most urgent first.

    One row per open dossier to act on (row_kind 'open': overdue, due within
    `within_working_days` working days, or due by the end of as_of's month) and one per
    (dossier closed in as_of's month, 766 point it lost or can still win) (row_kind
    'closed', kind 'lost' | 'can_win', indicator_id '2.1'…'5.4' or 'satisfaction').
    Columns: row_kind, dossier_id, procedure_code, procedure_name, unit_name, unit_key,
    field_name, received_on, due_on, finished_on, working_days_left, status (the export's, now),
    status_on_as_of (the status on the day the list is taken, from the stored dates), status_now
    (status where it differs from status_on_as_of, else null), supplement_count,
    is_waiting_for_applicant, is_pending_overdue, indicator_id, kind,
    reason (a key of labels_vi.WORKLIST_REASON_LABELS_VI), period_start, reference_on.
    UnknownUnitError for a unit not in the data; HoaanError for a date outside the calendar.
    """
    return db.query(con, _WORKLIST_SQL, _parameters(con, as_of, unit, within_working_days))


def worklist_units(con: db.Connection, as_of: date, unit: str | None = None,
                   within_working_days: int = DEFAULT_WITHIN_WORKING_DAYS) -> pl.DataFrame:
    """Per unit, what its work list holds (the stored macro `worklist_units`), units with the most overdue first.

    Columns: unit_name, unit_key, open_dossiers, overdue_dossiers, due_dossiers,
    lost_dossier_indicators and can_win_dossier_indicators ((closed dossier, indicator) rows).
    """
    return db.query(con, _UNITS_SQL, _parameters(con, as_of, unit, within_working_days))


@dataclass
class WorklistOutput:
    """What `hoaan worklist` prints."""

    text: str


def worklist_output(db_path: str | os.PathLike[str], *, as_of: str | None = None, unit: str | None = None,
                    by_unit: bool = False, within_working_days: int = DEFAULT_WITHIN_WORKING_DAYS,
                    as_json: bool = False) -> WorklistOutput:
    """Open the database read-only; the work list of `as_of` (default: the data's last day) as text or JSON."""
    day = None if as_of is None else parse_as_of(as_of)
    con = db.connect_reader(db_path)
    try:
        # the catalogue is asked only when a query fails (as `hoaan kpis`): a quick command
        with models.explained_if_unbuilt(con, db_path):
            day = default_as_of(con) if day is None else day
            name = kpis.unit_name(con, unit)
            rows = worklist(con, day, name, within_working_days)
            units = worklist_units(con, day, name, within_working_days) if by_unit else None
    finally:
        con.close()
    if as_json:
        return WorklistOutput(_json(rows, units, day, name, within_working_days))
    return WorklistOutput(_text(rows, units, day, name, within_working_days))


def _json(rows: pl.DataFrame, units: pl.DataFrame | None, as_of: date, unit: str | None,
          within_working_days: int) -> str:
    """{"as_of", "unit", "within_working_days", "open": [...], "closed": [...]} (and "units" by unit), dates ISO."""
    import polars as pl

    head = json.dumps({"as_of": as_of.isoformat(), "unit": unit, "within_working_days": within_working_days},
                      ensure_ascii=False)
    # polars writes the rows (tens of thousands for a province) itself: the same JSON as json.dumps of each
    # row, dates as ISO text, an order of magnitude faster than building Python dicts
    parts = [f'"open": {rows.filter(pl.col("row_kind") == "open").select(OPEN_COLUMNS).write_json()}',
             f'"closed": {rows.filter(pl.col("row_kind") == "closed").select(CLOSED_COLUMNS).write_json()}']
    if units is not None:
        parts.append(f'"units": {units.select(UNIT_COLUMNS).write_json()}')
    return head[:-1] + ", " + ", ".join(parts) + "}"


def reason_label(reason: str | None, within_working_days: int) -> str:
    """The Vietnamese words of a work-list reason key."""
    if reason is None:
        return ""
    return WORKLIST_REASON_LABELS_VI.get(reason, reason).format(within=within_working_days)


def _words(column: str, labels: dict[Any, str]) -> pl.Expr:
    import polars as pl

    return pl.col(column).replace_strict(labels, default=pl.col(column).cast(pl.String), return_dtype=pl.String)


def _shown(frame: pl.DataFrame, within_working_days: int) -> pl.DataFrame:
    """Every cell the text tables print, as text: dates dd/mm/yyyy, codes and keys in Vietnamese words."""
    import polars as pl

    reasons = {key: reason_label(key, within_working_days) for key in WORKLIST_REASON_LABELS_VI}
    return frame.select(
        pl.col("dossier_id"),
        pl.col("due_on").dt.strftime("%d/%m/%Y"),
        pl.col("finished_on").dt.strftime("%d/%m/%Y"),
        pl.col("working_days_left").cast(pl.String),
        pl.col("supplement_count").cast(pl.String),
        _words("status", STATUS_LABELS_VI),
        _words("status_on_as_of", STATUS_LABELS_VI),
        _words("status_now", STATUS_LABELS_VI),
        pl.col("unit_name"),
        pl.col("procedure_name"),
        _words("indicator_id", WORKLIST_INDICATOR_LABELS_VI),
        _words("kind", WORKLIST_KIND_LABELS_VI),
        _words("reason", reasons),
    ).fill_null("")


def _table(frame: pl.DataFrame, right: tuple[str, ...] = ()) -> list[str]:
    """The text columns of `frame` under their Vietnamese headings, padded to one width; the last one is not."""
    import polars as pl

    headings = [WORKLIST_COLUMN_LABELS_VI[c] for c in frame.columns]
    widths = [max(len(h), frame[c].str.len_chars().max() or 0) for h, c in zip(headings, frame.columns, strict=True)]

    def padded(cell: pl.Expr | str, column: str, width: int, last: bool) -> pl.Expr | str:
        if last:
            return cell
        if isinstance(cell, str):
            return cell.rjust(width) if column in right else cell.ljust(width)
        return cell.str.pad_start(width) if column in right else cell.str.pad_end(width)

    count = len(frame.columns)
    heading = "  " + "  ".join(padded(h, c, w, i == count - 1)
                               for i, (h, c, w) in enumerate(zip(headings, frame.columns, widths, strict=True)))
    # one string from polars: a province's month is hundreds of thousands of lines
    body = frame.select(pl.concat_str(
        [pl.lit(""), *(padded(pl.col(c), c, w, i == count - 1)
                       for i, (c, w) in enumerate(zip(frame.columns, widths, strict=True)))],
        separator="  ").str.join("\n"))
    return [heading, body.item()]


def _text(rows: pl.DataFrame, units: pl.DataFrame | None, as_of: date, unit: str | None,
          within_working_days: int) -> str:
    import polars as pl

    month = parse_period(f"{as_of:%Y-%m}")
    reference = rows["reference_on"][0] if rows.height else min(as_of, month.end)
    lines = [f"{TEXT['title'].format(as_of=as_of)} — {unit or ALL_UNITS_LABEL}",
             TEXT['scope'].format(period=month.label, start=month.start, as_of=as_of, reference=reference),
             ""]
    if units is not None:
        lines.append(TEXT['units_heading'])
        counts = units.select([pl.col(c).cast(pl.String) for c in UNIT_COLUMNS[1:]] + [pl.col("unit_name")])
        lines += _table(counts.fill_null(""), right=UNIT_COLUMNS[1:])
        lines.append("")

    opened = rows.filter(pl.col("row_kind") == "open")
    overdue = opened.filter(pl.col("is_pending_overdue"))
    due = opened.filter(~pl.col("is_pending_overdue"))
    lines.append(TEXT['open_heading'].format(count=opened.height, overdue=overdue.height))
    open_columns = ("dossier_id", "due_on", "working_days_left", "supplement_count", "status_on_as_of",
                    "status_now", "unit_name", "procedure_name", "reason")
    for heading, part in ((TEXT['overdue_heading'], overdue),
                          (TEXT['due_heading'].format(within=within_working_days), due)):
        lines.append(f" {heading}: {part.height}")
        if part.height:
            lines += _table(_shown(part, within_working_days).select(open_columns),
                            right=("working_days_left", "supplement_count"))
    lines.append("")

    closed = rows.filter(pl.col("row_kind") == "closed")
    lines.append(TEXT['closed_heading'])
    if closed.height:
        lines += _table(_shown(closed, within_working_days).select(
            "dossier_id", "finished_on", "indicator_id", "kind", "unit_name", "procedure_name", "reason"))
    else:
        lines.append(f"  {TEXT['nothing']}")
    return "\n".join(lines)


# The summary's columns after the unit's name, in print order (sql/analysis/worklist_summary.sql).
SUMMARY_COLUMNS = ("open_dossiers", "overdue_dossiers", "due_dossiers", "can_win_dossier_indicators")


def write_csv(db_path: str | os.PathLike[str], path: Path, *, as_of: str | None, unit: str | None,
              within_working_days: int) -> int:
    """The listed rows (open, then closed) with the JSON output's columns and row_kind, into `path` as UTF-8 CSV.

    Returns the number of rows written; HoaanError when `path` cannot be written.
    """
    day = None if as_of is None else parse_as_of(as_of)
    con = db.connect_reader(db_path)
    try:
        with models.explained_if_unbuilt(con, db_path):
            day = default_as_of(con) if day is None else day
            rows = worklist(con, day, kpis.unit_name(con, unit), within_working_days)
    finally:
        con.close()
    columns = ["row_kind", *OPEN_COLUMNS, *(c for c in CLOSED_COLUMNS if c not in OPEN_COLUMNS)]
    try:
        rows.select(columns).write_csv(path)
    except OSError as exc:
        raise HoaanError(f"--csv {path}: cannot be written: {exc.strerror or exc}") from exc
    return rows.height


def summary_text(db_path: str | os.PathLike[str], *, as_of: str | None, within_working_days: int) -> str:
    """One line per unit with something on its work list, and the province's total, as text.

    Reads sql/analysis/worklist_summary.sql (over the stored macro worklist_units) without polars:
    a province's summary is a quick command.
    """
    day = None if as_of is None else parse_as_of(as_of)
    con = db.connect_reader(db_path)
    try:
        with models.explained_if_unbuilt(con, db_path):
            day = default_as_of(con) if day is None else day
            params = _parameters(con, day, None, within_working_days)
            rows = db.records(con, db.sql_text("analysis", "worklist_summary"), params)
    finally:
        con.close()

    month = parse_period(f"{day:%Y-%m}")
    units = [r for r in rows if not r["is_total"]]
    total = next(r for r in rows if r["is_total"])
    headings = [WORKLIST_COLUMN_LABELS_VI[c] for c in SUMMARY_COLUMNS]
    names = [r["unit_name"] or "" for r in units] + [ALL_UNITS_LABEL]
    name_width = max(len(WORKLIST_COLUMN_LABELS_VI["unit_name"]), *(len(n) for n in names))
    cells = [[f"{r[c]:,}" for c in SUMMARY_COLUMNS] for r in (*units, total)]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headings)]

    def line(name: str, values: list[str]) -> str:
        return "  " + "  ".join([name.ljust(name_width), *(v.rjust(w) for v, w in zip(values, widths, strict=True))])

    lines = [f"{TEXT['title'].format(as_of=day)} — {ALL_UNITS_LABEL}",
             TEXT['scope'].format(period=month.label, start=month.start, as_of=day, reference=total["reference_on"]),
             "",
             TEXT['summary_heading'].format(units=len(units), within=within_working_days),
             line(WORKLIST_COLUMN_LABELS_VI["unit_name"], headings).rstrip()]
    lines += [line(name, values) for name, values in zip(names, cells, strict=True)]
    lines += ["", TEXT['summary_hint']]
    return "\n".join(lines)
