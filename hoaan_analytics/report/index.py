"""The index page of a report run (templates/index.html.j2): one row per unit, one link per report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import jinja2

from hoaan_analytics.labels_vi import MODE_LABELS_VI
from hoaan_analytics.report.jobs import JobResult

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
INDEX_TEMPLATE = "index.html.j2"


def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.get_template(INDEX_TEMPLATE)


def write_index(results: Sequence[JobResult], run_dir: Path, *, period: str, mode: str) -> Path:
    """Write `run_dir`/index.html listing every report of `results` (failures shown as such); return its path."""
    rows: dict[str, list[dict[str, str | None]]] = {}
    for result in results:
        links = rows.setdefault(result.job.unit_label, [])
        if result.ok:
            links.append({"name": result.title.split(" — ")[0] if result.title else result.job.notebook.stem,
                          "href": result.job.html_path.relative_to(run_dir).as_posix(), "error": None})
        else:
            links.append({"name": result.job.notebook.stem, "href": None, "error": result.error or ""})
    page = _template().render(
        period=period, mode_label=MODE_LABELS_VI.get(mode, mode), rows=rows,
        ok_count=sum(r.ok for r in results), total_count=len(results),
        written_at=datetime.now().strftime("%H:%M %d/%m/%Y"),
    )
    run_dir.mkdir(parents=True, exist_ok=True)
    index_path = run_dir / "index.html"
    index_path.write_text(page, encoding="utf-8")
    return index_path
