"""A malformed portal file is refused with the file and the JSON position named, and nothing changes."""

from __future__ import annotations

import json

import pytest
from helpers import build_database
from portal766_fixtures import DOSSIERS, progress_answer, satisfaction_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import PortalFileError, load_portal_files

MARCH = parse_period("2026-03")


def contents(con):
    return (db.query(con, "select answer_id, cast(answer as varchar) from portal766_answers order by all").rows(),
            db.query(con, "select * from portal766_figures order by all").rows())


def with_child(**changes):
    document = progress_answer()
    document["data"]["children"][1].update(changes)
    return document


def with_metric(**changes):
    document = satisfaction_answer()
    document["data"]["evaluation"][0]["metrics"][0].update(changes)
    return document


@pytest.mark.parametrize("text, message", [
    # the page's answer cut off while saving
    (json.dumps(progress_answer(), ensure_ascii=False)[:150], r"bad.json: not valid JSON at line 1, column \d+"),
    (json.dumps({"code": "ERROR", "message": "Không có dữ liệu", "data": None}),
     r"bad.json: code: 'ERROR' \(Không có dữ liệu\), not \"OK\""),
    (json.dumps(with_child(totalOnTime="abc")), r"bad.json: data.children\[1\].totalOnTime: not a count: abc"),
    (json.dumps(with_child(totalReceived=-3)), r"bad.json: data.children\[1\].totalReceived: not a count: -3"),
    (json.dumps(with_child(score="cao")), r"bad.json: data.children\[1\].score: not a number: cao"),
    (json.dumps(with_child(departmentName=None)), r"bad.json: data.children\[1\].departmentName: missing"),
    (json.dumps(with_child(departmentId=None)), r"bad.json: data.children\[1\].departmentId: missing"),
    (json.dumps({"code": "OK", "data": {"children": {"departmentName": "Xã A"}}}),
     r"bad.json: data.children: expected a list, not dict"),
    (json.dumps(with_metric(numerator=True)), r"bad.json: data.evaluation\[0\].metrics\[0\].numerator: not a count"),
    (json.dumps(with_metric(score="x")), r"bad.json: data.evaluation\[0\].metrics\[0\].score: not a number: x"),
    (json.dumps({"code": "OK", "data": {"rows": []}}), r"bad.json: data: has neither parent/children"),
    (json.dumps([1, 2]), r"bad.json: \(top\): expected the portal's envelope"),
])
def test_refused_with_file_and_position_and_nothing_changed(con, params_dir, tmp_path, text, message):
    build_database(con, params_dir, DOSSIERS)
    load_portal_files(con, [write_json(tmp_path, "good.json", satisfaction_answer())], MARCH, params_dir)
    before = contents(con)
    assert len(before[0]) == 1 and len(before[1]) == 5
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    # a good file before the bad one in the same call is not stored either
    with pytest.raises(PortalFileError, match=message):
        load_portal_files(con, [write_json(tmp_path, "tien_do.json", progress_answer()), bad], MARCH, params_dir)
    assert contents(con) == before


@pytest.mark.parametrize("period, message", [
    (None, r"p.json: the portal's JSON carries no period: say which with --period"),
    ("2026-H1", r"--period 2026-H1: the portal's pages are of one calendar month, quarter or year"),
    ("2026-03-01..2026-04-30", r"the portal's pages are of one calendar month, quarter or year"),
])
def test_a_saved_answer_needs_one_whole_period(con, params_dir, tmp_path, period, message):
    build_database(con, params_dir, DOSSIERS)
    with pytest.raises(PortalFileError, match=message):
        load_portal_files(con, [write_json(tmp_path, "p.json", progress_answer())],
                          parse_period(period) if period else None, params_dir)
    assert contents(con) == ([], [])
