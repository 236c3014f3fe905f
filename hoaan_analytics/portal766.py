"""The portal's published 766 figures beside our estimate: read, store, compare (`hoaan portal766`, report 08).

The national portal publishes each unit's 766 figures on its public page; a commune
saves the JSON the page receives, or copies the figures into a small CSV
(params/README.md). `load_portal_files` reads those files, matches each portal unit
to a unit of the exports (the stored macro `portal_unit_key`, and the aliases of
params/units.csv) and stores the figures in table `portal766_published`, all or
nothing. `comparison` reads the stored macro `portal766_comparison`: per unit and
indicator the portal's counts and points, ours (the scorecard, `index766`), the
differences and a reading key, which this module says in Vietnamese (labels_vi).

How the portal's JSON maps onto the indicators (METRICS.md §9):
- progress (tiến độ, `data.parent` and `data.children[]`) is indicator 2.1:
  numerator = totalOnTime, denominator = totalReceived (the portal's "received" is
  every dossier it handled in the period, carried-over ones included: §9's check
  reproduces the published 15.53 with 2,190 / 2,821 handled), points = score,
  max_points = maxScore; totalOverdue and avgProcessingDays are stored as read.
  The parent's totalScore / totalMaxScore are stored as indicator `total`, not
  compared (our total covers the computable indicators only); totalCompleted is not read.
- satisfaction (`data.evaluation[]`): each metric's `code` is the indicator id
  ("5.4"); a code the rules do not know is stored and shown as not compared.
A null figure is stored as null (unknown), never 0.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from hoaan_analytics import db, kpis, labels_vi, models, schema
from hoaan_analytics.errors import HoaanError, PeriodError
from hoaan_analytics.periods import Period, parse_period

ALIASES_FILE = "units.csv"
CSV_COLUMNS = ("unit", "period", "indicator_id", "numerator", "denominator", "points")
PROGRESS_INDICATOR = "2.1"
TOTAL_INDICATOR = "total"
# The stored macros a load needs; an ingest creates them too (models.build_plan), this lets a
# database built before them gain them at its first portal load.
PORTAL_MACROS = ("portal_unit_key", "portal766_comparison")
# The readings that concern the whole unit rather than one indicator.
UNIT_READINGS = ("unit_unmatched", "unit_ambiguous", "parent_not_compared")

_READ_SCHEMA: dict[str, pl.DataType] = {
    "file_order": pl.Int32, "row_order": pl.Int32, "source_file": pl.String, "source_position": pl.String,
    "period_start": pl.Date, "period_end": pl.Date, "mode": pl.String, "portal_unit_name": pl.String,
    "department_code": pl.String, "unit_level": pl.String, "is_parent": pl.Boolean, "indicator_id": pl.String,
    "portal_indicator_name": pl.String, "numerator": pl.Int64, "denominator": pl.Int64, "overdue": pl.Int64,
    "mean_processing_days": pl.Float64, "ratio_percent": pl.Float64, "points": pl.Float64,
    "max_points": pl.Float64,
}
_THOUSANDS = re.compile(r"\d{1,3}([.,]\d{3})+")


class PortalFileError(HoaanError):
    """A portal file (or params/units.csv) cannot be used; the message names the file and the position."""


@dataclass
class PortalFileSummary:
    """What was read from one file."""

    file_name: str
    figures: int      # (unit, indicator) figures read
    units: int        # distinct portal units named

    def to_dict(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "figures": self.figures, "units": self.units}


@dataclass
class PortalLoadSummary:
    """The result of one `load_portal_files` call."""

    files: list[PortalFileSummary] = field(default_factory=list)
    stored: int = 0                                         # rows written to portal766_published
    replaced: int = 0                                       # earlier rows those replaced
    periods: list[Period] = field(default_factory=list)     # the periods read, in file order
    unmatched_units: list[str] = field(default_factory=list)  # portal names (the parent aside) matching none of ours

    def to_dict(self) -> dict[str, Any]:
        return {"files": [f.to_dict() for f in self.files], "stored": self.stored, "replaced": self.replaced,
                "periods": [_period_dict(p) for p in self.periods], "unmatched_units": self.unmatched_units}


def _period_dict(period: Period) -> dict[str, str]:
    return {"period": period.name, "mode": period.mode, "d0": period.start.isoformat(),
            "d1": period.end.isoformat()}


# --- reading values ---------------------------------------------------------------------------

def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _count(value: Any, where: str) -> int | None:
    """A whole number ≥ 0, null kept; a JSON number or a text of digits (thousands may be grouped)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise PortalFileError(f"{where}: {value!r} is not a count")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise PortalFileError(f"{where}: {value!r} is not a whole number")
        number = int(value)
    elif isinstance(value, str):
        text = re.sub(r"\s+", "", value)
        if not text:
            return None
        if _THOUSANDS.fullmatch(text):
            text = re.sub(r"[.,]", "", text)
        if not text.isdigit():
            raise PortalFileError(f"{where}: {value!r} is not a whole number")
        number = int(text)
    else:
        raise PortalFileError(f"{where}: {value!r} is not a count")
    if number < 0:
        raise PortalFileError(f"{where}: {value!r} is below 0")
    return number


