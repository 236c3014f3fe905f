"""Report 08 (Việc cần làm) is one of the batch's reports: planned for all units and each unit, next to the
overview it is linked from, and listed in the run's index under its title."""

from pathlib import Path

import nbformat

from hoaan_analytics.report import batch
from hoaan_analytics.report.batch import JobResult
from hoaan_analytics.report.html import notebook_title
from hoaan_analytics.report.index import write_index

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
UNIT = "UBND xã Hòa An"


def test_planned_per_unit_and_for_all_units_next_to_the_overview(tmp_path):
    notebooks = batch.find_notebooks(NOTEBOOK_DIR)
    assert [p.stem for p in notebooks][-1] == "08_viec_can_lam"  # every report notebook, 08 last
    jobs = batch.plan_jobs(notebooks, db_path=tmp_path / "db.duckdb", period="2026-Q4", mode="calendar",
                           units=[None, UNIT], out_dir=tmp_path)
    pages = {(job.unit_label, job.html_path.name): job.html_path for job in jobs}
    run = tmp_path / "2026-q4_calendar"
    assert pages[("Toàn bộ đơn vị", "08-viec-can-lam.html")] == run / "toan-bo" / "08-viec-can-lam.html"
    assert pages[(UNIT, "08-viec-can-lam.html")] == run / "ubnd-xa-hoa-an" / "08-viec-can-lam.html"
    # the overview's relative link (sections.overview.worklist_line) finds it in the same folder
    assert pages[(UNIT, "01-tong-quan.html")].parent == pages[(UNIT, "08-viec-can-lam.html")].parent


def test_listed_in_the_index_under_its_title(tmp_path):
    notebook = NOTEBOOK_DIR / "08_viec_can_lam.ipynb"
    title = notebook_title(nbformat.read(notebook, as_version=4), notebook.stem)
    assert title == "Việc cần làm"
    jobs = batch.plan_jobs([notebook], db_path=tmp_path / "db.duckdb", period="2026-Q4", mode="calendar",
                           units=[None, UNIT], out_dir=tmp_path)
    results = [JobResult(job, 1.0, title=f"{title} — {job.unit_label}, 2026-Q4") for job in jobs]
    page = write_index(results, tmp_path / "2026-q4_calendar", period="2026-Q4", mode="calendar").read_text(
        encoding="utf-8")
    assert '<li><a href="toan-bo/08-viec-can-lam.html">Việc cần làm</a></li>' in page
    assert '<li><a href="ubnd-xa-hoa-an/08-viec-can-lam.html">Việc cần làm</a></li>' in page
