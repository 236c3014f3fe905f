"""Dates no dossier system of the 2010s can hold (year 9999, 1900) are set aside, not loaded.

METRICS.md §8 sets a row aside for "a value in any date column that cannot be read
as a date". A date outside 2000-01-01 .. 2100-12-31 is read here as one that cannot
be read as a dossier date: placeholders like 31/12/9999 or an Excel serial 1 are not
dates of a procedure. Before the parse refused them (sql/ingest/ingest_parsed.sql,
`plausible_window`), the calendar (models.calendar_range, data years ± 1) was built over
them: year 9999 crashed the ingest (date(10000, 12, 31)), 1900 loaded and stretched the
calendar over 127 years (see the report of issue 6). The window's edges, status 1/3 rows
and the calendar cap are in test_ingest_date_window.py.
"""

import pytest
from corpus.hostile_files import IMPLAUSIBLE_DATES

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files

FIELD_AT_FAULT = {"csv_year_9999": "due_at", "csv_year_1900": "received_at", "xlsx_year_9999_date_cell": "due_at"}


@pytest.mark.parametrize("name", sorted(IMPLAUSIBLE_DATES))
def test_implausible_year_is_set_aside_and_the_rest_loads(name, con, params_dir, tmp_path):
    summary = ingest_files(con, [IMPLAUSIBLE_DATES[name](tmp_path)], params_dir=params_dir)
    assert summary.loaded == 1  # H-1, the plausible row
    reasons = db.query(con, "select dossier_id, field, reason from set_aside").rows()
    assert len(reasons) == 1
    dossier_id, field, reason = reasons[0]
    assert (dossier_id, field) == ("H-2", FIELD_AT_FAULT[name])
    assert "cannot be read as a date" in reason


def test_dates_at_the_edges_of_the_window_load(con, params_dir, tmp_path):
    from ingest_files import dossier, write_csv

    # 2000-01-03 and 2100-12-31 are inside the plausible window: both rows load
    path = write_csv(tmp_path / "edges.csv", [
        dossier(dossier_id="E-1", received_at="03/01/2000 08:00:00", due_at="03/01/2000 16:30:00",
                finished_at="03/01/2000 10:00:00"),
        dossier(dossier_id="E-2", status="4", finished_at=None, due_at="31/12/2100 16:30:00"),
    ])
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (2, 0)
