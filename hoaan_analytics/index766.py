"""The 766 scorecard (METRICS.md §9): the points the national portal will give a unit, estimated before it publishes.

The rates and points are computed in SQL by the stored table macros of sql/scorecard/
(`index766`, `index766_dossiers` and their list forms); the scoring rules come from
params/index766.yaml, loaded into table `index766_rules` at every ingest. This module
reads and checks that file, calls the macros and shapes their rows for the CLI and
the reports. Every number is an estimate: the portal scores its own copy of the
synced dossiers, and about half of the index needs data no export holds.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from hoaan_analytics import db, kpis, models, paths, portal766_pages
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.labels_vi import ALL_UNITS_LABEL, INDEX766_CLI_TEXT_VI, INDEX766_WHOLE_TEXT_VI, MODE_LABELS_VI
from hoaan_analytics.periods import Period, parse_period

RULES_FILE = paths.INDEX766_RULES_FILE
# Where the built-in rules live: a params folder without index766.yaml uses them.
DEFAULT_RULES = paths.DEFAULT_INDEX766_RULES

# The indicators METRICS.md §9 can compute from dossiers, in its order; the SQL knows each one's rate.
COMPUTABLE_IDS: tuple[str, ...] = ("2.1", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5", "5.4")
FORMULAS = ("linear", "threshold", "none")
_RULE_COLUMNS: dict[str, pl.DataType] = {
    "indicator_id": pl.String, "sort_order": pl.Int32, "group_id": pl.Int32, "group_name": pl.String,
    "group_max_points": pl.Float64, "indicator_name": pl.String, "is_computable": pl.Boolean,
    "max_points": pl.Float64, "formula": pl.String, "full_at": pl.Float64, "source_line": pl.String,
    "why_not_computable": pl.String,
}


_PORTAL_NUMBER = re.compile(r"\d+\.\d+(–\d+\.\d+)?")


def portal_number(indicator_id: str) -> str:
    """The indicator's number as the portal writes it (2.1, 1.1–1.4), or '' for a key of ours."""
    return indicator_id if _PORTAL_NUMBER.fullmatch(indicator_id) else ""


class RulesError(HoaanError):
    """params/index766.yaml cannot be used; the message names the file and the key."""


def rules_path(params_dir: str | os.PathLike[str]) -> Path:
    """params_dir/index766.yaml when it exists, else the built-in rules."""
    return paths.index766_rules_path(params_dir)


