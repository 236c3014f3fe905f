"""The exported page: code hidden, nothing loaded from the network, the Vega bundle once, charts embedded."""

import nbformat
import polars as pl
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from hoaan_analytics import charts
from hoaan_analytics.report import display, html

BUNDLE_MARK = "if (!window.vegaEmbed) { (function"


def _chart_output(chart):
    data, metadata = display.mimebundle(chart.to_dict())
    return new_output("display_data", data=data, metadata=metadata)


def _notebook(*outputs, code="secret_code_cell = 1"):
    cells = [new_markdown_cell("# Báo cáo thử"), new_code_cell(code, outputs=list(outputs))]
    return new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})


def _two_charts():
    ranking = charts.unit_ranking(pl.DataFrame({"unit_name": ["A", "B"], "value": [0.5, 0.9]}))
    bars = charts.kpi_bars(pl.DataFrame({"kpi": ["online_share"], "value": [0.4], "target": [0.9]}))
    return _chart_output(ranking), _chart_output(bars)


def test_page_has_no_external_script_or_style(tmp_path):
    page = html.export_html(_notebook(*_two_charts()), tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.external_urls(page) == []
    # the lab template's CDN scripts (require.js, MathJax, mermaid) all come from these hosts
    for cdn in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com"):
        assert cdn not in page


def test_bundle_inlined_once_and_each_chart_embedded(tmp_path):
    page = html.export_html(_notebook(*_two_charts()), tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count(BUNDLE_MARK) == 1
    assert page.count('class="hoaan-chart"') == 2
    assert page.count("vegaEmbed(el, spec") == 2


def test_page_without_charts_carries_no_bundle(tmp_path):
    text = new_output("stream", name="stdout", text="không có biểu đồ\n")
    page = html.export_html(_notebook(text), tmp_path / "r.html").read_text(encoding="utf-8")
    assert BUNDLE_MARK not in page
    assert "không có biểu đồ" in page


def test_code_and_stderr_are_hidden_but_kept_in_the_notebook(tmp_path):
    warning = new_output("stream", name="stderr", text="UserWarning: something internal\n")
    nb = _notebook(warning, code="hidden_variable_name = 42")
    page = html.export_html(nb, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "hidden_variable_name" not in page
    assert "something internal" not in page
    assert nb.cells[1].outputs[0]["text"].startswith("UserWarning")  # input node untouched


def test_spec_text_cannot_close_the_script_block(tmp_path):
    hostile = "</script><script>alert(1)</script>"
    chart = charts.unit_ranking(pl.DataFrame({"unit_name": [hostile], "value": [0.5]}))
    page = html.export_html(_notebook(_chart_output(chart)), tmp_path / "r.html").read_text(encoding="utf-8")
    assert hostile not in page
    assert "\\u003c/script>\\u003cscript>alert(1)" in page


def test_title_language_and_original_schema(tmp_path):
    page = html.export_html(_notebook(*_two_charts()), tmp_path / "r.html",
                            title="Tổng quan — UBND xã Hòa An").read_text(encoding="utf-8")
    assert "<title>Tổng quan — UBND xã Hòa An</title>" in page
    assert '<html lang="vi">' in page
    assert "vega-lite/v6" in page and "vega-lite/v5.json" not in page


def test_export_from_a_file_uses_the_first_heading_as_title(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(_notebook(*_two_charts()), path)
    page = html.export_html(path, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<title>Báo cáo thử</title>" in page
