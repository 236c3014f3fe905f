"""Each reason of METRICS.md §8, once; rows with status 1 or 3 are never set aside."""

from datetime import datetime

from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files


def _reasons(con, params_dir, tmp_path, row):
    summary = ingest_files(con, [write_csv(tmp_path / "r.csv", [row])], params_dir=params_dir)
    return summary, db.query(con, "select field, reason from set_aside").rows()


def test_a_valid_row_loads(con, params_dir, tmp_path):
    summary, reasons = _reasons(con, params_dir, tmp_path, dossier())
    assert (summary.loaded, reasons) == (1, [])


def test_no_dossier_id(con, params_dir, tmp_path):
    assert _reasons(con, params_dir, tmp_path, dossier(dossier_id=None))[1] == [("dossier_id", "no dossier id")]


def test_no_received_at(con, params_dir, tmp_path):
    assert _reasons(con, params_dir, tmp_path, dossier(received_at=None))[1] == [("received_at", "no received date")]


def test_finished_before_received(con, params_dir, tmp_path):
    # 07:59:59 is earlier than 08:00:00 the same day: compared as timestamps
    row = dossier(received_at="02/03/2026 08:00:00", finished_at="02/03/2026 07:59:59")
    assert _reasons(con, params_dir, tmp_path, row)[1] == [("finished_at", "finished before it was received")]


def test_closing_status_without_finished_at(con, params_dir, tmp_path):
    for status in ("7", "8", "9", "10"):
        connection = db.connect(None)
        reasons = _reasons(connection, params_dir, tmp_path, dossier(status=status, finished_at=None))[1]
        assert reasons == [("finished_at", "closing status without a finished date")]
        connection.close()


def test_open_status_without_finished_at_loads(con, params_dir, tmp_path):
    summary, reasons = _reasons(con, params_dir, tmp_path, dossier(status="4", finished_at=None))
    assert (summary.loaded, reasons) == (1, [])


def test_no_due_at_and_unknown_procedure(con, params_dir, tmp_path):
    row = dossier(due_at=None, procedure_code="9.999001")
    assert _reasons(con, params_dir, tmp_path, row)[1] == [
        ("due_at", "no due date and the procedure is not in the catalogue")]


def test_no_due_at_with_a_catalogue_entry_loads(con, params_dir, tmp_path):
    summary, reasons = _reasons(con, params_dir, tmp_path, dossier(due_at=None, procedure_code="2.000815"))
    assert (summary.loaded, reasons) == (1, [])


def test_unknown_procedure_with_a_due_at_loads(con, params_dir, tmp_path):
    summary, reasons = _reasons(con, params_dir, tmp_path, dossier(procedure_code="9.999001"))
    assert (summary.loaded, reasons) == (1, [])


def test_several_reasons_one_row(con, params_dir, tmp_path):
    # no received date, and a closing status without finished date: one row, two reasons
    summary, reasons = _reasons(con, params_dir, tmp_path, dossier(received_at=None, finished_at=None))
    assert summary.set_aside == 1
    assert sorted(reasons) == [("finished_at", "closing status without a finished date"),
                               ("received_at", "no received date")]


def test_status_1_and_3_are_never_set_aside(con, params_dir, tmp_path):
    rows = [
        dossier(dossier_id="new", status="1", received_at=None, due_at=None, procedure_code="9.999001",
                channel="Zalo", finished_at="hôm qua"),
        dossier(dossier_id="refused", status="Không được tiếp nhận", received_at="02/03/2026",
                finished_at="01/03/2026"),
        dossier(dossier_id=None, status="3"),
    ]
    summary = ingest_files(con, [write_csv(tmp_path / "r.csv", rows)], params_dir=params_dir)
    assert summary.set_aside == 0
    # stored with what could be read: the unreadable finished_at empty, the unknown
    # channel as the portal's default 1 (the column is not null; these rows count nowhere)
    assert db.query(con, "select dossier_id, status, channel, finished_at from dossiers order by 1").rows() == [
        ("new", 1, 1, None), ("refused", 3, 1, datetime(2026, 3, 1))]
    # the status-3 row without an id cannot be stored: counted as read, ignored
    assert summary.files[0].ignored == 1
