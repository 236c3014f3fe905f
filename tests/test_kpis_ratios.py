"""Fee, payment, satisfaction and time-reduction ratios (METRICS.md §6) on hand-written March dossiers."""

from __future__ import annotations

import unicodedata

import pytest
from helpers import build_database

from hoaan_analytics.kpis import compute_kpis, time_reduction_left_out
from hoaan_analytics.periods import parse_period

MARCH = parse_period("2026-03")
SAME_DAY = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00"}


@pytest.fixture
def load(con, params_dir):
    def _load(rows):
        build_database(con, params_dir, [{**SAME_DAY, **row} for row in rows])
        return compute_kpis(con, MARCH)
    return _load


def test_fees_and_payments(load):
    k = load([
        {"fee_amount": 10000, "payment_method": "Tiền mặt"},  # cash
        {"fee_amount": 10000, "payment_method": None},  # empty method counts as cash
        {"fee_amount": 5000, "payment_method": " tiền mặt "},  # cash, whatever the case and spaces
        {"fee_amount": 10000, "payment_method": "Chuyển khoản"},  # cashless
        {"fee_amount": 20000, "payment_method": "Thanh toán trực tuyến", "paid_online": 1},  # cashless, online
        {"fee_amount": 1000, "payment_method": "Chuyển khoản", "paid_online": 2},  # cashless, online (gateway)
        {"fee_amount": 0, "payment_method": "Chuyển khoản", "paid_online": 2},  # no fee: not counted
        {"fee_amount": None},  # no fee
    ])
    # fee dossiers 6; cashless 3/6; paid online 2/6
    assert k["fee_dossiers"] == 6
    assert k["cashless_share"] == pytest.approx(0.5)
    assert k["online_payment_share"] == pytest.approx(2 / 6)


def test_satisfaction(load):
    k = load([
        {"rating": "Rất hài lòng"},
        {"rating": unicodedata.normalize("NFD", "Hài lòng")},  # decomposed text still counts
        {"rating": "Không hài lòng"},
        {"rating": "Bình thường"},  # rated, not satisfied
        {"rating": None},
        {"rating": "  "},  # empty: not rated
    ])
    # rated 4, satisfied 2
    assert k["satisfaction_rate"] == pytest.approx(0.5)


def test_time_reduction(load):
    k = load([
        # 1.004873 (3 days): Mon 2/3 -> Tue 3/3, elapsed 1
        {"procedure_code": "1.004873", "finished_at": "2026-03-03 10:00", "due_at": "2026-03-05 16:30"},
        # 1.012757 (10 days): Mon 2/3 -> Mon 16/3, elapsed 10
        {"procedure_code": "1.012757", "finished_at": "2026-03-16 10:00", "due_at": "2026-03-16 16:30"},
        # 1.012757: Mon 2/3 -> Wed 11/3, elapsed 7 = exactly 0.7 x 10
        {"procedure_code": "1.012757", "finished_at": "2026-03-11 10:00", "due_at": "2026-03-16 16:30"},
        # 1.004873 with a pause: 2/3 -> Fri 6/3 = 4, minus wd(3/3, 5/3) = 2 -> elapsed 2
        {"procedure_code": "1.004873", "finished_at": "2026-03-06 10:00", "due_at": "2026-03-06 16:30",
         "supplement_requested_at": "2026-03-03 09:00", "supplement_completed_at": "2026-03-05 09:00"},
        # left out: statutory 0; status 8 (Dừng xử lý); a procedure not in the catalogue
        {"procedure_code": "2.000815"},
        {"procedure_code": "1.004873", "status": 8, "finished_at": "2026-03-09 10:00"},
        {"procedure_code": "9.999001", "procedure_name": "Thủ tục địa phương", "finished_at": "2026-03-20 10:00"},
    ])
    # Σ elapsed = 1 + 10 + 7 + 2 = 20; Σ statutory = 3 + 10 + 10 + 3 = 26
    assert k["time_reduction"] == pytest.approx(1 - 20 / 26)
    # within 70%: 1 ≤ 2.1 yes, 10 ≤ 7 no, 7 ≤ 7 yes, 2 ≤ 2.1 yes -> 3 / 4
    assert k["within_70pct_share"] == pytest.approx(0.75)


def test_procedure_missing_from_the_catalogue_is_reported(con, load):
    load([{"procedure_code": "9.999001", "procedure_name": "Thủ tục địa phương"},
          {"procedure_code": "1.004873", "due_at": "2026-03-05 16:30"}])
    left_out = time_reduction_left_out(con, MARCH)
    assert left_out.to_dicts() == [
        {"procedure_code": "9.999001", "procedure_name": "Thủ tục địa phương", "dossiers": 1}]


def test_no_eligible_dossier_gives_null_time_reduction(load):
    k = load([{"procedure_code": "2.000815"}])
    assert k["time_reduction"] is None and k["within_70pct_share"] is None
