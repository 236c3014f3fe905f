"""The plan's targets (params/targets.yaml), the plan they come from, and how far each KPI is from its target."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.kpis import RATIO_KEYS
from hoaan_analytics.labels_vi import KPI_LABELS_VI

TARGETS_FILE = "targets.yaml"


@dataclass(frozen=True)
class Target:
    """One target of the plan: `kpi` ≥ `value` in the years it applies to."""

    kpi: str
    value: float
    from_year: int | None = None
    to_year: int | None = None
    by_year: int | None = None  # a goal to reach by this year; shown in every year
    fields: tuple[str, ...] = ()  # lĩnh vực it is limited to; empty = every field
    section: str = ""
    source_line: str = ""

    def applies(self, year: int) -> bool:
        """Whether the target holds for `year`."""
        if self.by_year is not None:
            return True
        return (self.from_year is None or year >= self.from_year) and (self.to_year is None or year <= self.to_year)

    def covers_field(self, field: str | None) -> bool:
        """Whether the target is about `field` (None = the whole scope)."""
        if not self.fields:
            return True
        return field is not None and _key(field) in {_key(f) for f in self.fields}


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


@dataclass(frozen=True)
class Plan:
    """The commune's plan the targets come from, as the `plan:` entry of params/targets.yaml names it.

    Each part may be missing; `citation` is the plan's name written out by the commune
    (a `plan:` given as one text), used as it stands.
    """

    number: str | None = None      # e.g. "02/KH-UBND"
    issued_on: date | None = None
    issuer: str | None = None      # e.g. "UBND xã ..."
    citation: str | None = None


def _read_document(params_dir: Path) -> tuple[Path, dict[str, Any]]:
    import yaml

    path = Path(params_dir) / TARGETS_FILE
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise HoaanError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise HoaanError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(document, dict):
        raise HoaanError(f"{path}: expected the keys plan and targets")
    return path, document


def load_plan(params_dir: Path) -> Plan | None:
    """The `plan:` entry of params/targets.yaml (number, date, issuer), or None when the file names no plan.

    HoaanError naming the file and the field when the entry cannot be read.
    """
    path, document = _read_document(params_dir)
    entry = document.get("plan")
    if entry is None:
        return None
    if isinstance(entry, str):
        return Plan(citation=entry.strip()) if entry.strip() else None
    if not isinstance(entry, dict):
        raise HoaanError(f"{path}, field plan: expected a mapping with number, date and issuer, or one text")
    issued_on = entry.get("date")
    if isinstance(issued_on, str):
        try:
            issued_on = date.fromisoformat(issued_on.strip())
        except ValueError:
            raise HoaanError(f"{path}, field plan.date: {issued_on!r} is not a date (write it as 2026-01-16)") from None
    elif issued_on is not None and not isinstance(issued_on, date):
        raise HoaanError(f"{path}, field plan.date: {issued_on!r} is not a date (write it as 2026-01-16)")

    def text(key: str) -> str | None:
        value = entry.get(key)
        return None if value is None or not str(value).strip() else str(value).strip()

    return Plan(number=text("number"), issued_on=issued_on, issuer=text("issuer"))


def load_targets(params_dir: Path) -> list[Target]:
    """Read params/targets.yaml; HoaanError naming the entry and field when one is malformed."""
    path, document = _read_document(params_dir)
    result = []
    for number, entry in enumerate(document.get("targets") or [], start=1):
        where = f"{path}: target {number}"
        if not isinstance(entry, dict):
            raise HoaanError(f"{where}: expected a mapping with kpi and value")
        if entry.get("kpi") not in RATIO_KEYS:
            raise HoaanError(f"{where}, field kpi: {entry.get('kpi')!r} is not one of {', '.join(RATIO_KEYS)}")
        try:
            value = float(entry["value"])
        except (KeyError, TypeError, ValueError):
            raise HoaanError(f"{where}, field value: {entry.get('value')!r} is not a number") from None
        result.append(Target(
            kpi=entry["kpi"], value=value,
            from_year=entry.get("from_year"), to_year=entry.get("to_year"), by_year=entry.get("by_year"),
            fields=tuple(entry.get("fields") or ()),
            section=str(entry.get("section") or ""), source_line=str(entry.get("source_line") or ""),
        ))
    return result


def target_for(targets: list[Target], kpi: str, *, year: int, field: str | None = None) -> Target | None:
    """The target of `kpi` for `year` (and `field`): a field-specific one wins over a general one."""
    candidates = [t for t in targets if t.kpi == kpi and t.applies(year) and t.covers_field(field)]
    candidates.sort(key=lambda t: (not t.fields, t.by_year is not None))
    return candidates[0] if candidates else None


def is_met(value: float | None, target: float | None) -> bool | None:
    """Whether `value` reaches `target` (value ≥ target): the one place the plan's "đạt" is decided.

    None when either is unknown (a ratio with no denominator, or no target applies).
    """
    if value is None or target is None:
        return None
    return value >= target


def compare(values: dict[str, Any], targets: list[Target], *, year: int,
            field: str | None = None) -> pl.DataFrame:
    """Per KPI that has a target in the plan: kpi, label_vi, value, target, gap, met.

    gap = value − target (negative: below target); met = value ≥ target. target is null
    when no target of the plan applies to `year`; gap and met are null when value or
    target is.
    """
    rows = []
    for kpi in dict.fromkeys(t.kpi for t in targets):
        target = target_for(targets, kpi, year=year, field=field)
        value = values.get(kpi)
        goal = None if target is None else target.value
        known = value is not None and goal is not None
        rows.append({
            "kpi": kpi, "label_vi": KPI_LABELS_VI[kpi], "value": value, "target": goal,
            "gap": value - goal if known else None, "met": is_met(value, goal),
        })
    schema = {"kpi": pl.String, "label_vi": pl.String, "value": pl.Float64, "target": pl.Float64,
              "gap": pl.Float64, "met": pl.Boolean}
    return pl.DataFrame(rows, schema=schema)
