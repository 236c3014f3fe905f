"""labels_vi is the one wording: every key the code names has a label, Biểu 06 heads its columns alike in
Excel and report, and report code holds no word of its own."""

import openpyxl
from helpers import insert_dossiers

from hoaan_analytics import labels_vi, models
from hoaan_analytics.form06 import FORM06_COLUMNS, write_form06
from hoaan_analytics.kpis import KPI_KEYS
from hoaan_analytics.periods import MODES, parse_period
from hoaan_analytics.sections.overview import FORM06_LABELS


def test_every_kpi_mode_and_form_column_has_a_label():
    assert list(labels_vi.KPI_LABELS_VI) == list(KPI_KEYS)
    assert set(labels_vi.MODE_LABELS_VI) == set(MODES)
    assert list(labels_vi.FORM06_HEADINGS) == list(FORM06_COLUMNS)


def test_the_excel_file_and_the_report_table_head_columns_3_to_13_alike(con, params_dir, tmp_path):
    insert_dossiers(con, [{"received_at": "2026-02-02 08:00", "due_at": "2026-02-04 16:30"}])
    models.refresh(con, params_dir)
    out = write_form06(con, parse_period("2026-Q1"), tmp_path / "b06.xlsx")
    sheet = openpyxl.load_workbook(out).active
    # header block: rows 7-9 of the sheet; each column's own heading is its lowest non-empty cell there
    excel = {}
    for col in range(3, 14):
        cells = [sheet.cell(row, col).value for row in (7, 8, 9)]
        excel[col] = next(v for v in reversed(cells) if v and v != labels_vi.FORM06_OF_WHICH)
    report = {number: FORM06_LABELS[key].removesuffix(f" ({number})")
              for number, key in enumerate(FORM06_COLUMNS, start=3)}
    assert excel == report
    assert sheet["A1"].value == labels_vi.FORM06_CODE


# The modules whose every Vietnamese word comes from labels_vi.
WORDLESS_MODULES = (
    "sections/context.py", "sections/overview.py", "sections/ontime.py", "sections/online.py",
    "sections/processing_time.py", "sections/units.py", "sections/quality.py", "sections/index766.py",
    "charts.py", "tables.py", "analyses.py", "periods.py", "calendar.py", "index766.py",
    "report/display.py", "report/html.py",
)


def _vietnamese_strings(path):
    """String constants of a module holding a Vietnamese letter, docstrings left out."""
    import ast
    import re

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    letters = re.compile("[À-ỹ]")
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and letters.search(node.value)]


def test_report_code_holds_no_vietnamese_word():
    from pathlib import Path

    package = Path(labels_vi.__file__).parent
    found = [text for module in WORDLESS_MODULES for text in _vietnamese_strings(package / module)]
    assert found == []


def test_a_column_heading_never_renames_a_kpi():
    # tables.KPI_LABELS lets COLUMN_LABELS_VI win: a KPI key there would give the KPI a second name
    assert not set(labels_vi.COLUMN_LABELS_VI) & set(labels_vi.KPI_LABELS_VI)
    # the short headings are of KPIs only, one each
    assert set(labels_vi.TABLE_HEADINGS_VI) <= set(labels_vi.KPI_LABELS_VI)
