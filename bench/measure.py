"""Running one measured command in its own process: wall time, peak memory, load average.

Every figure of the benchmark is a whole child process, so that its peak resident
memory is its own and the timing includes what a user waits for (interpreter start,
imports). On POSIX the child is reaped with os.wait4, which returns the rusage of
that child alone (ru_maxrss: the peak RSS of the largest process of its tree, as
RUSAGE_CHILDREN reports it). Elsewhere the peak memory is not measured.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


class CommandFailed(RuntimeError):
    """A measured command exited with an error: its numbers would mean nothing."""


@dataclass
class Run:
    """One execution of one command."""

    seconds: float
    peak_rss_mb: float | None
    load_average: float | None     # 1-minute load average when the run started
    stdout: str


@dataclass
class Figure:
    """Several runs of the same command, summarised by their median."""

    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_rss_mb(self) -> float | None:
        values = [r.peak_rss_mb for r in self.runs if r.peak_rss_mb is not None]
        return max(values) if values else None

    @property
    def load_average(self) -> float | None:
        values = [r.load_average for r in self.runs if r.load_average is not None]
        return statistics.median(values) if values else None

    @property
    def all_seconds(self) -> list[float]:
        return [r.seconds for r in self.runs]

    def to_dict(self) -> dict:
        return {"seconds": self.seconds, "runs": self.all_seconds, "peak_rss_mb": self.peak_rss_mb,
                "load_average": self.load_average}


def load_average() -> float | None:
    """The 1-minute load average (None where the OS has none)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def run_measured(args: Sequence[str | os.PathLike[str]], *, cwd: Path | None = None) -> Run:
    """Run `args` to completion; its stdout is kept, a failure raises CommandFailed with its stderr."""
    load = load_average()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(a) for a in args], stdout=out, stderr=err, cwd=cwd)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in kilobytes on Linux, bytes on macOS
            scale = 1 if sys.platform == "darwin" else 1024
            peak = usage.ru_maxrss * scale / 1e6
        else:
            proc.wait()
            seconds = time.perf_counter() - start
            peak = None
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            stderr = err.read().decode("utf-8", "replace")
            raise CommandFailed(f"{' '.join(str(a) for a in args)} exited with {proc.returncode}:\n{stderr[-3000:]}")
    return Run(seconds, peak, load, stdout)
