"""`hoaan worklist`: the dossiers to act on before the month closes, and the 766 points of its closed ones.

Without --unit it prints one line per unit and the province's total (sql/analysis/worklist_summary.sql):
a province's month is hundreds of thousands of dossier lines, which nobody reads in a terminal. The
dossiers themselves come with --unit, --all, --json or --csv FILE.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hoaan_analytics.paths import DEFAULT_DB

# The summary's columns after the unit's name, in print order (sql/analysis/worklist_summary.sql).
SUMMARY_COLUMNS = ("open_dossiers", "overdue_dossiers", "due_dossiers", "can_win_dossier_indicators")


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
    if args.csv is not None:
        write_csv(args.db, args.csv, as_of=args.as_of, unit=args.unit, within_working_days=args.within)
    if args.unit is None and not (args.all or args.json):
        print(summary_text(args.db, as_of=args.as_of, within_working_days=args.within))
        return 0

    from hoaan_analytics.worklist import worklist_output

    print(worklist_output(args.db, as_of=args.as_of, unit=args.unit, by_unit=args.by == "unit",
                          within_working_days=args.within, as_json=args.json).text)
    return 0


def write_csv(db_path: str, path: Path, *, as_of: str | None, unit: str | None, within_working_days: int) -> None:
    """The listed rows (open, then closed) with the JSON output's columns and row_kind, into `path` as UTF-8 CSV."""
    import sys

    from hoaan_analytics import db, kpis, models
    from hoaan_analytics.labels_vi import WORKLIST_CLI_TEXT_VI as TEXT
    from hoaan_analytics.worklist import CLOSED_COLUMNS, OPEN_COLUMNS, default_as_of, parse_as_of, worklist

    day = None if as_of is None else parse_as_of(as_of)
    con = db.connect_reader(db_path)
    try:
        with models.explained_if_unbuilt(con, db_path):
            day = default_as_of(con) if day is None else day
            rows = worklist(con, day, kpis.unit_name(con, unit), within_working_days)
    finally:
        con.close()
    columns = ["row_kind", *OPEN_COLUMNS, *(c for c in CLOSED_COLUMNS if c not in OPEN_COLUMNS)]
    try:
        rows.select(columns).write_csv(path)
    except OSError as exc:
        from hoaan_analytics.errors import HoaanError

        raise HoaanError(f"--csv {path}: cannot be written: {exc.strerror or exc}") from exc
    # on stderr: stdout stays what the command prints without --csv
    print(TEXT["csv_written"].format(rows=rows.height, path=path), file=sys.stderr)


def summary_text(db_path: str, *, as_of: str | None, within_working_days: int) -> str:
    """One line per unit with something on its work list, and the province's total, as text."""
    from hoaan_analytics import db, models
    from hoaan_analytics.labels_vi import ALL_UNITS_LABEL, WORKLIST_COLUMN_LABELS_VI
    from hoaan_analytics.labels_vi import WORKLIST_CLI_TEXT_VI as TEXT
    from hoaan_analytics.periods import parse_period

    # worklist's own checks of the date and --within, with the same errors as the dossier list
    from hoaan_analytics.worklist import _parameters as checked_parameters
    from hoaan_analytics.worklist import default_as_of, parse_as_of

    day = None if as_of is None else parse_as_of(as_of)
    con = db.connect_reader(db_path)
    try:
        with models.explained_if_unbuilt(con, db_path):
            day = default_as_of(con) if day is None else day
            params = checked_parameters(con, day, None, within_working_days)
            rows = db.records(con, db.sql_text("analysis", "worklist_summary"), params)
    finally:
        con.close()

    month = parse_period(f"{day:%Y-%m}")
    units = [r for r in rows if not r["is_total"]]
    total = next(r for r in rows if r["is_total"])
    headings = [WORKLIST_COLUMN_LABELS_VI[c] for c in SUMMARY_COLUMNS]
    names = [r["unit_name"] or "" for r in units] + [ALL_UNITS_LABEL]
    name_width = max(len(WORKLIST_COLUMN_LABELS_VI["unit_name"]), *(len(n) for n in names))
    cells = [[f"{r[c]:,}" for c in SUMMARY_COLUMNS] for r in (*units, total)]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headings)]

    def line(name: str, values: list[str]) -> str:
        return "  " + "  ".join([name.ljust(name_width), *(v.rjust(w) for v, w in zip(values, widths, strict=True))])

    lines = [f"{TEXT['title'].format(as_of=day)} — {ALL_UNITS_LABEL}",
             TEXT['scope'].format(period=month.label, start=month.start, as_of=day, reference=total["reference_on"]),
             "",
             TEXT['summary_heading'].format(units=len(units), within=within_working_days),
             line(WORKLIST_COLUMN_LABELS_VI["unit_name"], headings).rstrip()]
    lines += [line(name, values) for name, values in zip(names, cells, strict=True)]
    lines += ["", TEXT['summary_hint']]
    return "\n".join(lines)
