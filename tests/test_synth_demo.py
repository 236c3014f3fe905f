"""The embedded demo exports: written once, returned in load order, and loadable as planned."""

from __future__ import annotations

import json
import unicodedata

import openpyxl
import polars as pl
import pytest

from hoaan_analytics import db, demo, ingest


@pytest.fixture(scope="module")
def demo_set(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    return raw, demo.write_demo_exports(raw)


def test_demo_files_in_load_order(demo_set):
    raw, summaries = demo_set
    names = [s.path.name for s in summaries]
    assert names == ["dossiers_vi_cum1_2026-06-30.xlsx", "dossiers_vi_cum2_2026-06-30.xlsx",
                     "dossiers_dvcqg_2026-11-20.csv", "dossiers_payload_2026-11-20.json"]
    assert demo.ensure_demo_exports(raw) == [s.path for s in summaries]


def test_demo_is_small_but_several_communes_and_both_years(demo_set):
    _, summaries = demo_set
    total = sum(s.rows for s in summaries)
    assert 2_000 < total < 8_000
    csv = pl.read_csv(summaries[2].path, infer_schema=False)
    assert csv["DonViXuLy"].str.strip_chars().str.normalize("NFC").n_unique() == 6


def test_group_xlsx_has_its_own_title_block(demo_set):
    _, summaries = demo_set
    book = openpyxl.load_workbook(summaries[0].path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(max_row=7, values_only=True))
    book.close()
    assert rows[2][0] == "Đơn vị: UBND xã Hòa An, UBND xã Chiêm Hóa, UBND xã Kiên Đài"
    assert rows[6][:2] == ("STT", "Mã hồ sơ")   # header on row 7 here, not 5
    assert summaries[0].first_data_row == 8


def test_existing_files_are_returned_not_overwritten(tmp_path):
    # the oldest export date first, files without a date before those with one, then by name
    for name in ("b_2026-11-20.csv", "a_2026-11-20.xlsx", "export_2025-12-31.XLSX",
                 "nodate.csv", "~$open.xlsx", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in demo.ensure_demo_exports(tmp_path)] == [
        "nodate.csv", "export_2025-12-31.XLSX", "a_2026-11-20.xlsx", "b_2026-11-20.csv"]
    assert (tmp_path / "b_2026-11-20.csv").read_bytes() == b"x"


def test_empty_folder_gets_the_demo(tmp_path):
    files = demo.ensure_demo_exports(tmp_path / "raw")
    assert [p.name for p in files] == [s.file_name for s in demo.demo_specs()]
    assert all(p.stat().st_size > 0 for p in files)


def _good_ids(summary) -> set[str]:
    """Ids of the rows of a file that are not planted bad rows."""
    bad = {b.source_row for b in summary.bad_rows}
    if summary.file_format == "csv":
        frame = pl.read_csv(summary.path, infer_schema=False)
        ids = frame["MaHoSo"].to_list()
    elif summary.file_format == "json":
        ids = [r["hoSo"].get("MaHoSo") for r in json.loads(summary.path.read_text(encoding="utf-8"))]
    else:
        book = openpyxl.load_workbook(summary.path, read_only=True)
        rows = list(book.worksheets[0].iter_rows(min_row=summary.first_data_row, values_only=True))
        book.close()
        ids = [r[1] for r in rows]
    return {i for row, i in enumerate(ids, start=summary.first_data_row) if row not in bad and i}


def test_ingest_sets_aside_exactly_the_planted_rows(demo_set, params_dir):
    _, summaries = demo_set
    con = db.connect(None)
    try:
        ingest.ingest_files(con, [s.path for s in summaries], params_dir=params_dir)
        planted = {(s.path.name, b.source_row) for s in summaries for b in s.bad_rows}
        stored = db.query(con, "select file_name, source_row from set_aside")
        assert set(stored.iter_rows()) == planted
        assert stored.height == len(planted) == len(summaries) * 8      # one reason per planted row
        good = set().union(*(_good_ids(s) for s in summaries))
        loaded = set(db.query(con, "select dossier_id from dossiers")["dossier_id"].to_list())
        assert loaded == good
    finally:
        con.close()


def test_ingest_keeps_the_newer_status_of_a_re_exported_dossier(demo_set, params_dir):
    _, summaries = demo_set
    early = pl.read_excel(summaries[0].path, read_options={"header_row": 6}, infer_schema_length=0)
    open_early = set(early.filter(pl.col("Trạng thái").is_in(["Đang xử lý", "Được tiếp nhận",
                                                               "Yêu cầu bổ sung giấy tờ"]))["Mã hồ sơ"])
    con = db.connect(None)
    try:
        ingest.ingest_files(con, [s.path for s in summaries], params_dir=params_dir)
        statuses = dict(db.query(con, "select dossier_id, status from dossiers").iter_rows())
    finally:
        con.close()
    closed_later = [i for i in open_early if statuses.get(i, 0) >= 7]
    assert closed_later


def test_the_payload_export(demo_set):
    tmp_path, summaries = demo_set
    payload = summaries[-1]
    assert payload.path.name == "dossiers_payload_2026-11-20.json"
    assert demo.ensure_demo_exports(tmp_path) == [s.path for s in summaries]   # loaded last
    records = json.loads(payload.path.read_text(encoding="utf-8"))
    assert len(records) == payload.rows > 0
    units = {unicodedata.normalize("NFC", r["hoSo"]["DonViXuLy"].strip()) for r in records}
    assert units == {"UBND xã Kim Bình", "UBND xã Tân Mỹ", "UBND xã Yên Lập"}   # the second group
    assert min(r["hoSo"]["NgayTiepNhan"] for r in records if r["hoSo"]["NgayTiepNhan"]) >= "20260701"
    # it overlaps the national CSV, as a re-export would
    csv_ids = set(pl.read_csv(summaries[2].path, infer_schema=False)["MaHoSo"].drop_nulls())
    assert {r["hoSo"].get("MaHoSo") for r in records} & csv_ids
