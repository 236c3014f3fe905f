"""Small hand-made exports written into tmp_path at test time (no binaries in the repo)."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from hoaan_analytics.ingest.labels import BUILTIN_LABELS

# canonical field -> label, for the two built-in label sets
DVCQG = {field: labels[0] for field, labels in BUILTIN_LABELS.items() if field != "personal"}
VI = {field: labels[1] for field, labels in BUILTIN_LABELS.items() if field != "personal"}
PERSONAL_DVCQG = {"applicant_name": "ChuHoSo", "id_number": "SoGiayTo", "phone": "SoDienThoai",
                  "address": "DiaChi"}
PERSONAL_VI = {"applicant_name": "Chủ hồ sơ", "id_number": "Số CCCD/Giấy tờ", "phone": "Số điện thoại",
               "address": "Địa chỉ"}

# A usable dossier: procedure 2.000815 is in params/procedures.csv; resolved the same day.
VALID: dict[str, Any] = {
    "dossier_id": "D-1",
    "procedure_code": "2.000815",
    "procedure_name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    "field_name": "Chứng thực",
    "unit_name": "UBND xã Hòa An",
    "channel": "1",
    "status": "10",
    "received_at": "02/03/2026 08:00:00",
    "due_at": "02/03/2026 16:30:00",
    "finished_at": "02/03/2026 10:00:00",
}


def dossier(**values: Any) -> dict[str, Any]:
    """VALID with some fields replaced; a value of None leaves the cell empty."""
    return {**VALID, **values}


def _table(rows: list[dict[str, Any]], labels: dict[str, str], columns: list[str] | None) -> list[list[Any]]:
    columns = columns or list(dict.fromkeys(k for r in rows for k in r) or VALID)
    header = [labels.get(c, c) for c in columns]
    return [header] + [[r.get(c) for c in columns] for r in rows]


def write_csv(path: Path, rows: list[dict[str, Any]], *, labels: dict[str, str] = DVCQG,
              columns: list[str] | None = None, title_rows: list[str] = (), bom: bool = False,
              delimiter: str = ",", normal_form: str = "NFC") -> Path:
    """A CSV export: optional title lines, then the header and rows (None = empty cell)."""
    buffer = io.StringIO(newline="")
    for title in title_rows:
        buffer.write(title + "\r\n")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for line in _table(rows, labels, columns):
        writer.writerow(["" if v is None else v for v in line])
    text = unicodedata.normalize(normal_form, buffer.getvalue())
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def write_xlsx(path: Path, rows: list[dict[str, Any]], *, labels: dict[str, str] = VI,
               columns: list[str] | None = None, title_rows: list[str] = (), blank_rows_after_title: int = 1,
               stt: bool = True) -> Path:
    """A workbook like the province's: title rows, a blank row, header with STT, rows.

    datetime values become real date cells; numbers become number cells.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Danh sách hồ sơ")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
    r = 0
    for title in title_rows:
        sheet.write_string(r, 0, title)
        r += 1
    r += blank_rows_after_title if title_rows else 0
    table = _table(rows, labels, columns)
    for i, line in enumerate(table):
        cells = (["STT" if i == 0 else i] if stt else []) + line
        for c, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, datetime):
                sheet.write_datetime(r, c, value, date_format)
            elif isinstance(value, (int, float)):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
        r += 1
    workbook.close()
    return path
