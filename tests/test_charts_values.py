"""What the charts compute and show: shares, median, order, Vietnamese-formatted tooltip text."""

import json

import polars as pl

from hoaan_analytics import charts


def _dataset(spec, column):
    """The one inline dataset of a chart spec that has `column`."""
    for rows in spec["datasets"].values():
        if rows and column in rows[0]:
            return rows
    raise AssertionError(f"no dataset with {column}")


def test_shares_are_computed_within_each_group():
    # Hộ tịch: 3 online + 1 in person = 4 -> 75% and 25%; Chứng thực: 2 in person -> 100%.
    frame = pl.DataFrame({
        "group": ["Hộ tịch", "Hộ tịch", "Chứng thực"],
        "category": ["Trực tuyến", "Trực tiếp", "Trực tiếp"],
        "dossiers": [3, 1, 2],
    })
    rows = _dataset(charts.shares_by_group(frame, title="Kênh nộp").to_dict(), "share")
    by_key = {(r["group"], r["category"]): r for r in rows}
    assert by_key[("Hộ tịch", "Trực tuyến")]["share"] == 0.75
    assert by_key[("Hộ tịch", "Trực tuyến")]["share_text"] == "75,0%"
    assert by_key[("Hộ tịch", "Trực tiếp")]["share"] == 0.25
    assert by_key[("Chứng thực", "Trực tiếp")]["share_text"] == "100,0%"


def test_group_with_no_dossiers_has_no_share():
    frame = pl.DataFrame({"group": ["Đất đai"], "category": ["Trực tuyến"], "dossiers": [0]})
    rows = _dataset(charts.shares_by_group(frame, title="Kênh nộp").to_dict(), "share")
    assert rows[0]["share"] is None


def test_unit_ranking_draws_the_median_it_is_given():
    # the median comes from SQL (period_unit_comparison); 0.75 is deliberately not the frame's own (0.8)
    frame = pl.DataFrame({"unit_name": ["A", "B", "C", "D"], "value": [0.8, 0.9, None, 0.6]})
    spec = charts.unit_ranking(frame, target=0.95, median=0.75).to_dict()
    assert _dataset(spec, "median")[0]["median"] == 0.75
    assert _dataset(spec, "median")[0]["median_text"] == "Trung vị các đơn vị: 75,0%"
    assert _dataset(spec, "target")[0]["target"] == 0.95
    # best first, the unit without a value last
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["B", "A", "D", "C"]


def test_kpi_bars_tooltip_text_and_verdict():
    # 0.9512 >= 0.95 -> Đạt; 0.39 < 0.9 -> Chưa đạt; no value -> "—"
    frame = pl.DataFrame({"kpi": ["on_time_rate", "online_share", "satisfaction_rate"],
                          "value": [0.9512, 0.39, None], "target": [0.95, 0.90, 0.95]})
    rows = _dataset(charts.kpi_bars(frame).to_dict(), "status")
    assert [r["kpi_label"] for r in rows] == [
        "Tỷ lệ hồ sơ giải quyết đúng hạn", "Tỷ lệ hồ sơ nộp trực tuyến", "Tỷ lệ hài lòng"]
    assert [r["value_text"] for r in rows] == ["95,1%", "39,0%", "—"]
    assert [r["status"] for r in rows] == ["Đạt", "Chưa đạt", "—"]


def test_elapsed_vs_statutory_target_is_70_percent_of_the_limit():
    # statutory 10 days, 30% reduction target -> 7 days; 1234 dossiers shown as "1.234"; 6.24 -> "6,2"
    frame = pl.DataFrame({"procedure_name": ["Cấp giấy xác nhận"], "mean_elapsed_working_days": [6.24],
                          "statutory_days": [10], "dossiers": [1234]})
    row = _dataset(charts.elapsed_vs_statutory(frame, reduction_target=0.30).to_dict(), "target_days")[0]
    assert row["target_days"] == 7.0
    assert row["dossiers_text"] == "1.234"
    assert row["elapsed_text"] == "6,2"


