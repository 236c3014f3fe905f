"""The glide path to a target year: pace from the same period a year before, projection, pace needed.

online_share: 2025-Q1 has 4 received, 1 online -> 0,25; 2026-Q1 has 4 received, 2 online -> 0,5.
pace = 0,5 − 0,25 = 0,25 per year.
Target 90% by 2030: years_left = (31/12/2030 − 31/3/2026) = 1736 days / 365,25 = 4,7529;
  projected = min(0,5 + 0,25 × 4,7529, 1) = 1 ≥ 0,9 -> on_track; needed = 0,4 / 4,7529 = 0,0842.
Target 90% by 2026: years_left = 275 / 365,25 = 0,7529; projected = 0,5 + 0,25 × 0,7529 = 0,6882 -> off_track.
Target 40% by 2030: 0,5 ≥ 0,4 already -> met.
online_payment_share 80% by 2030: no dossier with a fee -> no value -> unknown.
on_time_rate ≥ 95% from 2025 has no target year: not in the glide path.
"""

from datetime import date

import pytest
from helpers import build_database

from hoaan_analytics import analyses
from hoaan_analytics.periods import parse_period
from hoaan_analytics.targets import Target


def _quarter(year: int, online: int) -> list[dict]:
    return [{"received_at": f"{year}-03-02 08:00", "due_at": f"{year}-03-02 16:30",
             "finished_at": f"{year}-03-02 10:00", "channel": 2 if i < online else 1} for i in range(4)]


@pytest.fixture
def loaded(con, params_dir):
    build_database(con, params_dir, _quarter(2025, 1) + _quarter(2026, 2))
    return con


TARGETS = [
    Target("on_time_rate", 0.95, from_year=2025),
    Target("online_share", 0.9, by_year=2030),
    Target("online_share", 0.9, by_year=2026),
    Target("online_share", 0.4, by_year=2030),
    Target("online_payment_share", 0.8, by_year=2030),
]


def test_glide_path(loaded):
    glide = analyses.glide_path(loaded, parse_period("2026-Q1"), TARGETS)
    assert glide["kpi"].to_list() == ["online_share"] * 3 + ["online_payment_share"]
    assert glide["status"].to_list() == ["on_track", "off_track", "met", "unknown"]
    first, second = glide.row(0, named=True), glide.row(1, named=True)
    assert (first["value"], first["value_year_before"], first["pace_per_year"]) == (0.5, 0.25, 0.25)
    assert first["years_left"] == pytest.approx(1736 / 365.25)
    assert first["projected"] == 1.0
    assert first["needed_pace_per_year"] == pytest.approx(0.4 / (1736 / 365.25))
    assert second["projected"] == pytest.approx(0.5 + 0.25 * 275 / 365.25)


@pytest.mark.parametrize(("name", "expected"), [
    ("2026-Q3", "2025-Q3"), ("2026-03", "2025-03"), ("2026-H1", "2025-H1"), ("2026-9M", "2025-9M"),
    ("2026", "2025"), ("2024-02-29..2024-03-31", "2023-02-28..2023-03-31"),
])
def test_same_period_a_year_before(name, expected):
    assert analyses.same_period_year_before(parse_period(name, "cutoff")).name == expected


def test_short_labels():
    assert [analyses.short_label(parse_period(n)) for n in ("2026-Q3", "2026-03", "2026-H2", "2026")] == [
        "Quý III/2026", "T3/2026", "6T cuối/2026", "2026"]
    assert analyses.same_period_year_before(parse_period("2026-Q1")).start == date(2025, 1, 1)
