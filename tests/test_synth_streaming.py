"""Streaming: peak memory does not grow with the number of rows written.

Each size runs in a fresh Python process and reports its own peak RSS
(resource.getrusage, so POSIX only). Both sizes span several chunks of
synth.CHUNK_ROWS; the larger file holds 200k more rows (about 63 MB of CSV text,
several hundred MB as Python objects) or 120k more payload records (about 280 MB
of text), so a loose bound on the difference of the peaks shows that rows are not accumulated.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

resource = pytest.importorskip("resource")

SCRIPT = """
import json, resource, sys
from hoaan_analytics import synth
rows, fmt, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
paths = synth.write_exports(out, units=20, years=(2025, 2026), rows=rows, formats=(fmt,), seed=1)
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "bytes": paths[0].stat().st_size}))
"""


def _peak_mb(rows: int, fmt: str, out) -> tuple[float, int]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(rows), fmt, str(out)],
                          capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["peak_kb"] / 1024, report["bytes"]


@pytest.mark.slow
def test_csv_peak_memory_does_not_follow_the_row_count(tmp_path):
    small_mb, small_bytes = _peak_mb(100_000, "csv", tmp_path / "small")
    large_mb, large_bytes = _peak_mb(300_000, "csv", tmp_path / "large")
    assert large_bytes > 2.5 * small_bytes
    # measured on the 2-core dev box: 223 MB and 226 MB
    assert large_mb - small_mb < 50, (small_mb, large_mb)


@pytest.mark.slow
def test_payload_peak_memory_does_not_follow_the_row_count(tmp_path):
    # a payload record costs six times a CSV row to write: 60k and 180k records (2 and 4 chunks)
    small_mb, small_bytes = _peak_mb(60_000, "jsonl", tmp_path / "small")
    large_mb, large_bytes = _peak_mb(180_000, "jsonl", tmp_path / "large")
    assert large_bytes > 2.5 * small_bytes
    # measured on the 2-core dev box: 416 MB (100k, json) and 422 MB (300k, jsonl)
    assert large_mb - small_mb < 60, (small_mb, large_mb, small_bytes, large_bytes)
