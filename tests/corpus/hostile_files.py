"""Broken and hostile exports, written into a folder at test time.

Each builder takes the target folder and returns the file it wrote. `EXPECTED`
says what the loader must do with it: refuse the file with an IngestError whose
message matches a pattern (and change nothing), or load it (rows may be set aside).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ingest_files import DVCQG, VI, dossier, write_csv, write_xlsx

Builder = Callable[[Path], Path]
UNIT_WITH_DIACRITICS = "UBND xã Hòa An"


def encode_cp1258(text: str) -> bytes:
    """Vietnamese text in Windows-1258: base letters precomposed where the code page has them, tones combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        # "ộ" is o + dot below + circumflex; the code page has "ô", so the base takes the circumflex.
        for i, mark in enumerate([None, *marks]):
            head = unicodedata.normalize("NFC", base + (mark or ""))
            rest = [m for j, m in enumerate(marks) if j != i - 1]
            try:
                out += head.encode("cp1258") + "".join(rest).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "not in Windows-1258")
    return bytes(out)


def _rows() -> list[dict]:
    return [dossier(dossier_id="H-1"), dossier(dossier_id="H-2", status="4", finished_at=None)]


def truncated_xlsx(folder: Path) -> Path:
    whole = write_xlsx(folder / "whole.xlsx", _rows()).read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    return path


def xlsx_noise(folder: Path) -> Path:
    path = folder / "noise.xlsx"
    path.write_bytes(b"PK\x03\x04" + random.Random(6).randbytes(20_000))
    return path


def csv_noise(folder: Path) -> Path:
    path = folder / "noise.csv"
    path.write_bytes(random.Random(7).randbytes(50_000))
    return path


def csv_noise_without_nul(folder: Path) -> Path:
    path = folder / "noise_no_nul.csv"
    path.write_bytes(bytes(b or 1 for b in random.Random(8).randbytes(50_000)))
    return path


def empty_file(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path


def _utf8_csv(folder: Path, name: str, labels: dict = DVCQG) -> Path:
    return write_csv(folder / name, _rows(), labels=labels)


def csv_utf16(folder: Path) -> Path:
    path = _utf8_csv(folder, "utf16.csv")
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))  # with BOM
    return path


def csv_utf16_without_bom(folder: Path) -> Path:
    path = _utf8_csv(folder, "utf16le.csv")
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    return path


def csv_cp1258_vietnamese_labels(folder: Path) -> Path:
    path = _utf8_csv(folder, "cp1258.csv", labels=VI)
    path.write_bytes(encode_cp1258(path.read_text(encoding="utf-8")))
    return path


def csv_cp1258_national_labels(folder: Path) -> Path:
    # ASCII labels prove nothing: the bytes of the names could be TCVN3 or VNI as well.
    path = _utf8_csv(folder, "cp1258_dvcqg.csv")
    path.write_bytes(encode_cp1258(path.read_text(encoding="utf-8")))
    return path


def csv_duplicated_labels(folder: Path) -> Path:
    path = folder / "duplicated.csv"
    path.write_text("MaHoSo,TrangThaiHoSo,NgayTiepNhan,Trạng thái,MaTTHC\n"
                    "A,10,02/03/2026 08:00:00,4,2.000815\n", encoding="utf-8")
    return path


def csv_10mb_cell(folder: Path) -> Path:
    return write_csv(folder / "huge_cell.csv",
                     [dossier(dossier_id="H-1"), dossier(dossier_id="H-2", unit_name="x" * 10_000_000)])


def xlsx_huge_cell(folder: Path) -> Path:
    import zipfile

    # Writers stop at Excel's 32,767 characters: put the long text into the workbook's XML by hand.
    plain = write_xlsx(folder / "plain.xlsx", [dossier(dossier_id="H-1", unit_name="PLACEHOLDER-CELL")])
    path = folder / "huge_cell.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename).replace(b"PLACEHOLDER-CELL", b"y" * 100_000)
            target.writestr(item, data)
    plain.unlink()
    return path


def csv_million_blank_lines(folder: Path) -> Path:
    path = write_csv(folder / "blank_lines.csv", [dossier(dossier_id="H-1")])
    with open(path, "ab") as handle:
        handle.write(b"\r\n" * 1_000_000)
        handle.write(",".join(["H-2", "2.000815", "x", "Chứng thực", UNIT_WITH_DIACRITICS, "1", "4",
                               "02/03/2026 08:00:00", "05/03/2026 16:30:00", ""]).encode("utf-8") + b"\r\n")
        handle.write(b"\r\n" * 1_000)
    return path


def csv_million_empty_rows(folder: Path) -> Path:
    path = write_csv(folder / "empty_rows.csv", _rows())
    with open(path, "ab") as handle:
        handle.write(b",,,,,,,,,\r\n" * 1_000_000)
    return path


