"""The national sync payload writer (METRICS.md §2a): JSON array or JSONL records built by polars."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from hoaan_analytics.synth import names
from hoaan_analytics.synth.spec import PAYLOAD_DATE_FORMAT
from hoaan_analytics.synth.text import pick, timestamps
from hoaan_analytics.synth.writers import Writer

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


class PayloadWriter(Writer):
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
        date = lambda secs: timestamps(secs, PAYLOAD_DATE_FORMAT)  # noqa: E731
        staff_at = lambda k: pick(self.staff, s["unit"] * STAFF_PER_UNIT + k)  # noqa: E731
        title = pick(self.titles, s["proc"])
        sir = pick(("ông", "bà"), s["female"].astype(np.int64))
        name = col("applicant_name")
        yyyy_mm = col("received_at").str.slice(0, 4) + "/" + col("received_at").str.slice(4, 2) + "/"
        links_year = pl.when(col("received_at").is_null()).then(pl.lit("2026/01/")).otherwise(yyyy_mm)

        def link(mask: np.ndarray) -> pl.Expr:
            number = pl.Series(rng.integers(10**15, 10**16, n)).cast(pl.String)
            url = pl.lit(PAYLOAD_LINK) + links_year + number + ".pdf"
            return pl.when(pl.Series(mask)).then(url).otherwise(pl.lit(""))

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
                _key("TenTepDinhKem", _jstr(pick(COMPONENT_FILES, (doc + k) % len(COMPONENT_FILES))
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
            timestamps(secs, "%Y-%m-%dT%H:%M:%S")).otherwise(date(secs))
        ask = pick(SUPPLEMENT_ASKS, rng.integers(0, len(SUPPLEMENT_ASKS), n))

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
        close_words = pick(("Công dân rút hồ sơ", "Dừng xử lý hồ sơ", "Hoàn thành xử lý"),
                            np.clip(close_code - 7, 0, 2))
        log = _arr([
            step(received >= 0, first_code, date(received), staff_at(0),
                 pick(("Đăng ký hồ sơ trực tuyến", "Tiếp nhận hồ sơ", "Từ chối tiếp nhận"), first_code - 1),
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
            _key("MaLinhVuc", _jstr(pick(cat.field_codes, s["proc"]))),
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