def _number(value: Any, where: str) -> float | None:
    """A finite number (points, a ratio), null kept; a text may use a decimal comma."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise PortalFileError(f"{where}: {value!r} is not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = re.sub(r"\s+", "", value)
        if not text:
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise PortalFileError(f"{where}: {value!r} is not a number") from None
    else:
        raise PortalFileError(f"{where}: {value!r} is not a number")
    if not math.isfinite(number):
        raise PortalFileError(f"{where}: {value!r} is not a number")
    return number


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _clean(value):
        raise PortalFileError(f"{where}: missing (a unit's name is needed to match it)" if value is None
                              else f"{where}: {value!r} is not a name")
    return _clean(value)


def _optional_text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PortalFileError(f"{where}: {value!r} is not text")
    return _clean(str(value)) or None


def _checked(figure: dict[str, Any], numerator_at: str) -> dict[str, Any]:
    """The figure, unless its numerator exceeds its denominator (a typo, or not the portal's figures)."""
    if (figure["numerator"] is not None and figure["denominator"] is not None
            and figure["numerator"] > figure["denominator"]):
        raise PortalFileError(f"{numerator_at}: {figure['numerator']} is more than the denominator "
                              f"{figure['denominator']}")
    return figure


# --- the portal's JSON ------------------------------------------------------------------------

def _figure(unit: dict[str, Any], **values: Any) -> dict[str, Any]:
    empty = {"portal_indicator_name": None, "numerator": None, "denominator": None, "overdue": None,
             "mean_processing_days": None, "ratio_percent": None, "points": None, "max_points": None}
    return {**unit, **empty, **values}


def _unit_of(node: Any, where: str, *, is_parent: bool) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise PortalFileError(f"{where}: expected an object with departmentName, not {type(node).__name__}")
    return {"source_position": where, "portal_unit_name": _name(node.get("departmentName"), f"{where}.departmentName"),
            "department_code": _optional_text(node.get("departmentCode"), f"{where}.departmentCode"),
            "unit_level": _optional_text(node.get("level"), f"{where}.level"), "is_parent": is_parent}


# figure -> (the JSON key it is read from, its reader), in the order they are checked
_Keys = dict[str, tuple[str, Callable[[Any, str], Any]]]
_SCORE_KEYS: _Keys = {"ratio_percent": ("ratio", _number), "points": ("score", _number),
                      "max_points": ("maxScore", _number)}
_PROGRESS_KEYS: _Keys = {"numerator": ("totalOnTime", _count), "denominator": ("totalReceived", _count),
                         "overdue": ("totalOverdue", _count), "mean_processing_days": ("avgProcessingDays", _number),
                         **_SCORE_KEYS}
_TOTAL_KEYS: _Keys = {"points": ("totalScore", _number), "max_points": ("totalMaxScore", _number)}
_METRIC_KEYS: _Keys = {"portal_indicator_name": ("name", _optional_text), "numerator": ("numerator", _count),
                       "denominator": ("denominator", _count), **_SCORE_KEYS}


def _read(node: dict[str, Any], where: str, keys: _Keys) -> dict[str, Any]:
    """The figures of `keys` read from `node`; an error names the JSON path `where.key`."""
    return {figure: read(node.get(key), f"{where}.{key}") for figure, (key, read) in keys.items()}


def _progress(node: Any, where: str, *, is_parent: bool) -> list[dict[str, Any]]:
    unit = _unit_of(node, where, is_parent=is_parent)
    figures = [_checked(_figure(unit, indicator_id=PROGRESS_INDICATOR, **_read(node, where, _PROGRESS_KEYS)),
                        f"{where}.totalOnTime")]
    if is_parent and (node.get("totalScore") is not None or node.get("totalMaxScore") is not None):
        figures.append(_figure(
            unit, indicator_id=TOTAL_INDICATOR, portal_indicator_name=labels_vi.PORTAL766_TOTAL_NAME_VI,
            **_read(node, where, _TOTAL_KEYS)))
    return figures


def _evaluation(node: Any, where: str) -> list[dict[str, Any]]:
    unit = _unit_of(node, where, is_parent=False)
    metrics = node.get("metrics")
    if not isinstance(metrics, list):
        raise PortalFileError(f"{where}.metrics: expected a list of metrics")
    figures = []
    for number, metric in enumerate(metrics):
        at = f"{where}.metrics[{number}]"
        if not isinstance(metric, dict):
            raise PortalFileError(f"{at}: expected an object with code, numerator, denominator, score")
        code = _optional_text(metric.get("code"), f"{at}.code")
        if code is None:
            raise PortalFileError(f"{at}.code: missing (the indicator's number, e.g. 5.4)")
        figures.append(_checked(_figure({**unit, "source_position": at}, indicator_id=code,
                                        **_read(metric, at, _METRIC_KEYS)), f"{at}.numerator"))
    return figures


def _figures_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures of the envelope's `data`; errors name the JSON path only (the caller adds the file)."""
    figures: list[dict[str, Any]] = []
    if data.get("parent") is not None:
        figures += _progress(data["parent"], "data.parent", is_parent=True)
    for key in ("children", "evaluation"):
        if data.get(key) is not None and not isinstance(data[key], list):
            raise PortalFileError(f"data.{key}: expected a list, not {type(data[key]).__name__}")
    for number, child in enumerate(data.get("children") or []):
        figures += _progress(child, f"data.children[{number}]", is_parent=False)
    for number, unit in enumerate(data.get("evaluation") or []):
        figures += _evaluation(unit, f"data.evaluation[{number}]")
    return figures


def read_portal_json(path: str | os.PathLike[str], period: Period | None) -> list[dict[str, Any]]:
    """The figures of one saved portal answer: one dict per (unit, indicator), with its JSON path.

    PortalFileError, naming the file and the JSON path, when it is not JSON, its code is not
    "OK", its shape is not the portal's, or a figure is not a number.
    """
    path = Path(path)
    text = _text_of(path)
    if period is None:
        raise PortalFileError(f"{path}: the portal's JSON carries no period: say which with --period "
                              f"(e.g. 2026-03, 2026-Q1)")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PortalFileError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
                              f"save the page's answer again") from None
    except RecursionError:
        raise PortalFileError(f"{path}: nested too deeply to be the portal's answer") from None
    if not isinstance(document, dict):
        raise PortalFileError(f"{path}: (top): expected the portal's envelope {{\"code\": \"OK\", \"data\": {{...}}}}")
    code = document.get("code")
    if code != "OK":
        message = document.get("message")
        why = f" ({message})" if isinstance(message, str) and message.strip() else ""
        raise PortalFileError(f"{path}: code: {code!r}{why}, not \"OK\": the portal did not answer with figures")
    data = document.get("data")
    if not isinstance(data, dict):
        raise PortalFileError(f"{path}: data: expected an object with parent and children, or evaluation")
    if not any(key in data for key in ("parent", "children", "evaluation")):
        raise PortalFileError(f"{path}: data: has neither parent/children (tiến độ) nor evaluation "
                              f"(mức độ hài lòng)")
    try:
        figures = _figures_of(data)
    except PortalFileError as exc:
        raise PortalFileError(f"{path}: {exc}") from None
    for figure in figures:
        figure.update(period_start=period.start, period_end=period.end, mode=period.mode)
    return figures


