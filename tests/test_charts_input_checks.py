"""Chart functions take aggregated frames only: too many rows or missing columns are refused."""

import polars as pl
import pytest

from hoaan_analytics import charts
from hoaan_analytics.errors import HoaanError


def test_more_than_5000_rows_is_refused():
    frame = pl.DataFrame({"unit_name": [f"Đơn vị {i}" for i in range(5001)], "value": [0.5] * 5001})
    with pytest.raises(charts.ChartDataError, match="aggregate first"):
        charts.unit_ranking(frame)


def test_exactly_5000_rows_is_drawn():
    frame = pl.DataFrame({"unit_name": [f"Đơn vị {i}" for i in range(5000)], "value": [0.5] * 5000})
    spec = charts.unit_ranking(frame).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "bar"


def test_missing_column_names_the_column():
    frame = pl.DataFrame({"kpi": ["on_time_rate"], "value": [0.9]})
    with pytest.raises(charts.ChartDataError, match="target"):
        charts.kpi_bars(frame)


def test_chart_errors_are_user_errors():
    # The CLI prints HoaanError without a traceback.
    assert issubclass(charts.ChartDataError, HoaanError)


def test_not_a_polars_frame_is_refused():
    with pytest.raises(charts.ChartDataError, match="polars DataFrame"):
        charts.kpi_bars({"kpi": ["x"], "value": [1.0], "target": [1.0]})
