"""`hoaan kpis`: the METRICS.md §6 numbers for one period, as JSON or a readable table."""

from __future__ import annotations

import argparse
import sys

from hoaan_analytics.paths import DEFAULT_DB


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", required=True,
                        help="2026-03, 2026-Q1, 2026-H1, 2026-H2, 2026-9M, 2026 or 2026-01-01..2026-03-31")
    parser.add_argument("--mode", default="calendar", help="calendar (default) or cutoff (15th to 14th)")
    parser.add_argument("--unit", default=None, help="one unit (đơn vị xử lý); default: all units")
    parser.add_argument("--by", default=None, choices=("field", "procedure", "unit", "month"),
                        help="one row per lĩnh vực, procedure, unit or month")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true", help="print JSON (ratios as 0-1 floats or null)")


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics.kpis import kpis_output

    output = kpis_output(args.db, args.period, mode=args.mode, unit=args.unit, by=args.by, as_json=args.json)
    for note in output.notes:
        print(f"note: {note}", file=sys.stderr)
    print(output.text)
    return 0
