"""`hoaan demo`: the main job on the embedded default data (README's first command).

Everything it writes lies under data/demo/ (and the reports folder): a commune's
real exports in data/raw/ and its database in data/processed/ are never touched.
"""

from __future__ import annotations

import argparse

from hoaan_analytics import paths


def register(parser: argparse.ArgumentParser) -> None:
    """Arguments of `hoaan demo`; every one has a default, so the bare command works."""
    parser.add_argument("--raw", default=str(paths.DEMO_RAW),
                        help="folder of exports; demo exports are written there if it has none (default: %(default)s)")
    parser.add_argument("--db", default=str(paths.DEMO_DB), help="DuckDB file (default: %(default)s)")
    parser.add_argument("--out", default=str(paths.DEFAULT_REPORTS), help="report folder (default: %(default)s)")
    parser.add_argument("--params", default=None, help="params folder (default: ./params)")
    parser.add_argument("--period", default=None,
                        help="period to render (default: the latest complete quarter of the data)")
    parser.add_argument("--mode", choices=("calendar", "cutoff"), default="calendar")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks rendered at once (default: %(default)s)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    """Generate (if needed), load, render; print where the index is."""
    from hoaan_analytics.pipeline import run_main_job

    result = run_main_job(raw_dir=args.raw, db_path=args.db, out_dir=args.out, params_dir=args.params,
                          period=args.period, mode=args.mode, workers=args.jobs,
                          progress=not args.no_progress)
    print(f"loaded {len(result.files)} export file(s) from {args.raw}: {result.ingest['loaded']} rows stored, "
          f"{result.ingest['set_aside']} set aside, into {args.db}")
    if result.portal:
        print(f"loaded the portal's 766 pages of {len(result.portal['periods'])} period(s) from "
              f"{args.raw}/portal766 ({result.portal['stored']} answers)")
    print(f"rendered {result.reports} report(s) for {result.period.label} ({result.period.name}), "
          f"{len(result.units)} unit(s) and all units together, in {result.seconds:.0f} s")
    print(f"index: {result.index_path.resolve()}")
    return 0
