"""Nothing personal of a payload reaches the database: not in its tables, not in the file's bytes;
`hoaan audit` reads a payload's personal values to search for them."""

from helpers import ingest_into
from payload_files import nested, record, write_json, write_jsonl

from hoaan_analytics import db
from hoaan_analytics.audit import audit, personal_values
from hoaan_analytics.ingest import ingest_files

NAME, ID_NUMBER, PHONE = "Nguyễn Thị Hằng", "001234567890", "0912345678"
SUMMARY = "Chứng thực bản sao cho bà Nguyễn Thị Hằng"
FILE_NAME = "Tờ khai - Nguyễn Thị Hằng.pdf"
LINK = "https://motcua.example.gov.vn/files/2026/03/4dabb4817253edc6.pdf"
RESULT_LINK = "https://motcua.example.gov.vn/files/2026/03/bd299753a7677796.pdf"
STAFF = "Quan Văn Khoa"


def payload(tmp_path):
    item = nested(record(
        TaiLieuNop=[{"TenTepDinhKem": FILE_NAME, "DuongDanTaiTepTin": LINK, "IsDeleted": 0, "DuocSoHoa": 1}],
        DanhSachGiayToKetQua=[{"DuongDanTepTinKetQua": RESULT_LINK, "TenTepDinhKem": "KQ_Nguyen_Thi_Hang.pdf"}],
        DinhDanhCHS=[{"LoaiDinhDanh": 1, "SoDinhDanh": "098765432109"}],
    ), [{"TrangThai": 9, "ThoiDiemXuLy": "20260302100000", "NguoiXuLy": STAFF, "ChucDanh": "Công chức",
         "NoiDungXuLy": f"Trả kết quả cho bà {NAME}"}])
    return [write_json(tmp_path / "payload.json", [item]), write_jsonl(tmp_path / "payload.jsonl", [item])]


def test_personal_values_are_absent_from_the_database_file(tmp_path, params_dir):
    files = payload(tmp_path)
    db_path = tmp_path / "hoaan.duckdb"
    con = db.connect(db_path)
    try:
        # the second file has the same dossier: it replaces the first one's row
        summary = ingest_files(con, files, params_dir=params_dir)
        assert summary.loaded == 2
        assert con.sql("select has_component_files, has_result_file, has_reused_data from dossiers").fetchall() == [
            (True, True, True)]
    finally:
        con.close()
    content = b"".join(p.read_bytes() for p in (db_path, tmp_path / "hoaan.duckdb.wal") if p.is_file())
    for value in (NAME, ID_NUMBER, PHONE, "098765432109", SUMMARY, FILE_NAME, LINK, RESULT_LINK, STAFF,
                  "hangnguyen77@gmail.com", "Thôn 7, xã Hòa An", "Bà Hằng nhận tại quầy"):
        assert value.encode("utf-8") not in content, value
    assert b"P-1" in content  # the search itself works: the dossier id is there


def test_audit_reads_a_payloads_personal_values(tmp_path, params_dir):
    json_path, jsonl_path = payload(tmp_path)
    values = personal_values([json_path], params_dir)
    assert values == personal_values([jsonl_path], params_dir)
    assert values["name"] == {NAME}
    assert values["id_number"] == {ID_NUMBER, "098765432109"}
    assert values["phone"] == {PHONE}
    assert values["staff_name"] == {STAFF}
    assert values["file_name"] == {FILE_NAME, "KQ_Nguyen_Thi_Hang.pdf"}
    assert SUMMARY in values["free_text"]


def test_audit_of_a_database_loaded_from_a_payload_is_clean(tmp_path, params_dir):
    files = payload(tmp_path)
    db_path = tmp_path / "hoaan.duckdb"
    ingest_into(db_path, files, params_dir)
    result = audit(db_path=db_path, exports=files, params_dir=params_dir)
    assert result.values_searched >= 9 and result.clean, [str(f) for f in result.findings]
