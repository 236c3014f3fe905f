"""The stored tables (DDL under sql/schema/), created if missing."""

from __future__ import annotations

from hoaan_analytics import db

TABLES = ("dossiers", "load_log", "set_aside", "procedures")


def ensure_schema(con: db.Connection) -> None:
    """Create the stored tables that do not exist yet; existing data is untouched."""
    for name in TABLES:
        db.run(con, db.sql_text("schema", name))
