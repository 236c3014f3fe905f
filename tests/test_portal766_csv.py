"""The CSV a person fills from the portal's page is read like the JSON; a bad cell names its line and column."""

from __future__ import annotations

import pytest
from helpers import build_database
from portal766_fixtures import BINH_MINH, DOSSIERS, HOA_AN

from hoaan_analytics import db
from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import PortalFileError, comparison, load_portal_files

MARCH = parse_period("2026-03")


def write(tmp_path, text: str, name: str = "cong.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")  # as Excel's "CSV UTF-8" saves it
    return path


def test_the_csv_form_with_empty_cells_unknown(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    path = write(tmp_path, "unit;period;indicator_id;numerator;denominator;points\n"
                           "Xã Hòa An;2026-03;2.1;2;5;8,00\n"
                           "# a comment line\n"
                           "\n"
                           "Xã Bình Minh;;5.4;;;5,5\n"
                           "Xã Hòa An;2026-Q1;2.1;1.234;2.821;8.75\n")
    summary = load_portal_files(con, [path], MARCH, params_dir)
    assert [p.name for p in summary.periods] == ["2026-03", "2026-Q1"]
    stored = db.query(con, "select source_position, period_end, unit_name, indicator_id, numerator, denominator, "
                           "points, is_parent from portal766_published order by source_position").rows()
    q1_end = parse_period("2026-Q1").end
    assert stored == [
        ("line 2", MARCH.end, HOA_AN, "2.1", 2, 5, 8.0, False),
        # the empty period cell takes --period; empty counts are unknown, not 0
        ("line 5", MARCH.end, BINH_MINH, "5.4", None, None, 5.5, False),
        # 1.234 and 2.821 are counts: grouped thousands
        ("line 6", q1_end, HOA_AN, "2.1", 1234, 2821, 8.75, False),
    ]
    # March: Hòa An handles 4 (portal 5: one more); Bình Minh's 5.4 has points only (5.50 - 6.00 = -0.50)
    assert comparison(con, MARCH).select("unit_name", "indicator_id", "denominator_difference",
                                         "points_difference", "reading").rows() == [
        (BINH_MINH, "5.4", None, -0.5, "portal_points_only"),
        (HOA_AN, "2.1", 1, -2.0, "portal_more_dossiers"),
    ]


@pytest.mark.parametrize("text, message", [
    ("unit,period,indicator_id,numerator,points\nXã Hòa An,2026-03,2.1,2,8\n",
     r"cong.csv: line 1: missing column\(s\) denominator"),
    ("unit,period,indicator_id,numerator,denominator,points\nXã Hòa An,2026-03,2.1,2,4,8\n"
     "Xã Hòa An,2026-03,4.1,hai,4,1\n",
     r"cong.csv: line 3, column numerator: 'hai' is not a whole number"),
    ("unit,period,indicator_id,numerator,denominator,points\nXã Hòa An,2026-13,2.1,2,4,8\n",
     r"cong.csv: line 2, column period: unknown period '2026-13'"),
    ("unit,period,indicator_id,numerator,denominator,points\nXã Hòa An,2026-03,2.1,5,4,8\n",
     r"cong.csv: line 2, column numerator: 5 is more than the denominator 4"),
    ("unit,period,indicator_id,numerator,denominator,points\n,2026-03,2.1,2,4,8\n",
     r"cong.csv: line 2, column unit: empty"),
])
def test_a_bad_csv_names_line_and_column_and_stores_nothing(con, params_dir, tmp_path, text, message):
    build_database(con, params_dir, DOSSIERS)
    with pytest.raises(PortalFileError, match=message):
        load_portal_files(con, [write(tmp_path, text)], None, params_dir)
    assert db.scalar(con, "select count(*) from portal766_published") == 0


def test_a_csv_without_period_cell_nor_period_is_refused(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    path = write(tmp_path, "unit,period,indicator_id,numerator,denominator,points\nXã Hòa An,,2.1,2,4,8\n")
    with pytest.raises(PortalFileError, match=r"line 2, column period: empty, and no --period was given"):
        load_portal_files(con, [path], None, params_dir)
