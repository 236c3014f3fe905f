"""open_report: the default period, the unit's own spelling, clear errors."""

import base64
import io

import openpyxl
import pytest
from helpers import PARAMS

from hoaan_analytics import db, schema
from hoaan_analytics.errors import HoaanError, UnknownUnitError
from hoaan_analytics.sections import context, overview
from hoaan_analytics.tables import format_percent_vi


@pytest.mark.parametrize("mode", ["calendar", "cutoff"])
def test_default_period_is_the_quarter_before_the_newest_event(demo_db, mode):
    # newest event 20/11/2026: calendar Q4 (1/10–31/12) and cut-off Q4 (15/9–14/12) hold it -> Q3
    ctx = context.open_report(demo_db.db_path, mode=mode, params_dir=PARAMS)
    try:
        assert (ctx.period.name, ctx.period.mode) == ("2026-Q3", mode)
        assert str(ctx.reference_on) == str(ctx.period.end)
    finally:
        ctx.close()


def test_unit_is_matched_without_case_and_shown_as_the_data_spells_it(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q2", unit="ubnd xã kim bình")
    try:
        assert ctx.unit == ctx.scope_label == "UBND xã Kim Bình"
    finally:
        ctx.close()


def test_unknown_unit(demo_db):
    with pytest.raises(UnknownUnitError, match="UBND xã Hòa An"):
        context.open_report(demo_db.db_path, "2026-Q2", unit="Xã Không Có")


def test_a_database_never_loaded(tmp_path):
    path = tmp_path / "bare.duckdb"
    con = db.connect(path)
    schema.ensure_schema(con)
    con.close()
    with pytest.raises(HoaanError, match="never loaded.*Run `hoaan ingest`"):
        context.open_report(path)


def test_summary_prints_the_library_on_time_rate(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q2")
    try:
        text = overview.kpi_summary(ctx).data
        assert f"**{format_percent_vi(ctx.kpis['on_time_rate'])}**" in text
    finally:
        ctx.close()


def test_form06_download_is_the_excel_file_inside_the_page(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q2", unit="UBND xã Kim Bình")
    try:
        link = overview.form06_download(ctx).data
        payload = link.split(";base64,", 1)[1].split('"', 1)[0]
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(payload))).active
        totals = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Tổng cộng"]
        # column 3 of Biểu 06 = handled
        assert totals and totals[0][2] == ctx.kpis["handled"]
        assert "http" not in link
    finally:
        ctx.close()
