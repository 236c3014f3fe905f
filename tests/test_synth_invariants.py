"""Realistic invariants of the generated dossiers, checked on the CSV without the loader."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays
import polars as pl
import pytest

from hoaan_analytics import synth

DATES = ["NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "NgayYeuCauBoSung",
         "NgayCongDanBoSung"]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_invariants")
    (summary,) = synth.synthesize(out, synth.default_specs(("csv",), messiness=synth.CLEAN),
                                  units=3, years=(2025, 2026), dossiers_per_unit_year=400, seed=5)
    return summary


@pytest.fixture(scope="module")
def good(export) -> pl.DataFrame:
    """The rows that are not planted bad rows, dates parsed."""
    bad = [b.source_row for b in export.bad_rows]
    frame = pl.read_csv(export.path, infer_schema=False).with_row_index("source_row", offset=2)
    frame = frame.filter(~pl.col("source_row").is_in(bad))
    return frame.with_columns(pl.col(c).str.to_datetime("%Y-%m-%d %H:%M:%S") for c in DATES)


def test_due_never_before_received(good):
    assert good.filter(pl.col("NgayHenTra") < pl.col("NgayTiepNhan")).height == 0


def test_finished_not_before_received_on_good_rows(good):
    assert good.filter(pl.col("NgayKetThucXuLy") < pl.col("NgayTiepNhan")).height == 0


def test_closing_statuses_have_a_finish_and_open_ones_do_not(good):
    closing = pl.col("TrangThaiHoSo").is_in(["7", "8", "9", "10"])
    assert good.filter(closing & pl.col("NgayKetThucXuLy").is_null()).height == 0
    assert good.filter(~closing & pl.col("NgayKetThucXuLy").is_not_null()).height == 0
    # 10 = result returned, 9 = finished but not yet collected
    assert good.filter((pl.col("TrangThaiHoSo") == "10") & pl.col("NgayTra").is_null()).height == 0
    assert good.filter((pl.col("TrangThaiHoSo") == "9") & pl.col("NgayTra").is_not_null()).height == 0


def test_status_mix_is_mostly_closed_with_some_open_near_the_export_date(good):
    counts = dict(good.group_by("TrangThaiHoSo").len().iter_rows())
    closed = counts.get("9", 0) + counts.get("10", 0)
    assert closed > 0.9 * good.height
    assert counts.get("7", 0) > 0 and counts.get("8", 0) > 0
    assert counts.get("1", 0) + counts.get("3", 0) > 0
    open_rows = good.filter(pl.col("TrangThaiHoSo").is_in(["2", "4", "5", "6"]))
    assert open_rows.height > 0
    # open dossiers are mostly recent: received within ~2 months of the export (20/11/2026)
    recent = open_rows.filter(pl.col("NgayTiepNhan") >= datetime(2026, 9, 20)).height
    assert recent > 0.5 * open_rows.height


def test_supplementation_pauses(good):
    asked = good.filter(pl.col("NgayYeuCauBoSung").is_not_null())
    assert asked.height > 0
    assert set(asked["SoLanBoSung"].unique().to_list()) <= {"1", "2"}
    assert "2" in asked["SoLanBoSung"].to_list()
    answered = asked.filter(pl.col("NgayCongDanBoSung").is_not_null())
    assert answered.filter(pl.col("NgayCongDanBoSung") < pl.col("NgayYeuCauBoSung")).height == 0
    finished = answered.filter(pl.col("NgayKetThucXuLy").is_not_null())
    assert finished.filter(pl.col("NgayKetThucXuLy") < pl.col("NgayCongDanBoSung")).height == 0


def test_due_dates_follow_the_catalogue_and_the_vn_calendar(good, params_dir):
    # Recomputed row by row with holidays.VN.is_working_day (worked Saturdays included),
    # METRICS.md §5: n = statutory (+1 with the 15:00 rule after 15:00); n = 0 -> same day.
    catalogue = pl.read_csv(params_dir / "procedures.csv", infer_schema=False)
    statutory = dict(zip(catalogue["procedure_code"], map(int, catalogue["statutory_days"]), strict=True))
    cutoff = dict(zip(catalogue["procedure_code"], [c == "1" for c in catalogue["cutoff_15h"]], strict=True))
    vn = holidays.VN(years=range(2025, 2028))
    rows = good.filter(pl.col("MaTTHC").is_in(list(statutory)) & pl.col("NgayHenTra").is_not_null())
    for code, received, due in rows.select("MaTTHC", "NgayTiepNhan", "NgayHenTra").head(400).iter_rows():
        n = statutory[code] + (1 if cutoff[code] and received.hour >= 15 else 0)
        day = received.date()
        if n == 0:
            while not vn.is_working_day(day):
                day += timedelta(days=1)
        while n > 0:
            day += timedelta(days=1)
            n -= vn.is_working_day(day)
        assert due.date() == day, (code, received, due)


def test_some_dossiers_finish_late_and_most_on_time(good):
    resolved = good.filter(pl.col("TrangThaiHoSo").is_in(["9", "10"]))
    late = resolved.filter(pl.col("NgayKetThucXuLy").dt.date() > pl.col("NgayHenTra").dt.date())
    # the pause may push the finish past the due date without making it late, so this
    # bounds the late share loosely from both sides
    assert 0.02 * resolved.height < late.height < 0.3 * resolved.height


def test_channel_mix_drifts_online(good):
    share = (good.with_columns(pl.col("NgayTiepNhan").dt.year().alias("year"))
             .group_by("year").agg((pl.col("KenhThucHien") == "2").mean().alias("online"))
             .sort("year")["online"].to_list())
    assert share[0] < share[1]
    assert 0.15 < share[0] < 0.8


def test_fees_and_payments(good):
    fee = good["TongLePhi"].cast(pl.Int64)
    assert set(good["HinhThucThanhToan"].drop_nulls().unique().to_list()) == {
        "Tiền mặt", "Chuyển khoản", "Thanh toán trực tuyến"}
    # paid_online 1/2 only with an online payment, and payments only where there is a fee
    paid = good.filter(pl.col("DuocThanhToanTrucTuyen").is_not_null())
    assert set(paid["DuocThanhToanTrucTuyen"].unique().to_list()) == {"1", "2"}
    assert (paid["HinhThucThanhToan"] == "Thanh toán trực tuyến").all()
    assert good.filter((fee == 0) & pl.col("HinhThucThanhToan").is_not_null()).height == 0


def test_ratings_only_on_processed_dossiers(good):
    rated = good.filter(pl.col("DanhGia").is_not_null())
    assert set(rated["DanhGia"].unique().to_list()) == set(synth.RATINGS)
    assert set(rated["TrangThaiHoSo"].unique().to_list()) <= {"9", "10"}


def test_receipts_only_on_working_days(good):
    vn = holidays.VN(years=range(2025, 2027))
    days = {d for d in good["NgayTiepNhan"].dt.date().unique().to_list()}
    assert all(vn.is_working_day(d) for d in days)
    assert date(2026, 8, 22) in days or date(2025, 4, 26) in days  # a worked Saturday is used
