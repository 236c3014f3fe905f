"""The portal's JSON (tiến độ and evaluation) is stored as read and set beside our 766 estimate, unit by unit."""

from __future__ import annotations

import pytest
from helpers import build_database
from portal766_fixtures import BINH_MINH, DOSSIERS, HOA_AN, evaluation_answer, progress_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import comparison, load_portal_files

MARCH = parse_period("2026-03")
STORED = """
    select source_file, source_position, portal_unit_name, department_code, unit_level, is_parent, indicator_id,
           portal_indicator_name, numerator, denominator, overdue, mean_processing_days, ratio_percent, points,
           max_points, unit_name, match_kind, period_start, period_end, mode
    from portal766_published order by source_file desc, source_position, indicator_id
"""


@pytest.fixture
def loaded(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    files = [write_json(tmp_path, "tien_do.json", progress_answer()),
             write_json(tmp_path, "danh_gia.json", evaluation_answer())]
    summary = load_portal_files(con, files, MARCH, params_dir)
    return con, summary


def test_every_figure_is_stored_as_read_with_its_position_and_unit(loaded):
    con, summary = loaded
    rows = db.query(con, STORED).rows()
    assert {(r[-3], r[-2], r[-1]) for r in rows} == {(MARCH.start, MARCH.end, "calendar")}
    progress, evaluation = "tien_do.json", "danh_gia.json"
    assert [r[:-3] for r in rows] == [
        (progress, "data.children[0]", "Xã Hòa An - Tỉnh Cao Bằng", "H56.10", "COMMUNE", False, "2.1", None,
         2, 3, 1, 1.5, 66.67, 13.33, 20.0, HOA_AN, "name"),
        (progress, "data.children[1]", "UBND XÃ BÌNH MINH", "H56.11", "COMMUNE", False, "2.1", None,
         3, 3, 0, 0.5, 100.0, 20.0, 20.0, BINH_MINH, "name"),
        (progress, "data.children[2]", "Xã Tân Lập", "H56.12", "COMMUNE", False, "2.1", None,
         3, 4, 1, 3.0, 75.0, 15.0, 20.0, None, "unmatched"),
        (progress, "data.parent", "Tỉnh Cao Bằng", "H56", "PROVINCE", True, "2.1", None,
         8, 10, 2, 2.4, 80.0, 16.0, 20.0, None, "unmatched"),
        # totalScore / totalMaxScore of the parent; totalCompleted is not read
        (progress, "data.parent", "Tỉnh Cao Bằng", "H56", "PROVINCE", True, "total", "Tổng điểm (Cổng công bố)",
         None, None, None, None, None, 71.5, 100.0, None, "unmatched"),
        (evaluation, "data.evaluation[0].metrics[0]", "Xã Hòa An", "H56.10", "COMMUNE", False, "5.4",
         "Mức độ hài lòng", 1, 4, None, None, 25.0, 1.67, 6.0, HOA_AN, "name"),
        (evaluation, "data.evaluation[0].metrics[1]", "Xã Hòa An", "H56.10", "COMMUNE", False, "5.1",
         "Tiếp nhận phản ánh, kiến nghị", 0, 0, None, None, None, 4.0, 4.0, HOA_AN, "name"),
        # the null metric stays null: unknown, never 0
        (evaluation, "data.evaluation[1].metrics[0]", "Xã Bình Minh", "H56.11", "COMMUNE", False, "5.4",
         "Mức độ hài lòng", None, None, None, None, None, None, 6.0, BINH_MINH, "name"),
    ]
    assert (summary.stored, summary.replaced) == (8, 0)
    assert [(f.file_name, f.figures, f.units) for f in summary.files] == [(progress, 5, 4), (evaluation, 3, 2)]
    assert summary.unmatched_units == ["Xã Tân Lập"]  # the parent is its own reading, not an unmatched commune
    assert [p.name for p in summary.periods] == ["2026-03"]


def test_the_comparison_per_unit_and_indicator(loaded):
    con, _ = loaded
    frame = comparison(con, MARCH)
    columns = ["portal_unit_name", "unit_name", "indicator_id", "portal_numerator", "portal_denominator",
               "portal_points", "our_numerator", "our_denominator", "our_points", "numerator_difference",
               "denominator_difference", "points_difference", "reading"]
    # ours by hand (portal766_fixtures): Hòa An 2.1 and 5.4 = 2/4, 10.00 and 3.33; Bình Minh 3/3, 20.00 and 6.00
    assert frame.select(columns).rows() == [
        ("Tỉnh Cao Bằng", None, "2.1", 8, 10, 16.0, None, None, None, None, None, None, "parent_not_compared"),
        ("Tỉnh Cao Bằng", None, "total", None, None, 71.5, None, None, None, None, None, None,
         "parent_not_compared"),
        ("UBND XÃ BÌNH MINH", BINH_MINH, "2.1", 3, 3, 20.0, 3, 3, 20.0, 0, 0, 0.0, "same"),
        ("Xã Bình Minh", BINH_MINH, "5.4", None, None, None, 3, 3, 6.0, None, None, None, "portal_unknown"),
        # 3 - 4 = -1 dossier; 13.33 - 10.00 = +3.33 points
        ("Xã Hòa An - Tỉnh Cao Bằng", HOA_AN, "2.1", 2, 3, 13.33, 2, 4, 10.0, 0, -1, 3.33, "portal_fewer_dossiers"),
        # same 4 dossiers, 1 - 2 = -1 met; 1.67 - 3.33 = -1.66 points
        ("Xã Hòa An", HOA_AN, "5.4", 1, 4, 1.67, 2, 4, 3.33, -1, 0, -1.66, "portal_fewer_met"),
        ("Xã Hòa An", HOA_AN, "5.1", 0, 0, 4.0, None, None, None, None, None, None, "not_comparable"),
        ("Xã Tân Lập", None, "2.1", 3, 4, 15.0, None, None, None, None, None, None, "unit_unmatched"),
    ]
    sentences = dict(zip(frame["reading"], frame["reading_vi"], strict=False))
    assert sentences["portal_fewer_dossiers"] == ("Cổng quốc gia đếm ít hơn 1 hồ sơ so với dữ liệu xuất: kiểm tra "
                                                  "việc đồng bộ lên Cổng Dịch vụ công quốc gia.")
    assert sentences["portal_fewer_met"].startswith("Cùng số hồ sơ, nhưng Cổng quốc gia tính ít hơn 1 hồ sơ đạt")
    assert "«Xã Tân Lập»" in sentences["unit_unmatched"] and "params/units.csv" in sentences["unit_unmatched"]


def test_one_unit_of_ours_and_a_period_without_figures(loaded):
    con, _ = loaded
    hoa_an = comparison(con, MARCH, unit="ubnd xã hòa an")
    assert hoa_an.select("indicator_id", "reading").rows() == [
        ("2.1", "portal_fewer_dossiers"), ("5.4", "portal_fewer_met"), ("5.1", "not_comparable")]
    assert comparison(con, parse_period("2026-04")).is_empty()


def test_a_stored_macro_a_notebook_can_call(loaded):
    con, _ = loaded
    # the comparison is the macro's rows: the same call in plain SQL gives the same readings
    readings = db.query(con, "select reading, count(*) as n from portal766_comparison(DATE '2026-03-01', "
                             "DATE '2026-03-31', NULL) group by all order by reading").rows()
    assert readings == [("not_comparable", 1), ("parent_not_compared", 2), ("portal_fewer_dossiers", 1),
                        ("portal_fewer_met", 1), ("portal_unknown", 1), ("same", 1), ("unit_unmatched", 1)]
