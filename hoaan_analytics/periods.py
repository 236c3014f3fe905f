"""Reporting periods (METRICS.md §4): names like 2026-03, 2026-Q1, 2026-H1, 2026-9M, 2026, A..B.

Mode `calendar` (the national index, default) uses calendar ranges; mode `cutoff`
(Nghị định 09/2019/NĐ-CP) runs from the 15th of the month before to the 14th.
A period is a closed range of dates [start, end].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hoaan_analytics.errors import PeriodError
from hoaan_analytics.labels_vi import PERIOD_LABELS_VI

MODES = ("calendar", "cutoff")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

_PATTERNS = (
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)),
    ("half", re.compile(r"^(\d{4})-H([12])$", re.IGNORECASE)),
    ("nine_months", re.compile(r"^(\d{4})-9M$", re.IGNORECASE)),
    ("year", re.compile(r"^(\d{4})$")),
    ("range", re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")),
)


@dataclass(frozen=True)
class Period:
    """A reporting period: its canonical name, mode, closed date range and Vietnamese label."""

    name: str
    mode: str
    start: date
    end: date
    label: str  # e.g. "Quý I năm 2026", "6 tháng đầu năm 2026"
    kind: str  # month | quarter | half | nine_months | year | range

    @property
    def range_label(self) -> str:
        """'từ ngày 15/12/2025 đến ngày 14/03/2026'."""
        return PERIOD_LABELS_VI["dates"].format(start=self.start, end=self.end)

    @property
    def days(self) -> int:
        """Number of calendar days in the period."""
        return (self.end - self.start).days + 1


def _month_start(year: int, month: int) -> date:
    # month may run below 1 or above 12: carry into the year
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, 1)


def _month_range(year: int, first: int, last: int, mode: str) -> tuple[date, date]:
    """Months first..last of `year` (1-based) as a calendar or cut-off range."""
    if mode == "cutoff":
        return _month_start(year, first - 1).replace(day=15), _month_start(year, last).replace(day=14)
    return _month_start(year, first), _month_start(year, last + 1) - timedelta(days=1)


def _check_mode(mode: str) -> str:
    clean = (mode or "").strip().lower()
    if clean not in MODES:
        raise PeriodError(f"unknown period mode {mode!r}: use one of {', '.join(MODES)}")
    return clean


def parse_period(name: str, mode: str = "calendar") -> Period:
    """The Period named `name` in `mode` ('calendar' or 'cutoff'); PeriodError if unknown.

    An explicit range `A..B` is taken as given in either mode.
    """
    mode = _check_mode(mode)
    text = (name or "").strip()
    found = next(((kind, match) for kind, pattern in _PATTERNS if (match := pattern.match(text))), None)
    if found is None:
        raise PeriodError(
            f"unknown period {name!r}: use 2026-03, 2026-Q1, 2026-H1, 2026-H2, 2026-9M, 2026 "
            f"or 2026-01-01..2026-03-31"
        )
    kind, match = found
    if kind == "range":
        try:
            start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
        except ValueError as exc:
            raise PeriodError(f"period {name!r}: {exc}") from None
        if end < start:
            raise PeriodError(f"period {name!r} ends before it starts")
        label = PERIOD_LABELS_VI["range"].format(start=start, end=end)
        return Period(f"{start.isoformat()}..{end.isoformat()}", mode, start, end, label, kind)
    year = int(match[1])
    if kind == "month":
        month = int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"unknown period {name!r}: month {month} does not exist")
        first, last, canonical = month, month, f"{year}-{month:02d}"
        label = PERIOD_LABELS_VI["month"].format(month=month, year=year)
    elif kind == "quarter":
        quarter = int(match[2])
        first, last = 3 * quarter - 2, 3 * quarter
        canonical, label = f"{year}-Q{quarter}", PERIOD_LABELS_VI["quarter"].format(roman=ROMAN[quarter], year=year)
    elif kind == "half":
        half = int(match[2])
        first, last = (1, 6) if half == 1 else (7, 12)
        canonical = f"{year}-H{half}"
        label = PERIOD_LABELS_VI[f"half_{half}"].format(year=year)
    elif kind == "nine_months":
        first, last, canonical, label = 1, 9, f"{year}-9M", PERIOD_LABELS_VI["nine_months"].format(year=year)
    else:
        first, last, canonical, label = 1, 12, f"{year}", PERIOD_LABELS_VI["year"].format(year=year)
    start, end = _month_range(year, first, last, mode)
    return Period(canonical, mode, start, end, label, kind)


def previous_periods(period: Period, n: int) -> list[Period]:
    """The `n` periods of the same kind and mode just before `period`, oldest first.

    Months and quarters step back one at a time, halves alternate H2/H1, 9M and years
    step back a year; an explicit range steps back by its own length. For a trend,
    use `[*previous_periods(p, 3), p]`.
    """
    result: list[Period] = []
    current = period
    for _ in range(n):
        current = _previous(current)
        result.append(current)
    return result[::-1]


def _previous(period: Period) -> Period:
    year = int(period.name[:4])
    if period.kind == "month":
        start = _month_start(year, int(period.name[5:7]) - 1)
        return parse_period(f"{start.year}-{start.month:02d}", period.mode)
    if period.kind == "quarter":
        quarter = int(period.name[-1])
        return parse_period(f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}", period.mode)
    if period.kind == "half":
        return parse_period(f"{year - 1}-H2" if period.name.endswith("H1") else f"{year}-H1", period.mode)
    if period.kind == "nine_months":
        return parse_period(f"{year - 1}-9M", period.mode)
    if period.kind == "year":
        return parse_period(f"{year - 1}", period.mode)
    end = period.start - timedelta(days=1)
    start = end - timedelta(days=period.days - 1)
    return parse_period(f"{start.isoformat()}..{end.isoformat()}", period.mode)


def latest_complete_quarter(today: date, mode: str = "calendar") -> Period:
    """The last quarter (in `mode`) that ended before `today`."""
    mode = _check_mode(mode)
    for year in (today.year, today.year - 1):
        for quarter in (4, 3, 2, 1):
            period = parse_period(f"{year}-Q{quarter}", mode)
            if period.end < today:
                return period
    raise AssertionError("unreachable: a quarter of the previous year always ended before today")


def months_of(period: Period) -> list[Period]:
    """The months (in the period's mode) that make up `period`, for a by-month breakdown.

    An explicit range is cut at calendar month ends (clipped to the range) in either mode.
    """
    if period.kind == "range":
        months = []
        start = period.start
        while start <= period.end:
            end = min(_month_start(start.year, start.month + 1) - timedelta(days=1), period.end)
            label = PERIOD_LABELS_VI["month"].format(month=start.month, year=start.year)
            months.append(Period(f"{start.isoformat()}..{end.isoformat()}", period.mode, start, end, label, "range"))
            start = end + timedelta(days=1)
        return months
    months = []
    probe = parse_period(f"{period.end.year}-{period.end.month:02d}", period.mode)
    while probe.end >= period.start:
        months.append(probe)
        probe = _previous(probe)
    return months[::-1]
