"""The generated exports the benchmark measures, kept under bench/data/ and reused across runs.

A data set is keyed by its format, size and seed (folder `csv-1000000-seed7`); it is
written to a temporary folder first and renamed when complete, so an interrupted
run never leaves a half-written file that a later run would take for a whole one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

# A province: 124 communes, five years of dossiers; the last year is still running
# (exports are dated 20 November 2026), as when a quarter's reports are made.
UNITS = 124
YEARS = range(2022, 2027)


def export_path(data_dir: Path, fmt: str, rows: int, seed: int) -> Path:
    """The export of `rows` dossiers in format `fmt`, generated on first use."""
    from hoaan_analytics import synth

    folder = Path(data_dir) / f"{fmt}-{rows}-seed{seed}"
    existing = sorted(folder.glob(f"*.{fmt}")) if folder.is_dir() else []
    if existing:
        return existing[0]
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    paths = synth.write_exports(partial, units=UNITS, years=YEARS, rows=rows, formats=(fmt,), seed=seed)
    partial.rename(folder)
    return folder / paths[0].name
