"""Report 08 (Việc cần làm) rendered on the demo database: offline, its numbers the library's, no personal value.

Four renders of notebooks/08_viec_can_lam.ipynb in one batch: all units and one unit (2026-Q4, still running
on the demo's last day 20/11/2026, so the list is taken then), a period with nothing open (2024-Q1, before
the demo data start), and 2026-Q3 on a copy of the database with the portal's figures for it loaded.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from helpers import PARAMS

from hoaan_analytics import audit, db, projection, worklist
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files
from hoaan_analytics.report import batch, html
from hoaan_analytics.sections.index766 import points_number

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "08_viec_can_lam.ipynb"
UNIT = "UBND xã Kim Bình"
DEMO_LAST_DAY = date(2026, 11, 20)
VARIANTS = {"all": ("2026-Q4", None), "unit": ("2026-Q4", UNIT), "empty": ("2024-Q1", None),
            "portal": ("2026-Q3", None)}
pytestmark = pytest.mark.slow


def _portal_answer(received: int, on_time: int) -> dict:
    """The portal's tiến độ page for Q3: Kim Bình with 22 dossiers fewer than the exports, and a unit not ours."""
    return {"code": "OK", "data": {"children": [
        {"departmentId": "KB", "departmentName": "Xã Kim Bình - Tỉnh Tuyên Quang", "level": "COMMUNE",
         "totalReceived": received - 22,
         "totalOnTime": on_time - 22, "totalOverdue": received - on_time, "ratio": None, "score": 18.4,
         "maxScore": 20},
        {"departmentId": "MQ", "departmentName": "Xã Minh Quang", "level": "COMMUNE", "totalReceived": 40,
         "totalOnTime": 39,
         "totalOverdue": 1, "ratio": 97.5, "score": 19.5, "maxScore": 20},
    ]}}


@pytest.fixture(scope="module")
def portal_db(demo_db, tmp_path_factory):
    """A copy of the demo database with the portal's Q3 figures loaded, and our 2.1 counts for Kim Bình."""
    folder = tmp_path_factory.mktemp("report08_portal")
    path = folder / "hoaan.duckdb"
    shutil.copy(demo_db.db_path, path)
    con = db.connect(path)
    try:
        ours = db.query(con, "select numerator, denominator from index766($d0, $d1, $unit, 'none') "
                             "where indicator_id = '2.1'", {"d0": date(2026, 7, 1), "d1": date(2026, 9, 30),
                                                            "unit": UNIT}).row(0)
        answer = folder / "tien_do_q3.json"
        answer.write_text(json.dumps(_portal_answer(ours[1], ours[0]), ensure_ascii=False), encoding="utf-8")
        load_portal_files(con, [answer], parse_period("2026-Q3"), PARAMS)
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def rendered(demo_db, portal_db, tmp_path_factory):
    """{variant: html text} and the output folder."""
    out = tmp_path_factory.mktemp("report08")
    jobs = {name: batch.ReportJob(
        notebook=NOTEBOOK, html_path=out / f"{name}.html", unit_label=unit or "Toàn bộ",
        parameters={"db_path": str(portal_db if name == "portal" else demo_db.db_path), "period": period,
                    "unit": unit, "params_dir": str(PARAMS)})
        for name, (period, unit) in VARIANTS.items()}
    results = batch.run_batch(list(jobs.values()), workers=2, progress=False)
    assert [r.error for r in results if not r.ok] == []
    return {name: job.html_path.read_text(encoding="utf-8") for name, job in jobs.items()}, out


def _library(db_path, unit=None):
    con = db.connect(db_path, read_only=True)
    try:
        return (worklist.worklist(con, DEMO_LAST_DAY, unit=unit),
                projection.projection(con, DEMO_LAST_DAY, unit=unit))
    finally:
        con.close()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_offline_and_every_section_there(rendered, variant):
    page = rendered[0][variant]
    assert html.external_urls(page) == []
    for heading in ("1. Hồ sơ đang giải quyết cần xử lý", "3. Dự báo điểm cuối tháng và cuối quý",
                    "4. Số liệu Cổng Dịch vụ công quốc gia công bố"):
        assert heading in page


@pytest.mark.parametrize("variant", ["all", "unit"])
def test_the_list_and_the_projection_are_the_librarys(rendered, demo_db, variant):
    _, unit = VARIANTS[variant]
    rows, projected = _library(demo_db.db_path, unit)
    page = rendered[0][variant]
    assert "Danh sách tính tại ngày <strong>20/11/2026</strong>, ngày có số liệu mới nhất" in page
    opened = rows.filter(pl.col("row_kind") == "open")
    assert opened.height > 0
    assert f"<strong>{opened.height}</strong> hồ sơ đang giải quyết cần xử lý tại ngày 20/11/2026" in page
    for dossier in opened["dossier_id"].head(5):
        assert f">{dossier}<" in page
    total = projected.filter((pl.col("measure_kind") == "total") & (pl.col("period") == "month"))
    none_close = total.filter(pl.col("scenario") == "none_close")["points"][0]
    listed = total.filter(pl.col("scenario") == "listed_close_on_due")["points"][0]
    assert (f"{points_number(none_close)} điểm nếu không giải quyết thêm hồ sơ nào; "
            f"<strong>{points_number(listed)}</strong> điểm") in page
    assert 'class="hoaan-chart"' in page
    assert "Chưa nạp số liệu Cổng Dịch vụ công quốc gia công bố cho kỳ 2026-Q4" in page


def test_all_units_has_the_units_table_and_one_unit_not(rendered):
    assert "Việc cần làm của từng đơn vị" in rendered[0]["all"]
    assert "Việc cần làm của từng đơn vị" not in rendered[0]["unit"]


def test_a_period_with_nothing_open_says_so(rendered):
    page = rendered[0]["empty"]
    assert "tại ngày 31/03/2024 không có hồ sơ đang giải quyết nào quá hạn hay sắp đến hạn" in page
    assert "Chưa có số liệu để dự báo điểm cuối tháng và cuối quý" in page
    assert 'class="hoaan-chart"' not in page


def test_the_portals_figures_with_plain_readings(rendered):
    page = rendered[0]["portal"]
    assert "Số liệu Cổng công bố so với ước tính" in page
    assert "Cổng quốc gia đếm ít hơn 22 hồ sơ so với dữ liệu xuất" in page
    # the unit of the portal's page that is none of ours is listed, not dropped
    assert "Đơn vị trên Cổng: Xã Minh Quang" in page and "không khớp với đơn vị nào" in page


def test_no_personal_value(rendered, demo_db):
    values = audit.personal_values(demo_db.raw_files, PARAMS)
    assert sum(len(v) for v in values.values()) > 1000  # the needles were really read
    findings, scanned = audit.scan_reports(rendered[1], values)
    assert len(scanned) == 2 * len(VARIANTS)  # each HTML and its executed notebook
    assert findings == []
