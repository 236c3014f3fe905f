"""The plan's KPIs for a period and a scope (METRICS.md §5–§6), from `dossier_facts`.

Every rule lives in SQL (sql/facts/dossier_facts.sql and the table macros of sql/marts/,
stored in the database: `period_kpis`, `period_list_kpis`, ...); this module picks the
parameters, checks unit names and shapes the result.

Rows are read with `db.records` and polars is imported only where a frame is made
(kpi_table, time_reduction_left_out), so that `hoaan kpis --json` starts in about
the time of Python and DuckDB alone (bench: "hoaan kpis --json / bare connect-and-count").
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from hoaan_analytics import db, models
from hoaan_analytics.errors import HoaanError, UnknownUnitError
from hoaan_analytics.labels_vi import ALL_UNITS_LABEL, KPI_LABELS_VI, MODE_LABELS_VI
from hoaan_analytics.periods import Period, latest_complete_quarter, months_of, parse_period

if TYPE_CHECKING:
    import polars as pl

# The keys of METRICS.md §6, in the contract's order.
KPI_KEYS: tuple[str, ...] = (
    "received", "received_online", "received_offline", "carried_over", "handled",
    "resolved", "resolved_early", "resolved_on_time", "resolved_late",
    "pending", "pending_in_time", "pending_overdue",
    "on_time_rate", "progress_rate", "online_share",
    "fee_dossiers", "cashless_share", "online_payment_share",
    "time_reduction", "within_70pct_share", "satisfaction_rate",
)
RATIO_KEYS: tuple[str, ...] = (
    "on_time_rate", "progress_rate", "online_share", "cashless_share", "online_payment_share",
    "time_reduction", "within_70pct_share", "satisfaction_rate",
)
COUNT_KEYS: tuple[str, ...] = tuple(k for k in KPI_KEYS if k not in RATIO_KEYS)

BY_CHOICES = ("field", "procedure", "unit", "month")
# group column(s) of kpi_table for each `by`
GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "field": ("field_name",),
    "procedure": ("procedure_code", "procedure_name"),
    "unit": ("unit_name",),
    "month": ("month", "month_label", "start", "end"),
}

_UNITS_SQL = "select unit_name, unit_key from dossier_units order by unit_name"
# METRICS.md §2 matching, stated once in the stored macro text_key (sql/schema/text_key.sql)
_UNIT_KEY_SQL = "select text_key($unit) as unit_key"


def units(con: db.Connection) -> list[str]:
    """The unit names present in the data (one spelling per unit), sorted."""
    return [row["unit_name"] for row in db.records(con, _UNITS_SQL)]


def resolve_unit(con: db.Connection, unit: str | None) -> str | None:
    """The comparison key of `unit` (NFC, trimmed, case-folded); UnknownUnitError if not in the data."""
    if unit is None:
        return None
    key = db.scalar(con, _UNIT_KEY_SQL, {"unit": unit})
    known = db.records(con, _UNITS_SQL)
    if key not in [row["unit_key"] for row in known]:
        names = [row["unit_name"] for row in known]
        listing = "; ".join(names) if names else "(no dossiers loaded)"
        raise UnknownUnitError(f"unknown unit {unit!r}; the data has these units: {listing}")
    return key


def unit_name(con: db.Connection, unit: str | None) -> str | None:
    """The data's own spelling of `unit` (matched as METRICS.md §2 says); UnknownUnitError if absent."""
    key = resolve_unit(con, unit)
    if key is None:
        return None
    return db.scalar(con, "select unit_name from dossier_units where unit_key = $key", {"key": key})


def default_period(con: db.Connection, mode: str = "calendar") -> Period:
    """The latest complete quarter of the data: the quarter before the one holding the newest event.

    With no dossiers at all, the quarter before today's.
    """
    newest = db.scalar(con, "select newest_event_on from dossier_extent")
    return latest_complete_quarter(newest or date.today(), mode)


_PERIOD_KPIS_SQL = "select * from period_kpis($d0, $d1, $unit_name, $breakdown)"
_PERIOD_LIST_KPIS_SQL = "select * from period_list_kpis($periods, $unit_name, 'none')"


def _period_rows(con: db.Connection, period: Period, unit: str | None, breakdown: str) -> list[dict[str, Any]]:
    """period_kpis' rows: one per group of `breakdown`, and the scope's total (is_total)."""
    return db.records(con, _PERIOD_KPIS_SQL,
                      {"d0": period.start, "d1": period.end, "unit_name": unit, "breakdown": breakdown})


