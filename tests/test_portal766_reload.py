"""Loading the same (period, unit, indicator) again replaces the earlier figures; other periods stay."""

from __future__ import annotations

from helpers import build_database
from portal766_fixtures import DOSSIERS, HOA_AN, progress_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files

MARCH, APRIL = parse_period("2026-03"), parse_period("2026-04")


def stored(con):
    return db.query(con, "select period_end, portal_unit_name, indicator_id, denominator, source_file "
                         "from portal766_published order by period_end, portal_unit_name, indicator_id").rows()


def test_reloading_replaces_and_keeps_other_periods(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    first = write_json(tmp_path, "first.json", progress_answer())
    load_portal_files(con, [first], MARCH, params_dir)
    load_portal_files(con, [first], APRIL, params_dir)
    assert len(stored(con)) == 10  # 5 figures (4 units' 2.1, the parent's total) in each month

    # the portal corrected Hòa An's March count, and spells the unit otherwise this time
    corrected = progress_answer()
    corrected["data"] = {"children": [{**corrected["data"]["children"][0], "departmentName": "UBND xã Hòa An",
                                       "totalReceived": 4}]}
    summary = load_portal_files(con, [write_json(tmp_path, "second.json", corrected)], MARCH, params_dir)
    assert (summary.stored, summary.replaced) == (1, 1)
    rows = stored(con)
    assert len(rows) == 10
    hoa_an_names = ("UBND xã Hòa An", "Xã Hòa An - Tỉnh Cao Bằng")
    assert [r for r in rows if r[0] == MARCH.end and r[1] in hoa_an_names] == [
        (MARCH.end, "UBND xã Hòa An", "2.1", 4, "second.json")]
    # April's figure of Hòa An is untouched
    assert (APRIL.end, "Xã Hòa An - Tỉnh Cao Bằng", "2.1", 3, "first.json") in rows
    assert db.scalar(con, "select count(*) from portal766_published where unit_name = $u", {"u": HOA_AN}) == 2


def test_the_same_file_twice_changes_nothing_but_the_load_time(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    path = write_json(tmp_path, "p.json", progress_answer())
    load_portal_files(con, [path], MARCH, params_dir)
    before = stored(con)
    summary = load_portal_files(con, [path], MARCH, params_dir)
    assert (summary.stored, summary.replaced) == (5, 5)
    assert stored(con) == before
