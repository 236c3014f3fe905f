"""Each notebook and its percent-format script (the reviewed source) hold the same cells.

notebooks/jupytext.toml pairs them; JupyterLab with jupytext saves both. After
editing one by hand, run `jupytext --sync notebooks/*.ipynb` (from notebooks/).
"""

from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def _cells(nb) -> list[tuple[str, str, list[str]]]:
    return [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in nb.cells]


def test_the_pairing_is_configured():
    config = (NOTEBOOK_DIR / "jupytext.toml").read_text(encoding="utf-8")
    assert 'formats = "ipynb,py:percent"' in config


def test_every_script_has_its_notebook():
    scripts = {p.stem for p in NOTEBOOK_DIR.glob("*.py")}
    assert scripts == {p.stem for p in NOTEBOOKS}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_and_script_hold_the_same_cells(notebook: Path):
    script = notebook.with_suffix(".py")
    assert script.is_file(), f"no {script.name}: run `jupytext --sync {notebook.name}` in notebooks/"
    from_script = jupytext.read(script, fmt="py:percent")
    assert _cells(from_script) == _cells(nbformat.read(notebook, as_version=4)), (
        f"{notebook.name} and {script.name} differ: run `jupytext --sync {notebook.name}` in notebooks/")
    # the script written from the notebook is the committed script, byte for byte
    config = jupytext.config.load_jupytext_configuration_file(str(NOTEBOOK_DIR / "jupytext.toml"))
    written = jupytext.writes(nbformat.read(notebook, as_version=4), fmt="py:percent", config=config)
    assert written == script.read_text(encoding="utf-8")
