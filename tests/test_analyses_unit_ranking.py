"""Units ranked by a ratio, best first, with the median over the units that have a value.

March 2026, all received 2/3:
  Xã A: 2 resolved on time               -> on_time_rate 2/2 = 1,0
  Xã B: 1 on time, 1 late (after due)     -> 1/2 = 0,5
  Xã C: 1 late                            -> 0/1 = 0,0
  Xã D: 1 open, nothing resolved          -> no value (null), unranked, last
Median of 1,0; 0,5; 0,0 = 0,5. Gaps to the median: +0,5; 0; −0,5.
"""

import pytest
from helpers import build_database

from hoaan_analytics import analyses
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.periods import parse_period

ON_TIME = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-03 16:30", "finished_at": "2026-03-03 10:00"}
LATE = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-03 16:30", "finished_at": "2026-03-05 10:00"}
ROWS = [
    {**ON_TIME, "unit_name": "Xã A"}, {**ON_TIME, "unit_name": "Xã A"},
    {**ON_TIME, "unit_name": "Xã B"}, {**LATE, "unit_name": "Xã B"},
    {**LATE, "unit_name": "Xã C"},
    {"received_at": "2026-03-02 08:00", "due_at": "2026-03-20 16:30", "status": 4, "unit_name": "Xã D"},
]
MARCH = parse_period("2026-03")


def test_ranked_best_first_with_the_median(loaded):
    ranking = analyses.unit_ranking(loaded, MARCH, "on_time_rate")
    assert ranking.select("rank", "unit_name", "value", "dossiers").rows() == [
        (1, "Xã A", 1.0, 2), (2, "Xã B", 0.5, 2), (3, "Xã C", 0.0, 1), (None, "Xã D", None, 0)]
    assert ranking["median"].unique().to_list() == [0.5]
    assert ranking["gap_to_median"].to_list() == [0.5, 0.0, -0.5, None]


def test_ties_share_a_rank(con, params_dir):
    build_database(con, params_dir, [{**ON_TIME, "unit_name": "Xã A"}, {**ON_TIME, "unit_name": "Xã B"}])
    assert analyses.unit_ranking(con, MARCH, "on_time_rate")["rank"].to_list() == [1, 1]


def test_only_ratios_can_be_ranked(loaded):
    with pytest.raises(HoaanError, match="unknown ratio KPI"):
        analyses.unit_ranking(loaded, MARCH, "received")
