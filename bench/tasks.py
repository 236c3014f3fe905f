"""The child side of the benchmark: each task runs in its own process and prints one JSON line.

    python -m bench.tasks floor CSV DB             DuckDB copies the file as text into a database file
    python -m bench.tasks floor-json JSON DB       DuckDB reads a payload file into a table, with its own types
    python -m bench.tasks floor-xlsx XLSX DB       fastexcel reads every cell of the sheet as text, DuckDB stores it
    python -m bench.tasks pandas CSV CATALOGUE D0 D1   the analyst's pandas version, read and compute timed apart
    python -m bench.tasks kpis DB PERIOD REPEAT    compute_kpis / kpi_table(by unit) inside one running process

And the yardstick of the quick commands (`hoaan kpis --json`, ...): `bare_connect_count`, a
Python that only imports DuckDB, opens the database read-only and counts its dossiers,
measured against a whole command by `against_bare_connect`.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

# What any command reading the database must do at least: start Python, import DuckDB, open, ask.
BARE_CONNECT_COUNT = ("import sys, duckdb; con = duckdb.connect(sys.argv[1], read_only=True); "
                      "con.sql('select count(*) from dossiers').fetchall()")


def bare_connect_count(db_path: str | Path) -> list[str]:
    """The command line of the bare connect-and-count on `db_path`, with this Python."""
    return [sys.executable, "-c", BARE_CONNECT_COUNT, str(db_path)]


def against_bare_connect(command: Sequence[str | Path], db_path: str | Path, *, runs: int,
                         cwd: Path | None = None) -> dict:
    """`command` (a whole process reading `db_path`) and bare_connect_count, alternately, `runs` times each.

    Returns {"command": Figure, "bare": Figure, "ratio": median / median}; alternating
    run by run lets both see the same noise of a shared machine.
    """
    from bench.measure import Figure, run_measured

    whole, bare = Figure(), Figure()
    for _ in range(runs):
        whole.runs.append(run_measured(command, cwd=cwd))
        bare.runs.append(run_measured(bare_connect_count(db_path), cwd=cwd))
    return {"command": whole, "bare": bare, "ratio": whole.seconds / bare.seconds}


def floor(csv_path: str, db_path: str) -> dict:
    """The floor of any ingest: the same file, untransformed and as text, into a database file."""
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect(db_path)
    con.execute("create table raw as select * from read_csv($path, all_varchar = true)",
                {"path": csv_path}).fetchall()
    rows = con.execute("select count(*) from raw").fetchall()[0][0]
    con.close()
    return {"rows": rows, "seconds_inside": time.perf_counter() - start}


def floor_json(json_path: str, db_path: str) -> dict:
    """The floor of a payload ingest: DuckDB reads the file into a table with the types it detects itself.

    What a user with no rules at all would do (`read_json`, every key, nested lists as
    DuckDB's own structs and lists), into a new database file.
    """
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect(db_path)
    con.execute("create table raw as select * from read_json($path)", {"path": json_path}).fetchall()
    rows = con.execute("select count(*) from raw").fetchall()[0][0]
    con.close()
    return {"rows": rows, "seconds_inside": time.perf_counter() - start}


def floor_xlsx(xlsx_path: str, db_path: str) -> dict:
    """The floor of a workbook ingest: every cell of its first sheet read as text into a polars frame
    (fastexcel, as the ingest reads it), then a table of that frame in a new database file."""
    import duckdb
    import fastexcel

    start = time.perf_counter()
    frame = fastexcel.read_excel(xlsx_path).load_sheet(0, header_row=None, dtypes="string").to_polars()
    con = duckdb.connect(db_path)
    con.register("sheet_frame", frame)
    con.execute("create table raw as select * from sheet_frame").fetchall()
    rows = con.execute("select count(*) from raw").fetchall()[0][0]
    con.close()
    return {"rows": rows, "seconds_inside": time.perf_counter() - start}


def pandas_kpis(csv_path: str, catalogue_path: str, d0: str, d1: str) -> dict:
    """bench/pandas_reference.py on the file: reading and computing timed apart."""
    from bench import pandas_reference

    start = time.perf_counter()
    frame = pandas_reference.read_export(Path(csv_path))
    read_seconds = time.perf_counter() - start
    start = time.perf_counter()
    values = pandas_reference.kpis_of_frame(frame, Path(catalogue_path), date.fromisoformat(d0),
                                            date.fromisoformat(d1))
    compute_seconds = time.perf_counter() - start
    return {"read_seconds": read_seconds, "compute_seconds": compute_seconds, "kpis": values}


def kpis_in_process(db_path: str, period_name: str, repeat: str) -> dict:
    """Median seconds of the period's KPIs on loaded data, connection open, after one warm-up."""
    from hoaan_analytics import db
    from hoaan_analytics.kpis import compute_kpis, kpi_table
    from hoaan_analytics.periods import parse_period

    period = parse_period(period_name, "calendar")
    con = db.connect(db_path, read_only=True)
    timings: dict[str, list[float]] = {"all_units": [], "by_unit": []}
    values = None
    for i in range(int(repeat) + 1):
        start = time.perf_counter()
        values = compute_kpis(con, period)
        all_units = time.perf_counter() - start
        start = time.perf_counter()
        kpi_table(con, period, by="unit")
        by_unit = time.perf_counter() - start
        if i:  # the first pass warms DuckDB's caches, as a report's first query would
            timings["all_units"].append(all_units)
            timings["by_unit"].append(by_unit)
    con.close()
    return {"all_units_seconds": statistics.median(timings["all_units"]),
            "by_unit_seconds": statistics.median(timings["by_unit"]), "kpis": values}


TASKS = {"floor": floor, "floor-json": floor_json, "floor-xlsx": floor_xlsx, "pandas": pandas_kpis,
         "kpis": kpis_in_process}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(TASKS[argv[0]](*argv[1:]), default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
