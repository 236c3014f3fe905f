"""Report 07's sections and the overview's 766 line read the scorecard macros once, and say so when empty."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest
from great_tables import GT
from helpers import PARAMS
from IPython.display import Markdown

from hoaan_analytics import db, index766
from hoaan_analytics.periods import parse_period
from hoaan_analytics.sections import context, overview
from hoaan_analytics.sections import index766 as sections

UNIT = "UBND xã Kim Bình"
REPORT_SECTIONS = (sections.estimate_note, sections.summary, sections.groups_chart, sections.groups_table,
                   sections.indicators_table, sections.monthly_chart, sections.units_chart, sections.units_table,
                   sections.lost_points_text, sections.lost_points_by_reason_table, sections.lost_points_list)


@pytest.fixture
def report(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q3", params_dir=PARAMS)
    yield ctx
    ctx.close()


def test_every_section_twice_runs_no_query_twice(report):
    for section in (*REPORT_SECTIONS, *REPORT_SECTIONS):
        section(report)
        report.release()  # as after every notebook cell
    statements = report.queries
    assert len(statements) == len(set(statements))
    # the scorecard, its groups, the units' totals, the months, the reasons and the list: one statement each
    scorecard_calls = [s for s, _ in statements if "index766" in s]
    assert len(scorecard_calls) == 6


def test_months_of_the_year_up_to_the_period(report):
    assert [m.name for m in sections.year_months(report)] == [f"2026-{m:02d}" for m in range(1, 10)]
    cutoff = sections.year_months(SimpleNamespace(period=parse_period("2026-Q2", "cutoff")))
    # cut-off months run from the 15th: January 2026 is 15/12/2025–14/01/2026, the last one ends 14/06
    assert cutoff[0].start.isoformat() == "2025-12-15" and cutoff[-1].end.isoformat() == "2026-06-14"


def test_overview_line_shows_the_estimate_and_links_report_07(report, demo_db):
    line = overview.index766_line(report).data
    con = db.connect(demo_db.db_path, read_only=True)
    try:
        groups = index766.groups(con, parse_period("2026-Q3"))
    finally:
        con.close()
    total = groups.filter(groups["is_total"]).row(0, named=True)
    assert f"**{sections.points_of(total['points'], total['max_points'])}**" in line
    # report 07 sits next to 01 in the unit's folder of a run (report.batch.plan_jobs)
    assert "](07-chi-so-766.html)" in line
    assert "48 điểm còn lại không tính được" in line


def test_field_satisfaction_against_the_field_target(report, demo_db):
    rendered = overview.field_satisfaction_table(report)
    assert isinstance(rendered, GT)
    page = rendered.as_raw_html()
    # params/targets.yaml: the plan's 90% for land, construction, investment holds from 2025 (III.8)
    assert "Đất đai" in page and "90,0%" in page and "95,0%" in page
    assert "riêng cho lĩnh vực Đất đai, Xây dựng, Đầu tư, từ năm 2025 (áp dụng cho kỳ này" in page


def test_field_specific_target_wins_in_its_years(demo_db):
    # params/targets.yaml: satisfaction ≥ 95% from 2025, ≥ 90% for Đất đai, Xây dựng, Đầu tư from 2025.
    # The rows of kpi_table(by="field") are kept in the report's memo; here two fields at 92% in 2027:
    # Đất đai 92% ≥ 90% is met, Hộ tịch 92% < 95% is not.
    ctx = context.open_report(demo_db.db_path, "2027-Q1", params_dir=PARAMS)
    try:
        by_field = pl.DataFrame({"field_name": ["Đất đai", "Hộ tịch"], "handled": [10, 9],
                                 "satisfaction_rate": [0.92, 0.92]})
        ctx.memo(("kpi_table", "field", ctx.period), lambda: by_field)
        page = overview.field_satisfaction_table(ctx).as_raw_html()
    finally:
        ctx.close()
    land, civil = page.index(">Đất đai<"), page.index(">Hộ tịch<")
    assert "90,0%" in page[land:civil] and ">Đạt<" in page[land:civil]
    assert "95,0%" in page[civil:] and ">Chưa đạt<" in page[civil:]
    assert "(áp dụng cho kỳ này; in đậm khi áp dụng)" in page



def test_one_unit_has_no_ranking_and_an_empty_month_chart_is_a_sentence(one_unit_db):
    ctx = context.open_report(one_unit_db, "2026-Q1")
    try:
        for section in (sections.units_chart, sections.units_table):
            result = section(ctx)
            assert isinstance(result, Markdown) and "chỉ có một đơn vị" in result.data
        # one dossier of 2.000815 (a fee, a paper result), offline, on time, nothing paid, no flag columns:
        # 2.1 20/20, 5.4 6/6, 3.5 0/2 and 3.6 0/6 (not paid online); 4.1–4.5 unknown, no points; 3.3 none
        assert "**26 / 34 điểm tính được**" in sections.summary(ctx).data
    finally:
        ctx.close()
