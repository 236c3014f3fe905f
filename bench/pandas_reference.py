"""The yardstick: on-time rate, online share and time_reduction written the way an
analyst would in pandas (read_csv, numpy busday_count with the holiday list).

It follows METRICS.md on the same export so that its numbers can be compared with
`hoaan kpis` one for one. It is deliberately a straightforward script, not tuned:
it shows what the project must beat. Only the DVCQG CSV label set is handled.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import holidays
import numpy as np
import pandas as pd

STATUS = {
    "mới đăng ký": 1, "được tiếp nhận": 2, "không được tiếp nhận": 3, "đang xử lý": 4,
    "yêu cầu bổ sung giấy tờ": 5, "yêu cầu thực hiện nghĩa vụ tài chính": 6,
    "công dân yêu cầu rút hồ sơ": 7, "dừng xử lý": 8, "đã xử lý xong": 9, "đã trả kết quả": 10,
}
CHANNEL = {"trực tiếp": 1, "trực tuyến": 2, "bưu chính công ích": 3}
DATES = ["NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "NgayYeuCauBoSung", "NgayCongDanBoSung"]


def _code(series: pd.Series, names: dict[str, int], valid: range) -> pd.Series:
    text = series.fillna("").str.strip().str.normalize("NFC").str.lower()
    as_number = pd.to_numeric(text, errors="coerce")
    as_number = as_number.where(as_number.isin(list(valid)))
    return as_number.fillna(text.map(names))


def _dates(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parsed timestamps and a flag for non-empty text that is no date."""
    text = series.fillna("").str.strip()
    iso = pd.to_datetime(text, format="%Y-%m-%d %H:%M:%S", errors="coerce")
    vn = pd.to_datetime(text, format="%d/%m/%Y %H:%M:%S", errors="coerce")
    vn_day = pd.to_datetime(text, format="%d/%m/%Y", errors="coerce")
    iso_day = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    parsed = iso.fillna(vn).fillna(vn_day).fillna(iso_day)
    return parsed, (text != "") & parsed.isna()


def _calendar(years: range):
    vn = holidays.VN(years=list(years), language="vi")
    off = np.array(sorted(vn.keys()), dtype="datetime64[D]")
    worked_weekends = np.array(sorted(d for d in vn.weekend_workdays if d.year in years), dtype="datetime64[D]")
    return off, worked_weekends


def _wd(a: np.ndarray, b: np.ndarray, off, worked) -> np.ndarray:
    """Working days d with a < d <= b; busday_count ignores worked Saturdays, so add them."""
    missing = np.isnat(a) | np.isnat(b)
    a = np.where(missing, np.datetime64("2000-01-01"), a)
    b = np.where(missing, np.datetime64("2000-01-01"), b)
    a1, b1 = a + np.timedelta64(1, "D"), b + np.timedelta64(1, "D")
    count = np.busday_count(a1, b1, holidays=off)
    count = count + np.searchsorted(worked, b1) - np.searchsorted(worked, a1)
    return np.where(b > a, count, 0)


def _nth_working_day(start: np.ndarray, n: np.ndarray, off, worked, years: range) -> np.ndarray:
    days = np.arange(np.datetime64(f"{years.start}-01-01"), np.datetime64(f"{years.stop}-01-01"))
    is_work = np.is_busday(days, holidays=off) | np.isin(days, worked)
    work_days = days[is_work]
    # index of the first working day >= start; n = 0 means that day, n >= 1 the n-th after start
    first = np.searchsorted(work_days, start)
    on_work = (first < len(work_days)) & (work_days[np.minimum(first, len(work_days) - 1)] == start)
    idx = np.where(n == 0, first, np.where(on_work, first + n, first + n - 1))
    return work_days[np.minimum(idx, len(work_days) - 1)]


def kpis(csv_path: Path, catalogue_path: Path, d0: date, d1: date) -> dict[str, float | None]:
    """on_time_rate, online_share and time_reduction of [d0, d1], calendar mode, all units."""
    return kpis_of_frame(read_export(csv_path), catalogue_path, d0, d1)


