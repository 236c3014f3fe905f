"""A second commune edits params/ and gets its own plan in its reports: nothing of Hòa An's is left in code.

The params folder is a copy of params/ with another plan in targets.yaml (Kế hoạch 15/KH-UBND of
phường Tân Phong); the database holds two wards with other names. Every section of every report
is run on it in this process (cheap), and the overview notebook is rendered once to HTML as a
commune would (slow). Neither may say "Hòa An" nor cite "02/KH"; the overview must cite the plan
the folder gives, or a neutral wording when the folder names no plan.
"""

from __future__ import annotations

import inspect
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import PARAMS, build_database

from hoaan_analytics import db
from hoaan_analytics.labels_vi import NO_PLAN_LABEL
from hoaan_analytics.sections import context, index766, online, ontime, overview, processing_time, quality, units
from hoaan_analytics.targets import Plan, load_plan

OTHER_PLAN = """plan:
  number: "15/KH-UBND"
  date: 2026-02-03
  issuer: "UBND phường Tân Phong"
"""
# What the overview must print for OTHER_PLAN: labels_vi's parts, in the plan's own terms.
OTHER_CITATION = "Kế hoạch số 15/KH-UBND ngày 03/02/2026 của UBND phường Tân Phong"
FORBIDDEN = ("Hòa An", "Hoa An", "02/KH")
WARDS = ("UBND phường Tân Phong", "UBND phường Đông Tiến")
MODULES = (overview, ontime, online, processing_time, units, quality, index766)


def _params(folder: Path, plan: str | None) -> Path:
    """A copy of params/ whose targets.yaml names `plan` (a YAML `plan:` entry), or no plan at all."""
    shutil.copytree(PARAMS, folder)
    targets = (folder / "targets.yaml").read_text(encoding="utf-8")
    # the seed plan's entry is a mapping of indented lines under `plan:`; the rest of the file stays
    targets = re.sub(r"^plan:\n(?:  .*\n)+", plan or "", targets, flags=re.M)
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    return folder


def _dossiers() -> list[dict]:
    """Six dossiers of Q1 2026, three per ward: resolved early, resolved late (online, paid online), still open."""
    rows = []
    for ward in WARDS:
        rows += [
            {"unit_name": ward, "received_at": "2026-01-05 08:00", "due_at": "2026-01-09 16:30",
             "finished_at": "2026-01-06 10:00", "returned_at": "2026-01-06 11:00", "rating": "Hài lòng"},
            {"unit_name": ward, "received_at": "2026-02-02 08:00", "due_at": "2026-02-04 16:30",
             "finished_at": "2026-02-10 10:00", "channel": 3, "fee_amount": 20000, "paid_online": 1,
             "payment_method": "Thanh toán trực tuyến"},
            {"unit_name": ward, "received_at": "2026-03-20 08:00", "due_at": "2026-04-20 16:30", "status": 4},
        ]
    return [{**row, "dossier_id": f"TP-{i:03d}"} for i, row in enumerate(rows, start=1)]


@pytest.fixture(scope="module")
def wards_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wards")
    params = _params(folder / "params", OTHER_PLAN)
    path = folder / "wards.duckdb"
    con = db.connect(path)
    try:
        build_database(con, params, _dossiers())
    finally:
        con.close()
    return path


def _text(result) -> str:
    """The words a reader sees in a section's output: Markdown, a table's HTML, a chart's spec."""
    if hasattr(result, "as_raw_html"):
        return result.as_raw_html()
    if hasattr(result, "to_json"):
        return result.to_json()
    return str(getattr(result, "data", result))


def _every_section(ctx: context.ReportContext) -> str:
    texts = [context.header(ctx).data]
    for module in MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            parameters = list(inspect.signature(function).parameters.values())
            if (function.__module__ != module.__name__ or name.startswith("_") or not parameters
                    or parameters[0].name != "ctx" or name == "form06_download"):
                continue
            texts.append(_text(function(ctx)))
    return "\n".join(texts)


def test_the_plan_comes_from_targets_yaml(tmp_path):
    assert load_plan(_params(tmp_path / "p", OTHER_PLAN)) == Plan(
        number="15/KH-UBND", issued_on=date(2026, 2, 3), issuer="UBND phường Tân Phong")
    assert overview.plan_citation(load_plan(tmp_path / "p")) == OTHER_CITATION
    assert load_plan(_params(tmp_path / "none", None)) is None


@pytest.mark.parametrize("unit", [None, WARDS[0]])
def test_no_report_of_another_commune_names_hoa_an(wards_db, tmp_path, unit):
    params = _params(tmp_path / "params", OTHER_PLAN)
    ctx = context.open_report(wards_db, "2026-Q1", unit=unit, params_dir=params)
    try:
        text = _every_section(ctx)
    finally:
        ctx.close()
    assert not [word for word in FORBIDDEN if word in text]
    assert OTHER_CITATION in text
    assert WARDS[0] in text


def test_a_params_folder_without_a_plan_still_renders(wards_db, tmp_path):
    params = _params(tmp_path / "params", None)
    ctx = context.open_report(wards_db, "2026-Q1", params_dir=params)
    try:
        note = overview.targets_table(ctx).as_raw_html()
    finally:
        ctx.close()
    assert f"Mục tiêu: {NO_PLAN_LABEL};" in note
    assert not [word for word in FORBIDDEN if word in note]


@pytest.mark.slow
def test_the_overview_notebook_of_another_commune(wards_db, tmp_path):
    from hoaan_analytics.report import batch

    params = _params(tmp_path / "params", OTHER_PLAN)
    notebook = PARAMS.parent / "notebooks" / "01_tong_quan.ipynb"
    job = batch.ReportJob(notebook=notebook, html_path=tmp_path / "01.html", unit_label=WARDS[0],
                          parameters={"db_path": str(wards_db), "period": "2026-Q1", "params_dir": str(params)})
    [result] = batch.run_batch([job], workers=1, progress=False)
    assert result.ok, result.error
    page = job.html_path.read_text(encoding="utf-8")
    assert not [word for word in FORBIDDEN if word in page]
    assert OTHER_CITATION in page
