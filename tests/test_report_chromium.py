"""A rendered report opened in headless Chromium with no network draws every chart (SVG inside each container)."""

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hoaan_analytics.report import batch

FIXTURES = Path(__file__).parent / "fixtures_notebooks"
pytestmark = pytest.mark.slow


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _no_network_prefix() -> list[str]:
    """`unshare -n` when this machine allows it (root on Linux), so the page gets no network at all."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


@pytest.fixture(scope="module")
def rendered_report(small_db, tmp_path_factory):
    if _chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    result = batch.render_reports(db_path=small_db, period="2026-Q1", notebooks=[FIXTURES / "overview.ipynb"],
                                  out_dir=tmp_path_factory.mktemp("reports"), progress=False)
    return result.results[0].job.html_path


class _ChartContainers(HTMLParser):
    """For each element whose class includes 'hoaan-chart': does an <svg> or <canvas> start inside it?"""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "col", "area", "base", "wbr", "embed", "path"}

    def __init__(self):
        super().__init__()
        self.drawn: dict[str, bool] = {}
        self._open: list[tuple[str, int]] = []  # (chart id, depth at which it opened)
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._open and tag in {"svg", "canvas"}:
            self.drawn[self._open[-1][0]] = True
        if tag in self.VOID:
            return
        self._depth += 1
        if "hoaan-chart" in (attrs.get("class") or "").split():
            self._open.append((attrs.get("id", "?"), self._depth))
            self.drawn.setdefault(attrs.get("id", "?"), False)

    def handle_startendtag(self, tag, attrs):
        if self._open and tag in {"svg", "canvas"}:
            self.drawn[self._open[-1][0]] = True

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self._open and self._open[-1][1] == self._depth:
            self._open.pop()
        self._depth -= 1


def test_charts_are_drawn_offline(rendered_report):
    command = [*_no_network_prefix(), _chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--virtual-time-budget=10000", "--dump-dom",
               rendered_report.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    parser = _ChartContainers()
    parser.feed(dom)
    assert len(parser.drawn) == 2, dom[:300]
    assert all(parser.drawn.values()), parser.drawn
