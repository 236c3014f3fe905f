"""Unit names from the data ('/', '..', quotes, very long) never escape the output folder, break a file name
or change a query: they are slugged for paths and bound as SQL values."""

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ingest_files import dossier, write_csv

from hoaan_analytics import kpis
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.filenames import inside, unique_slugs
from hoaan_analytics.form06 import write_form06
from hoaan_analytics.ingest import ingest_files
from hoaan_analytics.periods import parse_period
from hoaan_analytics.report.batch import plan_jobs

HOSTILE_UNITS = ["../../etc/passwd", "..", "UBND xã A/B", "C:\\Windows\\System32", "x' or '1'='1",
                 'Xã "Hòa" An', "CON", "nul.txt", "Ủy ban " + "rất dài " * 60, "tab\tname", "; drop table dossiers; --"]


@pytest.fixture
def hostile(con, params_dir, tmp_path):
    rows = [dossier(dossier_id=f"N-{i}", unit_name=name) for i, name in enumerate(HOSTILE_UNITS)]
    ingest_files(con, [write_csv(tmp_path / "names.csv", rows)], params_dir=params_dir)
    return con


def test_each_hostile_unit_is_one_unit_and_the_tables_are_intact(hostile):
    period = parse_period("2026-03")
    for name in HOSTILE_UNITS:
        values = kpis.compute_kpis(hostile, period, unit=name)
        # one dossier each, resolved the same day it was received: early or on time
        assert (values["received"], values["resolved"]) == (1, 1), name
    assert kpis.compute_kpis(hostile, period)["received"] == len(HOSTILE_UNITS)


def test_an_unknown_unit_with_quotes_is_an_error_not_sql(hostile):
    with pytest.raises(HoaanError, match="unknown unit"):
        kpis.compute_kpis(hostile, parse_period("2026-03"), unit="x' or 1=1 --")


def test_form06_of_a_hostile_unit_goes_where_it_is_told(hostile, tmp_path):
    out = write_form06(hostile, parse_period("2026-03"), tmp_path / "out" / "bieu06.xlsx", unit="../../etc/passwd")
    assert out == tmp_path / "out" / "bieu06.xlsx" and out.is_file()
    assert sorted(p.name for p in tmp_path.rglob("*.xlsx")) == ["bieu06.xlsx"]


def test_report_jobs_stay_inside_the_output_folder(tmp_path):
    notebook = Path(__file__).parent / "fixtures_notebooks" / "overview.ipynb"
    if not notebook.is_file():
        pytest.skip("fixture notebook missing")
    out = tmp_path / "reports"
    jobs = plan_jobs([notebook], db_path=tmp_path / "x.duckdb", period="2026-Q1", mode="calendar",
                     units=[None, *HOSTILE_UNITS], out_dir=out)
    folders = {job.html_path.parent for job in jobs}
    assert len(folders) == len(HOSTILE_UNITS) + 1  # one distinct folder per unit
    for job in jobs:
        assert job.html_path.resolve().is_relative_to(out.resolve())
        assert len(job.html_path.parent.name) <= 80
        job.html_path.parent.mkdir(parents=True, exist_ok=True)  # a legal name on this file system
        job.html_path.write_text("ok", encoding="utf-8")


@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=8, unique=True))
def test_any_names_give_distinct_creatable_folders(names):
    slugs = unique_slugs(names)
    assert len(set(slugs.values())) == len(names)
    for slug in slugs.values():
        assert slug and set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
        assert slug not in (".", "..") and len(slug) <= 80


def test_inside_refuses_a_symlink_escape(tmp_path):
    if os.name == "nt":
        pytest.skip("symlinks need privileges on Windows")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "link").symlink_to(tmp_path.parent)
    with pytest.raises(HoaanError, match="outside the output folder"):
        inside(tmp_path / "out", tmp_path / "out" / "link" / "x.html")
