"""Read-write connections run under a memory cap and spill beside the database file; staging a CSV
keeps one copy of the text and still names each row by the line an editor shows."""

import csv
import os

import duckdb
import pytest
from ingest_files import DVCQG, dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.errors import HoaanError, IngestError
from hoaan_analytics.ingest import ingest_files


def duckdb_rendering(limit):
    # DuckDB shows a limit in its own units (3GB -> 2.7 GiB): ask it rather than hard-code that text.
    con = duckdb.connect()
    con.execute(f"set memory_limit = '{limit}'")
    return con.execute("select current_setting('memory_limit')").fetchall()[0][0]


def setting(con, name):
    return db.scalar(con, "select current_setting($name)", {"name": name})


def test_read_write_connection_has_the_default_cap_and_spills_beside_the_file(tmp_path, monkeypatch):
    monkeypatch.delenv(db.MEMORY_LIMIT_VARIABLE, raising=False)
    path = tmp_path / "data" / "hoaan.duckdb"
    con = db.connect(path)
    try:
        assert setting(con, "memory_limit") == duckdb_rendering(db.DEFAULT_MEMORY_LIMIT)
        assert setting(con, "temp_directory") == str(path) + ".tmp"
    finally:
        con.close()


def test_environment_variable_sets_the_cap(tmp_path, monkeypatch):
    monkeypatch.setenv(db.MEMORY_LIMIT_VARIABLE, "500MB")
    con = db.connect(tmp_path / "hoaan.duckdb")
    try:
        assert setting(con, "memory_limit") == duckdb_rendering("500MB")
    finally:
        con.close()


def test_readers_keep_duckdbs_default(tmp_path, monkeypatch):
    path = tmp_path / "hoaan.duckdb"
    db.connect(path).close()
    monkeypatch.setenv(db.MEMORY_LIMIT_VARIABLE, "100MB")
    con = db.connect(path, read_only=True)
    try:
        assert setting(con, "memory_limit") == duckdb_rendering("80%")
    finally:
        con.close()


def test_a_bad_value_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(db.MEMORY_LIMIT_VARIABLE, "lots")
    with pytest.raises(HoaanError, match="HOAAN_MEMORY_LIMIT='lots'"):
        db.connect(tmp_path / "hoaan.duckdb")


def wide_export(path, rows):
    # A 600-character ignored column makes the file about 11 MB at 16k rows: DuckDB scans it in
    # several parallel units (with preserve_insertion_order off, its rows come back out of order),
    # while only the mapped columns reach the database.
    header = [DVCQG[f] for f in ("dossier_id", "procedure_code", "unit_name", "channel", "status",
                                 "received_at", "due_at", "finished_at")] + ["GhiChuNoiBo"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for line in range(2, rows + 2):
            # the id carries its own line number (line 1 is the header)
            writer.writerow([f"L-{line}", "2.000815", "UBND xã Hòa An", "1", "10", "02/03/2026 08:00:00",
                             "02/03/2026 16:30:00", "02/03/2026 10:00:00", "x" * 600])
    return path


def test_source_row_is_the_line_across_parallel_chunks_and_under_a_small_cap(tmp_path, monkeypatch, params_dir):
    monkeypatch.setenv(db.MEMORY_LIMIT_VARIABLE, "64MB")
    export = wide_export(tmp_path / "wide.csv", 16_000)
    path = tmp_path / "hoaan.duckdb"
    con = db.connect(path)
    try:
        summary = ingest_files(con, [export], params_dir=params_dir)
        assert summary.loaded == 16_000
        # every dossier L-n was written on line n
        wrong = db.scalar(con, "select count(*) from dossiers where dossier_id <> 'L-' || source_row")
        assert wrong == 0
    finally:
        con.close()
    spill = tmp_path / "hoaan.duckdb.tmp"
    assert not spill.exists() or not any(spill.iterdir())


def staged_relations(con):
    return db.query(con, """
        select table_name as name from duckdb_tables() where temporary and table_name like 'ingest%'
        union all
        select view_name from duckdb_views() where temporary and view_name like 'ingest%'
    """)["name"].to_list()


def test_nothing_staged_is_left_after_an_ingest(con, params_dir, tmp_path):
    ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier(dossier_id="A-1")])], params_dir=params_dir)
    assert staged_relations(con) == []


def test_nothing_staged_is_left_after_a_file_refused_once_read(con, params_dir, tmp_path):
    # the cell is read into DuckDB first, then found longer than a spreadsheet cell can be
    long_cell = write_csv(tmp_path / "long.csv", [dossier(dossier_id="B-1", unit_name="x" * 40_000)])
    with pytest.raises(IngestError, match="field unit_name"):
        ingest_files(con, [long_cell], params_dir=params_dir)
    assert staged_relations(con) == []


def test_spill_files_of_a_killed_ingest_are_removed_by_the_next_writer(tmp_path):
    # what `kill -9` during a spilling ingest leaves (names as DuckDB 2 writes them, another pid)
    path = tmp_path / "hoaan.duckdb"
    db.connect(path).close()
    spill = tmp_path / "hoaan.duckdb.tmp"
    spill.mkdir()
    for name in ("duckdb_temp_4194303_0_owner", "duckdb_temp_4194303_0_storage_DEFAULT-0.tmp"):
        (spill / name).write_bytes(b"\0" * 4096)
    reader = db.connect(path, read_only=True)
    reader.close()
    assert len(list(spill.iterdir())) == 2  # a reader may share the folder with other readers: it keeps out
    db.connect(path).close()
    assert not spill.exists()


def test_a_second_connection_of_the_same_process_keeps_the_first_ones_spill_files(tmp_path):
    path = tmp_path / "hoaan.duckdb"
    first = db.connect(path)
    spill = tmp_path / "hoaan.duckdb.tmp"
    spill.mkdir()
    ours = spill / f"duckdb_temp_{os.getpid()}_0_storage_DEFAULT-0.tmp"
    ours.write_bytes(b"\0" * 4096)
    try:
        db.connect(path).close()
        assert ours.exists()
    finally:
        first.close()


def test_too_small_a_cap_says_which_variable_to_raise_and_stores_nothing(tmp_path, monkeypatch, params_dir):
    # 5MB is below what DuckDB needs to read and parse even a one-row file (20MB suffices for one row;
    # a large export needs a few hundred MB for the CSV reader's buffers)
    monkeypatch.setenv(db.MEMORY_LIMIT_VARIABLE, "5MB")
    path = tmp_path / "hoaan.duckdb"
    con = db.connect(path)
    try:
        with pytest.raises(IngestError, match="ran out of memory under DuckDB's cap of .*HOAAN_MEMORY_LIMIT"):
            ingest_files(con, [write_csv(tmp_path / "a.csv", [dossier(dossier_id="A-1")])], params_dir=params_dir)
        assert db.scalar(con, "select count(*) from duckdb_tables() where not temporary") == 0
    finally:
        con.close()
