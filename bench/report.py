"""docs/benchmarks.md and its plot, from one run's Results."""

from __future__ import annotations

import os
import platform
from datetime import datetime
from importlib import metadata
from pathlib import Path

from bench.measure import Figure
from bench.suite import COMPARED_KEYS, PAYLOAD_GOAL, PERIOD, Results

PACKAGES = ("duckdb", "polars", "pandas", "numpy", "pyarrow", "holidays", "papermill", "altair", "vl-convert-python")
NOTES_FILE = Path(__file__).resolve().parent / "NOTES.md"
GB = 1000.0  # MB per GB


def machine() -> dict[str, str]:
    """CPU model, cores, memory, OS, Python and package versions."""
    cpu = platform.processor() or platform.machine()
    memory = "unknown"
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    if meminfo.is_file():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return {"CPU": cpu, "cores (logical)": str(os.cpu_count()), "memory": memory,
            "OS": platform.platform(), "Python": platform.python_version(), "packages": ", ".join(versions)}


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds:.3f} s" if seconds < 1 else f"{seconds:.2f} s"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} MB"


def _load(figure: Figure | None) -> str:
    return "–" if figure is None or figure.load_average is None else f"{figure.load_average:.2f}"


def _runs(figure: Figure | None) -> str:
    return "–" if figure is None else str(len(figure.runs))


def _rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f} rows/s"


def _verdict(ok: bool | None, detail: str) -> str:
    if ok is None:
        return f"not measured {detail}".strip()
    return ("met" if ok else "**missed**") + (f" ({detail})" if detail else "")


def _payload(results: Results) -> dict[int, dict]:
    # results pickled before the payload figures existed have no such attribute (--rewrite)
    return getattr(results, "payload", None) or {}


def goals(results: Results) -> list[tuple[str, str]]:
    """(goal, verdict with the margin) for each goal of issues 5 and 9."""
    out = []
    for rows in sorted(results.sizes):
        if rows < 1_000_000:
            continue
        entry = results.sizes[rows]
        ratio = entry["ingest"].seconds / entry["floor"].seconds
        out.append((f"ingest CSV {rows:,} rows within 2.5× of the floor",
                    _verdict(ratio <= 2.5, f"{ratio:.2f}× the floor" + ("" if ratio <= 2.5 else
                             f", {ratio / 2.5:.2f}× over the goal"))))
    for records, p in sorted(_payload(results).items()):
        ratio = p["ingest"].seconds / p["floor"].seconds
        ok = ratio <= PAYLOAD_GOAL
        out.append((f"ingest payload JSON {records:,} records within {PAYLOAD_GOAL:g}× of the floor (issue 9)",
                    _verdict(ok, f"{ratio:.2f}× the floor" + ("" if ok else
                             f", {ratio / PAYLOAD_GOAL:.2f}× over the goal"))))
    large = results.large
    rows = large["rows"]
    all_units, by_unit = large["kpis"].seconds, large["kpis_by_unit"].seconds
    out.append((f"`hoaan kpis` one quarter, all units, {rows:,} rows: < 1 s whole process",
                _verdict(all_units < 1, _s(all_units))))
    out.append((f"`hoaan kpis --by unit` ({rows:,} rows): < 2 s whole process", _verdict(by_unit < 2, _s(by_unit))))
    pandas = results.pandas.get(rows)
    if pandas:
        inside = large["kpis_inside"]["all_units_seconds"]
        speedup = pandas["compute_seconds"] / inside
        out.append((f"KPIs on loaded data ≥ 10× faster than pandas on a frame in memory ({rows:,} rows)",
                    _verdict(speedup >= 10, f"{speedup:.0f}×")))
        ours = large["ingest"].seconds + large["kpis"].seconds
        theirs = pandas["whole"].seconds
        out.append((f"ingest + one quarter's KPIs faster than pandas reading and computing ({rows:,} rows)",
                    _verdict(ours < theirs,
                             f"{_s(ours)} against {_s(theirs)}: pandas takes {theirs / ours:.2f}× as long")))
        same = all(_agree(large["hoaan_kpis"].get(k), pandas["kpis"].get(k)) for k in COMPARED_KEYS)
        out.append(("same numbers as pandas (" + ", ".join(COMPARED_KEYS) + ")", _verdict(same, "")))
    batch = results.batch
    if "run" in batch:
        per = batch["seconds_per_report"]
        out.append(("report batch ≤ 3 s per report with --jobs 2",
                    _verdict(per <= 3, f"{per:.2f} s per report" + ("" if per <= 3 else f", {per / 3:.2f}× the goal"))))
    else:
        out.append(("report batch ≤ 3 s per report with --jobs 2", batch.get("skipped", "not measured")))
    peaks = [f.peak_rss_mb for f in (large["ingest"], large["kpis"], large["kpis_by_unit"]) if f.peak_rss_mb]
    if peaks:
        out.append((f"peak memory < 4 GB at {rows:,} rows (ingest, kpis)",
                    _verdict(max(peaks) < 4 * GB, _mb(max(peaks)))))
    return out