def _text_of(path: Path) -> str:
    if not path.is_file():
        raise PortalFileError(f"{path}: no such file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PortalFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise PortalFileError(f"{path}: cannot be opened: {exc.strerror or exc}") from None


# --- the CSV a person fills -------------------------------------------------------------------

def _csv_rows(path: Path, text: str, required: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header (NFC, lower case) and each non-empty, non-comment line as (line number, row)."""
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [_clean(c or "").lower() for c in (reader.fieldnames or [])]
        missing = [c for c in required if c not in header]
        if missing:
            raise PortalFileError(f"{path}: line 1: missing column(s) {', '.join(missing)} "
                                  f"(the columns are {', '.join(required)})")
        reader.fieldnames = header
        rows = []
        for row in reader:
            values = [v for v in row.values() if isinstance(v, str)]
            if not any(v.strip() for v in values) or values[0].lstrip().startswith("#"):
                continue
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise PortalFileError(f"{path}: line {reader.line_num}: {exc}") from None
    return header, rows


def read_portal_csv(path: str | os.PathLike[str], period: Period | None, mode: str = "calendar"
                    ) -> list[dict[str, Any]]:
    """The figures of a CSV filled from the portal's page (columns CSV_COLUMNS, optional max_points).

    An empty period cell takes `period`; an empty figure is unknown. PortalFileError names the
    file, the line and the column of a bad cell.
    """
    path = Path(path)
    _, rows = _csv_rows(path, _text_of(path), CSV_COLUMNS)
    figures = []
    for line, row in rows:
        def cell(column: str, _row: dict = row) -> str:
            return _clean(_row.get(column) or "")

        where = f"{path}: line {line}, column"
        unit = cell("unit")
        if not unit:
            raise PortalFileError(f"{where} unit: empty")
        indicator_id = cell("indicator_id")
        if not indicator_id:
            raise PortalFileError(f"{where} indicator_id: empty (e.g. 2.1, 5.4)")
        period_text = cell("period")
        if period_text:
            try:
                row_period = parse_period(period_text, period.mode if period else mode)
            except PeriodError as exc:
                raise PortalFileError(f"{where} period: {exc}") from None
        elif period is not None:
            row_period = period
        else:
            raise PortalFileError(f"{where} period: empty, and no --period was given")
        figures.append(_checked({
            "source_position": f"line {line}", "portal_unit_name": unit, "department_code": None,
            "unit_level": None, "is_parent": False, "indicator_id": indicator_id, "portal_indicator_name": None,
            "numerator": _count(cell("numerator"), f"{where} numerator"),
            "denominator": _count(cell("denominator"), f"{where} denominator"),
            "overdue": None, "mean_processing_days": None, "ratio_percent": None,
            "points": _number(cell("points"), f"{where} points"),
            "max_points": _number(cell("max_points"), f"{where} max_points"),
            "period_start": row_period.start, "period_end": row_period.end, "mode": row_period.mode,
            "_period": row_period,
        }, f"{where} numerator"))
    return figures


# --- params/units.csv -------------------------------------------------------------------------

def read_aliases(params_dir: str | os.PathLike[str]) -> pl.DataFrame:
    """params_dir/units.csv (columns alias, unit_name) as a frame; empty when there is no such file.

    An alias is another name of a unit of the exports (an old name, the portal's spelling, the
    name after a merger). `line` is the file's line, for the load's check that no alias names
    two units (made with portal_unit_key, as the matching is).
    """
    path = Path(params_dir) / ALIASES_FILE
    rows: list[dict[str, Any]] = []
    if path.is_file():
        _, lines = _csv_rows(path, _text_of(path), ("alias", "unit_name"))
        for line, row in lines:
            alias, unit_name = _clean(row.get("alias") or ""), _clean(row.get("unit_name") or "")
            for column, value in (("alias", alias), ("unit_name", unit_name)):
                if not value:
                    raise PortalFileError(f"{path}: line {line}, column {column}: empty")
            rows.append({"alias": alias, "unit_name": unit_name, "line": line})
    return pl.DataFrame(rows, schema={"alias": pl.String, "unit_name": pl.String, "line": pl.Int32})


# The first line of units.csv whose alias (as portal_unit_key reads it) an earlier line gave another unit.
_ALIAS_CONFLICT_SQL = """
select a.line, a.alias, b.line as earlier_line, b.unit_name as earlier_unit_name
from portal766_aliases a
join portal766_aliases b
  on portal_unit_key(b.alias) = portal_unit_key(a.alias)
 and b.line < a.line
 and portal_unit_key(b.unit_name) <> portal_unit_key(a.unit_name)
order by a.line, b.line
limit 1
"""


# --- loading ----------------------------------------------------------------------------------

def _is_csv(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".txt", ".tsv")


def load_portal_files(con: db.Connection, paths: list[str | os.PathLike[str]], period: Period | None,
                      params_dir: str | os.PathLike[str], *, mode: str = "calendar",
                      db_path: str | os.PathLike[str] = "the database") -> PortalLoadSummary:
    """Read the portal's files (JSON as its page receives it, or the CSV of params/README.md) and store them.

    `period` says which period a JSON file is (it carries none) and fills a CSV's empty period
    cells; `mode` names the CSV's periods when `period` is None. Every file is read and checked
    first; then, in one transaction, the figures are matched to our units and stored in
    `portal766_published`, replacing earlier figures of the same (period, unit, indicator).
    A malformed file raises PortalFileError naming it and the position, and nothing is stored;
    a database another hoaan built, or from params edited since, raises models.StaleBuildError
    (`params_dir` is the folder of units.csv: the rules are checked against the folder the stamp names).
    """
    _require_scorecard(con)
    models.require_current(con, db_path)
    aliases = read_aliases(params_dir)
    rows: list[dict[str, Any]] = []
    summary = PortalLoadSummary()
    periods: dict[tuple[date, date, str], Period] = {}
    for file_order, path in enumerate(Path(p) for p in paths):
        figures = read_portal_csv(path, period, mode) if _is_csv(path) else read_portal_json(path, period)
        for row_order, figure in enumerate(figures):
            row_period = figure.pop("_period", period)
            periods.setdefault((row_period.start, row_period.end, row_period.mode), row_period)
            rows.append({**figure, "file_order": file_order, "row_order": row_order, "source_file": path.name})
        summary.files.append(PortalFileSummary(path.name, len(figures),
                                               len({f["portal_unit_name"] for f in figures})))
    summary.periods = list(periods.values())
    frame = pl.DataFrame(rows, schema=_READ_SCHEMA)

    con.register("portal766_read", frame)
    con.register("portal766_aliases", aliases)
    try:
        with db.transaction(con):
            schema.ensure_schema(con)
            for name in PORTAL_MACROS:
                db.run(con, db.sql_text("scorecard", name))
            conflict = db.query(con, _ALIAS_CONFLICT_SQL)
            if conflict.height:
                line, alias, earlier_line, earlier = conflict.row(0)
                raise PortalFileError(f"{Path(params_dir) / ALIASES_FILE}: line {line}, column alias: {alias!r} "
                                      f"already names {earlier!r} on line {earlier_line}")
            db.run(con, "create or replace temp table portal766_incoming as\n"
                        + db.sql_text("portal", "portal766_incoming"))
            summary.replaced = db.scalar(con, f"select count(*) from portal766_published p where {_SAME_FIGURE}")
            db.run(con, f"delete from portal766_published p where {_SAME_FIGURE}")
            # an insert returns the number of rows it stored
            summary.stored = db.scalar(con, """
                insert into portal766_published by name
                select * exclude (name_key, target_key), $loaded_at as loaded_at from portal766_incoming
            """, {"loaded_at": datetime.now().replace(microsecond=0)})
            summary.unmatched_units = db.query(con, """
                select distinct portal_unit_name from portal766_incoming
                where unit_name is null and not is_parent order by portal_unit_name
            """)["portal_unit_name"].to_list()
    finally:
        con.unregister("portal766_read")
        con.unregister("portal766_aliases")
        db.run(con, "drop table if exists portal766_incoming")
    return summary


def _require_scorecard(con: db.Connection) -> None:
    """HoaanError unless the exports were loaded by a hoaan with the scorecard (what matching and comparing read).

    Not models.require_built: that also asks for this module's own macros, which a load creates.
    """
    tables = db.scalar(con, "select count(*) from duckdb_tables() where table_name in ('dossier_units', "
                            "'index766_rules') and not temporary")
    macros = db.scalar(con, "select count(*) from duckdb_functions() where function_name = 'index766' "
                            "and database_name = current_database()")
    if tables < 2 or not macros:
        raise HoaanError("the database holds no scorecard to compare with: it was never loaded, or an older "
                         "version of hoaan built it. Run `hoaan ingest` on your exports first (files loaded "
                         "before are skipped; the derived tables are rebuilt).")


# An earlier figure of the same period, indicator and unit: the same unit of ours, or the same portal name.
_SAME_FIGURE = """exists (
    select 1 from portal766_incoming i
    where i.period_start = p.period_start and i.period_end = p.period_end and i.indicator_id = p.indicator_id
      and (i.target_key = coalesce(portal_unit_key(p.unit_name), portal_unit_key(p.portal_unit_name))
           or i.name_key = portal_unit_key(p.portal_unit_name)))"""


# --- comparing --------------------------------------------------------------------------------

def comparison(con: db.Connection, period: Period, unit: str | None = None) -> pl.DataFrame:
    """One row per (portal unit, indicator) read for `period`: the stored macro `portal766_comparison`.

    Columns: period_start, period_end, mode, source_file, source_position, portal_unit_name,
    department_code, unit_level, is_parent, unit_name (ours; null = unmatched), match_kind,
    indicator_id, sort_order, indicator_name, is_computable, portal_numerator, portal_denominator,
    portal_ratio_percent, portal_points, portal_max_points, our_numerator, our_denominator,
    our_unknown, our_rate, our_points, our_max_points, numerator_difference,
    denominator_difference, points_difference (portal minus ours), reading (a key of
    labels_vi.PORTAL766_READINGS_VI) and reading_vi (its sentence). With `unit` (a unit of the
    exports), only the rows matched to it. Empty when nothing was loaded for the period.
    """
    present = db.scalar(con, "select count(*) from duckdb_functions() where function_name = 'portal766_comparison'"
                             " and database_name = current_database()")
    tables = db.scalar(con, "select count(*) from information_schema.tables where table_name = 'portal766_published'")
    if not present or not tables:
        raise HoaanError("the database has no portal figures yet: load the portal's page with "
                         "`hoaan portal766 FILE --period P` (or run `hoaan ingest` if hoaan was updated)")
    frame = db.query(con, "select * from portal766_comparison($d0, $d1, $unit_name)",
                     {"d0": period.start, "d1": period.end, "unit_name": kpis.unit_name(con, unit)})
    sentences = [reading_sentence(row) for row in frame.iter_rows(named=True)]
    return frame.with_columns(pl.Series("reading_vi", sentences, dtype=pl.String))


def reading_sentence(row: dict[str, Any]) -> str:
    """The Vietnamese sentence of a comparison row's `reading`, with its counts filled in."""
    count = row["denominator_difference"] if row["reading"] in ("portal_fewer_dossiers", "portal_more_dossiers") \
        else row["numerator_difference"]
    values = {
        "count": "" if count is None else f"{abs(count):,}".replace(",", "."),
        "thing": labels_vi.PORTAL766_COUNTED_THING_VI.get(row["indicator_id"], labels_vi.PORTAL766_DOSSIERS_THING_VI),
        "points": "" if row["points_difference"] is None else f"{abs(row['points_difference']):.2f}",
        "unknown": row["our_unknown"],
        "portal_unit_name": row["portal_unit_name"],
    }
    return labels_vi.PORTAL766_READINGS_VI[row["reading"]].format(**values)


# --- the command's output ---------------------------------------------------------------------

@dataclass
class PortalOutput:
    """What `hoaan portal766` prints."""

    text: str


def portal766_output(db_path: str | os.PathLike[str], files: list[str | os.PathLike[str]],
                     period_name: str | None, *, mode: str = "calendar",
                     params_dir: str | os.PathLike[str], as_json: bool = False,
                     prepare: Callable[[db.Connection], None] | None = None) -> PortalOutput:
    """Load the files into the database at `db_path`, then compare each period read (Vietnamese tables or JSON).

    `prepare` runs first on the read-write connection: the command rebuilds there a database
    another hoaan built (ingest.rebuild_if_stale, a layer above this one).
    """
    period = parse_period(period_name, mode) if period_name else None
    con = db.connect(db_path, wait_seconds=30)
    try:
        if prepare is not None:
            prepare(con)
        summary = load_portal_files(con, files, period, params_dir, mode=mode, db_path=db_path)
        compared = [(p, comparison(con, p)) for p in summary.periods]
    finally:
        con.close()
    if as_json:
        document = {**summary.to_dict(), "db": str(db_path),
                    "comparisons": [{**_period_dict(p), "rows": frame.to_dicts()} for p, frame in compared]}
        return PortalOutput(json.dumps(document, ensure_ascii=False, indent=1, default=_json_value))
    return PortalOutput(_text(summary, compared))


def _json_value(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _counted(numerator: int | None, denominator: int | None) -> str:
    if numerator is None and denominator is None:
        return "–"
    return f"{'–' if numerator is None else numerator}/{'–' if denominator is None else denominator}"


def _signed(value: int | None) -> str:
    return "–" if value is None else f"{value:+d}"


def _points(value: float | None, *, signed: bool = False) -> str:
    return "–" if value is None else (f"{value:+.2f}" if signed else f"{value:.2f}")


def _text(summary: PortalLoadSummary, compared: list[tuple[Period, pl.DataFrame]]) -> str:
    heading = labels_vi.PORTAL766_COLUMN_LABELS_VI
    lines = [labels_vi.PORTAL766_TEXT_VI["title"]]
    lines += [labels_vi.PORTAL766_TEXT_VI["file_read"].format(file=f.file_name, figures=f.figures, units=f.units)
              for f in summary.files]
    if summary.replaced:
        lines.append(labels_vi.PORTAL766_TEXT_VI["replaced"].format(replaced=summary.replaced))
    for period, frame in compared:
        lines += ["", f"{period.label} ({period.range_label}, {labels_vi.MODE_LABELS_VI[period.mode]})"]
        if frame.is_empty():
            lines.append(labels_vi.PORTAL766_TEXT_VI["nothing"])
            continue
        # one block per unit of ours (whatever the portal's spellings), and per portal name left unmatched
        blocks = frame.with_columns(block=pl.coalesce("unit_name", "portal_unit_name"))
        for (_, unit_name), rows in blocks.group_by("block", "unit_name", maintain_order=True):
            portal_names = "; ".join(rows["portal_unit_name"].unique(maintain_order=True).to_list())
            lines.append("")
            lines.append(labels_vi.PORTAL766_TEXT_VI["portal_unit_heading"].format(portal_unit_name=portal_names)
                         if unit_name is None else
                         labels_vi.PORTAL766_TEXT_VI["unit_heading"].format(unit_name=unit_name,
                                                                            portal_unit_name=portal_names))
            first = rows.row(0, named=True)
            if first["reading"] in UNIT_READINGS:
                lines.append(f"  {first['reading_vi']}")
            lines.append(f"  {heading['indicator_id']:<6} {heading['portal_counted']:>15} {heading['portal_points']:>9}"
                         f" {heading['our_counted']:>22} {heading['our_points']:>13}"
                         f" {heading['denominator_difference']:>15} {heading['points_difference']:>15}")
            for row in rows.iter_rows(named=True):
                lines.append(
                    f"  {row['indicator_id']:<6} {_counted(row['portal_numerator'], row['portal_denominator']):>15}"
                    f" {_points(row['portal_points']):>9}"
                    f" {_counted(row['our_numerator'], row['our_denominator']):>22} {_points(row['our_points']):>13}"
                    f" {_signed(row['denominator_difference']):>15}"
                    f" {_points(row['points_difference'], signed=True):>15}")
                if row["reading"] not in UNIT_READINGS:
                    lines.append(f"         {row['reading_vi']}")
    if summary.unmatched_units:
        lines += ["", labels_vi.PORTAL766_TEXT_VI["unmatched_summary"].format(count=len(summary.unmatched_units),
                                                                   names="; ".join(summary.unmatched_units))]
    return "\n".join(lines)
