"""The benchmark machinery end to end on 1,000 rows: it measures, agrees with pandas, writes the doc."""

import re
from pathlib import Path

import pytest

from bench.__main__ import main

pytestmark = pytest.mark.slow


def test_bench_writes_the_document_with_its_table(tmp_path):
    out = tmp_path / "benchmarks.md"
    # every size given: the suite's defaults would write and load a payload of a million records
    code = main(["--sizes", "1000", "--runs", "1", "--kpi-runs", "1", "--ratio-runs", "1", "--xlsx-rows", "0",
                 "--payload-records", "1000", "--no-batch", "--quiet", "--data-dir", str(tmp_path / "data"),
                 "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "| figure | this project | floor / pandas | ratio | runs | load | peak RSS |" in text
    assert re.search(r"\| ingest CSV 1,000 rows .*\d+ rows/s .*× floor \| 1 \|", text)
    assert "| ingest payload JSON 1,000 records (" in text
    # the project's KPIs and the pandas version's agree on the same file
    same = [line for line in text.splitlines()
            if re.match(r"\| 1,000 \| (on_time_rate|online_share|time_reduction) \|", line)]
    assert len(same) == 3 and all(line.endswith("| yes |") for line in same)
    assert "not measured: --no-batch" in text
    # below 1M rows the quick commands are measured on the largest size
    assert re.search(r"\| `hoaan kpis --json` / bare connect-and-count \| 1,000 \| .* \| \d+\.\d\d× \| "
                     r"(met|\*\*missed\*\*) \(≤ 2×\) \| 1 \|", text)
    assert (tmp_path / "benchmarks_scaling.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")

    # the document can be rewritten from the saved results without measuring again
    out.unlink()
    assert main(["--rewrite", "--quiet", "--data-dir", str(tmp_path / "data"), "--out", str(out)]) == 0
    assert "| ingest CSV 1,000 rows" in out.read_text(encoding="utf-8")



def test_count_reports_counts_the_pages_the_batch_plans(tmp_path):
    """One page per unit of the notebook named; not the index, the .ipynb files nor another notebook's pages."""
    from bench.suite import count_reports
    from hoaan_analytics.report import batch, index

    notebook_dir = Path(__file__).resolve().parent.parent / "notebooks"
    notebooks = batch.find_notebooks(notebook_dir, ["01_tong_quan", "02_dung_han"])
    out = tmp_path / "reports"
    # all units together + 3 units = 4 jobs per notebook, laid out as the batch lays them out
    jobs = batch.plan_jobs(notebooks, db_path=tmp_path / "hoaan.duckdb", period="2026-Q3", mode="calendar",
                           units=[None, "UBND xã Hòa An", "UBND xã Kim Bình", "UBND xã Tân An"], out_dir=out)
    for job in jobs:
        job.html_path.parent.mkdir(parents=True, exist_ok=True)
        job.html_path.write_text("<html></html>", encoding="utf-8")
        job.ipynb_path.write_text("{}", encoding="utf-8")
    index.write_index([batch.JobResult(job, 0.0) for job in jobs], out / "2026-q3_calendar",
                      period="2026-Q3", mode="calendar")
    assert count_reports(out, "01_tong_quan") == 4
    assert count_reports(out, "02_dung_han") == 4
    assert count_reports(out, "03_no_such_notebook") == 0


def test_ratios_only_replaces_its_section_and_keeps_the_rest(tmp_path):
    from bench.measure import Figure, Run
    from bench.report import QUICK_HEADING, replace_quick_commands

    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\n## Results\n\n| old table |\n\n{QUICK_HEADING}\n\n| stale |\n\n"
                   "### Same numbers\n\n| kept |\n", encoding="utf-8")

    def figure(seconds: float) -> Figure:
        return Figure([Run(seconds, None, None, "")])

    # 0.45 s against 0.25 s: 1.80x, within a goal of 2x
    replace_quick_commands(doc, [{"label": "hoaan kpis --json", "rows": 1_000_000, "goal": 2.0,
                                  "command": figure(0.45), "bare": figure(0.25), "ratio": 0.45 / 0.25}])
    text = doc.read_text(encoding="utf-8")
    assert "| stale |" not in text and "| old table |" in text and "| kept |" in text
    assert ("| `hoaan kpis --json` / bare connect-and-count | 1,000,000 | 0.450 s | 0.250 s | 1.80× "
            "| met (≤ 2×) |") in text
    assert text.index(QUICK_HEADING) < text.index("### Same numbers")


def test_portal766_bench_measures_the_har_load_and_writes_its_section(tmp_path):
    from bench import portal766

    # 1,000 dossiers: the database built from the benchmark's export, the real HAR loaded into a copy
    result = portal766.measure(1000, 1, portal766.HAR, tmp_path / "data", seed=7)
    assert (result["rows"], result["goal"], len(result["command"]["runs"]), len(result["bare"]["runs"])) == (
        1000, 4.0, 1, 1)
    assert result["ratio"] == result["command"]["seconds"] / result["bare"]["seconds"]
    # the warm-up stored the six pages: the copy holds them, the database the other benchmarks read does not
    from hoaan_analytics import db
    work = tmp_path / "data" / "work"
    for name, answers in (("portal766-1000.duckdb", 6), ("csv-1000.duckdb", 0)):
        con = db.connect(work / name, read_only=True)
        try:
            stored = db.scalar(con, "select count(*) from duckdb_tables() where table_name = 'portal766_answers'")
            assert (db.scalar(con, "select count(*) from portal766_answers") if stored else 0) == answers
        finally:
            con.close()
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## hoaan portal766 (issue 18)\n\nstale\n\n## Later\n\nkept\n", encoding="utf-8")
    portal766.write_section(doc, portal766.section(result))
    text = doc.read_text(encoding="utf-8")
    assert "stale" not in text and text.endswith("## Later\n\nkept\n")
    assert re.search(r"\| 1,000 \| \d+\.\d\d s \| \d+\.\d\d s \| \d+\.\d\d× \| "
                     r"(met|\*\*missed\*\*) \(≤ 4×\) \| \d+\.\d–\d+\.\d \|", text)
