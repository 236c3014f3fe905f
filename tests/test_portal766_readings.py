"""Each reading of the comparison, from figures typed into the CSV form against the hand-built units."""

from __future__ import annotations

from helpers import build_database
from portal766_fixtures import BINH_MINH, DOSSIERS, HOA_AN

from hoaan_analytics.periods import parse_period
from hoaan_analytics.portal766 import comparison, load_portal_files

MARCH = parse_period("2026-03")

# Ours in March (portal766_fixtures): Hòa An 2.1 = 2 of 4 handled, 10.00 points; it received HA1, HA2 and HA4,
# all of 2.000815 (a fee and a paper result in params/procedures.csv), none paid online and without the
# flag columns: 3.5 = 0 of 1 procedure; 4.1 = 0 of 3 with 3 unknown (no points). Bình Minh 2.1 = 3/3, 20.00.
# December 2025 has no dossier at all: a matched unit counts 0 of 0 there.
CSV = """unit,period,indicator_id,numerator,denominator,points
Xã Hòa An,2026-03,2.1,3,4,15.00
Xã Hòa An,2026-03,3.5,1,2,1.25
Xã Hòa An,2026-03,4.1,2,3,4.00
Xã Bình Minh,2026-03,2.1,3,3,19.50
Xã Hòa An,2025-12,2.1,0,2,0
"""


def test_every_reading_with_its_counts(con, params_dir, tmp_path):
    build_database(con, params_dir, DOSSIERS)
    path = tmp_path / "cong.csv"
    path.write_text(CSV, encoding="utf-8")
    load_portal_files(con, [path], None, params_dir)
    columns = ["unit_name", "indicator_id", "our_numerator", "our_denominator", "our_unknown",
               "numerator_difference", "denominator_difference", "points_difference", "reading"]
    assert comparison(con, MARCH).select(columns).rows() == [
        # same counts, 19.50 - 20.00 = -0.50 points: the weights, not the dossiers, differ
        (BINH_MINH, "2.1", 3, 3, 0, 0, 0, -0.5, "portal_other_points"),
        # same 4 dossiers, 3 - 2 = +1 in time on the portal
        (HOA_AN, "2.1", 2, 4, 0, 1, 0, 5.0, "portal_more_met"),
        # 2 - 1 = +1 procedure
        (HOA_AN, "3.5", 0, 1, 0, 1, 1, 1.25, "portal_more_dossiers"),
        # same 3 dossiers, but the export has no has_result_file: ours has no points
        (HOA_AN, "4.1", 0, 3, 3, 2, 0, None, "ours_unknown"),
    ]
    sentences = comparison(con, MARCH)["reading_vi"].to_list()
    assert sentences[2].startswith("Cổng quốc gia đếm nhiều hơn 1 thủ tục so với dữ liệu xuất")
    assert sentences[3].startswith("Cùng số hồ sơ; tệp xuất thiếu thông tin của 3 hồ sơ")
    december = comparison(con, parse_period("2025-12"))
    assert december.select(columns).rows() == [(HOA_AN, "2.1", 0, 0, 0, 0, 2, None, "portal_more_dossiers")]
