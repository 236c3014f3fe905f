"""Units, breakdowns by field / procedure / unit / month, and cut-off periods across a year boundary."""

from __future__ import annotations

import pytest
from helpers import insert_dossiers

from hoaan_analytics import models
from hoaan_analytics.errors import HoaanError, UnknownUnitError
from hoaan_analytics.kpis import KPI_KEYS, compute_kpis, kpi_table, units
from hoaan_analytics.periods import parse_period


def same_day(day: str, **extra):
    return {"received_at": f"{day} 08:00", "due_at": f"{day} 16:30", "finished_at": f"{day} 10:00", **extra}


@pytest.fixture
def loaded(con, params_dir):
    insert_dossiers(con, [
        same_day("2025-12-14"),  # cut-off month 2025-12 (15/11..14/12)
        same_day("2025-12-15"),  # cut-off month 2026-01 (15/12..14/1)
        same_day("2026-01-14", unit_name="UBND xã Kiên Đài", field_name="Hộ tịch",
                 procedure_code="1.001193", procedure_name="Đăng ký khai sinh"),
        same_day("2026-01-15", unit_name="ubnd XÃ KIÊN ĐÀI "),  # same unit, other spelling
        same_day("2026-02-16"),  # calendar Feb / cut-off month 2026-03
    ])
    models.refresh(con, params_dir)
    return con


def test_cutoff_periods_across_the_year_boundary(loaded):
    assert compute_kpis(loaded, parse_period("2026-01", "cutoff"))["received"] == 2  # 15/12, 14/1
    assert compute_kpis(loaded, parse_period("2026-Q1", "cutoff"))["received"] == 4  # 15/12 .. 16/2
    assert compute_kpis(loaded, parse_period("2025", "cutoff"))["received"] == 1  # 15/12/24 .. 14/12/25
    assert compute_kpis(loaded, parse_period("2026-Q1"))["received"] == 3  # calendar: 14/1, 15/1, 16/2


def test_units_are_listed_once_and_matched_loosely(loaded):
    assert len(units(loaded)) == 2
    # NFC, trimming and case folding: both spellings are one unit with 2 dossiers in Q1
    assert compute_kpis(loaded, parse_period("2026-Q1"), unit="  UBND xã kiên đài")["received"] == 2


def test_unknown_unit_lists_the_known_ones(loaded):
    with pytest.raises(UnknownUnitError, match="UBND xã Hòa An"):
        compute_kpis(loaded, parse_period("2026-Q1"), unit="UBND xã Không Có")


def test_by_field(loaded):
    table = kpi_table(loaded, parse_period("2026-Q1"), by="field")
    assert table.columns == ["field_name", *KPI_KEYS]
    assert dict(zip(table["field_name"], table["received"], strict=True)) == {"Chứng thực": 2, "Hộ tịch": 1}


def test_by_procedure(loaded):
    table = kpi_table(loaded, parse_period("2026-Q1"), by="procedure")
    assert table.columns[:2] == ["procedure_code", "procedure_name"]
    assert dict(zip(table["procedure_code"], table["handled"], strict=True)) == {"1.001193": 1, "2.000815": 2}


def test_by_unit(loaded):
    table = kpi_table(loaded, parse_period("2026-Q1"), by="unit")
    assert sorted(table["received"].to_list()) == [1, 2]


def test_by_month_cutoff(loaded):
    table = kpi_table(loaded, parse_period("2026-Q1", "cutoff"), by="month")
    # cut-off months: 15/12-14/1 (2), 15/1-14/2 (1), 15/2-14/3 (1)
    assert table["month"].to_list() == ["2026-01", "2026-02", "2026-03"]
    assert table["received"].to_list() == [2, 1, 1]


def test_by_unknown_breakdown(loaded):
    with pytest.raises(HoaanError):
        kpi_table(loaded, parse_period("2026-Q1"), by="colour")


def test_group_rows_add_up_to_the_whole(loaded):
    period = parse_period("2026-Q1")
    whole = compute_kpis(loaded, period)
    table = kpi_table(loaded, period, by="field")
    for key in ("received", "handled", "resolved", "pending", "fee_dossiers"):
        assert table[key].sum() == whole[key]
