"""Small hand-made national sync payloads (METRICS.md §2a) written into tmp_path at test time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hoaan_analytics.ingest import ingest_files

# A usable dossier as the payload writes it: procedure 2.000815 is in params/procedures.csv;
# received 02/03/2026 08:00, due 16:30, finished 10:00 the same day. Personal keys included,
# as real payloads carry them: the loader must never read them.
RECORD: dict[str, Any] = {
    "MaHoSo": "P-1",
    "MaTTHC": "2.000815",
    "TenTTHC": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    "MaLinhVuc": "G01-CT",
    "TenLinhVuc": "Chứng thực",
    "DonViXuLy": "UBND xã Hòa An",
    "KenhThucHien": "2",
    "TrangThaiHoSo": "10",
    "NgayNopHoSo": "20260301201500",
    "NgayTiepNhan": "20260302080000",
    "NgayHenTra": "20260302163000",
    "NgayKetThucXuLy": "20260302100000",
    "NgayTra": "20260302110000",
    "ChuHoSo": "Nguyễn Thị Hằng",
    "SoGiayToChuHoSo": "001234567890",
    "SoDienThoai": "0912345678",
    "Email": "hangnguyen77@gmail.com",
    "DiaChi": "Thôn 7, xã Hòa An",
    "DinhDanhCHS": [{"LoaiDinhDanh": 1, "SoDinhDanh": "001234567890"}],
    "TrichYeuHoSo": "Chứng thực bản sao cho bà Nguyễn Thị Hằng",
    "GhiChu": "Bà Hằng nhận tại quầy",
}


def record(**values: Any) -> dict[str, Any]:
    """RECORD with some keys replaced; a value of ... removes the key."""
    merged = {**RECORD, **values}
    return {k: v for k, v in merged.items() if v is not ...}


def nested(dossier: dict[str, Any], log: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The record shape {"hoSo": dossier, "tienTrinhDongBo": log}."""
    return {"hoSo": dossier, "tienTrinhDongBo": log or []}


def write_json(path: Path, records: list[Any], *, bom: bool = False, indent: int | None = None) -> Path:
    """A .json payload: an array of records."""
    text = json.dumps(records, ensure_ascii=False, indent=indent)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def write_jsonl(path: Path, records: list[Any], *, bom: bool = False, blank_lines_before: int = 0) -> Path:
    """A .jsonl / .ndjson payload: one record a line (optionally blank lines before each record)."""
    lines = []
    for item in records:
        lines += [""] * blank_lines_before + [json.dumps(item, ensure_ascii=False)]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def load_rows(con, path: Path, params_dir: Path) -> dict[str, dict[str, Any]]:
    """Ingest one file; the stored dossiers by id."""
    ingest_files(con, [path], params_dir=params_dir)
    frame = con.sql("select * from dossiers order by dossier_id").pl()
    return {row["dossier_id"]: row for row in frame.iter_rows(named=True)}


def load_one(con, path: Path, params_dir: Path) -> dict[str, Any]:
    """Ingest a file of one usable dossier and return its stored row."""
    rows = load_rows(con, path, params_dir)
    assert len(rows) == 1, con.sql("select * from set_aside").fetchall()
    return next(iter(rows.values()))


def set_aside(con) -> list[tuple[Any, ...]]:
    """(source_row, dossier_id, field, reason) of every set-aside row, in order."""
    return con.sql("select source_row, dossier_id, field, reason from set_aside order by all").fetchall()
