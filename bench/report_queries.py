"""Queries per report: each notebook's code run in this process on one database, counted by the report context.

    python -m bench.report_queries [DB] [--period 2026-Q3]

Prints, per notebook, the statements its ReportContext ran and how many of them
repeated an earlier one (same SQL, same parameters). Not part of `dev.py bench`:
it measures work, not time. DB defaults to the demo database (`hoaan demo`).
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

import nbformat

from hoaan_analytics import paths

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def run_notebook(notebook: Path, db_path: Path, period: str | None) -> dict:
    """Execute the notebook's code cells (parameters overridden) and count its context's queries."""
    nb = nbformat.read(notebook, as_version=4)
    namespace: dict = {}
    cwd = Path.cwd()
    os.chdir(notebook.parent)  # as JupyterLab and papermill run it
    try:
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            exec(compile(cell.source, notebook.name, "exec"), namespace)
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                namespace.update(db_path=str(db_path), period=period)
    finally:
        os.chdir(cwd)
    ctx = namespace.get("ctx")
    if ctx is None:
        return {"notebook": notebook.stem, "queries": None, "repeated": None}
    counts = Counter(ctx.queries)
    ctx.close()
    return {"notebook": notebook.stem, "queries": len(ctx.queries),
            "repeated": sum(n - 1 for n in counts.values())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", default=str(paths.PROJECT_ROOT / paths.DEMO_DB))
    parser.add_argument("--period", default=None, help="default: the notebooks' own (latest complete quarter)")
    args = parser.parse_args(argv)
    rows = [run_notebook(nb, Path(args.db).resolve(), args.period)
            for nb in sorted(NOTEBOOK_DIR.glob("[0-9][1-9]_*.ipynb"))]
    print(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
