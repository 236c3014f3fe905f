"""Shared fixtures: in-memory DuckDB with the stored tables, hand-written dossiers, the samples.

The samples live in tests/data/ (copies of ../shared/samples, checked by
test_samples_copy.py), so a clone alone runs every test.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from hoaan_analytics import catalogue, db, index766, models, schema

REPO = Path(__file__).resolve().parent.parent
PARAMS = REPO / "params"
SAMPLES = Path(__file__).resolve().parent / "data"

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


@pytest.fixture
def con():
    """An in-memory database with the stored tables and nothing in them."""
    connection = db.connect(None)
    schema.ensure_schema(connection)
    yield connection
    connection.close()


@pytest.fixture
def params_dir() -> Path:
    return PARAMS


@pytest.fixture
def samples_dir() -> Path:
    """tests/data: the sample exports and their expected numbers."""
    return SAMPLES


def build_database(con: db.Connection, params_dir: Path, rows: list[dict[str, Any]]) -> None:
    """Store `rows`, the catalogue and the 766 rules, then build what the period macros read (as an ingest ends)."""
    schema.ensure_schema(con)
    catalogue.load_catalogue(con, params_dir)
    index766.store_rules(con, params_dir)
    if rows:
        insert_dossiers(con, rows)
    models.refresh(con, params_dir)


@pytest.fixture
def one_unit_db(tmp_path, params_dir) -> Path:
    """A database file holding one dossier of one unit, resolved on its due day in March 2026."""
    path = tmp_path / "one.duckdb"
    con = db.connect(path)
    build_database(con, params_dir, [{"received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30",
                                      "finished_at": "2026-03-02 10:00"}])
    con.close()
    return path
