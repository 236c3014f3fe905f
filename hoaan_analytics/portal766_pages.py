"""The table of the portal's six 766 pages (params/index766.yaml, key portal_pages; METRICS.md §10).

The pages are data, not code: which shape each answer has, the field or codes that
recognise it, where a node's points are, and which figures become which indicator.
`store_page_rules` replaces tables `portal766_pages` and `portal766_page_indicators` with
them; the SQL of sql/published/ reads every stored answer through those two tables, so a
commune that edits a renamed code and loads again (or ingests) re-reads what was loaded.
A params file without the key uses the built-in table (default_params/index766.yaml).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoaan_analytics import db
from hoaan_analytics.errors import HoaanError

if TYPE_CHECKING:
    import polars as pl

SHAPES = ("tree", "evaluation")
TREE_FORMULAS = ("page", "linear", "threshold")
DEFAULT_RULES = Path(__file__).resolve().parent / "default_params" / "index766.yaml"

# The columns of tables portal766_pages and portal766_page_indicators (sql/schema/), and their polars types.
_PAGE_COLUMNS = {"page": "String", "sort_order": "Int32", "shape": "String", "recognised_by": "String",
                 "max_points": "Float64", "points_field": "String", "max_field": "String",
                 "root_points_field": "String", "root_max_field": "String"}
_INDICATOR_COLUMNS = {"page": "String", "sort_order": "Int32", "indicator_id": "String", "code": "String",
                      "numerator_field": "String", "denominator_field": "String", "formula": "String",
                      "max_points": "Float64", "full_at": "Float64"}


class PageRulesError(HoaanError):
    """params/index766.yaml's portal_pages cannot be used; the message names the file, the page and the key."""


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        raise PageRulesError(f"{where}, key {key}: {'missing' if value is None else repr(value) + ' is not text'}")
    return str(value).strip()


def _points(entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> float | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise PageRulesError(f"{where}, key {key}: {value!r} is not a number ≥ 0")
    return float(value)


def _document_pages(path: Path) -> list[Any] | None:
    import yaml

    try:
        # libyaml's parser when PyYAML has it: the same safe documents, 10× faster than the pure-Python one
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise PageRulesError(f"{path}: not valid YAML ({exc})") from None
    return document.get("portal_pages") if isinstance(document, dict) else None


def load_page_rules(rules_path: str | os.PathLike[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The pages and their indicator figures of `rules_path` (the built-in ones when it has no portal_pages)."""
    import polars as pl

    pages, figures = page_rule_rows(rules_path)
    return (pl.DataFrame(pages, schema={c: getattr(pl, t) for c, t in _PAGE_COLUMNS.items()}),
            pl.DataFrame(figures, schema={c: getattr(pl, t) for c, t in _INDICATOR_COLUMNS.items()}))


def page_rule_rows(rules_path: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """load_page_rules as lists of {column: value} rows, in the file's order (what a command needs, no frame)."""
    path = Path(rules_path)
    entries = _document_pages(path)
    if entries is None:
        path, entries = DEFAULT_RULES, _document_pages(DEFAULT_RULES)
    if not isinstance(entries, list) or not entries:
        raise PageRulesError(f"{path}, key portal_pages: expected a list of pages")
    pages: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    seen_codes: dict[str, str] = {}
    for order, entry in enumerate(entries, start=1):
        where = f"{path}: portal_pages entry {order}"
        if not isinstance(entry, dict):
            raise PageRulesError(f"{where}: expected a mapping with page, shape, max_points")
        page = _text(entry, "page", where)
        where = f"{path}: page {page}"
        if any(p["page"] == page for p in pages):
            raise PageRulesError(f"{where}, key page: listed twice")
        shape = _text(entry, "shape", where)
        if shape not in SHAPES:
            raise PageRulesError(f"{where}, key shape: {shape!r} is not one of {', '.join(SHAPES)}")
        points_field, max_field = _text(entry, "points", where), _text(entry, "max", where)
        pages.append({"page": page, "sort_order": order, "shape": shape,
                      "recognised_by": _text(entry, "recognised_by", where) if shape == "tree" else None,
                      "max_points": _points(entry, "max_points", where), "points_field": points_field,
                      "max_field": max_field,
                      "root_points_field": _text(entry, "root_points", where, required=False) or points_field,
                      "root_max_field": _text(entry, "root_max", where, required=False) or max_field})
        key = "indicators" if shape == "tree" else "codes"
        items = entry.get(key)
        if not isinstance(items, list) or not items:
            raise PageRulesError(f"{where}, key {key}: expected a list")
        for number, item in enumerate(items, start=1):
            at = f"{where}, {key} entry {number}"
            if not isinstance(item, dict):
                raise PageRulesError(f"{at}: expected a mapping")
            row = {"page": page, "sort_order": len(figures) + 1, "indicator_id": _text(item, "id", at),
                   "code": None, "numerator_field": None, "denominator_field": None, "formula": None,
                   "max_points": None, "full_at": None}
            if shape == "evaluation":
                code = _text(item, "code", at)
                if code in seen_codes:
                    raise PageRulesError(f"{at}, key code: {code} is already a code of page {seen_codes[code]}")
                seen_codes[code] = page
                row["code"] = code
            else:
                formula = _text(item, "formula", at)
                if formula not in TREE_FORMULAS:
                    raise PageRulesError(f"{at}, key formula: {formula!r} is not one of {', '.join(TREE_FORMULAS)}")
                row.update(formula=formula, max_points=_points(item, "max_points", at),
                           numerator_field=_text(item, "numerator", at, required=formula != "page"),
                           denominator_field=_text(item, "denominator", at, required=formula != "page"))
                if formula == "threshold":
                    row["full_at"] = _points(item, "full_at", at)
                    if not 0 < row["full_at"] <= 1:
                        raise PageRulesError(f"{at}, key full_at: {row['full_at']} is not in (0, 1]")
            figures.append(row)
    return pages, figures


def store_page_rules(con: db.Connection, rules_path: str | os.PathLike[str]) -> int:
    """Replace tables portal766_pages and portal766_page_indicators with the table of `rules_path`; the pages' count."""
    pages, figures = page_rule_rows(rules_path)
    store_page_rows(con, pages, figures)
    return len(pages)


def store_page_rows(con: db.Connection, pages: list[dict[str, Any]], figures: list[dict[str, Any]]) -> None:
    """store_page_rules with the rows page_rule_rows read (a command that read them already)."""
    for table, columns, rows in (("portal766_pages", _PAGE_COLUMNS, pages),
                                 ("portal766_page_indicators", _INDICATOR_COLUMNS, figures)):
        db.run(con, f"delete from {table}")
        db.insert_rows(con, table, list(columns), [[row[c] for c in columns] for row in rows])
