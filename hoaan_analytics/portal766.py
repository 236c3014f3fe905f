"""The portal's published 766 figures: read as received, scored, ranked, set beside our estimate (`hoaan portal766`).

The portal's public 766 page loads six answers ("pages", METRICS.md §10). A commune saves
them as `.json` files or, in one go, as the browser's HAR; `load_portal_files` keeps each
answer as received in table `portal766_answers` (portal766_answers.py reads them; of a HAR
only the page entries, their period and their answers) and rebuilds the tables of
sql/published/ from every stored answer through the page table of params/index766.yaml
(portal766_pages.py): the recognised page of each answer, each unit's points per page
(the later capture wins, page by page), the figures as indicators, the published score and
rank (`portal766_scores`), and the matching to the units of the exports (by name, and the
aliases of params/units.csv). A CSV typed from the page (params/README.md) is still read
into table `portal766_published`. `comparison` reads the stored macro
`portal766_comparison`: per unit and indicator the portal's counts and points beside ours
(the scorecard, `index766`), with a reading key said in Vietnamese (labels_vi).
A null figure stays null (unknown), never 0.
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
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoaan_analytics import db, kpis, labels_vi, models, portal766_pages, schema
from hoaan_analytics.errors import HoaanError, PeriodError
from hoaan_analytics.periods import Period, parse_period
from hoaan_analytics.portal766_answers import (
    Answer,
    PortalFileError,
    SkippedEntry,
    read_answers,
    read_text,
    whole_period,
)

if TYPE_CHECKING:
    import polars as pl

__all__ = ["PortalFileError", "load_portal_files", "comparison", "scores", "portal766_output"]

ALIASES_FILE = "units.csv"
CSV_COLUMNS = ("unit", "period", "indicator_id", "numerator", "denominator", "points")
# The layer of sql/ whose tables a load rebuilds from the stored answers (an ingest builds the whole layer,
# with every other), and the scorecard's models that read them. Their views and macros are created only
# where missing (a database built before them): the load requires the build to be this hoaan's
# (models.require_current) and they read the tables by name, so recreating them (a third of the
# statements of a load) would only repeat the build.
PUBLISHED_LAYER = "published"
PORTAL_MACROS = ("portal_unit_key", "portal_unit_resolution", "portal766_comparison")
# The tables of that layer with rows of one answer each, from it and the page table alone: a load adds its
# new answers' rows (their SQL reads variable portal766_first_answer_id) instead of reading every stored
# answer again, as many as six a month.
PER_ANSWER_TABLES = ("portal766_answer_pages", "portal766_answer_nodes")
FIRST_ANSWER_VARIABLE = "portal766_first_answer_id"
# The readings that concern the whole unit rather than one indicator.
UNIT_READINGS = ("unit_unmatched", "unit_ambiguous", "parent_not_compared")

# The figures of a typed CSV (relation portal766_read of sql/portal/portal766_incoming.sql), polars types by name:
# polars is loaded only when a CSV is (the portal's answers and the command's output need no frame).
_READ_SCHEMA: dict[str, str] = {
    "file_order": "Int32", "row_order": "Int32", "source_file": "String", "source_position": "String",
    "period_start": "Date", "period_end": "Date", "mode": "String", "portal_unit_name": "String",
    "department_code": "String", "unit_level": "String", "is_parent": "Boolean", "indicator_id": "String",
    "portal_indicator_name": "String", "numerator": "Int64", "denominator": "Int64", "overdue": "Int64",
    "mean_processing_days": "Float64", "ratio_percent": "Float64", "points": "Float64",
    "max_points": "Float64",
}
_THOUSANDS = re.compile(r"\d{1,3}([.,]\d{3})+")


@dataclass
class PortalFileSummary:
    """What was read from one file."""

    file_name: str
    figures: int      # answers stored (a CSV: its figures)
    units: int        # the units they name
    is_answers: bool = False  # the portal's answers (a HAR, saved .json), not a typed CSV

    def to_dict(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "figures": self.figures, "units": self.units}


@dataclass
class PortalLoadSummary:
    """The result of one `load_portal_files` call."""

    files: list[PortalFileSummary] = field(default_factory=list)
    stored: int = 0                                         # answers stored, and rows of a CSV
    replaced: int = 0                                       # earlier answers (or CSV rows) no longer read
    periods: list[Period] = field(default_factory=list)     # the periods read, in file order
    unmatched_units: list[str] = field(default_factory=list)  # portal names (the parent aside) matching none of ours
    skipped: list[SkippedEntry] = field(default_factory=list)  # HAR entries of a page's URL not used, and why
    answers: list[dict[str, Any]] = field(default_factory=list)  # each answer stored: file, position, page, period
    unknown_pages: list[dict[str, Any]] = field(default_factory=list)  # those whose page is none of the table's
    unmapped_codes: list[dict[str, Any]] = field(default_factory=list)  # (page, code) the table does not map
    not_newer: int = 0                                      # answers read but not kept: a later capture is stored

    def to_dict(self) -> dict[str, Any]:
        return {"files": [f.to_dict() for f in self.files], "stored": self.stored, "replaced": self.replaced,
                "periods": [_period_dict(p) for p in self.periods], "unmatched_units": self.unmatched_units,
                "answers": self.answers, "unknown_pages": self.unknown_pages,
                "unmapped_codes": self.unmapped_codes, "not_newer": self.not_newer,
                "skipped_entries": [e.to_dict() for e in self.skipped]}


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
    _, rows = _csv_rows(path, read_text(path), CSV_COLUMNS)
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
    import polars as pl

    return pl.DataFrame(_alias_rows(params_dir), schema={"alias": pl.String, "unit_name": pl.String,
                                                          "line": pl.Int32})


def _alias_rows(params_dir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """read_aliases as {alias, unit_name, line} rows."""
    path = Path(params_dir) / ALIASES_FILE
    rows: list[dict[str, Any]] = []
    if path.is_file():
        _, lines = _csv_rows(path, read_text(path), ("alias", "unit_name"))
        for line, row in lines:
            alias, unit_name = _clean(row.get("alias") or ""), _clean(row.get("unit_name") or "")
            for column, value in (("alias", alias), ("unit_name", unit_name)):
                if not value:
                    raise PortalFileError(f"{path}: line {line}, column {column}: empty")
            rows.append({"alias": alias, "unit_name": unit_name, "line": line})
    return rows


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


_ANSWER_COLUMNS = ("answer_id", "source_file", "source_position", "endpoint", "period_start", "period_end",
                   "period_name", "captured_at", "loaded_at", "answer")
# Stored answers that nothing reads any more: a known page's answer none of whose units is the latest
# capture (a later answer replaced them all, or it came after a later capture), and an unknown page's
# answer that a later identical one of the same period repeats. Their derived rows go with them.
_PRUNE_SQL = (
    """delete from portal766_answers a
    where a.answer_id in (select p.answer_id from portal766_answer_pages p where p.page is not null)
      and a.answer_id not in (select u.answer_id from portal766_unit_pages u)""",
    """delete from portal766_answers a
    where a.answer_id in (select p.answer_id from portal766_answer_pages p where p.page is null)
      and exists (select 1 from portal766_answers b
                  where b.period_start = a.period_start and b.period_end = a.period_end and b.answer_id > a.answer_id
                    and md5(cast(b.answer as varchar)) = md5(cast(a.answer as varchar)))""",
    "delete from portal766_answer_nodes where answer_id not in (select answer_id from portal766_answers)",
    "delete from portal766_answer_pages where answer_id not in (select answer_id from portal766_answers)",
)


def _is_whole(period: Period) -> bool:
    try:
        whole_period(period.name, "--period")
    except PortalFileError:
        return False
    return period.mode == "calendar"


def _portal_models() -> list[models.Model]:
    """The models of sql/published/ and the scorecard's that read them, in build order."""
    return [m for m in models.build_plan() if m.layer == PUBLISHED_LAYER or m.name in PORTAL_MACROS]


