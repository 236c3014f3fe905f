"""Period-scoped detail analyses behind the report notebooks, from `dossier_facts`.

The KPI numbers themselves always come from `kpis` (sql/marts/period_kpis.sql);
this module adds what a KPI does not show: which dossiers are overdue, why late
ones were late, how fees were paid, where processing time goes, how units rank,
what in the data looks wrong. Each function takes an explicit connection and
returns a polars frame of aggregated rows or of dossier ids — never personal data,
which the database does not hold.

The period-scoped queries in sql/analysis/ read the table macro
`period_dossiers(d0, d1, unit_name)` (sql/marts/period_dossiers.sql, stored in the
database), so that the sets of METRICS.md §5 are written once for all detail queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.kpis import KPI_KEYS, RATIO_KEYS, compute_kpis, resolve_unit
from hoaan_analytics.labels_vi import (
    ANOMALY_LABELS_VI,
    FIELD_LABELS_VI,
    GLIDE_METHOD_VI,
    LATE_REASON_LABELS_VI,
    NO_FIELD_LABEL,
    PAYMENT_CLASS_LABELS_VI,
    SET_ASIDE_REASON_LABELS_VI,
    SHORT_PERIOD_LABELS_VI,
)
from hoaan_analytics.periods import ROMAN, Period, parse_period, previous_periods
from hoaan_analytics.targets import Target, is_met

_UNIT_COMPARISON_SQL = "select * from period_unit_comparison($d0, $d1)"


def reference_on(con: db.Connection, period: Period) -> date:
    """The reference date r of `period`: min(end of period, newest event of the data) (METRICS.md §5)."""
    return db.scalar(con, "select reference_on from period_bounds($d0, $d1)", {"d0": period.start, "d1": period.end})


def _period_query(con: db.Connection, name: str, period: Period, unit: str | None,
                  extra: dict[str, Any] | None = None) -> pl.DataFrame:
    """Run sql/analysis/<name>.sql, which reads `period_dossiers($d0, $d1, $unit_name)`."""
    resolve_unit(con, unit)
    params = {"d0": period.start, "d1": period.end, "unit_name": unit, **(extra or {})}
    return db.query(con, db.sql_text("analysis", name), params)


def late_by_reason(con: db.Connection, period: Period, *, unit: str | None = None,
                   by: str = "field") -> pl.DataFrame:
    """One row per (field, reason) of the dossiers resolved late in the period; per reason with `by='none'`.

    Columns: field_name (null with by='none'), late_reason ('after_due' |
    'repeated_supplement' | 'both'), late_reason_label (Vietnamese), dossiers,
    mean_working_days_late (past the due date, at the effective end). Sorted by field, then reason.
    """
    if by not in ("field", "none"):
        raise HoaanError(f"unknown breakdown {by!r}: use field or none")
    frame = _period_query(con, "late_by_reason", period, unit, {"breakdown": by})
    return (
        frame.with_columns(
            pl.col("field_name").fill_null(NO_FIELD_LABEL) if by == "field" else pl.col("field_name"),
            pl.col("late_reason").replace_strict(LATE_REASON_LABELS_VI, return_dtype=pl.String)
            .alias("late_reason_label"),
            pl.col("dossiers").cast(pl.Int64),
        )
        .select("field_name", "late_reason", "late_reason_label", "dossiers", "mean_working_days_late")
        .sort("field_name", "late_reason")
    )


def pending_overdue(con: db.Connection, period: Period, *, unit: str | None = None) -> pl.DataFrame:
    """The dossiers still open at the end of the period and overdue at its reference date, most overdue first.

    Columns: dossier_id, unit_name, field_name, procedure_code, procedure_name,
    received_on, due_on, working_days_overdue (working days from the due date to
    the reference date). Their number is the KPI pending_overdue.
    """
    frame = _period_query(con, "pending_overdue", period, unit)
    return frame.with_columns(pl.col("working_days_overdue").cast(pl.Int64)).sort(
        ["working_days_overdue", "dossier_id"], descending=[True, False], nulls_last=True)


def payment_mix(con: db.Connection, period: Period, *, unit: str | None = None,
                by: str = "none") -> pl.DataFrame:
    """Dossiers with a fee received in the period, by group and payment class (exclusive classes).

    `by`: 'none' (one group 'all'), 'field', 'procedure' or 'unit'. Columns:
    group_name, payment_class ('online' | 'cashless' | 'cash'), payment_label
    (Vietnamese), dossiers, group_dossiers (the group's dossiers with a fee). A dossier paid online
    counts as 'online' only, so
    online + cashless is the KPI cashless_share's numerator when every online
    payment names a non-cash method.
    """
    if by not in ("none", "field", "procedure", "unit"):
        raise HoaanError(f"unknown breakdown {by!r}: use none, field, procedure or unit")
    frame = _period_query(con, "payment_mix", period, unit, {"breakdown": by})
    order = {key: rank for rank, key in enumerate(PAYMENT_CLASS_LABELS_VI)}
    return (
        frame.with_columns(
            pl.col("group_name").fill_null(NO_FIELD_LABEL),
            pl.col("payment_class").replace_strict(PAYMENT_CLASS_LABELS_VI, return_dtype=pl.String)
            .alias("payment_label"),
            pl.col("dossiers").cast(pl.Int64),
            pl.col("group_dossiers").cast(pl.Int64),
            pl.col("payment_class").replace_strict(order, return_dtype=pl.Int64).alias("_rank"),
        )
        .sort("group_name", "_rank")
        .select("group_name", "payment_class", "payment_label", "dossiers", "group_dossiers")
    )


def processing_time(con: db.Connection, period: Period, *, unit: str | None = None) -> pl.DataFrame:
    """Per procedure, the dossiers of time_reduction resolved in the period: elapsed vs statutory days.

    Columns: procedure_code, procedure_name, field_name, statutory_days, dossiers,
    elapsed_working_days, statutory_working_days (sums), mean_elapsed_working_days,
    within_70pct_dossiers, over_limit_dossiers, paused_dossiers, mean_supplement_pause_working_days,
    late_dossiers, mean_working_days_late, mean_working_days_to_return, time_reduction
    (1 − Σ elapsed / Σ statutory of the procedure), within_70pct_share (within_70pct_dossiers /
    dossiers). Most dossiers first. All computed in sql/analysis/processing_time.sql.
    """
    frame = _period_query(con, "processing_time", period, unit).filter(~pl.col("is_total"))
    return (
        frame.select(*PROCESSING_TIME_COLUMNS)
        .with_columns(*(pl.col(c).cast(pl.Int64) for c in PROCESSING_TIME_COUNTS))
        .sort(["dossiers", "procedure_code"], descending=[True, False])
    )


PROCESSING_TIME_COLUMNS = (
    "procedure_code", "procedure_name", "field_name", "statutory_days", "dossiers", "elapsed_working_days",
    "statutory_working_days", "mean_elapsed_working_days", "within_70pct_dossiers", "over_limit_dossiers",
    "paused_dossiers", "mean_supplement_pause_working_days", "late_dossiers", "mean_working_days_late",
    "mean_working_days_to_return", "time_reduction", "within_70pct_share",
)
PROCESSING_TIME_COUNTS = ("statutory_days", "dossiers", "elapsed_working_days", "statutory_working_days",
                          "within_70pct_dossiers", "over_limit_dossiers", "paused_dossiers", "late_dossiers")


def processing_time_total(con: db.Connection, period: Period, *, unit: str | None = None) -> dict[str, Any] | None:
    """The totals over every procedure of `processing_time` (None when no dossier counts).

    Keys: procedures, dossiers, elapsed_working_days, statutory_working_days, over_limit_dossiers,
    paused_dossiers, supplement_pause_working_days (sum), late_dossiers, working_days_late (sum),
    time_reduction, within_70pct_share.
    """
    total = _period_query(con, "processing_time", period, unit).filter(pl.col("is_total"))
    if total.is_empty():
        return None
    row = total.row(0, named=True)
    keys = ("procedures", "dossiers", "elapsed_working_days", "statutory_working_days", "over_limit_dossiers",
            "paused_dossiers", "supplement_pause_working_days", "late_dossiers", "working_days_late",
            "time_reduction", "within_70pct_share")
    ratios = ("time_reduction", "within_70pct_share")
    return {k: (row[k] if k in ratios else int(row[k] or 0)) for k in keys}


def quality_anomalies(con: db.Connection, period: Period, *, unit: str | None = None) -> pl.DataFrame:
    """Kinds of anomaly among the dossiers handled in the period, most frequent first.

    Columns: anomaly (key), anomaly_label (Vietnamese), dossiers, example_dossier_ids
    (up to five ids, comma-separated). Only kinds that occur are listed.
    """
    frame = _period_query(con, "quality_anomalies", period, unit)
    order = {key: rank for rank, key in enumerate(ANOMALY_LABELS_VI)}
    return (
        frame.with_columns(
            pl.col("anomaly").replace_strict(ANOMALY_LABELS_VI, return_dtype=pl.String).alias("anomaly_label"),
            pl.col("dossiers").cast(pl.Int64),
            pl.col("example_dossier_ids").list.join(", "),
            pl.col("anomaly").replace_strict(order, return_dtype=pl.Int64).alias("_rank"),
        )
        .sort(["dossiers", "_rank"], descending=[True, False])
        .select("anomaly", "anomaly_label", "dossiers", "example_dossier_ids")
    )


def load_history(con: db.Connection) -> pl.DataFrame:
    """One row per file loaded, oldest first: load_id, file_name, file_format, loaded_at, rows_read,
    loaded, set_aside, skipped."""
    return db.query(con, db.sql_text("analysis", "load_history"))


def set_aside_by_reason(con: db.Connection) -> pl.DataFrame:
    """Rows set aside at loading, per (file, field, reason), with Vietnamese labels.

    Columns: load_id, file_name, field, field_label, reason, reason_label,
    rows_set_aside, example_source_rows (up to five row numbers as a spreadsheet shows them).
    """
    frame = db.query(con, db.sql_text("analysis", "set_aside_by_reason"))
    return frame.with_columns(
        pl.col("field").replace_strict(FIELD_LABELS_VI, default=pl.col("field"), return_dtype=pl.String)
        .alias("field_label"),
        pl.col("reason").replace_strict(SET_ASIDE_REASON_LABELS_VI, default=pl.col("reason"),
                                        return_dtype=pl.String).alias("reason_label"),
        pl.col("rows_set_aside").cast(pl.Int64),
        pl.col("example_source_rows").cast(pl.List(pl.String)).list.join(", "),
    ).select("load_id", "file_name", "field", "field_label", "reason", "reason_label",
             "rows_set_aside", "example_source_rows")


def stored_summary(con: db.Connection) -> dict[str, Any]:
    """What the database holds: stored_dossiers, never_received_dossiers (status 1 or 3),
    units, first_received_on, newest_event_on, loaded_files (files in the load log, skipped ones
    included), set_aside_rows (rows set aside over every load)."""
    return db.query(con, db.sql_text("analysis", "stored_summary")).row(0, named=True)


def unit_ranking(con: db.Connection, period: Period, kpi: str) -> pl.DataFrame:
    """Every unit's value of one ratio KPI in the period, ranked best first, with the units' median.

    Columns: rank (1 = best, ties share a rank; units with no value are last and
    unranked), unit_name, value, dossiers (the count the ratio is taken over, see
    sql/marts/period_unit_comparison.sql), median (the same on every row: the median over units with a
    value), gap_to_median.
    """
    if kpi not in RATIO_KEYS:
        raise HoaanError(f"unknown ratio KPI {kpi!r}: use one of {', '.join(RATIO_KEYS)}")
    frame = unit_comparison(con, period).filter(pl.col("kpi") == kpi)
    return frame.select(pl.col("rank").cast(pl.Int64), "unit_name", "value",
                        pl.col("dossiers").cast(pl.Int64), "median", "gap_to_median")


def unit_comparison(con: db.Connection, period: Period) -> pl.DataFrame:
    """One row per (KPI of §6, unit) of the period: value, rank, the units' median (period_unit_comparison.sql).

    Columns: kpi, rank, unit_name, value (counts as floats), dossiers (for a ratio: the
    count it is taken over), median, gap_to_median. Best first within each KPI.
    """
    return db.query(con, _UNIT_COMPARISON_SQL, {"d0": period.start, "d1": period.end})


def short_label(period: Period) -> str:
    """A short Vietnamese period label for chart axes: 'Quý III/2026', 'T3/2026', '6T đầu/2026', '2026'."""
    year = period.name[:4]
    if period.kind == "quarter":
        return SHORT_PERIOD_LABELS_VI["quarter"].format(roman=ROMAN[int(period.name[6])], year=year)
    if period.kind == "month":
        return SHORT_PERIOD_LABELS_VI["month"].format(month=int(period.name[5:7]), year=year)
    if period.kind == "half":
        return SHORT_PERIOD_LABELS_VI[f"half_{period.name[6]}"].format(year=year)
    if period.kind in ("nine_months", "year"):
        return SHORT_PERIOD_LABELS_VI[period.kind].format(year=year)
    return SHORT_PERIOD_LABELS_VI["range"].format(start=period.start, end=period.end)


KpisOf = Callable[[Period], dict[str, Any]]


def _kpis_source(con: db.Connection, unit: str | None, kpis_of: KpisOf | None) -> KpisOf:
    return kpis_of if kpis_of is not None else (lambda each: compute_kpis(con, each, unit=unit))


def kpi_trend(con: db.Connection, period: Period, *, unit: str | None = None, periods: int = 4,
              kpis_of: KpisOf | None = None) -> pl.DataFrame:
    """The KPIs of `period` and the `periods − 1` periods of the same kind before it, oldest first.

    Columns: period_name, period_label (short, for axes), start, end, then the §6 keys.
    `kpis_of(period)` must return compute_kpis(con, period, unit=unit); a report
    passes its own cache (sections.context.ReportContext.kpis_of) so that no period
    is computed twice.
    """
    kpis_of = _kpis_source(con, unit, kpis_of)
    rows = []
    for each in [*previous_periods(period, periods - 1), period]:
        values = kpis_of(each)
        rows.append({"period_name": each.name, "period_label": short_label(each),
                     "start": each.start, "end": each.end, **values})
    schema = {"period_name": pl.String, "period_label": pl.String, "start": pl.Date, "end": pl.Date,
              **{k: (pl.Float64 if k in RATIO_KEYS else pl.Int64) for k in KPI_KEYS}}
    return pl.DataFrame(rows, schema=schema)


def same_period_year_before(period: Period) -> Period:
    """The period of the same kind and mode one year earlier (2026-Q3 -> 2025-Q3)."""
    if period.kind == "range":
        start = _year_before(period.start)
        end = _year_before(period.end)
        return parse_period(f"{start.isoformat()}..{end.isoformat()}", period.mode)
    return parse_period(f"{int(period.name[:4]) - 1}{period.name[4:]}", period.mode)


def _year_before(day: date) -> date:
    # 29 February has no counterpart: the 28th stands in
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


@dataclass(frozen=True)
class GlidePathMethod:
    """How the glide path is computed, for the report's text."""

    description: str = GLIDE_METHOD_VI


def glide_path(con: db.Connection, period: Period, targets: list[Target], *,
               unit: str | None = None, kpis_of: KpisOf | None = None) -> pl.DataFrame:
    """For each target of the plan to reach by a year (by_year, e.g. 2030): on track at the current pace?

    Method (kept simple on purpose, stated in GlidePathMethod): pace = value of the
    period − value of the same period a year earlier, per year; years_left = time
    from the end of the period to 31/12 of the target year, in years; projected =
    value + pace × years_left, capped at 1; needed_pace = (target − value) / years_left.
    status: 'met' (value ≥ target already), 'on_track' (projected ≥ target),
    'off_track', or 'unknown' (no value now or a year earlier).

    Columns: kpi, target, by_year, value, value_year_before, pace_per_year,
    years_left, projected, needed_pace_per_year, status. `kpis_of`: as in kpi_trend.
    """
    kpis_of = _kpis_source(con, unit, kpis_of)
    year_before = same_period_year_before(period)
    now = kpis_of(period)
    before = kpis_of(year_before)
    rows = []
    for target in targets:
        if target.by_year is None or target.fields:
            continue
        value, previous = now[target.kpi], before[target.kpi]
        years_left = max((date(target.by_year, 12, 31) - period.end).days, 0) / 365.25
        pace = value - previous if value is not None and previous is not None else None
        projected = None if pace is None else min(value + pace * years_left, 1.0)
        needed = (target.value - value) / years_left if value is not None and years_left > 0 else None
        if is_met(value, target.value):
            status = "met"
        elif projected is None:
            status = "unknown"
        elif projected >= target.value:
            status = "on_track"
        else:
            status = "off_track"
        rows.append({"kpi": target.kpi, "target": target.value, "by_year": target.by_year, "value": value,
                     "value_year_before": previous, "pace_per_year": pace, "years_left": years_left,
                     "projected": projected, "needed_pace_per_year": needed, "status": status})
    schema = {"kpi": pl.String, "target": pl.Float64, "by_year": pl.Int64, "value": pl.Float64,
              "value_year_before": pl.Float64, "pace_per_year": pl.Float64, "years_left": pl.Float64,
              "projected": pl.Float64, "needed_pace_per_year": pl.Float64, "status": pl.String}
    return pl.DataFrame(rows, schema=schema)


# --- report 08 Việc cần làm: the work list counted ---------------------------------------------------

def worklist_counts(con: db.Connection, as_of: date, *, unit: str | None = None,
                    within_working_days: int = 3) -> pl.DataFrame:
    """The work list of `as_of` (stored macro `worklist`) counted per row kind, overdue, point kind, indicator, reason.

    Columns: row_kind ('open' | 'closed'), is_pending_overdue (false for closed rows), kind
    ('lost' | 'can_win', null for open rows), indicator_id (null for open rows), reason, rows.
    """
    resolve_unit(con, unit)
    return db.query(con, db.sql_text("analysis", "worklist_counts"),
                    {"as_of": as_of, "unit_name": unit, "within_working_days": within_working_days})
