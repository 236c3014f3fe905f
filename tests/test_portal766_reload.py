"""A page loaded again replaces only that page's figures of the same period and unit; other pages and periods stay."""

from __future__ import annotations

from helpers import build_database
from portal766_fixtures import DOSSIERS, progress_answer, satisfaction_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files

MARCH, APRIL = parse_period("2026-03"), parse_period("2026-04")


def stored(con):
    return db.query(con, "select period_end, page, department_id, indicator_id, denominator, "
                         "cast(points as double), source_file "
                         "from portal766_page_figures order by all").rows()


def test_a_later_answer_of_one_page_replaces_only_its_units(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    first = write_json(tmp_path, "first.json", progress_answer())
    satisfaction = write_json(tmp_path, "s.json", satisfaction_answer())
    load_portal_files(con, [first, satisfaction], MARCH, params_dir)
    load_portal_files(con, [first], APRIL, params_dir)
    # March: 2.1 of the province and 3 units, 5 satisfaction metrics; April: 2.1 of 4 nodes
    assert len(stored(con)) == 4 + 5 + 4

    # the portal corrected Hòa An's March count: an answer with Hòa An alone (as a page of a paginated answer)
    corrected = progress_answer()
    corrected["data"] = {"children": [{**corrected["data"]["children"][0], "departmentName": "UBND xã Hòa An",
                                       "totalReceived": 4, "score": 10.0}]}
    before = stored(con)
    summary = load_portal_files(con, [write_json(tmp_path, "second.json", corrected)], MARCH, params_dir)
    assert (summary.stored, summary.replaced) == (1, 0)  # first.json still gives March's other nodes
    after = stored(con)
    changed = sorted(set(before) ^ set(after))
    assert changed == [(MARCH.end, "dvc-progress-tree", "HA", "2.1", 3, 13.33, "first.json"),
                       (MARCH.end, "dvc-progress-tree", "HA", "2.1", 4, 10.0, "second.json")]
    # the satisfaction page and April untouched
    def satisfaction(rows):
        return [r for r in rows if r[1] == "handling-satisfaction"]
    assert satisfaction(after) == satisfaction(before)


def test_the_same_file_twice_or_in_another_order_leaves_the_same_figures(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    progress = write_json(tmp_path, "p.json", progress_answer())
    satisfaction = write_json(tmp_path, "s.json", satisfaction_answer())
    load_portal_files(con, [progress, satisfaction], MARCH, params_dir)
    before = stored(con)
    summary = load_portal_files(con, [satisfaction, progress], MARCH, params_dir)
    # the earlier copies are no longer read: dropped, one answer kept per page
    assert (summary.stored, summary.replaced) == (2, 2)
    assert db.scalar(con, "select count(*) from portal766_answers") == 2
    assert stored(con) == before
