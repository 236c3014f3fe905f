"""Each §9 indicator on a hand-made month (tests/index766_fixtures.py), worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest
from helpers import build_database
from index766_fixtures import MARCH

from hoaan_analytics import index766
from hoaan_analytics.periods import parse_period

MARCH_2026 = parse_period("2026-03")

# Handled in March: A B C D E H (received, R) and F (carried over, still open); G comes in April.
# id: (numerator, denominator, rate, points)
EXPECTED = {
    # early/on time A C E H, pending in time D; B late, F overdue at r = 31/3: 5/7; 20 × 5/7 = 14.29
    "2.1": (5, 7, 5 / 7, 14.29),
    # received with a catalogue paper_result: A B C D H (E not listed); channel 2 with an e-result or no
    # paper result: A C D -> 3/5; no points for communes
    "3.3": (3, 5, 3 / 5, None),
    # fee procedures with a received dossier: 2.000815; paid online by A -> 1/1; min(2, 2 × 1 / 0.8) = 2
    "3.5": (1, 1, 1.0, 2.0),
    # received dossiers of 2.000815 whose fee is not 0: A B (C stated 0); A paid online -> 1/2; 6 × 0.5
    "3.6": (1, 2, 0.5, 3.0),
    # received with a paper result: A B C H; with an e-result A C H -> 3/4; 6 × 0.75
    "4.1": (3, 4, 0.75, 4.5),
    # A B C D H as 3.3; files attached and (no paper result or an e-result): A D -> 2/5; 4 × 0.4
    "4.2": (2, 5, 0.4, 1.6),
    # every received dossier (6); reused data A D -> 1/3; min(2, 2 × (1/3) / 0.8) = 0.8333 -> 0.83
    "4.3": (2, 6, 1 / 3, 0.83),
    # from the applicant's store A E -> 1/3; 4 × 1/3 = 1.33
    "4.4": (2, 6, 1 / 3, 1.33),
    # VNeID A C E -> 1/2; 2 × 0.5
    "4.5": (3, 6, 0.5, 1.0),
    # 2.1's five without a complaint (C) or a dislike (D): A E H -> 3/7; min(6, 6 × (3/7) / 0.9) = 2.857 -> 2.86
    "5.4": (3, 7, 3 / 7, 2.86),
}


@pytest.fixture
def card(con, params_dir):
    build_database(con, params_dir, MARCH)
    frame = index766.scorecard(con, MARCH_2026)
    return {r["indicator_id"]: r for r in frame.filter("is_computable").iter_rows(named=True)}


@pytest.mark.parametrize("indicator_id", list(EXPECTED))
def test_each_indicator(card, indicator_id):
    numerator, denominator, rate, points = EXPECTED[indicator_id]
    row = card[indicator_id]
    assert (row["numerator"], row["denominator"], row["unknown"]) == (numerator, denominator, 0)
    assert row["rate"] == pytest.approx(rate, abs=1e-12)
    assert row["points"] == points


def test_scope_total_is_the_sum_of_scored_points(con, params_dir):
    build_database(con, params_dir, MARCH)
    [scope] = index766.scopes_of(index766.scorecard(con, MARCH_2026), index766.groups(con, MARCH_2026))
    # 14.29 + 2 + 3 + 4.5 + 1.6 + 0.83 + 1.33 + 1 + 2.86; 3.3 has no points and so no max in the total
    assert scope["points"] == pytest.approx(31.41)
    assert scope["max_points"] == 52.0
    assert [i["id"] for i in scope["indicators"]] == list(index766.COMPUTABLE_IDS)


def test_the_not_computable_points_are_listed_with_their_reason(con, params_dir):
    build_database(con, params_dir, MARCH)
    frame = index766.scorecard(con, MARCH_2026).filter(~pl.col("is_computable"))
    assert frame["max_points"].sum() == 48
    assert frame["points"].null_count() == frame.height
    assert frame["why_not_computable"].null_count() == 0

