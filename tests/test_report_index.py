"""The index page of a run, from its template: every report linked relative to the run, names escaped,
failures shown."""

from pathlib import Path

from hoaan_analytics.report.batch import JobResult, ReportJob
from hoaan_analytics.report.index import write_index


def _job(run_dir: Path, folder: str, stem: str, unit: str) -> ReportJob:
    return ReportJob(notebook=Path(f"/nb/{stem}.ipynb"), parameters={"period": "2026-Q3"},
                     html_path=run_dir / folder / f"{stem}.html", unit_label=unit)


def test_links_escapes_and_failures(tmp_path):
    run_dir = tmp_path / "2026-q3_cutoff"
    hostile = 'Xã <b>"Hòa"</b> & An'
    results = [
        JobResult(_job(run_dir, "toan-bo", "01_tong_quan", "Toàn bộ đơn vị"), 1.0,
                  title="Tổng quan — Toàn bộ đơn vị, 2026-Q3"),
        JobResult(_job(run_dir, "xa-b-hoa-b-an", "01_tong_quan", hostile), 1.0, title="Tổng quan — x, 2026-Q3"),
        JobResult(_job(run_dir, "xa-b-hoa-b-an", "02_dung_han", hostile), 1.0, error="ValueError: <boom>"),
    ]
    page = write_index(results, run_dir, period="2026-Q3", mode="cutoff").read_text(encoding="utf-8")
    assert '<li><a href="toan-bo/01_tong_quan.html">Tổng quan</a></li>' in page
    assert '<a href="xa-b-hoa-b-an/01_tong_quan.html">' in page
    assert "Xã &lt;b&gt;&#34;Hòa&#34;&lt;/b&gt; &amp; An" in page and "<b>" not in page
    assert '<li class="failed">02_dung_han: lỗi khi chạy (ValueError: &lt;boom&gt;)</li>' in page
    assert "Số báo cáo: 2/3." in page                     # two of the three written
    assert "kỳ chốt số liệu" in page
    assert page.count("<tr><th scope=\"row\">") == 2      # one row per unit
