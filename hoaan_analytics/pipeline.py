"""The main job end to end: exports → database → rendered reports (`hoaan demo`, on data/demo/ by default).

Each step is its own library call (demo data, ingest, KPIs, report batch); this
module only chains them in the order a commune runs them each quarter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hoaan_analytics import db, demo, kpis, paths
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.ingest import ingest_files
from hoaan_analytics.periods import Period, parse_period
from hoaan_analytics.report import batch


@dataclass(frozen=True)
class PipelineResult:
    """What the main job did: files loaded, the period rendered, where the index is."""

    files: list[Path]
    ingest: dict
    portal: dict | None  # what `hoaan portal766` stored from raw_dir/portal766/ (None: no page saved there)
    period: Period
    units: list[str]
    index_path: Path
    reports: int
    seconds: float


def run_main_job(*, raw_dir: str | os.PathLike[str] = paths.DEMO_RAW,
                 db_path: str | os.PathLike[str] = paths.DEMO_DB,
                 out_dir: str | os.PathLike[str] = paths.DEFAULT_REPORTS,
                 params_dir: str | os.PathLike[str] | None = None,
                 notebook_dir: str | os.PathLike[str] | None = None,
                 period: str | None = None, mode: str = "calendar",
                 workers: int = 2, progress: bool = True) -> PipelineResult:
    """Write demo exports into `raw_dir` if it has none, load them and the portal's pages, render every unit.

    The portal's 766 pages saved in `raw_dir`/portal766/ (HARs) are loaded as `hoaan portal766`
    loads them; the demo's exports get the demo's pages, written there first (demo.load_demo_portal).

    Renders `period` (default: the latest complete quarter of the data) for all
    units together and for each unit, with every notebook.
    """
    # Absolute paths: the batch's workers must not depend on a working folder.
    db_path, out_dir = Path(db_path).resolve(), Path(out_dir).resolve()
    params = paths.params_dir(params_dir).resolve()
    files = demo.ensure_demo_exports(raw_dir)
    con = db.connect(db_path, wait_seconds=60)
    try:
        summary = ingest_files(con, files, params_dir=params).to_dict()
        if not summary["loaded"] and not db.scalar(con, "select count(*) from dossiers"):
            raise HoaanError(f"no dossiers were loaded from {raw_dir}: nothing to report")
        portal = demo.load_demo_portal(con, raw_dir, params, db_path=db_path)
        chosen = parse_period(period, mode) if period else kpis.default_period(con, mode)
        units = kpis.units(con)
    finally:
        con.close()
    notebooks = batch.find_notebooks(Path(notebook_dir) if notebook_dir else paths.notebooks_dir())
    result = batch.render_reports(db_path=db_path, period=chosen.name, mode=mode, units=[None, *units],
                                  notebooks=notebooks, out_dir=out_dir, params_dir=params,
                                  workers=workers, progress=progress)
    return PipelineResult(files=files, ingest=summary, portal=portal.to_dict() if portal else None,
                          period=chosen, units=units,
                          index_path=result.index_path, reports=len(result.results), seconds=result.seconds)
