"""Every chart carries the project theme: Vietnamese number locale, Okabe–Ito colours, titles, tooltips."""

import polars as pl
import pytest

from hoaan_analytics import charts


def _all_charts():
    return {
        "kpi_bars": charts.kpi_bars(pl.DataFrame(
            {"kpi": ["on_time_rate", "online_share"], "value": [0.95, 0.4], "target": [0.95, 0.9]})),
        "trend_line": charts.trend_line(pl.DataFrame(
            {"period_label": ["T1/2026", "T2/2026"], "on_time_rate": [0.9, 0.97]}),
            value_column="on_time_rate", target=0.95),
        "shares_by_group": charts.shares_by_group(pl.DataFrame(
            {"group": ["Hộ tịch"], "category": ["Trực tuyến"], "dossiers": [3]}), title="Kênh nộp"),
        "elapsed_vs_statutory": charts.elapsed_vs_statutory(pl.DataFrame(
            {"procedure_name": ["Chứng thực"], "mean_elapsed_working_days": [0.5],
             "statutory_days": [1], "dossiers": [4]})),
        "unit_ranking": charts.unit_ranking(pl.DataFrame(
            {"unit_name": ["UBND xã Hòa An", "UBND xã Kiên Đài"], "on_time_rate": [0.9, 0.8]}),
            value_column="on_time_rate", target=0.95),
    }


@pytest.mark.parametrize("name", list(_all_charts()))
def test_config_has_vietnamese_number_locale(name):
    spec = _all_charts()[name].to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."


@pytest.mark.parametrize("name", list(_all_charts()))
def test_colour_blind_safe_palette(name):
    spec = _all_charts()[name].to_dict()
    assert spec["config"]["range"]["category"] == list(charts.OKABE_ITO)


@pytest.mark.parametrize("name", list(_all_charts()))
def test_has_a_vietnamese_title_and_tooltips(name):
    spec = _all_charts()[name].to_dict()
    title = spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]
    assert title and any(ch in title for ch in "ảạấầẩẫậắằẳẵặẻẽẹếềểễệỉịỏọốồổỗộớờởỡợủụứừửữựỳỷỹỵđáàãâăéèêíìóòõôơúùưý")
    layers = spec.get("layer", [spec])
    assert all("tooltip" in layer.get("encoding", {}) for layer in layers if "encoding" in layer)


def test_register_theme_makes_it_the_active_altair_theme():
    import altair as alt

    before = alt.theme.active
    try:
        charts.register_theme()
        assert alt.theme.active == "hoaan"
    finally:
        alt.theme.enable(before)
