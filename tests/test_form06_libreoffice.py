"""The Biểu 06 file opens in LibreOffice Calc with its Vietnamese headings intact.

Runs where LibreOffice and poppler's pdftotext are installed (Debian: libreoffice-calc,
poppler-utils); skipped with the reason otherwise.
"""

import shutil
import subprocess

import pytest
from helpers import SAMPLE_CSV, open_read_only

from hoaan_analytics.form06 import write_form06
from hoaan_analytics.periods import parse_period

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice (soffice) or pdftotext not installed"),
]


def test_libreoffice_renders_the_headings_and_the_total(load_samples, tmp_path):
    con = open_read_only(load_samples(SAMPLE_CSV).db_path)
    try:
        xlsx = write_form06(con, parse_period("2026-Q1"), tmp_path / "bieu06.xlsx")
    finally:
        con.close()
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run([PDFTOTEXT, "-layout", str(tmp_path / "bieu06.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    for heading in ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Biểu số 06/VPCP/KSTT",
                    "Lĩnh vực giải quyết", "Số hồ sơ nhận giải quyết", "Số kỳ trước", "Tổng cộng",
                    "Quý I năm 2026"):
        assert heading in text, heading
    # the total row: handled 124 = received 119 + carried over 5 (expected_kpis.json, 2026-Q1)
    total_line = next(line for line in text.splitlines() if "Tổng cộng" in line)
    assert total_line.split()[2:3] == ["124"]
