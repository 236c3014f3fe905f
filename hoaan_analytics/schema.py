"""The stored tables (DDL under sql/schema/) and the shared scalar macros, created if missing."""

from __future__ import annotations

from hoaan_analytics import db

TABLES = ("dossiers", "load_log", "set_aside", "procedures", "index766_rules", "portal766_published",
          "portal766_answers", "portal766_pages", "portal766_page_indicators", "portal_unit_aliases")
# Files of sql/schema/ of scalar macros every later query calls (the status sets, text_key): created
# with the tables because the parse, the staging views and the period macros need them before
# anything is loaded. The one that reads calendar_days comes with that table (calendar.py).
SCALAR_MACRO_FILES = ("status_sets", "text_key")


def ensure_scalar_macros(con: db.Connection) -> None:
    """(Re)create the shared scalar macros; they define nothing stored, so any step may call them first."""
    for name in SCALAR_MACRO_FILES:
        db.run(con, db.sql_text("schema", name))


def ensure_schema(con: db.Connection) -> None:
    """Create the stored tables that do not exist yet (existing data is untouched) and the scalar macros."""
    for name in TABLES:
        db.run(con, db.sql_text("schema", name))
    ensure_scalar_macros(con)
