"""`hoaan index766 --unit U --whole`: ours where §9 computes it, the portal's published points elsewhere."""

from __future__ import annotations

import json

import pytest
from helpers import database_file
from portal766_fixtures import DOSSIERS, HOA_AN, PAGES, page_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.cli import main
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files

NAMES = {"HA": "Xã Hòa An", "BM": "UBND xã Bình Minh", "TL": "Xã Tân Lập"}
# February's six pages (pages' order); totals Bình Minh 58, Tân Lập 53
FEBRUARY = {"HA": (12, 5, 6, 7, 8, 9), "BM": (20, 5, 6, 7, 8, 12), "TL": (15, 5, 6, 7, 8, 12)}


@pytest.fixture
def database(tmp_path, params_dir):
    path = database_file(tmp_path / "hoaan.duckdb", DOSSIERS, params_dir)
    con = db.connect(path)
    try:
        february = [write_json(tmp_path, f"feb{n}.json", page_answer(page, {u: p[n] for u, p in FEBRUARY.items()},
                                                                     names=NAMES))
                    for n, page in enumerate(PAGES)]
        load_portal_files(con, february, parse_period("2026-02"), params_dir)
        # March: the progress page alone so far
        march = write_json(tmp_path, "mar.json", page_answer("dvc-progress-tree", {"HA": 13.33, "BM": 20, "TL": 15},
                                                             names=NAMES))
        load_portal_files(con, [march], parse_period("2026-03"), params_dir)
    finally:
        con.close()
    return path


def whole(database, capsys, period="2026-03"):
    assert main(["index766", "--period", period, "--unit", HOA_AN, "--whole", "--json", "--db", str(database)]) == 0
    [scope] = json.loads(capsys.readouterr().out)["scopes"]
    return scope["whole"]


def test_ours_where_computed_the_rest_carried_page_by_page(database, capsys):
    result = whole(database, capsys)
    items = {item["id"]: (item["points"], item["source"], item["period"]) for item in result["items"]}
    # ours in March (portal766_fixtures): 2.1 = 20 × 2/4 = 10.00, 3.5 = 0 of 1 procedure, 3.6 = 0 of 3, 5.4 = 3.33;
    # 4.1–4.5 unknown (no flag columns): the portal's
    assert items["2.1"] == (10.0, "ours", None)
    assert items["3.5"] == items["3.6"] == (0.0, "ours", None)
    assert items["5.4"] == (3.33, "ours", None)
    # the rest from February, the latest month before March the unit is on each page: online services 6, 1.4
    # (the fixture's transparency metric) 7, 4.1 8; a figure the page does not carry counts 0
    assert items["online_services"] == (6.0, "published", "2026-02")
    assert items["1.4"] == (7.0, "published", "2026-02")
    assert items["4.1"] == (8.0, "published", "2026-02")
    assert items["1.1"] == items["payment_third_term"] == items["5.2"] == (0.0, "published", "2026-02")
    assert len(result["items"]) == 20
    # 10 + 0 + 0 + 0 + 6 + 7 + 8 + 3.33 = 34.33 of 100; March has one page only: ranked among February's
    # published totals of the others (58, 53): 1 + 2 greater = 3 of 3
    assert (result["total_points"], result["total_max_points"], result["carried_from"]) == (34.33, 100.0, "2026-02")
    assert (result["rank"], result["of"]) == (3, 3)


def test_a_page_on_no_period_leaves_no_total(database, capsys):
    # nothing published in or before January, and no dossier of Hòa An handled then (no rate of ours either)
    result = whole(database, capsys, "2026-01")
    assert result["total_points"] is None and result["rank"] is None and result["carried_from"] is None
    assert result["missing_pages"] == sorted(PAGES)
    assert {i["source"] for i in result["items"]} == {None}


def test_text_output_and_whole_needs_a_unit(database, capsys):
    assert main(["index766", "--period", "2026-03", "--unit", HOA_AN, "--whole", "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert "Tổng (ước tính): 34.33 / 100 điểm" in out
    assert "Thứ hạng tạm tính: 3/3 đơn vị cùng cấp của tỉnh" in out
    assert main(["index766", "--period", "2026-03", "--whole", "--db", str(database)]) == 2
    assert "--whole needs --unit" in capsys.readouterr().err
