"""The list rules of METRICS.md §2a: each nested list of a payload record gives its canonical fields."""

from datetime import datetime

from payload_files import load_one, nested, record, set_aside, write_json


def one(con, tmp_path, params_dir, item):
    return load_one(con, write_json(tmp_path / "payload.json", [item]), params_dir)


# ---------------------------------------------------------------- DanhSachHoSoBoSung

def test_rounds_count_the_non_empty_requests_and_the_earliest_gives_both_dates(con, tmp_path, params_dir):
    # Three rounds; the one with an empty NgayBoSung is ignored -> 2 rounds. The earliest by
    # NgayBoSung is 03/03 08:30 (ISO with T) although listed second; its answer is empty -> null.
    # The top-level SoLanBoSung 9 loses: the list, when present, defines the fields.
    row = one(con, tmp_path, params_dir, record(SoLanBoSung="9", DanhSachHoSoBoSung=[
        {"NgayBoSung": "20260304090000", "NgayTiepNhanBoSung": "20260305100000",
         "NguoiYeuCauBoSung": "Lê Văn Tám", "NoiDungBoSung": "Bổ sung bản chính"},
        {"NgayBoSung": "2026-03-03T08:30:00", "NgayTiepNhanBoSung": ""},
        {"NgayBoSung": "", "NgayTiepNhanBoSung": "20260301000000"},
    ]))
    assert row["supplement_count"] == 2
    assert row["supplement_requested_at"] == datetime(2026, 3, 3, 8, 30)
    assert row["supplement_completed_at"] is None


def test_the_earliest_round_answer_is_kept(con, tmp_path, params_dir):
    row = one(con, tmp_path, params_dir, record(DanhSachHoSoBoSung=[
        {"NgayBoSung": "20260303090000", "NgayTiepNhanBoSung": "20260304150000"},
        {"NgayBoSung": "20260305090000", "NgayTiepNhanBoSung": None},
    ]))
    assert (row["supplement_count"], row["supplement_requested_at"], row["supplement_completed_at"]) == (
        2, datetime(2026, 3, 3, 9), datetime(2026, 3, 4, 15))


def test_an_unreadable_round_date_sets_the_row_aside(con, tmp_path, params_dir):
    # The request of round 2 and the answer of round 2 of record 2 cannot be read: §8, like any date.
    path = write_json(tmp_path / "payload.json", [
        record(MaHoSo="P-1", DanhSachHoSoBoSung=[{"NgayBoSung": "20260303090000"},
                                                 {"NgayBoSung": "31/02/2026"}]),
        record(MaHoSo="P-2", DanhSachHoSoBoSung=[{"NgayBoSung": "20260303090000"},
                                                 {"NgayBoSung": "20260304090000", "NgayTiepNhanBoSung": "hôm qua"}]),
    ])
    from hoaan_analytics.ingest import ingest_files
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert summary.set_aside == 2
    assert set_aside(con) == [(1, "P-1", "supplement_requested_at", "cannot be read as a date"),
                              (2, "P-2", "supplement_completed_at", "cannot be read as a date")]


def test_without_the_list_the_top_level_names_count_and_an_empty_list_is_none(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        record(MaHoSo="P-1", SoLanBoSung="1", NgayYeuCauBoSung="20260302090000"),
        record(MaHoSo="P-2", SoLanBoSung="3", DanhSachHoSoBoSung=[]),
    ])
    from payload_files import load_rows
    rows = load_rows(con, path, params_dir)
    assert (rows["P-1"]["supplement_count"], rows["P-1"]["supplement_requested_at"]) == (1, datetime(2026, 3, 2, 9))
    assert (rows["P-2"]["supplement_count"], rows["P-2"]["supplement_requested_at"]) == (0, None)


# ---------------------------------------------------------------- DanhSachLePhi

