"""`hoaan report` and `hoaan lab`: argument handling and user errors (exit 2, no traceback)."""

import sys
from pathlib import Path

import pytest

from hoaan_analytics.cli import main
from hoaan_analytics.cli.lab import lab_command

FIXTURES = Path(__file__).parent / "fixtures_notebooks"


def _report(*args):
    return main(["report", "--notebook-dir", str(FIXTURES), "--no-progress", *args])


def test_missing_database(tmp_path, capsys):
    assert _report("--period", "2026-Q1", "--db", str(tmp_path / "none.duckdb")) == 2
    assert "no database at" in capsys.readouterr().err


def test_unknown_unit_lists_the_units(small_db, tmp_path, capsys):
    assert _report("--period", "2026-Q1", "--db", str(small_db), "--unit", "Xã Không Có",
                   "--out", str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert "unknown unit 'Xã Không Có'" in err and "Công an xã Hòa An; UBND xã Hòa An" in err
    assert "Traceback" not in err


def test_unknown_notebook_name(small_db, tmp_path, capsys):
    assert _report("--period", "2026-Q1", "--db", str(small_db), "--notebooks", "nope",
                   "--out", str(tmp_path)) == 2
    assert "no notebook named 'nope'" in capsys.readouterr().err


def test_jobs_must_be_positive(small_db, tmp_path, capsys):
    assert _report("--period", "2026-Q1", "--db", str(small_db), "--jobs", "0", "--out", str(tmp_path)) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


def test_unknown_period_fails_once_before_any_notebook(small_db, tmp_path, capsys):
    out = tmp_path / "reports"
    assert _report("--period", "2026-Q5", "--db", str(small_db), "--out", str(out)) == 2
    assert "2026-Q5" in capsys.readouterr().err
    assert not out.exists()


def test_unit_and_all_units_exclude_each_other(small_db):
    with pytest.raises(SystemExit):
        _report("--period", "2026-Q1", "--db", str(small_db), "--unit", "A", "--all-units")


@pytest.mark.slow
def test_failed_batch_exits_2_and_says_why(small_db, tmp_path, capsys):
    code = _report("--period", "2026-Q1", "--db", str(small_db), "--unit", "UBND xã Hòa An",
                   "--notebooks", "fails_for_unit", "--out", str(tmp_path), "--jobs", "1")
    err = capsys.readouterr().err
    assert code == 2
    assert "fails_for_unit.ipynb with period='2026-Q1', mode='calendar', unit='UBND xã Hòa An'" in err
    assert (tmp_path / "2026-q1_calendar" / "index.html").is_file()


def test_lab_command_uses_this_python_and_no_shell(tmp_path):
    command = lab_command(tmp_path, no_browser=True, port=8899)
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path}" in command and "--no-browser" in command
    assert "--port=8899" in command


def test_lab_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["lab", "--notebook-dir", str(tmp_path / "nope")]) == 2
    assert "no notebooks folder" in capsys.readouterr().err
