"""params/targets.yaml and targets.compare: value, target, gap, met per KPI."""

from __future__ import annotations

import pytest

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.targets import compare, load_targets, target_for


@pytest.fixture
def targets(params_dir):
    return load_targets(params_dir)


def test_the_plan_targets_are_loaded_with_their_source(targets):
    assert {t.kpi for t in targets} == {"on_time_rate", "online_share", "online_payment_share",
                                        "time_reduction", "satisfaction_rate"}
    assert all(t.source_line for t in targets)


def test_compare_in_2026(targets):
    values = {"on_time_rate": 0.92, "online_share": 0.45, "online_payment_share": 0.85,
              "time_reduction": None, "satisfaction_rate": 0.96}
    rows = {r["kpi"]: r for r in compare(values, targets, year=2026).iter_rows(named=True)}
    assert rows["on_time_rate"]["target"] == 0.95
    assert rows["on_time_rate"]["gap"] == pytest.approx(-0.03)  # 0.92 − 0.95
    assert rows["on_time_rate"]["met"] is False
    assert rows["online_payment_share"]["met"] is True  # 0.85 ≥ 0.80 (goal for 2030)
    assert rows["time_reduction"]["gap"] is None and rows["time_reduction"]["target"] == 0.30
    # the plan's general objective (II.1) sets 95% satisfaction with no period
    assert rows["satisfaction_rate"]["target"] == 0.95 and rows["satisfaction_rate"]["met"] is True
    assert rows["online_share"]["label_vi"] == "Tỷ lệ hồ sơ nộp trực tuyến"


def test_field_target_wins_for_land(targets):
    assert target_for(targets, "satisfaction_rate", year=2027).value == 0.95
    assert target_for(targets, "satisfaction_rate", year=2027, field="đất đai").value == 0.90
    assert target_for(targets, "satisfaction_rate", year=2027, field="Hộ tịch").value == 0.95


def test_on_time_target_stays_after_its_phase(targets):
    # set for 2025-2026 and never lowered: the bar for later years too
    assert target_for(targets, "on_time_rate", year=2024) is None
    assert target_for(targets, "on_time_rate", year=2027).value == 0.95


def test_malformed_file_names_the_entry(tmp_path):
    (tmp_path / "targets.yaml").write_text("targets:\n  - kpi: speed\n    value: 1\n", encoding="utf-8")
    with pytest.raises(HoaanError, match="target 1, field kpi"):
        load_targets(tmp_path)


def test_is_met_is_the_one_verdict():
    from hoaan_analytics.targets import is_met

    # value ≥ target is met, the boundary included; unknown when either side is
    assert (is_met(0.95, 0.95), is_met(0.94, 0.95), is_met(None, 0.95), is_met(0.9, None)) == (True, False, None, None)
