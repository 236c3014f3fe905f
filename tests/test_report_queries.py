"""One report runs each query once: the report context keeps every result (ReportConnection)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PARAMS

from bench.report_queries import NOTEBOOK_DIR, run_notebook
from hoaan_analytics import db
from hoaan_analytics.sections import context


def test_the_same_statement_runs_once_and_other_parameters_run_again(demo_db):
    ctx = context.open_report(demo_db.db_path, "2026-Q2", params_dir=PARAMS)
    try:
        ran = len(ctx.queries)
        sql = "select count(*) as n from dossiers where received_at >= $since"
        first = db.query(ctx.con, sql, {"since": "2026-01-01"})
        ctx.release()                                    # as after a notebook cell: a new connection
        again = db.query(ctx.con, sql, {"since": "2026-01-01"})
        other = db.query(ctx.con, sql, {"since": "2026-06-01"})
        assert first.equals(again) and not first.equals(other)
        assert db.scalar(ctx.con, "select 41 + 1") == db.scalar(ctx.con, "select 41 + 1") == 42
        # the two distinct parameter sets of `sql` and the one scalar statement
        assert len(ctx.queries) - ran == 3
    finally:
        ctx.close()


@pytest.mark.slow
@pytest.mark.parametrize("notebook", sorted(NOTEBOOK_DIR.glob("0[1-8]_*.ipynb")), ids=lambda p: p.stem)
def test_no_query_runs_twice_in_a_report(demo_db, notebook: Path):
    measured = run_notebook(notebook, demo_db.db_path, "2026-Q3")
    assert measured["queries"] > 0 and measured["repeated"] == 0
