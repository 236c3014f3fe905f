"""`hoaan index766`: the JSON contract of issue 10, one scope per unit, the plain Vietnamese table."""

from __future__ import annotations

import json

import pytest
from helpers import SAMPLE_FILES

from hoaan_analytics.cli import main

INDICATOR_KEYS = ["id", "numerator", "denominator", "unknown", "rate", "points", "max_points"]



@pytest.fixture
def sample_db(load_samples):
    return load_samples(SAMPLE_FILES[0]).db_path


def _run(capsys, *args):
    assert main(["index766", *args]) == 0
    return capsys.readouterr().out


def test_json_has_exactly_the_contract_keys(sample_db, capsys):
    got = json.loads(_run(capsys, "--db", str(sample_db), "--period", "2026-Q3", "--json"))
    assert list(got) == ["period", "mode", "d0", "d1", "scopes"]
    assert (got["period"], got["mode"], got["d0"], got["d1"]) == ("2026-Q3", "calendar", "2026-07-01", "2026-09-30")
    [scope] = got["scopes"]
    assert list(scope) == ["unit_name", "indicators", "points", "max_points"]
    assert scope["unit_name"] is None
    assert [i["id"] for i in scope["indicators"]] == ["2.1", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4",
                                                      "4.5", "5.4"]
    assert all(list(i) == INDICATOR_KEYS for i in scope["indicators"])
    assert all(isinstance(i["numerator"], int) and isinstance(i["max_points"], float) for i in scope["indicators"])
    # points and max_points of a scope: sums over the indicators that have points
    scored = [i for i in scope["indicators"] if i["points"] is not None]
    assert scope["points"] == pytest.approx(sum(i["points"] for i in scored))
    assert scope["max_points"] == sum(i["max_points"] for i in scored)


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_every_expected_case_of_the_samples(sample, capsys, samples_dir, load_samples):
    sample_db = load_samples(sample).db_path
    expected = json.loads((samples_dir / "expected_index766.json").read_text(encoding="utf-8"))
    for case, want in expected.items():
        if case.startswith("_"):
            continue
        period, mode, unit = case.split(" ", 2)
        args = ["--db", str(sample_db), "--period", period, "--mode", mode, "--json"]
        got = json.loads(_run(capsys, *args, *([] if unit == "all" else ["--unit", unit])))
        assert got["scopes"][0]["unit_name"] == want["scopes"][0]["unit_name"], case
        for have, ind in zip(got["scopes"][0]["indicators"], want["scopes"][0]["indicators"], strict=True):
            assert (have["id"], have["numerator"], have["denominator"], have["unknown"]) == \
                (ind["id"], ind["numerator"], ind["denominator"], ind["unknown"]), case
            assert have["rate"] == pytest.approx(ind["rate"], abs=1e-9), (case, ind["id"])
            assert have["points"] == pytest.approx(ind["points"], abs=0.006), (case, ind["id"])
            assert have["max_points"] == ind["max_points"], (case, ind["id"])
        assert got["scopes"][0]["points"] == pytest.approx(want["scopes"][0]["points"], abs=0.006), case
        assert got["scopes"][0]["max_points"] == want["scopes"][0]["max_points"], case


def test_by_unit_gives_one_scope_per_unit(sample_db, capsys):
    got = json.loads(_run(capsys, "--db", str(sample_db), "--period", "2026-Q3", "--by", "unit", "--json"))
    names = [s["unit_name"] for s in got["scopes"]]
    assert None not in names and len(names) == len(set(names)) > 1
    everyone = json.loads(_run(capsys, "--db", str(sample_db), "--period", "2026-Q3", "--json"))["scopes"][0]
    # denominators of dossier-counted indicators add up over the units (3.5 counts procedures, not dossiers)
    for position, indicator in enumerate(everyone["indicators"]):
        if indicator["id"] != "3.5":
            assert sum(s["indicators"][position]["denominator"] for s in got["scopes"]) == indicator["denominator"]


def test_plain_output_is_vietnamese_with_the_total_and_what_cannot_be_computed(sample_db, capsys):
    out = _run(capsys, "--db", str(sample_db), "--period", "2026-Q3")
    assert "điểm tính được" in out and "/ 52 điểm tính được" in out
    assert "Không tính được từ dữ liệu hồ sơ (48 điểm)" in out
    assert "ước tính" in out


def test_unit_and_by_unit_exclude_each_other(sample_db, capsys):
    with pytest.raises(SystemExit):
        main(["index766", "--db", str(sample_db), "--period", "2026-Q3", "--unit", "x", "--by", "unit"])