def test_fee_is_the_sum_of_gia_and_payment_the_first_non_empty_hinh_thuc_thu(con, tmp_path, params_dir):
    # 20000 + 5000 (a number) + "1.000" (thousands separator) = 26000; TongLePhi 99 loses to the list;
    # the first HinhThucThu is empty, the second names the method.
    row = one(con, tmp_path, params_dir, record(TongLePhi="99", DanhSachLePhi=[
        {"TenPhiLePhi": "Lệ phí", "Gia": "20000", "HinhThucThu": ""},
        {"TenPhiLePhi": "Phí", "Gia": 5000, "HinhThucThu": "Chuyển khoản"},
        {"TenPhiLePhi": "Phí sao", "Gia": "1.000", "HinhThucThu": "Tiền mặt"},
    ]))
    assert (row["fee_amount"], row["payment_method"]) == (26000, "Chuyển khoản")


def test_a_fee_list_of_zeros_is_0_and_no_list_or_an_empty_one_is_unknown(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        record(MaHoSo="P-zeros", DanhSachLePhi=[{"Gia": "0", "HinhThucThu": ""}, {"Gia": 0}]),
        record(MaHoSo="P-none"),
        record(MaHoSo="P-empty", DanhSachLePhi=[]),
        record(MaHoSo="P-top", TongLePhi="15000"),
    ])
    from payload_files import load_rows
    rows = load_rows(con, path, params_dir)
    assert {k: r["fee_amount"] for k, r in rows.items()} == {
        "P-zeros": 0, "P-none": None, "P-empty": None, "P-top": 15000}


# ---------------------------------------------------------------- TaiLieuNop

def flags(row):
    return (row["has_component_files"], row["has_reused_data"], row["from_citizen_store"])


def test_a_deleted_component_file_counts_for_none_of_the_three_flags(con, tmp_path, params_dir):
    # Entry 1 has a link, DuocSoHoa 1 and DuocLayTuKhoDMQG 1 but is deleted; entry 2 is kept but
    # has no link: nothing is left to count.
    row = one(con, tmp_path, params_dir, record(TaiLieuNop=[
        {"TenTepDinhKem": "Tờ khai - Nguyễn Thị Hằng.pdf", "DuongDanTaiTepTin": "https://mc.example/a.pdf",
         "IsDeleted": True, "DuocSoHoa": 1, "DuocLayTuKhoDMQG": 1},
        {"TenTepDinhKem": "CCCD.pdf", "DuongDanTaiTepTin": "", "IsDeleted": "0", "DuocSoHoa": "0"},
    ]))
    assert flags(row) == (False, False, False)


def test_component_flags_from_kept_entries(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        # kept (IsDeleted "false"), with a link and reused data, not from the store
        record(MaHoSo="P-1", TaiLieuNop=[{"DuongDanTaiTepTin": "https://mc.example/b.pdf", "IsDeleted": "false",
                                          "DuocSoHoa": "1", "DuocLayTuKhoDMQG": 0}]),
        # the top-level HoSoCoThanhPhanSoHoa alone makes has_reused_data; an empty list has no file
        record(MaHoSo="P-2", HoSoCoThanhPhanSoHoa=1, TaiLieuNop=[]),
        # IsDeleted 1 (a number) is deleted too; the kept entry came from the citizen's store
        record(MaHoSo="P-3", TaiLieuNop=[{"DuongDanTaiTepTin": "https://mc.example/c.pdf", "IsDeleted": 1},
                                         {"DuongDanTaiTepTin": None, "IsDeleted": 0, "DuocLayTuKhoDMQG": "1"}]),
        # no list and no key: the payload always knows the flags, so 0, not unknown
        record(MaHoSo="P-4"),
    ])
    from payload_files import load_rows
    rows = load_rows(con, path, params_dir)
    assert {k: flags(r) for k, r in rows.items()} == {
        "P-1": (True, True, False), "P-2": (False, True, False),
        "P-3": (False, False, True), "P-4": (False, False, False)}


# ---------------------------------------------------------------- DanhSachGiayToKetQua, top-level flags

