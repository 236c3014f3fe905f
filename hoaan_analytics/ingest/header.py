"""Finding the header row of a flat export (CSV lines or sheet rows) and what each column holds.

The header is the row that names the dossier id column and knows the most labels;
title rows above it, an `STT` column, extra and shuffled columns are fine. The
applicants' personal columns are noted by position (for `hoaan audit`), never read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.labels import IGNORE, PERSONAL, REQUIRED_FIELDS, LabelMap, label_key

HEADER_SCAN_ROWS = 50
# What a personal column holds, by its label key (built-in labels); other personal labels -> "personal".
PERSONAL_KINDS: dict[str, str] = {
    "chuhoso": "name", "chủ hồ sơ": "name",
    "sogiayto": "id_number", "sogiaytochuhoso": "id_number", "số cccd/giấy tờ": "id_number",
    "sodienthoai": "phone", "số điện thoại": "phone",
    "diachi": "address", "địa chỉ": "address",
    "email": "email", "thư điện tử": "email",
}


@dataclass(frozen=True)
class Header:
    """Where the header is and which column holds which field."""

    row_index: int                 # 0-based row (line / sheet row) of the header
    positions: dict[str, int]      # canonical field -> 0-based column position
    width: int                     # number of cells in the header row
    personal: dict[int, str] = field(default_factory=dict)  # position -> kind, applicants' columns


def find_header(rows: list[list[object]], labels: LabelMap, file_name: str) -> Header:
    """The row with the most known labels among those naming the dossier id column.

    Title rows, an `STT` column, extra and shuffled columns are all fine; a file
    with no such row in its first rows is not an export and cannot be read.
    """
    best: tuple[int, int, dict[str, int], int, dict[int, str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = [labels.field_of(cell) for cell in row]
        if "dossier_id" not in fields:
            continue
        score = sum(f is not None for f in fields)
        if best is None or score > best[0]:
            positions: dict[str, int] = {}
            personal: dict[int, str] = {}
            for position, name in enumerate(fields):
                if name == PERSONAL:
                    personal[position] = PERSONAL_KINDS.get(label_key(row[position]), "personal")
                if name is None or name in (PERSONAL, IGNORE):
                    continue
                if name in positions:
                    first = positions[name]
                    raise IngestError(
                        f"{file_name}: header row {index + 1}: two columns map to {name!r}: "
                        f"column {first + 1} {_label_text(row[first])!r} and "
                        f"column {position + 1} {_label_text(row[position])!r}; remove one of them")
                positions[name] = position
            best = (score, index, positions, len(row), personal)
    if best is None:
        raise IngestError(
            f"{file_name}: not a dossier export: none of the first {HEADER_SCAN_ROWS} rows has a "
            f"dossier id column ({' / '.join(labels.labels_of('dossier_id'))}); "
            f"add the file's labels to params/labels.csv if it uses other names")
    _, index, positions, width, personal = best
    missing = [f for f in REQUIRED_FIELDS if f not in positions]
    if missing:
        raise IngestError(
            f"{file_name}: header row {index + 1} has no column for {', '.join(missing)}; "
            f"add the file's labels to params/labels.csv if it uses other names")
    return Header(index, positions, width, personal)


def _label_text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()[:80]