def _rebuild_published(con: db.Connection, existing: set[str], first_new: int | None = None) -> None:
    """Rebuild the tables of the portal's models, and create their views and macros not in `existing` (the
    names _require_scorecard found), in build order.

    With `first_new` (the first answer_id of this load, the page table unchanged), PER_ANSWER_TABLES
    gain the rows of the answers from it on, and keep those of the others; else every stored answer is read.
    """
    for model in _portal_models():
        if model.name in PER_ANSWER_TABLES and first_new is not None:
            created = f"create or replace table {model.name} as"
            assert model.statement.count(created) == 1, model.name
            db.run(con, f"set variable {FIRST_ANSWER_VARIABLE} = $first", {"first": first_new})
            try:
                db.run(con, model.statement.replace(created, f"insert into {model.name} by name"))
            finally:
                db.run(con, f"reset variable {FIRST_ANSWER_VARIABLE}")
        elif any(kind == "table" or name not in existing for kind, name in model.creates):
            db.run(con, model.statement)


def _page_table(con: db.Connection) -> list[dict[str, Any]]:
    """The stored page table (portal766_pages and portal766_page_indicators), to tell whether a load changed it."""
    return (db.records(con, "select * from portal766_pages order by all")
            + db.records(con, "select * from portal766_page_indicators order by all"))


