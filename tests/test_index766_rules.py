"""params/index766.yaml: built-in defaults, a commune's copy, and clear errors naming the key."""

from __future__ import annotations

import shutil

import pytest

from hoaan_analytics import index766
from hoaan_analytics.index766 import RulesError


def test_the_params_copy_is_the_built_in_one(params_dir):
    assert (params_dir / "index766.yaml").read_bytes() == index766.DEFAULT_RULES.read_bytes()


def test_a_params_folder_without_the_file_uses_the_built_in_rules(tmp_path, params_dir):
    shutil.copy(params_dir / "procedures.csv", tmp_path / "procedures.csv")
    rules = index766.load_rules(tmp_path)
    assert rules.filter("is_computable")["indicator_id"].to_list() == list(index766.COMPUTABLE_IDS)
    # 52 computable points (3.3 gives none to a commune) and 48 that no export shows
    assert rules.filter("is_computable")["max_points"].sum() == 52
    assert rules.filter(~rules["is_computable"])["max_points"].sum() == 48


def _edited(tmp_path, params_dir, old: str, new: str):
    text = (params_dir / "index766.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "index766.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_a_changed_weight_is_used(tmp_path, params_dir):
    folder = _edited(tmp_path, params_dir, "    max_points: 20\n", "    max_points: 25\n")
    rules = index766.load_rules(folder)
    assert rules.filter(rules["indicator_id"] == "2.1")["max_points"].item() == 25


@pytest.mark.parametrize("old,new,message", [
    ("    formula: linear\n", "    formula: quadratic\n", r"indicator 2\.1, key formula: 'quadratic'"),
    ("    full_at: 0.8\n", "    full_at: 1.8\n", r"indicator 3\.5, key full_at: 1\.8 must be"),
    ("    full_at: 0.9\n", "", r"indicator 5\.4, key full_at: None is not a number"),
    ("    max_points: 6\n", "    max_points: sáu\n", r"indicator 3\.6, key max_points: 'sáu' is not a number"),
    ('  - id: "4.4"\n', '  - id: "4.9"\n', r"indicator 4\.9, key id: not one of the computable"),
    ("    group: 5\n", "    group: 7\n", r"indicator 5\.4, key group: 7 is not one of the groups"),
    ("groups:\n", "nhom:\n", r"key groups: missing"),
])
def test_an_invalid_entry_names_the_key(tmp_path, params_dir, old, new, message):
    folder = _edited(tmp_path, params_dir, old, new)
    with pytest.raises(RulesError, match=message):
        index766.load_rules(folder)


def test_a_missing_indicator_is_named(tmp_path, params_dir):
    text = (params_dir / "index766.yaml").read_text(encoding="utf-8")
    start = text.index('  - id: "4.3"')
    end = text.index('  - id: "4.4"')
    (tmp_path / "index766.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(RulesError, match=r"key indicators: no entry for 4\.3"):
        index766.load_rules(tmp_path)


def test_not_yaml_at_all(tmp_path):
    (tmp_path / "index766.yaml").write_text("groups: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        index766.load_rules(tmp_path)
