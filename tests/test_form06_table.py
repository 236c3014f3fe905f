"""Biểu số 06: the Biểu identities in every row, the Excel headings, and text that stays text."""

from __future__ import annotations

import openpyxl
import pytest
from helpers import SAMPLE_CSV, SAMPLE_XLSX, insert_dossiers, open_read_only

from hoaan_analytics import db, models, schema
from hoaan_analytics.cli import main
from hoaan_analytics.form06 import FORM06_COLUMNS, form06_frame, write_form06
from hoaan_analytics.periods import parse_period


def day(d: str, **extra):
    return {"received_at": f"{d} 08:00", "due_at": f"{d} 16:30", "finished_at": f"{d} 10:00", **extra}


@pytest.fixture
def loaded(con, params_dir):
    insert_dossiers(con, [
        day("2026-03-02", field_name="Hộ tịch", channel=2),
        day("2026-03-03", field_name="Hộ tịch", finished_at="2026-03-05 10:00"),  # late
        day("2026-03-04", field_name="Đất đai", status=4, finished_at=None),  # pending, overdue at 31/3
        day("2026-02-27", field_name="Đất đai", finished_at="2026-03-02 09:00"),  # carried over, late
        day("2026-03-05", field_name="=HYPERLINK(\"http://x\")", channel=3),  # export text, not a formula
        day("2026-03-06", field_name="Dân tộc"),
    ])
    models.refresh(con, params_dir)
    return con


def assert_identities(frame):
    for row in frame.iter_rows(named=True):
        assert row["handled"] == row["received_online"] + row["received_offline"] + row["carried_over"], row
        assert row["handled"] == row["resolved"] + row["pending"], row
        assert row["resolved"] == row["resolved_early"] + row["resolved_on_time"] + row["resolved_late"], row
        assert row["pending"] == row["pending_in_time"] + row["pending_overdue"], row
    fields = frame.filter(~frame["is_total"])
    total = frame.filter(frame["is_total"]).row(0, named=True)
    for key in FORM06_COLUMNS:
        assert fields[key].sum() == total[key], key


def test_rows_and_identities(loaded):
    frame = form06_frame(loaded, parse_period("2026-03"))
    # Vietnamese order: D before Đ, then H; the formula-looking name sorts first
    assert frame["field_name"].to_list() == ['=HYPERLINK("http://x")', "Dân tộc", "Đất đai", "Hộ tịch", "Tổng cộng"]
    assert frame["stt"].to_list() == ["1", "2", "3", "4", ""]
    total = frame.row(-1, named=True)
    # handled 6 = online 1 + offline 4 + carried 1; resolved 5 (late 2, on time 3), pending 1 overdue
    assert [total[k] for k in FORM06_COLUMNS] == [6, 1, 4, 1, 5, 0, 3, 2, 1, 0, 1]
    assert_identities(frame)


def test_identities_on_both_samples(load_samples):
    for name in (SAMPLE_CSV, SAMPLE_XLSX):
        con = open_read_only(load_samples(name).db_path)
        for period, mode in (("2026-Q1", "calendar"), ("2026-H1", "cutoff"), ("2026-Q4", "calendar")):
            assert_identities(form06_frame(con, parse_period(period, mode)))
        con.close()


def test_excel_file(loaded, tmp_path):
    out = write_form06(loaded, parse_period("2026-Q1"), tmp_path / "bieu06.xlsx", unit="UBND xã Hòa An")
    sheet = openpyxl.load_workbook(out).active
    cells = {c.value for row in sheet.iter_rows() for c in row if c.value is not None}
    for heading in ("Biểu số 06/VPCP/KSTT", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "STT",
                    "Lĩnh vực giải quyết", "Số hồ sơ nhận giải quyết", "Số mới tiếp nhận trực tuyến",
                    "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích", "Số kỳ trước chuyển qua",
                    "Số hồ sơ đã giải quyết", "Trả trước hạn", "Trả đúng thời hạn", "Trả quá hạn",
                    "Số hồ sơ đang giải quyết", "Trong hạn", "Quá hạn", "Tổng cộng",
                    "Kỳ báo cáo: Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)",
                    "Đơn vị báo cáo: UBND xã Hòa An"):
        assert heading in cells, heading
    assert {f"({n})" for n in range(1, 14)} <= cells
    formula_like = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert formula_like and formula_like[0].data_type == "s"
    assert "A7:A9" in {str(r) for r in sheet.merged_cells.ranges}  # STT spans the three heading rows


def test_cli_writes_the_file(tmp_path, params_dir, capsys):
    path = tmp_path / "hoaan.duckdb"
    con = db.connect(path)
    schema.ensure_schema(con)
    insert_dossiers(con, [day("2026-03-02")])
    models.refresh(con, params_dir)
    con.close()
    out = tmp_path / "b06.xlsx"
    assert main(["form06", "--period", "2026-Q1", "--db", str(path), "--out", str(out)]) == 0
    assert out.is_file() and "b06.xlsx" in capsys.readouterr().out
