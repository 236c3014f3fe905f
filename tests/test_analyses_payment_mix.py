"""Fee dossiers split into exclusive payment classes: online first, then other cashless, then cash.

Received in March 2026 (all resolved the same day):
  P1 Chứng thực, fee 10.000, "Chuyển khoản", paid_online 1  -> online
  P2 Chứng thực, fee 10.000, "Chuyển khoản", paid_online 0  -> cashless
  P3 Chứng thực, fee 5.000, no method                        -> cash (an empty method counts as cash)
  P4 Hộ tịch,   fee 5.000, "Tiền mặt"                        -> cash
  P5 Hộ tịch,   no fee, "Chuyển khoản"                       -> not a fee dossier
Totals: cash 2, cashless 1, online 1 of 4 fee dossiers; online_payment_share = 1/4, cashless_share = 2/4.
"""

import pytest

from hoaan_analytics import analyses
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period

DAY = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00"}
ROWS = [
    {**DAY, "dossier_id": "P1", "fee_amount": 10000, "payment_method": "Chuyển khoản", "paid_online": 1},
    {**DAY, "dossier_id": "P2", "fee_amount": 10000, "payment_method": "Chuyển khoản", "paid_online": 0},
    {**DAY, "dossier_id": "P3", "fee_amount": 5000},
    {**DAY, "dossier_id": "P4", "fee_amount": 5000, "payment_method": "Tiền mặt", "field_name": "Hộ tịch"},
    {**DAY, "dossier_id": "P5", "payment_method": "Chuyển khoản", "field_name": "Hộ tịch"},
]
MARCH = parse_period("2026-03")


def test_totals(loaded):
    mix = analyses.payment_mix(loaded, MARCH)
    assert mix.select("group_name", "payment_class", "dossiers").rows() == [
        ("all", "cash", 2), ("all", "cashless", 1), ("all", "online", 1)]
    kpis = compute_kpis(loaded, MARCH)
    assert (kpis["fee_dossiers"], kpis["online_payment_share"], kpis["cashless_share"]) == (4, 0.25, 0.5)


def test_by_field(loaded):
    mix = analyses.payment_mix(loaded, MARCH, by="field")
    assert mix.select("group_name", "payment_label", "dossiers").rows() == [
        ("Chứng thực", "Tiền mặt", 1),
        ("Chứng thực", "Không dùng tiền mặt (chưa trực tuyến)", 1),
        ("Chứng thực", "Thanh toán trực tuyến", 1),
        ("Hộ tịch", "Tiền mặt", 1),
    ]


def test_each_group_carries_its_fee_dossiers(loaded):
    # Chứng thực: P1 online + P2 cashless + P3 cash = 3; Hộ tịch: P4 cash = 1 (P5 has no fee); all: 4
    by_field = analyses.payment_mix(loaded, MARCH, by="field")
    assert dict(by_field.select("group_name", "group_dossiers").unique().iter_rows()) == {
        "Chứng thực": 3, "Hộ tịch": 1}
    assert analyses.payment_mix(loaded, MARCH)["group_dossiers"].unique().to_list() == [4]


def test_unknown_breakdown_is_refused(loaded):
    with pytest.raises(HoaanError, match="unknown breakdown"):
        analyses.payment_mix(loaded, MARCH, by="month")
