"""Sections never fail on an empty period or a single unit: they say so in a plain sentence."""

import inspect

import pytest
from helpers import PARAMS
from IPython.display import Markdown

from hoaan_analytics.sections import (
    context,
    index766,
    online,
    ontime,
    overview,
    processing_time,
    quality,
    units,
    worklist,
)

MODULES = (overview, ontime, online, processing_time, units, quality, index766, worklist)


def _section_functions():
    for module in MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                parameters = list(inspect.signature(function).parameters)
                if parameters and parameters[0] == "ctx":
                    yield f"{module.__name__.rsplit('.', 1)[1]}.{name}", function


SECTIONS = dict(_section_functions())


@pytest.fixture(scope="module")
def empty_period(demo_db):
    # the demo data starts in 2025: 2024-Q1 has no dossier at all
    ctx = context.open_report(demo_db.db_path, "2024-Q1", params_dir=PARAMS)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_every_section_renders_an_empty_period(empty_period, name):
    result = SECTIONS[name](empty_period)
    assert result is not None
    if name in ("overview.kpi_summary", "ontime.summary", "processing_time.summary", "online.summary"):
        assert isinstance(result, Markdown) and "không có hồ sơ" in result.data


def test_the_header_says_the_period_is_empty(empty_period):
    text = context.header(empty_period).data
    assert "không có hồ sơ nào phải giải quyết" in text and "Quý I năm 2024" in text



def test_communes_with_one_unit_say_so(one_unit_db):
    ctx = context.open_report(one_unit_db, "2026-Q1")
    try:
        for result in (units.summary(ctx), units.kpi_by_unit_table(ctx), units.ranking_chart(ctx)):
            assert isinstance(result, Markdown)
            assert "chỉ có một đơn vị (UBND xã Hòa An)" in result.data
    finally:
        ctx.close()
