"""The benchmark's pandas yardstick must agree with METRICS.md, or its timings compare nothing."""

import json
from datetime import date

import pytest

from bench.pandas_reference import kpis

CASES = {
    "2026-Q1 calendar all": (date(2026, 1, 1), date(2026, 3, 31)),
    "2026-Q1 cutoff all": (date(2025, 12, 15), date(2026, 3, 14)),
    "2026-H1 calendar all": (date(2026, 1, 1), date(2026, 6, 30)),
    "2026-Q4 calendar all": (date(2026, 10, 1), date(2026, 12, 31)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_pandas_reference_matches_expected_kpis(case, samples_dir, params_dir):
    expected = json.loads((samples_dir / "expected_kpis.json").read_text(encoding="utf-8"))[case]
    got = kpis(samples_dir / "dossiers_dvcqg_2026-11-20.csv", params_dir / "procedures.csv", *CASES[case])
    for key, value in got.items():
        assert value == pytest.approx(expected[key], abs=1e-12), key