def test_elapsed_vs_statutory_draws_no_target_when_the_plan_sets_none():
    # no reduction target given: no green tick (two layers: bars and the statutory tick), no target tooltip
    frame = pl.DataFrame({"procedure_name": ["Cấp giấy xác nhận"], "mean_elapsed_working_days": [6.24],
                          "statutory_days": [10], "dossiers": [1234]})
    spec = charts.elapsed_vs_statutory(frame).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "tick"]
    assert "target_days" not in json.dumps(spec["layer"])


def test_points_labels_sit_one_per_row():
    # twelve months: one row each (horizontal bars), the "x / y" label left-aligned right of its bar,
    # so no two labels share a row and none can overlap another
    frame = pl.DataFrame({"category": [f"T{m}" for m in range(1, 13)], "points": [31.41] * 12,
                          "max_points": [52.0] * 12})
    spec = charts.points_against_maximum(frame, title="t").to_dict()
    text = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    assert text["encoding"]["y"]["field"] == "category"
    assert text["mark"]["align"] == "left"
    assert spec["height"] == {"step": 30}


def test_trend_keeps_the_period_order_given():
    frame = pl.DataFrame({"period_label": ["T12/2025", "T1/2026", "T2/2026"], "value": [0.9, 0.8, 1.0]})
    spec = charts.trend_line(frame).to_dict()
    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["T12/2025", "T1/2026", "T2/2026"]


def test_percent_axis_labels_render_with_vietnamese_decimal_comma():
    import vl_convert

    frame = pl.DataFrame({"kpi": ["on_time_rate"], "value": [0.9512], "target": [0.95]})
    svg = vl_convert.vegalite_to_svg(charts.kpi_bars(frame).to_dict())
    assert "95,1%" in svg and "95.1%" not in svg


def test_kpi_bar_label_stands_right_of_a_nearby_target_tick():
    # 94% against a 95% target: the label is placed at 95%, right of the tick, not over it
    spec = charts.kpi_bars(pl.DataFrame({"kpi": ["on_time_rate", "online_share"], "value": [0.94, 0.6],
                                         "target": [0.95, None]})).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["label_x"] for r in rows] == [0.95, 0.6]


def test_trend_legend_keeps_the_given_series_order():
    frame = pl.DataFrame({"period_label": ["Q1", "Q1"], "value": [0.9, 0.5], "series": ["Đúng hạn", "Giảm thời gian"]})
    spec = charts.trend_line(frame).to_dict()
    colour = next(layer["encoding"]["color"] for layer in spec["layer"] if "color" in layer.get("encoding", {}))
    assert colour["sort"] == ["Đúng hạn", "Giảm thời gian"]


def test_unit_ranking_without_a_median_draws_no_median_rule():
    frame = pl.DataFrame({"unit_name": ["A", "B"], "value": [0.8, 0.9]})
    spec = charts.unit_ranking(frame).to_dict()
    assert not any("median" in rows[0] for rows in spec["datasets"].values() if rows)


def test_twelve_month_names_are_slanted_four_quarters_level_when_wide():
    # 12 names of 8 characters in 520 px (43 px each) would overlap side by side; 4 quarters fit
    months = pl.DataFrame({"period_label": [f"T{m}/2025" for m in range(1, 13)], "value": [0.5] * 12})
    quarters = pl.DataFrame({"period_label": ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"],
                             "value": [0.5] * 4})
    assert charts.trend_line(months).to_dict()["layer"][0]["encoding"]["x"]["axis"]["labelAngle"] == -45
    # the quarters slant only on a narrow chart (below NARROW_BELOW px) where their lines do not fit either
    angle = charts.trend_line(quarters).to_dict()["layer"][0]["encoding"]["x"]["axis"]["labelAngle"]["expr"]
    assert f"< {charts.NARROW_BELOW}" in angle and angle.endswith("? -45 : 0")
