"""Tables and number helpers write numbers the Vietnamese way and stay offline."""

import polars as pl

from hoaan_analytics import tables
from hoaan_analytics.report.html import external_urls


def test_format_percent_vi():
    assert tables.format_percent_vi(0.9512) == "95,1%"
    assert tables.format_percent_vi(1.0, 0) == "100%"
    assert tables.format_percent_vi(None) == "—"
    assert tables.format_percent_vi(float("nan")) == "—"


def test_format_number_vi():
    assert tables.format_number_vi(1234) == "1.234"
    assert tables.format_number_vi(1234567.25, 2) == "1.234.567,25"
    assert tables.format_number_vi(0) == "0"
    assert tables.format_number_vi(None) == "—"


def test_frame_table_formats_ratios_counts_and_nulls():
    frame = pl.DataFrame({"unit_name": ["UBND xã Hòa An", "UBND xã Kiên Đài"],
                          "received": [1234, 5], "on_time_rate": [0.9512, None]})
    page = tables.frame_table(frame, title="Kết quả theo đơn vị").as_raw_html()
    assert "1.234" in page and "95,1%" in page and "—" in page
    assert "Số hồ sơ mới tiếp nhận" in page and "Tỷ lệ hồ sơ giải quyết đúng hạn" in page


def test_kpi_table_verdicts():
    # 0.96 >= 0.95 Đạt; 0.5 < 0.9 Chưa đạt; null value -> —
    frame = pl.DataFrame({"kpi": ["on_time_rate", "online_share", "satisfaction_rate"],
                          "value": [0.96, 0.5, None], "target": [0.95, 0.9, 0.95]})
    page = tables.kpi_table(frame).as_raw_html()
    assert page.index("Tỷ lệ hồ sơ giải quyết đúng hạn") < page.index("Đạt") < page.index("Chưa đạt")
    assert "96,0%" in page and "50,0%" in page and "90,0%" in page


def test_tables_load_nothing_from_the_network():
    frame = pl.DataFrame({"kpi": ["on_time_rate"], "value": [0.96], "target": [0.95]})
    page = tables.kpi_table(frame).as_raw_html()
    assert external_urls(page) == []
    assert "<script" not in page and "fonts.googleapis" not in page
