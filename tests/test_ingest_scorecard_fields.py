"""The fields METRICS.md §2 added for the 766 scorecard, read from flat CSV/XLSX exports."""

import pytest
from ingest_files import VI, dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.catalogue import CatalogueError, read_catalogue
from hoaan_analytics.ingest import ingest_files

FLAGS = ("has_component_files", "has_reused_data", "from_citizen_store", "has_result_file",
         "vneid_verified", "has_complaint")


def _flags(con, dossier_id):
    return db.query(con, f"select {', '.join(FLAGS)} from dossiers where dossier_id = $id",
                    {"id": dossier_id}).row(0)


def test_a_file_without_the_flag_columns_stores_them_unknown(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "old.csv", [dossier()])
    ingest_files(con, [path], params_dir=params_dir)
    assert _flags(con, "D-1") == (None,) * 6


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_flag_words_and_an_empty_cell(con, params_dir, tmp_path, writer):
    rows = [
        dossier(dossier_id="YES", has_component_files="1", has_reused_data="Có", from_citizen_store="x",
                has_result_file="TRUE", vneid_verified="có", has_complaint="1"),
        dossier(dossier_id="NO", has_component_files="0", has_reused_data="Không", from_citizen_store="false",
                has_result_file=None, vneid_verified="KHÔNG", has_complaint=None),
        # a word that is neither yes nor no is unknown, and sets nothing aside (§8 has no such reason)
        dossier(dossier_id="ODD", has_component_files="có lẽ", has_reused_data="1", from_citizen_store="0",
                has_result_file="1", vneid_verified="0", has_complaint="0"),
    ]
    suffix = ".csv" if writer is write_csv else ".xlsx"
    summary = ingest_files(con, [writer(tmp_path / f"f{suffix}", rows)], params_dir=params_dir)
    assert summary.set_aside == 0
    assert _flags(con, "YES") == (True,) * 6
    assert _flags(con, "NO") == (False,) * 6
    assert _flags(con, "ODD") == (None, True, False, True, False, False)


def test_vietnamese_labels_submitted_at_and_applicant_type(con, params_dir, tmp_path):
    rows = [
        dossier(dossier_id="A", submitted_at="01/03/2026 21:15:00", applicant_type="Doanh nghiệp"),
        dossier(dossier_id="B", submitted_at="20260301211500", applicant_type="3"),
        dossier(dossier_id="C", submitted_at=None, applicant_type="không rõ"),
    ]
    ingest_files(con, [write_csv(tmp_path / "vi.csv", rows, labels=VI)], params_dir=params_dir)
    got = db.query(con, "select dossier_id, cast(submitted_at as varchar) as s, applicant_type "
                        "from dossiers order by dossier_id").rows()
    assert got == [("A", "2026-03-01 21:15:00", 2), ("B", "2026-03-01 21:15:00", 3), ("C", None, None)]


def test_an_unreadable_submitted_at_sets_the_row_aside(con, params_dir, tmp_path):
    path = write_csv(tmp_path / "bad.csv", [dossier(submitted_at="hôm qua")])
    assert ingest_files(con, [path], params_dir=params_dir).set_aside == 1
    assert db.query(con, "select field, reason from set_aside").row(0) == (
        "submitted_at", "cannot be read as a date")


def test_payload_dates_with_fourteen_digits_or_iso_t(con, params_dir, tmp_path):
    rows = [dossier(dossier_id="A", received_at="20260302080000", due_at="2026-03-02T16:30:00",
                    finished_at="20260302100000")]
    ingest_files(con, [write_csv(tmp_path / "d.csv", rows)], params_dir=params_dir)
    got = db.query(con, "select cast(received_at as varchar), cast(due_at as varchar), "
                        "cast(finished_at as varchar) from dossiers").row(0)
    assert got == ("2026-03-02 08:00:00", "2026-03-02 16:30:00", "2026-03-02 10:00:00")


def test_fee_amount_keeps_empty_apart_from_zero(con, params_dir, tmp_path):
    rows = [dossier(dossier_id="EMPTY", fee_amount=None), dossier(dossier_id="ZERO", fee_amount="0")]
    # the column must exist for a cell to be empty rather than missing
    ingest_files(con, [write_csv(tmp_path / "fee.csv", rows)], params_dir=params_dir)
    got = dict(db.query(con, "select dossier_id, fee_amount from dossiers").rows())
    assert got == {"EMPTY": None, "ZERO": 0}


def test_catalogue_scorecard_columns_are_optional(tmp_path):
    old = tmp_path / "procedures.csv"
    old.write_text("procedure_code,statutory_days,cutoff_15h\n2.000815,0,1\n", encoding="utf-8")
    frame = read_catalogue(old)
    assert frame.select("has_fee", "paper_result").row(0) == (None, None)

    new = tmp_path / "new.csv"
    new.write_text("procedure_code,statutory_days,cutoff_15h,has_fee,paper_result\n"
                   "2.000815,0,1,1,\n1.004222,7,0,0,0\n", encoding="utf-8")
    frame = read_catalogue(new).sort("procedure_code")
    assert frame.select("procedure_code", "has_fee", "paper_result").rows() == [
        ("1.004222", False, False), ("2.000815", True, None)]


def test_catalogue_refuses_a_flag_that_is_not_0_or_1(tmp_path):
    path = tmp_path / "procedures.csv"
    path.write_text("procedure_code,statutory_days,cutoff_15h,has_fee\n2.000815,0,1,maybe\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"line 2: has_fee 'maybe'"):
        read_catalogue(path)


def test_an_older_database_gains_the_new_columns(tmp_path, params_dir):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    db.run(con, "create table dossiers (dossier_id varchar not null, procedure_code varchar, "
                "procedure_name varchar, field_code varchar, field_name varchar, unit_name varchar, "
                "channel utinyint not null, status utinyint not null, received_at timestamp, "
                "due_at timestamp, finished_at timestamp, returned_at timestamp, "
                "supplement_requested_at timestamp, supplement_completed_at timestamp, "
                "supplement_count integer, fee_amount bigint, payment_method varchar, paid_online utinyint, "
                "rating varchar, load_id integer not null, source_row integer not null)")
    db.run(con, "insert into dossiers (dossier_id, channel, status, load_id, source_row, received_at, "
                "due_at, finished_at, procedure_code) values ('OLD', 1, 10, 1, 2, '2026-03-02 08:00', "
                "'2026-03-02 16:30', '2026-03-02 09:00', '2.000815')")
    csv_path = write_csv(tmp_path / "new.csv", [dossier(dossier_id="NEW", has_complaint="1")])
    ingest_files(con, [csv_path], params_dir=params_dir)
    got = db.query(con, "select dossier_id, has_complaint from dossiers order by dossier_id").rows()
    assert got == [("NEW", True), ("OLD", None)]
    con.close()
