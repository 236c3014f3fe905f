"""How a chart is shown inside a notebook so that it works in every place a report lives.

One output format serves three readers:
- JupyterLab renders `application/vnd.vegalite.v5+json` with the Vega it ships
  (its vega5 extension), interactive and with no network;
- papermill and nbformat accept it: the key ends in `+json`, unlike Altair 6's own
  `application/vnd.vegalite.v6.json`, which fails notebook validation;
- the HTML export (report.html) turns each such output into a `vegaEmbed` call
  against the Vega bundle it inlines once per page.

The spec stored is Altair's own (Vega-Lite 6 syntax); only `$schema` is relabelled
v5 for JupyterLab, whose renderer accepts the charts this project draws. The
original schema is kept in the output metadata and restored by the HTML export.
"""

from __future__ import annotations

from typing import Any

import altair as alt

from hoaan_analytics.labels_vi import CHART_PLAIN_TEXT, CHART_WORD

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
LAB_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
RENDERER_NAME = "hoaan"


def chart_title(spec: dict[str, Any]) -> str:
    """The chart's title text, for the plain-text fallback."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return str(title) if title else CHART_WORD


def mimebundle(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (data, metadata) pair of one chart output, from a Vega-Lite spec dict."""
    lab_spec = dict(spec)
    original_schema = lab_spec.get("$schema", alt.SCHEMA_URL)
    lab_spec["$schema"] = LAB_SCHEMA
    data = {VEGALITE_MIME: lab_spec, "text/plain": CHART_PLAIN_TEXT.format(title=chart_title(spec))}
    metadata = {VEGALITE_MIME: {"embed_options": {"actions": False, "renderer": "svg"},
                                "hoaan_schema": original_schema}}
    return data, metadata


class ChartOutput:
    """A chart as a notebook output; IPython calls `_repr_mimebundle_`."""

    def __init__(self, chart: alt.TopLevelMixin):
        self.spec = chart.to_dict()

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 (IPython protocol)
        return mimebundle(self.spec)


def show(chart: alt.TopLevelMixin) -> None:
    """Display `chart` in the running notebook in the report format described above."""
    from IPython.display import display

    display(ChartOutput(chart))


def _renderer(spec: dict[str, Any], **_options: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return mimebundle(spec)


def enable() -> None:
    """Make Altair display every chart in the report format (a chart as a cell's last value).

    Call once at the top of a notebook; `show()` works with or without it.
    """
    alt.renderers.register(RENDERER_NAME, _renderer)
    alt.renderers.enable(RENDERER_NAME)
