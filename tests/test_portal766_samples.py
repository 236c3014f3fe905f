"""The portal's real answers for August 2026 (tests/data/portal766, kept byte for byte): six saved pages or one HAR.

Every unit's page points, total and rank equal expected_scores.json; the saved pages and the HAR give the same
stored figures, in any order and loaded twice; nothing of the HAR's session reaches the database or an output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import PARAMS, build_database

from hoaan_analytics import db
from hoaan_analytics.cli import main
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import load_portal_files, scores, units_of

SAMPLES = Path(__file__).resolve().parent / "data" / "portal766"
AUGUST = parse_period("2026-08")
HAR = SAMPLES / "dichvucong_766_2026-08.har"
SAVED = sorted(SAMPLES.glob("*_2026-08.json"))
# One unit of ours, so that the matching and the comparison run too (its name as the portal writes it, otherwise)
DOSSIERS = [{"dossier_id": "Y1", "unit_name": "Xã Yên Phú", "received_at": "2026-08-03 08:00",
             "due_at": "2026-08-05 16:30", "finished_at": "2026-08-04 10:00"}]
FIGURES = """
    select page, period_start, period_end, is_root, department_id, department_name, level, position,
           indicator_id, code, is_mapped, numerator, denominator, points, max_points
    from portal766_page_figures order by all
"""


def loaded(con, files, period=AUGUST):
    build_database(con, PARAMS, DOSSIERS)
    return load_portal_files(con, files, period, PARAMS)


def expected_units() -> list[dict]:
    return json.loads((SAMPLES / "expected_scores.json").read_text(encoding="utf-8"))["units"]


def published(con) -> list[dict]:
    return [{key: unit[key] for key in expected_units()[0]} for unit in units_of(scores(con, AUGUST))]


@pytest.mark.parametrize("files", [SAVED, [HAR]], ids=["saved", "har"])
def test_every_unit_scores_and_ranks_as_published(con, files):
    summary = loaded(con, files, AUGUST if files is SAVED else None)
    assert sorted((a["page"], a["units"]) for a in summary.answers) == sorted(
        (page, 163) for page in expected_units()[0]["page_points"])
    assert (summary.unknown_pages, summary.unmapped_codes, summary.skipped) == ([], [], [])
    by_id = {unit["department_id"]: unit for unit in expected_units()}
    got = published(con)
    assert len(got) == len(by_id) == 163
    assert [unit for unit in got if unit != by_id[unit["department_id"]]] == []


def test_saved_pages_and_the_har_store_the_same_figures_in_any_order(con):
    loaded(con, SAVED)
    from_saved = db.query(con, FIGURES).rows()
    assert len(from_saved) > 163 * 6
    other = db.connect(None)
    try:
        loaded(other, [HAR], None)
        assert db.query(other, FIGURES).rows() == from_saved
        # the HAR again, then the saved pages, then the HAR: the same figures, one answer kept per page
        for files in ([HAR], SAVED, [HAR]):
            load_portal_files(other, files, AUGUST, PARAMS)
            assert db.query(other, FIGURES).rows() == from_saved
        assert db.scalar(other, "select count(*) from portal766_answers") == 6
        assert published(other) == published(con)
    finally:
        other.close()


def test_the_satisfaction_page_is_compared_as_5_4(con):
    loaded(con, [HAR], None)
    rows = db.query(con, """
        select indicator_id, portal_numerator, portal_denominator, portal_points, reading
        from portal766_comparison(DATE '2026-08-01', DATE '2026-08-31', 'Xã Yên Phú')
        where indicator_id in ('2.1', '3.5', '3.6', '5.4') order by indicator_id""").rows()
    # Yên Phú's counts on the pages (dvc-progress-tree, formality-online-payment-tree, handling-satisfaction);
    # ours: the one dossier above, so every denominator differs
    assert rows == [("2.1", 975, 994, 19.62, "portal_more_dossiers"), ("3.5", 7, 30, 0.58, "portal_more_dossiers"),
                    ("3.6", 908, 923, 5.9, "portal_more_dossiers"), ("5.4", 975, 994, 6.0, "portal_more_dossiers")]


def session_values() -> list[str]:
    """Every header and cookie value of the HAR, and the token entry's body and answer."""
    document = json.loads(HAR.read_text(encoding="utf-8"))
    values: set[str] = set()
    for entry in document["log"]["entries"]:
        for part in ("request", "response"):
            for item in entry[part].get("headers", []) + entry[part].get("cookies", []):
                values.add(item["value"])
        if "token" in entry["request"]["url"]:
            values.add(entry["request"]["postData"]["text"])
            values.add(entry["response"]["content"]["text"])
    generic = {"application/json", "application/json, text/plain, */*"}
    secrets = sorted(v for v in values if v not in generic)
    # and their parts: a cookie header holds several values
    parts = {p.split("=", 1)[-1].strip() for v in secrets for p in v.split(";")}
    return sorted(set(secrets) | {p for p in parts if len(p) >= 8} | {"never-store-this"})


def test_no_value_of_the_session_in_the_database_or_any_output(tmp_path, params_dir, capsys):
    database = tmp_path / "hoaan.duckdb"
    con = db.connect(database)
    try:
        build_database(con, params_dir, DOSSIERS)
    finally:
        con.close()
    outputs = []
    for extra in ([], ["--json"]):
        assert main(["portal766", str(HAR), "--db", str(database), "--params", str(params_dir), *extra]) == 0
        captured = capsys.readouterr()
        outputs.append((captured.out + captured.err).encode("utf-8"))
    assert b"UBND x\xc3\xa3 Y\xc3\xaan Ph\xc3\xba" in outputs[0]  # the output names the units
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("hoaan.duckdb*"))
    # the search sees what is stored: a unit's departmentId is there as text
    assert b"019d2be3-6ab5-7783-98ad-8f33a05e74c3" in stored
    for value in session_values():
        needle = value.encode("utf-8")
        assert needle not in stored, value
        assert all(needle not in output for output in outputs), value


def test_reports_07_and_08_show_the_published_score_and_no_value_of_the_session(tmp_path, params_dir):
    from hoaan_analytics.report import batch

    database = tmp_path / "hoaan.duckdb"
    con = db.connect(database)
    try:
        build_database(con, params_dir, DOSSIERS)
        load_portal_files(con, [HAR], None, params_dir)
    finally:
        con.close()
    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    jobs = [batch.ReportJob(notebook=notebooks / f"{stem}.ipynb", html_path=tmp_path / f"{stem}.html",
                            unit_label="Xã Yên Phú",
                            parameters={"db_path": str(database), "period": "2026-08", "unit": "Xã Yên Phú",
                                        "params_dir": str(params_dir)})
            for stem in ("07_chi_so_766", "08_viec_can_lam")]
    results = batch.run_batch(jobs, workers=1, progress=False)
    assert [r.error for r in results if not r.ok] == []
    pages = [job.html_path.read_bytes() for job in jobs]
    # Yên Phú, first of 148 communes with 67 of 100 (expected_scores.json)
    assert "Điểm Cổng công bố".encode() in pages[0]
    assert "67 / 100 điểm".encode() in pages[0] and "hạng 1/148".encode() in pages[0]
    for value in session_values():
        assert all(value.encode("utf-8") not in page for page in pages), value
