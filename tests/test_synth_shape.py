"""The synthetic exports look like the shared samples: labels, header position, personal columns."""

from __future__ import annotations

import csv
import re

import openpyxl
import polars as pl
import pytest

from hoaan_analytics import synth


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_shape")
    summaries = synth.synthesize(out, synth.default_specs(), units=4, years=(2025, 2026),
                                 dossiers_per_unit_year=150, seed=11)
    return {s.file_format: s for s in summaries}


def _csv_frame(summary) -> pl.DataFrame:
    return pl.read_csv(summary.path, infer_schema=False)


_XLSX_CACHE: dict = {}


def _xlsx_rows(summary) -> list[tuple]:
    if summary.path not in _XLSX_CACHE:
        book = openpyxl.load_workbook(summary.path, read_only=True)
        _XLSX_CACHE[summary.path] = list(book.worksheets[0].iter_rows(values_only=True))
        book.close()
    return _XLSX_CACHE[summary.path]


def test_csv_header_is_the_samples_header(exports, samples_dir):
    with open(samples_dir / "dossiers_dvcqg_2026-11-20.csv", encoding="utf-8", newline="") as f:
        sample_header = next(csv.reader(f))
    with open(exports["csv"].path, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == sample_header


def test_csv_uses_crlf_and_no_bom_by_default(exports):
    raw = exports["csv"].path.read_bytes()
    assert raw.startswith(b"MaHoSo,")
    assert raw.count(b"\r\n") == exports["csv"].rows + 1


def test_xlsx_title_rows_and_header_like_the_sample(exports, samples_dir):
    sample = openpyxl.load_workbook(samples_dir / "dossiers_vi_2026-11-20.xlsx", read_only=True)
    sample_rows = list(sample.worksheets[0].iter_rows(min_row=1, max_row=5, values_only=True))
    sample.close()
    rows = _xlsx_rows(exports["xlsx"])
    # row 5 is the header, as in the sample; rows 1-3 are the same kind of title lines
    assert list(rows[4]) == list(sample_rows[4])
    assert rows[0][0] == sample_rows[0][0]
    assert rows[1][0] == sample_rows[1][0]
    assert rows[2][0] == "Xuất ngày: 20/11/2026"
    assert exports["xlsx"].first_data_row == 6


def test_xlsx_stt_counts_rows(exports):
    rows = _xlsx_rows(exports["xlsx"])[5:]
    assert [r[0] for r in rows] == list(range(1, exports["xlsx"].rows + 1))


def test_both_formats_hold_the_same_dossiers(exports):
    csv_ids = _csv_frame(exports["csv"])["MaHoSo"].drop_nulls().to_list()
    xlsx_ids = [r[1] for r in _xlsx_rows(exports["xlsx"])[5:] if r[1]]
    assert exports["csv"].rows == exports["xlsx"].rows
    assert csv_ids == xlsx_ids


def test_status_is_a_code_in_csv_and_text_in_xlsx(exports):
    bad_rows = {b.source_row for b in exports["csv"].bad_rows if b.kind == "unknown_status"}
    codes = _csv_frame(exports["csv"]).with_row_index("row", offset=2).filter(
        ~pl.col("row").is_in(list(bad_rows)))["TrangThaiHoSo"].unique().to_list()
    assert set(codes) <= {str(i) for i in range(1, 11)}
    header = _xlsx_rows(exports["xlsx"])[4]
    status_col = header.index("Trạng thái")
    texts = {r[status_col] for r in _xlsx_rows(exports["xlsx"])[5:]}
    assert "Đã trả kết quả" in texts and "10" not in texts


def test_rows_argument_is_met_exactly(tmp_path):
    (summary,) = synth.synthesize(tmp_path, synth.default_specs(("csv",)), units=5, years=(2026,),
                                  rows=1234, seed=1)
    assert summary.rows == 1234
    assert pl.read_csv(summary.path, infer_schema=False).height == 1234


def test_ids_follow_the_portal_scheme_and_are_unique(exports):
    ids = _csv_frame(exports["csv"])["MaHoSo"].drop_nulls()
    assert ids.str.contains(r"^H56\.\d{2,3}-\d{6}-\d{5}$").all()
    assert ids.n_unique() == ids.len()


def test_units_are_communes_of_the_province(exports):
    units = set(_csv_frame(exports["csv"])["DonViXuLy"].str.strip_chars().str.normalize("NFC").to_list())
    assert units == {"UBND xã Hòa An", "UBND xã Chiêm Hóa", "UBND xã Kiên Đài", "UBND xã Kim Bình"}


def test_personal_columns_look_real(exports):
    frame = _csv_frame(exports["csv"])
    assert frame["SoGiayTo"].str.contains(r"^0\d{11}$").all()   # 12-digit CCCD, province code first
    assert frame["SoDienThoai"].str.contains(r"^0\d{9}$").all()  # 10-digit mobile number
    names = frame["ChuHoSo"].str.normalize("NFC")
    assert names.str.split(" ").list.len().min() >= 3
    assert frame["DiaChi"].str.normalize("NFC").str.contains("tỉnh Tuyên Quang").all()


def test_procedures_come_from_the_catalogue_plus_a_few_unknown(exports, params_dir):
    catalogue = set(pl.read_csv(params_dir / "procedures.csv", infer_schema=False)["procedure_code"])
    codes = _csv_frame(exports["csv"])["MaTTHC"]
    unknown = codes.filter(~codes.is_in(list(catalogue)))
    assert 0 < unknown.len() < 0.05 * codes.len()
    assert set(unknown.to_list()) <= {code for code, *_ in synth.UNKNOWN_PROCEDURES}


def test_codes_stay_text(exports):
    # a procedure code like 2.000720 must not become a number anywhere
    codes = _csv_frame(exports["csv"])["MaTTHC"]
    assert codes.str.contains(r"^\d\.\d{6}$").all()


def test_date_text_formats(exports):
    received = _csv_frame(exports["csv"])["NgayTiepNhan"].drop_nulls()
    assert received.str.contains(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$").all()
    header = _xlsx_rows(exports["xlsx"])[4]
    col = header.index("Ngày tiếp nhận")
    texts = [r[col] for r in _xlsx_rows(exports["xlsx"])[5:] if isinstance(r[col], str)]
    assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}", t) for t in texts)
