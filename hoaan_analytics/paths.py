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
# `hoaan demo` keeps its synthetic exports and database apart, so that a
# commune's real exports in data/raw/ and its database are never mixed with them.
DEMO_RAW = Path("data") / "demo" / "raw"
DEMO_DB = Path("data") / "demo" / "hoaan.duckdb"


def default_db() -> Path:
    """The database a notebook reads when none is named.

    data/processed/hoaan.duckdb (the commune's own) when it exists, else the
    demo's data/demo/hoaan.duckdb; each is looked for under the current folder,
    then under the project's (JupyterLab runs a notebook inside notebooks/).
    With neither, the real database's path, so that the error names it.
    """
    roots = (Path.cwd(), PROJECT_ROOT)
    for relative in (DEFAULT_DB, DEMO_DB):
        for root in roots:
            if (root / relative).is_file():
                return root / relative
    return PROJECT_ROOT / DEFAULT_DB


def is_demo_db(db_path: str | os.PathLike[str]) -> bool:
    """True when `db_path` is a demo database (…/data/demo/hoaan.duckdb), whose numbers are synthetic."""
    return Path(db_path).resolve().parts[-len(DEMO_DB.parts):] == DEMO_DB.parts


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


# The params files a database's stored tables are built from (models.py stamps their digests): the
# procedure catalogue, the calendar's overrides, the 766 scoring rules (built-in ones when absent).
PROCEDURES_FILE = "procedures.csv"
CALENDAR_FILE = "calendar.csv"
INDEX766_RULES_FILE = "index766.yaml"
DEFAULT_INDEX766_RULES = Path(__file__).resolve().parent / "default_params" / INDEX766_RULES_FILE


def index766_rules_path(params_dir: str | os.PathLike[str]) -> Path:
    """params_dir/index766.yaml when it exists, else the built-in rules."""
    path = Path(params_dir) / INDEX766_RULES_FILE
    return path if path.is_file() else DEFAULT_INDEX766_RULES


def sql_dir() -> Path:
    """Folder of the packaged SQL files (`sql/<layer>/<view>.sql`)."""
    return Path(__file__).resolve().parent / "sql"


def notebooks_dir() -> Path:
    """./notebooks when the current folder has one, else the project's."""
    local = Path("notebooks")
    return local if local.is_dir() else PROJECT_ROOT / "notebooks"