def xlsx_million_empty_rows(folder: Path) -> Path:
    import xlsxwriter

    path = write_xlsx(folder / "base.xlsx", _rows())
    # A formatted blank cell far below makes the sheet's used range a million rows long.
    big = folder / "empty_rows.xlsx"
    book = xlsxwriter.Workbook(str(big), {"constant_memory": True})
    sheet = book.add_worksheet()
    header = [VI[f] for f in ("dossier_id", "status", "received_at", "due_at", "finished_at", "procedure_code")]
    for c, label in enumerate(header):
        sheet.write_string(0, c, label)
    for c, value in enumerate(["H-1", "10", "02/03/2026 08:00:00", "02/03/2026 16:30:00", "02/03/2026 10:00:00",
                               "2.000815"]):
        sheet.write_string(1, c, value)
    sheet.write_blank(1_000_000, 0, None, book.add_format({"bold": True}))
    book.close()
    path.unlink()
    return big


def xlsx_formula_cells(folder: Path) -> Path:
    import xlsxwriter

    path = folder / "formulas.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    header = ["Mã hồ sơ", "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Mã thủ tục",
              "Đơn vị xử lý"]
    for c, label in enumerate(header):
        sheet.write_string(0, c, label)
    # Row 2: formulas with cached results (what Excel saves): the loader reads the results.
    sheet.write_formula(1, 0, '="F-"&"1"', None, "F-1")
    sheet.write_formula(1, 1, "=5+5", None, 10)
    for c, value in ((2, "02/03/2026 08:00:00"), (3, "02/03/2026 16:30:00"), (4, "02/03/2026 10:00:00"),
                     (5, "2.000815")):
        sheet.write_string(1, c, value)
    sheet.write_formula(1, 6, '=HYPERLINK("http://example.invalid","UBND")', None, UNIT_WITH_DIACRITICS)
    # Row 3: a status formula with no cached result reads as 0: not a status, so the row is set aside.
    sheet.write_string(2, 0, "F-2")
    sheet.write_formula(2, 1, "=5+5")
    for c, value in ((2, "02/03/2026 08:00:00"), (3, "02/03/2026 16:30:00"), (4, "02/03/2026 10:00:00"),
                     (5, "2.000815"), (6, "=cmd|' /C calc'!A0")):
        sheet.write_string(2, c, value)
    book.close()
    return path


def csv_year_9999(folder: Path) -> Path:
    return write_csv(folder / "year_9999.csv",
                     [dossier(dossier_id="H-1"), dossier(dossier_id="H-2", due_at="31/12/9999 00:00:00")])


def csv_year_1900(folder: Path) -> Path:
    return write_csv(folder / "year_1900.csv",
                     [dossier(dossier_id="H-1"), dossier(dossier_id="H-2", received_at="01/01/1900 08:00:00")])


def xlsx_year_9999_date_cell(folder: Path) -> Path:
    from datetime import datetime

    return write_xlsx(folder / "year_9999.xlsx",
                      [dossier(dossier_id="H-1"), dossier(dossier_id="H-2", due_at=datetime(9999, 12, 31))])


# name -> (builder, expected): "load" or a regex the IngestError must match (after the file name)
REFUSED: dict[str, tuple[Builder, str]] = {
    "truncated_xlsx": (truncated_xlsx, r"truncated\.xlsx: cannot be read as a spreadsheet"),
    "xlsx_noise": (xlsx_noise, r"noise\.xlsx: cannot be read as a spreadsheet"),
    "csv_noise": (csv_noise, r"noise\.csv: not a text \(CSV\) file"),
    "csv_noise_without_nul": (csv_noise_without_nul, r"noise_no_nul\.csv: not .*(UTF-8|dossier export)"),
    "empty_file": (empty_file, r"empty\.csv: not a dossier export"),
    "csv_utf16_without_bom": (csv_utf16_without_bom, r"utf16le\.csv: .*UTF-16 text without a byte order mark"),
    "csv_cp1258_national_labels": (csv_cp1258_national_labels, r"cp1258_dvcqg\.csv: not UTF-8 text.*Windows-1258"),
    "csv_duplicated_labels": (csv_duplicated_labels,
                              r"duplicated\.csv: header row 1: two columns map to 'status': "
                              r"column 2 'TrangThaiHoSo' and column 4 'Trạng thái'"),
    "csv_10mb_cell": (csv_10mb_cell, r"huge_cell\.csv: row 3, field unit_name: a cell of 10,000,000 characters"),
    "xlsx_huge_cell": (xlsx_huge_cell, r"huge_cell\.xlsx: row 2, field unit_name: a cell of 100,000 characters"),
}
LOADED: dict[str, Builder] = {
    "csv_utf16": csv_utf16,
    "csv_cp1258_vietnamese_labels": csv_cp1258_vietnamese_labels,
    "csv_million_blank_lines": csv_million_blank_lines,
    "csv_million_empty_rows": csv_million_empty_rows,
    "xlsx_million_empty_rows": xlsx_million_empty_rows,
    "xlsx_formula_cells": xlsx_formula_cells,
}
IMPLAUSIBLE_DATES: dict[str, Builder] = {
    "csv_year_9999": csv_year_9999,
    "csv_year_1900": csv_year_1900,
    "xlsx_year_9999_date_cell": xlsx_year_9999_date_cell,
}
