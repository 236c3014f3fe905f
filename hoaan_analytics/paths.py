"""Default locations, relative to the project folder the user works in."""

from __future__ import annotations

import os
from pathlib import Path

# The checkout this package was installed from (editable install), used as a
# fallback so that `hoaan` works from any folder on the embedded defaults.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DB = Path("data") / "processed" / "hoaan.duckdb"
DEFAULT_RAW = Path("data") / "raw"
DEFAULT_REPORTS = Path("reports")


def params_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The params folder: the one given, else $HOAAN_PARAMS, else ./params, else the project's."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("HOAAN_PARAMS")
    if env:
        return Path(env)
    local = Path("params")
    if local.is_dir():
        return local
    return PROJECT_ROOT / "params"


def sql_dir() -> Path:
    """Folder of the packaged SQL files (`sql/<layer>/<view>.sql`)."""
    return Path(__file__).resolve().parent / "sql"


def notebooks_dir() -> Path:
    """./notebooks when the current folder has one, else the project's."""
    local = Path("notebooks")
    return local if local.is_dir() else PROJECT_ROOT / "notebooks"
