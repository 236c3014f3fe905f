"""Re-exports: a later export shows the same dossiers with newer statuses."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from hoaan_analytics import synth


@pytest.fixture(scope="module")
def two_exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_snap")
    specs = [
        synth.ExportSpec("early.csv", "csv", as_of=date(2026, 6, 30), bad_rows=0,
                         messiness=synth.CLEAN),
        synth.ExportSpec("late.csv", "csv", as_of=date(2026, 11, 20), bad_rows=0,
                         received_from=date(2026, 1, 1), messiness=synth.CLEAN),
    ]
    early, late = synth.synthesize(out, specs, units=2, years=(2025, 2026),
                                   dossiers_per_unit_year=600, seed=9)
    return (pl.read_csv(early.path, infer_schema=False), pl.read_csv(late.path, infer_schema=False))


def test_early_export_stops_at_its_date(two_exports):
    early, _ = two_exports
    last = early["NgayTiepNhan"].str.slice(0, 10).max()
    assert last <= "2026-06-30"
    for column in ("NgayKetThucXuLy", "NgayTra", "NgayYeuCauBoSung", "NgayCongDanBoSung"):
        assert (early[column].drop_nulls().str.slice(0, 10) <= "2026-06-30").all()


def test_late_export_keeps_its_receipt_window(two_exports):
    _, late = two_exports
    assert late["NgayTiepNhan"].str.slice(0, 10).min() >= "2026-01-01"


def test_open_dossiers_come_back_closed(two_exports):
    early, late = two_exports
    both = early.join(late, on="MaHoSo", suffix="_late")
    assert both.height > 0
    reopened = both.filter(pl.col("TrangThaiHoSo").is_in(["2", "4", "5", "6"])
                           & pl.col("TrangThaiHoSo_late").is_in(["7", "8", "9", "10"]))
    assert reopened.height > 0
    # what both exports agree on does not change: receipt and due date
    assert (both["NgayTiepNhan"] == both["NgayTiepNhan_late"]).all()
    assert (both["NgayHenTra"] == both["NgayHenTra_late"]).all()


def test_finished_but_not_returned_becomes_returned(two_exports):
    early, late = two_exports
    both = early.join(late, on="MaHoSo", suffix="_late")
    assert both.filter((pl.col("TrangThaiHoSo") == "9") & (pl.col("TrangThaiHoSo_late") == "10")).height > 0
    # a closing status never goes back to an open one
    assert both.filter(pl.col("TrangThaiHoSo").is_in(["7", "8", "9", "10"])
                       & pl.col("TrangThaiHoSo_late").is_in(["2", "4", "5", "6"])).height == 0