def load_portal_files(con: db.Connection, paths: list[str | os.PathLike[str]], period: Period | None,
                      params_dir: str | os.PathLike[str], *, mode: str = "calendar",
                      db_path: str | os.PathLike[str] = "the database") -> PortalLoadSummary:
    """Read the portal's files and store them: saved answers (.json), HARs (.har), the CSV of params/README.md.

    `period` names the period of a saved answer (it carries none; a calendar month, quarter or
    year) and must be that of every HAR entry when given; it fills a CSV's empty period cells
    (`mode` names the CSV's periods when `period` is None). Every file is read and checked
    first; then, in one transaction, the answers are stored as received and the published
    tables rebuilt from all stored answers (a page's later capture replaces only that page's
    figures of the same period and unit). A malformed file raises PortalFileError naming it and
    the position, and nothing is stored; a database another hoaan built, or from params edited
    since, raises models.StaleBuildError (`params_dir` is the folder of units.csv: the rules are
    checked against the folder the stamp names).
    """
    existing = _require_scorecard(con)
    models.require_current(con, db_path)
    paths = [Path(p) for p in paths]
    aliases = _alias_rows(params_dir)
    rules_file = _rules_file(params_dir)
    page_rows, figure_rows = portal766_pages.page_rule_rows(rules_file)
    page_names = tuple(p["page"] for p in page_rows)
    answer_paths = [p for p in paths if not _is_csv(p)]
    if period is not None and answer_paths and not _is_whole(period):
        raise PortalFileError(f"--period {period.name}: the portal's pages are of one calendar month, quarter or "
                              f"year (e.g. 2026-08, 2026-Q3, 2026)")
    answers, skipped = read_answers(answer_paths, page_names, period)
    summary = PortalLoadSummary(skipped=skipped)
    periods: dict[tuple[date, date, str], Period] = {}
    for _, answer in answers:
        periods.setdefault((answer.period.start, answer.period.end, answer.period.mode), answer.period)
    rows: list[dict[str, Any]] = []
    for file_order, path in enumerate(paths):
        if not _is_csv(path):
            continue
        figures = read_portal_csv(path, period, mode)
        for row_order, figure in enumerate(figures):
            row_period = figure.pop("_period", period)
            periods.setdefault((row_period.start, row_period.end, row_period.mode), row_period)
            rows.append({**figure, "file_order": file_order, "row_order": row_order, "source_file": path.name})
        summary.files.append(PortalFileSummary(path.name, len(figures),
                                               len({f["portal_unit_name"] for f in figures})))
    summary.periods = list(periods.values())
    loaded_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    if rows:
        import polars as pl

        con.register("portal766_read", pl.DataFrame(rows, schema={c: getattr(pl, t) for c, t in _READ_SCHEMA.items()}))
    try:
        with db.transaction(con):
            schema.ensure_schema(con)
            rules_before = _page_table(con)
            portal766_pages.store_page_rows(con, page_rows, figure_rows)
            # the same page table: the stored answers' rows of the per-answer tables stand, only the new are read
            same_rules = rules_before == _page_table(con) and set(PER_ANSWER_TABLES) <= existing
            db.run(con, "create or replace temp table portal766_aliases "
                        "(alias varchar, unit_name varchar, line integer)")
            db.insert_rows(con, "portal766_aliases", ("alias", "unit_name", "line"),
                           [(a["alias"], a["unit_name"], a["line"]) for a in aliases])
            for model in models.build_plan():
                # the alias check needs the key, the CSV's figures the matching rule
                if model.name in ("portal_unit_key", "portal_unit_resolution") and model.name not in existing:
                    db.run(con, model.statement)
            conflict = db.records(con, _ALIAS_CONFLICT_SQL)
            if conflict:
                line, alias, earlier_line, earlier = conflict[0].values()
                raise PortalFileError(f"{Path(params_dir) / ALIASES_FILE}: line {line}, column alias: {alias!r} "
                                      f"already names {earlier!r} on line {earlier_line}")
            db.run(con, "delete from portal_unit_aliases")
            db.run(con, "insert into portal_unit_aliases by name select * from portal766_aliases")
            if rows:
                _store_typed(con, summary)
            first_id = (db.scalar(con, "select max(answer_id) from portal766_answers") or 0) + 1
            _store_answers(con, answers, first_id, loaded_at)
            _rebuild_published(con, existing, first_id if same_rules else None)
            _refuse_bad_values(con, first_id)
            other_pages = _drop_other_pages(con, first_id)
            if other_pages:
                summary.skipped += other_pages
                _rebuild_published(con, existing | {n for m in _portal_models() for _, n in m.creates})
            earlier = "select count(*) from portal766_answers where answer_id < $first"
            before = db.scalar(con, earlier, {"first": first_id})
            incoming = len(answers) - len([e for e in summary.skipped if e.why == "other_page"])
            for statement in _PRUNE_SQL:
                db.run(con, statement)
            summary.replaced += before - db.scalar(con, earlier, {"first": first_id})
            _summarise_answers(con, summary, first_id)
            summary.not_newer = incoming - len(summary.answers)
    finally:
        if rows:
            con.unregister("portal766_read")
        db.run(con, "drop table if exists portal766_aliases")
        db.run(con, "drop table if exists portal766_incoming")
    return summary


