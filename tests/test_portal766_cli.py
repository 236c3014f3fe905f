"""`hoaan portal766` stores the pages and prints the published score: our units first, then the ranking."""

from __future__ import annotations

import json

import pytest
from helpers import database_file
from portal766_fixtures import BINH_MINH, DOSSIERS, HOA_AN, PAGES, page_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.cli import main

NAMES = {"HA": "Xã Hòa An", "BM": "UBND xã Bình Minh", "TL": "Xã Tân Lập"}
# Page points in the pages' order; totals: Hòa An 51.33, Bình Minh 58.00, Tân Lập 53.00 -> ranks 3, 1, 2 of 3
POINTS = {"HA": (13.33, 5, 6, 7, 8, 12), "BM": (20, 5, 6, 7, 8, 12), "TL": (15, 5, 6, 7, 8, 12)}


@pytest.fixture
def database(tmp_path, params_dir):
    return database_file(tmp_path / "hoaan.duckdb", DOSSIERS, params_dir)


@pytest.fixture
def files(tmp_path):
    return [str(write_json(tmp_path, f"page{number}.json",
                           page_answer(page, {u: p[number] for u, p in POINTS.items()}, names=NAMES)))
            for number, page in enumerate(PAGES)]


def test_plain_output_our_units_first_then_the_ranking(database, params_dir, files, capsys):
    assert main(["portal766", *files, "--period", "2026-03", "--db", str(database), "--params", str(params_dir)]) == 0
    out = capsys.readouterr().out
    assert "Đã đọc page0.json: 1 trang của Cổng, 3 đơn vị." in out
    lines = out.splitlines()
    start = lines.index("Điểm Chỉ số 766 Cổng công bố theo trang, tổng điểm và thứ hạng")
    own, ranking = lines[start + 2:start + 4], lines[start + 5:start + 9]
    assert [line.split()[:2] for line in own] == [["1/3", "58.00/100"], ["3/3", "51.33/100"]]
    assert own[0].endswith(f"← {BINH_MINH}") and own[1].endswith(f"← {HOA_AN}")
    assert ranking[0] == "Xếp hạng các đơn vị cấp xã của tỉnh"
    assert [line.split()[0] for line in ranking[1:]] == ["1/3", "2/3", "3/3"]
    assert ranking[2].endswith("Xã Tân Lập")
    assert "Đơn vị trên Cổng không khớp với dữ liệu xuất (1): Xã Tân Lập" in out


def test_json_units_and_an_older_database(database, params_dir, files, capsys):
    con = db.connect(database)
    # as a database built before the portal's pages were read
    for table in ("portal766_answers", "portal766_pages", "portal766_page_indicators", "portal_unit_aliases"):
        db.run(con, f"drop table {table}")
    db.run(con, "drop macro table portal766_comparison")
    db.run(con, "drop macro table portal766_scores")
    con.close()
    assert main(["portal766", *files, "--period", "2026-03", "--db", str(database), "--params", str(params_dir),
                 "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["stored"], document["replaced"], document["unmatched_units"]) == (6, 0, ["Xã Tân Lập"])
    assert document["scores_period"] == "2026-03"
    assert document["units"][0] == {
        "department_id": "BM", "portal_unit_name": "UBND xã Bình Minh", "unit_name": BINH_MINH, "level": "COMMUNE",
        "page_points": dict(zip(PAGES, (20.0, 5.0, 6.0, 7.0, 8.0, 12.0), strict=True)),
        "total_points": 58.0, "total_max_points": 100.0, "rank": 1, "of": 3}
    assert [(u["department_id"], u["unit_name"], u["total_points"], u["rank"]) for u in document["units"]] == [
        ("BM", BINH_MINH, 58.0, 1), ("TL", None, 53.0, 2), ("HA", HOA_AN, 51.33, 3)]
    [march] = document["comparisons"]
    assert (march["period"], march["d0"], march["d1"]) == ("2026-03", "2026-03-01", "2026-03-31")


def test_json_file_without_period_exits_2_and_says_why(database, params_dir, files, capsys):
    assert main(["portal766", files[0], "--db", str(database), "--params", str(params_dir)]) == 2
    assert "page0.json: the portal's JSON carries no period" in capsys.readouterr().err
