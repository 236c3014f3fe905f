"""The report batch: plans notebooks × units for one period, runs them with papermill, exports HTML.

File and folder names are made in filenames.py, the index page in
report/index.py (a Jinja template); this module plans the jobs and runs them.

One Python process runs every job on a thread pool of `workers` threads: papermill
costs ~0.7 s per notebook inside a running process against ~2.3 s per command line,
and each job runs its own kernel, so two workers roughly halve a batch on two cores.
Notebooks open the database read-only, so jobs never block each other or an ingest.

Layout of one run (`out_dir/<period>_<mode>/`):

    index.html                      links every report of the run (Vietnamese, self-contained)
    toan-bo/<notebook>.html         all units together
    toan-bo/<notebook>.ipynb        the executed notebook, kept for checking
    <unit-slug>/<notebook>.html     one folder per unit (with --all-units or --unit)

A failing notebook does not stop the others; once all have run, the index is
written (listing the failures) and ReportBatchError names each failed notebook,
its parameters and its error.
"""

from __future__ import annotations

import ast
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from hoaan_analytics import db, kpis, models
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.filenames import ALL_UNITS_SLUG, inside, page_name, run_folder_name, unique_slugs
from hoaan_analytics.labels_vi import ALL_UNITS_LABEL, REPORT_COUNT_UNIT, REPORT_FAILED_LABEL, REPORTS_PROGRESS_LABEL
from hoaan_analytics.report.html import export_html, notebook_title
from hoaan_analytics.report.index import write_index
from hoaan_analytics.report.jobs import BatchResult, JobResult, ReportJob
from hoaan_analytics.report.kernels import KernelPool, new_kernel_manager

PREFERRED_KERNEL = "hoaan"
FALLBACK_KERNEL = "python3"
EXPLORATION_PREFIX = "00_"


class ReportParameterError(HoaanError):
    """A parameter that a notebook does not declare in its `parameters` cell."""


class ReportBatchError(HoaanError):
    """One or more notebooks failed; the others' outputs and the index are kept."""

    def __init__(self, failures: Sequence[JobResult], index_path: Path | None):
        self.failures = list(failures)
        self.index_path = index_path
        lines = [f"{len(self.failures)} report(s) failed:"]
        for result in self.failures:
            lines.append(f"- {result.job.notebook.name} with {result.job.describe_parameters()}: {result.error}")
            lines.append(f"  executed notebook kept at {result.job.ipynb_path}")
        if index_path is not None:
            lines.append(f"the other reports are listed in {index_path}")
        super().__init__("\n".join(lines))


def default_kernel() -> str:
    """The project's kernel ('hoaan', installed in the venv by dev.py), else 'python3'."""
    from jupyter_client.kernelspec import KernelSpecManager

    return PREFERRED_KERNEL if PREFERRED_KERNEL in KernelSpecManager().find_kernel_specs() else FALLBACK_KERNEL


def notebook_parameters(notebook: Path) -> set[str]:
    """The names a notebook declares in its `parameters`-tagged cell.

    papermill.inspect_notebook's pattern misses annotations such as
    `unit: str | None = None` (the project's convention), so the names it finds
    are joined with the assignment targets of the cell parsed as Python.
    """
    import nbformat
    import papermill

    nb = nbformat.read(notebook, as_version=4)
    try:
        declared = set(papermill.inspect_notebook(str(notebook)))
    except ValueError:  # papermill wants a kernel name in the metadata just to inspect
        declared = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError as exc:
                raise ReportParameterError(f"{notebook.name}: the parameters cell is not valid Python: {exc}") from exc
            for node in tree.body:
                targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
                declared.update(t.id for t in targets if isinstance(t, ast.Name))
    return declared


def validate_parameters(notebook: Path, parameters: Mapping[str, Any]) -> None:
    """Refuse parameters that the notebook does not declare (papermill itself only warns)."""
    declared = notebook_parameters(notebook)
    if not declared:
        raise ReportParameterError(f"{notebook}: no cell tagged 'parameters'; a report notebook needs one")
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise ReportParameterError(
            f"{notebook.name}: unknown parameter(s) {', '.join(unknown)}; "
            f"the notebook declares {', '.join(sorted(declared))}"
        )


