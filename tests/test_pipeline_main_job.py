"""`hoaan demo`'s pipeline: demo exports into an empty raw folder, load, render every unit."""

import shutil

import pytest
from helpers import FIXTURE_NOTEBOOKS

from hoaan_analytics import demo
from hoaan_analytics.cli import main
from hoaan_analytics.pipeline import run_main_job

# The pipeline, not the notebooks, is what is tested here (test_notebooks_render.py renders those):
# the small test notebook keeps its 14 renders (7 scopes, twice) cheap.
OVERVIEW = FIXTURE_NOTEBOOKS / "overview.ipynb"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("job")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    shutil.copy(OVERVIEW, notebooks)
    result = run_main_job(raw_dir=root / "raw", db_path=root / "db" / "hoaan.duckdb", out_dir=root / "reports",
                          notebook_dir=notebooks, progress=False)
    return root, result


def test_demo_exports_are_written_into_the_empty_raw_folder(first_run):
    root, result = first_run
    assert sorted(p.name for p in (root / "raw").iterdir() if p.is_file()) == sorted(p.name for p in result.files)
    assert [p.name for p in result.files] == [spec.file_name for spec in demo.demo_specs()]
    assert result.ingest["loaded"] > 1000


def test_the_latest_complete_quarter_of_the_data_is_rendered_for_all_units_and_each(first_run):
    _, result = first_run
    # the demo's newest event is 20/11/2026, in Q4: Q3 is the latest complete quarter
    assert result.period.name == "2026-Q3"
    assert result.reports == 1 + len(result.units) and len(result.units) == 6
    index = result.index_path.read_text(encoding="utf-8")
    assert index.count(".html\"") == result.reports
    for unit in result.units:
        assert unit in index


def test_the_demo_portal_pages_are_written_beside_the_exports_and_loaded(first_run):
    root, result = first_run
    saved = sorted(p.name for p in (root / "raw" / demo.DEMO_PORTAL_FOLDER).iterdir())
    assert saved == sorted(f"dichvucong_766_{name}.har" for name in demo.DEMO_PORTAL_PERIODS)
    assert sorted(p["period"] for p in result.portal["periods"]) == sorted(demo.DEMO_PORTAL_PERIODS)
    assert result.portal["stored"] == 6 * len(demo.DEMO_PORTAL_PERIODS)
    assert not set(result.units) & set(result.portal["unmatched_units"])  # our six are matched


def test_a_second_run_loads_nothing_new_and_renders_again(first_run):
    root, _ = first_run
    again = run_main_job(raw_dir=root / "raw", db_path=root / "db" / "hoaan.duckdb", out_dir=root / "reports2",
                         notebook_dir=root / "notebooks", period="2026-Q2", progress=False)
    assert again.ingest["loaded"] == 0                       # same bytes: every file skipped
    assert all(f["skipped"] for f in again.ingest["files"])
    assert again.period.name == "2026-Q2" and again.index_path.is_file()


def test_the_demo_command_is_registered():
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--help"])
    assert exit_info.value.code == 0
