"""index766_list_groups / index766_groups: points against the maximum per group, the scope's total, the units' rank."""

from __future__ import annotations

import pytest
from helpers import build_database
from index766_fixtures import MARCH

from hoaan_analytics import db, index766
from hoaan_analytics.periods import parse_period

MARCH_2026 = parse_period("2026-03")

# The MARCH fixture's points (tests/test_index766_indicators.py), summed by group of params/index766.yaml:
# group: (points, max_points of the indicators with points, computable max_points, group_max_points)
EXPECTED_GROUPS = {
    1: (0.0, 0.0, 0.0, 18.0),            # 1.1–1.4: nothing computable
    2: (14.29, 20.0, 20.0, 20.0),        # 2.1
    3: (5.0, 8.0, 8.0, 22.0),            # 3.5 2 + 3.6 3; 3.3 (max 0) has no points
    4: (9.26, 18.0, 18.0, 22.0),         # 4.1 4.5 + 4.2 1.6 + 4.3 0.83 + 4.4 1.33 + 4.5 1.0
    5: (2.86, 6.0, 6.0, 18.0),           # 5.4
}
# 14.29 + 5 + 9.26 + 2.86 = 31.41 of 20 + 8 + 18 + 6 = 52; the index's five groups weigh 100
EXPECTED_TOTAL = (31.41, 52.0, 52.0, 100.0)
# what no export can show: 1.1–1.4 18, 3.1–3.2 12, payment 2, certified copies 2, 4.5 procedures 2, 5.1–5.3 12
NOT_COMPUTABLE_MAX_POINTS = 48.0


def _key(row):
    return (row["points"], row["max_points"], row["computable_max_points"], row["group_max_points"])


def test_each_group_and_the_total_of_the_march_fixture(con, params_dir):
    build_database(con, params_dir, MARCH)
    frame = index766.groups(con, MARCH_2026)
    groups = {r["group_id"]: _key(r) for r in frame.filter(~frame["is_total"]).iter_rows(named=True)}
    assert groups == EXPECTED_GROUPS
    [total] = frame.filter(frame["is_total"]).iter_rows(named=True)
    assert _key(total) == EXPECTED_TOTAL
    assert total["group_id"] is None and total["scope_unit_name"] is None and total["scope_rank"] is None
    assert total["not_computable_max_points"] == NOT_COMPUTABLE_MAX_POINTS


def test_the_json_scope_takes_its_total_from_the_macro(con, params_dir):
    build_database(con, params_dir, MARCH)
    [scope] = index766.scopes_of(index766.scorecard(con, MARCH_2026), index766.groups(con, MARCH_2026))
    assert (scope["points"], scope["max_points"]) == (31.41, 52.0)


def test_units_ranked_by_total_points(con, params_dir):
    # the fixture in UBND xã Hòa An, and one dossier like A (on time, paid online, every flag 1,
    # satisfied) in UBND xã Kim Bình: every indicator at its maximum there, 52 / 52
    perfect = {**MARCH[0], "dossier_id": "KB-1", "unit_name": "UBND xã Kim Bình"}
    build_database(con, params_dir, [*MARCH, perfect])
    frame = index766.groups(con, MARCH_2026, by_unit=True)
    totals = frame.filter(frame["is_total"]).select("scope_unit_name", "points", "max_points", "scope_rank")
    assert totals.rows() == [("UBND xã Kim Bình", 52.0, 52.0, 1), ("UBND xã Hòa An", 31.41, 52.0, 2)]
    # every group row carries its unit's rank
    hoa_an = frame.filter((frame["scope_unit_name"] == "UBND xã Hòa An") & ~frame["is_total"])
    assert set(hoa_an["scope_rank"]) == {2}
    assert {r["group_id"]: _key(r) for r in hoa_an.iter_rows(named=True)} == EXPECTED_GROUPS


def test_equal_totals_share_a_rank(con, params_dir):
    twins = [{**MARCH[0], "dossier_id": f"{unit}-1", "unit_name": unit}
             for unit in ("UBND xã Kim Bình", "UBND xã Tân Mỹ")]
    build_database(con, params_dir, [*MARCH, *twins])
    frame = index766.groups(con, MARCH_2026, by_unit=True)
    ranks = dict(frame.filter(frame["is_total"]).select("scope_unit_name", "scope_rank").rows())
    assert ranks == {"UBND xã Kim Bình": 1, "UBND xã Tân Mỹ": 1, "UBND xã Hòa An": 3}


def test_months_of_a_year_in_one_call(con, params_dir):
    build_database(con, params_dir, MARCH)
    months = [parse_period(f"2026-{m:02d}") for m in (1, 2, 3)]
    frame = index766.groups_by_period(con, months)
    totals = frame.filter(frame["is_total"])
    assert totals["period_name"].to_list() == ["2026-01", "2026-02", "2026-03"]
    # January holds no dossier: 0 of 0; February holds F alone (received 20/2, due 27/2, open: overdue
    # at r = 28/2), so 2.1 = 0/1 -> 0 of 20 and 5.4 -> 0 of 6, 3.5/3.6 have no fee dossier, 4.x:
    # F's flags are 0 -> 4.1 0/1 (1.001193 has a paper result), 4.2 0/1, 4.3 0/1, 4.4 0/1, 4.5 0/1 = 0 of 18
    assert totals.select("points", "max_points").rows() == [(0.0, 0.0), (0.0, 44.0), (31.41, 52.0)]


def test_an_unknown_breakdown_is_refused(con, params_dir):
    build_database(con, params_dir, MARCH)
    with pytest.raises(Exception, match="unknown breakdown"):
        db.query(con, "from index766_groups(DATE '2026-03-01', DATE '2026-03-31', NULL, 'field')")


def test_lost_points_counted_by_reason_and_listed_with_a_cap(con, params_dir):
    build_database(con, params_dir, MARCH)
    counts = index766.lost_points_by_reason(con, MARCH_2026)
    # 2.1: B resolved late, F overdue and open (no supplement request): two of seven
    assert counts.filter(counts["indicator_id"] == "2.1").select("reason", "dossiers").sort("reason").rows() == \
        [("pending_overdue", 1), ("resolved_late", 1)]
    # 5.4: B and F as 2.1, C's complaint, D's dislike
    assert dict(counts.filter(counts["indicator_id"] == "5.4").select("reason", "dossiers").rows()) == \
        {"resolved_late": 1, "pending_overdue": 1, "complaint": 1, "disliked": 1}
    everything = index766.dossiers_losing_points(con, MARCH_2026)
    # B, F (time), C (complaint), D (dislike): four in all, on every row of 5.4
    assert set(counts.filter(counts["indicator_id"] == "5.4")["indicator_dossiers"]) == {4}
    assert everything.height == counts["dossiers"].sum()
    capped = index766.dossiers_losing_points(con, MARCH_2026, per_indicator=1)
    # one row per indicator that lost a point; the first by procedure then dossier id
    assert capped.group_by("indicator_id").len()["len"].max() == 1
    assert capped.filter(capped["indicator_id"] == "5.4")["dossier_id"].to_list() == ["F"]
