"""The stored tables (DDL under sql/schema/) and the status-set macros, created if missing."""

from __future__ import annotations

from hoaan_analytics import db

TABLES = ("dossiers", "load_log", "set_aside", "procedures", "index766_rules", "portal766_published")
# Scalar macros every later query calls (sql/schema/status_sets.sql): created with the tables
# because the staging views and the period macros need them before anything is loaded.
STATUS_SET_MACROS = ("is_never_received_status", "is_closing_status", "is_completed_status")


def ensure_status_sets(con: db.Connection) -> None:
    """(Re)create the status-set macros; they define nothing stored, so any step may call them first."""
    db.run(con, db.sql_text("schema", "status_sets"))


def ensure_schema(con: db.Connection) -> None:
    """Create the stored tables that do not exist yet (existing data is untouched) and the status macros."""
    for name in TABLES:
        db.run(con, db.sql_text("schema", name))
    ensure_status_sets(con)
