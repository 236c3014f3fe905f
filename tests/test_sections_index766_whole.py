"""Report 07's whole score of 100: the portal's when published, else the estimate labelled so; pages and months."""

from __future__ import annotations

import altair as alt
import pytest
from helpers import PARAMS, database_file
from IPython.display import Markdown
from portal766_fixtures import DOSSIERS, HOA_AN, PAGES, page_answer, write_json

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files
from hoaan_analytics.sections import context
from hoaan_analytics.sections import index766 as sections

NAMES = {"HA": "Xã Hòa An", "BM": "UBND xã Bình Minh", "TL": "Xã Tân Lập"}
# February's six pages: Hòa An 12 + 5 + 6 + 7 + 8 + 9 = 47, Bình Minh 58, Tân Lập 53 -> Hòa An 3rd of 3
FEBRUARY = {"HA": (12, 5, 6, 7, 8, 9), "BM": (20, 5, 6, 7, 8, 12), "TL": (15, 5, 6, 7, 8, 12)}


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whole")
    path = database_file(folder / "hoaan.duckdb", DOSSIERS, PARAMS)
    con = db.connect(path)
    try:
        files = [write_json(folder, f"{n}.json", page_answer(page, {u: p[n] for u, p in FEBRUARY.items()},
                                                             names=NAMES)) for n, page in enumerate(PAGES)]
        load_portal_files(con, files, parse_period("2026-02"), PARAMS)
    finally:
        con.close()
    return path


def report(database, period, unit=HOA_AN):
    return context.open_report(database, period, unit=unit, params_dir=PARAMS)


def test_a_published_month_shows_the_portal_s_score_pages_and_months(database):
    ctx = report(database, "2026-02")
    try:
        assert sections.whole_summary(ctx).data == ("**Điểm Cổng công bố** kỳ Tháng 2 năm 2026: **47 / 100 điểm**, "
                                                    "hạng 3/3 đơn vị cùng cấp của tỉnh.")
        pages = sections.whole_pages_chart(ctx)
        assert isinstance(pages, alt.LayerChart)
        values = pages.to_dict()["datasets"]
        [rows] = [v for v in values.values() if v and "category" in v[0]]
        assert [(r["category"], r["points"], r["max_points"]) for r in rows] == [
            ("Tiến độ giải quyết", 12, 20), ("Thanh toán trực tuyến", 5, 10),
            ("Cung cấp dịch vụ công trực tuyến", 6, 12),
            ("Công khai, minh bạch", 7, 18), ("Số hóa hồ sơ", 8, 22), ("Mức độ hài lòng", 9, 18)]
        months = sections.whole_months_chart(ctx).to_dict()["datasets"]
        [rows] = [v for v in months.values() if v and "category" in v[0]]
        assert [(r["category"], r["points"]) for r in rows] == [("T2 (3/3)", 47)]
    finally:
        ctx.close()


def test_before_publication_the_estimate_is_labelled_so(database):
    ctx = report(database, "2026-03")
    try:
        # ours 2.1 = 10, 3.5 = 3.6 = 0, 5.4 = 3.33; February's points elsewhere: 6 + 7 + 8 = 21 (test_index766_whole)
        text = sections.whole_summary(ctx).data
        assert text.startswith("**Điểm ước tính trước khi Cổng công bố** kỳ Tháng 3 năm 2026: **34,33 / 100 điểm**, "
                               "hạng tạm tính 3/3 đơn vị cùng cấp của tỉnh.")
        assert "sớm nhất 2026-02" in text
    finally:
        ctx.close()


def test_an_all_units_report_says_the_whole_score_is_per_unit(database):
    ctx = report(database, "2026-03", unit=None)
    try:
        for section in (sections.whole_summary, sections.whole_pages_chart, sections.whole_months_chart):
            result = section(ctx)
            assert isinstance(result, Markdown) and "chỉ có trong báo cáo của một đơn vị" in result.data
    finally:
        ctx.close()