def _rules_file(params_dir: str | os.PathLike[str]) -> Path:
    own = Path(params_dir) / "index766.yaml"
    return own if own.is_file() else portal766_pages.DEFAULT_RULES


def _store_typed(con: db.Connection, summary: PortalLoadSummary) -> None:
    """The CSV's figures into portal766_published, replacing those of the same (period, unit, indicator)."""
    db.run(con, "create or replace temp table portal766_incoming as\n" + db.sql_text("portal", "portal766_incoming"))
    summary.replaced += db.scalar(con, f"select count(*) from portal766_published p where {_SAME_FIGURE}")
    db.run(con, f"delete from portal766_published p where {_SAME_FIGURE}")
    # an insert returns the number of rows it stored
    summary.stored += db.scalar(con, """
        insert into portal766_published by name
        select * exclude (name_key, target_key), $loaded_at as loaded_at from portal766_incoming
    """, {"loaded_at": datetime.now().replace(microsecond=0)})
    summary.unmatched_units += [r["portal_unit_name"] for r in db.records(con, """
        select distinct portal_unit_name from portal766_incoming
        where unit_name is null and not is_parent order by portal_unit_name
    """)]


def _store_answers(con: db.Connection, answers: list[tuple[int, Answer]], first_id: int, loaded_at: datetime) -> None:
    # the answer's text goes into the json column by DuckDB's cast, which refuses text that is not JSON
    db.insert_rows(con, "portal766_answers", _ANSWER_COLUMNS, [
        (first_id + number, a.source_file, a.source_position, a.endpoint, a.period.start, a.period.end,
         a.period.name, a.captured_at, loaded_at, a.text) for number, (_, a) in enumerate(answers)])


def _refuse_bad_values(con: db.Connection, first_id: int) -> None:
    bad = db.records(con, "select source_file, position, field, problem from portal766_bad_values "
                          "where answer_id >= $first limit 1", {"first": first_id})
    if bad:
        source_file, position, field_name, problem = bad[0].values()
        raise PortalFileError(f"{source_file}: {position}.{field_name}: {problem}")


def _drop_other_pages(con: db.Connection, first_id: int) -> list[SkippedEntry]:
    """The new HAR entries whose answer is not the page their URL names: removed and listed (METRICS.md §10)."""
    other = db.records(con, """
        select a.answer_id, a.source_file, a.source_position, a.endpoint
        from portal766_answers a join portal766_answer_pages p on p.answer_id = a.answer_id
        where a.answer_id >= $first and a.endpoint is not null and p.page is distinct from a.endpoint
        order by a.answer_id
    """, {"first": first_id})
    if other:
        db.run(con, "delete from portal766_answers where answer_id in (select unnest($ids))",
               {"ids": [r["answer_id"] for r in other]})
    return [SkippedEntry(r["source_file"], r["source_position"], r["endpoint"], "other_page") for r in other]