def find_notebooks(notebook_dir: Path, names: Sequence[str] | None = None) -> list[Path]:
    """The notebooks to render: the reports of `notebook_dir`, or those named (with or without .ipynb).

    Without names, every `*.ipynb` but the analysts' workbench notebooks (`00_*`,
    EXPLORATION_PREFIX), which answer no report's question; named, any of them.
    """
    available = {p.stem: p for p in sorted(Path(notebook_dir).glob("*.ipynb")) if not p.name.startswith(".")}
    if not names:
        reports = [p for stem, p in available.items() if not stem.startswith(EXPLORATION_PREFIX)]
        if not reports:
            raise HoaanError(f"no notebooks (*.ipynb) to render in {notebook_dir}; "
                             "00_* ones are rendered only when named")
        return reports
    chosen = []
    for name in names:
        stem = Path(name).stem if name.endswith(".ipynb") else name
        if stem not in available:
            raise HoaanError(
                f"no notebook named {name!r} in {notebook_dir}; available: {', '.join(available) or 'none'}"
            )
        chosen.append(available[stem])
    return chosen


def report_units(db_path: str | os.PathLike[str], *, unit: str | None = None,
                 all_units: bool = False) -> list[str | None]:
    """The scopes to render: all units together (None), `unit` as the data spells it, or both kinds.

    `unit` is matched as METRICS.md §2 compares names (kpis.unit_name);
    UnknownUnitError lists the known units.
    """
    con = db.connect_reader(db_path)
    try:
        models.require_built(con, db_path)
        if unit is not None:
            return [kpis.unit_name(con, unit)]
        return [None, *kpis.units(con)] if all_units else [None]
    finally:
        con.close()


def plan_jobs(
    notebooks: Sequence[Path],
    *,
    db_path: str | os.PathLike[str],
    period: str,
    mode: str,
    units: Sequence[str | None],
    out_dir: str | os.PathLike[str],
    params_dir: str | os.PathLike[str] | None = None,
) -> list[ReportJob]:
    """Jobs for every notebook × unit (None = all units together), parameters validated first.

    Paths handed to the notebooks are absolute, since a kernel runs in the
    notebook's own folder.
    """
    # Absolute: papermill's `cwd` changes the working folder of the whole process,
    # so a relative path would move under the other worker threads.
    run_dir = Path(out_dir).resolve() / run_folder_name(period, mode)
    named_units = [u for u in units if u is not None]
    slugs = unique_slugs(named_units)
    jobs = []
    for unit in units:
        folder = inside(run_dir, run_dir / (ALL_UNITS_SLUG if unit is None else slugs[unit]))
        for notebook in notebooks:
            parameters: dict[str, Any] = {
                "db_path": str(Path(db_path).resolve()),
                "period": period,
                "mode": mode,
                "unit": unit,
            }
            if params_dir is not None:
                parameters["params_dir"] = str(Path(params_dir).resolve())
            html_path = inside(run_dir, folder / page_name(notebook.stem))
            jobs.append(ReportJob(notebook=Path(notebook).resolve(), parameters=parameters,
                                  html_path=html_path, unit_label=ALL_UNITS_LABEL if unit is None else unit))
    for notebook in dict.fromkeys(job.notebook for job in jobs):
        validate_parameters(notebook, next(j.parameters for j in jobs if j.notebook == notebook))
    return jobs


def _error_text(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None)
    if ename:  # papermill.PapermillExecutionError: the notebook's own exception
        return f"{ename}: {getattr(exc, 'evalue', '')}".strip()
    return f"{type(exc).__name__}: {exc}"


