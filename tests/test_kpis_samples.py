"""Every entry of shared/samples/expected_kpis.json, after loading each sample file (CSV, XLSX, payload)
with the real loader."""

from __future__ import annotations

import json

import pytest
from helpers import SAMPLE_FILES, open_read_only

from hoaan_analytics import db
from hoaan_analytics.kpis import COUNT_KEYS, KPI_KEYS, compute_kpis
from hoaan_analytics.periods import parse_period


@pytest.fixture(params=SAMPLE_FILES)
def loaded(request, load_samples):
    con = open_read_only(load_samples(request.param).db_path)
    yield con
    con.close()


def _entries(samples_dir):
    expected = json.loads((samples_dir / "expected_kpis.json").read_text(encoding="utf-8"))
    return {key: value for key, value in expected.items() if not key.startswith("_")}, expected


def test_every_expected_entry_matches(loaded, samples_dir):
    entries, _ = _entries(samples_dir)
    assert entries, "expected_kpis.json has no entries"
    for key, want in entries.items():
        name, mode, unit = key.split(" ", 2)
        got = compute_kpis(loaded, parse_period(name, mode), unit=None if unit == "all" else unit)
        assert list(got) == list(KPI_KEYS), key
        assert set(got) == set(want), key
        for kpi, expected_value in want.items():
            if kpi in COUNT_KEYS or expected_value is None:
                assert got[kpi] == expected_value, (key, kpi)
            else:
                assert got[kpi] == pytest.approx(expected_value, abs=1e-9), (key, kpi)


def test_set_aside_count_matches(loaded, samples_dir):
    _, expected = _entries(samples_dir)
    assert db.scalar(loaded, "select count(*) from set_aside") == expected["_set_aside"]
