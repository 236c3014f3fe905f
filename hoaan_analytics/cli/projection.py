"""`hoaan projection`: the 766 points and the plan's rates at the end of the month and the quarter, in two scenarios."""

from __future__ import annotations

import argparse

from hoaan_analytics.paths import DEFAULT_DB


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", default=None, metavar="DATE",
                        help="the day to project from, YYYY-MM-DD or DD/MM/YYYY (default: the last day of the "
                             "loaded data)")
    parser.add_argument("--unit", default=None, help="one unit (đơn vị xử lý); default: all units")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true", help='print {"as_of", "unit", "rows"} as JSON')


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics.projection import projection_output

    print(projection_output(args.db, as_of=args.as_of, unit=args.unit, as_json=args.json).text)
    return 0
