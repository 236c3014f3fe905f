"""A load reads only its new answers, unless the page table changed: then every stored answer again (§10)."""

from __future__ import annotations

import shutil
from decimal import Decimal

from helpers import build_database
from portal766_fixtures import DOSSIERS, PAGES, page_answer, satisfaction_answer, write_json

from hoaan_analytics import db, models
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files

MARCH = parse_period("2026-03")
APRIL = parse_period("2026-04")
NODES = "select answer_id, page, position, points_field, points from portal766_answer_nodes order by all"


def test_a_later_load_adds_its_answers_rows_and_keeps_those_a_whole_build_makes(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    load_portal_files(con, [write_json(tmp_path, "march.json", satisfaction_answer())], MARCH, params_dir)
    progress = page_answer(PAGES[0], {"HA": 15.5, "BM": 20.0})
    load_portal_files(con, [write_json(tmp_path, "april.json", progress)], APRIL, params_dir)
    # answer 1 (March, read by the first load) and answer 2 (April, read by the second) side by side
    added = db.records(con, NODES)
    assert sorted({(r["answer_id"], r["page"]) for r in added}) == [(1, "handling-satisfaction"), (2, PAGES[0])]
    assert [r["points"] for r in added if r["answer_id"] == 2 and r["position"] == "data.children[0]"] == [
        Decimal("15.50")]
    pages = db.records(con, "select * from portal766_answer_pages order by answer_id")
    # a build (as an ingest makes it) reads every stored answer at once: the same rows
    for model in models.build_plan():
        if model.name in ("portal766_answer_pages", "portal766_answer_nodes"):
            db.run(con, model.statement)
    assert db.records(con, "select * from portal766_answer_pages order by answer_id") == pages
    assert db.records(con, NODES) == added


def test_a_changed_page_table_reads_every_stored_answer_again(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    load_portal_files(con, [write_json(tmp_path, "march.json", satisfaction_answer())], MARCH, params_dir)
    before = db.records(con, NODES)
    assert {r["points_field"] for r in before if r["page"] == "handling-satisfaction"} == {"totalScore"}
    # the commune's params name another field of the page's points: the March answer is read with it
    params = tmp_path / "params"
    shutil.copytree(params_dir, params)
    rules = params / "index766.yaml"
    text = rules.read_text(encoding="utf-8")
    at = text.index("page: handling-satisfaction")
    rules.write_text(text[:at] + text[at:].replace("points: totalScore", "points: satisfactionScore", 1),
                     encoding="utf-8")
    progress = page_answer(PAGES[0], {"HA": 15.5, "BM": 20.0})
    load_portal_files(con, [write_json(tmp_path, "april.json", progress)], APRIL, params)
    after = [r for r in db.records(con, NODES) if r["answer_id"] == 1 and not r["position"].startswith("data.overview")]
    assert after and {r["points_field"] for r in after} == {"satisfactionScore"}
    assert {r["points"] for r in after} == {None}  # the answer has no such field: unknown, never 0
