"""Column labels of the exports -> canonical field names (METRICS.md §2).

Two label sets are built in (the national sync names and the Vietnamese export
labels); `params/labels.csv` adds more without code. Labels are matched after NFC
normalisation, trimming, collapsing inner whitespace and case folding, so that
`Mã hồ sơ`, `MÃ HỒ SƠ` and an NFD `Mã hồ sơ` are the same label.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.labels_vi import EXPORT_COLUMN_LABELS

# The canonical fields the loader reads, in the order of the dossiers table.
FIELDS: tuple[str, ...] = (
    "dossier_id", "procedure_code", "procedure_name", "field_code", "field_name", "unit_name",
    "channel", "status", "received_at", "due_at", "finished_at", "returned_at",
    "supplement_requested_at", "supplement_completed_at", "supplement_count", "fee_amount",
    "payment_method", "paid_online", "rating",
    "submitted_at", "applicant_type", "has_component_files", "has_reused_data", "from_citizen_store",
    "has_result_file", "vneid_verified", "has_complaint",
)
# Yes/no fields (METRICS.md §2): a file without the column stores null (unknown), an empty cell 0.
FLAG_FIELDS: tuple[str, ...] = (
    "has_component_files", "has_reused_data", "from_citizen_store", "has_result_file",
    "vneid_verified", "has_complaint",
)
# Without these a file is not a dossier export: nothing in it could be counted.
REQUIRED_FIELDS: tuple[str, ...] = ("dossier_id", "status", "received_at")

# Marks a column that holds applicants' personal data: never read, never stored.
PERSONAL = "personal"
# Marks a column a user wants ignored (a label that would otherwise confuse nobody).
IGNORE = "ignore"

BUILTIN_LABELS: dict[str, tuple[str, ...]] = {
    # canonical: (national sync name, Vietnamese export label, ...)
    **EXPORT_COLUMN_LABELS,
    # METRICS.md §2 and §2a: applicants' data, and free text that often names them
    PERSONAL: (
        "ChuHoSo", "SoGiayTo", "SoGiayToChuHoSo", "SoDienThoai", "DiaChi", "Email", "Fax",
        "DinhDanhCHS", "MaDoiTuong", "ThongTinKhac", "TrichYeuHoSo", "GhiChu", "ThongTinTra",
        "Chủ hồ sơ", "Số CCCD/Giấy tờ", "Số điện thoại", "Địa chỉ", "Email", "Thư điện tử",
        "Trích yếu hồ sơ", "Ghi chú",
    ),
}

LABELS_FILE = "labels.csv"
_SPACES = re.compile(r"\s+")


def label_key(text: object) -> str:
    """The form in which two labels are compared: NFC, trimmed, single spaces, case-folded."""
    if text is None:
        return ""
    normal = unicodedata.normalize("NFC", str(text)).replace("\ufeff", "")
    return _SPACES.sub(" ", normal).strip().casefold()


@dataclass(frozen=True)
class LabelMap:
    """Label key -> canonical field (or PERSONAL / IGNORE)."""

    fields_by_key: dict[str, str]

    def field_of(self, label: object) -> str | None:
        """The canonical field of one header cell, None when the label is unknown."""
        return self.fields_by_key.get(label_key(label))

    def labels_of(self, field: str) -> list[str]:
        """The known label keys of one field (for error messages)."""
        return sorted(k for k, f in self.fields_by_key.items() if f == field)


def builtin_label_map() -> LabelMap:
    """The label sets the project accepts out of the box."""
    return LabelMap({label_key(label): field for field, labels in BUILTIN_LABELS.items() for label in labels})


def load_label_map(params_dir: Path) -> LabelMap:
    """Built-in labels plus `params_dir/labels.csv` (columns `label,field`; `#` lines are comments).

    A user's line may add a label for a canonical field, or mark a column
    `personal`/`ignore`. A label that is built in as personal data cannot be mapped
    to a stored field: that would write applicants' data into the database.
    """
    builtin = builtin_label_map()
    fields = dict(builtin.fields_by_key)
    path = Path(params_dir) / LABELS_FILE
    if not path.is_file():
        return LabelMap(fields)
    text = path.read_text(encoding="utf-8-sig")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return LabelMap(fields)
    rows = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    header = [label_key(c) for c in next(rows)]
    if header[:2] != ["label", "field"]:
        raise HoaanError(f"{path}: line {lines[0][0]}: the first line must be the header `label,field`")
    allowed = set(FIELDS) | {PERSONAL, IGNORE}
    for (line_no, _), row in zip(lines[1:], rows, strict=False):
        if len(row) < 2 or not row[0].strip():
            raise HoaanError(f"{path}: line {line_no}: expected `label,field`")
        key, field = label_key(row[0]), row[1].strip()
        if field not in allowed:
            raise HoaanError(
                f"{path}: line {line_no}: field {field!r} is not one of: {', '.join(sorted(allowed))}")
        if builtin.fields_by_key.get(key) == PERSONAL and field not in (PERSONAL, IGNORE):
            raise HoaanError(
                f"{path}: line {line_no}: label {row[0].strip()!r} holds applicants' personal data "
                f"and cannot be mapped to {field!r}")
        fields[key] = field
    return LabelMap(fields)
