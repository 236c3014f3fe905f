"""The papermill batch on a small hand-written database: defaults, a unit with cut-off periods, failures.

The database is conftest's `small_db` (helpers.SMALL_DB_ROWS, all status 10, so all count):
  all units:         3 dossiers, 2 online (rows 1, 3) -> "3 hồ sơ", online 2/3 = "66,7%"
  UBND xã Hòa An:    rows 1, 3 -> "2 hồ sơ", online 2/2 = "100,0%"
  Công an xã Hòa An: row 2     -> "1 hồ sơ", online 0/1 = "0,0%"
The fixture notebook's KPI table shows the target 0.9 as "90,0%".
"""

from pathlib import Path

import nbformat
import papermill
import pytest

from hoaan_analytics.report import batch, html

FIXTURES = Path(__file__).parent / "fixtures_notebooks"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def unit_cutoff_run(small_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = batch.render_reports(db_path=small_db, period="2026-01", mode="cutoff", units=["UBND xã Hòa An"],
                                  notebooks=[FIXTURES / "overview.ipynb"], out_dir=out, workers=1,
                                  progress=False)
    return result


@pytest.fixture(scope="module")
def failing_run(small_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    with pytest.raises(batch.ReportBatchError) as info:
        batch.render_reports(db_path=small_db, period="2026-Q1", units=[None, "Công an xã Hòa An"],
                             notebooks=[FIXTURES / "fails_for_unit.ipynb", FIXTURES / "overview.ipynb"],
                             out_dir=out, workers=2, progress=False)
    return out / "2026-q1_calendar", info.value


def test_notebook_runs_with_its_defaults(small_db, tmp_path):
    executed = tmp_path / "overview.ipynb"
    papermill.execute_notebook(str(FIXTURES / "overview.ipynb"), str(executed),
                               parameters={"db_path": str(small_db)}, kernel_name=batch.default_kernel(),
                               progress_bar=False)
    page = html.export_html(executed, tmp_path / "overview.html").read_text(encoding="utf-8")
    assert "Toàn bộ đơn vị" in page and "kỳ 2026-Q1 (calendar)" in page
    assert "3 hồ sơ" in page and "66,7%" in page and "90,0%" in page
    assert html.external_urls(page) == []
    assert page.count('class="hoaan-chart"') == 2


def test_unit_and_cutoff_report(unit_cutoff_run):
    (result,) = unit_cutoff_run.results
    assert result.ok
    assert result.job.html_path.parent.name == "ubnd-xa-hoa-an"
    page = result.job.html_path.read_text(encoding="utf-8")
    assert "UBND xã Hòa An" in page and "kỳ 2026-01 (cutoff)" in page
    assert "2 hồ sơ" in page and "100,0%" in page
    assert html.external_urls(page) == []


def test_executed_notebook_is_kept_next_to_the_html(unit_cutoff_run):
    (result,) = unit_cutoff_run.results
    nb = nbformat.read(result.job.ipynb_path, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    values = {}
    exec(injected[0].source, {}, values)  # papermill writes plain assignments (non-ASCII escaped)
    assert values["unit"] == "UBND xã Hòa An" and values["mode"] == "cutoff" and values["period"] == "2026-01"


def test_index_links_every_report(unit_cutoff_run):
    index = unit_cutoff_run.index_path
    page = index.read_text(encoding="utf-8")
    assert '<a href="ubnd-xa-hoa-an/overview.html">' in page
    assert (index.parent / "ubnd-xa-hoa-an" / "overview.html").is_file()
    assert "Báo cáo kỳ 2026-01" in page and "Số báo cáo: 1/1" in page
    assert html.external_urls(page) == [] and "<script" not in page


def test_failure_names_notebook_parameters_and_error(failing_run):
    _run_dir, error = failing_run
    message = str(error)
    assert "1 report(s) failed" in message
    assert "fails_for_unit.ipynb with period='2026-Q1', mode='calendar', unit='Công an xã Hòa An'" in message
    assert "RuntimeError: this fixture fails for every unit" in message


def test_failure_keeps_the_other_outputs(failing_run):
    run_dir, _error = failing_run
    assert (run_dir / "toan-bo" / "fails-for-unit.html").is_file()
    assert (run_dir / "toan-bo" / "overview.html").is_file()
    assert (run_dir / "cong-an-xa-hoa-an" / "overview.html").is_file()
    assert not (run_dir / "cong-an-xa-hoa-an" / "fails-for-unit.html").exists()
    assert (run_dir / "cong-an-xa-hoa-an" / "fails-for-unit.ipynb").is_file()  # for debugging
    page = (run_dir / "cong-an-xa-hoa-an" / "overview.html").read_text(encoding="utf-8")
    assert "1 hồ sơ" in page and "0,0%" in page


def test_failure_is_listed_in_the_index(failing_run):
    run_dir, _error = failing_run
    page = (run_dir / "index.html").read_text(encoding="utf-8")
    assert "Số báo cáo: 3/4" in page
    assert "fails_for_unit: lỗi khi chạy (RuntimeError" in page
