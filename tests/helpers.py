"""What several test files share and is not a fixture: paths, hand-written dossiers, database builders.

Fixtures live in conftest.py; test files import these names with `from helpers import ...`
(pytest puts tests/ on sys.path, as for the other helper modules beside this one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hoaan_analytics import catalogue, db, index766, models, schema

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
PARAMS = REPO / "params"
NOTEBOOKS = REPO / "notebooks"
SAMPLES = TESTS / "data"
FIXTURE_NOTEBOOKS = TESTS / "fixtures_notebooks"

# The three shared samples: the same export as DVCQG CSV, Vietnamese-labelled XLSX and national payload.
SAMPLE_CSV = "dossiers_dvcqg_2026-11-20.csv"
SAMPLE_XLSX = "dossiers_vi_2026-11-20.xlsx"
SAMPLE_PAYLOAD = "dossiers_payload_2026-11-20.json"
SAMPLE_FILES = (SAMPLE_CSV, SAMPLE_XLSX, SAMPLE_PAYLOAD)

# A dossier as the loader stores it; tests override only what they are about.
DOSSIER_DEFAULTS: dict[str, Any] = {
    "procedure_code": "2.000815",
    "procedure_name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    "field_code": None,
    "field_name": "Chứng thực",
    "unit_name": "UBND xã Hòa An",
    "channel": 1,
    "status": 10,
    "received_at": None,
    "due_at": None,
    "finished_at": None,
    "returned_at": None,
    "supplement_requested_at": None,
    "supplement_completed_at": None,
    "supplement_count": None,
    "fee_amount": None,
    "payment_method": None,
    "paid_online": None,
    "rating": None,
    "load_id": 1,
    "source_row": 1,
}


def ts(text: str | None) -> datetime | None:
    """'2026-03-02 08:00' -> datetime; None stays None."""
    if text is None:
        return None
    return datetime.fromisoformat(text)


def insert_dossiers(con: db.Connection, rows: list[dict[str, Any]]) -> None:
    """Insert hand-written dossiers; `*_at` values may be ISO strings."""
    import polars as pl

    full = []
    for i, row in enumerate(rows, start=1):
        merged = {**DOSSIER_DEFAULTS, "source_row": i, **row}
        merged.setdefault("dossier_id", f"T-{i:05d}")
        for key, value in merged.items():
            if key.endswith("_at") and isinstance(value, str):
                merged[key] = ts(value)
        full.append(merged)
    frame = pl.DataFrame(full, infer_schema_length=None)
    con.register("_new_dossiers", frame)
    columns = ", ".join(frame.columns)
    db.run(con, f"insert into dossiers ({columns}) select {columns} from _new_dossiers")
    con.unregister("_new_dossiers")


def build_database(con: db.Connection, params_dir: Path, rows: list[dict[str, Any]]) -> None:
    """Store `rows`, the catalogue and the 766 rules, then build what the period macros read (as an ingest ends)."""
    schema.ensure_schema(con)
    catalogue.load_catalogue(con, params_dir)
    index766.store_rules(con, params_dir)
    if rows:
        insert_dossiers(con, rows)
    models.refresh(con, params_dir)


def database_file(path: Path, rows: list[dict[str, Any]], params_dir: Path = PARAMS) -> Path:
    """build_database in a database file at `path`, closed again: what CLI and report tests open."""
    con = db.connect(path)
    try:
        build_database(con, params_dir, rows)
    finally:
        con.close()
    return path


# Three dossiers of January 2026, all status 10 (so all count), for the report batch tests:
#   all units:         3 dossiers, 2 online (rows 1, 3) -> "3 hồ sơ", online 2/3 = "66,7%"
#   UBND xã Hòa An:    rows 1, 3 -> "2 hồ sơ", online 2/2 = "100,0%"
#   Công an xã Hòa An: row 2     -> "1 hồ sơ", online 0/1 = "0,0%"
SMALL_DB_ROWS: list[dict[str, Any]] = [
    {"received_at": "2026-01-05 08:00", "finished_at": "2026-01-05 10:00", "channel": 2, "field_name": "Hộ tịch"},
    {"received_at": "2026-01-06 08:00", "finished_at": "2026-01-06 10:00", "unit_name": "Công an xã Hòa An"},
    {"received_at": "2026-01-07 08:00", "finished_at": "2026-01-07 10:00", "channel": 2},
]


def make_small_db(path: Path) -> Path:
    """A database file holding SMALL_DB_ROWS and the derived models (as every ingest leaves it)."""
    con = db.connect(path)
    schema.ensure_schema(con)
    insert_dossiers(con, SMALL_DB_ROWS)
    models.refresh(con, PARAMS)
    con.close()
    return path


@dataclass(frozen=True)
class LoadedSamples:
    """A database file holding some samples ingested in one call, and what that ingest returned."""

    db_path: Path
    summary: Any


def open_read_only(path: Path) -> db.Connection:
    """A read-only connection: what tests of a shared database file use, so that none changes it."""
    return db.connect(path, read_only=True)


# The renders of the report notebooks on the demo database (conftest's rendered_reports):
# variant -> the parameters given besides db_path; every notebook is rendered in each.
REPORT_UNIT = "UBND xã Kim Bình"
REPORT_VARIANTS: dict[str, dict[str, Any]] = {
    # only db_path: period None = the latest complete quarter of the data (2026-Q3), all units
    "defaults": {"period": None},
    "unit": {"period": "2026-Q2", "mode": "calendar", "unit": REPORT_UNIT},
    "cutoff": {"period": "2026-Q2", "mode": "cutoff"},
}
# and report 07 alone on a period before the demo data starts, with the params folder given
EMPTY_REPORT = ("empty", "07_chi_so_766", {"period": "2024-Q1", "unit": None, "params_dir": str(PARAMS)})


@dataclass(frozen=True)
class RenderedReports:
    """Where the renders are (out/<variant>/<notebook stem>.html and .ipynb) and what they hold."""

    out: Path
    pages: dict[str, dict[str, tuple[str, Any]]]  # variant -> notebook stem -> (html text, executed notebook)


@dataclass(frozen=True)
class DemoDatabase:
    """The demo database file and the export files it was loaded from."""

    db_path: Path
    raw_files: list[Path]


def ingest_into(db_path: Path, files: list[Path], params_dir: Path = PARAMS) -> Any:
    """Ingest `files` into the database file at `db_path` (created if new) and close it; the ingest's summary."""
    from hoaan_analytics.ingest import ingest_files

    con = db.connect(db_path)
    try:
        return ingest_files(con, files, params_dir=params_dir)
    finally:
        con.close()


def build_demo_database(folder: Path) -> DemoDatabase:
    """Write the demo exports into folder/raw, ingest them into folder/hoaan.duckdb, load the portal's pages.

    As `hoaan demo` does: the demo's HARs of the portal's 766 page go to folder/raw/portal766/.
    """
    from hoaan_analytics import demo

    files = demo.ensure_demo_exports(folder / "raw")
    ingest_into(folder / "hoaan.duckdb", files)
    con = db.connect(folder / "hoaan.duckdb")
    try:
        demo.load_demo_portal(con, folder / "raw", PARAMS, db_path=folder / "hoaan.duckdb")
    finally:
        con.close()
    return DemoDatabase(folder / "hoaan.duckdb", list(files))