def _agree(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-12


def write_plot(results: Results, path: Path) -> None:
    """Log-log plot of ingest and KPI time against rows, as SVG (vl-convert, offline)."""
    import altair as alt
    import vl_convert

    points = []
    for rows, entry in sorted(results.sizes.items()):
        for label, seconds in (
            ("hoaan ingest (whole process)", entry["ingest"].seconds),
            ("sàn: DuckDB chép tệp dạng văn bản", entry["floor"].seconds),
            ("hoaan kpis (whole process)", entry["kpis"].seconds),
            ("KPI trong tiến trình (compute_kpis)", entry["kpis_inside"]["all_units_seconds"]),
        ):
            points.append({"rows": rows, "seconds": seconds, "measure": label})
    for rows, pandas in sorted(results.pandas.items()):
        points.append({"rows": rows, "seconds": pandas["whole"].seconds,
                       "measure": "pandas: đọc + tính (whole process)"})
    chart = (
        alt.Chart(alt.Data(values=points))
        .mark_line(point=True)
        .encode(
            x=alt.X("rows:Q", scale=alt.Scale(type="log"), title="Số dòng (hồ sơ)"),
            y=alt.Y("seconds:Q", scale=alt.Scale(type="log"), title="Thời gian (giây, trung vị)"),
            color=alt.Color("measure:N", title=None, legend=alt.Legend(orient="bottom", columns=2)),
        )
        .properties(width=560, height=340, title="Thời gian nạp và tính KPI theo số dòng (log-log)")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(vl_convert.vegalite_to_svg(chart.to_json()), encoding="utf-8")


def _slope(results: Results, key: str) -> str:
    """Growth exponent of time against rows between the two largest sizes (1 = linear)."""
    import math

    sizes = sorted(results.sizes)
    if len(sizes) < 2:
        return "–"
    a, b = sizes[-2], sizes[-1]
    ta, tb = results.sizes[a][key].seconds, results.sizes[b][key].seconds
    return f"{math.log(tb / ta) / math.log(b / a):.2f}"


QUICK_HEADING = "### Quick commands against a bare connect-and-count"


def quick_command_lines(bare_ratios: list[dict]) -> list[str]:
    """The section of the quick commands: each one's whole process against bench.tasks.bare_connect_count."""
    lines = [QUICK_HEADING, "",
             "A quick command, whole process (Python, imports, connect, query, output), against the least any "
             "command reading the database does: `python -c \"import duckdb; con = duckdb.connect(DB, "
             "read_only=True); con.sql('select count(*) from dossiers').fetchall()\"` on the same database, "
             "the two alternating run by run (bench/tasks.py: `bare_connect_count`, `against_bare_connect`); "
             "medians.", "",
             "| command | rows | whole process | bare connect-and-count | ratio | goal | runs | load |",
             "|---|---|---|---|---|---|---|---|"]
    for entry in bare_ratios:
        ratio, goal = entry["ratio"], entry["goal"]
        verdict = _verdict(ratio <= goal, f"≤ {goal:g}×")
        lines.append(f"| `{entry['label']}` / bare connect-and-count | {entry['rows']:,} | "
                     f"{_s(entry['command'].seconds)} | {_s(entry['bare'].seconds)} | {ratio:.2f}× | {verdict} | "
                     f"{_runs(entry['command'])} | {_load(entry['command'])} |")
    if not bare_ratios:
        lines.append("| – | – | not measured | – | – | – | – | – |")
    return lines


def replace_quick_commands(path: Path, bare_ratios: list[dict]) -> None:
    """Put the quick commands' section into an existing docs/benchmarks.md, and bench/NOTES.md as it is now.

    Every other figure stays as the last full run wrote it.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    notes = NOTES_FILE.read_text(encoding="utf-8").strip().splitlines() if NOTES_FILE.is_file() else []
    if notes and notes[0] in lines:
        lines[lines.index(notes[0]):] = notes
    section = quick_command_lines(bare_ratios) + [""]
    if QUICK_HEADING in lines:
        start = lines.index(QUICK_HEADING)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith(("## ", "### "))), len(lines))
        lines[start:end] = section
    else:
        before = next((i for i, line in enumerate(lines) if line.startswith("### ")), len(lines))
        lines[before:before] = section
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_document(results: Results, path: Path, plot_path: Path, command: str) -> None:
    """Rewrite docs/benchmarks.md from the results."""
    opt = results.options
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `{command}` on {datetime.now():%Y-%m-%d %H:%M}; do not edit by hand "
        "(the analysis below the tables comes from bench/NOTES.md).",
        "Run it again with `python3 dev.py bench` (all sizes, well under an hour) or "
        "`python3 dev.py bench --quick` (up to 100k rows).",
        "",
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in machine().items()],
        "",
        "## Method",
        "",
        f"- Data: `hoaan synth` exports of {len(opt.sizes)} sizes, seed {opt.seed}, 124 communes, "
        "receipts 2022-01 to 2026-11-20, national-sync CSV layout (ISO dates, personal columns, some messiness, "
        "planted bad rows); kept in bench/data/ and reused.",
        f"- Every figure is the median of several runs (column *runs*); {opt.large_runs} run(s) per figure from "
        f"5M rows up, pandas {opt.pandas_large_runs} run(s) there. Each run is its own process, timed whole "
        "(interpreter start and imports included), so that its peak memory is its own: peak RSS comes from "
        "`os.wait4` (the child's rusage; on Linux ru_maxrss is the largest single process of the child's tree, "
        "as with `resource.getrusage(RUSAGE_CHILDREN)`). *load* is the median 1-minute load average at the "
        "start of the runs: the machine is shared.",
        "- Payload: `hoaan synth --format json` files (the same generator, seed, communes and years as the CSV "
        "files: the national sync payload of METRICS.md §2a with personal keys, fee lists, component files, "
        "result documents, supplementation rounds and the processing log), one array of records per file.",
        "- Floor: `create table raw as select * from read_csv(file, all_varchar=true)` into a new database file, "
        "in its own process; floor and `hoaan ingest` (new database file each time) alternate run by run so that "
        "both see the same noise. The payload's floor is `create table raw as select * from read_json(file)` "
        "(DuckDB's own types for every key, nested lists as its structs and lists).",
        f"- KPIs: `hoaan kpis --period {PERIOD} --json` (all units) and `--by unit`, whole process; "
        "'in process' is `compute_kpis` (and `kpi_table(by='unit')`) on an open connection after one warm-up.",
        "- pandas: bench/pandas_reference.py (read_csv with every column as text, numpy busday_count with "
        "the holiday list and worked weekend days) for on_time_rate, online_share and time_reduction of the "
        "same quarter on the same file; reading and computing are timed apart inside its process.",
        "",
        "## Results",
        "",
        "| figure | this project | floor / pandas | ratio | runs | load | peak RSS |",
        "|---|---|---|---|---|---|---|",
    ]
    for rows, e in sorted(results.sizes.items()):
        ingest, floor = e["ingest"], e["floor"]
        lines.append(
            f"| ingest CSV {rows:,} rows ({e['file_mb']:,.0f} MB) | {_s(ingest.seconds)} · "
            f"{_rate(rows, ingest.seconds)} | floor {_s(floor.seconds)} · {_rate(rows, floor.seconds)} | "
            f"{ingest.seconds / floor.seconds:.2f}× floor | {_runs(ingest)} | {_load(ingest)} | "
            f"{_mb(ingest.peak_rss_mb)} (floor {_mb(floor.peak_rss_mb)}) |")
    if results.xlsx:
        x = results.xlsx
        lines.append(f"| ingest XLSX {x['rows']:,} rows ({x['file_mb']:,.0f} MB) | {_s(x['ingest'].seconds)} · "
                     f"{_rate(x['rows'], x['ingest'].seconds)} | – | – | {_runs(x['ingest'])} | "
                     f"{_load(x['ingest'])} | {_mb(x['ingest'].peak_rss_mb)} |")
    for records, p in sorted(_payload(results).items()):
        ingest, floor = p["ingest"], p["floor"]
        lines.append(
            f"| ingest payload JSON {records:,} records ({p['file_mb']:,.0f} MB) | {_s(ingest.seconds)} · "
            f"{records / ingest.seconds:,.0f} records/s | floor (read_json) {_s(floor.seconds)} · "
            f"{records / floor.seconds:,.0f} records/s | {ingest.seconds / floor.seconds:.2f}× floor | "
            f"{_runs(ingest)} | {_load(ingest)} | {_mb(ingest.peak_rss_mb)} (floor {_mb(floor.peak_rss_mb)}) |")
    for rows, e in sorted(results.sizes.items()):
        pandas = results.pandas.get(rows)
        inside = e["kpis_inside"]
        pandas_all = (f"pandas compute {_s(pandas['compute_seconds'])}" if pandas else "–")
        ratio = (f"{pandas['compute_seconds'] / inside['all_units_seconds']:.0f}× faster (in process)"
                 if pandas else "–")
        lines.append(
            f"| `hoaan kpis` {PERIOD}, all units, {rows:,} rows | {_s(e['kpis'].seconds)} whole process · "
            f"{_s(inside['all_units_seconds'])} in process | {pandas_all} | {ratio} | {_runs(e['kpis'])} | "
            f"{_load(e['kpis'])} | {_mb(e['kpis'].peak_rss_mb)} |")
        lines.append(
            f"| `hoaan kpis --by unit` {PERIOD}, {rows:,} rows | {_s(e['kpis_by_unit'].seconds)} whole process · "
            f"{_s(inside['by_unit_seconds'])} in process | – | – | {_runs(e['kpis_by_unit'])} | "
            f"{_load(e['kpis_by_unit'])} | {_mb(e['kpis_by_unit'].peak_rss_mb)} |")
    for rows, p in sorted(results.pandas.items()):
        e = results.sizes[rows]
        ours = e["ingest"].seconds + e["kpis"].seconds
        lines.append(
            f"| ingest + `hoaan kpis`, {rows:,} rows | {_s(ours)} | pandas read + compute {_s(p['whole'].seconds)} "
            f"(read {_s(p['read_seconds'])}, compute {_s(p['compute_seconds'])}) | "
            f"pandas takes {p['whole'].seconds / ours:.2f}× as long | {_runs(p['whole'])} | {_load(p['whole'])} | "
            f"pandas {_mb(p['whole'].peak_rss_mb)} |")
    batch = results.batch
    if "run" in batch:
        run = batch["run"]
        lines.append(
            f"| report batch: {batch['notebook']} × {batch['reports']} reports ({PERIOD}, --jobs 2, "
            f"{results.large['rows']:,} rows) | {_s(run.seconds)} · {batch['seconds_per_report']:.2f} s per report "
            f"| – | – | 1 | {run.load_average:.2f} | {_mb(run.peak_rss_mb)} |")
    else:
        lines.append(f"| report batch: overview × 125 reports, --jobs 2 | {batch.get('skipped')} | – | – | – | – | – |")
    lines += ["", *quick_command_lines(getattr(results, "bare_ratios", None) or [])]
    lines += ["", "### Same numbers", "",
              "| rows | key | hoaan kpis | pandas | equal |", "|---|---|---|---|---|"]
    for rows, p in sorted(results.pandas.items()):
        ours = results.sizes[rows]["hoaan_kpis"]
        for key in COMPARED_KEYS:
            lines.append(f"| {rows:,} | {key} | {ours.get(key)!r} | {p['kpis'].get(key)!r} | "
                         f"{'yes' if _agree(ours.get(key), p['kpis'].get(key)) else '**no**'} |")
    lines += ["", "### Goals of issues 5 and 9", "", "| goal | result |", "|---|---|"]
    lines += [f"| {g} | {v} |" for g, v in goals(results)]
    lines += ["", "### Scaling", "",
              f"![ingest and KPI time against rows, log-log]({plot_path.name})", "",
              f"Growth exponent between the two largest sizes (1 = linear): ingest {_slope(results, 'ingest')}, "
              f"floor {_slope(results, 'floor')}, `hoaan kpis` {_slope(results, 'kpis')} (the whole-process "
              "figure is dominated by start-up below 1M rows).", "",
              "| rows | floor | ingest | hoaan kpis | in process | ingest runs (s) |", "|---|---|---|---|---|---|"]
    for rows, e in sorted(results.sizes.items()):
        lines.append(f"| {rows:,} | {_s(e['floor'].seconds)} | {_s(e['ingest'].seconds)} | {_s(e['kpis'].seconds)} | "
                     f"{_s(e['kpis_inside']['all_units_seconds'])} | "
                     f"{', '.join(f'{s:.2f}' for s in e['ingest'].all_seconds)} |")
    if NOTES_FILE.is_file():
        lines += ["", NOTES_FILE.read_text(encoding="utf-8").strip()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")



