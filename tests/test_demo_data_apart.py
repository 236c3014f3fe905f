"""`hoaan demo` keeps to data/demo/; notebooks fall back to the demo database and say so.

A commune's real exports (data/raw/) and database (data/processed/) must never
be mixed with synthetic dossiers: the demo writes its exports to data/demo/raw/
and its database to data/demo/hoaan.duckdb, and a report read from the demo
database says "dữ liệu mẫu" in its header.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import PARAMS

from hoaan_analytics import demo, paths, pipeline
from hoaan_analytics.cli import build_parser
from hoaan_analytics.sections import context


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_the_demo_command_defaults_to_the_demo_folder():
    args = build_parser("demo").parse_args(["demo"])
    assert Path(args.raw) == paths.DEMO_RAW == Path("data/demo/raw")
    assert Path(args.db) == paths.DEMO_DB == Path("data/demo/hoaan.duckdb")


@pytest.mark.slow
def test_the_main_job_leaves_data_raw_and_processed_alone(tmp_path, monkeypatch):
    for kept in ("raw", "processed"):
        (tmp_path / "data" / kept).mkdir(parents=True)
        (tmp_path / "data" / kept / ".gitkeep").touch()
    before = _tree(tmp_path / "data")
    rendered = {}

    def render_reports(**kwargs):  # the batch itself is tested in test_pipeline_main_job.py
        rendered.update(kwargs)
        raise SystemExit("stop after the database is built")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline.batch, "render_reports", render_reports)
    with pytest.raises(SystemExit):
        pipeline.run_main_job(notebook_dir=paths.PROJECT_ROOT / "notebooks", progress=False)
    assert (tmp_path / "data" / "demo" / "hoaan.duckdb").is_file()
    written = sorted(p.name for p in (tmp_path / "data" / "demo" / "raw").iterdir())
    assert written == sorted([*(spec.file_name for spec in demo.demo_specs()),   # 2 XLSX, 1 CSV, 1 payload
                              demo.DEMO_PORTAL_FOLDER])                           # and the portal's pages
    portal = sorted(p.name for p in (tmp_path / "data" / "demo" / "raw" / demo.DEMO_PORTAL_FOLDER).iterdir())
    assert portal == sorted(f"dichvucong_766_{name}.har" for name in demo.DEMO_PORTAL_PERIODS)
    assert Path(rendered["db_path"]) == (tmp_path / "data" / "demo" / "hoaan.duckdb").resolve()
    after = [p for p in _tree(tmp_path / "data") if not p.startswith("demo")]
    assert after == before == ["processed", "processed/.gitkeep", "raw", "raw/.gitkeep"]


def test_default_db_is_the_real_one_when_it_exists_else_the_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path / "elsewhere")
    assert paths.default_db() == tmp_path / "elsewhere" / paths.DEFAULT_DB     # neither: the error names the real one
    (tmp_path / "data" / "demo").mkdir(parents=True)
    (tmp_path / paths.DEMO_DB).touch()
    assert paths.default_db() == tmp_path / paths.DEMO_DB
    (tmp_path / "data" / "processed").mkdir()
    (tmp_path / paths.DEFAULT_DB).touch()
    assert paths.default_db() == tmp_path / paths.DEFAULT_DB


def test_a_report_on_the_demo_database_says_it_is_sample_data(demo_db, tmp_path, monkeypatch):
    (tmp_path / "data" / "demo").mkdir(parents=True)
    shutil.copy(demo_db.db_path, tmp_path / paths.DEMO_DB)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path / "elsewhere")
    ctx = context.open_report(None, "2026-Q2", params_dir=PARAMS)   # None: the notebooks' default db_path
    try:
        assert ctx.db_path == tmp_path / paths.DEMO_DB
        assert "**Nguồn số liệu:** dữ liệu mẫu" in context.header(ctx).data
    finally:
        ctx.close()


def test_a_report_on_another_database_does_not(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q2")
    try:
        assert "dữ liệu mẫu" not in context.header(ctx).data
    finally:
        ctx.close()
