"""Parameters are checked against the notebook's `parameters` cell before anything runs."""

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from hoaan_analytics.report import batch

FIXTURES = Path(__file__).parent / "fixtures_notebooks"


def _write(tmp_path, source, tags=("parameters",)):
    nb = new_notebook(cells=[new_code_cell(source, metadata={"tags": list(tags)}), new_code_cell("pass")])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return path


def test_union_annotations_are_recognised():
    # papermill's own pattern misses `unit: str | None = None`
    assert batch.notebook_parameters(FIXTURES / "overview.ipynb") == {
        "db_path", "period", "mode", "unit", "params_dir"}


def test_unknown_parameter_is_refused_with_the_declared_names(tmp_path):
    path = _write(tmp_path, 'db_path: str = "x"\nperiod: str = "2026"')
    with pytest.raises(batch.ReportParameterError, match=r"unknown parameter\(s\) unit.*declares db_path, period"):
        batch.validate_parameters(path, {"db_path": "a", "unit": None})


def test_notebook_without_parameters_cell_is_refused(tmp_path):
    path = _write(tmp_path, 'db_path = "x"', tags=())
    with pytest.raises(batch.ReportParameterError, match="no cell tagged 'parameters'"):
        batch.validate_parameters(path, {"db_path": "a"})


def test_plan_jobs_refuses_before_running_anything(tmp_path):
    path = _write(tmp_path, 'db_path: str = "x"\nperiod: str = "2026"\nmode: str = "calendar"')
    out = tmp_path / "out"
    with pytest.raises(batch.ReportParameterError, match="unit"):
        batch.plan_jobs([path], db_path=tmp_path / "db.duckdb", period="2026-Q1", mode="calendar",
                        units=[None], out_dir=out)
    assert not out.exists()


def test_plan_jobs_one_job_per_notebook_and_unit(tmp_path):
    notebooks = [FIXTURES / "overview.ipynb", FIXTURES / "fails_for_unit.ipynb"]
    jobs = batch.plan_jobs(notebooks, db_path=tmp_path / "db.duckdb", period="2026-Q1", mode="cutoff",
                           units=[None, "UBND xã Hòa An"], out_dir=tmp_path, params_dir=tmp_path)
    assert len(jobs) == 4
    assert jobs[0].html_path == tmp_path / "2026-q1_cutoff" / "toan-bo" / "overview.html"
    assert jobs[3].html_path == tmp_path / "2026-q1_cutoff" / "ubnd-xa-hoa-an" / "fails-for-unit.html"
    assert jobs[3].parameters == {"db_path": str((tmp_path / "db.duckdb").resolve()), "period": "2026-Q1",
                                  "mode": "cutoff", "unit": "UBND xã Hòa An",
                                  "params_dir": str(tmp_path.resolve())}


def test_find_notebooks_by_name_and_unknown_name(tmp_path):
    assert batch.find_notebooks(FIXTURES, ["overview"]) == [FIXTURES / "overview.ipynb"]
    assert [p.name for p in batch.find_notebooks(FIXTURES)] == ["fails_for_unit.ipynb", "overview.ipynb"]
    with pytest.raises(batch.HoaanError, match="no notebook named 'nope'"):
        batch.find_notebooks(FIXTURES, ["nope"])
    with pytest.raises(batch.HoaanError, match="no notebooks"):
        batch.find_notebooks(tmp_path)
