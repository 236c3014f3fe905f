"""Issue 20's ratios, each command measured alternately with its floor in one run (`python -m bench.side_by_side`).

    python -m bench.side_by_side [--xlsx 100000 1000000] [--csv 1000000 10000000] [--worklist 1000000 10000000]
                                 [--runs 3] [--large-runs 1] [--large-data-dir DIR] [--out docs/benchmarks.md]

- XLSX ingest against its floor (bench.tasks floor-xlsx: fastexcel reads every cell of the sheet
  as text into a polars frame, DuckDB stores it in a database file); goal 1.5x, peak RSS 2x.
- CSV ingest against its floor (bench.tasks floor: DuckDB copies the file as text into a database
  file); goals 1.5x at 1M rows, 2x at 10M rows, under the ingest's 3 GB memory cap.
- `hoaan worklist` (the summary by unit, all units) and `hoaan worklist --unit U` against the bare
  connect-and-count on the database the CSV ingest wrote; goal 3x.

Floor and command alternate run by run, so that both see the same noise of a shared machine; the
section "Side by side (issue 20)" of docs/benchmarks.md is replaced (or added), nothing else.
Data: `hoaan synth` exports as bench/datasets.py makes them (124 units, seed 7), generated on first use.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from bench import datasets
from bench.measure import Figure, run_measured
from bench.report import NOTES_FILE
from bench.suite import ROOT, _hoaan, _largest_unit, _python, _remove_db
from bench.tasks import against_bare_connect

HEADING = "## Side by side (issue 20)"
XLSX_GOAL, XLSX_RSS_GOAL = 1.5, 2.0
CSV_GOALS = {1_000_000: 1.5, 10_000_000: 2.0}   # by rows; other sizes are shown without a goal
WORKLIST_GOAL = 3.0


def _say(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def ingest_against_floor(path: Path, name: str, floor_task: str, work: Path, runs: int) -> dict:
    """The floor task and `hoaan ingest` on `path`, alternately, each into a fresh database file."""
    floor_db, db_path = work / f"floor-{name}.duckdb", work / f"{name}.duckdb"
    floor, ingest = Figure(), Figure()
    for _ in range(runs):
        _remove_db(floor_db)
        floor.runs.append(run_measured([_python(), "-m", "bench.tasks", floor_task, path, floor_db], cwd=ROOT))
        _remove_db(floor_db)
        _remove_db(db_path)
        ingest.runs.append(run_measured(_hoaan("ingest", path, "--db", db_path, "--json"), cwd=ROOT))
    return {"floor": floor, "ingest": ingest, "ratio": ingest.seconds / floor.seconds,
            "rss_ratio": (ingest.peak_rss_mb or 0) / (floor.peak_rss_mb or 1), "db_path": db_path,
            "file_mb": path.stat().st_size / 1e6}


def _verdict(ratio: float, goal: float | None) -> str:
    if goal is None:
        return "–"
    return f"{'met' if ratio <= goal else 'missed'} (≤ {goal:g}×)"


def _loads(*figures: Figure) -> str:
    values = [r.load_average for f in figures for r in f.runs if r.load_average is not None]
    return f"{min(values):.1f}–{max(values):.1f}" if values else "n/a"


def _runs(figure: Figure) -> str:
    return ", ".join(f"{s:.2f}" for s in figure.all_seconds)


def section(ingests: list[dict], worklists: list[dict], runs: int) -> list[str]:
    lines = [HEADING, "",
             f"Measured by `python -m bench.side_by_side` on {datetime.now():%Y-%m-%d %H:%M} ({os.cpu_count()} "
             f"logical cores, shared with other work: *load* is the range of 1-minute load averages at the "
             f"start of the runs). Each command alternates run by run with its floor, {runs} runs each "
             f"(from 5M rows as the column *runs* shows); "
             f"figures are medians of whole processes, the ratio is median / median, peak RSS the largest run's.",
             "",
             "| export | rows | file | floor | `hoaan ingest` | ratio | goal | peak RSS floor / ingest (ratio) "
             "| load | runs (floor; ingest) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for e in ingests:
        goal = XLSX_GOAL if e["format"] == "xlsx" else CSV_GOALS.get(e["rows"])
        rss = f"{e['floor'].peak_rss_mb:,.0f} / {e['ingest'].peak_rss_mb:,.0f} MB ({e['rss_ratio']:.2f}×)"
        if e["format"] == "xlsx":
            rss += f", {'met' if e['rss_ratio'] <= XLSX_RSS_GOAL else 'missed'} (≤ {XLSX_RSS_GOAL:g}×)"
        lines.append(f"| {e['format'].upper()} | {e['rows']:,} | {e['file_mb']:,.0f} MB | {e['floor'].seconds:.2f} s "
                     f"| {e['ingest'].seconds:.2f} s | **{e['ratio']:.2f}×** | {_verdict(e['ratio'], goal)} | {rss} "
                     f"| {_loads(e['floor'], e['ingest'])} | {_runs(e['floor'])}; {_runs(e['ingest'])} |")
    if worklists:
        lines += ["", "| command | rows | bare connect-and-count | command | ratio | goal | load | runs |",
                  "|---|---|---|---|---|---|---|---|"]
        for w in worklists:
            lines.append(f"| `{w['label']}` | {w['rows']:,} | {w['bare'].seconds:.3f} s | {w['command'].seconds:.3f} s "
                         f"| **{w['ratio']:.2f}×** | {_verdict(w['ratio'], WORKLIST_GOAL)} "
                         f"| {_loads(w['bare'], w['command'])} | {len(w['command'].runs)} |")
    return lines + [""]


def replace_section(path: Path, lines: list[str]) -> None:
    """Put `lines` in place of the document's side-by-side section, or before its first `### ` section."""
    doc = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    # the analysis at the end of the document is bench/NOTES.md as it is now (as bench.report writes it)
    notes = NOTES_FILE.read_text(encoding="utf-8").strip().splitlines() if NOTES_FILE.is_file() else []
    if notes and notes[0] in doc:
        doc[doc.index(notes[0]):] = notes
    if HEADING in doc:
        start = doc.index(HEADING)
        end = next((i for i in range(start + 1, len(doc)) if doc[i].startswith("## ")), len(doc))
        doc[start:end] = lines
    else:
        before = next((i for i, line in enumerate(doc) if line.startswith("## Analysis")), len(doc))
        doc[before:before] = lines
    path.write_text("\n".join(doc) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.side_by_side", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--xlsx", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--csv", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--worklist", type=int, nargs="*", default=[1_000_000],
                        help="rows of the CSV databases the work list is measured on (each must be in --csv)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-runs", type=int, default=1, help="runs from 5M rows (default 1)")
    parser.add_argument("--worklist-runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--large-data-dir", type=Path, default=None,
                        help="where exports from 5M rows live (e.g. /tmp: the 10M file is 3.5 GB)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)

    ingests, worklists = [], []
    for fmt, sizes, task in (("xlsx", args.xlsx, "floor-xlsx"), ("csv", args.csv, "floor")):
        for rows in sizes:
            data_dir = args.large_data_dir if args.large_data_dir and rows >= 5_000_000 else args.data_dir
            path = datasets.export_path(data_dir, fmt, rows, 7)
            work = data_dir / "work"
            work.mkdir(parents=True, exist_ok=True)
            runs = args.large_runs if rows >= 5_000_000 else args.runs
            _say(f"{fmt} {rows:,} rows: floor and hoaan ingest alternating, {runs} runs each")
            entry = {"format": fmt, "rows": rows, **ingest_against_floor(path, f"{fmt}-{rows}", task, work, runs)}
            _say(f"{fmt} {rows:,}: {entry['ratio']:.2f}x")
            ingests.append(entry)
            if fmt == "csv" and rows in args.worklist:
                unit = _largest_unit(entry["db_path"])
                for label, extra in (("hoaan worklist", ()), ("hoaan worklist --unit U", ("--unit", unit))):
                    _say(f"{rows:,} rows: {label} against the bare connect-and-count")
                    figures = against_bare_connect(_hoaan("worklist", *extra, "--db", entry["db_path"]),
                                                   entry["db_path"], runs=args.worklist_runs, cwd=ROOT)
                    worklists.append({"label": label, "rows": rows, **figures})
                    _say(f"{label} {rows:,}: {figures['ratio']:.2f}x")
            _remove_db(work / f"floor-{fmt}-{rows}.duckdb")
    lines = section(ingests, worklists, args.runs)
    print("\n".join(lines))
    replace_section(args.out, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
