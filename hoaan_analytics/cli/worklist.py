"""`hoaan worklist`: the dossiers to act on before the month closes, and the 766 points of its closed ones.

Without --unit it prints one line per unit and the province's total (sql/analysis/worklist_summary.sql):
a province's month is hundreds of thousands of dossier lines, which nobody reads in a terminal. The
dossiers themselves come with --unit, --all, --json or --csv FILE.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hoaan_analytics.paths import DEFAULT_DB


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", default=None, metavar="DATE",
                        help="the day to list for, YYYY-MM-DD or DD/MM/YYYY (default: the last day of the loaded data)")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--unit", default=None,
                       help="one unit (đơn vị xử lý): its dossiers; default: all units, one line each")
    scope.add_argument("--by", default=None, choices=("unit",),
                       help="with --all or --json: add the counts of each unit")
    parser.add_argument("--all", action="store_true",
                        help="list every dossier of all units (a province: hundreds of thousands of lines), "
                             "not only one line per unit")
    parser.add_argument("--within", type=int, default=3, metavar="N",
                        help="list open dossiers due within N working days (default 3), besides the overdue "
                             "and those due by the end of the month")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true",
                        help='print {"as_of", "unit", "within_working_days", "open", "closed"} as JSON')
    parser.add_argument("--csv", default=None, metavar="FILE", type=Path,
                        help="also write the listed dossiers (open and closed rows) to FILE as CSV (UTF-8)")


def run(args: argparse.Namespace) -> int:
    import sys

    from hoaan_analytics.labels_vi import WORKLIST_CLI_TEXT_VI
    from hoaan_analytics.worklist import summary_text, worklist_output, write_csv

    if args.csv is not None:
        rows = write_csv(args.db, args.csv, as_of=args.as_of, unit=args.unit, within_working_days=args.within)
        # on stderr: stdout stays what the command prints without --csv
        print(WORKLIST_CLI_TEXT_VI["csv_written"].format(rows=rows, path=args.csv), file=sys.stderr)
    if args.unit is None and not (args.all or args.json):
        print(summary_text(args.db, as_of=args.as_of, within_working_days=args.within))
        return 0
    print(worklist_output(args.db, as_of=args.as_of, unit=args.unit, by_unit=args.by == "unit",
                          within_working_days=args.within, as_json=args.json).text)
    return 0
