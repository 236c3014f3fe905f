"""What every report notebook starts with: the database (read-only), the period, the unit, the targets.

The connection a report reads through is sections/connection.py; the way it writes
numbers and dates, sections/text.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from IPython.display import Markdown

from hoaan_analytics import analyses, db, models, paths
from hoaan_analytics.kpis import compute_kpis, default_period, units
from hoaan_analytics.kpis import unit_name as stored_unit_name
from hoaan_analytics.labels_vi import ALL_UNITS_LABEL, DEMO_DATA_LABEL, MODE_LABELS_VI
from hoaan_analytics.labels_vi import CONTEXT_TEXT_VI as TEXT
from hoaan_analytics.periods import Period, parse_period
from hoaan_analytics.sections.connection import ReportConnection
from hoaan_analytics.sections.text import points_text
from hoaan_analytics.tables import format_percent_vi
from hoaan_analytics.targets import Target, is_met, load_targets, target_for

T = TypeVar("T")

# default_period is the notebooks' (00_kham_pha imports it from here); it lives in kpis.py.
__all__ = ["ReportContext", "default_period", "empty_sentence", "header", "open_report", "target_phrase"]


@dataclass
class ReportContext:
    """One report's database and choices; the sections read everything from it.

    The connection (`con`) is opened read-only on first use and, in a notebook,
    closed again after every cell: DuckDB locks the whole file, so a notebook left
    open in JupyterLab must not keep a later `hoaan ingest` out.

    What the sections compute is kept for the life of the context (`memo`): the
    overview alone needs the period's KPIs in five cells, and each cell would
    otherwise run the query again on a connection reopened with a cold cache. So
    one report shows one reading of the database, even if an ingest lands while
    it is open; opening the report again reads the new data.
    """

    db_path: Path
    period: Period
    unit: str | None            # the unit as the data spells it, None = all units
    targets: list[Target]
    params_dir: Path
    newest_event_on: date | None
    reference_on: date
    unit_names: list[str]
    is_demo: bool = False       # the demo's synthetic database (paths.is_demo_db): said in the header
    kpis: dict[str, Any] = field(default_factory=dict)
    _con: db.Connection | None = field(default=None, repr=False)
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    # (statement, parameters) of every query this report ran, in order (ReportConnection)
    queries: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _results: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    @property
    def con(self) -> db.Connection:
        """A read-only connection, opened when first needed (and again after `release`)."""
        if self._con is None:
            self._con = ReportConnection(db.connect_reader(self.db_path), self.queries, self._results)
        return self._con

    def release(self, *_event: Any) -> None:
        """Close the connection until the next use (IPython calls this after each cell)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` the first time `key` is asked for in this context, the kept result afterwards."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def kpis_of(self, period: Period) -> dict[str, Any]:
        """The §6 KPIs of `period` in this report's scope (compute_kpis), computed once per context."""
        return self.memo(("kpis", period), lambda: compute_kpis(self.con, period, unit=self.unit))

    @property
    def scope_label(self) -> str:
        """'Toàn bộ đơn vị' or the unit's name."""
        return ALL_UNITS_LABEL if self.unit is None else self.unit

    @property
    def is_empty(self) -> bool:
        """True when the period has no dossier to handle in this scope."""
        return self.kpis.get("handled", 0) == 0

    @property
    def year(self) -> int:
        """The year whose targets apply: the year the period ends in."""
        return self.period.end.year

    def close(self) -> None:
        """Close the database connection."""
        self.release()


def open_report(db_path: str | os.PathLike[str] | None = None, period: str | None = None, mode: str = "calendar",
                unit: str | None = None, params_dir: str | os.PathLike[str] | None = None) -> ReportContext:
    """Open the database read-only and settle the report's period, unit and targets.

    `db_path` None means paths.default_db(): the commune's database, or the demo's
    when there is none yet. `period` None means the latest complete quarter of the
    data (default_period).
    Raises HoaanError for an unknown period, mode or unit, or a database that was
    never loaded.
    """
    db_path = paths.default_db() if db_path is None else Path(db_path)
    queries: list[tuple[str, str]] = []
    results: dict[Hashable, Any] = {}
    con = ReportConnection(db.connect_reader(db_path), queries, results)
    try:
        models.require_built(con, db_path, params_dir)
        chosen = default_period(con, mode) if period is None else parse_period(period, mode)
        unit_name = stored_unit_name(con, unit)
        folder = paths.params_dir(params_dir)
        context = ReportContext(
            db_path=db_path, _con=con, period=chosen, unit=unit_name, targets=load_targets(folder),
            params_dir=Path(folder),
            newest_event_on=db.scalar(con, "select newest_event_on from dossier_extent"),
            reference_on=analyses.reference_on(con, chosen), unit_names=units(con),
            is_demo=paths.is_demo_db(db_path), queries=queries, _results=results,
        )
        context.kpis = context.kpis_of(chosen)
    except BaseException:
        con.close()
        raise
    _release_after_each_cell(context)
    return context


def _release_after_each_cell(context: ReportContext) -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        context.release()  # a script: nothing closes it per cell, so do not hold the file now
        return
    shell.events.register("post_run_cell", context.release)


def header(ctx: ReportContext) -> Markdown:
    """The report's scope line: unit, period with its dates and mode, the data's date and the reference date."""
    period = ctx.period
    lines = [
        TEXT["unit"].format(scope=ctx.scope_label),
        TEXT["period"].format(period=period.label, dates=period.range_label,
                              mode=MODE_LABELS_VI.get(period.mode, period.mode)),
    ]
    if ctx.is_demo:
        lines.append(TEXT["demo"].format(demo=DEMO_DATA_LABEL))
    if ctx.newest_event_on is not None:
        lines.append(TEXT["data_date"].format(newest=ctx.newest_event_on, reference=ctx.reference_on))
    if ctx.is_empty:
        lines.append("")
        lines.append(empty_sentence(ctx))
    return Markdown("\n".join(lines))


def empty_sentence(ctx: ReportContext) -> str:
    """The plain sentence shown instead of tables and charts when the period has no dossier."""
    return TEXT["empty"].format(scope=ctx.scope_label, period=ctx.period.label, dates=ctx.period.range_label)


def target_phrase(ctx: ReportContext, kpi: str, value: float | None) -> str:
    """'(mục tiêu ≥ 95,0%: chưa đạt, còn thiếu 1,0 điểm phần trăm)', or '' when the plan sets none."""
    target = target_for(ctx.targets, kpi, year=ctx.year)
    if target is None:
        return ""
    when = TEXT["target_year"].format(year=target.by_year) if target.by_year else ""
    goal = TEXT["target"].format(value=format_percent_vi(target.value), year=when)
    if value is None:
        return TEXT["target_unknown"].format(goal=goal)
    if is_met(value, target.value):
        return TEXT["target_met"].format(goal=goal)
    return TEXT["target_not_met"].format(goal=goal, gap=points_text(target.value - value))
