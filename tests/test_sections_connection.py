"""A report context must not keep the database file locked between uses.

DuckDB locks the whole file: while any process holds even a read-only connection,
`hoaan ingest` cannot write. A notebook left open in JupyterLab would otherwise
keep every later ingest out.
"""

import pytest

from hoaan_analytics import db
from hoaan_analytics.sections.context import open_report


def writer_can_open(path) -> bool:
    try:
        db.connect(path).close()
    except db.DatabaseBusyError:
        return False
    return True


def _hold_in_other_process(path):
    import subprocess
    import sys

    code = ("import sys; from hoaan_analytics.sections.context import open_report; "
            "ctx = open_report(sys.argv[1]); print('open', flush=True); sys.stdin.readline(); "
            "ctx.con; print('reading', flush=True); sys.stdin.readline()")
    return subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_an_open_report_leaves_the_file_free_until_it_reads(demo_db):
    process = _hold_in_other_process(demo_db.db_path)
    try:
        assert process.stdout.readline().strip() == "open"
        assert writer_can_open(demo_db.db_path)      # context settled, file released
        process.stdin.write("\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "reading"
        assert not writer_can_open(demo_db.db_path)  # a section is reading: the file is held
    finally:
        process.stdin.close()
        process.wait(timeout=30)
    assert writer_can_open(demo_db.db_path)


def test_release_closes_and_con_reopens(demo_db):
    ctx = open_report(demo_db.db_path)
    first = ctx.con
    ctx.release()
    assert ctx._con is None
    assert ctx.con is not first
    assert db.scalar(ctx.con, "select count(*) from dossier_facts") > 0
    ctx.close()