class _KnownParametersFilter(logging.Filter):
    """Drops papermill's "Passed unknown parameter" warning: plan_jobs has already
    checked every name, and papermill's own pattern misses `name: str | None = ...`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Passed unknown parameter")


_PAPERMILL_FILTER = _KnownParametersFilter()


def run_job(job: ReportJob, *, kernel_name: str, pool: KernelPool | None = None) -> JobResult:
    """Execute one notebook with papermill and export it; errors are returned, not raised.

    With a `pool`, the notebook runs in this thread's warm kernel (started in the
    notebook folder), which is cleared afterwards; without one, in a new kernel.
    """
    import nbformat
    import papermill

    started = time.perf_counter()
    job.html_path.parent.mkdir(parents=True, exist_ok=True)
    km = pool.acquire() if pool is not None else None
    # papermill's `cwd` changes the folder of the whole process (racy across
    # threads); a pooled kernel was started in the notebook folder already.
    cwd = None if km is not None else str(job.notebook.parent)
    # without a pool, a kernel of our own (papermill starts it) so that it uses the platform's transport
    own_km = new_kernel_manager(kernel_name) if km is None else None
    try:
        executed = papermill.execute_notebook(
            str(job.notebook), str(job.ipynb_path),
            parameters=dict(job.parameters), kernel_name=kernel_name,
            cwd=cwd, progress_bar=False, log_output=False, km=km or own_km,
        )
        nb = nbformat.from_dict(executed)
        title = f"{notebook_title(nb, job.notebook.stem)} — {job.unit_label}, {job.parameters['period']}"
        export_html(nb, job.html_path, title=title)
    except Exception as exc:  # noqa: BLE001 (a failed report must not stop the batch)
        job.html_path.unlink(missing_ok=True)
        return JobResult(job, time.perf_counter() - started, error=_error_text(exc))
    finally:
        if km is not None:
            pool.reset(km)
        if own_km is not None and own_km.has_kernel:
            own_km.shutdown_kernel(now=True)
    return JobResult(job, time.perf_counter() - started, title=title)


def run_batch(
    jobs: Sequence[ReportJob],
    *,
    workers: int = 1,
    kernel_name: str | None = None,
    progress: bool = True,
    on_result: Callable[[JobResult], None] | None = None,
) -> list[JobResult]:
    """Run `jobs` on `workers` threads with a progress bar; results in the order of `jobs`."""
    from tqdm import tqdm

    kernel = kernel_name or default_kernel()
    papermill_logger = logging.getLogger("papermill")
    if _PAPERMILL_FILTER not in papermill_logger.filters:
        papermill_logger.addFilter(_PAPERMILL_FILTER)
    results: dict[int, JobResult] = {}
    notebook_dir = jobs[0].notebook.parent if jobs else None
    with KernelPool(kernel, cwd=notebook_dir) as kernels, \
            ThreadPoolExecutor(max_workers=max(1, workers)) as pool, \
            tqdm(total=len(jobs), desc=REPORTS_PROGRESS_LABEL, unit=REPORT_COUNT_UNIT, disable=not progress) as bar:
        futures = {pool.submit(run_job, job, kernel_name=kernel, pool=kernels): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            bar.update(1)
            if not result.ok:
                job = result.job
                bar.write(f"{REPORT_FAILED_LABEL}: {job.notebook.name} ({job.unit_label}): {result.error}")
            if on_result is not None:
                on_result(result)
    return [results[i] for i in range(len(jobs))]


def render_reports(
    *,
    db_path: str | os.PathLike[str],
    period: str | None,
    mode: str = "calendar",
    units: Iterable[str | None] = (None,),
    notebooks: Sequence[Path],
    out_dir: str | os.PathLike[str],
    params_dir: str | os.PathLike[str] | None = None,
    workers: int = 1,
    kernel_name: str | None = None,
    progress: bool = True,
) -> BatchResult:
    """Render `notebooks` for one period and each of `units` (None = all units) into `out_dir`.

    Parameters are checked against each notebook before anything runs. Returns
    the BatchResult when every report was written; otherwise writes the index of
    what succeeded and raises ReportBatchError.
    """
    started = time.perf_counter()
    units = list(units)
    con = db.connect_reader(db_path)
    try:
        # once for the batch, not one failed report per notebook: a database another hoaan (or other params) built
        models.require_built(con, db_path, params_dir)
        if period is None:
            # The notebooks' own default, settled here so that folders and index name the period.
            period = kpis.default_period(con, mode).name
    finally:
        con.close()
    jobs = plan_jobs(notebooks, db_path=db_path, period=period, mode=mode, units=units,
                     out_dir=out_dir, params_dir=params_dir)
    run_dir = Path(out_dir).resolve() / run_folder_name(period, mode)
    results = run_batch(jobs, workers=workers, kernel_name=kernel_name, progress=progress)
    index_path = write_index(results, run_dir, period=period, mode=mode)
    batch = BatchResult(run_dir=run_dir, index_path=index_path, results=results,
                        seconds=time.perf_counter() - started)
    if batch.failures:
        raise ReportBatchError(batch.failures, index_path)
    return batch
