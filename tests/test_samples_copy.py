"""tests/data holds byte-for-byte copies of ../shared/samples, so the tests run from a clone alone.

When the shared folder sits beside the repository (the project's machines and CI),
each copy must equal its original; a changed sample there means tests/data must be
refreshed (`cp ../shared/samples/* tests/data/`). In a clone alone the copies are
checked for what the tests need of them, and nothing is skipped.
"""

from __future__ import annotations

import json

import pytest
from helpers import REPO, SAMPLES

SHARED = REPO.parent / "shared" / "samples"
# The files the tests read: the two flat exports, the JSON payload export and the expected numbers.
COPIES = ("dossiers_dvcqg_2026-11-20.csv", "dossiers_vi_2026-11-20.xlsx", "dossiers_payload_2026-11-20.json",
          "expected_kpis.json", "expected_index766.json")


def _looks_whole(name: str, data: bytes) -> bool:
    """What the tests need of a copy when there is no original to compare it with."""
    if name.endswith(".xlsx"):
        return data.startswith(b"PK\x03\x04")
    if name.endswith(".csv"):
        return data.lstrip(b"\xef\xbb\xbf").startswith(b"MaHoSo,")
    document = json.loads(data.decode("utf-8-sig"))
    return bool(document)


@pytest.mark.parametrize("name", COPIES)
def test_each_copy_is_whole_and_equals_the_shared_sample(name):
    data = (SAMPLES / name).read_bytes()
    if SHARED.is_dir():
        assert data == (SHARED / name).read_bytes(), f"tests/data/{name} differs from {SHARED / name}; copy it again"
    else:
        assert _looks_whole(name, data)


def test_no_shared_sample_is_left_uncopied():
    present = sorted(p.name for p in SAMPLES.iterdir() if p.is_file() and p.name in COPIES)
    assert present == sorted(COPIES)
    if SHARED.is_dir():
        assert sorted(p.name for p in SHARED.iterdir() if p.is_file()) == sorted(COPIES)
