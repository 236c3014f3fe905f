"""The header is found under title rows; source_row is the row a spreadsheet or editor shows."""

from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files

TITLES = ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "DANH SÁCH HỒ SƠ", "Xuất ngày: 20/11/2026"]


def test_csv_with_title_rows(con, params_dir, tmp_path):
    # lines 1-3 titles, line 4 header, lines 5-6 data
    path = write_csv(tmp_path / "e.csv", [dossier(dossier_id="A"), dossier(dossier_id="B")], title_rows=TITLES)
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert summary.loaded == 2
    assert db.query(con, "select dossier_id, source_row from dossiers order by 1").rows() == [("A", 5), ("B", 6)]


def test_xlsx_with_title_rows_blank_row_and_stt(con, params_dir, tmp_path):
    # rows 1-3 titles, row 4 blank, row 5 header (STT first), rows 6-7 data
    path = write_xlsx(tmp_path / "e.xlsx", [dossier(dossier_id="A"), dossier(dossier_id="B")], title_rows=TITLES)
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert summary.loaded == 2
    assert db.query(con, "select dossier_id, source_row from dossiers order by 1").rows() == [("A", 6), ("B", 7)]


def test_xlsx_header_on_first_row(con, params_dir, tmp_path):
    path = write_xlsx(tmp_path / "e.xlsx", [dossier(dossier_id="A")], stt=False)
    ingest_files(con, [path], params_dir=params_dir)
    assert db.query(con, "select dossier_id, source_row from dossiers").rows() == [("A", 2)]


def test_set_aside_rows_name_the_right_line(con, params_dir, tmp_path):
    # line 1 title, line 2 header, line 3 good, line 4 no dossier id
    path = write_csv(tmp_path / "e.csv", [dossier(dossier_id="A"), dossier(dossier_id=None)], title_rows=["Báo cáo"])
    ingest_files(con, [path], params_dir=params_dir)
    assert db.query(con, "select file_name, source_row, field from set_aside").rows() == [("e.csv", 4, "dossier_id")]


def test_blank_lines_and_line_breaks_in_cells_keep_line_numbers(con, params_dir, tmp_path):
    # line 1 header, 2 A, 3 blank, 4-5 B (its name holds a line break), 6 C
    line = "{},2.000815,1,10,02/03/2026 08:00:00,02/03/2026 16:30:00,02/03/2026 10:00:00"
    path = tmp_path / "e.csv"
    path.write_bytes("\r\n".join([
        "MaHoSo,MaTTHC,KenhThucHien,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TenTTHC",
        line.format("A") + ",",
        "",
        line.format("B") + ',"Hai\ndòng"',
        line.format("C") + ",",
    ]).encode("utf-8"))
    ingest_files(con, [path], params_dir=params_dir)
    assert db.query(con, "select dossier_id, source_row from dossiers order by 1").rows() == [
        ("A", 2), ("B", 4), ("C", 6)]
    assert db.scalar(con, "select procedure_name from dossiers where dossier_id = 'B'") == "Hai\ndòng"


def test_footer_and_blank_rows_are_not_data_rows(con, params_dir, tmp_path):
    # a signature line under the table fills only unmapped columns (STT / column A)
    path = write_xlsx(tmp_path / "e.xlsx", [dossier(dossier_id="A")], title_rows=TITLES)
    import openpyxl
    book = openpyxl.load_workbook(path)
    book.active.cell(row=9, column=1, value="Người lập biểu")
    book.save(path)
    summary = ingest_files(con, [path], params_dir=params_dir)
    assert (summary.rows_read, summary.loaded, summary.set_aside) == (1, 1, 0)
