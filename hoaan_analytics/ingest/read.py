"""Export files -> one staged text table per file: tell the file's format and call its reader.

read_csv.py, read_xlsx.py and read_json.py read one format each (header.py finds a
flat export's header); what they share, and how a staged file is dropped, is staging.py.
"""

from __future__ import annotations

from pathlib import Path

from hoaan_analytics import db
from hoaan_analytics.ingest.labels import LabelMap

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
JSON_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def file_format(path: Path) -> str:
    """'xlsx' for spreadsheet workbooks (by content, then suffix); 'json' (an array of payload
    records) or 'jsonl' (one record a line) by suffix; else 'csv'."""
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(b"PK\x03\x04") or magic.startswith(b"\xd0\xcf\x11\xe0"):
        return "xlsx"
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return "xlsx"
    return JSON_SUFFIXES.get(path.suffix.lower(), "csv")


def stage(con: db.Connection, table: str, path: Path, fmt: str, labels: LabelMap, file_name: str, *,
          lines: tuple[int, bool] | None = None) -> None:
    """Stage one file of format `fmt` (see file_format) as temp relation `table`.

    `lines`: staging.count_lines of a text file when the caller has it (load.py counts while hashing).
    """
    if fmt == "xlsx":
        from hoaan_analytics.ingest.read_xlsx import stage_excel
        stage_excel(con, table, path, labels, file_name)
    elif fmt in ("json", "jsonl"):
        from hoaan_analytics.ingest.read_json import stage_payload
        stage_payload(con, table, path, fmt, file_name, lines=lines)
    else:
        from hoaan_analytics.ingest.read_csv import stage_csv
        stage_csv(con, table, path, labels, file_name, lines=lines)
