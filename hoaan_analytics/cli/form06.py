"""`hoaan form06`: the official table Biểu số 06/VPCP/KSTT for one period, as an Excel file."""

from __future__ import annotations

import argparse

from hoaan_analytics.paths import DEFAULT_DB


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", required=True,
                        help="2026-03, 2026-Q1, 2026-H1, 2026-H2, 2026-9M, 2026 or 2026-01-01..2026-03-31")
    parser.add_argument("--mode", default="calendar", help="calendar (default) or cutoff (15th to 14th)")
    parser.add_argument("--unit", default=None, help="one unit (đơn vị xử lý); default: all units")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default {DEFAULT_DB})")
    parser.add_argument("--out", required=True, help="the .xlsx file to write")


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics.form06 import form06_file

    path = form06_file(args.db, args.period, args.out, mode=args.mode, unit=args.unit)
    print(f"wrote {path}")
    return 0
