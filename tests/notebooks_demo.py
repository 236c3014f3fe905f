"""The small fixture database of the notebook, section and analysis tests: the demo exports, ingested once.

`demo_db` is a session-scoped fixture; a test module imports it by name
(`from tests.notebooks_demo import demo_db`) so that every module shares one build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from hoaan_analytics import db, demo
from hoaan_analytics.ingest import ingest_files

PARAMS = Path(__file__).resolve().parent.parent / "params"


@dataclass(frozen=True)
class DemoDatabase:
    """The database file and the export files it was loaded from."""

    db_path: Path
    raw_files: list[Path]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> DemoDatabase:
    folder = tmp_path_factory.mktemp("demo")
    files = demo.ensure_demo_exports(folder / "raw")
    db_path = folder / "hoaan.duckdb"
    con = db.connect(db_path)
    try:
        ingest_files(con, files, params_dir=PARAMS)
    finally:
        con.close()
    return DemoDatabase(db_path, list(files))
