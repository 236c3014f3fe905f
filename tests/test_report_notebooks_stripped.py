"""Committed notebooks are diff-friendly (no outputs) and follow the parameters convention."""


import nbformat
import pytest
from helpers import FIXTURE_NOTEBOOKS, NOTEBOOKS

from hoaan_analytics.report import batch

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(FIXTURE_NOTEBOOKS.glob("*.ipynb"))
CONVENTION = {"db_path", "period", "mode", "unit", "params_dir"}


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_no_outputs_committed(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.name)
def test_parameters_cell_follows_the_convention(path):
    nb = nbformat.read(path, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first_code.metadata.get("tags", []), f"{path.name}: first code cell must be tagged"
    assert batch.notebook_parameters(path) == CONVENTION
