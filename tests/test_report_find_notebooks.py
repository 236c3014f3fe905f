"""The batch renders the report notebooks; the analysts' workbench (00_*) only when named."""

import pytest

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.report.batch import find_notebooks


def test_workbench_notebooks_are_left_out_unless_named(tmp_path):
    for stem in ("00_kham_pha", "01_tong_quan", "02_dung_han"):
        (tmp_path / f"{stem}.ipynb").write_text("{}", encoding="utf-8")
    assert [p.stem for p in find_notebooks(tmp_path)] == ["01_tong_quan", "02_dung_han"]
    assert [p.stem for p in find_notebooks(tmp_path, ["00_kham_pha"])] == ["00_kham_pha"]


def test_a_folder_with_only_a_workbench_has_no_report(tmp_path):
    (tmp_path / "00_kham_pha.ipynb").write_text("{}", encoding="utf-8")
    with pytest.raises(HoaanError, match="no notebooks .* 00_\\* ones are rendered only when named"):
        find_notebooks(tmp_path)
