"""Payload exports (METRICS.md §2a): the same dossiers and canonical values as the flat CSV of the seed.

The expectation is computed here by a small reading of both files in Python (not by
the package's loader), following §2 for the CSV and §2a's list rules for the JSON.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime

import pytest

from hoaan_analytics import synth

SEED = 5
ARGS = dict(units=3, years=(2025, 2026), dossiers_per_unit_year=250, seed=SEED)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_payload")
    specs = synth.default_specs(("csv", "json", "jsonl"), messiness=synth.CLEAN, bad_rows=0)
    summaries = synth.synthesize(out, specs, **ARGS)
    return {s.file_format: s for s in summaries}


def _when(text):
    """§2 date forms used by the exports: yyyy-mm-dd HH:MM:SS, yyyyMMddHHmmss, ISO with T."""
    if text in (None, ""):
        return None
    text = str(text)
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y%m%d%H%M%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise AssertionError(f"unreadable date {text!r}")


def _flag(value) -> int:
    return 1 if str(value).strip().lower() in {"1", "true", "có", "x"} else 0


def _code(value):
    return None if value in (None, "") else int(value)


def _from_csv(path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for r in rows:
        out[r["MaHoSo"]] = {
            "procedure_code": r["MaTTHC"], "unit_name": r["DonViXuLy"],
            "channel": _code(r["KenhThucHien"]) or 1, "status": _code(r["TrangThaiHoSo"]),
            "received_at": _when(r["NgayTiepNhan"]), "due_at": _when(r["NgayHenTra"]),
            "finished_at": _when(r["NgayKetThucXuLy"]), "returned_at": _when(r["NgayTra"]),
            "supplement_requested_at": _when(r["NgayYeuCauBoSung"]),
            "supplement_completed_at": _when(r["NgayCongDanBoSung"]),
            "supplement_count": int(r["SoLanBoSung"] or 0),
            "fee_amount": None if r["TongLePhi"] == "" else int(r["TongLePhi"]),
            "payment_method": r["HinhThucThanhToan"] or None,
            "paid_online": int(r["DuocThanhToanTrucTuyen"] or 0), "rating": r["DanhGia"] or None,
            "submitted_at": _when(r["NgayNopHoSo"]), "applicant_type": int(r["LoaiDoiTuong"]),
            **{c: _flag(r[label]) for c, (label, _) in synth.LABELS.items() if c in synth.FLAG_COLUMNS},
        }
    return out


def _from_payload(records) -> dict[str, dict]:
    out = {}
    for record in records:
        h, log = record["hoSo"], record["tienTrinhDongBo"]
        status = _code(h["TrangThaiHoSo"])
        finished = _when(h.get("NgayKetThucXuLy"))
        if finished is None and status in (7, 8, 9, 10):
            for wanted in (9, 10, 8, 7):    # §2a: the earliest step of 9, else 10, else 8, else 7
                times = [_when(s["ThoiDiemXuLy"]) for s in log if _code(s["TrangThai"]) == wanted]
                if times:
                    finished = min(times)
                    break
        rounds = sorted((r for r in h.get("DanhSachHoSoBoSung", []) if r.get("NgayBoSung")),
                        key=lambda r: _when(r["NgayBoSung"]))
        fees = h.get("DanhSachLePhi") or []
        files = [f for f in h.get("TaiLieuNop", []) if not _flag(f["IsDeleted"])]
        results = h.get("DanhSachGiayToKetQua", [])
        out[h["MaHoSo"]] = {
            "procedure_code": h["MaTTHC"], "unit_name": h["DonViXuLy"],
            "channel": _code(h["KenhThucHien"]) or 1, "status": status,
            "received_at": _when(h["NgayTiepNhan"]), "due_at": _when(h["NgayHenTra"]),
            "finished_at": finished, "returned_at": _when(h["NgayTra"]),
            "supplement_requested_at": _when(rounds[0]["NgayBoSung"]) if rounds else None,
            "supplement_completed_at": _when(rounds[0]["NgayTiepNhanBoSung"]) if rounds else None,
            "supplement_count": len(rounds),
            "fee_amount": sum(int(f["Gia"]) for f in fees) if fees else None,
            "payment_method": next((f["HinhThucThu"] for f in fees if f["HinhThucThu"]), None),
            "paid_online": int(h["DuocThanhToanTrucTuyen"] or 0), "rating": h.get("DanhGia") or None,
            "submitted_at": _when(h["NgayNopHoSo"]), "applicant_type": int(h["LoaiDoiTuong"]),
            "has_component_files": int(any(f["DuongDanTaiTepTin"] for f in files)),
            "has_reused_data": int(_flag(h["HoSoCoThanhPhanSoHoa"]) or any(_flag(f["DuocSoHoa"]) for f in files)),
            "from_citizen_store": int(any(_flag(f["DuocLayTuKhoDMQG"]) for f in files)),
            "has_result_file": int(any(r["DuongDanTepTinKetQua"] for r in results)),
            "vneid_verified": _flag(h["TaiKhoanDuocXacThucVoiVNeID"]),
            "has_complaint": _flag(h["CoPhanAnhKienNghi"]),
        }
    return out


def test_json_and_csv_of_one_seed_hold_the_same_canonical_values(files):
    expected = _from_csv(files["csv"].path)
    records = json.loads(files["json"].path.read_text(encoding="utf-8"))
    got = _from_payload(records)
    assert list(got) == list(expected)          # same dossiers, same order
    assert got == expected


def test_jsonl_holds_the_json_records_one_a_line(files):
    records = json.loads(files["json"].path.read_text(encoding="utf-8"))
    lines = files["jsonl"].path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(records) == files["jsonl"].rows
    assert _from_payload(json.loads(line) for line in lines) == _from_payload(records)


def test_the_list_rules_are_exercised(files):
    # each §2a rule must have something to bite on, or the equality test above proves little
    records = json.loads(files["json"].path.read_text(encoding="utf-8"))
    hosos = [r["hoSo"] for r in records]
    closed_without_finish_date = [r for r in records if r["hoSo"]["TrangThaiHoSo"] in (7, 8, 9, 10, "7", "8", "9", "10")
                                  and not r["hoSo"].get("NgayKetThucXuLy")]
    assert closed_without_finish_date
    assert any(_flag(f["IsDeleted"]) for h in hosos for f in h.get("TaiLieuNop", []))
    assert any(len(h.get("DanhSachLePhi", [])) == 2 for h in hosos)
    assert any(h.get("DanhSachLePhi") and all(int(f["Gia"]) == 0 for f in h["DanhSachLePhi"]) for h in hosos)
    assert any(len(h.get("DanhSachHoSoBoSung", [])) == 2 for h in hosos)
    assert any(isinstance(h["TrangThaiHoSo"], str) for h in hosos)
    assert any(isinstance(h["TrangThaiHoSo"], int) for h in hosos)
    assert all(re.fullmatch(r"\d{14}", h["NgayTiepNhan"]) for h in hosos)


def test_payload_carries_the_personal_data_real_payloads_carry(files):
    records = json.loads(files["json"].path.read_text(encoding="utf-8"))
    h = records[0]["hoSo"]
    for key in ("ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email", "DiaChi", "DinhDanhCHS", "TrichYeuHoSo"):
        assert h[key], key
    assert h["ChuHoSo"] in h["TrichYeuHoSo"]
    assert h["DinhDanhCHS"][0]["SoDinhDanh"] == h["SoGiayToChuHoSo"]
    assert re.fullmatch(r"[a-z]+\d+@gmail\.com", h["Email"])
    staff = {s["NguoiXuLy"] for r in records for s in r["tienTrinhDongBo"]}
    assert len(staff) >= 3 and all(len(name.split()) >= 3 for name in staff)


def test_bad_rows_are_planted_in_payloads_too(tmp_path):
    specs = synth.default_specs(("csv", "json"), bad_rows=1)
    csv_summary, json_summary = synth.synthesize(tmp_path, specs, **ARGS)
    assert json_summary.bad_row_counts() == dict.fromkeys(synth.BAD_ROW_KINDS, 1)
    assert [b.dossier_id for b in json_summary.bad_rows] == [b.dossier_id for b in csv_summary.bad_rows]
    records = json.loads(json_summary.path.read_text(encoding="utf-8"))
    # array position from 1: the record of a planted bad row is the one the summary names
    for bad in json_summary.bad_rows:
        h = records[bad.source_row - 1]["hoSo"]
        assert h.get("MaHoSo") == bad.dossier_id
        if bad.kind == "closed_without_finish":
            log = records[bad.source_row - 1]["tienTrinhDongBo"]
            assert not h.get("NgayKetThucXuLy")
            assert not [s for s in log if _code(s["TrangThai"]) in (7, 8, 9, 10)]
