"""Data-quality anomalies of the dossiers handled in a period, and the load log / set-aside summaries.

March 2026 (2/3 a Monday):
  X: due 3/3, finished 6/3, supplement 3/3 08:00 -> 6/3 08:00 (pause 3 days as a timestamp):
     effective end 3/3 = due -> on time, though finished after the due date
  Y: due 1/3 before its reception on 2/3
  Z: status 4 (Đang xử lý) yet a finished date
  W: returned 2/3 09:00 before finishing on 3/3
  V: paid online (1) with "Tiền mặt" as the method
  U: procedure 9.999999, not in the catalogue (its due date comes from the export)
  OK: nothing wrong
Each kind: 1 dossier.
"""

from datetime import datetime

from helpers import build_database

from hoaan_analytics import analyses, db, models
from hoaan_analytics.periods import parse_period

BASE = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-03 16:30", "finished_at": "2026-03-03 10:00"}
ROWS = [
    {**BASE, "dossier_id": "X", "finished_at": "2026-03-06 10:00", "supplement_requested_at": "2026-03-03 08:00",
     "supplement_completed_at": "2026-03-06 08:00", "supplement_count": 1},
    {**BASE, "dossier_id": "Y", "due_at": "2026-03-01 16:30"},
    {**BASE, "dossier_id": "Z", "status": 4},
    {**BASE, "dossier_id": "W", "returned_at": "2026-03-02 09:00"},
    {**BASE, "dossier_id": "V", "fee_amount": 1000, "payment_method": "Tiền mặt", "paid_online": 1},
    {**BASE, "dossier_id": "U", "procedure_code": "9.999999"},
    {**BASE, "dossier_id": "OK"},
]


def test_each_anomaly_is_found_once(con, params_dir):
    build_database(con, params_dir, ROWS)
    anomalies = analyses.quality_anomalies(con, parse_period("2026-03"))
    found = dict(zip(anomalies["anomaly"], anomalies["example_dossier_ids"], strict=True))
    assert found == {
        "finished_after_due_not_late": "X", "due_before_received": "Y", "open_with_finished_date": "Z",
        "returned_before_finished": "W", "paid_online_in_cash": "V", "not_in_catalogue": "U",
    }
    assert anomalies["dossiers"].to_list() == [1] * 6
    assert all(label for label in anomalies["anomaly_label"])


def test_set_aside_reasons_in_vietnamese(con):
    db.run(con, """insert into set_aside values
        (1, 'a.csv', 5, null, 'dossier_id', 'no dossier id'),
        (1, 'a.csv', 9, null, 'dossier_id', 'no dossier id'),
        (1, 'a.csv', 7, 'D-7', 'received_at', 'cannot be read as a date')""")
    rows = analyses.set_aside_by_reason(con)
    assert rows.select("field_label", "reason_label", "rows_set_aside", "example_source_rows").rows() == [
        ("Mã hồ sơ", "Không có mã hồ sơ", 2, "5, 9"),
        ("Ngày tiếp nhận", "Ngày tháng không đọc được", 1, "7"),
    ]


def test_load_history_in_load_order(con):
    db.run(con, "insert into load_log values (2, 'b.xlsx', 'h2', 'xlsx', $t, 10, 9, 1, false), "
                "(1, 'a.csv', 'h1', 'csv', $t, 5, 5, 0, false)", {"t": datetime(2026, 3, 2, 8)})
    assert analyses.load_history(con)["file_name"].to_list() == ["a.csv", "b.xlsx"]


def test_stored_summary_counts_files_and_rows_set_aside(con, params_dir):
    # two files in the log, one skipped as already loaded: 2 files; set aside 1 + 0 = 1 row
    db.run(con, "insert into load_log values (1, 'a.csv', 'h1', 'csv', $t, 10, 9, 1, false), "
                "(2, 'a.csv', 'h1', 'csv', $t, 0, 0, 0, true)", {"t": datetime(2026, 3, 2, 8)})
    models.refresh(con, params_dir)
    summary = analyses.stored_summary(con)
    assert (summary["loaded_files"], summary["set_aside_rows"]) == (2, 1)


def test_stored_summary_of_an_empty_log_is_zero(con, params_dir):
    models.refresh(con, params_dir)
    summary = analyses.stored_summary(con)
    assert (summary["loaded_files"], summary["set_aside_rows"]) == (0, 0)
