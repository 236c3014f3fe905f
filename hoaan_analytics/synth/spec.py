"""What the exports look like and what was written: labels, codes, shares, the specs and summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hoaan_analytics.labels_vi import EXPORT_COLUMN_LABELS

FORMATS = ("csv", "xlsx", "json", "jsonl")
DEFAULT_FORMATS = ("csv", "xlsx")   # the flat pair of the shared samples; payload files on request
PAYLOAD_FORMATS = ("json", "jsonl")
CHUNK_ROWS = 50_000
# how the payload writes a timestamp (METRICS.md §2a: yyyyMMddHHmmss)
PAYLOAD_DATE_FORMAT = "%Y%m%d%H%M%S"

STATUS_NAMES = {
    1: "Mới đăng ký", 2: "Được tiếp nhận", 3: "Không được tiếp nhận", 4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ", 6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ", 8: "Dừng xử lý", 9: "Đã xử lý xong", 10: "Đã trả kết quả",
}
CHANNEL_NAMES = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}
PAYMENT_METHODS = ("Tiền mặt", "Chuyển khoản", "Thanh toán trực tuyến")
RATINGS = ("Rất hài lòng", "Hài lòng", "Không hài lòng")

# The columns of a written export, in the provincial system's order: the labels the loader reads
# (labels_vi.EXPORT_COLUMN_LABELS, without field_code) and the columns it never stores.
COLUMN_ORDER: tuple[str, ...] = (
    "row_number", "dossier_id", "procedure_code", "procedure_name", "field_name", "unit_name", "channel",
    "status", "received_at", "due_at", "finished_at", "returned_at", "supplement_requested_at",
    "supplement_completed_at", "supplement_count", "fee_amount", "payment_method", "paid_online", "rating",
    "applicant_name", "applicant_id_number", "applicant_phone", "applicant_address",
    "submitted_at", "applicant_type", "has_component_files", "has_reused_data", "from_citizen_store",
    "has_result_file", "vneid_verified", "has_complaint", "note",
)
# canonical name -> (DVCQG label, Vietnamese label) of the columns the loader does not read;
# None: the label set has no such column.
_UNREAD_LABELS: dict[str, tuple[str | None, str | None]] = {
    "row_number": (None, "STT"),
    "applicant_name": ("ChuHoSo", "Chủ hồ sơ"),
    "applicant_id_number": ("SoGiayTo", "Số CCCD/Giấy tờ"),
    "applicant_phone": ("SoDienThoai", "Số điện thoại"),
    "applicant_address": ("DiaChi", "Địa chỉ"),
    "note": ("GhiChu", None),
}
LABELS: dict[str, tuple[str | None, str | None]] = {
    column: _UNREAD_LABELS.get(column) or EXPORT_COLUMN_LABELS[column] for column in COLUMN_ORDER
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
REALISTIC = Messiness()  # the default shares, as real exports have them


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
