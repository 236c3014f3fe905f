"""wd(a, b) of METRICS.md §3 from the calendar_days table: holidays, worked Saturdays, Tết, overrides."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from hoaan_analytics import calendar, models
from hoaan_analytics.errors import HoaanError


@pytest.fixture
def cal(con, params_dir):
    # empty database: the calendar still covers the current year; build 2025-2026 explicitly
    calendar.build_calendar(con, params_dir, date(2025, 1, 1), date(2026, 12, 31))
    return con


def wd(con, a: str, b: str) -> int:
    return calendar.working_days_between(con, date.fromisoformat(a), date.fromisoformat(b))


def test_plain_week(cal):
    # Mon 2026-03-02 -> Mon 2026-03-09: Tue..Fri (4) + Mon 9 (1) = 5
    assert wd(cal, "2026-03-02", "2026-03-09") == 5


def test_end_not_after_start_is_zero(cal):
    assert wd(cal, "2026-03-05", "2026-03-05") == 0
    assert wd(cal, "2026-03-09", "2026-03-02") == 0


def test_national_day_holidays(cal):
    # Fri 2025-08-29 -> Wed 2025-09-03: Sat, Sun, Mon 1/9 and Tue 2/9 off; Wed 3 counts = 1
    assert wd(cal, "2025-08-29", "2025-09-03") == 1


def test_worked_saturday_2025_04_26(cal):
    # Fri 25 -> Mon 28/4/2025: Sat 26 is worked (swap for Fri 2/5), Sun 27 not, Mon 28 = 2
    assert wd(cal, "2025-04-25", "2025-04-28") == 2
    # Tue 29/4 -> Mon 5/5: 30/4, 1/5 holidays, Fri 2/5 the swapped day off, weekend; Mon 5 = 1
    assert wd(cal, "2025-04-29", "2025-05-05") == 1


def test_worked_saturday_2026_08_22(cal):
    # Fri 21 -> Mon 24/8/2026: Sat 22 worked, Sun 23 not, Mon 24 = 2
    assert wd(cal, "2026-08-21", "2026-08-24") == 2
    # Fri 28/8 -> Thu 3/9: weekend, Mon 31/8 (swap for 22/8), 1/9, 2/9 off; Thu 3 = 1
    assert wd(cal, "2026-08-28", "2026-09-03") == 1


def test_tet_2026(cal):
    # Fri 13/2 -> Mon 23/2/2026: weekend, Tết Mon 16 .. Fri 20, weekend; Mon 23 = 1
    assert wd(cal, "2026-02-13", "2026-02-23") == 1


def test_calendar_table_flags(cal):
    rows = dict(
        (d, w) for d, w in cal.execute(
            "select day, is_working_day from calendar_days where day in "
            "('2026-02-17', '2026-08-22', '2026-08-23', '2026-03-04')"
        ).fetchall()
    )
    assert rows == {date(2026, 2, 17): False, date(2026, 8, 22): True,
                    date(2026, 8, 23): False, date(2026, 3, 4): True}


def test_params_overrides(con, params_dir, tmp_path):
    shutil.copy(params_dir / "procedures.csv", tmp_path / "procedures.csv")
    (tmp_path / "calendar.csv").write_text(
        "# a test override file\n"
        "date,kind,name\n"
        "2026-03-02,holiday,Nghỉ bù thử nghiệm\n"
        "2026-03-07,working_day,Làm bù thử nghiệm\n",
        encoding="utf-8",
    )
    calendar.build_calendar(con, tmp_path, date(2026, 1, 1), date(2026, 12, 31))
    # Sun 1/3 -> Mon 2/3: Monday made a holiday, 0 (1 without the file)
    assert wd(con, "2026-03-01", "2026-03-02") == 0
    # Fri 6/3 -> Sat 7/3: Saturday made a working day, 1 (0 without the file)
    assert wd(con, "2026-03-06", "2026-03-07") == 1


def test_bad_override_names_file_row_and_field(tmp_path):
    (tmp_path / "calendar.csv").write_text("date,kind,name\n2026-03-02,vacation,x\n", encoding="utf-8")
    with pytest.raises(HoaanError, match=r"calendar.csv: data row 1, field kind"):
        calendar.load_overrides(tmp_path)


def test_refresh_on_empty_database_builds_a_calendar(con, params_dir):
    models.refresh(con, params_dir)
    assert con.execute("select count(*) > 365 from calendar_days").fetchall() == [(True,)]
