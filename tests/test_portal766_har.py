"""A HAR: only the page entries are read, the period from each request body; a bad body refuses the whole file."""

from __future__ import annotations

import base64
import json

import pytest
from helpers import build_database
from portal766_fixtures import DOSSIERS, har, month_body, page_answer, progress_answer, satisfaction_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import PortalFileError, load_portal_files

MARCH = parse_period("2026-03")


def stored(con):
    return db.query(con, "select source_file, source_position, endpoint, period_name, captured_at "
                         "from portal766_answers order by answer_id").rows()


def test_the_page_entries_their_periods_and_base64_answers(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    encoded = base64.b64encode(json.dumps(satisfaction_answer()).encode("utf-8")).decode("ascii")
    document = har([("dvc-progress-tree", month_body(), progress_answer()),
                    ("handling-satisfaction", {"fromDate": "2026-04-01T00:00:00", "toDate": "2026-04-30"}, encoded),
                    ("dvc-progress-tree", {"timeType": "QUARTER", "year": "2026", "quarter": "1"},
                     progress_answer())])
    document["log"]["entries"][2]["response"]["content"]["encoding"] = "base64"
    summary = load_portal_files(con, [write_json(tmp_path, "p.har", document)], None, params_dir)
    # the token entry (entries[0]) is no page: never read
    assert [(r[1], r[2], r[3]) for r in stored(con)] == [
        ("log.entries[1]", "dvc-progress-tree", "2026-03"), ("log.entries[2]", "handling-satisfaction", "2026-04"),
        ("log.entries[3]", "dvc-progress-tree", "2026-Q1")]
    assert [p.name for p in summary.periods] == ["2026-03", "2026-04", "2026-Q1"]
    assert stored(con)[0][4].isoformat() == "2026-09-26T18:14:41.163000"


def test_entries_not_used_are_listed(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    document = har([("dvc-progress-tree", month_body(), {"code": "UNAUTHORIZED", "data": None}),
                    # the URL says progress, the answer is the satisfaction page: not read as either
                    ("dvc-progress-tree", month_body(), satisfaction_answer()),
                    ("new-page", month_body(), progress_answer()),
                    ("transparency", month_body(), "<html>"),
                    ("transparency", month_body(), page_answer("transparency", {"A": 1}))])
    summary = load_portal_files(con, [write_json(tmp_path, "p.har", document)], None, params_dir)
    assert [(e.source_position, e.endpoint, e.why) for e in summary.skipped] == [
        ("log.entries[1]", "dvc-progress-tree", "not_ok"), ("log.entries[3]", "new-page", "unknown_endpoint"),
        ("log.entries[4]", "transparency", "not_json"), ("log.entries[2]", "dvc-progress-tree", "other_page")]
    assert [r[1] for r in stored(con)] == ["log.entries[5]"]
    # nothing of the answers not used is read: the satisfaction answer under the progress URL gives no figure
    assert db.query(con, "select distinct page from portal766_page_figures").rows() == [("transparency",)]


@pytest.mark.parametrize("body, period, message", [
    # the satisfaction page's dates spanning two months
    ({"fromDate": "2026-03-01", "toDate": "2026-04-30"}, None,
     r"p.har: log.entries\[2\]: request.postData.text, keys fromDate/toDate: 2026-03-01..2026-04-30 is not one "
     r"calendar month, quarter or year"),
    ({"fromDate": "2026-03-02", "toDate": "2026-03-31"}, None, r"2026-03-02..2026-03-31 is not one calendar month"),
    ({"timeType": "month", "year": 2026, "month": 4, "fromDate": "2026-03-01", "toDate": "2026-03-31"}, None,
     r"log.entries\[2\]: request.postData.text: timeType names 2026-04, fromDate/toDate 2026-03"),
    ({"timeType": "week", "year": 2026}, None, r"key timeType: gives no month, quarter or year"),
    ({"rootDepartmentId": "P0"}, None, r"the request body gives no period"),
    ("{not json", None, r"log.entries\[2\]: request.postData.text: not valid JSON"),
    # a page of one period given for another
    (month_body(), "2026-04", r"log.entries\[1\]: the page is of 2026-03, not of --period 2026-04"),
])
def test_a_body_without_one_whole_period_refuses_the_file(con, params_dir, tmp_path, body, period, message):
    build_database(con, params_dir, DOSSIERS)
    good = write_json(tmp_path, "good.json", progress_answer())
    load_portal_files(con, [good], MARCH, params_dir)
    before = stored(con)
    document = har([("dvc-progress-tree", month_body(), progress_answer()),
                    ("handling-satisfaction", body, satisfaction_answer())])
    with pytest.raises(PortalFileError, match=message):
        load_portal_files(con, [write_json(tmp_path, "p.har", document)], parse_period(period) if period else None,
                          params_dir)
    assert stored(con) == before


def test_a_truncated_har_names_the_position_and_changes_nothing(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    text = json.dumps(har([("dvc-progress-tree", month_body(), progress_answer())]))
    path = tmp_path / "p.har"
    path.write_text(text[:len(text) // 2], encoding="utf-8")
    with pytest.raises(PortalFileError, match=r"p.har: not valid JSON at line 1, column \d+"):
        load_portal_files(con, [path], None, params_dir)
    path.write_text(json.dumps({"log": {}}), encoding="utf-8")
    with pytest.raises(PortalFileError, match=r"p.har: log.entries: missing: not a HAR file"):
        load_portal_files(con, [path], None, params_dir)
    assert stored(con) == []


def test_the_later_capture_wins_whatever_the_load_order(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    later = progress_answer()
    later["data"]["children"][0]["score"] = 14.0
    early = write_json(tmp_path, "early.har", har([("dvc-progress-tree", month_body(), progress_answer())],
                                                   started="2026-04-02T08:00:00Z"))
    late = write_json(tmp_path, "late.har", har([("dvc-progress-tree", month_body(), later)],
                                                 started="2026-04-03T08:00:00Z"))
    points = "select cast(points as double) from portal766_unit_pages where department_id = 'HA'"
    load_portal_files(con, [late], None, params_dir)
    summary = load_portal_files(con, [early], None, params_dir)
    assert (db.scalar(con, points), summary.stored, summary.not_newer) == (14.0, 0, 1)
    # a saved answer says no time: any HAR capture is later
    summary = load_portal_files(con, [write_json(tmp_path, "saved.json", progress_answer())], MARCH, params_dir)
    assert (db.scalar(con, points), summary.not_newer) == (14.0, 1)
