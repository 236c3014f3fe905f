"""Dates as dd/mm/yyyy [HH:MM[:SS]], ISO, Excel date cells and Excel serial numbers."""

from datetime import datetime

from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files

WHEN = datetime(2026, 3, 2, 8, 30, 15)


def _received(con):
    return dict(db.query(con, "select dossier_id, received_at from dossiers").rows())


def test_text_date_forms(con, params_dir, tmp_path):
    rows = [
        dossier(dossier_id="vn-full", received_at="02/03/2026 08:30:15"),
        dossier(dossier_id="vn-minutes", received_at="02/03/2026 08:30"),
        dossier(dossier_id="vn-day", received_at="02/03/2026"),
        dossier(dossier_id="vn-short", received_at="2/3/2026 8:30:15"),
        dossier(dossier_id="iso", received_at="2026-03-02 08:30:15"),
        dossier(dossier_id="iso-t", received_at="2026-03-02T08:30:15"),
        dossier(dossier_id="iso-day", received_at="2026-03-02"),
    ]
    ingest_files(con, [write_csv(tmp_path / "d.csv", rows)], params_dir=params_dir)
    day = datetime(2026, 3, 2)
    assert _received(con) == {
        "vn-full": WHEN, "vn-minutes": WHEN.replace(second=0), "vn-day": day, "vn-short": WHEN,
        "iso": WHEN, "iso-t": WHEN, "iso-day": day,
    }


def test_excel_date_cells_and_serial_numbers(con, params_dir, tmp_path):
    rows = [
        dossier(dossier_id="cell", received_at=WHEN),
        # 46083 = days from 1899-12-30 to 2026-03-02; 0.354340... = 08:30:15 (30615 s / 86400)
        dossier(dossier_id="serial", received_at=46083 + 30615 / 86400),
        dossier(dossier_id="serial-text", received_at="46083"),
        dossier(dossier_id="text", received_at="02/03/2026 08:30:15"),
    ]
    ingest_files(con, [write_xlsx(tmp_path / "d.xlsx", rows)], params_dir=params_dir)
    assert _received(con) == {"cell": WHEN, "serial": WHEN, "serial-text": datetime(2026, 3, 2), "text": WHEN}


def test_day_comes_before_month(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "d.csv", [dossier(received_at="03/02/2026", due_at="03/02/2026",
                                                  finished_at="03/02/2026 10:00")])
    ingest_files(con, [path], params_dir=params_dir)
    assert db.scalar(con, "select received_at from dossiers") == datetime(2026, 2, 3)


def test_impossible_dates_set_the_row_aside(con, params_dir, tmp_path):
    # line 2: 31 February; line 3: words in a date column
    rows = [dossier(dossier_id="A", received_at="31/02/2026"), dossier(dossier_id="B", returned_at="hôm qua")]
    summary = ingest_files(con, [write_csv(tmp_path / "d.csv", rows)], params_dir=params_dir)
    assert summary.set_aside == 2
    assert db.query(con, "select source_row, dossier_id, field, reason from set_aside order by 1").rows() == [
        (2, "A", "received_at", "cannot be read as a date"),
        (3, "B", "returned_at", "cannot be read as a date"),
    ]
