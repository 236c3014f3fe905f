"""One report computes each period's KPIs and Biểu 06 once, and shows the same numbers as uncached calls."""

import base64
import io
import re

import openpyxl
import polars as pl
from helpers import PARAMS
from polars.testing import assert_frame_equal

from hoaan_analytics import analyses, db
from hoaan_analytics.form06 import FORM06_COLUMNS, form06_frame
from hoaan_analytics.periods import parse_period
from hoaan_analytics.sections import context, overview

UNIT = "UBND xã Kim Bình"


def _count_kpi_queries(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = context.compute_kpis

    def counted(con, period, *, unit=None):
        calls.append(period.name)
        return real(con, period, unit=unit)

    monkeypatch.setattr(context, "compute_kpis", counted)
    return calls


def test_overview_computes_each_period_once(demo_db, monkeypatch):
    calls = _count_kpi_queries(monkeypatch)
    ctx = context.open_report(demo_db.db_path, "2026-Q3", unit=UNIT, params_dir=PARAMS)
    try:
        for section in (overview.kpi_summary, overview.targets_table, overview.targets_chart,
                        overview.trend_chart, overview.trend_table, overview.glide_path_text,
                        overview.glide_path_table):
            section(ctx)
            ctx.release()  # as after every notebook cell
    finally:
        ctx.close()
    # 2026-Q3 (open_report), the trend's three quarters before it, and 2025-Q3 for the glide path:
    # five periods, each once, where the sections used to ask 13 times
    assert sorted(calls) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]


def test_cached_trend_and_glide_path_equal_the_uncached_analyses(demo_db):
    period = parse_period("2026-Q3")
    ctx = context.open_report(demo_db.db_path, period.name, unit=UNIT, params_dir=PARAMS)
    try:
        trend, glide, form06 = overview._trend(ctx), overview._glide(ctx), overview._form06(ctx)
        targets = ctx.targets
    finally:
        ctx.close()
    con = db.connect(demo_db.db_path, read_only=True)
    try:
        assert_frame_equal(trend, analyses.kpi_trend(con, period, unit=UNIT, periods=overview.TREND_PERIODS))
        assert_frame_equal(glide, analyses.glide_path(con, period, targets, unit=UNIT))
        assert_frame_equal(form06, form06_frame(con, period, unit=UNIT))
    finally:
        con.close()
    assert trend["period_name"].to_list() == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]


def test_form06_download_holds_the_rows_of_the_table(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q3", params_dir=PARAMS)
    try:
        shown = overview._form06(ctx)
        link = overview.form06_download(ctx).data
    finally:
        ctx.close()
    payload = re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)
    sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(payload))).active
    rows = list(sheet.iter_rows(values_only=True))
    # the total row of the workbook carries columns (3)-(13) of the table's total row
    total = shown.filter(pl.col("is_total")).select(FORM06_COLUMNS).row(0)
    assert any(tuple(r[-len(FORM06_COLUMNS):]) == total for r in rows if r and "Tổng cộng" in map(str, r))
