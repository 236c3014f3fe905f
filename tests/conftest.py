"""Shared fixtures: in-memory DuckDB with the stored tables, the samples, the demo database.

The samples live in tests/data/ (copies of ../shared/samples, checked by
test_samples_copy.py), so a clone alone runs every test. What is expensive to build
(the demo database, each sample loaded by the real loader) is built once per test
session and only read by the tests; helpers that are not fixtures are in helpers.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import (
    EMPTY_REPORT,
    NOTEBOOKS,
    PARAMS,
    REPORT_VARIANTS,
    SAMPLES,
    DemoDatabase,
    LoadedSamples,
    RenderedReports,
    build_database,
    build_demo_database,
    database_file,
    ingest_into,
    make_small_db,
)
from hypothesis import HealthCheck, settings

from hoaan_analytics import db, schema

# The one cap on the properties' examples: each run still draws fresh ones, the cap bounds the
# suite's time (HYPOTHESIS_PROFILE=thorough searches twenty times longer). No deadline: a shared
# 2-core machine makes timings of single examples meaningless.
settings.register_profile("default", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def con():
    """An in-memory database with the stored tables and nothing in them."""
    connection = db.connect(None)
    schema.ensure_schema(connection)
    yield connection
    connection.close()


@pytest.fixture
def params_dir() -> Path:
    return PARAMS


@pytest.fixture
def samples_dir() -> Path:
    """tests/data: the sample exports and their expected numbers."""
    return SAMPLES


@pytest.fixture
def loaded(request, con, params_dir):
    """The in-memory database of the requesting module's hand-written `ROWS`, models built.

    A module that builds its database another way defines its own `loaded`, which takes precedence.
    """
    build_database(con, params_dir, request.module.ROWS)
    return con


@pytest.fixture
def one_unit_db(tmp_path, params_dir) -> Path:
    """A database file holding one dossier of one unit, resolved on its due day in March 2026."""
    day = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00"}
    return database_file(tmp_path / "one.duckdb", [day], params_dir)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> DemoDatabase:
    """The demo exports ingested into a database file, once per session; tests only read it."""
    return build_demo_database(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> Path:
    """A database file of three hand-written dossiers (helpers.SMALL_DB_ROWS) for the report batch tests; read only."""
    return make_small_db(tmp_path_factory.mktemp("small") / "hoaan.duckdb")


@pytest.fixture(scope="session")
def load_samples(tmp_path_factory):
    """`load_samples(*names)`: those samples ingested together into a database file, once per session.

    Tests only read the file (helpers.open_read_only); one that changes it works on a copy.
    """
    loaded: dict[tuple[str, ...], LoadedSamples] = {}

    def load(*names: str) -> LoadedSamples:
        if names not in loaded:
            path = tmp_path_factory.mktemp("samples") / "hoaan.duckdb"
            loaded[names] = LoadedSamples(path, ingest_into(path, [SAMPLES / name for name in names]))
        return loaded[names]

    return load


@pytest.fixture(scope="session")
def rendered_reports(demo_db, tmp_path_factory) -> RenderedReports:
    """Every report notebook rendered on the demo database in each REPORT_VARIANTS, and EMPTY_REPORT.

    One batch of 2 workers, once per session: the notebook and report-07 tests read it
    (SHARED_WORKER below puts both on one xdist worker, so that one worker renders).
    """
    import nbformat

    from hoaan_analytics.report import batch

    out = tmp_path_factory.mktemp("reports")
    jobs: dict[str, list[batch.ReportJob]] = {}
    for variant, parameters in REPORT_VARIANTS.items():
        jobs[variant] = [batch.ReportJob(notebook=nb, parameters={"db_path": str(demo_db.db_path), **parameters},
                                         html_path=out / variant / f"{nb.stem}.html",
                                         unit_label=parameters.get("unit") or "Toàn bộ")
                         for nb in sorted(NOTEBOOKS.glob("*.ipynb"))]
    variant, stem, parameters = EMPTY_REPORT
    jobs[variant] = [batch.ReportJob(notebook=NOTEBOOKS / f"{stem}.ipynb", html_path=out / variant / f"{stem}.html",
                                     parameters={"db_path": str(demo_db.db_path), **parameters}, unit_label="Toàn bộ")]
    results = batch.run_batch([job for group in jobs.values() for job in group], workers=2, progress=False)
    failures = [f"{r.job.html_path}: {r.error}" for r in results if not r.ok]
    assert not failures, failures
    pages = {variant: {job.notebook.stem: (job.html_path.read_text(encoding="utf-8"),
                                           nbformat.read(job.ipynb_path, as_version=4)) for job in group}
             for variant, group in jobs.items()}
    return RenderedReports(out, pages)


@pytest.fixture(scope="session")
def demo_personal_values(demo_db) -> dict[str, set[str]]:
    """The applicants' names, ID numbers, phones and addresses of the demo exports (the audit's needles)."""
    from hoaan_analytics import audit

    values = audit.personal_values(demo_db.raw_files, PARAMS)
    assert {"name", "id_number", "phone", "address"} <= set(values)
    assert sum(len(v) for v in values.values()) > 1000  # the needles were really read
    return values


@pytest.fixture(scope="session")
def rendered_reports_scan(rendered_reports, demo_personal_values):
    """(findings, files scanned) of the personal-data audit over every render of rendered_reports."""
    from hoaan_analytics import audit

    return audit.scan_reports(rendered_reports.out, demo_personal_values)


# Test files that read the same expensive session fixture share one xdist worker (conftest's
# rendered_reports is made once per worker that asks for it).
SHARED_WORKER = {"test_notebooks_render.py": "reports", "test_report_index766.py": "reports",
                 "test_report_chromium.py": "reports"}


def _file_group(nodeid: str) -> str:
    """The scheduling unit of a test: its file, or the group its file shares a worker with."""
    path = nodeid.split("::", 1)[0]
    return SHARED_WORKER.get(path.rsplit("/", 1)[-1], path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile` (pyproject's addopts), with the files of SHARED_WORKER on one worker."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FileGroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _file_group(nodeid)

    return FileGroupScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Heavy files first: the shared renders, then files with a slow test, then the rest.

    The workers take files in this order (--no-loadscope-reorder), so no long file is
    left for the end of the run while the other worker idles.
    """
    slow = {_file_group(item.nodeid) for item in items if item.get_closest_marker("slow")}
    first_seen: dict[str, int] = {}
    for position, item in enumerate(items):
        first_seen.setdefault(_file_group(item.nodeid), position)
    order = {group: (group != "reports", group not in slow, position) for group, position in first_seen.items()}
    items.sort(key=lambda item: order[_file_group(item.nodeid)])
