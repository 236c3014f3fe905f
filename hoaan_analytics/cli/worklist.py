"""`hoaan worklist`: the dossiers to act on before the month closes, and the 766 points of its closed ones."""

from __future__ import annotations

import argparse

from hoaan_analytics.paths import DEFAULT_DB


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", default=None, metavar="DATE",
                        help="the day to list for, YYYY-MM-DD or DD/MM/YYYY (default: the last day of the loaded data)")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--unit", default=None, help="one unit (đơn vị xử lý); default: all units")
    scope.add_argument("--by", default=None, choices=("unit",), help="add the counts of each unit")
    parser.add_argument("--within", type=int, default=3, metavar="N",
                        help="list open dossiers due within N working days (default 3), besides the overdue "
                             "and those due by the end of the month")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true",
                        help='print {"as_of", "unit", "within_working_days", "open", "closed"} as JSON')


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics.worklist import worklist_output

    print(worklist_output(args.db, as_of=args.as_of, unit=args.unit, by_unit=args.by == "unit",
                          within_working_days=args.within, as_json=args.json).text)
    return 0
