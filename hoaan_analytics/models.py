"""Derived tables and views built from the stored dossiers (calendar, dossier facts).

Placeholder: the KPI work replaces `refresh` with the real build.
"""

from __future__ import annotations

from pathlib import Path

from hoaan_analytics import db


def refresh(con: db.Connection, params_dir: Path) -> None:
    """(Re)build everything derived from the stored dossiers; called at the end of each ingest."""
    return None
