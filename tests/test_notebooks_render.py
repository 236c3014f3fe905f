"""Every report notebook, executed on the demo database and exported to offline HTML, three ways:

- defaults: only db_path given (period None = the latest complete quarter of the data:
  newest event 20/11/2026 lies in Q4, so 2026-Q3), all units;
- one unit (UBND xã Kim Bình), 2026-Q2, calendar;
- all units, a cut-off period (2026-Q2 in cut-off mode: 15/03/2026 to 14/06/2026).

Each page must print the KPI values the library computes, formatted as the report
prints them ("94,0%"), load nothing from the network, and hold none of the personal
values of the exports (HTML, executed notebooks and the charts' data). The renders are
conftest's rendered_reports (helpers.REPORT_VARIANTS), made once per session.
"""

from __future__ import annotations

import json

import pytest
from helpers import NOTEBOOKS, REPORT_UNIT, REPORT_VARIANTS

from hoaan_analytics import audit, db
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period
from hoaan_analytics.report import html
from hoaan_analytics.report.display import VEGALITE_MIME
from hoaan_analytics.tables import format_number_vi, format_percent_vi

NOTEBOOK_COUNT = len(list(NOTEBOOKS.glob("*.ipynb")))
UNIT = REPORT_UNIT
# conftest's rendered_reports renders them once for this file and test_report_index766.py
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(rendered_reports):
    """The three variants: ({variant: {notebook stem: (html text, executed nb)}}, the output folder)."""
    return {variant: rendered_reports.pages[variant] for variant in REPORT_VARIANTS}, rendered_reports.out


def _kpis(db_path, period_name, mode="calendar", unit=None):
    con = db.connect(db_path, read_only=True)
    try:
        return compute_kpis(con, parse_period(period_name, mode), unit=unit)
    finally:
        con.close()


SCOPES = {"defaults": ("2026-Q3", "calendar", None), "unit": ("2026-Q2", "calendar", UNIT),
          "cutoff": ("2026-Q2", "cutoff", None)}


@pytest.mark.parametrize("variant", list(SCOPES))
def test_overview_prints_the_library_kpis(rendered, demo_db, variant):
    page = rendered[0][variant]["01_tong_quan"][0]
    kpis = _kpis(demo_db.db_path, *SCOPES[variant])
    for key in ("on_time_rate", "online_share", "online_payment_share", "time_reduction", "satisfaction_rate"):
        assert format_percent_vi(kpis[key]) in page, key
    assert f"<strong>{format_number_vi(kpis['handled'])}</strong>" in page
    assert f"<strong>{format_number_vi(kpis['resolved'])}</strong>" in page


@pytest.mark.parametrize("variant", list(SCOPES))
def test_each_notebook_prints_its_main_kpi(rendered, demo_db, variant):
    pages = {stem: text for stem, (text, _) in rendered[0][variant].items()}
    kpis = _kpis(demo_db.db_path, *SCOPES[variant])
    assert f"<strong>{format_percent_vi(kpis['on_time_rate'])}</strong>" in pages["02_dung_han"]
    assert f"<strong>{format_number_vi(kpis['pending_overdue'])}</strong>" in pages["02_dung_han"]
    assert f"<strong>{format_percent_vi(kpis['online_share'])}</strong>" in pages["03_truc_tuyen_thanh_toan"]
    assert f"<strong>{format_percent_vi(kpis['online_payment_share'])}</strong>" in pages["03_truc_tuyen_thanh_toan"]
    assert f"<strong>{format_percent_vi(kpis['time_reduction'])}</strong>" in pages["04_thoi_gian_giai_quyet"]


def test_the_scope_line_names_period_mode_and_unit(rendered):
    pages = rendered[0]
    overview = pages["defaults"]["01_tong_quan"][0]
    assert "Quý III năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026; kỳ theo lịch)" in overview
    assert "Toàn bộ đơn vị" in overview
    assert UNIT in pages["unit"]["02_dung_han"][0]
    assert "từ ngày 15/03/2026 đến ngày 14/06/2026" in pages["cutoff"]["01_tong_quan"][0]


def test_overview_has_form06_and_its_excel_download(rendered):
    page = rendered[0]["defaults"]["01_tong_quan"][0]
    assert "Biểu số 06/VPCP/KSTT" in page and "Tổng cộng" in page
    assert 'download="bieu-06_2026-q3_toan-bo-don-vi.xlsx"' in page
    assert "href=\"data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," in page


def test_communes_report_ranks_every_unit_with_the_median(rendered):
    page = rendered[0]["defaults"]["05_so_sanh_don_vi"][0]
    assert "Trung vị các đơn vị" in page
    for name in ("UBND xã Hòa An", "UBND xã Kim Bình", "UBND xã Kiên Đài", "UBND xã Tân Mỹ",
                 "UBND xã Yên Lập", "UBND xã Chiêm Hóa"):
        assert name in page


@pytest.mark.parametrize("variant", list(SCOPES))
def test_no_external_script_or_style(rendered, variant):
    for stem, (page, _) in rendered[0][variant].items():
        assert html.external_urls(page) == [], stem


def test_charts_are_interactive_and_pages_a_few_megabytes_at_most(rendered):
    for variant, pages in rendered[0].items():
        for stem, (page, _) in pages.items():
            assert len(page.encode("utf-8")) < 2_500_000, (variant, stem)
            if stem != "06_chat_luong_du_lieu":
                assert 'class="hoaan-chart"' in page and '"tooltip"' in page, (variant, stem)


def _chart_datasets(nb) -> list[list[dict]]:
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            spec = output.get("data", {}).get(VEGALITE_MIME)
            if spec:
                found += list(spec.get("datasets", {}).values())
    return found


def test_charts_get_aggregated_rows_only(rendered):
    for pages in rendered[0].values():
        for stem, (_, nb) in pages.items():
            for rows in _chart_datasets(nb):
                assert len(rows) <= 200, stem
                assert not any("dossier_id" in row for row in rows), stem


def test_the_search_finds_a_planted_value(demo_personal_values):
    personal_values = demo_personal_values
    name = sorted(v for v in personal_values["name"] if len(v) >= 6)[0]
    phone = sorted(personal_values["phone"])[0]
    assert [f.kind for f in audit.scan_text(f"<td>{name}</td>", "planted", personal_values)] == ["name"]
    assert "phone" in [f.kind for f in audit.scan_text(f'{{"x": "{phone}"}}', "planted", personal_values)]


def test_no_personal_value_of_the_exports_anywhere(rendered, demo_personal_values, rendered_reports_scan):
    files = sorted(p for p in rendered[1].rglob("*") if p.suffix in (".html", ".ipynb"))
    # each notebook in the three variants, and report 07 on an empty period (test_report_index766.py)
    assert len(files) == 2 * (3 * NOTEBOOK_COUNT + 1)
    # the audit searches HTML (decoded) and every string of the notebooks, values and ID/phone shapes
    findings, scanned = rendered_reports_scan
    assert len(scanned) == len(files)
    assert findings == []
    chart_text = json.dumps([_chart_datasets(nb) for pages in rendered[0].values() for _, nb in pages.values()],
                            ensure_ascii=False)
    assert audit.scan_text(chart_text, "chart data", demo_personal_values) == []
