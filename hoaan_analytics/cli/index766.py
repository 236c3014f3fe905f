"""`hoaan index766`: the 766 scorecard of one period (METRICS.md §9), as Vietnamese tables or JSON."""

from __future__ import annotations

import argparse

from hoaan_analytics.paths import DEFAULT_DB


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", required=True,
                        help="2026-03, 2026-Q1, 2026-H1, 2026-H2, 2026-9M, 2026 or 2026-01-01..2026-03-31")
    parser.add_argument("--mode", default="calendar", help="calendar (default) or cutoff (15th to 14th)")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--unit", default=None, help="one unit (đơn vị xử lý); default: all units")
    scope.add_argument("--by", default=None, choices=("unit",), help="one scorecard per unit")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true", help="print the JSON object of the scorecard")
    parser.add_argument("--whole", action="store_true",
                        help="with --unit: the whole score of 100 before the portal publishes (ours where computed, "
                             "the portal's published points elsewhere) and the provisional rank")


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics.index766 import index766_output

    print(index766_output(args.db, args.period, mode=args.mode, unit=args.unit, by_unit=args.by == "unit",
                          as_json=args.json, whole=args.whole).text)
    return 0
