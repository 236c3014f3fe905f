"""`hoaan audit` on reports: values hidden by HTML entities or JSON escapes are found; numbers that only look
alike (decimals, hashes, pixels) are not; rendered reports of the sample are clean."""

import json
from pathlib import Path

import pytest
from helpers import FIXTURE_NOTEBOOKS, SAMPLE_CSV, SAMPLE_XLSX

from hoaan_analytics.audit import audit, scan_html, scan_notebook, scan_reports

VALUES = {"name": {"Trần Ngọc Quỳnh"}, "phone": {"0983989902"}, "id_number": {"067029275420"}}


def test_html_entities_and_json_escapes_are_decoded(tmp_path):
    page = tmp_path / "r.html"
    page.write_text('<p>Tr&#7847;n Ng&#7885;c Qu&#7923;nh</p>\n<script>var spec = {"t": "Tr\\u1ea7n Ng\\u1ecdc '
                    'Qu\\u1ef3nh"};</script>', encoding="utf-8")
    findings = scan_html(page, VALUES)
    assert [(f.kind, f.occurrences, f.place.endswith("line 1")) for f in findings] == [("name", 2, True)]


def test_numbers_that_only_look_alike_are_not_findings(tmp_path):
    page = tmp_path / "numbers.html"
    page.write_text("rate 0.123456789, .448084975506 and 1,123456789; sha 0123456789abcdef012345678901ab; "
                    "id H56.10-260714-00000; count 123456789012345; portal unit "
                    "019d2be3-6ab5-7783-98ad-168923456767", encoding="utf-8")
    assert scan_html(page, {}) == []


def test_a_uuid_hides_only_itself(tmp_path):
    page = tmp_path / "uuid.html"
    # a departmentId (METRICS.md §10) whose last group is 12 digits, then a CCCD-shaped number after it
    page.write_text("019d2be3-6ab5-7783-98ad-168923456767 CCCD 001234567890", encoding="utf-8")
    assert [(f.kind, f.masked) for f in scan_html(page, {})] == [("id_number_shape", "00********90")]


def test_shapes_without_known_values(tmp_path):
    page = tmp_path / "shapes.html"
    page.write_text("Gọi 0912345678 hoặc +84987654321; CCCD: 001234567890.\nCMND 012345678", encoding="utf-8")
    kinds = sorted((f.kind, f.masked) for f in scan_html(page, {}))
    assert kinds == [("id_number_shape", "00********90"), ("id_number_shape", "01*****78"),
                     ("phone_shape", "+8********21"), ("phone_shape", "09******78")]


def test_notebook_outputs_and_metadata_are_searched_images_are_not(tmp_path):
    notebook = {"cells": [
        {"cell_type": "code", "source": ["unit = 'x'\n"], "metadata": {}, "outputs": [], "execution_count": 1},
        {"cell_type": "code", "source": [], "metadata": {}, "execution_count": 2, "outputs": [
            {"output_type": "display_data", "metadata": {},
             "data": {"text/plain": ["Trần Ngọc ", "Quỳnh\n"], "image/png": "iVBOR0983989902w0983989902=="}}]}],
        "metadata": {"papermill": {"parameters": {"unit": "0983989902"}}}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "run.ipynb"
    path.write_text(json.dumps(notebook, ensure_ascii=True), encoding="utf-8")
    found = sorted((f.kind, f.place.split(" at ")[1]) for f in scan_notebook(path, VALUES))
    assert found == [("name", "/cells/1/outputs/0/data/text/plain"),
                     ("phone", "/metadata/papermill/parameters/unit"),
                     ("phone_shape", "/metadata/papermill/parameters/unit")]


def test_reports_folder_lists_what_it_searched(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text("<p>ok</p>", encoding="utf-8")
    (tmp_path / "a" / "x.ipynb").write_text('{"cells": []}', encoding="utf-8")
    (tmp_path / "a" / "notes.txt").write_text("0912345678", encoding="utf-8")  # not a report
    findings, scanned = scan_reports(tmp_path, VALUES)
    assert findings == [] and sorted(Path(p).name for p in scanned) == ["x.html", "x.ipynb"]


@pytest.mark.slow
def test_rendered_reports_of_the_sample_are_clean(tmp_path, params_dir, samples_dir, load_samples):
    from hoaan_analytics.report import batch

    exports = [samples_dir / SAMPLE_CSV, samples_dir / SAMPLE_XLSX]
    path = load_samples(SAMPLE_CSV, SAMPLE_XLSX).db_path
    notebook = FIXTURE_NOTEBOOKS / "overview.ipynb"
    result = batch.render_reports(db_path=path, period="2026-Q1", units=[None, "UBND xã Hòa An"],
                                  notebooks=[notebook], out_dir=tmp_path / "reports", workers=2, progress=False)
    assert all(r.ok for r in result.results)
    outcome = audit(db_path=path, reports_dir=tmp_path / "reports", exports=exports, params_dir=params_dir)
    assert len([p for p in outcome.scanned if p.endswith((".html", ".ipynb"))]) >= 4  # 2 reports + index
    assert outcome.findings == []
