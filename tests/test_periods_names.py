"""Period names and modes (METRICS.md §4), labels, previous periods, months, errors."""

from __future__ import annotations

from datetime import date

import pytest

from hoaan_analytics.errors import PeriodError
from hoaan_analytics.periods import latest_complete_quarter, months_of, parse_period, previous_periods

CALENDAR = [
    ("2026-03", "2026-03-01", "2026-03-31", "Tháng 3 năm 2026"),
    ("2026-02", "2026-02-01", "2026-02-28", "Tháng 2 năm 2026"),
    ("2024-02", "2024-02-01", "2024-02-29", "Tháng 2 năm 2024"),
    ("2026-Q1", "2026-01-01", "2026-03-31", "Quý I năm 2026"),
    ("2026-Q4", "2026-10-01", "2026-12-31", "Quý IV năm 2026"),
    ("2026-H1", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026"),
    ("2026-H2", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026"),
    ("2026-9M", "2026-01-01", "2026-09-30", "9 tháng năm 2026"),
    ("2026", "2026-01-01", "2026-12-31", "Năm 2026"),
    ("2026-01-05..2026-02-10", "2026-01-05", "2026-02-10", "Từ ngày 05/01/2026 đến ngày 10/02/2026"),
]

# Nghị định 09/2019: from the 15th of the month before to the 14th
CUTOFF = [
    ("2026-01", "2025-12-15", "2026-01-14"),
    ("2026-03", "2026-02-15", "2026-03-14"),
    ("2026-Q1", "2025-12-15", "2026-03-14"),
    ("2026-Q2", "2026-03-15", "2026-06-14"),
    ("2026-Q4", "2026-09-15", "2026-12-14"),
    ("2026-H1", "2025-12-15", "2026-06-14"),
    ("2026-H2", "2026-06-15", "2026-12-14"),
    ("2026-9M", "2025-12-15", "2026-09-14"),
    ("2026", "2025-12-15", "2026-12-14"),
]


@pytest.mark.parametrize("name, start, end, label", CALENDAR)
def test_calendar_mode(name, start, end, label):
    period = parse_period(name)
    assert (period.start, period.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert period.label == label
    assert period.mode == "calendar"


@pytest.mark.parametrize("name, start, end", CUTOFF)
def test_cutoff_mode(name, start, end):
    period = parse_period(name, "cutoff")
    assert (period.start, period.end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_lowercase_names_and_mode_are_accepted():
    assert parse_period("2026-q1", " Cutoff ").name == "2026-Q1"


def test_range_label():
    assert parse_period("2026-Q1", "cutoff").range_label == "từ ngày 15/12/2025 đến ngày 14/03/2026"


@pytest.mark.parametrize("name", ["2026-Q5", "2026-13", "26-Q1", "Q1 2026", "", "2026-03-31..2026-01-01",
                                  "2026-02-30..2026-03-01", "2026-H3"])
def test_unknown_names(name):
    with pytest.raises(PeriodError):
        parse_period(name)


def test_unknown_mode():
    with pytest.raises(PeriodError, match="calendar, cutoff"):
        parse_period("2026-Q1", "fiscal")


def test_previous_periods_cross_years():
    assert [p.name for p in previous_periods(parse_period("2026-Q2"), 3)] == ["2025-Q3", "2025-Q4", "2026-Q1"]
    assert [p.name for p in previous_periods(parse_period("2026-02"), 2)] == ["2025-12", "2026-01"]
    assert [p.name for p in previous_periods(parse_period("2026-H1"), 2)] == ["2025-H1", "2025-H2"]
    assert [p.name for p in previous_periods(parse_period("2026-9M"), 1)] == ["2025-9M"]
    assert [p.name for p in previous_periods(parse_period("2026"), 2)] == ["2024", "2025"]


def test_previous_periods_keep_the_mode():
    (before,) = previous_periods(parse_period("2026-Q1", "cutoff"), 1)
    # 2025-Q4 cut-off: 15/09/2025 .. 14/12/2025
    assert (before.mode, before.start, before.end) == ("cutoff", date(2025, 9, 15), date(2025, 12, 14))


def test_previous_range_has_the_same_length():
    (before,) = previous_periods(parse_period("2026-03-01..2026-03-10"), 1)
    # 10 days ending 28/02/2026
    assert (before.start, before.end) == (date(2026, 2, 19), date(2026, 2, 28))


@pytest.mark.parametrize("today, mode, expected", [
    (date(2026, 4, 1), "calendar", "2026-Q1"),
    (date(2026, 3, 31), "calendar", "2025-Q4"),
    (date(2026, 1, 10), "calendar", "2025-Q4"),
    (date(2026, 3, 15), "cutoff", "2026-Q1"),
    (date(2026, 3, 14), "cutoff", "2025-Q4"),
])
def test_latest_complete_quarter(today, mode, expected):
    assert latest_complete_quarter(today, mode).name == expected


def test_months_of_a_cutoff_quarter_cross_the_year():
    months = months_of(parse_period("2026-Q1", "cutoff"))
    assert [(m.name, m.start, m.end) for m in months] == [
        ("2026-01", date(2025, 12, 15), date(2026, 1, 14)),
        ("2026-02", date(2026, 1, 15), date(2026, 2, 14)),
        ("2026-03", date(2026, 2, 15), date(2026, 3, 14)),
    ]


def test_months_of_a_range_are_clipped():
    months = months_of(parse_period("2026-01-20..2026-03-05"))
    assert [(m.start, m.end) for m in months] == [
        (date(2026, 1, 20), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 5)),
    ]