def _summarise_answers(con: db.Connection, summary: PortalLoadSummary, first_id: int) -> None:
    read = db.records(con, """
        select a.answer_id, a.source_file, a.source_position, a.period_name, p.page,
               (select count(*) from portal766_answer_nodes n
                where n.answer_id = a.answer_id and not n.is_root) as units
        from portal766_answers a join portal766_answer_pages p on p.answer_id = a.answer_id
        where a.answer_id >= $first order by a.answer_id
    """, {"first": first_id})
    answers_of_file: dict[str, int] = {}
    for row in read:
        summary.answers.append({"file_name": row["source_file"], "position": row["source_position"],
                                "page": row["page"], "period": row["period_name"], "units": row["units"]})
        answers_of_file[row["source_file"]] = answers_of_file.get(row["source_file"], 0) + 1
    summary.stored += len(read)
    units = {r["source_file"]: r["units"] for r in db.records(con, """
        select a.source_file, count(distinct n.department_id) as units
        from portal766_answers a join portal766_answer_nodes n on n.answer_id = a.answer_id
        where a.answer_id >= $first and not n.is_root group by a.source_file
    """, {"first": first_id})}
    for file_name, count in answers_of_file.items():
        summary.files.append(PortalFileSummary(file_name, count, units.get(file_name, 0), is_answers=True))
    summary.unknown_pages = [a for a in summary.answers if a["page"] is None]
    summary.unmapped_codes = db.records(con, """
        select distinct f.page, f.code from portal766_page_figures f
        where not f.is_mapped and f.answer_id >= $first order by f.page, f.code
    """, {"first": first_id})
    summary.unmatched_units += [r["portal_unit_name"] for r in db.records(con, """
        select distinct m.portal_unit_name from portal766_unit_matches m
        where m.unit_name is null and not m.is_root
          and m.department_id in (select n.department_id from portal766_answer_nodes n where n.answer_id >= $first)
        order by m.portal_unit_name
    """, {"first": first_id})]


_SCORECARD_TABLES = ("dossier_units", "index766_rules")
# the stored tables of the portal's answers (sql/schema/): a database built before them lacks its macros too
_PORTAL_TABLES = ("portal766_answers", "portal766_pages", "portal766_page_indicators", "portal_unit_aliases")


def _require_scorecard(con: db.Connection) -> set[str]:
    """HoaanError unless the exports were loaded by a hoaan with the scorecard (what matching and comparing read).

    Not models.require_built: that also asks for this module's own macros, which a load creates.
    Returns which of the views and macros of the portal's models, and of PER_ANSWER_TABLES, the
    database holds. duckdb_functions() lists every built-in function too (20 ms): it is asked only of
    a database without the portal's tables.
    """
    tables = {r["table_name"] for r in db.records(con, """
        select table_name from duckdb_tables()
        where table_name in (select unnest($names)) and not temporary and database_name = current_database()
    """, {"names": [*_SCORECARD_TABLES, *_PORTAL_TABLES, *PER_ANSWER_TABLES]})}
    wanted = sorted({name for model in _portal_models() for kind, name in model.creates if kind != "table"})
    if tables >= {*_SCORECARD_TABLES, *_PORTAL_TABLES, *PER_ANSWER_TABLES}:
        # the portal's tables are there, so a build with the published layer made the database (the load
        # requires it to be this hoaan's build, which ends with every model): no look at duckdb_functions()
        return tables | set(wanted)
    existing = {r["name"] for r in db.records(con, """
        select function_name as name from duckdb_functions()
        where database_name = current_database() and function_name in (select unnest($names || ['index766']))
        union
        select view_name from duckdb_views() where database_name = current_database() and not temporary
          and view_name in (select unnest($names))
    """, {"names": wanted})}
    if not set(_SCORECARD_TABLES) <= tables or "index766" not in existing:
        raise HoaanError("the database holds no scorecard to compare with: it was never loaded, or an older "
                         "version of hoaan built it. Run `hoaan ingest` on your exports first (files loaded "
                         "before are skipped; the derived tables are rebuilt).")
    return existing | tables


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
    import polars as pl

    present = db.scalar(con, "select count(*) from duckdb_functions() where function_name = 'portal766_comparison'"
                             " and database_name = current_database()")
    tables = db.scalar(con, "select count(*) from information_schema.tables where table_name = 'portal766_published'")
    if not present or not tables:
        raise HoaanError("the database has no portal figures yet: load the portal's page with "
                         "`hoaan portal766 FILE --period P` (or run `hoaan ingest` if hoaan was updated)")
    frame = db.query(con, _COMPARISON_SQL, {"d0": period.start, "d1": period.end,
                                            "unit_name": kpis.unit_name(con, unit)})
    sentences = [reading_sentence(row) for row in frame.iter_rows(named=True)]
    return frame.with_columns(pl.Series("reading_vi", sentences, dtype=pl.String))


