"""Report 07 (Chỉ số 766) rendered on the demo database: offline, its numbers the library's, no personal value.

Three renders of notebooks/07_chi_so_766.ipynb, made by conftest's rendered_reports with
every other notebook: all units (its "defaults" variant: 2026-Q3, six units: the ranking
is shown), one unit (UBND xã Kim Bình, 2026-Q2: its rank among the units instead), and an
empty period (2024-Q1, before the demo data starts).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EMPTY_REPORT, REPORT_UNIT, REPORT_VARIANTS

from hoaan_analytics import db, index766
from hoaan_analytics.periods import parse_period
from hoaan_analytics.report import html
from hoaan_analytics.sections.index766 import LISTED_PER_INDICATOR, points_of

STEM = EMPTY_REPORT[1]
UNIT = REPORT_UNIT
# name here -> (variant of rendered_reports, period, unit)
VARIANTS = {"all": ("defaults", "2026-Q3", None), "unit": ("unit", REPORT_VARIANTS["unit"]["period"], UNIT),
            "empty": (EMPTY_REPORT[0], EMPTY_REPORT[2]["period"], None)}
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(rendered_reports):
    """{variant: html text} and the output folder."""
    return ({name: rendered_reports.pages[variant][STEM][0] for name, (variant, _, _) in VARIANTS.items()},
            rendered_reports.out)


def _library(db_path, period_name, unit=None, by_unit=False):
    con = db.connect(db_path, read_only=True)
    try:
        period = parse_period(period_name)
        return (index766.groups(con, period, unit=unit, by_unit=by_unit),
                index766.lost_points_by_reason(con, period, unit=unit))
    finally:
        con.close()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_offline_and_says_these_are_estimates(rendered, variant):
    page = rendered[0][variant]
    assert html.external_urls(page) == []
    assert "Đây là điểm ước tính, không phải điểm chính thức" in page
    # the 48 points no export can show, each with why
    assert "<strong>48 điểm không tính được</strong>" in page
    for name in ("Công khai, minh bạch và tỷ lệ đồng bộ hồ sơ", "Tiếp nhận, xử lý phản ánh, kiến nghị"):
        assert name in page


@pytest.mark.parametrize("variant", ["all", "unit"])
def test_the_total_is_the_macros(rendered, demo_db, variant):
    _, period, unit = VARIANTS[variant]
    groups, _ = _library(demo_db.db_path, period, unit)
    total = groups.filter(groups["is_total"]).row(0, named=True)
    assert total["max_points"] > 0
    assert f"<strong>{points_of(total['points'], total['max_points'])}</strong>" in rendered[0][variant]
    assert 'class="hoaan-chart"' in rendered[0][variant]


def test_all_units_are_ranked(rendered, demo_db):
    page = rendered[0]["all"]
    groups, _ = _library(demo_db.db_path, "2026-Q3", by_unit=True)
    totals = groups.filter(groups["is_total"]).sort("scope_rank")
    assert totals.height == 6
    # the chart's categories are "rank. unit": the best unit first
    assert f"1. {totals['scope_unit_name'][0]}" in page
    assert "Xếp hạng đơn vị theo điểm ước tính" in page


def test_one_unit_gets_its_rank_and_no_ranking(rendered, demo_db):
    page = rendered[0]["unit"]
    groups, _ = _library(demo_db.db_path, "2026-Q2", by_unit=True)
    totals = groups.filter(groups["is_total"])
    rank = totals.filter(totals["scope_unit_name"] == UNIT)["scope_rank"][0]
    assert f"{UNIT} xếp thứ <strong>{rank}/{totals.height}</strong>" in page
    assert "bảng xếp hạng các đơn vị có trong báo cáo của toàn bộ đơn vị" in page


def test_lost_points_listed_with_counts_and_a_cap(rendered, demo_db):
    page = rendered[0]["all"]
    _, counts = _library(demo_db.db_path, "2026-Q3")
    assert "Trả kết quả quá hạn" in page and "Không thanh toán trực tuyến" in page
    long_lists = counts.filter(counts["indicator_dossiers"] > LISTED_PER_INDICATOR)
    assert long_lists.height > 0  # the demo has indicators with more than 200 such dossiers
    assert f"chỉ liệt kê {LISTED_PER_INDICATOR} hồ sơ đầu tiên" in page


def test_an_empty_period_says_so(rendered):
    page = rendered[0]["empty"]
    assert "không có hồ sơ nào phải giải quyết trong kỳ báo cáo" in page
    assert "Chưa có tháng nào của năm 2024 có hồ sơ để ước tính điểm" in page
    assert 'class="hoaan-chart"' not in page


def test_no_personal_value(rendered_reports_scan):
    findings, scanned = rendered_reports_scan  # the audit of every render, this report's among them
    mine = [p for p in map(Path, scanned) if p.stem == STEM and p.parent.name in {v for v, _, _ in VARIANTS.values()}]
    assert len(mine) == 2 * len(VARIANTS)  # each HTML and its executed notebook
    assert findings == []
