"""Planted bad rows (METRICS.md §8): the planned count, where the summary says, one reason each."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import polars as pl
import pytest

from hoaan_analytics import synth


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_bad")
    # 3 of each kind per file: 8 kinds x 3 = 24 bad rows in each file
    specs = synth.default_specs(bad_rows=3)
    summaries = synth.synthesize(out, specs, units=3, years=(2026,), dossiers_per_unit_year=500, seed=3)
    return {s.file_format: s for s in summaries}


def _csv_rows(summary) -> dict[int, dict]:
    frame = pl.read_csv(summary.path, infer_schema=False).with_row_index("source_row", offset=2)
    return {r["source_row"]: r for r in frame.iter_rows(named=True)}


def test_planned_count_of_each_kind(exports):
    for summary in exports.values():
        assert summary.bad_row_counts() == dict.fromkeys(synth.BAD_ROW_KINDS, 3)


def test_share_gives_at_least_one_of_each_kind(tmp_path):
    (summary,) = synth.synthesize(tmp_path, synth.default_specs(("csv",), bad_rows=0.0001),
                                  units=1, years=(2026,), rows=300, seed=2)
    # 300 x 0.0001 rounds to 0, and at least one of each kind is planted
    assert summary.bad_row_counts() == dict.fromkeys(synth.BAD_ROW_KINDS, 1)


def test_no_bad_rows_when_asked(tmp_path):
    (summary,) = synth.synthesize(tmp_path, synth.default_specs(("csv",), bad_rows=0),
                                  units=1, years=(2026,), rows=300, seed=2)
    assert summary.bad_rows == []


def test_both_formats_carry_the_same_bad_dossiers(exports):
    def key(summary):
        return sorted((b.kind, b.dossier_id or "") for b in summary.bad_rows)

    assert key(exports["csv"]) == key(exports["xlsx"])


def test_csv_rows_are_bad_as_the_summary_says(exports):
    rows = _csv_rows(exports["csv"])
    for bad in exports["csv"].bad_rows:
        row = rows[bad.source_row]
        assert row["MaHoSo"] == bad.dossier_id
        assert row["TrangThaiHoSo"] in {"9", "10"} or bad.kind == "unknown_status"
        if bad.kind == "missing_id":
            assert row["MaHoSo"] is None
        elif bad.kind == "bad_date":
            value = row["NgayHenTra" if bad.field == "due_at" else "NgayTra"]
            with pytest.raises(ValueError):
                datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        elif bad.kind == "unknown_status":
            assert row["TrangThaiHoSo"] not in {str(i) for i in range(1, 11)}
        elif bad.kind == "unknown_channel":
            assert row["KenhThucHien"] not in {"1", "2", "3"}
        elif bad.kind == "missing_received":
            assert row["NgayTiepNhan"] is None
        elif bad.kind == "finished_before_received":
            assert row["NgayKetThucXuLy"] < row["NgayTiepNhan"]  # ISO text sorts as time
        elif bad.kind == "closed_without_finish":
            assert row["NgayKetThucXuLy"] is None
        elif bad.kind == "no_due_unknown_procedure":
            assert row["NgayHenTra"] is None
            assert row["MaTTHC"] in {code for code, *_ in synth.UNKNOWN_PROCEDURES}


def test_good_rows_have_none_of_the_bad_traits(exports):
    bad_rows = {b.source_row for b in exports["csv"].bad_rows}
    for source_row, row in _csv_rows(exports["csv"]).items():
        if source_row in bad_rows:
            continue
        assert row["MaHoSo"] and row["NgayTiepNhan"]
        assert row["TrangThaiHoSo"] in {str(i) for i in range(1, 11)}
        assert row["KenhThucHien"] in {None, "1", "2", "3"}
        if row["NgayKetThucXuLy"]:
            assert row["NgayKetThucXuLy"] >= row["NgayTiepNhan"]
        if row["TrangThaiHoSo"] in {"7", "8", "9", "10"}:
            assert row["NgayKetThucXuLy"]
        if row["MaTTHC"].startswith("9.999"):
            assert row["NgayHenTra"]


def test_xlsx_source_rows_point_at_the_bad_rows(exports):
    book = openpyxl.load_workbook(exports["xlsx"].path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header = rows[4]
    for bad in exports["xlsx"].bad_rows:
        row = dict(zip(header, rows[bad.source_row - 1], strict=True))
        assert row["Mã hồ sơ"] == bad.dossier_id
        if bad.kind == "unknown_status":
            assert row["Trạng thái"] not in synth.STATUS_NAMES.values()
        if bad.kind == "closed_without_finish":
            assert row["Ngày kết thúc xử lý"] is None
