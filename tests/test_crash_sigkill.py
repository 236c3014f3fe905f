"""An ingest killed with SIGKILL at any moment leaves the database exactly as it was before that ingest.

A real `hoaan ingest` of a synthetic export (about 2 s of work) runs in a subprocess
and is killed at several moments: while it stages the file, inside its transaction
(once the WAL file appears), and later. Each time the stored tables must equal their
content before the ingest, or (if the kill came after the commit) the full result;
and the next ingest must work.
"""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from helpers import PARAMS, ingest_into
from ingest_files import dossier, write_csv

from hoaan_analytics import db, synth

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX; Windows has no such signal")]
TABLES = ("dossiers", "set_aside", "load_log", "procedures")


def state(path):
    con = db.connect(path, read_only=True)
    try:
        # loaded_at is the clock of the run: two runs of the same ingest differ only there
        return {t: db.query(con, f"select * exclude (loaded_at) from {t} order by all" if t == "load_log"
                            else f"select * from {t} order by all") for t in TABLES}
    finally:
        con.close()


def same(a, b):
    return all(a[t].equals(b[t]) for t in TABLES)


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    big = synth.write_exports(folder / "raw", rows=100_000, formats=("csv",), seed=3)[0]
    pristine = folder / "pristine.duckdb"
    ingest_into(pristine, [write_csv(folder / "earlier.csv", [dossier(dossier_id="EARLIER-1")])])
    finished = folder / "finished.duckdb"
    shutil.copy(pristine, finished)
    subprocess.run([sys.executable, "-m", "hoaan_analytics", "ingest", str(big), "--db", str(finished),
                    "--params", str(PARAMS)], check=True, capture_output=True)
    return {"folder": folder, "big": big, "pristine": pristine, "before": state(pristine),
            "after": state(finished), "params": PARAMS}


def _kill_during(setting, name, wait_for):
    path = setting["folder"] / f"{name}.duckdb"
    shutil.copy(setting["pristine"], path)
    process = subprocess.Popen([sys.executable, "-m", "hoaan_analytics", "ingest", str(setting["big"]),
                                "--db", str(path), "--params", str(setting["params"])],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(path, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return path, process.returncode


def _sleep(seconds):
    return lambda path, process: time.sleep(seconds)


def _until_wal(path, process):
    wal = path.with_name(path.name + ".wal")
    deadline = time.monotonic() + 30
    while not wal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)


@pytest.mark.parametrize("name, wait_for", [
    ("while_staging", _sleep(1.0)),
    ("inside_transaction", _until_wal),
    ("later", _sleep(1.8)),
])
def test_killed_ingest_leaves_the_database_as_before(setting, name, wait_for):
    path, returncode = _kill_during(setting, name, wait_for)
    after_kill = state(path)
    if returncode == -signal.SIGKILL:
        assert same(after_kill, setting["before"]) or same(after_kill, setting["after"])
    else:
        assert same(after_kill, setting["after"])  # it finished before the signal came


def test_a_kill_mid_way_loses_nothing_and_the_next_ingest_works(setting):
    path, returncode = _kill_during(setting, "then_again", _until_wal)
    assert returncode == -signal.SIGKILL, "the ingest finished before it could be killed: use a bigger file"
    assert same(state(path), setting["before"])  # killed before its commit: exactly as before
    rerun = subprocess.run([sys.executable, "-m", "hoaan_analytics", "ingest", str(setting["big"]),
                            "--db", str(path), "--params", str(setting["params"])], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert same(state(path), setting["after"])  # the same as an uninterrupted ingest
