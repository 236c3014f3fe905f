"""Status and channel as codes or Vietnamese text, any case; unknown ones set the row aside."""

from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files


def test_codes_and_names_give_the_same_values(con, params_dir, tmp_path):
    rows = [
        dossier(dossier_id="code", status="9", channel="2"),
        dossier(dossier_id="name", status="Đã xử lý xong", channel="Trực tuyến"),
        dossier(dossier_id="upper", status="ĐÃ XỬ LÝ XONG", channel="TRỰC TUYẾN"),
        dossier(dossier_id="spaces", status="  đã  xử lý xong ", channel=" trực tuyến"),
    ]
    ingest_files(con, [write_csv(tmp_path / "c.csv", rows)], params_dir=params_dir)
    assert set(db.query(con, "select status, channel from dossiers").rows()) == {(9, 2)}
    assert db.scalar(con, "select count(*) from dossiers") == 4


def test_number_cells_in_a_workbook(con, params_dir, tmp_path):
    rows = [dossier(status=10, channel=3, supplement_count=2, fee_amount=10000, paid_online=1)]
    ingest_files(con, [write_xlsx(tmp_path / "c.xlsx", rows)], params_dir=params_dir)
    assert db.query(con, "select status, channel, supplement_count, fee_amount, paid_online from dossiers").row(0) \
        == (10, 3, 2, 10000, 1)


def test_empty_channel_counts_as_in_person(con, params_dir, tmp_path):
    ingest_files(con, [write_csv(tmp_path / "c.csv", [dossier(channel=None)])], params_dir=params_dir)
    assert db.scalar(con, "select channel from dossiers") == 1


def test_unknown_status_or_channel_is_set_aside(con, params_dir, tmp_path):
    rows = [dossier(dossier_id="A", status="11"), dossier(dossier_id="B", channel="Zalo"),
            dossier(dossier_id="C", status=None)]
    summary = ingest_files(con, [write_csv(tmp_path / "c.csv", rows)], params_dir=params_dir)
    assert summary.loaded == 0
    assert db.query(con, "select dossier_id, field, reason from set_aside order by 1").rows() == [
        ("A", "status", "status is neither a code 1-10 nor a status name"),
        ("B", "channel", "channel is neither a code 1-3 nor a channel name"),
        ("C", "status", "no status"),
    ]


def test_codes_stay_text(con, params_dir, tmp_path):
    ingest_files(con, [write_csv(tmp_path / "c.csv", [dossier(procedure_code="2.000720", dossier_id="007")])],
                 params_dir=params_dir)
    assert db.query(con, "select dossier_id, procedure_code from dossiers").row(0) == ("007", "2.000720")
