"""`hoaan portal766` on the HAR of a province's six pages, against a bare connect-and-count (issue 18; goal ≤ 4×).

    python -m bench.portal766 --rows 1000000 [--runs 10] [--har FILE] [--write]

The database is the benchmark's CSV database of `--rows` dossiers (bench/data/work/csv-<rows>.duckdb,
loaded once when missing, as `python -m bench --ratios-only` does), copied so that the portal's answers
never enter the one the other benchmarks read. The HAR is the portal's real answers for Phú Thọ, August
2026 (163 units, tests/data/portal766). A warm-up load first (the copy then holds the answers, as a
commune's database does from its second month on); then the whole process `hoaan portal766 HAR --json`
and the bare connect-and-count alternate run by run (bench.tasks.against_bare_connect). Prints one JSON
line; `--write` also puts the figures in docs/benchmarks.md (section "hoaan portal766").
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from bench import datasets
from bench.measure import run_measured
from bench.suite import ROOT, _hoaan
from bench.tasks import against_bare_connect

HAR = ROOT / "tests" / "data" / "portal766" / "dichvucong_766_2026-08.har"
GOAL = 4.0
SECTION = "## hoaan portal766 (issue 18)"


def portal766_database(data_dir: Path, rows: int, seed: int) -> Path:
    """A copy of the CSV database of `rows` dossiers, for the portal's answers only."""
    work = data_dir / "work"
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"csv-{rows}.duckdb"
    if not source.exists():
        csv_path = datasets.export_path(data_dir, "csv", rows, seed)
        run_measured(_hoaan("ingest", csv_path, "--db", source, "--json"), cwd=ROOT)
    target = work / f"portal766-{rows}.duckdb"
    for stale in work.glob(f"portal766-{rows}.duckdb*"):
        stale.unlink()
    shutil.copyfile(source, target)
    return target


def measure(rows: int, runs: int, har: Path, data_dir: Path, seed: int) -> dict:
    db_path = portal766_database(data_dir, rows, seed)
    command = _hoaan("portal766", har, "--db", db_path, "--json")
    warm_up = run_measured(command, cwd=ROOT)
    figures = against_bare_connect(command, db_path, runs=runs, cwd=ROOT)
    return {"label": "hoaan portal766 HAR (163 units, six pages)", "rows": rows, "goal": GOAL,
            "first_load_s": warm_up.seconds,
            "command": {**figures["command"].to_dict(), "loads": [r.load_average for r in figures["command"].runs]},
            "bare": {**figures["bare"].to_dict(), "loads": [r.load_average for r in figures["bare"].runs]},
            "ratio": figures["ratio"]}


def section(result: dict) -> str:
    command, bare = result["command"], result["bare"]
    return (f"{SECTION}\n\n"
            f"`python -m bench.portal766 --rows {result['rows']}`: the whole process `hoaan portal766 HAR --json` "
            f"(the six pages of a province of 163 units) into a database of {result['rows']:,} dossiers, against "
            f"a bare `python -c` DuckDB connect-and-count on the same database, alternating run by run.\n\n"
            f"Medians of {len(command['runs'])} runs each; *load* is the 1-minute load average at the start "
            f"of the runs (the machine's 2 cores are shared), lowest to highest.\n\n"
            f"| rows | portal766 | bare | ratio | goal | load |\n|---|---|---|---|---|---|\n"
            f"| {result['rows']:,} | {command['seconds']:.2f} s | {bare['seconds']:.2f} s | "
            f"{result['ratio']:.2f}× | {'met' if result['ratio'] <= result['goal'] else '**missed**'} "
            f"(≤ {result['goal']:.0f}×) | {_load_range(result)} |\n\n"
            f"Where the time goes, before and after: bench/NOTES.md (section `hoaan portal766`).\n")


def _load_range(result: dict) -> str:
    loads = [load for figure in (result["command"], result["bare"]) for load in figure.get("loads", [])
             if load is not None]
    return f"{min(loads):.1f}–{max(loads):.1f}" if loads else "–"


def write_section(path: Path, text: str) -> None:
    """Replace (or append) the section of docs/benchmarks.md; the rest of the file stays."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find(SECTION)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        following = old.find("\n## ", start + len(SECTION))
        new = old[:start] + text + ("" if following < 0 else old[following:])
    path.write_text(new, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.portal766", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--har", type=Path, default=HAR)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--write", action="store_true", help="put the figures in docs/benchmarks.md")
    args = parser.parse_args(argv)
    result = measure(args.rows, args.runs, args.har, args.data_dir, args.seed)
    print(json.dumps(result, default=str))
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", section(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
