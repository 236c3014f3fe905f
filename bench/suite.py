"""What the benchmark measures, in which order, and on which data (see docs/benchmarks.md)."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench import datasets
from bench.measure import Figure, run_measured

ROOT = Path(__file__).resolve().parent.parent
PERIOD = "2026-Q3"                       # a finished quarter of the synthetic province
PERIOD_RANGE = ("2026-07-01", "2026-09-30")
COMPARED_KEYS = ("on_time_rate", "online_share", "time_reduction")
# What a full run measures: the plot's sizes, the XLSX size, and where pandas is compared.
FULL_SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000)
LARGE_ROWS = 5_000_000
# The overview notebook: the name, then the name it was committed under (tổng quan = overview).
OVERVIEW_NOTEBOOKS = ("overview", "01_tong_quan")                   # from here a figure may use fewer runs (--large-runs)


@dataclass
class Options:
    sizes: tuple[int, ...]
    runs: int
    large_runs: int
    kpi_runs: int
    xlsx_rows: int | None
    pandas_min_rows: int
    pandas_large_runs: int
    batch: bool
    data_dir: Path
    seed: int
    log: bool = True


@dataclass
class Results:
    """Everything measured in one run of the benchmark."""

    options: Options
    sizes: dict[int, dict] = field(default_factory=dict)     # rows -> {file_mb, floor, ingest, kpis, kpis_inside}
    xlsx: dict | None = None
    large: dict = field(default_factory=dict)                # kpis on the largest size
    pandas: dict[int, dict] = field(default_factory=dict)
    batch: dict = field(default_factory=dict)
    command: str = ""


def _python() -> str:
    return sys.executable


def _hoaan(*args: str | Path) -> list[str | Path]:
    return [_python(), "-m", "hoaan_analytics", *args]


def _say(options: Options, text: str) -> None:
    if options.log:
        print(f"bench: {text}", file=sys.stderr, flush=True)


def _runs_for(options: Options, rows: int) -> int:
    return options.large_runs if rows >= LARGE_ROWS else options.runs


def run_suite(options: Options) -> Results:
    """Measure every figure; the caller writes the document."""
    results = Results(options)
    work = options.data_dir / "work"
    work.mkdir(parents=True, exist_ok=True)
    catalogue = ROOT / "params" / "procedures.csv"

    for rows in options.sizes:
        csv_path = datasets.export_path(options.data_dir, "csv", rows, options.seed)
        db_path = work / f"csv-{rows}.duckdb"
        floor_db = work / f"floor-{rows}.duckdb"
        entry = {"file_mb": csv_path.stat().st_size / 1e6, "floor": Figure(), "ingest": Figure(),
                 "kpis": Figure(), "kpis_by_unit": Figure()}
        runs = _runs_for(options, rows)
        _say(options, f"{rows:,} rows: floor and ingest interleaved, {runs} runs each")
        for _ in range(runs):
            # interleaved, so that both see the same noise of a shared machine
            _remove_db(floor_db)
            entry["floor"].runs.append(run_measured([_python(), "-m", "bench.tasks", "floor", csv_path, floor_db],
                                                    cwd=ROOT))
            _remove_db(floor_db)
            _remove_db(db_path)
            entry["ingest"].runs.append(run_measured(_hoaan("ingest", csv_path, "--db", db_path, "--json"),
                                                     cwd=ROOT))
        _say(options, f"{rows:,} rows: hoaan kpis, {options.kpi_runs} runs")
        for _ in range(options.kpi_runs):
            entry["kpis"].runs.append(run_measured(_hoaan("kpis", "--period", PERIOD, "--db", db_path, "--json"),
                                                   cwd=ROOT))
            entry["kpis_by_unit"].runs.append(run_measured(
                _hoaan("kpis", "--period", PERIOD, "--db", db_path, "--by", "unit", "--json"), cwd=ROOT))
        inside = run_measured([_python(), "-m", "bench.tasks", "kpis", db_path, PERIOD, str(options.kpi_runs)],
                              cwd=ROOT)
        entry["kpis_inside"] = json.loads(inside.stdout)
        entry["hoaan_kpis"] = json.loads(entry["kpis"].runs[-1].stdout)
        results.sizes[rows] = entry

        if rows >= options.pandas_min_rows or rows == max(options.sizes):
            results.pandas[rows] = _pandas(options, rows, csv_path, catalogue)

    largest = max(options.sizes)
    results.large = {"rows": largest, **results.sizes[largest]}

    if options.xlsx_rows:
        xlsx_path = datasets.export_path(options.data_dir, "xlsx", options.xlsx_rows, options.seed)
        db_path = work / f"xlsx-{options.xlsx_rows}.duckdb"
        figure = Figure()
        _say(options, f"XLSX {options.xlsx_rows:,} rows: ingest, {options.runs} runs")
        for _ in range(options.runs):
            _remove_db(db_path)
            figure.runs.append(run_measured(_hoaan("ingest", xlsx_path, "--db", db_path, "--json"), cwd=ROOT))
        results.xlsx = {"rows": options.xlsx_rows, "file_mb": xlsx_path.stat().st_size / 1e6, "ingest": figure}

    results.batch = _batch(options, work / f"csv-{largest}.duckdb")
    return results


def _pandas(options: Options, rows: int, csv_path: Path, catalogue: Path) -> dict:
    runs = options.pandas_large_runs if rows >= LARGE_ROWS else options.runs
    _say(options, f"{rows:,} rows: pandas version, {runs} runs")
    figure = Figure()
    details = []
    for _ in range(runs):
        figure.runs.append(run_measured([_python(), "-m", "bench.tasks", "pandas", csv_path, catalogue,
                                         *PERIOD_RANGE], cwd=ROOT))
        details.append(json.loads(figure.runs[-1].stdout))
    read = sorted(d["read_seconds"] for d in details)
    compute = sorted(d["compute_seconds"] for d in details)
    return {"whole": figure, "read_seconds": read[len(read) // 2], "compute_seconds": compute[len(compute) // 2],
            "kpis": details[-1]["kpis"]}


def _batch(options: Options, db_path: Path) -> dict:
    if not options.batch:
        return {"skipped": "not measured: --no-batch"}
    found = [name for name in OVERVIEW_NOTEBOOKS if (ROOT / "notebooks" / f"{name}.ipynb").is_file()]
    if not found:
        return {"skipped": "not measured: notebook missing (notebooks/overview.ipynb)"}
    notebook = found[0]
    out = options.data_dir / "work" / "reports"
    shutil.rmtree(out, ignore_errors=True)
    args = ["report", "--period", PERIOD, "--db", db_path, "--notebooks", notebook, "--out", out,
            "--jobs", "2", "--no-progress", "--all-units"]
    _say(options, "report batch: overview notebook for all units together and each unit, --jobs 2")
    try:
        run = run_measured(_hoaan(*args), cwd=ROOT)
    except Exception as exc:  # a failing notebook is a finding to report, not a crash of the benchmark
        return {"skipped": f"not measured: the batch failed: {str(exc).splitlines()[-1][:300]}"}
    reports = count_reports(out, notebook)
    if reports == 0:
        # dividing by max(reports, 1) would print the whole batch's time as the time of one report
        return {"skipped": f"not measured: the batch wrote no {notebook} report under {out}"}
    return {"run": run, "notebook": notebook, "reports": reports, "seconds_per_report": run.seconds / reports}


def _remove_db(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()


def count_reports(out: Path, notebook: str) -> int:
    """The HTML reports of `notebook` that a batch wrote under `out`, one per unit folder.

    The batch names each page after the notebook's slug ('01_tong_quan' ->
    '01-tong-quan.html', report.batch.plan_jobs); the run's index.html and the
    pages of other notebooks are not counted.
    """
    from hoaan_analytics.report.names import slugify

    page = f"{slugify(notebook)}.html"
    return sum(1 for p in Path(out).rglob(page) if p.is_file())
