"""The plausible date window (models.PLAUSIBLE_DATES, 2000-01-01 .. 2100-12-31) at its edges.

The parse's macro ingest_plausible binds the window from that Python constant when it is
created: every edge here is derived from the constant, and a changed constant moves the parse.
"""

from datetime import date, datetime, timedelta

from helpers import insert_dossiers
from ingest_files import dossier, write_csv

from hoaan_analytics import db, models
from hoaan_analytics.ingest import ingest_files

FIRST_DAY, LAST_DAY = models.PLAUSIBLE_DATES
EXCEL_DAY_ZERO = date(1899, 12, 30)
OUTSIDE_REASON = "cannot be read as a date (year outside 2000–2100)"


def _vn(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y %H:%M:%S")


def _serial(day: date) -> str:
    return str((day - EXCEL_DAY_ZERO).days)


def test_the_first_and_last_moments_of_the_window_load(con, params_dir, tmp_path):
    first_moment = datetime.combine(FIRST_DAY, datetime.min.time())            # 01/01/2000 00:00:00
    last_moment = datetime.combine(LAST_DAY, datetime.max.time()).replace(microsecond=0)  # 31/12/2100 23:59:59
    path = write_csv(tmp_path / "edges.csv", [
        dossier(dossier_id="W-1", received_at=_vn(first_moment), due_at=_vn(first_moment),
                finished_at=_vn(first_moment)),
        dossier(dossier_id="W-2", status="4", finished_at=None, due_at=_vn(last_moment)),
        # Excel serial day numbers of the two edge days: 36526 and 73415
        dossier(dossier_id="W-3", status="4", finished_at=None, received_at=_serial(FIRST_DAY),
                due_at=_serial(LAST_DAY)),
    ])
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (3, 0)
    stored = {row[0]: row[1:] for row in
              db.query(con, "select dossier_id, received_at, due_at from dossiers").rows()}
    assert stored["W-1"] == (first_moment, first_moment)
    assert stored["W-2"][1] == last_moment
    assert stored["W-3"] == (first_moment, datetime.combine(LAST_DAY, datetime.min.time()))


def test_one_second_or_one_day_outside_the_window_is_set_aside(con, params_dir, tmp_path):
    before = datetime.combine(FIRST_DAY, datetime.min.time()) - timedelta(seconds=1)  # 31/12/1999 23:59:59
    after = datetime.combine(LAST_DAY + timedelta(days=1), datetime.min.time())       # 01/01/2101 00:00:00
    path = write_csv(tmp_path / "outside.csv", [
        dossier(dossier_id="O-1", received_at=_vn(before)),                              # line 2
        dossier(dossier_id="O-2", status="4", finished_at=None, due_at=_vn(after)),      # line 3
        dossier(dossier_id="O-3", returned_at="1"),                                      # line 4: serial 1 = 31/12/1899
        dossier(dossier_id="O-4", received_at=_serial(FIRST_DAY - timedelta(days=1))),   # line 5: serial 36525
        dossier(dossier_id="O-5", received_at="31/02/2026"),                             # line 6: no such day
    ])
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (0, 5)
    assert db.query(con, "select source_row, dossier_id, field, reason from set_aside order by 1").rows() == [
        (2, "O-1", "received_at", OUTSIDE_REASON),
        (3, "O-2", "due_at", OUTSIDE_REASON),
        (4, "O-3", "returned_at", OUTSIDE_REASON),
        (5, "O-4", "received_at", OUTSIDE_REASON),
        (6, "O-5", "received_at", "cannot be read as a date"),
    ]


def test_status_1_and_3_rows_store_an_implausible_date_as_empty(con, params_dir, tmp_path):
    # METRICS.md §8: rows with status 1 or 3 are never set aside; like an unreadable date,
    # an implausible one is stored empty, so it cannot stretch the calendar either.
    path = write_csv(tmp_path / "never_received.csv", [
        dossier(dossier_id="N-1", status="1", received_at="01/01/1900 08:00:00", finished_at=None),
        dossier(dossier_id="N-3", status="3", due_at="31/12/9999 00:00:00", finished_at=None),
    ])
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (2, 0)
    assert db.query(con, "select dossier_id, received_at, due_at from dossiers order by 1").rows() == [
        ("N-1", None, datetime(2026, 3, 2, 16, 30)),
        ("N-3", datetime(2026, 3, 2, 8, 0), None),
    ]
    # the only stored year is 2026 (the valid dates of the rows): calendar 2025..2027
    assert db.query(con, "select min(day), max(day) from calendar_days").row(0) == (
        date(2025, 1, 1), date(2027, 12, 31))


def test_the_calendar_never_leaves_the_window_whatever_is_stored(con):
    # Rows put in `dossiers` without the parse: the calendar is the second line of defence.
    # Years 1900 .. 9999 ± 1 would be 1899 .. 10000 (date(10000, 12, 31) raises); capped.
    insert_dossiers(con, [
        {"received_at": "1900-01-01 08:00", "due_at": "1900-01-02 16:30"},
        {"received_at": "2026-03-02 08:00", "due_at": "9999-12-31 00:00"},
    ])
    assert models.calendar_range(con) == (FIRST_DAY, LAST_DAY)


def test_the_margin_is_capped_at_the_edges_of_the_window(con):
    # data years 2000 and 2100: the one-year margin would reach 1999 and 2101
    insert_dossiers(con, [{"received_at": "2000-01-01 00:00", "due_at": "2100-12-31 23:59"}])
    assert models.calendar_range(con) == (FIRST_DAY, LAST_DAY)


def test_the_margin_is_kept_inside_the_window(con):
    # data years 2010 .. 2011: the calendar covers 2009 .. 2012, as before the window
    insert_dossiers(con, [{"received_at": "2010-06-01 08:00", "due_at": "2011-02-01 16:30"}])
    assert models.calendar_range(con) == (date(2009, 1, 1), date(2012, 12, 31))


def test_the_parse_follows_the_python_constant_when_it_changes(con, params_dir, tmp_path, monkeypatch):
    # a narrower window, 2010-01-01 .. 2029-12-31: the SQL states none of its own
    monkeypatch.setattr(models, "PLAUSIBLE_DATES", (date(2010, 1, 1), date(2029, 12, 31)))
    path = write_csv(tmp_path / "narrow.csv", [
        dossier(dossier_id="C-1", received_at="01/01/2010 00:00:00", due_at="01/01/2010 16:30:00",
                finished_at="01/01/2010 10:00:00"),                                    # line 2: first moment
        dossier(dossier_id="C-2", received_at="31/12/2009 23:59:59"),                   # line 3: a second before
        dossier(dossier_id="C-3", status="4", finished_at=None, due_at="01/01/2030 00:00:00"),  # line 4: after
    ])
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.loaded, summary.set_aside) == (1, 2)
    assert db.query(con, "select source_row, field from set_aside order by 1").rows() == [
        (3, "received_at"), (4, "due_at")]
