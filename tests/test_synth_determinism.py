"""Same arguments, same bytes; another seed, other data."""

from __future__ import annotations

from hoaan_analytics import synth

ARGS = dict(units=2, years=(2026,), dossiers_per_unit_year=200)


def _bytes(folder, seed):
    paths = synth.write_exports(folder, seed=seed, **ARGS)
    return {p.name: p.read_bytes() for p in paths}


def test_same_seed_same_bytes(tmp_path):
    first = _bytes(tmp_path / "a", 7)
    second = _bytes(tmp_path / "b", 7)
    assert set(first) == {"dossiers_dvcqg_2026-11-20.csv", "dossiers_vi_2026-11-20.xlsx"}
    assert first == second


def test_other_seed_other_data(tmp_path):
    first = _bytes(tmp_path / "a", 7)
    other = _bytes(tmp_path / "b", 8)
    assert first["dossiers_dvcqg_2026-11-20.csv"] != other["dossiers_dvcqg_2026-11-20.csv"]


def test_one_format_alone_is_the_same_as_with_the_other(tmp_path):
    # generating the XLSX too must not change the CSV (the dossiers come from the seed only)
    both = _bytes(tmp_path / "a", 7)
    alone = synth.write_exports(tmp_path / "b", seed=7, formats=("csv",), **ARGS)
    assert alone[0].read_bytes() == both["dossiers_dvcqg_2026-11-20.csv"]


def test_order_of_the_formats_does_not_matter(tmp_path):
    first = synth.write_exports(tmp_path / "a", seed=7, formats=("csv", "xlsx"), **ARGS)
    second = synth.write_exports(tmp_path / "b", seed=7, formats=("xlsx", "csv"), **ARGS)
    assert first[0].read_bytes() == second[1].read_bytes()
    assert first[1].read_bytes() == second[0].read_bytes()
