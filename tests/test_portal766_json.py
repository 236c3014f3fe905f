"""Saved answers (a tree page, an evaluation page) become figures by the page table, beside our 766 estimate."""

from __future__ import annotations

import pytest
from helpers import build_database
from portal766_fixtures import BINH_MINH, DOSSIERS, HOA_AN, progress_answer, satisfaction_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import comparison, load_portal_files

MARCH = parse_period("2026-03")
FIGURES = """
    select source_file, source_position, portal_unit_name, is_parent, page, indicator_id, portal_indicator_name,
           numerator, denominator, points, max_points, unit_name, match_kind
    from portal766_figures order by source_file, source_position, indicator_id
"""


@pytest.fixture
def loaded(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    # the files' names say nothing: each answer is recognised by its fields
    files = [write_json(tmp_path, "a.json", progress_answer()), write_json(tmp_path, "b.json", satisfaction_answer())]
    summary = load_portal_files(con, files, MARCH, params_dir)
    return con, summary


def test_each_answer_is_kept_as_received_and_read_as_its_page(loaded, tmp_path):
    con, summary = loaded
    stored = db.query(con, "select source_file, source_position, endpoint, period_name, captured_at, "
                           "cast(answer as varchar) as answer from portal766_answers order by answer_id").rows()
    assert [r[:5] for r in stored] == [("a.json", "(file)", None, "2026-03", None),
                                       ("b.json", "(file)", None, "2026-03", None)]
    assert stored[0][5] == (tmp_path / "a.json").read_text(encoding="utf-8")
    assert [(a["file_name"], a["page"], a["units"]) for a in summary.answers] == [
        ("a.json", "dvc-progress-tree", 3), ("b.json", "handling-satisfaction", 2)]
    assert (summary.stored, summary.replaced, summary.unknown_pages, summary.unmapped_codes) == (2, 0, [], [])
    assert summary.unmatched_units == ["Xã Tân Lập"]  # the province is its own reading, not an unmatched commune


def test_the_figures_through_the_page_table(loaded):
    con, _ = loaded
    rows = db.query(con, FIGURES).rows()
    progress, satisfaction = ("a.json", "dvc-progress-tree"), ("b.json", "handling-satisfaction")
    assert rows == [
        # 2.1: n totalOnTime, m totalReceived, points = the node's score (the province's: totalScore)
        (progress[0], "data.children[0]", "Xã Hòa An - Tỉnh Cao Bằng", False, progress[1], "2.1", None, 2, 3,
         13.33, 20.0, HOA_AN, "name"),
        (progress[0], "data.children[1]", "UBND XÃ BÌNH MINH", False, progress[1], "2.1", None, 3, 3, 20.0, 20.0,
         BINH_MINH, "name"),
        (progress[0], "data.children[2]", "Xã Tân Lập", False, progress[1], "2.1", None, 3, 4, 15.0, 20.0, None,
         "unmatched"),
        (progress[0], "data.parent", "UBND tỉnh Cao Bằng", True, progress[1], "2.1", None, 8, 10, 16.0, 20.0,
         None, "unmatched"),
        # codes by the table: DOSSIER_RECEIVING_SATISFACTION is 5.4, PETITION_CLASSIFICATION_TTHC 5.1 (0 points)
        (satisfaction[0], "data.evaluation[0].metrics[0]", "Xã Hòa An", False, satisfaction[1], "5.4",
         "Dossier_Receiving_Satisfaction", 1, 4, 1.67, 6.0, HOA_AN, "name"),
        (satisfaction[0], "data.evaluation[0].metrics[1]", "Xã Hòa An", False, satisfaction[1], "5.2",
         "Petition_Processing_On_Time", 0, 0, 6.0, 6.0, HOA_AN, "name"),
        (satisfaction[0], "data.evaluation[0].metrics[2]", "Xã Hòa An", False, satisfaction[1], "5.1",
         "Petition_Classification_Tthc", 0, 0, None, 0.0, HOA_AN, "name"),
        # the null metric stays null: unknown, never 0
        (satisfaction[0], "data.evaluation[1].metrics[0]", "Xã Bình Minh", False, satisfaction[1], "5.4",
         "Dossier_Receiving_Satisfaction", None, None, None, 6.0, BINH_MINH, "name"),
        (satisfaction[0], "data.overview.metrics[0]", "UBND tỉnh Cao Bằng", True, satisfaction[1], "5.4",
         "Dossier_Receiving_Satisfaction", 5, 10, 3.33, 6.0, None, "unmatched"),
    ]


def test_the_comparison_per_unit_and_indicator(loaded):
    con, _ = loaded
    frame = comparison(con, MARCH)
    columns = ["portal_unit_name", "unit_name", "indicator_id", "portal_numerator", "portal_denominator",
               "portal_points", "our_numerator", "our_denominator", "our_points", "numerator_difference",
               "denominator_difference", "points_difference", "reading"]
    # ours by hand (portal766_fixtures): Hòa An 2.1 and 5.4 = 2/4, 10.00 and 3.33; Bình Minh 3/3, 20.00 and 6.00
    assert frame.select(columns).rows() == [
        ("UBND tỉnh Cao Bằng", None, "2.1", 8, 10, 16.0, None, None, None, None, None, None, "parent_not_compared"),
        ("UBND tỉnh Cao Bằng", None, "5.4", 5, 10, 3.33, None, None, None, None, None, None, "parent_not_compared"),
        ("UBND XÃ BÌNH MINH", BINH_MINH, "2.1", 3, 3, 20.0, 3, 3, 20.0, 0, 0, 0.0, "same"),
        ("Xã Bình Minh", BINH_MINH, "5.4", None, None, None, 3, 3, 6.0, None, None, None, "portal_unknown"),
        ("Xã Hòa An - Tỉnh Cao Bằng", HOA_AN, "2.1", 2, 3, 13.33, 2, 4, 10.0, 0, -1, 3.33, "portal_fewer_dossiers"),
        # same 4 dossiers, 1 - 2 = -1 met; 1.67 - 3.33 = -1.66 points
        ("Xã Hòa An", HOA_AN, "5.4", 1, 4, 1.67, 2, 4, 3.33, -1, 0, -1.66, "portal_fewer_met"),
        ("Xã Hòa An", HOA_AN, "5.1", 0, 0, None, None, None, None, None, None, None, "not_comparable"),
        ("Xã Hòa An", HOA_AN, "5.2", 0, 0, 6.0, None, None, None, None, None, None, "not_comparable"),
        ("Xã Tân Lập", None, "2.1", 3, 4, 15.0, None, None, None, None, None, None, "unit_unmatched"),
    ]


def test_one_unit_of_ours_and_a_period_without_figures(loaded):
    con, _ = loaded
    hoa_an = comparison(con, MARCH, unit="ubnd xã hòa an")
    assert hoa_an.select("indicator_id", "reading").rows() == [
        ("2.1", "portal_fewer_dossiers"), ("5.4", "portal_fewer_met"), ("5.1", "not_comparable"),
        ("5.2", "not_comparable")]
    assert comparison(con, parse_period("2026-04")).is_empty()
