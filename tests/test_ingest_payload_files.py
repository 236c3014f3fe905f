"""Payload files as a whole: both record shapes, JSON and JSONL, numbers or strings, date forms, BOM,
record/line numbers, mixing with flat files in one call."""

from datetime import datetime

import pytest
from ingest_files import dossier, write_csv
from payload_files import RECORD, load_one, load_rows, nested, record, set_aside, write_json, write_jsonl

from hoaan_analytics.ingest import ingest_files

STORED = "select * exclude (load_id, source_row) from dossiers order by dossier_id"


def stored(con):
    return con.sql(STORED).fetchall()


def test_both_record_shapes_store_the_same_row(con, tmp_path, params_dir):
    flat = load_rows(con, write_json(tmp_path / "flat.json", [RECORD]), params_dir)
    con.sql("delete from dossiers")
    shaped = load_rows(con, write_json(tmp_path / "nested.json", [nested(RECORD, [])]), params_dir)
    assert {k: {f: v for f, v in r.items() if f != "load_id"} for k, r in flat.items()} == \
        {k: {f: v for f, v in r.items() if f != "load_id"} for k, r in shaped.items()}
    row = shaped["P-1"]
    assert (row["status"], row["channel"], row["received_at"], row["finished_at"], row["field_code"]) == (
        10, 2, datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 10), "G01-CT")


def test_numbers_and_strings_read_alike(con, tmp_path, params_dir):
    as_numbers = record(KenhThucHien=2, TrangThaiHoSo=10, LoaiDoiTuong=1, DuocThanhToanTrucTuyen=1,
                        NgayTiepNhan=20260302080000, TongLePhi=15000, SoLanBoSung=0)
    as_strings = record(KenhThucHien="2", TrangThaiHoSo="10", LoaiDoiTuong="1", DuocThanhToanTrucTuyen="1",
                        NgayTiepNhan="20260302080000", TongLePhi="15000", SoLanBoSung="0")
    a = load_one(con, write_json(tmp_path / "numbers.json", [as_numbers]), params_dir)
    con.sql("delete from dossiers")
    b = load_one(con, write_json(tmp_path / "strings.json", [as_strings]), params_dir)
    assert {k: v for k, v in a.items() if k != "load_id"} == {k: v for k, v in b.items() if k != "load_id"}
    assert (a["channel"], a["status"], a["applicant_type"], a["paid_online"], a["fee_amount"],
            a["supplement_count"]) == (2, 10, 1, 1, 15000, 0)


@pytest.mark.parametrize("received", ["20260302080000", "2026-03-02T08:00:00", "2026-03-02 08:00:00"])
def test_date_forms(con, tmp_path, params_dir, received):
    row = load_one(con, write_json(tmp_path / "p.json", [record(NgayTiepNhan=received)]), params_dir)
    assert row["received_at"] == datetime(2026, 3, 2, 8)


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".ndjson"])
def test_utf8_with_a_bom(con, tmp_path, params_dir, suffix):
    writer = write_json if suffix == ".json" else write_jsonl
    row = load_one(con, writer(tmp_path / f"bom{suffix}", [record()], bom=True), params_dir)
    assert row["unit_name"] == "UBND xã Hòa An"


def test_json_source_row_is_the_array_position(con, tmp_path, params_dir):
    path = write_json(tmp_path / "p.json", [record(MaHoSo="P-1"), record(MaHoSo=...), record(MaHoSo="P-3")],
                      indent=2)
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.rows_read, summary.loaded, summary.set_aside) == (3, 2, 1)
    assert set_aside(con) == [(2, None, "dossier_id", "no dossier id")]
    assert con.sql("select dossier_id, source_row from dossiers order by 1").fetchall() == [("P-1", 1), ("P-3", 3)]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_jsonl_source_row_is_the_line(con, tmp_path, params_dir, suffix):
    # Two blank lines before each record: records on lines 3, 6 and 9; the second has a bad status.
    path = write_jsonl(tmp_path / f"p{suffix}", [
        record(MaHoSo="P-1"), record(MaHoSo="P-2", TrangThaiHoSo="99"), record(MaHoSo="P-3")],
        blank_lines_before=2)
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert summary.files[0].file_format == "jsonl"
    assert set_aside(con) == [(6, "P-2", "status", "status is neither a code 1-10 nor a status name")]
    assert con.sql("select dossier_id, source_row from dossiers order by 1").fetchall() == [("P-1", 3), ("P-3", 9)]


def test_jsonl_without_blank_lines(con, tmp_path, params_dir):
    path = write_jsonl(tmp_path / "p.jsonl", [nested(record(MaHoSo=f"P-{i}"), []) for i in (1, 2)])
    ingest_files(con, [path], params_dir=params_dir)
    assert con.sql("select dossier_id, source_row from dossiers order by 1").fetchall() == [("P-1", 1), ("P-2", 2)]


def test_mixed_with_a_csv_in_the_order_given(con, tmp_path, params_dir):
    # The same dossier: status 4 in the CSV, 10 in the payload. The later file wins.
    csv_path = write_csv(tmp_path / "flat.csv", [dossier(dossier_id="P-1", status="4", finished_at=None)])
    json_path = write_json(tmp_path / "payload.json", [record()])
    ingest_files(con, [csv_path, json_path], params_dir=params_dir)
    assert con.sql("select status from dossiers").fetchall() == [(10,)]
    ingest_files(con, [csv_path], params_dir=params_dir)  # same bytes as before: skipped
    assert con.sql("select status from dossiers").fetchall() == [(10,)]
    summary = ingest_files(con, [json_path], params_dir=params_dir)
    assert summary.files[0].skipped


def test_payload_then_csv(con, tmp_path, params_dir):
    json_path = write_json(tmp_path / "payload.json", [record()])
    csv_path = write_csv(tmp_path / "flat.csv", [dossier(dossier_id="P-1", status="4", finished_at=None)])
    summary = ingest_files(con, [json_path, csv_path], params_dir=params_dir)
    assert [f.file_format for f in summary.files] == ["json", "csv"]
    # the CSV has no flag columns: its row stores them as unknown, the payload's known zeros are replaced
    assert con.sql("select status, has_component_files from dossiers").fetchall() == [(4, None)]
