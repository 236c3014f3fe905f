"""Seeded, realistic synthetic dossier exports, streamed to disk at any size.

The files look like the three shared samples: the national sync CSV (DVCQG labels,
ISO timestamps, status and channel as codes), the commune's Vietnamese XLSX
(title rows above the header, an STT column, Vietnamese labels, status and channel
as text, `dd/mm/yyyy HH:MM:SS` text dates) and the national sync payload
(`json`/`jsonl`, METRICS.md §2a: `{"hoSo": …, "tienTrinhDongBo": […]}` records with
the supplementation rounds, fee list, component files, result documents and the
processing log). All carry the applicants' personal data, filled with fake but
realistic values, so that privacy checks have something to find. The same seed
gives the same dossiers and canonical values in every format.

The calendar (holidays.VN, worked Saturdays, params/calendar.csv) and the
catalogue (params/procedures.csv, with has_fee and paper_result) are read with the
package's own `calendar.calendar_rows` and `catalogue.read_catalogue`, so the
generator and the KPIs agree on working days and procedures; synth then turns
them into numpy arrays for its vectorised due dates.

The 766 scorecard fields (METRICS.md §2, §9) draw from their own random stream, at
rates chosen to look like a commune in 2025-2026 and to move over time: online
dossiers are submitted 10 minutes to 3 days before reception (walk-in and postal at
the moment of reception); applicant_type is 1 except for household-business
procedures (60% type 2) and land/construction (6%); component files on 80-95% of
online and 20-65% of walk-in dossiers (digitisation at the counter grows);
reused data and the citizen's document store only on dossiers with files, more
online; an electronic result for 45-80% of paper-result procedures (+10 points
online), 25% for the others, and only once processed (status 9/10); VNeID on
55-90% of online and 8-18% of walk-in dossiers; complaints on 0.2% of dossiers,
3% of late ones. Fees exist only where the catalogue's has_fee is 1 (3% of those
dossiers are exempt, fee 0).

How a dossier is made (one "truth" per dossier, then one snapshot per export):

- receipt days are working days (holidays.VN with its worked Saturdays) of the
  requested years up to the export date; the rows are spread over (day, unit)
  cells by a multinomial draw, so `rows` is met exactly;
- the due date follows METRICS.md §5: received + the catalogue's statutory working
  days, one more with the 15:00 rule when received at or after 15:00, at 16:30;
- the finish is early, on the due day or late (late gets rarer over time, a few
  dossiers are stuck for weeks), plus any supplementation pause, which is added as
  a timestamp duration so that the effective end is the planned working day;
- each export is a snapshot at its `as_of` date: what finished later is still open
  (status 2/4/5/6), what was finished but not yet returned is 9, and so on. The
  same dossier in a later export therefore has a newer status.

Generation runs in chunks of whole receipt days (about CHUNK_ROWS rows), with
numpy and polars; CSV is appended chunk by chunk and XLSX is written by xlsxwriter
in constant_memory mode, so memory does not grow with the number of rows. The
same arguments give the same bytes.

Messiness is controlled by `Messiness` (shares of rows) and bad rows (METRICS.md §8)
are planted on otherwise clean closed rows, exactly one reason per row, and
listed in each file's `ExportSummary`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from hoaan_analytics import calendar, catalogue
from hoaan_analytics import synth_names as names
from hoaan_analytics.paths import params_dir

FORMATS = ("csv", "xlsx", "json", "jsonl")
DEFAULT_FORMATS = ("csv", "xlsx")   # the flat pair of the shared samples; payload files on request
PAYLOAD_FORMATS = ("json", "jsonl")
CHUNK_ROWS = 50_000

STATUS_NAMES = {
    1: "Mới đăng ký", 2: "Được tiếp nhận", 3: "Không được tiếp nhận", 4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ", 6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ", 8: "Dừng xử lý", 9: "Đã xử lý xong", 10: "Đã trả kết quả",
}
CHANNEL_NAMES = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}
PAYMENT_METHODS = ("Tiền mặt", "Chuyển khoản", "Thanh toán trực tuyến")
RATINGS = ("Rất hài lòng", "Hài lòng", "Không hài lòng")

# canonical name -> (DVCQG label, Vietnamese label); None: the label set has no such column.
# Written out again on purpose rather than taken from ingest.labels: the generator stands for
# the provincial system, so a wrong label in the loader must not be copied into the test data.
LABELS: dict[str, tuple[str | None, str | None]] = {
    "row_number": (None, "STT"),
    "dossier_id": ("MaHoSo", "Mã hồ sơ"),
    "procedure_code": ("MaTTHC", "Mã thủ tục"),
    "procedure_name": ("TenTTHC", "Tên thủ tục"),
    "field_name": ("TenLinhVuc", "Lĩnh vực"),
    "unit_name": ("DonViXuLy", "Đơn vị xử lý"),
    "channel": ("KenhThucHien", "Hình thức nộp"),
    "status": ("TrangThaiHoSo", "Trạng thái"),
    "received_at": ("NgayTiepNhan", "Ngày tiếp nhận"),
    "due_at": ("NgayHenTra", "Ngày hẹn trả"),
    "finished_at": ("NgayKetThucXuLy", "Ngày kết thúc xử lý"),
    "returned_at": ("NgayTra", "Ngày trả kết quả"),
    "supplement_requested_at": ("NgayYeuCauBoSung", "Ngày yêu cầu bổ sung"),
    "supplement_completed_at": ("NgayCongDanBoSung", "Ngày công dân bổ sung"),
    "supplement_count": ("SoLanBoSung", "Số lần yêu cầu bổ sung"),
    "fee_amount": ("TongLePhi", "Phí, lệ phí (đồng)"),
    "payment_method": ("HinhThucThanhToan", "Hình thức thanh toán"),
    "paid_online": ("DuocThanhToanTrucTuyen", "Thanh toán trực tuyến"),
    "rating": ("DanhGia", "Đánh giá"),
    "applicant_name": ("ChuHoSo", "Chủ hồ sơ"),
    "applicant_id_number": ("SoGiayTo", "Số CCCD/Giấy tờ"),
    "applicant_phone": ("SoDienThoai", "Số điện thoại"),
    "applicant_address": ("DiaChi", "Địa chỉ"),
    "submitted_at": ("NgayNopHoSo", "Ngày nộp hồ sơ"),
    "applicant_type": ("LoaiDoiTuong", "Loại đối tượng"),
    "has_component_files": ("CoTepThanhPhan", "Có tệp thành phần hồ sơ"),
    "has_reused_data": ("HoSoCoThanhPhanSoHoa", "Có thành phần tái sử dụng dữ liệu số hóa"),
    "from_citizen_store": ("DuocLayTuKhoDMQG", "Lấy từ kho dữ liệu cá nhân"),
    "has_result_file": ("CoTepKetQua", "Có kết quả điện tử"),
    "vneid_verified": ("TaiKhoanDuocXacThucVoiVNeID", "Tài khoản xác thực VNeID"),
    "has_complaint": ("CoPhanAnhKienNghi", "Có phản ánh, kiến nghị"),
    "note": ("GhiChu", None),
}
LABEL_SETS = ("dvcqg", "vi")
DATE_COLUMNS = ("received_at", "due_at", "finished_at", "returned_at",
                "supplement_requested_at", "supplement_completed_at", "submitted_at")
FLAG_COLUMNS = ("has_component_files", "has_reused_data", "from_citizen_store", "has_result_file",
                "vneid_verified", "has_complaint")
APPLICANT_TYPES = {1: "Công dân", 2: "Doanh nghiệp", 3: "Cơ quan nhà nước", 4: "Khác"}
TEXT_COLUMNS = ("procedure_name", "field_name", "unit_name", "channel", "status", "payment_method",
                "rating", "applicant_name", "applicant_address")

# Each kind is exactly one reason of METRICS.md §8, planted on a clean closed row.
BAD_ROW_KINDS = (
    "missing_id", "bad_date", "unknown_status", "unknown_channel", "missing_received",
    "finished_before_received", "closed_without_finish", "no_due_unknown_procedure",
)

# Procedures outside any catalogue, as communes have them (their rows carry a due date).
UNKNOWN_PROCEDURES = (
    ("9.999001", "Thủ tục địa phương thử nghiệm A", "Khác", 5),
    ("9.999002", "Thủ tục địa phương thử nghiệm B", "Khác", 5),
    ("9.999003", "Thủ tục địa phương thử nghiệm C", "Khác", 3),
)
# Relative frequency of procedures at a commune, from the shared samples; others get 3.
PROCEDURE_WEIGHTS = {
    "2.000815": 144, "1.001193": 71, "2.000884": 54, "1.004222": 44, "1.004873": 34,
    "1.004194": 34, "2.000635": 29, "1.000894": 24, "1.000656": 22, "1.004859": 20,
    "1.001776": 17, "1.012757": 16, "2.000720": 15, "2.001019": 12, "1.003677": 12,
    "1.009974": 11, "1.001731": 10, "1.012756": 9, "1.010038": 6, "1.004884": 5,
    "9.999001": 3, "9.999002": 3, "9.999003": 2,
}
# (amounts in đồng, their weights); procedures not listed are free.
PROCEDURE_FEES = {
    "2.000815": ((10_000, 6_000, 4_000, 20_000), (6, 2, 1, 1)),
    "2.000884": ((10_000,), (1,)), "2.000992": ((10_000,), (1,)),
    "2.001019": ((50_000, 30_000), (3, 1)), "2.000635": ((8_000,), (1,)),
    "1.004884": ((5_000,), (1,)), "1.004746": ((5_000,), (1,)),
    "1.009974": ((75_000,), (1,)), "1.012756": ((100_000,), (1,)),
    "1.012757": ((50_000,), (1,)), "2.000720": ((100_000,), (1,)),
    "9.999001": ((0, 10_000), (4, 1)),
}
# Share submitted online at the start of the period, by field (lĩnh vực); drifts up over time.
ONLINE_BASE = {
    "Hộ tịch": 0.40, "Chứng thực": 0.18, "Đăng ký, quản lý cư trú": 0.50, "Đất đai": 0.20,
    "Xây dựng": 0.30, "Bảo trợ xã hội": 0.25, "Thành lập và hoạt động của hộ kinh doanh": 0.45,
}

# MaLinhVuc of the payload, by field name (as the shared payload sample codes them)
FIELD_CODES = {
    "Chứng thực": "G01-CT", "Hộ tịch": "G01-HT", "Thành lập và hoạt động của hộ kinh doanh": "G03-HKD",
    "Xây dựng": "G04-XD", "Đất đai": "G05-DD", "Bảo trợ xã hội": "G07-BTXH",
    "Đăng ký, quản lý cư trú": "G10-CT", "Hòa giải ở cơ sở": "G01-HGCS",
}

OFFICE_MORNING = (7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60)
OFFICE_AFTERNOON = (13 * 3600 + 30 * 60, 17 * 3600)
DUE_TIME = 16 * 3600 + 30 * 60
CUTOFF_15H = 15 * 3600
DAY = 86_400


@dataclass(frozen=True)
class Messiness:
    """Shares of rows that carry each kind of harmless mess of real exports.

    None of these makes a row unusable (METRICS.md §2 says the loader must accept
    them); unusable rows are planted separately (`BAD_ROW_KINDS`).
    """

    nfd_share: float = 0.02            # text cells in decomposed Unicode (NFD)
    padded_text_share: float = 0.01    # unit name with spaces around, status text in lower case
    blank_channel_share: float = 0.03  # of walk-in rows: channel left empty (counts as 1)
    blank_due_share: float = 0.01      # of catalogued procedures: due date left empty
    blank_fee_share: float = 0.30      # of free dossiers: fee empty instead of "0"
    date_only_share: float = 0.03      # XLSX: due/returned dates as dd/mm/yyyy without time
    excel_date_share: float = 0.02     # XLSX: all dates of the row as real Excel date cells


CLEAN = Messiness(0, 0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class ExportSpec:
    """One export file: which dossiers (units, receipt window), seen at which date, how written.

    Two specs with the same `as_of`, `unit_indexes`, `received_from` and `bad_rows`
    hold the same dossiers and the same bad rows, whatever their format.
    """

    file_name: str
    file_format: str = "csv"                   # "csv" | "xlsx" | "json" | "jsonl"
    as_of: date | None = None                  # export date (snapshot); None: the population's
    unit_indexes: tuple[int, ...] | None = None  # None: every unit
    received_from: date | None = None          # only dossiers received on/after this date
    label_set: str | None = None               # "dvcqg" | "vi"; None: dvcqg for CSV, vi for XLSX
    status_as: str | None = None               # "code" | "text"; None: code for CSV, text for XLSX
    bom: bool = False                          # CSV: start with a UTF-8 byte order mark
    title_rows: tuple[str, ...] | None = None  # XLSX: lines above the header; None: like the sample
    messiness: Messiness = field(default_factory=Messiness)
    bad_rows: int | float = 0.0005             # per kind: a count, or a share of rows (at least 1)


@dataclass(frozen=True)
class BadRow:
    """A planted unusable row: where it is and which METRICS.md §8 reason it has."""

    source_row: int          # 1-based row as a spreadsheet shows it (header rows counted)
    kind: str                # one of BAD_ROW_KINDS
    field: str               # canonical field at fault
    dossier_id: str | None   # the id written on that row (None for missing_id)


@dataclass
class ExportSummary:
    """What was written to one file."""

    path: Path
    file_format: str
    as_of: date
    rows: int = 0                        # data rows (bad ones included)
    first_data_row: int = 2              # source_row of the first data row
    bad_rows: list[BadRow] = field(default_factory=list)

    def bad_row_counts(self) -> dict[str, int]:
        """Planted bad rows per kind."""
        counts = dict.fromkeys(BAD_ROW_KINDS, 0)
        for bad in self.bad_rows:
            counts[bad.kind] += 1
        return counts


# --------------------------------------------------------------------------- public API


def write_exports(out_dir: str | os.PathLike[str], *, units: int = 3,
                  years: Sequence[int] | range = (2025, 2026), rows: int | None = None,
                  dossiers_per_unit_year: int = 1000, formats: Sequence[str] = DEFAULT_FORMATS,
                  seed: int = 0, export_date: date | None = None,
                  messiness: Messiness = Messiness(), bad_rows: int | float = 0.0005,
                  procedures_csv: str | os.PathLike[str] | None = None,
                  progress: Callable[[int], None] | None = None) -> list[Path]:
    """Write one export per format holding the same dossiers, like the shared samples.

    `units` communes of the province (the first three are Hòa An, Chiêm Hóa, Kiên
    Đài), dossiers received on working days of `years` up to `export_date` (default:
    20 November of the last year, so that the last year is still running). Size:
    `rows` dossiers in each file when given, else about `dossiers_per_unit_year` per
    unit and full year (units differ in size). Files: `dossiers_dvcqg_<date>.csv`,
    `dossiers_vi_<date>.xlsx` and `dossiers_payload_<date>.json` / `.jsonl` in `out_dir`. `bad_rows` per kind of METRICS.md §8:
    a count, or a share of rows (at least one each; 0 for none). Same arguments,
    same bytes. `progress` is called with the number of dossiers generated so far.
    """
    summaries = synthesize(
        out_dir, default_specs(formats, messiness=messiness, bad_rows=bad_rows,
                               export_date=export_date, years=years),
        units=units, years=years, rows=rows, dossiers_per_unit_year=dossiers_per_unit_year,
        seed=seed, export_date=export_date, procedures_csv=procedures_csv, progress=progress)
    return [s.path for s in summaries]


def default_specs(formats: Sequence[str] = DEFAULT_FORMATS, *, messiness: Messiness = Messiness(),
                  bad_rows: int | float = 0.0005, export_date: date | None = None,
                  years: Sequence[int] | range = (2025, 2026)) -> list[ExportSpec]:
    """The specs `write_exports` uses: one file per format, all dossiers, named like the samples."""
    as_of = export_date or _default_export_date(years)
    specs = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        label = {"csv": "dvcqg", "xlsx": "vi"}.get(fmt, "payload")
        specs.append(ExportSpec(f"dossiers_{label}_{as_of.isoformat()}.{fmt}", fmt, as_of=as_of,
                                messiness=messiness, bad_rows=bad_rows))
    return specs


def synthesize(out_dir: str | os.PathLike[str], exports: Sequence[ExportSpec], *,
               units: int | Sequence[int] = 3, years: Sequence[int] | range = (2025, 2026),
               rows: int | None = None, dossiers_per_unit_year: int = 1000, seed: int = 0,
               export_date: date | None = None,
               procedures_csv: str | os.PathLike[str] | None = None,
               progress: Callable[[int], None] | None = None) -> list[ExportSummary]:
    """Generate one population of dossiers once and write every export of it.

    `units` is a count (the first N units of `synth_names.UNITS`) or the indexes of
    the units to use. `rows` is the number of dossiers in the population (an export
    holds those of its units and receipt window). Returns one summary per export,
    in the order given, with the planted bad rows.
    """
    population = _Population.build(units=units, years=years, rows=rows,
                                   dossiers_per_unit_year=dossiers_per_unit_year, seed=seed,
                                   export_date=export_date, procedures_csv=procedures_csv)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writers = [_writer_for(out, spec, population, i) for i, spec in enumerate(exports)]
    done = 0
    try:
        for chunk_no, chunk in enumerate(population.chunks()):
            truth = population.truth(chunk, chunk_no)
            for writer in writers:
                writer.write_chunk(truth, chunk_no)
            done += len(truth["unit"])
            if progress is not None:
                progress(done)
    finally:
        for writer in writers:
            writer.close()
    return [w.summary for w in writers]


# --------------------------------------------------------------------------- calendar


class _Calendar:
    """Working days as arrays, for vectorised due dates (METRICS.md §3).

    cum[i] = number of working days among days[0..i], so wd(a, b) = cum[b] - cum[a]
    and the day d with wd(a, d) = n (d working) is work_pos[cum[a] + n - 1].
    """

    def __init__(self, first: date, last: date, params: Path | None = None) -> None:
        # the package's own calendar (holidays.VN, worked Saturdays, params/calendar.csv), so
        # that the due dates written here are the ones the KPIs compute
        rows = calendar.calendar_rows(first, last, calendar.load_overrides(params or params_dir()))
        self.first = first
        n_days = (last - first).days + 1
        self.days = np.arange(np.datetime64(first, "D"), np.datetime64(first, "D") + n_days)
        weekday = (self.days.astype("int64") + 3) % 7  # 1970-01-01 was a Thursday (3)
        self.weekday = weekday
        self.is_work = np.array([row[1] for row in rows], dtype=bool)
        self.cum = np.cumsum(self.is_work)
        self.work_pos = np.flatnonzero(self.is_work)
        self.epoch = (self.days.astype("datetime64[s]").astype("int64"))  # midnight, seconds

    def pos(self, day: date) -> int:
        return (day - self.first).days

    def add_working_days(self, pos: np.ndarray, n: np.ndarray) -> np.ndarray:
        """Day position with wd(pos, result) = n, a working day; n = 0: pos or the next working day."""
        k = self.cum[pos] + n - 1 + ((n == 0) & ~self.is_work[pos])
        return self.work_pos[np.clip(k, 0, len(self.work_pos) - 1)]


# --------------------------------------------------------------------------- population


@dataclass
class _Catalogue:
    codes: list[str]
    names: list[str]
    fields: list[str]
    statutory: np.ndarray
    cutoff: np.ndarray
    known: np.ndarray
    p: np.ndarray
    online_base: np.ndarray
    fee_amounts: list[tuple[int, ...]]
    fee_weights: list[tuple[int, ...]]
    paper_result: np.ndarray   # the catalogue's paper_result (unknown: 1, as most results are)
    field_codes: list[str]

    @classmethod
    def load(cls, path: Path) -> _Catalogue:
        # the package's reader, so that a catalogue it refuses is refused here too
        frame = catalogue.read_catalogue(path)
        rows = [(r["procedure_code"], r["procedure_name"] or r["procedure_code"], r["field_name"] or "Khác",
                 int(r["statutory_days"]), bool(r["cutoff_15h"]), True,
                 r["has_fee"] if r["has_fee"] is not None else r["procedure_code"] in PROCEDURE_FEES,
                 r["paper_result"] if r["paper_result"] is not None else True)
                for r in frame.iter_rows(named=True)]
        rows += [(code, name, fld, days, False, False, code in PROCEDURE_FEES, True)
                 for code, name, fld, days in UNKNOWN_PROCEDURES]
        weights = np.array([PROCEDURE_WEIGHTS.get(r[0], 3) for r in rows], dtype=float)
        # a fee only where the catalogue says the procedure has one; 10,000 đồng when it does
        # but PROCEDURE_FEES does not know how much
        fees = [PROCEDURE_FEES.get(r[0], ((10_000,), (1,))) if r[6] else ((0,), (1,)) for r in rows]
        return cls(codes=[r[0] for r in rows], names=[r[1] for r in rows],
                   fields=[r[2] for r in rows],
                   statutory=np.array([r[3] for r in rows]), cutoff=np.array([r[4] for r in rows]),
                   known=np.array([r[5] for r in rows]), p=weights / weights.sum(),
                   online_base=np.array([ONLINE_BASE.get(r[2], 0.35) for r in rows]),
                   fee_amounts=[f[0] for f in fees], fee_weights=[f[1] for f in fees],
                   paper_result=np.array([r[7] for r in rows], dtype=bool),
                   field_codes=[FIELD_CODES.get(r[2], "G99") for r in rows])


def _default_export_date(years: Sequence[int] | range) -> date:
    return date(max(years), 11, 20)


@dataclass
class _Population:
    seed: int
    unit_indexes: list[int]
    unit_names: list[str]
    unit_codes: list[str]
    unit_communes: list[tuple[str, str]]
    export_date: date
    cal: _Calendar
    cat: _Catalogue
    cell_day: np.ndarray      # calendar position of each non-empty (day, unit) cell, sorted
    cell_unit: np.ndarray     # position in unit_indexes
    cell_count: np.ndarray
    data_first_pos: int
    data_span: int
    unit_online: np.ndarray
    unit_late: np.ndarray
    chunk_bounds: list[tuple[int, int]] = field(default_factory=list)  # cell ranges

    @classmethod
    def build(cls, *, units: int | Sequence[int], years: Sequence[int] | range,
              rows: int | None, dossiers_per_unit_year: int, seed: int,
              export_date: date | None,
              procedures_csv: str | os.PathLike[str] | None) -> _Population:
        years = sorted(set(int(y) for y in years))
        if not years:
            raise ValueError("years is empty")
        if isinstance(units, int):
            if units < 1:
                raise ValueError("units must be at least 1")
            unit_indexes = list(range(units))
        else:
            unit_indexes = [int(u) for u in units]
        export_date = export_date or _default_export_date(years)
        first = date(years[0], 1, 1)
        last_received = min(date(years[-1], 12, 31), export_date)
        if last_received < first:
            raise ValueError(f"export date {export_date} is before the first year {years[0]}")
        cal = _Calendar(first, max(last_received, export_date) + timedelta(days=400))
        cat = _Catalogue.load(Path(procedures_csv) if procedures_csv
                              else params_dir() / "procedures.csv")
        rng = np.random.default_rng([seed, 0])

        unit_names, unit_codes, communes = [], [], []
        for u in unit_indexes:
            kind, name = names.UNITS[u % len(names.UNITS)]
            if u >= len(names.UNITS):  # beyond the list: a numbered twin, still unique
                name = f"{name} {u // len(names.UNITS) + 1}"
            unit_names.append(f"UBND {kind} {name}")
            unit_codes.append(f"H56.{10 + u}")
            communes.append((kind, name))
        n_units = len(unit_indexes)
        size = rng.lognormal(0.0, 0.45, n_units)
        size /= size.mean()
        unit_online = rng.normal(0.0, 0.06, n_units)
        unit_late = rng.normal(0.0, 0.02, n_units)

        last_pos = cal.pos(last_received)
        positions = np.arange(0, last_pos + 1)
        day_years = cal.days[positions].astype("datetime64[Y]").astype(int) + 1970
        in_years = np.isin(day_years, years) & cal.is_work[positions]
        day_pos = positions[in_years]
        month = cal.days[day_pos].astype("datetime64[M]").astype(int) % 12 + 1
        weekday = cal.weekday[day_pos]
        month_factor = np.array([1.15, 0.75, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.05, 1.1])
        weekday_factor = np.array([1.25, 1.05, 1.0, 1.0, 0.9, 0.8, 0.8])
        growth = 1.0 + 0.05 * (day_years[in_years] - years[0])
        day_weight = month_factor[month - 1] * weekday_factor[weekday] * growth

        if rows is None:
            # a full year of each unit = dossiers_per_unit_year x its size
            full = 0.0
            for y in years:
                in_y = day_years[in_years] == y
                y_days = cal.is_work[cal.pos(date(y, 1, 1)):cal.pos(date(y, 12, 31)) + 1]
                full += in_y.sum() / max(int(y_days.sum()), 1)
            rows = int(round(dossiers_per_unit_year * n_units * full))
        if rows < 0:
            raise ValueError("rows must not be negative")
        weights = np.outer(day_weight, size).ravel()
        counts = rng.multinomial(rows, weights / weights.sum()).reshape(len(day_pos), n_units)
        nz_day, nz_unit = np.nonzero(counts)  # row-major: sorted by day, then unit
        population = cls(seed=seed, unit_indexes=unit_indexes, unit_names=unit_names,
                         unit_codes=unit_codes, unit_communes=communes, export_date=export_date,
                         cal=cal, cat=cat, cell_day=day_pos[nz_day], cell_unit=nz_unit,
                         cell_count=counts[nz_day, nz_unit],
                         data_first_pos=int(day_pos[0]) if len(day_pos) else 0,
                         data_span=max(int(day_pos[-1] - day_pos[0]) if len(day_pos) else 1, 1),
                         unit_online=unit_online, unit_late=unit_late)
        population._plan_chunks()
        return population

    def _plan_chunks(self) -> None:
        # whole days per chunk, so that ids numbered per (unit, day) never straddle two chunks
        bounds, start, acc = [], 0, 0
        day_change = np.flatnonzero(np.diff(self.cell_day)) + 1
        day_starts = np.concatenate([[0], day_change, [len(self.cell_day)]])
        day_rows = np.add.reduceat(self.cell_count, day_starts[:-1]) if len(self.cell_day) else []
        for i, n in enumerate(day_rows):
            acc += int(n)
            if acc >= CHUNK_ROWS:
                bounds.append((start, int(day_starts[i + 1])))
                start, acc = int(day_starts[i + 1]), 0
        if start < len(self.cell_day):
            bounds.append((start, len(self.cell_day)))
        self.chunk_bounds = bounds

    def chunks(self) -> Iterator[tuple[int, int]]:
        yield from self.chunk_bounds

    def cells_rows(self, keep_unit: np.ndarray, from_pos: int, to_pos: int) -> np.ndarray:
        """Rows per chunk of an export that keeps these units and receipt days."""
        keep = keep_unit[self.cell_unit] & (self.cell_day >= from_pos) & (self.cell_day <= to_pos)
        kept = np.where(keep, self.cell_count, 0)
        return np.array([kept[a:b].sum() for a, b in self.chunk_bounds], dtype=np.int64)

    # ------------------------------------------------------------------ one chunk of dossiers

    def truth(self, chunk: tuple[int, int], chunk_no: int) -> dict[str, np.ndarray]:
        """Every dossier of a chunk as it finally happens, sorted by receipt time."""
        a, b = chunk
        rng = np.random.default_rng([self.seed, 1, chunk_no])
        # the fields of METRICS.md §2 added for the 766 scorecard draw from their own stream,
        # so that adding them left every earlier value of a seed as it was
        extra = np.random.default_rng([self.seed, 5, chunk_no])
        cal, cat = self.cal, self.cat
        day = np.repeat(self.cell_day[a:b], self.cell_count[a:b])
        unit = np.repeat(self.cell_unit[a:b], self.cell_count[a:b])
        n = len(day)
        t = (day - self.data_first_pos) / self.data_span  # 0 at the first day, 1 at the last

        proc = rng.choice(len(cat.codes), size=n, p=cat.p)
        p_online = np.clip(cat.online_base[proc] + 0.30 * t + self.unit_online[unit], 0.02, 0.95)
        u = rng.random(n)
        channel = np.where(u < p_online, 2, np.where(u < p_online + 0.02, 3, 1))

        morning = rng.random(n) < 0.6
        tod = np.where(morning, rng.integers(*OFFICE_MORNING, n), rng.integers(*OFFICE_AFTERNOON, n))
        evening = (channel == 2) & (rng.random(n) < 0.04)
        tod = np.where(evening, rng.integers(17 * 3600, 21 * 3600, n), tod)
        received = cal.epoch[day] + tod

        n_eff = cat.statutory[proc] + (cat.cutoff[proc] & (tod >= CUTOFF_15H))
        due = cal.epoch[cal.add_working_days(day, n_eff)] + DUE_TIME

        # final outcome: 1 never received, 3 refused, 7 withdrawn, 8 stopped, 0 processed
        u = rng.random(n)
        final = np.select([u < 0.003, u < 0.008, u < 0.023, u < 0.035], [1, 3, 7, 8], 0)

        late_p = np.clip(0.10 - 0.05 * t + self.unit_late[unit], 0.01, 0.3)
        r = rng.random(n)
        late = r < late_p
        stuck = r < 0.004
        early = (r >= late_p) & (r < late_p + 0.42) & (n_eff >= 1)
        shift = np.zeros(n, dtype=np.int64)
        shift = np.where(early, -(np.floor(rng.random(n) * n_eff).astype(np.int64) + 1), shift)
        shift = np.where(late, rng.integers(1, 6, n), shift)
        shift = np.where(stuck, rng.integers(10, 41, n), shift)
        finish_offset = np.maximum(n_eff + shift, 0)
        withdrawn = (final == 7) | (final == 8)
        finish_offset = np.where(withdrawn, np.floor(rng.random(n) * (n_eff + 1)).astype(np.int64),
                                 finish_offset)
        finish_day = cal.add_working_days(day, finish_offset)
        same_day = finish_offset == 0
        office = self._office_times(rng, n)
        base_finish = np.where(same_day, received + rng.integers(300, 4 * 3600, n),
                               cal.epoch[finish_day] + office)

        # supplementation: first request before the finish day, pause added as a duration
        sup = (final == 0) & (finish_offset >= 1) & (rng.random(n) < 0.07)
        req_offset = np.floor(rng.random(n) * finish_offset).astype(np.int64)
        req_day = cal.add_working_days(day, req_offset)
        requested = np.where(req_offset == 0, received + rng.integers(600, 7200, n),
                             cal.epoch[req_day] + self._office_times(rng, n))
        pause = (np.minimum(rng.exponential(2.5 * DAY, n), 20 * DAY) + 3600).astype(np.int64)
        sup_count = np.where(sup, 1 + (rng.random(n) < 0.15), 0)
        finished = np.where(sup, base_finish + pause, base_finish)

        never_returned = rng.random(n) < 0.08
        quick = (channel == 2) & (rng.random(n) < 0.5)
        delay = np.where(quick, rng.integers(60, 7200, n),
                         (np.minimum(rng.exponential(1.2 * DAY, n), 10 * DAY) + 1800).astype(np.int64))
        returned_ok = (final == 0) & ~never_returned

        fee_amount = np.zeros(n, dtype=np.int64)
        for i in np.unique(proc):
            amounts, w = cat.fee_amounts[i], np.array(cat.fee_weights[i], dtype=float)
            at = proc == i
            fee_amount[at] = np.array(amounts)[rng.choice(len(amounts), size=int(at.sum()), p=w / w.sum())]
        # payment: 0 cash, 1 transfer, 2 online payment, 3 not given
        u = rng.random(n)
        online = channel == 2
        cash_p = np.where(online, 0.15, 0.62 - 0.22 * t)
        transfer_p = np.where(online, 0.25, 0.30 + 0.15 * t)
        pay_online_p = np.where(online, 0.55, 0.03 + 0.05 * t)
        method = np.select([u < cash_p, u < cash_p + transfer_p, u < cash_p + transfer_p + pay_online_p],
                           [0, 1, 2], 3)
        # a few fee procedures' dossiers are exempt (người có công, hộ nghèo): fee 0, not unknown
        fee_amount = np.where(extra.random(n) < 0.03, 0, fee_amount)
        method = np.where(fee_amount > 0, method, -1)
        paid_online = np.where(method == 2, 1 + (rng.random(n) < 0.5), 0)

        effective_late = (finish_day > cal.add_working_days(day, n_eff)) | (sup_count > 1)
        rated = (final == 0) & (rng.random(n) < 0.30 + 0.20 * t)
        unhappy = rng.random(n) < np.where(effective_late, 0.25, 0.04)
        rating = np.where(~rated, -1, np.where(unhappy, 2, (rng.random(n) < 0.38).astype(np.int64)))

        # second supplementation round, between the first answer and the finish
        gap = np.maximum(finished - (requested + pause), 1)
        requested2 = np.minimum(requested + pause + 600 + (extra.random(n) * 0.5 * gap).astype(np.int64),
                                finished - 1)
        completed2 = requested2 + (extra.random(n) * 0.8 * np.maximum(finished - requested2, 0)).astype(np.int64)
        second = sup_count > 1

        online = channel == 2
        lead = np.where(extra.random(n) < 0.55, extra.integers(600, 8 * 3600, n),
                        extra.integers(8 * 3600, 3 * DAY, n))
        submitted = np.where(online, received - lead, received)
        business = np.array([f == "Thành lập và hoạt động của hộ kinh doanh" for f in cat.fields])[proc]
        land = np.array([f in ("Đất đai", "Xây dựng") for f in cat.fields])[proc]
        business_p = np.where(business, 0.6, np.where(land, 0.06, 0.01))
        u = extra.random(n)
        applicant_type = np.select([u < business_p, u < business_p + 0.004, u < business_p + 0.008],
                                   [2, 3, 4], 1)
        # digitisation (Đề án 06): online dossiers come with files, the counter scans more each year
        comp = extra.random(n) < np.where(online, 0.80 + 0.15 * t, 0.20 + 0.45 * t)
        reused = comp & (extra.random(n) < np.where(online, 0.20 + 0.30 * t, 0.05 + 0.20 * t))
        store = comp & (extra.random(n) < np.where(online, 0.15 + 0.20 * t, 0.02))
        paper = cat.paper_result[proc]
        result_p = np.where(paper, 0.45 + 0.35 * t, 0.25) + np.where(online, 0.10, 0.0)
        result_file = extra.random(n) < result_p
        vneid = extra.random(n) < np.where(online, 0.55 + 0.35 * t, 0.08 + 0.10 * t)
        complaint = ((final != 1) & (final != 3)
                     & (extra.random(n) < np.where(effective_late, 0.03, 0.002)))

        truth = {
            "day": day, "unit": unit, "proc": proc, "channel": channel, "received": received,
            "due": due, "final": final, "finished": np.where((final == 0) | withdrawn, finished, -1),
            "returned": np.where(returned_ok, finished + delay, -1),
            "requested": np.where(sup, requested, -1), "completed": np.where(sup, requested + pause, -1),
            "sup_count": sup_count, "fee": fee_amount, "method": method, "paid_online": paid_online,
            "rating": rating,
            "requested2": np.where(second, requested2, -1), "completed2": np.where(second, completed2, -1),
            "submitted": submitted, "applicant_type": applicant_type, "comp": comp, "reused": reused,
            "store": store, "result_file": result_file, "vneid": vneid, "complaint": complaint,
        }
        truth.update(self._people(rng, unit))
        order = np.argsort(received, kind="stable")
        truth = {k: v[order] for k, v in truth.items()}
        truth["seq"] = _rank_within(truth["unit"], truth["day"])
        return truth

    @staticmethod
    def _office_times(rng: np.random.Generator, n: int) -> np.ndarray:
        return np.where(rng.random(n) < 0.55, rng.integers(*OFFICE_MORNING, n),
                        rng.integers(*OFFICE_AFTERNOON, n))

    def _people(self, rng: np.random.Generator, unit: np.ndarray) -> dict[str, np.ndarray]:
        n = len(unit)
        fam_w = np.array([w for _, w in names.FAMILY_NAMES], dtype=float)
        prov_w = np.array([w for _, w in names.CCCD_PROVINCES], dtype=float)
        home = np.where(rng.random(n) < 0.9, unit, rng.integers(0, len(self.unit_indexes), n))
        return {
            "female": rng.random(n) < 0.5,
            "family": rng.choice(len(fam_w), size=n, p=fam_w / fam_w.sum()),
            "middle": rng.integers(0, 10, n),
            "given": rng.integers(0, 30, n),
            "birth_year": rng.integers(1950, 2007, n),
            "cccd_province": rng.choice(len(prov_w), size=n, p=prov_w / prov_w.sum()),
            "cccd_tail": rng.integers(0, 1_000_000, n),
            "phone_prefix": rng.integers(0, len(names.MOBILE_PREFIXES), n),
            "phone_tail": rng.integers(0, 10_000_000, n),
            "home_unit": home,
            "village_no": rng.integers(1, 31, n),
            "village_named": np.where(rng.random(n) < 0.3, rng.integers(0, len(names.VILLAGES), n), -1),
        }


def _rank_within(unit: np.ndarray, day: np.ndarray) -> np.ndarray:
    """0-based order of each row among the rows of its (unit, day), keeping row order."""
    if len(unit) == 0:
        return np.zeros(0, dtype=np.int64)
    key = day.astype(np.int64) * 1_000_000 + unit
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    starts = np.concatenate([[True], sorted_key[1:] != sorted_key[:-1]])
    group_start = np.maximum.accumulate(np.where(starts, np.arange(len(key)), 0))
    rank = np.empty(len(key), dtype=np.int64)
    rank[order] = np.arange(len(key)) - group_start
    return rank


# --------------------------------------------------------------------------- snapshot + text


def _snapshot(truth: dict[str, np.ndarray], keep: np.ndarray, as_of_end: int,
              rng: np.random.Generator) -> dict[str, np.ndarray]:
    """The dossiers of `keep` as an export made at `as_of_end` (exclusive, epoch s) shows them."""
    s = {k: v[keep] for k, v in truth.items()}
    n = len(s["day"])
    final, fin, ret = s["final"], s["finished"], s["returned"]
    closed = (fin >= 0) & (fin < as_of_end)
    returned = closed & (ret >= 0) & (ret < as_of_end)
    waiting = ((s["requested"] >= 0) & (s["requested"] < as_of_end) & (
        (s["completed"] < 0) | (s["completed"] >= as_of_end))) | (
        (s["requested2"] >= 0) & (s["requested2"] < as_of_end) & (s["completed2"] >= as_of_end))
    u = rng.random(n)
    just_in = s["received"] >= as_of_end - DAY
    open_status = np.select([waiting, (s["fee"] > 0) & (u < 0.12), just_in | (u < 0.3)], [5, 6, 2], 4)
    status = np.where(final == 1, 1, np.where(final == 3, 3, open_status))
    status = np.where(closed & ((final == 7) | (final == 8)), final, status)
    status = np.where(closed & (final == 0), np.where(returned, 10, 9), status)
    s["status"] = status
    s["finished"] = np.where(closed, fin, -1)
    s["returned"] = np.where(returned, ret, -1)
    asked = (s["requested"] >= 0) & (s["requested"] < as_of_end)
    s["requested"] = np.where(asked, s["requested"], -1)
    s["completed"] = np.where(asked & (s["completed"] < as_of_end), s["completed"], -1)
    asked2 = asked & (s["requested2"] >= 0) & (s["requested2"] < as_of_end)
    s["requested2"] = np.where(asked2, s["requested2"], -1)
    s["completed2"] = np.where(asked2 & (s["completed2"] < as_of_end), s["completed2"], -1)
    s["sup_count"] = np.where(asked, np.where(asked2, 2, 1), 0)
    # an electronic result exists once the dossier is processed
    s["result_file"] = s["result_file"] & ((status == 9) | (status == 10))
    s["rating"] = np.where(closed & (final == 0), s["rating"], -1)
    return s


def _timestamps(seconds: np.ndarray, fmt: str) -> pl.Series:
    values = pl.Series(np.where(seconds >= 0, seconds, 0)).cast(pl.Int64)
    text = pl.from_epoch(values, time_unit="s").dt.strftime(fmt)
    return pl.select(pl.when(pl.Series(seconds >= 0)).then(text).otherwise(None)).to_series()


def _pick(values: Sequence[str], idx: np.ndarray) -> pl.Series:
    """values[idx], None where idx < 0."""
    table = pl.Series(list(values), dtype=pl.String)
    picked = table.gather(np.where(idx >= 0, idx, 0))
    return pl.select(pl.when(pl.Series(idx >= 0)).then(picked).otherwise(None)).to_series()


def _digits(values: np.ndarray, width: int) -> pl.Series:
    return pl.Series(values).cast(pl.String).str.zfill(width)


@dataclass
class _Text:
    """How one export writes values."""

    date_fmt: str
    status_as: str

    def frame(self, s: dict[str, np.ndarray], population: _Population) -> pl.DataFrame:
        cat = population.cat
        day_text = pl.Series(population.cal.days[s["day"]].astype(str))
        yymmdd = day_text.str.slice(2, 2) + day_text.str.slice(5, 2) + day_text.str.slice(8, 2)
        female = s["female"]
        middle = np.where(female, s["middle"] + 10, s["middle"])
        given = np.where(female, s["given"] + 30, s["given"])
        birth = s["birth_year"]
        gender_century = np.where(female, 1, 0) + np.where(birth >= 2000, 2, 0)
        kinds = [c[0] for c in population.unit_communes]
        communes = [c[1] for c in population.unit_communes]
        village = pl.select(
            pl.when(pl.Series(s["village_named"] >= 0))
            .then(_pick(names.VILLAGES, s["village_named"]))
            .otherwise(_digits(s["village_no"], 1))).to_series()
        home_kind = _pick(kinds, s["home_unit"])
        hamlet = pl.select(pl.when(home_kind == "phường").then(pl.lit("Tổ dân phố "))
                           .otherwise(pl.lit("Thôn "))).to_series()
        status_text = (_digits(s["status"], 1) if self.status_as == "code"
                       else _pick([STATUS_NAMES.get(i, "") for i in range(11)], s["status"]))
        channel_text = (_digits(s["channel"], 1) if self.status_as == "code"
                        else _pick([CHANNEL_NAMES.get(i, "") for i in range(4)], s["channel"]))
        if self.status_as == "code":
            flag_words, type_text = ("0", "1"), _digits(s["applicant_type"], 1)
        else:
            flag_words = ("Không", "Có")
            type_text = _pick([APPLICANT_TYPES.get(i, "") for i in range(5)], s["applicant_type"])
        flags = {column: _pick(flag_words, s[key].astype(np.int64)) for column, key in (
            ("has_component_files", "comp"), ("has_reused_data", "reused"), ("from_citizen_store", "store"),
            ("has_result_file", "result_file"), ("vneid_verified", "vneid"), ("has_complaint", "complaint"))}
        return pl.DataFrame({
            "dossier_id": _pick(population.unit_codes, s["unit"]) + "-" + yymmdd + "-" + _digits(s["seq"], 5),
            "procedure_code": _pick(cat.codes, s["proc"]),
            "procedure_name": _pick(cat.names, s["proc"]),
            "field_name": _pick(cat.fields, s["proc"]),
            "unit_name": _pick(population.unit_names, s["unit"]),
            "channel": channel_text,
            "status": status_text,
            "received_at": _timestamps(s["received"], self.date_fmt),
            "due_at": _timestamps(s["due"], self.date_fmt),
            "finished_at": _timestamps(s["finished"], self.date_fmt),
            "returned_at": _timestamps(s["returned"], self.date_fmt),
            "supplement_requested_at": _timestamps(s["requested"], self.date_fmt),
            "supplement_completed_at": _timestamps(s["completed"], self.date_fmt),
            "supplement_count": _pick(["", "1", "2"], np.where(s["sup_count"] > 0, s["sup_count"], -1)),
            "fee_amount": _digits(s["fee"], 1),
            "payment_method": _pick(PAYMENT_METHODS, np.where(s["method"] <= 2, s["method"], -1)),
            "paid_online": _pick(["", "1", "2"], np.where(s["paid_online"] > 0, s["paid_online"], -1)),
            "rating": _pick(RATINGS, s["rating"]),
            "applicant_name": (_pick([f for f, _ in names.FAMILY_NAMES], s["family"]) + " "
                               + _pick(names.MIDDLE_NAMES_MALE + names.MIDDLE_NAMES_FEMALE, middle) + " "
                               + _pick(names.GIVEN_NAMES_MALE + names.GIVEN_NAMES_FEMALE, given)),
            "applicant_id_number": (_pick([p for p, _ in names.CCCD_PROVINCES], s["cccd_province"])
                                    + _digits(gender_century, 1) + _digits(birth % 100, 2)
                                    + _digits(s["cccd_tail"], 6)),
            "applicant_phone": _pick(names.MOBILE_PREFIXES, s["phone_prefix"]) + _digits(s["phone_tail"], 7),
            "applicant_address": (hamlet + village + ", " + home_kind + " "
                                  + _pick(communes, s["home_unit"]) + ", tỉnh " + names.PROVINCE),
            "submitted_at": _timestamps(s["submitted"], self.date_fmt),
            "applicant_type": type_text,
            **flags,
        })


def _mask(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    return rng.random(n) < share if share > 0 else np.zeros(n, dtype=bool)


def _apply_messiness(frame: pl.DataFrame, s: dict[str, np.ndarray], spec: ExportSpec,
                     status_as: str, known: np.ndarray, bad_mask: np.ndarray,
                     rng: np.random.Generator) -> pl.DataFrame:
    """Harmless mess of real exports; planted bad rows are left as planted."""
    m = spec.messiness
    n = frame.height
    blank_channel = _mask(rng, n, m.blank_channel_share) & (s["channel"] == 1) & ~bad_mask
    blank_due = _mask(rng, n, m.blank_due_share) & known[s["proc"]] & ~bad_mask
    blank_fee = _mask(rng, n, m.blank_fee_share) & (s["fee"] == 0)
    padded = _mask(rng, n, m.padded_text_share)
    nfd = _mask(rng, n, m.nfd_share)
    exprs = [
        pl.when(pl.Series(blank_channel)).then(None).otherwise(pl.col("channel")).alias("channel"),
        pl.when(pl.Series(blank_due)).then(None).otherwise(pl.col("due_at")).alias("due_at"),
        pl.when(pl.Series(blank_fee)).then(None).otherwise(pl.col("fee_amount")).alias("fee_amount"),
        pl.when(pl.Series(padded)).then(pl.lit("  ") + pl.col("unit_name") + pl.lit(" "))
        .otherwise(pl.col("unit_name")).alias("unit_name"),
    ]
    if status_as == "text":
        exprs.append(pl.when(pl.Series(padded)).then(pl.col("status").str.to_lowercase() + pl.lit(" "))
                     .otherwise(pl.col("status")).alias("status"))
    frame = frame.with_columns(exprs)
    return frame.with_columns(
        pl.when(pl.Series(nfd)).then(pl.col(c).str.normalize("NFD")).otherwise(pl.col(c)).alias(c)
        for c in TEXT_COLUMNS)


# --------------------------------------------------------------------------- bad rows

_BAD_DATES = ("31/02/{y} 08:15:00", "30/02/{y}", "{y}-13-45 10:00:00", "00/00/0000", "32/01/{y} 09:00",
              "ngày 5 tháng 3")
_BAD_STATUS = {"code": ("11", "0", "99"), "text": ("Chờ phê duyệt", "Đang thẩm định hồ sơ", "Hủy")}
_BAD_CHANNEL = {"code": ("4", "9"), "text": ("Qua Zalo", "Khác")}
_BAD_FIELD = {
    "missing_id": "dossier_id", "unknown_status": "status", "unknown_channel": "channel",
    "missing_received": "received_at", "finished_before_received": "finished_at",
    "closed_without_finish": "finished_at", "no_due_unknown_procedure": "due_at",
}


def _plant_bad_rows(frame: pl.DataFrame, s: dict[str, np.ndarray], local: np.ndarray,
                    kinds: np.ndarray, text: _Text, rng: np.random.Generator
                    ) -> tuple[pl.DataFrame, list[tuple[int, str, str]], np.ndarray]:
    """Corrupt rows `local` (already moved to eligible ones) with one reason each.

    Returns the frame, (row, kind, field) per planted row, and the mask of planted rows.
    """
    planted: list[tuple[int, str, str]] = []
    edits: dict[str, list[tuple[int, str | None]]] = {}
    for row, kind in zip(local.tolist(), kinds.tolist()):
        year = str(np.datetime64(int(s["received"][row]), "s").astype("datetime64[Y]"))
        col = _BAD_FIELD.get(kind, "")
        value: str | None = None
        if kind == "bad_date":
            col = ("due_at", "returned_at")[int(rng.integers(0, 2))]
            value = _BAD_DATES[int(rng.integers(0, len(_BAD_DATES)))].format(y=year)
        elif kind == "unknown_status":
            choices = _BAD_STATUS[text.status_as]
            value = choices[int(rng.integers(0, len(choices)))]
        elif kind == "unknown_channel":
            choices = _BAD_CHANNEL[text.status_as]
            value = choices[int(rng.integers(0, len(choices)))]
        elif kind == "finished_before_received":
            before = s["received"][row:row + 1] - int(rng.integers(3600, 10 * DAY))
            value = _timestamps(before, text.date_fmt)[0]
        elif kind == "no_due_unknown_procedure":
            code = UNKNOWN_PROCEDURES[int(rng.integers(0, len(UNKNOWN_PROCEDURES)))][0]
            edits.setdefault("procedure_code", []).append((row, code))
        edits.setdefault(col, []).append((row, value))
        planted.append((row, kind, col))
    columns = []
    for col, changes in edits.items():
        series = frame[col].clone()
        rows = [r for r, _ in changes]
        series = series.scatter(rows, pl.Series([v for _, v in changes], dtype=pl.String))
        columns.append(series.alias(col))
    frame = frame.with_columns(columns)
    mask = np.zeros(frame.height, dtype=bool)
    mask[local] = True
    return frame, planted, mask


# --------------------------------------------------------------------------- writers


def _writer_for(out: Path, spec: ExportSpec, population: _Population, index: int) -> _Writer:
    if spec.file_format not in FORMATS:
        raise ValueError(f"unknown export format {spec.file_format!r}: use one of {', '.join(FORMATS)}")
    cls = {"csv": _CsvWriter, "xlsx": _XlsxWriter}.get(spec.file_format, _PayloadWriter)
    return cls(out / spec.file_name, spec, population, index)


class _Writer:
    def __init__(self, path: Path, spec: ExportSpec, population: _Population, index: int) -> None:
        self.path, self.spec, self.population, self.index = path, spec, population, index
        self.as_of = spec.as_of or population.export_date
        self.label_set = spec.label_set or ("dvcqg" if spec.file_format == "csv" else "vi")
        if self.label_set not in LABEL_SETS:
            raise ValueError(f"unknown label set {self.label_set!r}: use one of {', '.join(LABEL_SETS)}")
        status_as = spec.status_as or ("code" if spec.file_format == "csv" else "text")
        date_fmt = "%Y-%m-%d %H:%M:%S" if self.label_set == "dvcqg" else "%d/%m/%Y %H:%M:%S"
        if spec.file_format in PAYLOAD_FORMATS:
            # the payload has one way to write values: codes and yyyyMMddHHmmss dates (METRICS.md §2a)
            status_as, date_fmt = "code", PAYLOAD_DATE_FORMAT
        self.text = _Text(date_fmt=date_fmt, status_as=status_as)
        column = 0 if self.label_set == "dvcqg" else 1
        self.columns = [(c, labels[column]) for c, labels in LABELS.items() if labels[column] is not None]
        self.summary = ExportSummary(path=path, file_format=spec.file_format, as_of=self.as_of)
        self.data_rows_written = 0
        cal = population.cal
        self.keep_unit = np.zeros(len(population.unit_indexes), dtype=bool)
        if spec.unit_indexes is None:
            self.keep_unit[:] = True
        else:
            wanted = set(spec.unit_indexes)
            self.keep_unit[[i for i, u in enumerate(population.unit_indexes) if u in wanted]] = True
        self.from_pos = cal.pos(spec.received_from) if spec.received_from else 0
        self.to_pos = cal.pos(self.as_of)
        self.as_of_end = int(cal.epoch[0] + (self.to_pos + 1) * DAY)
        self._plan_bad_rows()

    def _content_key(self) -> list[int]:
        # the same dossiers and bad rows for specs that differ only in how they are written
        units = repr(sorted(self.spec.unit_indexes)) if self.spec.unit_indexes is not None else "all"
        bad = repr(self.spec.bad_rows)
        digest = hashlib.sha256(f"{units}|{bad}".encode()).digest()
        return [self.population.seed, 2, self.from_pos, self.to_pos, int.from_bytes(digest[:8], "little")]

    def _format_key(self) -> int:
        # JSON and JSONL hold the same records, written as an array or one a line
        fmt = self.spec.file_format
        return FORMATS.index("json" if fmt in PAYLOAD_FORMATS else fmt)

    def _plan_bad_rows(self) -> None:
        per_chunk = self.population.cells_rows(self.keep_unit, self.from_pos, self.to_pos)
        total = int(per_chunk.sum())
        bad = self.spec.bad_rows
        per_kind = int(bad) if isinstance(bad, int) else (max(1, round(total * bad)) if bad > 0 else 0)
        n_bad = min(per_kind * len(BAD_ROW_KINDS), total // 4)
        rng = np.random.default_rng(self._content_key())
        positions = np.sort(rng.choice(total, size=n_bad, replace=False)) if n_bad else np.zeros(0, int)
        kinds = rng.permutation(np.repeat(np.array(BAD_ROW_KINDS), per_kind))[:n_bad]
        offsets = np.concatenate([[0], np.cumsum(per_chunk)])
        self.bad_plan = {}
        chunk_of = np.searchsorted(offsets, positions, side="right") - 1
        for c in np.unique(chunk_of):
            at = chunk_of == c
            self.bad_plan[int(c)] = (positions[at] - offsets[c], kinds[at])

    def rows_for(self, truth: dict[str, np.ndarray], chunk_no: int
                 ) -> tuple[pl.DataFrame, dict[str, np.ndarray], np.ndarray]:
        """This export's rows of one chunk as text (bad rows planted, mess added), the snapshot, the bad-row mask."""
        keep = (self.keep_unit[truth["unit"]] & (truth["day"] >= self.from_pos)
                & (truth["day"] <= self.to_pos))
        s = _snapshot(truth, keep, self.as_of_end, np.random.default_rng(self._content_key() + [chunk_no]))
        frame = self.text.frame(s, self.population)
        bad_mask = np.zeros(frame.height, dtype=bool)
        if chunk_no in self.bad_plan:
            wanted, kinds = self.bad_plan[chunk_no]
            # only clean closed rows, so that each planted row has exactly one reason
            eligible = np.isin(s["status"], (9, 10)) & self.population.cat.known[s["proc"]]
            local = _move_to_eligible(wanted, eligible)
            kinds = kinds[: len(local)]
            bad_rng = np.random.default_rng(self._content_key() + [chunk_no, 1])
            frame, planted, bad_mask = _plant_bad_rows(frame, s, local, kinds, self.text, bad_rng)
            ids = frame["dossier_id"].to_list()
            first = self.summary.first_data_row + self.data_rows_written
            for row, kind, col in planted:
                self.summary.bad_rows.append(BadRow(first + row, kind, col, ids[row]))
        # keyed by content and format, not by position in the list of exports
        rng = np.random.default_rng(self._content_key() + [3, self._format_key(), chunk_no])
        frame = _apply_messiness(frame, s, self.spec, self.text.status_as,
                                 self.population.cat.known, bad_mask, rng)
        return frame, s, bad_mask

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def _move_to_eligible(wanted: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """Each wanted row, or the next eligible row not taken yet (cyclic); drops what cannot fit."""
    free = eligible.copy()
    chosen = []
    candidates = np.flatnonzero(free)
    for w in wanted.tolist():
        if not len(candidates):
            break
        i = int(np.searchsorted(candidates, w))
        pick = int(candidates[i % len(candidates)])
        chosen.append(pick)
        candidates = np.delete(candidates, i % len(candidates))
    return np.array(sorted(chosen), dtype=np.int64)


class _CsvWriter(_Writer):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.summary.first_data_row = 2
        self.handle = open(self.path, "wb")
        if self.spec.bom:
            self.handle.write("\ufeff".encode("utf-8"))
        header = io.StringIO()
        csv.writer(header, lineterminator="\r\n").writerow([label for _, label in self.columns])
        self.handle.write(header.getvalue().encode("utf-8"))

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        frame, _, _ = self.rows_for(truth, chunk_no)
        if frame.height == 0:
            return
        numbers = pl.Series(np.arange(self.data_rows_written + 1, self.data_rows_written + frame.height + 1))
        out = frame.with_columns(
            *(pl.lit(None, dtype=pl.String).alias(c) for c, _ in self.columns
              if c not in frame.columns and c != "row_number"),
            numbers.cast(pl.String).alias("row_number"))
        out = out.select([pl.col(c).alias(label) for c, label in self.columns])
        out.write_csv(self.handle, include_header=False, line_terminator="\r\n",
                      quote_style="necessary", null_value="")
        self.data_rows_written += frame.height
        self.summary.rows = self.data_rows_written

    def close(self) -> None:
        self.handle.close()


class _XlsxWriter(_Writer):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        import xlsxwriter

        titles = self.spec.title_rows
        if titles is None:
            titles = ("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "DANH SÁCH HỒ SƠ THỦ TỤC HÀNH CHÍNH",
                      f"Xuất ngày: {self.as_of:%d/%m/%Y}", "")
        # constant_memory: rows go to a temp file as written, so memory stays flat
        self.book = xlsxwriter.Workbook(str(self.path), {"constant_memory": True,
                                                         "strings_to_numbers": False})
        # a fixed creation time keeps the bytes identical from run to run
        self.book.set_properties({"created": datetime(self.as_of.year, self.as_of.month, self.as_of.day)})
        self.sheet = self.book.add_worksheet("Danh sách hồ sơ")
        self.date_format = self.book.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
        bold = self.book.add_format({"bold": True})
        for r, line in enumerate(titles):
            if line:
                self.sheet.write_string(r, 0, line, bold)
        self.header_row = len(titles)
        for c, (_, label) in enumerate(self.columns):
            self.sheet.write_string(self.header_row, c, label, bold)
        self.summary.first_data_row = self.header_row + 2
        self.next_row = self.header_row + 1

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        frame, s, bad_mask = self.rows_for(truth, chunk_no)
        n = frame.height
        if n == 0:
            return
        m = self.spec.messiness
        rng = np.random.default_rng(self._content_key() + [4, chunk_no])
        date_only = _mask(rng, n, m.date_only_share) & ~bad_mask
        excel_dates = _mask(rng, n, m.excel_date_share) & ~bad_mask & ~date_only
        frame = frame.with_columns(
            pl.when(pl.Series(date_only)).then(pl.col(c).str.slice(0, 10)).otherwise(pl.col(c)).alias(c)
            for c in ("due_at", "returned_at"))
        data_cols = [c for c, _ in self.columns if c != "row_number"]
        date_idx = {data_cols.index(c): c for c in DATE_COLUMNS if c in data_cols}
        seconds = {c: s[k] for c, k in (("received_at", "received"), ("due_at", "due"),
                                         ("finished_at", "finished"), ("returned_at", "returned"),
                                         ("supplement_requested_at", "requested"),
                                         ("supplement_completed_at", "completed"),
                                         ("submitted_at", "submitted"))}
        has_stt = self.columns[0][0] == "row_number"
        offset = 1 if has_stt else 0
        sheet, write_string = self.sheet, self.sheet.write_string
        excel_rows = set(np.flatnonzero(excel_dates).tolist())
        epoch = datetime(1970, 1, 1)
        for i, values in enumerate(frame.select(data_cols).iter_rows()):
            r = self.next_row + i
            if has_stt:
                sheet.write_number(r, 0, self.data_rows_written + i + 1)
            if i in excel_rows:
                values = list(values)
                for c, name in date_idx.items():
                    if values[c]:
                        when = epoch + timedelta(seconds=int(seconds[name][i]))
                        sheet.write_datetime(r, c + offset, when, self.date_format)
                        values[c] = None
            for c, v in enumerate(values):
                if v:
                    write_string(r, c + offset, v)
        self.next_row += n
        self.data_rows_written += n
        self.summary.rows = self.data_rows_written

    def close(self) -> None:
        self.book.close()



# --------------------------------------------------------------------------- payload (JSON)

PAYLOAD_DATE_FORMAT = "%Y%m%d%H%M%S"
PAYLOAD_LINK = "https://motcua.tuyenquang.gov.vn/files/"
# TenTepDinhKem of the component files, before " - <applicant>.pdf"
COMPONENT_FILES = ("Tờ khai", "Giấy chứng sinh", "Bản sao CCCD", "Giấy xác nhận cư trú", "Văn bản ủy quyền",
                   "Giấy tờ chứng minh quyền sử dụng đất")
SUPPLEMENT_ASKS = ("giấy xác nhận cư trú", "bản sao giấy khai sinh", "văn bản ủy quyền có chứng thực",
                   "bản vẽ sơ đồ thửa đất", "tờ khai có chữ ký đầy đủ")
# ChucDanh of the civil servant who handles a field's dossiers at a commune
TITLES = {"Hộ tịch": "Công chức Tư pháp - Hộ tịch", "Chứng thực": "Công chức Tư pháp - Hộ tịch",
          "Đất đai": "Công chức Địa chính - Xây dựng", "Xây dựng": "Công chức Địa chính - Xây dựng",
          "Bảo trợ xã hội": "Công chức Văn hóa - Xã hội", "Đăng ký, quản lý cư trú": "Công an xã"}
RECEPTION_TITLE = "Công chức Văn phòng - Thống kê"
PAYLOAD_BATCH_ROWS = 5_000
STAFF_PER_UNIT = 3     # 0 receives and returns at the one-stop desk, 1 and 2 process


def _esc(expr: pl.Expr) -> pl.Expr:
    # generated text has no control characters; backslash and quote are all JSON needs escaped
    return expr.str.replace_all("\\", "\\\\", literal=True).str.replace_all('"', '\\"', literal=True)


def _jstr(expr: pl.Expr) -> pl.Expr:
    """A JSON string; null is written as the empty string, as the payloads do."""
    return pl.when(expr.is_null()).then(pl.lit('""')).otherwise(pl.lit('"') + _esc(expr) + pl.lit('"'))


def _jcode(expr: pl.Expr, quoted: np.ndarray) -> pl.Expr:
    """A code written as a number, or as a string where `quoted`; empty stays ""."""
    return (pl.when(expr.is_null() | (expr == "")).then(pl.lit('""'))
            .when(pl.Series(quoted)).then(pl.lit('"') + expr + pl.lit('"')).otherwise(expr))


def _key(name: str, value: pl.Expr) -> pl.Expr:
    return pl.lit(f'"{name}":') + value


def _obj(pieces: Sequence[pl.Expr]) -> pl.Expr:
    """{…} of the non-null `"key":value` pieces."""
    return pl.lit("{") + pl.concat_list(pieces).list.drop_nulls().list.join(",") + pl.lit("}")


def _arr(entries: Sequence[pl.Expr]) -> pl.Expr:
    """[…] of the non-null entries."""
    return pl.lit("[") + pl.concat_list(entries).list.drop_nulls().list.join(",") + pl.lit("]")


def _only(mask: np.ndarray, expr: pl.Expr) -> pl.Expr:
    return pl.when(pl.Series(mask)).then(expr).otherwise(None)


class _PayloadWriter(_Writer):
    """The national sync payload (METRICS.md §2a): one `{"hoSo": …, "tienTrinhDongBo": […]}` a record.

    Records are built as JSON text by polars string expressions, a chunk at a time,
    instead of json.dumps per record (about 10x faster at 1M records). Values are
    written as real payloads write them: codes sometimes as numbers, sometimes as
    strings; dates yyyyMMddHHmmss (supplementation rounds sometimes ISO with T);
    some closed dossiers without NgayKetThucXuLy, so that the processing log gives
    finished_at; fee lists of zeros for free procedures (no list where the flat
    export leaves the fee empty); deleted component files that count for nothing.
    Every canonical value equals the one the flat exports of the same seed carry.
    """

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.summary.first_data_row = 1      # array position or line number, from 1
        self.lines = self.spec.file_format == "jsonl"
        self.handle = open(self.path, "wb")
        if self.spec.bom:
            self.handle.write("\ufeff".encode("utf-8"))
        if not self.lines:
            self.handle.write(b"[")
        population = self.population
        staff, titles = [], []
        for i in range(len(population.unit_indexes)):
            for k in range(STAFF_PER_UNIT):
                female = (i + k) % 2 == 1
                family = names.FAMILY_NAMES[(7 * i + 3 * k) % len(names.FAMILY_NAMES)][0]
                middle = (names.MIDDLE_NAMES_FEMALE if female else names.MIDDLE_NAMES_MALE)[(i + 5 * k) % 10]
                given = (names.GIVEN_NAMES_FEMALE if female else names.GIVEN_NAMES_MALE)[(11 * i + 7 * k) % 30]
                staff.append(f"{family} {middle} {given}")
        self.staff = staff
        titles = [TITLES.get(f, RECEPTION_TITLE) for f in population.cat.fields]
        self.titles = titles

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        frame, s, bad_mask = self.rows_for(truth, chunk_no)
        # a record is ~2.3 kB of text and its expressions hold several copies: build a few
        # thousand at a time so that memory stays flat
        for part, start in enumerate(range(0, frame.height, PAYLOAD_BATCH_ROWS)):
            stop = min(start + PAYLOAD_BATCH_ROWS, frame.height)
            part_s = {k: v[start:stop] for k, v in s.items()}
            part_frame = frame.slice(start, stop - start)
            record = self._record(part_frame, part_s, bad_mask[start:stop], [chunk_no, part])
            records = part_frame.select(record.alias("record"))["record"]
            sep = "\n" if self.lines else ",\n"
            text = sep.join(records.to_list())
            if self.lines:
                text += "\n"
            else:
                text = (",\n" if self.data_rows_written else "\n") + text
            self.handle.write(text.encode("utf-8"))
            self.data_rows_written += stop - start
        self.summary.rows = self.data_rows_written

    def close(self) -> None:
        if not self.lines:
            self.handle.write(b"\n]\n" if self.data_rows_written else b"]\n")
        self.handle.close()

    def _record(self, frame: pl.DataFrame, s: dict[str, np.ndarray], bad_mask: np.ndarray,
                part: list[int]) -> pl.Expr:
        n = frame.height
        rng = np.random.default_rng(self._content_key() + [5, self._format_key()] + part)
        cat, col = self.population.cat, pl.col
        quoted = lambda: rng.random(n) < 0.4  # noqa: E731 - a fresh mask per field
        status = s["status"]
        closing = (status >= 7) & (status <= 10)
        processed = (status == 9) | (status == 10)
        date = lambda secs: _timestamps(secs, PAYLOAD_DATE_FORMAT)  # noqa: E731
        staff_at = lambda k: _pick(self.staff, s["unit"] * STAFF_PER_UNIT + k)  # noqa: E731
        title = _pick(self.titles, s["proc"])
        sir = _pick(("ông", "bà"), s["female"].astype(np.int64))
        name = col("applicant_name")
        yyyy_mm = col("received_at").str.slice(0, 4) + "/" + col("received_at").str.slice(4, 2) + "/"
        links_year = pl.when(col("received_at").is_null()).then(pl.lit("2026/01/")).otherwise(yyyy_mm)

        def link(mask: np.ndarray) -> pl.Expr:
            number = pl.Series(rng.integers(10**15, 10**16, n)).cast(pl.String)
            return pl.when(pl.Series(mask)).then(pl.lit(PAYLOAD_LINK) + links_year + number + ".pdf").otherwise(pl.lit(""))

        def boolean(values: np.ndarray) -> pl.Expr:
            # IsDeleted and the like: true/false, 1/0 or "1"/"0"
            form = rng.integers(0, 3, n)
            as_bool = pl.Series(np.where(values, "true", "false"))
            as_num = pl.Series(np.where(values, "1", "0"))
            return (pl.when(pl.Series(form == 0)).then(pl.lit(as_bool))
                    .when(pl.Series(form == 1)).then(pl.lit(as_num))
                    .otherwise(pl.lit('"') + pl.lit(as_num) + pl.lit('"')))

        # --- dates, with NgayKetThucXuLy left out of some clean closed dossiers (the log has it)
        finish_gone = closing & ~bad_mask & (rng.random(n) < 0.15)
        finish_form = rng.integers(0, 3, n)   # "", null or no key
        finish_piece = (pl.when(pl.Series(finish_gone & (finish_form == 2))).then(None)
                        .when(pl.Series(finish_gone & (finish_form == 1))).then(pl.lit('"NgayKetThucXuLy":null'))
                        .when(pl.Series(finish_gone)).then(pl.lit('"NgayKetThucXuLy":""'))
                        .otherwise(_key("NgayKetThucXuLy", _jstr(col("finished_at")))))

        # --- fees: one entry, or a fee and a charge; zeros for free dossiers; none where unknown
        fee = s["fee"]
        split = (fee >= 10_000) & (rng.random(n) < 0.25)
        first_part = np.where(split, (fee // 2000) * 1000, fee)
        fee_known = frame["fee_amount"].is_not_null().to_numpy()
        fee_entry = lambda label, amount, method: _obj([  # noqa: E731
            _key("TenPhiLePhi", pl.lit(f'"{label}"')),
            _key("Gia", _jcode(pl.lit(pl.Series(amount.astype(str))), quoted())),
            _key("HinhThucThu", method)])
        fees = _only(fee_known, _key("DanhSachLePhi", _arr([
            fee_entry("Lệ phí", first_part, _jstr(col("payment_method"))),
            _only(split, fee_entry("Phí", fee - first_part, pl.lit('""')))])))

        # --- component files: the flags say which entries carry a link / DuocSoHoa / DuocLayTuKhoDMQG
        comp, reused, store = s["comp"], s["reused"], s["store"]
        live = rng.integers(1, 4, n)
        has_list = comp | (rng.random(n) < 0.6)
        reused_on_top = reused & (rng.random(n) < 0.5)
        deleted = has_list & (rng.random(n) < 0.08)
        doc = rng.integers(0, len(COMPONENT_FILES), n)

        def component(k: int, mask: np.ndarray, is_deleted: bool) -> pl.Expr:
            with_link = (np.ones(n, bool) if is_deleted
                         else comp & ((k == 0) | (rng.random(n) < 0.7)))
            digitised = (rng.random(n) < 0.5) if is_deleted else (reused & ~reused_on_top & (k == 0))
            from_store = (rng.random(n) < 0.5) if is_deleted else (store & (k == live - 1))
            return _only(mask, _obj([
                _key("TenTepDinhKem", _jstr(_pick(COMPONENT_FILES, (doc + k) % len(COMPONENT_FILES))
                                            + " - " + name + ".pdf")),
                _key("IsDeleted", boolean(np.full(n, is_deleted))),
                _key("DuocSoHoa", _jcode(pl.lit(pl.Series(digitised.astype(np.int64).astype(str))), quoted())),
                _key("DuocLayTuKhoDMQG", _jcode(pl.lit(pl.Series(from_store.astype(np.int64).astype(str))),
                                                quoted())),
                _key("DuongDanTaiTepTin", _jstr(link(with_link)))]))

        files = _only(has_list, _key("TaiLieuNop", _arr(
            [component(0, deleted, True)] + [component(k, has_list & (live > k), False) for k in range(3)])))

        # --- result documents of processed dossiers
        result = s["result_file"]
        result_doc = _only(processed, _key("DanhSachGiayToKetQua", _arr([_obj([
            _key("TenGiayTo", _jstr(col("procedure_name"))),
            _key("DuongDanTepTinKetQua", _jstr(link(result))),
            _only(result, _key("TenTepDinhKem", _jstr(
                pl.lit("KQ_") + name.str.normalize("NFD").str.replace_all(r"\p{Mn}", "")
                .str.replace_all("đ", "d").str.replace_all("Đ", "D").str.replace_all(" ", "_") + ".pdf")))])])))

        # --- supplementation rounds, sometimes the later one first, dates sometimes ISO with T
        iso = rng.random(n) < 0.3
        round_date = lambda secs: pl.when(pl.Series(iso)).then(  # noqa: E731
            _timestamps(secs, "%Y-%m-%dT%H:%M:%S")).otherwise(date(secs))
        ask = _pick(SUPPLEMENT_ASKS, rng.integers(0, len(SUPPLEMENT_ASKS), n))

        def supplement(requested: np.ndarray, completed: np.ndarray) -> pl.Expr:
            return _only(requested >= 0, _obj([
                _key("NguoiYeuCauBoSung", _jstr(staff_at(1))),
                _key("NoiDungBoSung", _jstr(pl.lit("Đề nghị ") + sir + " " + name + " bổ sung " + ask)),
                _key("NgayBoSung", _jstr(round_date(requested))),
                _key("NgayTiepNhanBoSung", pl.when(pl.Series(completed >= 0)).then(_jstr(round_date(completed)))
                     .otherwise(pl.lit("null")))]))

        later_first = rng.random(n) < 0.5
        first_round = supplement(s["requested"], s["completed"])
        second_round = supplement(s["requested2"], s["completed2"])
        rounds = _only(s["sup_count"] > 0, _key("DanhSachHoSoBoSung", pl.when(pl.Series(later_first))
                                                .then(_arr([second_round, first_round]))
                                                .otherwise(_arr([first_round, second_round]))))

        # --- processing log: received, sent on, each round, the closing step, the return
        finish_text = col("finished_at")   # as written in NgayKetThucXuLy (bad rows included)
        has_finish = frame["finished_at"].is_not_null().to_numpy()
        received = s["received"]
        sent_on = received + rng.integers(600, 3600, n)
        sent_on_ok = (status >= 4) & ((s["finished"] < 0) | (sent_on < s["finished"]))
        first_code = np.where((status == 1) | (status == 3), status, 2)
        dossier_id = _jstr(col("dossier_id"))

        def step(mask: np.ndarray, code: np.ndarray | int, when: pl.Expr, who: pl.Expr, what: pl.Expr,
                 by_desk: bool = False) -> pl.Expr:
            codes = pl.Series(np.broadcast_to(np.asarray(code), (n,)).astype(str))
            return _only(mask, _obj([
                _key("MaHoSo", dossier_id), _key("TrangThai", _jcode(pl.lit(codes), quoted())),
                _key("ThoiDiemXuLy", _jstr(when)), _key("NguoiXuLy", _jstr(who)),
                _key("ChucDanh", _jstr(pl.lit(RECEPTION_TITLE) if by_desk else title)),
                _key("NoiDungXuLy", _jstr(what))]))

        close_code = np.where(processed, 9, status)
        close_words = _pick(("Công dân rút hồ sơ", "Dừng xử lý hồ sơ", "Hoàn thành xử lý"),
                            np.clip(close_code - 7, 0, 2))
        log = _arr([
            step(received >= 0, first_code, date(received), staff_at(0),
                 _pick(("Đăng ký hồ sơ trực tuyến", "Tiếp nhận hồ sơ", "Từ chối tiếp nhận"), first_code - 1),
                 by_desk=True),
            step(sent_on_ok & (received >= 0), 4, date(sent_on), staff_at(1), pl.lit("Chuyển xử lý")),
            step(s["requested"] >= 0, 5, date(s["requested"]), staff_at(1), pl.lit("Yêu cầu bổ sung hồ sơ")),
            step(s["completed"] >= 0, 4, date(s["completed"]), staff_at(1), pl.lit("Chuyển xử lý")),
            step(s["requested2"] >= 0, 5, date(s["requested2"]), staff_at(2), pl.lit("Yêu cầu bổ sung hồ sơ")),
            step(s["completed2"] >= 0, 4, date(s["completed2"]), staff_at(2), pl.lit("Chuyển xử lý")),
            step(closing & has_finish, close_code, finish_text, staff_at(2), close_words),
            # a closed dossier without any finish (a planted bad row) has no return step either
            step((status == 10) & has_finish & (s["returned"] >= 0), 10, date(s["returned"]), staff_at(0),
                 pl.lit("Trả kết quả cho ") + sir + " " + name, by_desk=True),
        ])

        cccd = col("applicant_id_number")
        email = (name.str.normalize("NFD").str.replace_all(r"\p{Mn}", "").str.replace_all("đ", "d")
                 .str.replace_all("Đ", "D").str.to_lowercase().str.replace_all(" ", "")
                 + pl.Series(rng.integers(1, 100, n)).cast(pl.String) + "@gmail.com")
        note = pl.when(pl.Series(rng.random(n) < 0.2)).then(
            pl.lit("Liên hệ ") + name + " qua số " + col("applicant_phone")).otherwise(pl.lit(""))
        paid = col("paid_online").fill_null("0")
        hoso = _obj([
            _only(frame["dossier_id"].is_not_null().to_numpy(), _key("MaHoSo", dossier_id)),
            _key("MaTTHC", _jstr(col("procedure_code"))),
            _key("TenTTHC", _jstr(col("procedure_name"))),
            _key("MaLinhVuc", _jstr(_pick(cat.field_codes, s["proc"]))),
            _key("TenLinhVuc", _jstr(col("field_name"))),
            _key("DonViXuLy", _jstr(col("unit_name"))),
            _key("KenhThucHien", _jcode(col("channel"), quoted())),
            _key("TrangThaiHoSo", _jcode(col("status"), quoted())),
            _key("LoaiDoiTuong", _jcode(col("applicant_type"), quoted())),
            _key("NgayNopHoSo", _jstr(col("submitted_at"))),
            _key("NgayTiepNhan", _jstr(col("received_at"))),
            _key("NgayHenTra", _jstr(col("due_at"))),
            _key("NgayTra", _jstr(col("returned_at"))),
            finish_piece,
            _key("DuocThanhToanTrucTuyen", _jcode(paid, quoted())),
            _key("CoPhanAnhKienNghi", _jcode(col("has_complaint"), quoted())),
            _key("TaiKhoanDuocXacThucVoiVNeID", _jcode(col("vneid_verified"), quoted())),
            pl.when(col("rating").is_null()).then(None).otherwise(_key("DanhGia", _jstr(col("rating")))),
            _key("ChuHoSo", _jstr(name)),
            _key("SoGiayToChuHoSo", _jstr(cccd)),
            _key("SoDienThoai", _jstr(col("applicant_phone"))),
            _key("Email", _jstr(email)),
            _key("DiaChi", _jstr(col("applicant_address"))),
            _key("DinhDanhCHS", pl.lit("[") + _obj([
                _key("LoaiDinhDanh", _jcode(pl.lit("1"), quoted())), _key("SoDinhDanh", _jstr(cccd))])
                 + pl.lit("]")),
            _key("TrichYeuHoSo", _jstr(col("procedure_name") + " - " + sir + " " + name)),
            _key("GhiChu", _jstr(note)),
            fees,
            _key("HoSoCoThanhPhanSoHoa", _jcode(pl.lit(pl.Series(reused_on_top.astype(np.int64).astype(str))),
                                                quoted())),
            files,
            result_doc,
            rounds,
        ])
        return pl.lit('{"hoSo":') + hoso + pl.lit(',"tienTrinhDongBo":') + log + pl.lit("}")
