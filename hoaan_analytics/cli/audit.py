"""`hoaan audit [--db PATH] [--reports DIR] [--exports FILE... | --raw DIR]`: look for personal data.

Exit 0 when nothing is found, 1 when something is (each finding on stderr, masked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hoaan_analytics import paths


def register(parser: argparse.ArgumentParser) -> None:
    """Arguments of `hoaan audit`."""
    parser.add_argument("--db", default=None,
                        help=f"DuckDB file to search (default {paths.DEFAULT_DB} when it exists)")
    parser.add_argument("--reports", default=None,
                        help=f"folder of reports to search, .html and .ipynb (default {paths.DEFAULT_REPORTS} "
                             f"when it exists)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--exports", nargs="+", metavar="FILE", default=None,
                        help="the exports whose personal values to look for")
    source.add_argument("--raw", default=None, metavar="DIR",
                        help=f"take every CSV/XLSX and payload .json/.jsonl/.ndjson in DIR as the exports "
                             f"(default {paths.DEFAULT_RAW} when it exists and --exports is not given)")
    parser.add_argument("--params", default=None, help="params folder with labels.csv (default: ./params)")
    parser.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                        help="how long to wait for an ingest that holds the database (default 30)")


def _default(explicit: str | None, fallback: Path) -> Path | None:
    if explicit is not None:
        return Path(explicit)
    return fallback if fallback.exists() else None


def run(args: argparse.Namespace) -> int:
    """Search and print the masked findings; exit 1 when anything is found."""
    from hoaan_analytics.audit import audit, export_files
    from hoaan_analytics.errors import HoaanError

    db_path = _default(args.db, paths.DEFAULT_DB)
    reports_dir = _default(args.reports, paths.DEFAULT_REPORTS)
    if args.exports is not None:
        exports = [Path(p) for p in args.exports]
    else:
        raw = _default(args.raw, paths.DEFAULT_RAW)
        exports = export_files(raw) if raw is not None and raw.is_dir() else []
    if db_path is None and reports_dir is None:
        raise HoaanError("nothing to audit: give --db and/or --reports (neither default exists here)")
    for path in [p for p in (db_path, reports_dir) if p is not None] + exports:
        if not path.exists():
            raise HoaanError(f"{path}: no such file or folder")
    result = audit(db_path=db_path, reports_dir=reports_dir, exports=exports,
                   params_dir=args.params, wait_seconds=args.wait)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for finding in result.findings:
        print(f"found: {finding}", file=sys.stderr)
    verdict = "FOUND personal data" if result.findings else "clean"
    print(f"audit: {verdict}: {len(result.findings)} finding(s) in {len(result.scanned)} place(s) searched "
          f"for {result.values_searched:,} personal values from {len(exports)} export(s) "
          f"and ID/phone-shaped numbers")
    return 1 if result.findings else 0
