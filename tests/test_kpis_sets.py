"""Received / carried over / resolved / pending (METRICS.md §5) on hand-written dossiers, month 2026-03."""

from __future__ import annotations

import pytest
from helpers import insert_dossiers

from hoaan_analytics import models
from hoaan_analytics.catalogue import load_catalogue
from hoaan_analytics.kpis import COUNT_KEYS, KPI_KEYS, RATIO_KEYS, compute_kpis
from hoaan_analytics.periods import parse_period

# Period 2026-03 = [01/03, 31/03]. The newest event is P1's finish on 02/04, so r = d1 = 31/03.
ROWS = [
    # received in March, resolved the same day on its due day: on time
    {"dossier_id": "R1", "received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30",
     "finished_at": "2026-03-02 10:00", "status": 10, "channel": 2},
    # open at the end of March, closed now (2/4): pending, due 1/4 ≥ r = 31/3 -> in time
    {"dossier_id": "P1", "received_at": "2026-03-20 08:00", "due_at": "2026-04-01 16:30",
     "finished_at": "2026-04-02 09:00", "status": 10, "channel": 2},
    # still processing, due 25/3 < r: overdue
    {"dossier_id": "P2", "received_at": "2026-03-10 08:00", "due_at": "2026-03-25 16:30", "status": 4,
     "channel": 3},
    # waiting for the applicant at r (asked 18/3, no answer): in time although due 20/3
    {"dossier_id": "P3", "received_at": "2026-03-10 08:00", "due_at": "2026-03-20 16:30", "status": 5,
     "supplement_requested_at": "2026-03-18 09:00", "supplement_count": 1},
    # the applicant answered on 18/3, so not waiting at r; due 20/3: overdue
    {"dossier_id": "P4", "received_at": "2026-03-10 08:00", "due_at": "2026-03-20 16:30", "status": 4,
     "supplement_requested_at": "2026-03-15 09:00", "supplement_completed_at": "2026-03-18 09:00",
     "supplement_count": 1},
    # carried over from February, resolved 3/3 before its due day 4/3: early
    {"dossier_id": "C1", "received_at": "2026-02-25 08:00", "due_at": "2026-03-04 16:30",
     "finished_at": "2026-03-03 10:00", "status": 10},
    # finished in February: not handled in March
    {"dossier_id": "C2", "received_at": "2026-02-20 08:00", "due_at": "2026-02-27 16:30",
     "finished_at": "2026-02-27 10:00", "status": 10},
    # carried over and still open, due 5/3: pending overdue
    {"dossier_id": "C3", "received_at": "2026-02-26 08:00", "due_at": "2026-03-05 16:30", "status": 4},
    # status 1 (Mới đăng ký) and 3 (Không được tiếp nhận) count nowhere
    {"dossier_id": "N1", "received_at": "2026-03-05 08:00", "status": 1},
    {"dossier_id": "N3", "received_at": "2026-03-05 08:00", "status": 3},
]


@pytest.fixture
def loaded(con, params_dir):
    load_catalogue(con, params_dir)
    insert_dossiers(con, ROWS)
    models.refresh(con, params_dir)
    return con


def test_sets_of_march(loaded):
    k = compute_kpis(loaded, parse_period("2026-03"))
    # R = R1, P1, P2, P3, P4 (5; online R1, P1); C = C1, C3 (2); H = 7
    assert (k["received"], k["received_online"], k["received_offline"]) == (5, 2, 3)
    assert (k["carried_over"], k["handled"]) == (2, 7)
    # S = R1 (on time), C1 (early)
    assert (k["resolved"], k["resolved_early"], k["resolved_on_time"], k["resolved_late"]) == (2, 1, 1, 0)
    # P = P1, P3 in time; P2, P4, C3 overdue
    assert (k["pending"], k["pending_in_time"], k["pending_overdue"]) == (5, 2, 3)


def test_ratios_of_march(loaded):
    k = compute_kpis(loaded, parse_period("2026-03"))
    assert k["on_time_rate"] == 1.0  # (1 + 1) / 2
    assert k["progress_rate"] == pytest.approx(4 / 7)  # (1 + 1 + 2) / 7
    assert k["online_share"] == pytest.approx(2 / 5)


def test_closed_now_counts_as_resolved_in_april(loaded):
    k = compute_kpis(loaded, parse_period("2026-04"))
    # April: nothing received; carried over = P1 (finished 2/4), P2, P3, P4, C3 (open) = 5
    assert (k["received"], k["carried_over"], k["resolved"], k["pending"]) == (0, 5, 1, 4)
    # P1 finished 2/4 after its due day 1/4: late
    assert k["resolved_late"] == 1


def test_identities_hold(loaded):
    for name in ("2026-02", "2026-03", "2026-04", "2026-Q1", "2026"):
        k = compute_kpis(loaded, parse_period(name))
        assert k["received"] == k["received_online"] + k["received_offline"]
        assert k["handled"] == k["received"] + k["carried_over"] == k["resolved"] + k["pending"]
        assert k["resolved"] == k["resolved_early"] + k["resolved_on_time"] + k["resolved_late"]
        assert k["pending"] == k["pending_in_time"] + k["pending_overdue"]


def test_empty_period_has_zero_counts_and_null_ratios(loaded):
    # before any dossier (open dossiers are carried over into every later period, so look earlier)
    k = compute_kpis(loaded, parse_period("2020-Q1"))
    assert list(k) == list(KPI_KEYS)
    assert {key: k[key] for key in COUNT_KEYS} == dict.fromkeys(COUNT_KEYS, 0)
    assert {key: k[key] for key in RATIO_KEYS} == dict.fromkeys(RATIO_KEYS, None)


def test_open_dossiers_are_carried_over_into_later_periods(loaded):
    k = compute_kpis(loaded, parse_period("2030-Q1"))
    # P2, P3, P4, C3 never closed: carried over and pending; nothing resolved, so on_time_rate is null
    assert (k["carried_over"], k["pending"], k["resolved"], k["on_time_rate"]) == (4, 4, 0, None)


def test_empty_database(con, params_dir):
    models.refresh(con, params_dir)
    k = compute_kpis(con, parse_period("2026-Q1"))
    assert k["handled"] == 0 and k["on_time_rate"] is None
