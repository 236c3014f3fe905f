"""The procedure catalogue: params/procedures.csv -> table `procedures` (METRICS.md §7)."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import polars as pl

from hoaan_analytics import db, paths
from hoaan_analytics.errors import HoaanError

CATALOGUE_FILE = paths.PROCEDURES_FILE
REQUIRED_COLUMNS = ("procedure_code", "statutory_days", "cutoff_15h")
# METRICS.md §7: only the 766 scorecard reads them; missing column or empty cell = unknown (null)
OPTIONAL_FLAG_COLUMNS = ("has_fee", "paper_result")
_TRUE = {"1", "true", "yes", "có", "x"}
_FALSE = {"0", "false", "no", "không", ""}


class CatalogueError(HoaanError):
    """params/procedures.csv cannot be used; the message names the line and column."""


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).strip()
    return value or None


def read_catalogue(path: Path) -> pl.DataFrame:
    """Read and check a catalogue file; one row per procedure_code, columns as table `procedures`."""
    path = Path(path)
    if not path.is_file():
        raise CatalogueError(f"no procedure catalogue at {path} (copy shared/domain/procedures.csv there)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogueError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(_text(c) or "").lower() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CatalogueError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
    reader.fieldnames = header
    rows: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        code = _text(row.get("procedure_code"))
        if code is None:
            raise CatalogueError(f"{path}: line {line}: procedure_code is empty")
        if code in seen:
            raise CatalogueError(f"{path}: line {line}: procedure_code {code} is already on line {seen[code]}")
        seen[code] = line
        days_text = _text(row.get("statutory_days")) or ""
        if not days_text.isdigit():
            raise CatalogueError(
                f"{path}: line {line}: statutory_days {days_text!r} is not a whole number of working days")
        cutoff_text = (_text(row.get("cutoff_15h")) or "").lower()
        if cutoff_text not in _TRUE | _FALSE:
            raise CatalogueError(f"{path}: line {line}: cutoff_15h {cutoff_text!r} is not 0 or 1")
        flags: dict[str, bool | None] = {}
        for column in OPTIONAL_FLAG_COLUMNS:
            flag_text = (_text(row.get(column)) or "").lower()
            if flag_text and flag_text not in _TRUE | _FALSE:
                raise CatalogueError(f"{path}: line {line}: {column} {flag_text!r} is not 0, 1 or empty")
            flags[column] = (flag_text in _TRUE) if flag_text else None
        rows.append({
            **flags,
            "procedure_code": code,
            "procedure_name": _text(row.get("procedure_name")),
            "field_name": _text(row.get("field_name")),
            "statutory_days": int(days_text),
            "cutoff_15h": cutoff_text in _TRUE,
            "confidence": _text(row.get("confidence")),
            "note": _text(row.get("note")),
        })
    return pl.DataFrame(rows, schema={
        "procedure_code": pl.String, "procedure_name": pl.String, "field_name": pl.String,
        "statutory_days": pl.Int32, "cutoff_15h": pl.Boolean, "confidence": pl.String, "note": pl.String,
        "has_fee": pl.Boolean, "paper_result": pl.Boolean,
    }).select("procedure_code", "procedure_name", "field_name", "statutory_days", "cutoff_15h", "confidence",
              "note", "has_fee", "paper_result")


def load_catalogue(con: db.Connection, params_dir: Path) -> int:
    """Replace table `procedures` with `params_dir/procedures.csv`; returns the number of procedures."""
    frame = read_catalogue(Path(params_dir) / CATALOGUE_FILE)
    con.register("catalogue_frame", frame)
    try:
        db.run(con, "delete from procedures")
        db.run(con, """
            insert into procedures
                (procedure_code, procedure_name, field_name, statutory_days, cutoff_15h, confidence, note,
                 has_fee, paper_result)
            select procedure_code, procedure_name, field_name, statutory_days, cutoff_15h, confidence, note,
                   has_fee, paper_result
            from catalogue_frame
        """)
    finally:
        con.unregister("catalogue_frame")
    return frame.height