def test_result_file_vneid_and_complaint(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        record(MaHoSo="P-1", DanhSachGiayToKetQua=[{"DuongDanTepTinKetQua": ""},
                                                   {"DuongDanTepTinKetQua": "https://mc.example/kq.pdf",
                                                    "TenTepDinhKem": "KQ_Nguyen_Thi_Hang.pdf"}],
               TaiKhoanDuocXacThucVoiVNeID=1, CoPhanAnhKienNghi="1"),
        record(MaHoSo="P-2", DanhSachGiayToKetQua=[{"DuongDanTepTinKetQua": ""}],
               TaiKhoanDuocXacThucVoiVNeID="0", CoPhanAnhKienNghi=0),
        record(MaHoSo="P-3"),  # no list, no VNeID key, no CoPhanAnhKienNghi
    ])
    from payload_files import load_rows
    rows = load_rows(con, path, params_dir)
    got = {k: (r["has_result_file"], r["vneid_verified"], r["has_complaint"]) for k, r in rows.items()}
    # has_complaint is no payload field: null (unknown) unless the record carries it
    assert got == {"P-1": (True, True, True), "P-2": (False, False, False), "P-3": (False, False, None)}


# ---------------------------------------------------------------- tienTrinhDongBo

def step(status, at, who="Ma Văn Cường"):
    return {"MaHoSo": "P-1", "TrangThai": status, "ThoiDiemXuLy": at, "NguoiXuLy": who,
            "ChucDanh": "Công chức", "NoiDungXuLy": "Xử lý"}


def logged(status, log, finished="", dossier_id="P-1"):
    return nested(record(MaHoSo=dossier_id, TrangThaiHoSo=status, NgayKetThucXuLy=finished), log)


def test_processing_log_gives_finished_at_status_9_first(con, tmp_path, params_dir):
    # Status 9 twice (10:30, 10:15): the earliest, 10:15, although a 10 comes at 11:00 and a 9 as text.
    row = one(con, tmp_path, params_dir, logged(10, [
        step(2, "20260302080000"), step("10", "20260302110000"),
        step(9, "20260302103000"), step("9", "20260302101500")]))
    assert row["finished_at"] == datetime(2026, 3, 2, 10, 15)


def test_processing_log_falls_back_to_10_then_8_then_7(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        # no 9: the earliest 10 (10:45), not the 8
        logged(10, [step(10, "20260302110000"), step(10, "20260302104500"), step(8, "20260302090000")],
               dossier_id="P-10"),
        # only 8 and 7: the 8 (09:45) although the 7 is earlier
        logged(8, [step(7, "20260302093000"), step(8, "20260302094500")], dossier_id="P-8"),
        # a 7 alone, its time in ISO with T
        logged(7, [step("7", "2026-03-02T09:20:00")], dossier_id="P-7"),
    ])
    from payload_files import load_rows
    rows = load_rows(con, path, params_dir)
    assert {k: r["finished_at"] for k, r in rows.items()} == {
        "P-10": datetime(2026, 3, 2, 10, 45), "P-8": datetime(2026, 3, 2, 9, 45), "P-7": datetime(2026, 3, 2, 9, 20)}


def test_processing_log_is_ignored_for_an_open_status_and_when_the_date_is_given(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        # status 4 (Đang xử lý) is not closing: the 9 of its log gives nothing
        logged(4, [step(9, "20260302101500")], dossier_id="P-open"),
        # NgayKetThucXuLy given (10:00): the log's 9 at 10:15 does not replace it
        logged(10, [step(9, "20260302101500")], finished="20260302100000", dossier_id="P-given"),
    ])
    from payload_files import load_rows
    rows = load_rows(con, path, params_dir)
    assert {k: r["finished_at"] for k, r in rows.items()} == {
        "P-open": None, "P-given": datetime(2026, 3, 2, 10)}


def test_closing_without_a_usable_log_or_with_an_unreadable_time_is_set_aside(con, tmp_path, params_dir):
    path = write_json(tmp_path / "payload.json", [
        nested(record(MaHoSo="P-1", TrangThaiHoSo=9, NgayKetThucXuLy=None), [step(4, "20260302090000")]),
        nested(record(MaHoSo="P-2", TrangThaiHoSo=9, NgayKetThucXuLy=...), [step(9, "không rõ")]),
    ])
    from hoaan_analytics.ingest import ingest_files
    ingest_files(con, [path], params_dir=params_dir)
    assert set_aside(con) == [(1, "P-1", "finished_at", "closing status without a finished date"),
                              (2, "P-2", "finished_at", "cannot be read as a date")]