_COMPARISON_SQL = "select * from portal766_comparison($d0, $d1, $unit_name)"
_SCORES_SQL = "select * from portal766_scores($d0, $d1)"


def _loaded_rows(con: db.Connection, period: Period) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`scores` and `comparison` (all units) of `period` as {column: value} rows, right after a load.

    What `hoaan portal766` prints: no frame (polars and pyarrow would be most of a quick
    command's start), and no check that the macros exist (the load has just built them).
    """
    score_rows = db.records(con, _SCORES_SQL, {"d0": period.start, "d1": period.end})
    rows = db.records(con, _COMPARISON_SQL, {"d0": period.start, "d1": period.end, "unit_name": None})
    for row in rows:
        row["reading_vi"] = reading_sentence(row)
    return score_rows, rows


def scores(con: db.Connection, period: Period) -> pl.DataFrame:
    """One row per (portal unit, page) published for `period`: the stored macro `portal766_scores`.

    Columns: department_id, portal_unit_name, unit_name (ours; null = unmatched), match_kind,
    level, province_id, pages_present, total_points, total_max_points, rank, of (null where the
    total is not known), page, page_order, page_points, page_max_points (decimal, exact).
    Ordered by level, rank, name. Empty when nothing was loaded for the period.
    """
    return db.query(con, _SCORES_SQL, {"d0": period.start, "d1": period.end})


def history(con: db.Connection, unit: str | None) -> pl.DataFrame:
    """The published total and rank by period of `unit` (one of ours; None: every portal unit): portal766_history.

    Columns: period_start, period_end, period_name, months (1, 3 or 12), department_id,
    portal_unit_name, unit_name, level, total_points, total_max_points, rank, of.
    """
    return db.query(con, "select * from portal766_history($unit)", {"unit": unit})


def _plain(value: Any) -> Any:
    """A decimal as the JSON number it is (67.0 -> 67.0, 19.62 -> 19.62); others unchanged."""
    return float(value) if isinstance(value, Decimal) else value


def units_of(rows: pl.DataFrame | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The `units` list of `hoaan portal766 --json` from `scores` (a frame, or its rows as dicts): one object per unit.

    In the order of each unit's first row; a unit's figures are those of its first row.
    """
    if not isinstance(rows, list):
        rows = rows.to_dicts()
    units: dict[Any, dict[str, Any]] = {}
    for row in rows:
        unit = units.get(row["department_id"])
        if unit is None:
            unit = units[row["department_id"]] = {
                "department_id": row["department_id"], "portal_unit_name": row["portal_unit_name"],
                "unit_name": row["unit_name"], "level": row["level"], "page_points": {},
                "total_points": _plain(row["total_points"]), "total_max_points": _plain(row["total_max_points"]),
                "rank": row["rank"], "of": row["of"],
            }
        unit["page_points"][row["page"]] = _plain(row["page_points"])
    return list(units.values())


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
    """Load the files into the database at `db_path`; then, per period read, the published score and the comparison.

    `prepare` runs first on the read-write connection: the command rebuilds there a database
    another hoaan built (ingest.rebuild_if_stale, a layer above this one). JSON: the load's
    summary, `units` (the published score of each portal unit, for the latest period read:
    `scores_period`) and `comparisons` (per period, its score `units` and rows).
    """
    period = parse_period(period_name, mode) if period_name else None
    con = db.connect(db_path, wait_seconds=30)
    try:
        if prepare is not None:
            prepare(con)
        summary = load_portal_files(con, files, period, params_dir, mode=mode, db_path=db_path)
        compared = [(p, *_loaded_rows(con, p)) for p in summary.periods]
    finally:
        con.close()
    latest = max(compared, key=lambda c: (c[0].end, c[0].start), default=None)
    if as_json:
        document = {**summary.to_dict(), "db": str(db_path),
                    "scores_period": None if latest is None else latest[0].name,
                    "units": [] if latest is None else units_of(latest[1]),
                    "comparisons": [{**_period_dict(p), "units": units_of(s), "rows": rows}
                                    for p, s, rows in compared]}
        return PortalOutput(_indented_json(document))
    return PortalOutput(_text(summary, compared))


def _json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _indented_json(value: Any) -> str:
    """json.dumps(value, ensure_ascii=False, indent=1, default=_json_value), to the byte, 7× faster.

    With `indent` the json module encodes in Python, value by value (0.2 s for the 3,444
    comparison rows of a province); its C encoder does only a flat layout. A container of
    plain values (a row) is laid out by the C encoder with separators that carry the newline and
    the indentation of its depth; only the containers holding containers are walked here. The
    pieces are joined once: each copy of the 4.5 MB text (9 MB in memory) costs a few ms of fresh pages.
    """
    pieces: list[str] = []
    _json_pieces(value, 0, pieces)
    return "".join(pieces)


def _json_pieces(value: Any, depth: int, out: list[str]) -> None:
    inner, outer = "\n" + " " * (depth + 1), "\n" + " " * depth
    if isinstance(value, dict):
        children, opening, closing = value.values(), "{", "}"
    elif isinstance(value, (list, tuple)):
        children, opening, closing = value, "[", "]"
    else:
        out.append(_scalar_json(value))
        return
    if not value:
        out.append(opening + closing)
    elif _is_flat(children):
        out += (opening, inner, _flat_encoder(depth)(value)[1:-1], outer, closing)
    elif opening == "[" and all(isinstance(c, dict) and c and _is_flat(c.values()) for c in children):
        # rows: one call of the C encoder for the whole list (half the time of one call per row), then the
        # rows' own brackets on lines of their own. A newline inside a string is written \n, so each
        # separator followed by "{" (a key follows "") is one between two rows.
        row_inner = inner + " "
        flat = _flat_encoder(depth + 1)(value).replace("}," + row_inner + "{", inner + "}," + inner + "{" + row_inner)
        out += ("[", inner, "{", row_inner, flat[2:-2], inner, "}", outer, "]")
    else:
        out.append(opening)
        items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
        for number, (key, child) in enumerate(items):
            out.append(inner if number == 0 else "," + inner)
            if opening == "{":
                # a key as json writes it (a number or None as text), cut from a one-key object
                out.append(_STRING_JSON(key) if isinstance(key, str) else _flat_encoder(None)({key: 0})[1:-4])
                out.append(": ")
            _json_pieces(child, depth + 1, out)
        out += (outer, closing)


# json's own C function for a string (ensure_ascii=False): a unit's 9 plain values, 163 units twice, one
# encoder call each would take longer than all 3,444 rows in one
_STRING_JSON = json.encoder.encode_basestring


def _scalar_json(value: Any) -> str:
    """One plain value as json.dumps writes it."""
    if isinstance(value, str):
        return _STRING_JSON(value)
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    return _flat_encoder(None)(value)  # bool, NaN, a date or a decimal (by _json_value), ...


def _is_flat(values: Any) -> bool:
    return not any(isinstance(v, (dict, list, tuple)) for v in values)


@cache
def _flat_encoder(depth: int | None) -> Callable[[Any], str]:
    """The C encoder's `encode` for the items of a container at `depth` (None: json.dumps's own separators)."""
    separators = (", ", ": ") if depth is None else (",\n" + " " * (depth + 1), ": ")
    return json.JSONEncoder(ensure_ascii=False, default=_json_value, separators=separators).encode


def _counted(numerator: int | None, denominator: int | None) -> str:
    if numerator is None and denominator is None:
        return "–"
    return f"{'–' if numerator is None else numerator}/{'–' if denominator is None else denominator}"


def _signed(value: int | None) -> str:
    return "–" if value is None else f"{value:+d}"


def _points(value: float | None, *, signed: bool = False) -> str:
    return "–" if value is None else (f"{value:+.2f}" if signed else f"{value:.2f}")


def _score_line(unit: dict[str, Any], pages: list[str]) -> str:
    rank = "–" if unit["rank"] is None else f"{unit['rank']}/{unit['of']}"
    total = "–" if unit["total_points"] is None else f"{unit['total_points']:.2f}/{unit['total_max_points']:g}"
    by_page = " ".join(_points(unit["page_points"].get(p)).rjust(6) for p in pages)
    return f"  {rank:>8} {total:>11} {by_page}  {unit['portal_unit_name']}"


def _score_lines(score_rows: list[dict[str, Any]]) -> list[str]:
    """The commune's own line(s) first (the units matched to ours), then the ranking of each level."""
    if not score_rows:
        return []
    text = labels_vi.PORTAL766_TEXT_VI
    by_order = sorted(score_rows, key=lambda r: (r["page_order"] is not None, r["page_order"] or 0))
    pages = list(dict.fromkeys(r["page"] for r in by_order))
    units = units_of(score_rows)
    heading = f"  {text['rank']:>8} {text['total']:>11} " + " ".join(
        labels_vi.PORTAL766_PAGE_SHORT_VI.get(p, p[:6]).rjust(6) for p in pages) + f"  {text['portal_unit']}"
    lines = ["", text["scores_title"], heading]
    own = [u for u in units if u["unit_name"] is not None]
    for unit in own:
        lines.append(_score_line(unit, pages) + text["own_marker"].format(unit_name=unit["unit_name"]))
    for level in dict.fromkeys(u["level"] for u in units):
        lines += ["", text["ranking_title"].format(level=labels_vi.PORTAL766_LEVELS_VI.get(level, level or "–"))]
        lines += [_score_line(u, pages) for u in units if u["level"] == level]
    return lines


def _text(summary: PortalLoadSummary,
          compared: list[tuple[Period, list[dict[str, Any]], list[dict[str, Any]]]]) -> str:
    heading = labels_vi.PORTAL766_COLUMN_LABELS_VI
    lines = [labels_vi.PORTAL766_TEXT_VI["title"]]
    lines += [labels_vi.PORTAL766_TEXT_VI["answers_read" if f.is_answers else "file_read"].format(
        file=f.file_name, figures=f.figures, units=f.units) for f in summary.files]
    if summary.not_newer:
        lines.append(labels_vi.PORTAL766_TEXT_VI["not_newer"].format(count=summary.not_newer))
    if summary.replaced:
        lines.append(labels_vi.PORTAL766_TEXT_VI["replaced"].format(replaced=summary.replaced))
    for entry in summary.skipped:
        lines.append(labels_vi.PORTAL766_TEXT_VI["skipped"].format(
            file=entry.source_file, position=entry.source_position, endpoint=entry.endpoint,
            why=labels_vi.PORTAL766_SKIPPED_VI[entry.why]))
    for answer in summary.unknown_pages:
        lines.append(labels_vi.PORTAL766_TEXT_VI["unknown_page"].format(file=answer["file_name"],
                                                                       position=answer["position"]))
    for item in summary.unmapped_codes:
        lines.append(labels_vi.PORTAL766_TEXT_VI["unmapped_code"].format(**item))
    for period, unit_scores, compared_rows in compared:
        lines += ["", f"{period.label} ({period.range_label}, {labels_vi.MODE_LABELS_VI[period.mode]})"]
        lines += _score_lines(unit_scores)
        # the comparison of our units (and of the names fitting several): an unmatched unit has nothing to compare
        kept = [r for r in compared_rows if r["unit_name"] is not None or r["match_kind"] == "ambiguous"]
        if kept:
            lines += ["", labels_vi.PORTAL766_TEXT_VI["comparison_title"]]
        else:
            if not unit_scores:
                lines.append(labels_vi.PORTAL766_TEXT_VI["nothing"])
            continue
        # one block per unit of ours (whatever the portal's spellings), and per portal name left unmatched
        blocks: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
        for row in kept:
            block = row["portal_unit_name"] if row["unit_name"] is None else row["unit_name"]
            blocks.setdefault((block, row["unit_name"]), []).append(row)
        for (_, unit_name), rows in blocks.items():
            portal_names = "; ".join(dict.fromkeys(r["portal_unit_name"] for r in rows))
            lines.append("")
            lines.append(labels_vi.PORTAL766_TEXT_VI["portal_unit_heading"].format(portal_unit_name=portal_names)
                         if unit_name is None else
                         labels_vi.PORTAL766_TEXT_VI["unit_heading"].format(unit_name=unit_name,
                                                                            portal_unit_name=portal_names))
            first = rows[0]
            if first["reading"] in UNIT_READINGS:
                lines.append(f"  {first['reading_vi']}")
            lines.append(f"  {heading['indicator_id']:<6} {heading['portal_counted']:>15} {heading['portal_points']:>9}"
                         f" {heading['our_counted']:>22} {heading['our_points']:>13}"
                         f" {heading['denominator_difference']:>15} {heading['points_difference']:>15}")
            for row in rows:
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
