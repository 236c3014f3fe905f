"""`hoaan ingest [FILE...] [--db PATH] [--params DIR] [--json]`: load dossier exports (CSV, XLSX, payload JSON).

With no file it only rebuilds the derived tables and macros from the stored dossiers (after an
upgrade of hoaan, or an edit of params/), as every ingest does at its end.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hoaan_analytics import paths
from hoaan_analytics.errors import HoaanError


def register(parser: argparse.ArgumentParser) -> None:
    """Arguments of `hoaan ingest`."""
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="CSV or XLSX exports, or national sync payload files (.json array, .jsonl/.ndjson one "
                             "record a line), loaded in this order (a later file wins); none: only rebuild the "
                             "derived tables and macros from the stored dossiers and params")
    parser.add_argument("--db", default=str(paths.DEFAULT_DB),
                        help="DuckDB database file (default: %(default)s)")
    parser.add_argument("--params", default=None,
                        help="params folder with procedures.csv and labels.csv (default: ./params)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")


def run(args: argparse.Namespace) -> int:
    """Load the files in one transaction and print what happened."""
    from hoaan_analytics import db
    from hoaan_analytics.ingest import ingest_files

    params_dir = paths.params_dir(args.params)
    if not args.files and not Path(args.db).is_file():
        raise HoaanError(f"no file given and no database at {args.db}: name the exports to load")
    con = db.connect(args.db, wait_seconds=30)
    try:
        summary = ingest_files(con, args.files, params_dir=params_dir)
    finally:
        con.close()
    result = summary.to_dict()
    if args.json:
        print(json.dumps({**result, "db": str(args.db)}, ensure_ascii=False))
        return 0
    if not args.files:
        print(f"no file given: the derived tables and macros of {args.db} were rebuilt from its stored dossiers "
              f"and {params_dir}")
        return 0
    width = max(len("file"), *(len(f["file_name"]) for f in result["files"]))
    print(f"{'file':<{width}}  {'rows':>9}  {'loaded':>9}  {'set aside':>9}  note")
    for f in result["files"]:
        note = "same bytes loaded before: skipped" if f["skipped"] else ""
        print(f"{f['file_name']:<{width}}  {f['rows_read']:>9}  {f['loaded']:>9}  {f['set_aside']:>9}  {note}")
    print(f"{'total':<{width}}  {result['rows_read']:>9}  {result['loaded']:>9}  {result['set_aside']:>9}")
    if result["set_aside"]:
        print("rows set aside are listed with their reasons in table set_aside of", args.db)
    return 0
