"""tests/data holds byte-for-byte copies of ../shared/samples, so the tests run from a clone alone.

When the shared folder sits beside the repository (the project's own machines),
each copy must equal its original; a changed sample there means tests/data must
be refreshed (`cp ../shared/samples/* tests/data/`). Without the folder there is
nothing to compare, and only this check is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SAMPLES

SHARED = REPO.parent / "shared" / "samples"
# The files the tests read: the two exports, the JSON payload export and the expected numbers.
COPIES = ("dossiers_dvcqg_2026-11-20.csv", "dossiers_vi_2026-11-20.xlsx", "dossiers_payload_2026-11-20.json",
          "expected_kpis.json", "expected_index766.json")


def test_every_sample_is_in_tests_data():
    missing = [name for name in COPIES if not (SAMPLES / name).is_file()]
    assert missing == []


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared samples at {SHARED} to compare tests/data with")
@pytest.mark.parametrize("name", COPIES)
def test_copy_equals_the_shared_sample(name):
    assert (SAMPLES / name).read_bytes() == (SHARED / name).read_bytes(), (
        f"tests/data/{name} differs from {SHARED / name}; copy it again")


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared samples at {SHARED} to compare tests/data with")
def test_no_shared_sample_is_left_uncopied():
    assert sorted(p.name for p in SHARED.iterdir() if p.is_file()) == sorted(COPIES)