def _number(value: Any, where: str, *, low: float, high: float | None = None, low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{where}: {value!r} is not a number")
    number = float(value)
    if number < low or (low_open and number == low) or (high is not None and number > high):
        bounds = f"{'>' if low_open else '≥'} {low:g}" + ("" if high is None else f" and ≤ {high:g}")
        raise RulesError(f"{where}: {value!r} must be {bounds}")
    return number


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RulesError(f"{where}, key {key}: missing")
        return None
    return str(value).strip()


def load_rules(params_dir: str | os.PathLike[str]) -> pl.DataFrame:
    """Read and check the scoring rules; one row per indicator, columns of table `index766_rules`.

    Every computable indicator of METRICS.md §9 must appear once; a malformed entry raises
    RulesError naming the file, the entry and the key.
    """
    import yaml

    path = rules_path(params_dir)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(document, dict):
        raise RulesError(f"{path}: expected the keys groups, indicators and not_computable")

    groups: dict[int, tuple[str, float]] = {}
    for number, entry in enumerate(document.get("groups") or [], start=1):
        where = f"{path}: groups entry {number}"
        if not isinstance(entry, dict):
            raise RulesError(f"{where}: expected a mapping with group, name and max_points")
        group = entry.get("group")
        if not isinstance(group, int) or isinstance(group, bool):
            raise RulesError(f"{where}, key group: {group!r} is not a group number")
        groups[group] = (_text(entry, "name", where), _number(entry.get("max_points"), f"{where}, key max_points",
                                                               low=0))
    if not groups:
        raise RulesError(f"{path}, key groups: missing or empty")

    rows: list[dict[str, Any]] = []
    seen: set[str] = set()

    def group_of(entry: dict[str, Any], where: str) -> tuple[int, str, float]:
        group = entry.get("group")
        if group not in groups:
            raise RulesError(f"{where}, key group: {group!r} is not one of the groups ({', '.join(map(str, groups))})")
        return group, *groups[group]

    def rule_row(entry: dict[str, Any], where: str, indicator_id: str, *, formula: str | None = None,
                 full_at: float | None = None, source_line: str | None = None,
                 why_not_computable: str | None = None) -> dict[str, Any]:
        group, group_name, group_max = group_of(entry, where)
        return {
            "indicator_id": indicator_id, "group_id": group, "group_name": group_name,
            "group_max_points": group_max, "indicator_name": _text(entry, "name", where),
            "is_computable": why_not_computable is None,
            "max_points": _number(entry.get("max_points"), f"{where}, key max_points", low=0),
            "formula": formula, "full_at": full_at, "source_line": source_line,
            "why_not_computable": why_not_computable,
        }

    for number, entry in enumerate(document.get("indicators") or [], start=1):
        where = f"{path}: indicators entry {number}"
        if not isinstance(entry, dict):
            raise RulesError(f"{where}: expected a mapping with id, max_points and formula")
        indicator_id = _text(entry, "id", where)
        where = f"{path}: indicator {indicator_id}"
        if indicator_id not in COMPUTABLE_IDS:
            raise RulesError(f"{where}, key id: not one of the computable indicators {', '.join(COMPUTABLE_IDS)} "
                             f"(list the others under not_computable)")
        if indicator_id in seen:
            raise RulesError(f"{where}, key id: listed twice")
        seen.add(indicator_id)
        formula = _text(entry, "formula", where)
        if formula not in FORMULAS:
            raise RulesError(f"{where}, key formula: {formula!r} is not one of {', '.join(FORMULAS)}")
        full_at = None
        if formula == "threshold":
            full_at = _number(entry.get("full_at"), f"{where}, key full_at", low=0, high=1, low_open=True)
        rows.append(rule_row(entry, where, indicator_id, formula=formula, full_at=full_at,
                             source_line=_text(entry, "source_line", where, required=False)))
    missing = [i for i in COMPUTABLE_IDS if i not in seen]
    if missing:
        raise RulesError(f"{path}, key indicators: no entry for {', '.join(missing)}")

    for number, entry in enumerate(document.get("not_computable") or [], start=1):
        where = f"{path}: not_computable entry {number}"
        if not isinstance(entry, dict):
            raise RulesError(f"{where}: expected a mapping with id, max_points, name and why")
        indicator_id = _text(entry, "id", where)
        if indicator_id in seen:
            raise RulesError(f"{where}, key id: {indicator_id} is listed twice")
        seen.add(indicator_id)
        rows.append(rule_row(entry, where, indicator_id, why_not_computable=_text(entry, "why", where)))
    for order, row in enumerate(rows, start=1):
        row["sort_order"] = order
    return pl.DataFrame(rows, schema=_RULE_COLUMNS)


def store_rules(con: db.Connection, params_dir: str | os.PathLike[str]) -> int:
    """Replace table `index766_rules` with the rules of `params_dir` (or the built-in ones); the count.

    The table of the portal's pages (the same file's portal_pages) is replaced too.
    """
    frame = load_rules(params_dir)
    portal766_pages.store_page_rules(con, rules_path(params_dir))
    con.register("index766_rules_frame", frame)
    try:
        db.run(con, "delete from index766_rules")
        db.run(con, "insert into index766_rules by name select * from index766_rules_frame")
    finally:
        con.unregister("index766_rules_frame")
    return frame.height


def scorecard(con: db.Connection, period: Period, *, unit: str | None = None, by_unit: bool = False) -> pl.DataFrame:
    """One row per (scope, indicator) of `period`: the rows of the stored macro `index766`.

    Columns: period_start, period_end, scope_unit_name (null for the scope asked), is_all_units,
    indicator_id, sort_order, group_id, group_name, group_max_points, indicator_name, is_computable,
    counted_unit ('dossiers', or 'procedures' for 3.5: what numerator and denominator count),
    numerator, denominator, unknown, rate, points, max_points, why_not_computable. One scope (all
    units, or `unit`) unless `by_unit`: one per unit.
    """
    name = kpis.unit_name(con, unit)
    return db.query(con, "select * from index766($d0, $d1, $unit_name, $breakdown)",
                    {"d0": period.start, "d1": period.end, "unit_name": name,
                     "breakdown": "unit" if by_unit else "none"})


def groups(con: db.Connection, period: Period, *, unit: str | None = None, by_unit: bool = False) -> pl.DataFrame:
    """Points against the maximum per (scope, group) of `period`, and each scope's total (macro `index766_groups`).

    Columns: period_start, period_end, scope_unit_name, is_all_units, group_id, group_name,
    group_max_points (the group's weight in the index), points (sum of the non-null points),
    max_points (sum of the max_points of the indicators with points), computable_max_points,
    is_total (the scope's total row: group_id null, group_max_points 100), scope_rank (with
    `by_unit`: the unit's rank by total points in the period). One scope unless `by_unit`.
    """
    return db.query(con, "select * from index766_groups($d0, $d1, $unit_name, $breakdown)",
                    {"d0": period.start, "d1": period.end, "unit_name": kpis.unit_name(con, unit),
                     "breakdown": "unit" if by_unit else "none"})


def groups_by_period(con: db.Connection, periods: list[Period], *, unit: str | None = None) -> pl.DataFrame:
    """`groups` of each period of `periods` (e.g. the months of a year) in one query; period_name first."""
    return db.query(con, "select * from index766_list_groups($periods, $unit_name, 'none')",
                    {"periods": _listed(periods), "unit_name": kpis.unit_name(con, unit)})


def _listed(periods: list[Period]) -> list[dict[str, Any]]:
    return [{"period_name": p.name, "period_start": p.start, "period_end": p.end} for p in periods]


def dossiers_losing_points(con: db.Connection, period: Period, *, unit: str | None = None,
                           per_indicator: int | None = None) -> pl.DataFrame:
    """The dossiers that cost points: one row per (dossier, indicator) whose condition is not met or unknown.

    Columns: indicator_id, dossier_id, unit_name, procedure_code, procedure_name, field_name, reason.
    With `per_indicator`, at most that many rows of each indicator (by procedure, then dossier id);
    `lost_points_by_reason` counts them all. Ids and procedures only: the database holds no personal data.
    """
    return db.query(con, """
        select indicator_id, dossier_id, unit_name, procedure_code, procedure_name, field_name, reason
        from index766_dossiers($d0, $d1, $unit_name)
        where meets is distinct from true
        qualify $per_indicator is null
             or row_number() over (partition by indicator_id order by procedure_code, dossier_id) <= $per_indicator
        order by indicator_id, procedure_code, dossier_id
    """, {"d0": period.start, "d1": period.end, "unit_name": kpis.unit_name(con, unit),
          "per_indicator": per_indicator})


def lost_points_by_reason(con: db.Connection, period: Period, *, unit: str | None = None) -> pl.DataFrame:
    """How many dossiers cost each indicator its points, by reason (labels_vi.INDEX766_REASON_LABELS_VI).

    Columns: indicator_id, reason, dossiers, indicator_dossiers (all the dossiers that cost that
    indicator points, whatever the reason); most dossiers first within an indicator.
    """
    return db.query(con, """
        select indicator_id, reason, count(*) as dossiers,
               sum(count(*)) over (partition by indicator_id)::bigint as indicator_dossiers
        from index766_dossiers($d0, $d1, $unit_name)
        where meets is distinct from true
        group by indicator_id, reason
        order by indicator_id, dossiers desc, reason
    """, {"d0": period.start, "d1": period.end, "unit_name": kpis.unit_name(con, unit)})


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def scopes_of(frame: pl.DataFrame, totals: pl.DataFrame, *, unit: str | None = None) -> list[dict[str, Any]]:
    """The `scopes` list of the JSON contract from `scorecard` rows and the `groups` rows of the same call.

    Each scope's points and max_points are its total row of `groups` (summed in SQL); the
    indicators are the computable ones of `frame`.
    """
    total_of = {r["scope_unit_name"]: r for r in totals.filter(pl.col("is_total")).iter_rows(named=True)}
    scopes = []
    for (unit_name,), rows in frame.filter(pl.col("is_computable")).group_by("scope_unit_name",
                                                                              maintain_order=True):
        rows = rows.sort("sort_order")
        indicators = [{
            "id": r["indicator_id"], "numerator": int(r["numerator"]), "denominator": int(r["denominator"]),
            "unknown": int(r["unknown"]), "rate": _float(r["rate"]), "points": _float(r["points"]),
            "max_points": float(r["max_points"]),
        } for r in rows.iter_rows(named=True)]
        total = total_of[unit_name]
        scopes.append({
            "unit_name": unit if unit_name is None else unit_name,
            "indicators": indicators,
            "points": float(total["points"]),
            "max_points": float(total["max_points"]),
        })
    return scopes


@dataclass
class ScorecardOutput:
    """What `hoaan index766` prints."""

    text: str


def whole_score(con: db.Connection, period: Period, unit: str) -> pl.DataFrame:
    """The whole 766 score of `unit` (a unit of ours) for `period` before the portal publishes: macro index766_whole.

    One row per item of params/index766.yaml's page table (METRICS.md §10): indicator_id,
    points, source ('ours' | 'published' | null when the page is on no period), period_name
    (the period a published item comes from), is_carried; and on every row the unit's
    total_points, total_max_points, missing_pages, carried_from, rank and of.
    """
    return db.query(con, "select * from index766_whole($d0, $d1, $unit)",
                    {"d0": period.start, "d1": period.end, "unit": unit})


def whole_pages(con: db.Connection, period: Period, unit: str) -> pl.DataFrame:
    """The whole score's points by page (macro index766_whole_pages): page, page_order, points, max_points, has_ours."""
    return db.query(con, "select * from index766_whole_pages($d0, $d1, $unit)",
                    {"d0": period.start, "d1": period.end, "unit": unit})


def whole_of(frame: pl.DataFrame) -> dict[str, Any]:
    """The `whole` object of a scope in `hoaan index766 --whole --json` from `whole_score` rows."""
    first = frame.row(0, named=True) if frame.height else {}

    def number(value: Any) -> float | None:
        return None if value is None else float(value)
    return {
        "total_points": number(first.get("total_points")), "total_max_points": number(first.get("total_max_points")),
        "rank": first.get("rank"), "of": first.get("of"), "carried_from": first.get("carried_from"),
        "missing_pages": [] if not first.get("missing_pages") else first["missing_pages"].split(", "),
        "items": [{"id": r["indicator_id"], "points": number(r["points"]), "source": r["source"],
                   "period": r["period_name"]} for r in frame.iter_rows(named=True)],
    }


def index766_output(db_path: str | os.PathLike[str], period_name: str, *, mode: str = "calendar",
                    unit: str | None = None, by_unit: bool = False, as_json: bool = False,
                    whole: bool = False) -> ScorecardOutput:
    """Open the database read-only and format the scorecard of one period as JSON or Vietnamese tables.

    `whole` (with `unit`): the whole score before the portal publishes, ours where computed and the
    portal's published points elsewhere (METRICS.md §10), added to the unit's scope.
    """
    period = parse_period(period_name, mode)
    if whole and (unit is None or by_unit):
        raise HoaanError("--whole needs --unit: the whole score is that of one unit of ours")
    if whole and period.mode != "calendar":
        raise HoaanError("--whole needs a calendar period: the portal scores calendar months, quarters and years")
    con = db.connect_reader(db_path)
    try:
        models.require_built(con, db_path)
        name = kpis.unit_name(con, unit)
        frame = scorecard(con, period, unit=name, by_unit=by_unit)
        totals = groups(con, period, unit=name, by_unit=by_unit)
        whole_rows = whole_score(con, period, name) if whole else None
    finally:
        con.close()
    scopes = scopes_of(frame, totals, unit=name)
    if whole_rows is not None:
        for scope in scopes:
            scope["whole"] = whole_of(whole_rows)
    if as_json:
        document = {"period": period.name, "mode": period.mode, "d0": period.start.isoformat(),
                    "d1": period.end.isoformat(), "scopes": scopes}
        return ScorecardOutput(json.dumps(document, ensure_ascii=False, indent=1))
    return ScorecardOutput(_text_tables(period, frame, totals, scopes))


def _whole_lines(whole: dict[str, Any]) -> list[str]:
    text = INDEX766_WHOLE_TEXT_VI
    lines = [text["title"], text["heading"]]
    for item in whole["items"]:
        points = "–" if item["points"] is None else f"{item['points']:.2f}"
        source = text.get(item["source"] or "missing", "")
        carried = text["from_period"].format(period=item["period"]) if item["period"] else ""
        lines.append(f"  {item['id']:<32} {points:>7}  {source}{carried}")
    if whole["total_points"] is None:
        lines.append(text["no_total"].format(pages=", ".join(whole["missing_pages"]) or "–"))
    else:
        lines.append(text["total"].format(points=whole["total_points"], max_points=whole["total_max_points"]))
    if whole["carried_from"]:
        lines.append(text["carried"].format(period=whole["carried_from"]))
    lines.append(text["no_rank"] if whole["rank"] is None else
                 text["rank"].format(rank=whole["rank"], of=whole["of"]))
    lines.append("")
    return lines


def _text_tables(period: Period, frame: pl.DataFrame, totals: pl.DataFrame, scopes: list[dict[str, Any]]) -> str:
    names = dict(frame.select("indicator_id", "indicator_name").unique().rows())
    lines = [INDEX766_CLI_TEXT_VI["title"],
             f"{period.label} ({period.range_label}, {MODE_LABELS_VI[period.mode]})", ""]
    for scope in scopes:
        lines.append(INDEX766_CLI_TEXT_VI["unit"].format(unit=scope["unit_name"] or ALL_UNITS_LABEL))
        lines.append(INDEX766_CLI_TEXT_VI["heading"])
        for ind in scope["indicators"]:
            rate = "–" if ind["rate"] is None else f"{ind['rate']:.1%}"
            points = "–" if ind["points"] is None else f"{ind['points']:.2f}"
            lines.append(f"  {ind['id']:<8} {rate:>8} {points:>7} {ind['max_points']:>7.2f}  {names[ind['id']]}"
                         + (INDEX766_CLI_TEXT_VI["unknown"].format(unknown=ind["unknown"]) if ind["unknown"] else ""))
        lines.append(INDEX766_CLI_TEXT_VI["total"].format(points=scope["points"], max_points=scope["max_points"]))
        lines.append("")
        if "whole" in scope:
            lines += _whole_lines(scope["whole"])
    missing = frame.filter(~pl.col("is_computable")).unique("indicator_id", maintain_order=True).sort("sort_order")
    # what no export shows, summed by index766_list_groups (the same for every scope)
    not_computable = totals.filter(pl.col("is_total"))["not_computable_max_points"][0]
    lines.append(INDEX766_CLI_TEXT_VI["not_computable"].format(points=not_computable))
    for row in missing.iter_rows(named=True):
        lines.append(INDEX766_CLI_TEXT_VI["not_computable_item"].format(
            number=portal_number(row["indicator_id"]), points=row["max_points"], name=row["indicator_name"],
            why=row["why_not_computable"]))
    return "\n".join(lines)
