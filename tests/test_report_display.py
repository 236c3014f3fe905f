"""A chart output survives papermill: it is valid nbformat, and Altair's own v6 output is not."""

import altair as alt
import nbformat
import polars as pl
from nbformat.v4 import new_code_cell, new_notebook, new_output

from hoaan_analytics import charts
from hoaan_analytics.report import display


def _chart():
    return charts.kpi_bars(pl.DataFrame({"kpi": ["on_time_rate"], "value": [0.9], "target": [0.95]}))


def _notebook_with(data, metadata=None):
    output = new_output("display_data", data=data, metadata=metadata or {})
    return new_notebook(cells=[new_code_cell("x", outputs=[output])])


def test_chart_output_is_valid_nbformat():
    data, metadata = display.ChartOutput(_chart())._repr_mimebundle_()
    nbformat.validate(_notebook_with(data, metadata))  # raises when invalid
    assert set(data) == {display.VEGALITE_MIME, "text/plain"}


def test_lab_spec_is_labelled_v5_and_original_schema_is_kept():
    chart = _chart()
    data, metadata = display.mimebundle(chart.to_dict())
    assert data[display.VEGALITE_MIME]["$schema"].endswith("/v5.json")
    assert metadata[display.VEGALITE_MIME]["hoaan_schema"] == chart.to_dict()["$schema"]
    assert data["text/plain"] == "<Biểu đồ: Kết quả so với mục tiêu>"


def test_altairs_own_v6_mimetype_would_not_survive_validation():
    # Why display.py exists: a dict under a key without "+json" fails nbformat's schema.
    import pytest

    with pytest.raises(nbformat.ValidationError):
        nbformat.validate(_notebook_with({"application/vnd.vegalite.v6.json": _chart().to_dict()}))


def test_enable_makes_altair_use_the_report_renderer():
    before = alt.renderers.active
    try:
        display.enable()
        assert alt.renderers.active == display.RENDERER_NAME
        bundle = alt.renderers.get()(_chart().to_dict())
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        assert display.VEGALITE_MIME in data
    finally:
        alt.renderers.enable(before)


def test_lab_specs_compile_with_jupyterlabs_older_vega_lite():
    # JupyterLab 4.6's vega5 extension ships Vega-Lite 5.6; 5.8 is the oldest vl-convert offers.
    import vl_convert

    frames = {
        "trend": charts.trend_line(pl.DataFrame({"period_label": ["T1", "T2"], "value": [0.5, 0.6]}), target=0.9),
        "shares": charts.shares_by_group(pl.DataFrame({"group": ["a"], "category": ["b"], "dossiers": [1]}),
                                         title="Kênh nộp"),
        "elapsed": charts.elapsed_vs_statutory(pl.DataFrame({"procedure_name": ["a"], "dossiers": [1],
                                                             "mean_elapsed_working_days": [1.0],
                                                             "statutory_days": [2]})),
        "ranking": charts.unit_ranking(pl.DataFrame({"unit_name": ["a", "b"], "value": [0.5, 0.7]}), target=0.9),
        "kpi": _chart(),
    }
    for name, chart in frames.items():
        data, _ = display.mimebundle(chart.to_dict())
        svg = vl_convert.vegalite_to_svg(data[display.VEGALITE_MIME], vl_version="5.8")
        assert "<svg" in svg, name
