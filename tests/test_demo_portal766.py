"""The demo's portal pages (demo.load_demo_portal, synth.portal766): the portal's real shapes, read whole by
`hoaan portal766`, consistent with the demo's dossiers, deterministic, with no session in the files."""

import json

import polars as pl
from helpers import REPORT_UNIT, open_read_only

from hoaan_analytics import demo, index766, portal766
from hoaan_analytics.periods import parse_period
from hoaan_analytics.synth import portal766 as synth_portal766
from hoaan_analytics.synth.names import UNITS


def _har(demo_db, period_name):
    path = demo_db.db_path.parent / "raw" / demo.DEMO_PORTAL_FOLDER / f"dichvucong_766_{period_name}.har"
    return json.loads(path.read_text(encoding="utf-8"))


def _answer(demo_db, period_name, page):
    entry = next(e for e in _har(demo_db, period_name)["log"]["entries"] if e["request"]["url"].endswith("/" + page))
    return json.loads(entry["response"]["content"]["text"]), json.loads(entry["request"]["postData"]["text"])


def test_each_har_holds_the_six_page_requests_and_no_session(demo_db):
    for name in demo.DEMO_PORTAL_PERIODS:
        entries = _har(demo_db, name)["log"]["entries"]
        assert [e["request"]["url"].rsplit("/", 1)[1] for e in entries] == list(synth_portal766.PAGES)
        for entry in entries:
            assert entry["request"]["method"] == "POST"
            assert entry["request"]["headers"] == entry["request"]["cookies"] == entry["response"]["cookies"] == []


def test_the_request_bodies_name_the_period_as_the_portal_does(demo_db):
    _, body = _answer(demo_db, "2026-08", "dvc-progress-tree")
    assert (body["timeType"], body["year"], body["month"]) == ("month", 2026, 8)
    _, body = _answer(demo_db, "2026-Q3", "transparency")
    assert (body["timeType"], body["year"], body["quarter"]) == ("quarter", 2026, 3)
    _, body = _answer(demo_db, "2026-Q3", "handling-satisfaction")  # the satisfaction page sends dates
    assert (body["fromDate"], body["toDate"]) == ("2026-07-01", "2026-09-30")


def test_every_page_is_read_and_every_unit_ranked(demo_db):
    with open_read_only(demo_db.db_path) as con:
        scores = portal766.scores(con, parse_period("2026-Q3"))
    units = scores.unique("department_id")
    # 6 communes of ours + 8 others, 2 provincial departments, each on all six pages with a total
    assert units.group_by("level").len().sort("level").rows() == [("COMMUNE", 14), ("PROVINCE", 2)]
    assert units["total_points"].null_count() == 0 and set(units["pages_present"]) == {6}
    assert set(units.filter(pl.col("level") == "COMMUNE")["of"]) == {14}
    ours = {f"UBND {UNITS[u][0]} {UNITS[u][1]}" for u in demo.DEMO_UNITS}
    assert set(units.drop_nulls("unit_name")["unit_name"]) == ours  # matched by name, the others matching none


def test_a_commune_of_ours_is_counted_from_its_dossiers_less_the_sync_gap(demo_db):
    period = parse_period("2026-08")
    with open_read_only(demo_db.db_path) as con:
        card = index766.scorecard(con, period, unit=REPORT_UNIT)
    ours = card.filter(pl.col("indicator_id") == "2.1").row(0, named=True)
    answer, _ = _answer(demo_db, "2026-08", "dvc-progress-tree")
    node = next(n for n in answer["data"]["children"] if n["departmentName"] == REPORT_UNIT)
    assert 0.96 * ours["denominator"] - 1 <= node["totalReceived"] <= ours["denominator"]
    assert node["totalOnTime"] <= ours["numerator"]
    # the page's points are the portal's 20 × n/m, to 2 decimals
    assert node["score"] == round(20 * node["totalOnTime"] / node["totalReceived"] + 1e-9, 2)


def test_a_page_total_is_the_sum_of_its_metrics(demo_db):
    answer, _ = _answer(demo_db, "2026-08", "dossier-digitized")
    for unit in answer["data"]["evaluation"]:
        assert unit["totalScore"] == round(sum(m["score"] or 0 for m in unit["metrics"]), 2)
        assert unit["totalMaxScore"] == 22


def test_the_quarter_not_saved_is_estimated_from_the_one_before(demo_db):
    # 2026-Q2 was not saved: the whole score carries what no export shows from 2026-Q1
    with open_read_only(demo_db.db_path) as con:
        whole = index766.whole_of(index766.whole_score(con, parse_period("2026-Q2"), REPORT_UNIT))
        published = portal766.scores(con, parse_period("2026-Q2"))
    assert published.is_empty()
    assert whole["carried_from"] == "2026-Q1" and whole["total_points"] is not None and whole["of"] == 14


def test_the_same_seed_writes_the_same_bytes(demo_db, tmp_path):
    with open_read_only(demo_db.db_path) as con:
        first = demo.write_demo_portal(con, tmp_path / "a")
        second = demo.write_demo_portal(con, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.name for p in first] == [p.name for p in second]
