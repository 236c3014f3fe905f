"""`hoaan kpis --json` loads only what it needs (no polars, no pyarrow); `hoaan --help` not even DuckDB.

Each check runs the command in a fresh interpreter, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

from hoaan_analytics import db
from hoaan_analytics.cli import main

HEAVY = ("duckdb", "polars", "pyarrow")


def _run_and_list_imports(argv: list[str]) -> tuple[list[str], list[str]]:
    """The command's stdout lines and which of HEAVY it imported, from a new Python process."""
    code = ("import sys; from hoaan_analytics.cli import main; main(sys.argv[1:]); "
            f"print('LOADED', *[m for m in {HEAVY!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    *lines, loaded = done.stdout.strip().splitlines()
    return lines, loaded.split()[1:]


def test_kpis_json_reads_rows_without_polars(one_unit_db):
    lines, loaded = _run_and_list_imports(["kpis", "--period", "2026-03", "--db", str(one_unit_db), "--json"])
    values = json.loads("\n".join(lines))
    # the one dossier: received 2/3 08:00, finished 2/3 10:00, due 2/3 16:30 -> resolved on time, 1 of 1
    assert (values["received"], values["resolved_on_time"], values["on_time_rate"]) == (1, 1, 1.0)
    assert loaded == ["duckdb"]


def test_help_loads_no_database_library():
    code = "import sys; from hoaan_analytics.cli import build_parser; build_parser(); print(*sorted(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert not set(HEAVY) & set(done.stdout.split())


def test_unbuilt_database_still_gets_the_plain_message(tmp_path, capsys):
    # kpis no longer checks the catalogue before its query (0.1 s); a failed query still explains itself
    empty = tmp_path / "empty.duckdb"
    db.connect(empty).close()
    assert main(["kpis", "--period", "2026-03", "--db", str(empty), "--json"]) == 2
    err = capsys.readouterr().err
    assert "never loaded" in err and "macro period_kpis" in err and "Traceback" not in err
