"""What a report batch is made of: one job per notebook and unit, what became of it, and the whole run.

Shared by batch.py, which plans and runs the jobs, and index.py, which lists their results.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ReportJob:
    """One notebook run with one set of parameters, and where its outputs go."""

    notebook: Path
    parameters: Mapping[str, Any]
    html_path: Path
    unit_label: str

    @property
    def ipynb_path(self) -> Path:
        return self.html_path.with_suffix(".ipynb")

    def describe_parameters(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in self.parameters.items() if k != "db_path")


@dataclass
class JobResult:
    """What became of one job: its HTML, or the error; and how long it took."""

    job: ReportJob
    seconds: float
    error: str | None = None
    title: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchResult:
    """All jobs of a run, the index page and the run folder."""

    run_dir: Path
    index_path: Path
    results: list[JobResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[JobResult]:
        return [r for r in self.results if not r.ok]
