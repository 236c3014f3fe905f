"""The batch reuses one warm kernel per worker; a notebook must never see another's variables."""

from pathlib import Path

import pytest

from hoaan_analytics.report import batch

LEAK = Path(__file__).parent / "fixtures_notebooks" / "leak"
pytestmark = pytest.mark.slow


def test_one_worker_runs_both_notebooks_without_leaking_variables(small_db, tmp_path):
    # One worker, so b runs in the very kernel a used; b asserts a's variable is gone.
    result = batch.render_reports(db_path=small_db, period="2026-Q1", units=[None, "UBND xã Hòa An"],
                                  notebooks=[LEAK / "a_defines.ipynb", LEAK / "b_checks.ipynb"],
                                  out_dir=tmp_path / "out", workers=1, progress=False)
    assert [r.ok for r in result.results] == [True, True, True, True]
    assert all(r.job.html_path.is_file() for r in result.results)


def test_a_dead_kernel_is_replaced(tmp_path):
    from hoaan_analytics.report.kernels import KernelPool

    with KernelPool(batch.default_kernel()) as pool:
        first = pool.acquire()
        first.shutdown_kernel(now=True)
        second = pool.acquire()
        assert second is not first and second.is_alive()
