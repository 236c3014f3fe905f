"""Readers and writers in different processes: DuckDB 2.0 locks the whole file.

What DuckDB 2.0.1 does (checked here, not assumed): a process that opens the file
read-write holds it alone from connect to close, so a read-only connection from
another process fails at once ("Could not set lock on file"), as does a second
writer; read-only connections share the file with each other. So a read can never
see half an ingest; it can only be refused. `db.connect` turns the refusal into
DatabaseBusyError (a HoaanError: one plain line, exit 2, no traceback) saying why;
writers wait for `wait_seconds` first (`hoaan ingest` waits 30 s).
"""

import subprocess
import sys
import time

import pytest
from helpers import ingest_into
from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.db import DatabaseBusyError
from hoaan_analytics.kpis import kpis_output

pytestmark = pytest.mark.slow
HOLD = ("import sys; from hoaan_analytics import db; con = db.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
        "print('holding', flush=True); sys.stdin.read(); con.close()")


@pytest.fixture
def database(tmp_path, params_dir):
    path = tmp_path / "hoaan.duckdb"
    ingest_into(path, [write_csv(tmp_path / "first.csv", [dossier(dossier_id="FIRST")])], params_dir)
    return path


class Holder:
    """Another process with the database open (read-write like an ingest, or read-only like a report)."""

    def __init__(self, path, mode="rw"):
        self.process = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "holding"

    def release(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "hoaan_analytics", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


def test_a_reader_during_an_ingest_gets_a_plain_message(database, monkeypatch):
    # readers wait HOAAN_READER_WAIT seconds (120 by default) before giving up; 1 s here
    monkeypatch.setenv("HOAAN_READER_WAIT", "1")
    holder = Holder(database)
    try:
        with pytest.raises(DatabaseBusyError, match="busy: an ingest is writing it, and DuckDB lets no other "
                                                    "process read a file while it is being written"):
            kpis_output(database, "2026-03")
        result = _cli("kpis", "--period", "2026-03", "--db", database)
    finally:
        holder.release()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "is busy" in result.stderr
    assert _cli("kpis", "--period", "2026-03", "--db", database).returncode == 0  # fine once it is free


def test_a_reader_waits_for_the_ingest_and_then_reads(database, monkeypatch):
    import threading

    monkeypatch.setenv("HOAAN_READER_WAIT", "30")
    holder = Holder(database)
    threading.Timer(1.5, holder.release).start()  # the "ingest" ends while the reader waits
    output = kpis_output(database, "2026-03")
    assert output.text.strip()


def test_a_writer_waits_then_says_why(database):
    holder = Holder(database, "ro")  # a report reading
    try:
        with pytest.raises(DatabaseBusyError, match="only one process write a file, with no reader beside it"):
            db.connect(database, wait_seconds=0.6)
    finally:
        holder.release()


def test_a_second_ingest_waits_for_the_first(database, tmp_path):
    second = write_csv(tmp_path / "second.csv", [dossier(dossier_id="SECOND")])
    holder = Holder(database)
    process = subprocess.Popen([sys.executable, "-m", "hoaan_analytics", "ingest", str(second), "--db",
                                str(database)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.5)
        assert process.poll() is None  # still waiting for the file
    finally:
        holder.release()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    con = db.connect(database, read_only=True)
    assert db.query(con, "select dossier_id from dossiers order by 1")["dossier_id"].to_list() == ["FIRST", "SECOND"]
    con.close()


def test_two_ingests_at_once_both_land(database, tmp_path):
    files = [write_csv(tmp_path / f"batch_{i}.csv", [dossier(dossier_id=f"B-{i}-{j}") for j in range(50)])
             for i in range(2)]
    processes = [subprocess.Popen([sys.executable, "-m", "hoaan_analytics", "ingest", str(f), "--db", str(database)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [o[1] for o in outputs]
    assert all("Traceback" not in err for _, err in outputs)
    con = db.connect(database, read_only=True)
    # 1 earlier dossier + 2 x 50
    assert db.scalar(con, "select count(*) from dossiers") == 101
    assert db.scalar(con, "select count(*) from load_log") == 3
    con.close()


def test_reads_during_an_ingest_see_before_or_after_never_between(database, tmp_path):
    big = write_csv(tmp_path / "big.csv", [dossier(dossier_id=f"R-{j}", received_at="03/03/2026 08:00:00",
                                                   due_at="03/03/2026 16:30:00", finished_at="03/03/2026 09:00:00")
                                           for j in range(20_000)])
    before = kpis_output(database, "2026-03", as_json=True).text
    process = subprocess.Popen([sys.executable, "-m", "hoaan_analytics", "ingest", str(big), "--db", str(database)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = []
    while process.poll() is None:
        try:
            seen.append(kpis_output(database, "2026-03", as_json=True).text)
        except DatabaseBusyError as exc:
            assert "an ingest is writing it" in str(exc)
    assert process.wait() == 0
    after = kpis_output(database, "2026-03", as_json=True).text
    assert before != after
    assert set(seen) <= {before, after}