def _total(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return _as_dict(next(row for row in rows if row["is_total"]))


def period_list(periods: list[Period]) -> list[dict[str, Any]]:
    """The `periods` argument of the list macros (period_list_kpis, period_list_handled).

    One {period_name, period_start, period_end} struct per period.
    """
    return [{"period_name": each.name, "period_start": each.start, "period_end": each.end} for each in periods]


def _as_dict(row: dict[str, Any]) -> dict[str, Any]:
    result = {}
    for key in KPI_KEYS:
        value = row[key]
        result[key] = (None if value is None else float(value)) if key in RATIO_KEYS else int(value or 0)
    return result


def compute_kpis(con: db.Connection, period: Period, *, unit: str | None = None) -> dict[str, Any]:
    """The METRICS.md §6 numbers for `period`, all units or one: exactly the §6 keys.

    Counts are ints; ratios are floats in [0, 1] (time_reduction may fall below 0)
    or None when their denominator is zero.
    """
    resolve_unit(con, unit)
    return _total(_period_rows(con, period, unit, "none"))


def kpi_table(con: db.Connection, period: Period, *, unit: str | None = None,
              by: str | None = None) -> pl.DataFrame:
    """One row per group (field, procedure, unit or month) with its group column(s) and the §6 keys.

    With `by=None`, one row for the whole scope. Month rows are the months of the
    period in its own mode (cut-off months for a cut-off period), each judged as a
    period of its own.
    """
    import polars as pl

    if by is not None and by not in BY_CHOICES:
        raise HoaanError(f"unknown breakdown {by!r}: use one of {', '.join(BY_CHOICES)}")
    resolve_unit(con, unit)
    if by is None:
        return pl.DataFrame([_total(_period_rows(con, period, unit, "none"))], schema=_kpi_schema())
    if by == "month":
        months = months_of(period)
        # every month in one query, each judged as a period of its own (period_list_kpis.sql)
        totals = db.records(con, _PERIOD_LIST_KPIS_SQL, {"periods": period_list(months), "unit_name": unit})
        by_name = {row["period_name"]: row for row in totals}
        rows = [{"month": month.name, "month_label": month.label, "start": month.start, "end": month.end,
                 **_as_dict(by_name[month.name])} for month in months]
        schema = {"month": pl.String, "month_label": pl.String, "start": pl.Date, "end": pl.Date,
                  **_kpi_schema()}
        return pl.DataFrame(rows, schema=schema)
    rows = [{**{c: r[c] for c in GROUP_COLUMNS[by]}, **_as_dict(r)}
            for r in _period_rows(con, period, unit, by) if not r["is_total"]]
    schema = {c: pl.String for c in GROUP_COLUMNS[by]} | _kpi_schema()
    return pl.DataFrame(rows, schema=schema)


def _kpi_schema() -> dict[str, pl.DataType]:
    import polars as pl

    return {k: (pl.Float64 if k in RATIO_KEYS else pl.Int64) for k in KPI_KEYS}


_LEFT_OUT_SQL = "select * from time_reduction_left_out($d0, $d1, $unit_name)"


def time_reduction_left_out(con: db.Connection, period: Period, *, unit: str | None = None) -> pl.DataFrame:
    """Procedures with dossiers resolved in the period that time_reduction leaves out (no catalogue entry).

    Columns: procedure_code, procedure_name, dossiers. Empty when the catalogue covers everything.
    """
    resolve_unit(con, unit)
    return db.query(con, _LEFT_OUT_SQL, {"d0": period.start, "d1": period.end, "unit_name": unit})


@dataclass
class KpisOutput:
    """What `hoaan kpis` prints: the text for stdout and notes for stderr."""

    text: str
    notes: list[str] = field(default_factory=list)


def kpis_output(db_path: str | os.PathLike[str], period_name: str, *, mode: str = "calendar",
                unit: str | None = None, by: str | None = None, as_json: bool = False) -> KpisOutput:
    """Open the database read-only and format the KPIs of one period as JSON or a readable table."""
    period = parse_period(period_name, mode)
    con = db.connect_reader(db_path)
    try:
        with models.explained_if_unbuilt(con, db_path):
            if by is None:
                values = compute_kpis(con, period, unit=unit)
                if as_json:
                    text = json.dumps(values, ensure_ascii=False, indent=1)
                else:
                    width = max(len(k) for k in KPI_KEYS)
                    scope = unit if unit is not None else ALL_UNITS_LABEL
                    lines = [f"{period.label} ({period.range_label}, {MODE_LABELS_VI[period.mode]}) — {scope}"]
                    lines += [f"{k:<{width}}  {_fmt(k, values[k]):>10}  {KPI_LABELS_VI[k]}" for k in KPI_KEYS]
                    text = "\n".join(lines)
            else:
                table = kpi_table(con, period, unit=unit, by=by)
                if as_json:
                    text = json.dumps(table.to_dicts(), ensure_ascii=False, indent=1, default=str)
                else:
                    import polars as pl

                    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_width_chars=10_000, fmt_str_lengths=60):
                        text = f"{period.label} ({period.range_label}, {MODE_LABELS_VI[period.mode]})\n{table}"
            # rows, not time_reduction_left_out's frame: the all-units JSON path never loads polars
            left_out = db.records(con, _LEFT_OUT_SQL, {"d0": period.start, "d1": period.end, "unit_name": unit})
    finally:
        con.close()
    notes = [
        f"time_reduction leaves out {r['dossiers']} resolved dossier(s) of procedure {r['procedure_code']} "
        f"({r['procedure_name'] or 'no name'}): it is not in the procedure catalogue (params/procedures.csv)"
        for r in left_out
    ]
    return KpisOutput(text, notes)


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key in RATIO_KEYS:
        return f"{value:.1%}"
    return str(value)
