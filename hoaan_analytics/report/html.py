"""Executed notebook -> one self-contained HTML file that renders with no network.

nbconvert's `lab` template, extended by templates/hoaan_report.html.j2 (CDN
scripts removed), with the code cells hidden (`exclude_input`; `--report-mode`
does not hide them in HTML). Each chart output (report.display) becomes a div and
a `vegaEmbed` call; the Vega bundle of vl-convert is inlined once per page, wrapped
so that it declares nothing global but `vega`, `vegaLite` and `vegaEmbed`.
"""

from __future__ import annotations

import json
import os
import threading
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from hoaan_analytics.labels_vi import CHART_FAILED, CHART_NO_VEGA
from hoaan_analytics.report.display import VEGALITE_MIME

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_FILE = "hoaan_report.html.j2"
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}


@cache
def vega_bundle_script() -> str:
    """vl-convert's Vega + Vega-Lite + vega-embed bundle, safe to inline in a <script>.

    The bundle declares top-level consts; wrapped in a function it cannot clash
    with another copy or with the page, and the guard makes a second copy a no-op.
    """
    import vl_convert

    bundle = vl_convert.javascript_bundle()
    bundle = bundle.replace("</script", "<\\/script")
    return "if (!window.vegaEmbed) { (function () {\n" + bundle + "\n})(); }"


def _json_for_script(value: Any) -> str:
    # `<` escaped so that no "</script>" or "<!--" inside data can end the block.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def chart_html(spec: dict[str, Any], element_id: str) -> str:
    """The HTML of one chart: a container, its spec as JSON, and the vegaEmbed call."""
    no_vega = json.dumps(CHART_FAILED + CHART_NO_VEGA, ensure_ascii=False)
    return (
        f'<div class="hoaan-chart" id="{element_id}"></div>\n'
        f'<script type="application/json" id="{element_id}-spec">{_json_for_script(spec)}</script>\n'
        "<script>(function () {\n"
        f'  var el = document.getElementById("{element_id}");\n'
        f'  var spec = JSON.parse(document.getElementById("{element_id}-spec").textContent);\n'
        f"  if (!window.vegaEmbed) {{ el.textContent = {no_vega}; return; }}\n"
        f"  vegaEmbed(el, spec, {json.dumps(EMBED_OPTIONS)}).catch(function (err) {{\n"
        f"    el.textContent = {json.dumps(CHART_FAILED, ensure_ascii=False)} + err; }});\n"
        "})();</script>"
    )


class ReportOutputsPreprocessor(Preprocessor):
    """Prepares outputs for the report page.

    - chart outputs get a `text/html` rendering (vegaEmbed), which nbconvert
      prefers; the page is marked as needing the Vega bundle;
    - stderr streams (library warnings) are left out: they are for the analyst,
      who finds them in the executed .ipynb kept next to the HTML.
    """

    def preprocess(self, nb, resources):  # noqa: ANN001 (nbconvert protocol)
        chart_count = 0
        for cell_index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            kept = []
            for output_index, output in enumerate(cell.get("outputs", [])):
                if output.get("output_type") == "stream" and output.get("name") == "stderr":
                    continue
                data = output.get("data", {})
                if VEGALITE_MIME in data:
                    spec = dict(data[VEGALITE_MIME])
                    schema = output.get("metadata", {}).get(VEGALITE_MIME, {}).get("hoaan_schema")
                    if schema:
                        spec["$schema"] = schema
                    data["text/html"] = chart_html(spec, f"hoaan-chart-{cell_index}-{output_index}")
                    chart_count += 1
                kept.append(output)
            cell.outputs = kept
        resources["hoaan_chart_count"] = chart_count
        resources["hoaan_vega_bundle"] = vega_bundle_script() if chart_count else ""
        return nb, resources


_EXPORTERS = threading.local()


def _thread_exporter() -> HTMLExporter:
    # Building an exporter compiles its templates again (~0.1 s a page); one per
    # batch thread is reused, since an exporter is not known to be thread-safe.
    exporter = getattr(_EXPORTERS, "exporter", None)
    if exporter is None:
        exporter = _EXPORTERS.exporter = make_exporter()
    return exporter


def make_exporter() -> HTMLExporter:
    """The HTML exporter of the reports: lab look, code hidden, nothing from the network."""
    exporter = HTMLExporter(
        template_name="lab",
        extra_template_paths=[str(TEMPLATES_DIR)],
        template_file=TEMPLATE_FILE,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        language_code="vi",
    )
    exporter.register_preprocessor(ReportOutputsPreprocessor(), enabled=True)
    return exporter


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The report's title: notebook metadata `title`, else its first '# ' heading, else `fallback`."""
    title = nb.metadata.get("title")
    if title:
        return str(title)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def export_html(notebook: str | os.PathLike[str] | nbformat.NotebookNode,
                html_path: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write the executed `notebook` (a path or a node) as a self-contained report page.

    `title` sets the page title (else the notebook's, see notebook_title). Returns
    the path written. The input notebook is not modified.
    """
    html_path = Path(html_path)
    if isinstance(notebook, nbformat.NotebookNode):
        nb = nbformat.from_dict(json.loads(json.dumps(notebook)))  # deep copy
        fallback = html_path.stem
    else:
        nb = nbformat.read(Path(notebook), as_version=4)
        fallback = Path(notebook).stem
    nb.metadata["title"] = title or notebook_title(nb, fallback)
    body, _resources = _thread_exporter().from_notebook_node(nb, resources={"metadata": {"name": fallback}})
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(body, encoding="utf-8")
    return html_path


class _ResourceLinks(HTMLParser):
    """Collects src/href of the elements that load something: scripts, styles, images, frames."""

    LOADING_TAGS = {"script", "link", "img", "iframe", "source", "embed", "object", "style", "audio", "video"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001 (HTMLParser protocol)
        if tag in self.LOADING_TAGS:
            self.urls.extend(v for k, v in attrs if k in {"src", "href", "data"} and v)


def external_urls(page: str) -> list[str]:
    """The http(s) or protocol-relative URLs a page would load (scripts, styles, images, frames).

    Script bodies are not parsed as HTML (the Vega bundle names URLs in its code
    that it never loads on its own); links a reader may click (<a href>) are not loads.
    """
    parser = _ResourceLinks()
    parser.feed(page)
    parser.close()
    return [u for u in parser.urls if u.strip().lower().startswith(("http://", "https://", "//"))]
