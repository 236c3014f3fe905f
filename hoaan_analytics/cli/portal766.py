"""`hoaan portal766 FILE... [--period P]`: the portal's 766 pages stored as received, scored, ranked, compared."""

from __future__ import annotations

import argparse

from hoaan_analytics import paths


def register(parser: argparse.ArgumentParser) -> None:
    """Arguments of `hoaan portal766`."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="the browser's HAR of the portal's 766 page (.har: its six pages, their periods "
                             "read from the requests), an answer of the page saved as is (.json, with --period), or "
                             "a CSV filled from the page (columns unit, period, indicator_id, numerator, denominator, "
                             "points; see params/README.md)")
    parser.add_argument("--period", default=None,
                        help="the period the files show: required for a saved .json, which carries none (a "
                             "calendar month, quarter or year: 2026-08, 2026-Q3, 2026); with a HAR, every page must "
                             "be of it; fills a CSV's empty period cells")
    parser.add_argument("--mode", default="calendar", help="calendar (default) or cutoff (15th to 14th)")
    parser.add_argument("--db", default=str(paths.DEFAULT_DB), help="DuckDB database file (default: %(default)s)")
    parser.add_argument("--params", default=None, help="params folder with units.csv (default: ./params)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")


def run(args: argparse.Namespace) -> int:
    """Store the files' figures in one transaction and print the comparison of each period read."""
    import sys

    from hoaan_analytics import db, models
    from hoaan_analytics.portal766 import portal766_output

    params_dir = paths.params_dir(args.params)

    def rebuild(con) -> None:
        # the ingest package (with polars, 0.4 s of imports) only when there is something to rebuild
        try:
            if models.stale_reason(con) is None:
                return
        except db.Error:
            return  # never loaded: the load says what is missing (as rebuild_if_stale does)
        from hoaan_analytics.ingest import rebuild_if_stale

        reason = rebuild_if_stale(con, params_dir)
        if reason is not None:
            print(f"note: {args.db}: {reason}; its derived tables and macros were rebuilt from the stored "
                  f"dossiers first", file=sys.stderr)

    print(portal766_output(args.db, args.files, args.period, mode=args.mode, params_dir=params_dir,
                           as_json=args.json, prepare=rebuild).text)
    return 0