def read_export(csv_path: Path) -> pd.DataFrame:
    """The export as an analyst reads it: every column as text, empty cells as missing."""
    return pd.read_csv(csv_path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")


def kpis_of_frame(df: pd.DataFrame, catalogue_path: Path, d0: date, d1: date) -> dict[str, float | None]:
    """`kpis` on an export already read by `read_export` (the frame is modified in place)."""
    cat = pd.read_csv(catalogue_path, dtype={"procedure_code": str})
    df["status"] = _code(df["TrangThaiHoSo"], STATUS, range(1, 11))
    df["channel"] = _code(df["KenhThucHien"], CHANNEL, range(1, 4))
    df.loc[df["KenhThucHien"].isna(), "channel"] = 1
    bad_date = pd.Series(False, index=df.index)
    for col in DATES:
        df[col], bad = _dates(df[col])
        bad_date |= bad
    never_received = df["status"].isin([1, 3])
    known = df["MaTTHC"].isin(cat["procedure_code"])
    bad = (
        df["MaHoSo"].isna() | bad_date | df["status"].isna() | df["channel"].isna()
        | df["NgayTiepNhan"].isna()
        | (df["NgayKetThucXuLy"] < df["NgayTiepNhan"])
        | (df["status"].isin([7, 8, 9, 10]) & df["NgayKetThucXuLy"].isna())
        | (df["NgayHenTra"].isna() & ~known)
    )
    df = df[df["MaHoSo"].notna() & (never_received | ~bad)]
    df = df.drop_duplicates("MaHoSo", keep="last")
    df = df[~df["status"].isin([1, 3])].merge(cat, how="left", left_on="MaTTHC", right_on="procedure_code")

    years = range(df["NgayTiepNhan"].dt.year.min() - 1, df["NgayTiepNhan"].dt.year.max() + 3)
    off, worked = _calendar(years)
    received = df["NgayTiepNhan"].dt.floor("D").to_numpy().astype("datetime64[D]")
    finished = df["NgayKetThucXuLy"].dt.floor("D").to_numpy().astype("datetime64[D]")
    pause = (df["NgayCongDanBoSung"] - df["NgayYeuCauBoSung"]).fillna(pd.Timedelta(0))
    effective_end = (df["NgayKetThucXuLy"] - pause).dt.floor("D").to_numpy().astype("datetime64[D]")

    statutory = df["statutory_days"].fillna(0).astype(int).to_numpy()
    after_15h = (df["NgayTiepNhan"].dt.hour >= 15).to_numpy() & (df["cutoff_15h"].fillna(0) == 1).to_numpy()
    derived_due = _nth_working_day(received, statutory + after_15h, off, worked, years)
    due = df["NgayHenTra"].dt.floor("D").to_numpy().astype("datetime64[D]")
    due = np.where(np.isnat(due), derived_due, due)

    d0_, d1_ = np.datetime64(d0), np.datetime64(d1)
    in_r = (received >= d0_) & (received <= d1_)
    carried = (received < d0_) & (np.isnat(finished) | (finished >= d0_))
    resolved = (in_r | carried) & df["status"].isin([7, 8, 9, 10]).to_numpy() & (finished <= d1_)
    late = (effective_end > due) | (df["SoLanBoSung"].fillna("0").astype(int).to_numpy() > 1)

    n_resolved = int(resolved.sum())
    on_time_rate = float((resolved & ~late).sum() / n_resolved) if n_resolved else None
    n_received = int(in_r.sum())
    online_share = float((in_r & (df["channel"].to_numpy() == 2)).sum() / n_received) if n_received else None

    timed = resolved & df["status"].isin([9, 10]).to_numpy() & (df["statutory_days"].fillna(0) >= 1).to_numpy()
    s_req = df["NgayYeuCauBoSung"].dt.floor("D").to_numpy().astype("datetime64[D]")
    s_done = df["NgayCongDanBoSung"].dt.floor("D").to_numpy().astype("datetime64[D]")
    both = ~np.isnat(s_req) & ~np.isnat(s_done)
    elapsed = _wd(received, finished, off, worked)
    paused = _wd(np.where(both, s_req, received), np.where(both, s_done, received), off, worked)
    elapsed = elapsed - np.where(both, paused, 0)
    total_statutory = statutory[timed].sum()
    time_reduction = float(1 - elapsed[timed].sum() / total_statutory) if total_statutory else None
    return {"on_time_rate": on_time_rate, "online_share": online_share, "time_reduction": time_reduction}
