"""`hoaan report`: render the notebooks to offline HTML for one period and some units.

Units: with neither option, one report per notebook for all units together;
`--unit NAME` one for that unit; `--all-units` one for all units together plus
one per unit found in the database (the commune reads the whole and each part).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from hoaan_analytics import paths
from hoaan_analytics.errors import HoaanError


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", required=True,
                        help="e.g. 2026-03, 2026-Q1, 2026-H1, 2026-9M, 2026, 2026-01-01..2026-03-31")
    parser.add_argument("--db", default=str(paths.DEFAULT_DB), help="DuckDB file (default: %(default)s)")
    parser.add_argument("--mode", choices=("calendar", "cutoff"), default="calendar",
                        help="calendar ranges, or the cut-off periods of Nghị định 09/2019 (default: calendar)")
    units = parser.add_mutually_exclusive_group()
    units.add_argument("--unit", help="one report set for this unit (default: all units together)")
    units.add_argument("--all-units", action="store_true",
                       help="one report set for all units together, plus one per unit")
    parser.add_argument("--notebooks", nargs="+", metavar="NAME",
                        help="notebook names (without .ipynb) to render; default: every notebook")
    parser.add_argument("--notebook-dir", default=None,
                        help="folder of the notebooks (default: ./notebooks or the project's)")
    parser.add_argument("--out", default=str(paths.DEFAULT_REPORTS), help="output folder (default: %(default)s)")
    parser.add_argument("--params", default=None, help="params folder handed to the notebooks")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="notebooks run at once, each in its own kernel (default: %(default)s)")
    parser.add_argument("--kernel", default=None, help="Jupyter kernel (default: hoaan, else python3)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics.periods import parse_period
    from hoaan_analytics.report import batch

    if args.jobs < 1:
        raise HoaanError("--jobs must be at least 1")
    parse_period(args.period, args.mode)  # a bad period fails here once, not in every notebook
    db_path = Path(args.db)
    if not db_path.is_file():
        raise HoaanError(f"no database at {db_path}: run `hoaan ingest` first")
    notebook_dir = Path(args.notebook_dir) if args.notebook_dir else paths.notebooks_dir()
    notebooks = batch.find_notebooks(notebook_dir, args.notebooks)
    units = batch.report_units(db_path, unit=args.unit, all_units=args.all_units)
    result = batch.render_reports(
        db_path=db_path, period=args.period, mode=args.mode, units=units, notebooks=notebooks,
        out_dir=Path(args.out), params_dir=args.params, workers=args.jobs, kernel_name=args.kernel,
        progress=not args.no_progress,
    )
    print(f"{len(result.results)} report(s) in {result.seconds:.1f} s; index: {result.index_path}")
    return 0
