"""§9's null rule (a flag the export lacks makes the rate unknown) and half-up rounding of points."""

from __future__ import annotations

from helpers import build_database
from index766_fixtures import MARCH, flags

from hoaan_analytics import index766
from hoaan_analytics.periods import parse_period

MARCH_2026 = parse_period("2026-03")


def _card(con):
    frame = index766.scorecard(con, MARCH_2026).filter("is_computable")
    return {r["indicator_id"]: r for r in frame.iter_rows(named=True)}


def test_a_file_without_flag_columns_leaves_the_flag_indicators_unknown(con, params_dir):
    # every dossier as a flat export without the six columns would store them
    rows = [{**row, **flags(None, None, None, None, None, None)} for row in MARCH]
    build_database(con, params_dir, rows)
    card = _card(con)
    # 4.3–4.5 count every received dossier (6), all unknown
    for indicator_id in ("4.3", "4.4", "4.5"):
        indicator = card[indicator_id]
        assert (indicator["unknown"], indicator["rate"], indicator["points"]) == (6, None, None)
    # 4.1: has_result_file unknown for A B C H
    assert (card["4.1"]["denominator"], card["4.1"]["unknown"], card["4.1"]["rate"]) == (4, 4, None)
    # 3.3 = channel 2 and (not paper_result or has_result_file): B and H are offline (false whatever the
    # flag), D has no paper result (true); A and C are online with a paper result and an unknown e-result
    assert (card["3.3"]["numerator"], card["3.3"]["unknown"]) == (1, 2)
    # 2.1, 5.4 read a null complaint as 0; 3.5 and 3.6 use no flag: all still scored
    assert card["2.1"]["points"] == 14.29 and card["5.4"]["unknown"] == 0
    # 2.1's A C D E H less D (disliked): C's complaint is no longer known, and unknown counts as none
    assert card["5.4"]["numerator"] == 4
    [scope] = index766.scopes_of(index766.scorecard(con, MARCH_2026), index766.groups(con, MARCH_2026))
    # 4.1, 4.2, 4.3, 4.4, 4.5 drop out of the total and its maximum: 52 − (6 + 4 + 2 + 4 + 2)
    assert scope["max_points"] == 34.0


def test_one_unknown_member_is_enough_to_leave_the_rate_empty(con, params_dir):
    rows = [dict(row) for row in MARCH]
    rows[0]["vneid_verified"] = None  # A
    build_database(con, params_dir, rows)
    card = _card(con)
    assert (card["4.5"]["numerator"], card["4.5"]["denominator"], card["4.5"]["unknown"]) == (2, 6, 1)
    assert card["4.5"]["rate"] is None and card["4.5"]["points"] is None
    assert card["4.4"]["points"] == 1.33  # the other indicators keep their points


def test_no_dossier_at_all_gives_empty_rates(con, params_dir):
    build_database(con, params_dir, [])
    card = _card(con)
    assert all(r["denominator"] == 0 and r["rate"] is None and r["points"] is None for r in card.values())
    [scope] = index766.scopes_of(index766.scorecard(con, MARCH_2026), index766.groups(con, MARCH_2026))
    assert (scope["points"], scope["max_points"]) == (0, 0.0)


def test_points_round_half_up(con, params_dir):
    # 1 dossier on time among 4,000: 20 × 1 / 4000 = 0.005 exactly, which rounds half up to 0.01
    # (a binary float of 0.005 lies just below it, and banker's rounding would give 0.00)
    on_time = {"procedure_code": "1.004222", "channel": 1, "status": 10, "received_at": "2026-03-02 08:00",
               "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00", **flags(0, 0, 0, 0, 0, 0)}
    late = {**on_time, "finished_at": "2026-03-04 10:00"}
    rows = [dict(on_time, dossier_id="ON")] + [dict(late, dossier_id=f"L{i}") for i in range(3999)]
    build_database(con, params_dir, rows)
    card = _card(con)
    assert (card["2.1"]["numerator"], card["2.1"]["denominator"]) == (1, 4000)
    assert card["2.1"]["points"] == 0.01


def test_the_portals_published_figures(con, params_dir):
    # METRICS.md §9: handled 2,821, early/on time/in time 2,190, no complaint or dislike
    # -> 20 × 2190 / 2821 = 15.53 and min(6, 6 × 0.7763 / 0.9) = 5.18, the portal's own figures
    on_time = {"procedure_code": "1.004222", "channel": 1, "status": 10, "received_at": "2026-03-02 08:00",
               "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00", **flags(0, 0, 0, 0, 0, 0)}
    late = {**on_time, "finished_at": "2026-03-04 10:00"}
    rows = [dict(on_time, dossier_id=f"T{i}") for i in range(2190)]
    rows += [dict(late, dossier_id=f"L{i}") for i in range(2821 - 2190)]
    build_database(con, params_dir, rows)
    card = _card(con)
    assert (card["2.1"]["numerator"], card["2.1"]["denominator"], card["2.1"]["points"]) == (2190, 2821, 15.53)
    assert (card["5.4"]["numerator"], card["5.4"]["points"]) == (2190, 5.18)
