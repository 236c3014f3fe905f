"""The mess of real exports, in controlled shares, and none of it with Messiness CLEAN."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import openpyxl
import polars as pl
import pytest

from hoaan_analytics import synth

# high shares so that a small file shows every kind of mess
MESSY = synth.Messiness(nfd_share=0.1, padded_text_share=0.1, blank_channel_share=0.2,
                        blank_due_share=0.1, blank_fee_share=0.5, date_only_share=0.1,
                        excel_date_share=0.1)


def _write(folder, messiness, bom=False):
    specs = [dataclasses.replace(spec, bom=bom) for spec in synth.default_specs(messiness=messiness, bad_rows=0)]
    summaries = synth.synthesize(folder, specs, units=2, years=(2026,), rows=600, seed=4)
    return {s.file_format: s.path for s in summaries}


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("messy"), MESSY, bom=True)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("clean"), synth.CLEAN)


def _xlsx(path):
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return [dict(zip(rows[4], row, strict=True)) for row in rows[5:]]


def _is_nfd(text) -> bool:
    return isinstance(text, str) and unicodedata.normalize("NFC", text) != text


def test_bom_variant(messy, clean):
    assert messy["csv"].read_bytes().startswith(b"\xef\xbb\xbfMaHoSo,")
    assert clean["csv"].read_bytes().startswith(b"MaHoSo,")


def test_some_text_is_decomposed_unicode(messy, clean):
    messy_frame = pl.read_csv(messy["csv"], infer_schema=False)
    clean_frame = pl.read_csv(clean["csv"], infer_schema=False)
    assert any(_is_nfd(v) for v in messy_frame["DonViXuLy"].to_list())
    assert not any(_is_nfd(v) for c in clean_frame.columns for v in clean_frame[c].to_list())


def test_blank_channel_only_for_walk_in_rows(messy):
    rows = _xlsx(messy["xlsx"])
    assert any(r["Hình thức nộp"] is None for r in rows)


def test_blank_due_only_for_catalogued_procedures(messy, params_dir):
    catalogue = set(pl.read_csv(params_dir / "procedures.csv", infer_schema=False)["procedure_code"])
    frame = pl.read_csv(messy["csv"], infer_schema=False)
    blank = frame.filter(pl.col("NgayHenTra").is_null())
    assert blank.height > 0
    assert blank["MaTTHC"].is_in(list(catalogue)).all()


def test_xlsx_has_date_only_text_and_real_excel_dates(messy, clean):
    rows = _xlsx(messy["xlsx"])
    due = [r["Ngày hẹn trả"] for r in rows]
    assert any(isinstance(v, str) and len(v) == 10 for v in due)       # dd/mm/yyyy
    assert any(isinstance(v, dt.datetime) for v in due)                 # an Excel date cell
    clean_due = [r["Ngày hẹn trả"] for r in _xlsx(clean["xlsx"])]
    assert all(isinstance(v, str) and len(v) == 19 for v in clean_due)


def test_padded_and_lower_case_status_text(messy):
    statuses = {r["Trạng thái"] for r in _xlsx(messy["xlsx"])}
    assert any(s != s.strip() or s[0].islower() for s in statuses)
    normalised = {unicodedata.normalize("NFC", s).strip().casefold() for s in statuses}
    assert normalised <= {name.casefold() for name in synth.STATUS_NAMES.values()}


def test_free_dossiers_with_empty_fee(messy):
    frame = pl.read_csv(messy["csv"], infer_schema=False)
    fees = set(frame["TongLePhi"].to_list())
    assert None in fees and "0" in fees
