"""The detail relation agrees with the KPIs: same handled, received, resolved and overdue sets.

On the demo database (6 communes, 2025-2026) every quarter, all units and one unit,
and both period modes: the counts of the table macro period_dossiers (sql/marts/period_dossiers.sql) equal those of
kpis.compute_kpis (sql/marts/period_kpis.sql), so that lists and breakdowns add up
to the numbers printed above them.
"""

import pytest

from hoaan_analytics import analyses, db
from hoaan_analytics.kpis import compute_kpis
from hoaan_analytics.periods import parse_period

COUNTS_SQL = """
select
    count(*)                                        as handled,
    count(*) filter (where is_received)             as received,
    count(*) filter (where is_resolved)             as resolved,
    count(*) filter (where is_pending_overdue)      as pending_overdue
from period_dossiers($d0, $d1, $unit_name)
"""


@pytest.fixture(scope="module")
def demo_con(demo_db):
    con = db.connect(demo_db.db_path, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("period_name", ["2025-Q4", "2026-Q2", "2026-Q4", "2026-H1"])
@pytest.mark.parametrize("mode", ["calendar", "cutoff"])
@pytest.mark.parametrize("unit", [None, "UBND xã Kim Bình"])
def test_detail_counts_match_the_kpis(demo_con, period_name, mode, unit):
    period = parse_period(period_name, mode)
    kpis = compute_kpis(demo_con, period, unit=unit)
    parameters = {"d0": period.start, "d1": period.end, "unit_name": unit}
    counts = db.query(demo_con, COUNTS_SQL, parameters).row(0, named=True)
    assert counts == {key: kpis[key] for key in counts}
    assert analyses.pending_overdue(demo_con, period, unit=unit).height == kpis["pending_overdue"]
    late = analyses.late_by_reason(demo_con, period, unit=unit)
    assert late["dossiers"].sum() == kpis["resolved_late"]


def test_payment_mix_adds_up_to_the_fee_kpis(demo_con):
    period = parse_period("2026-Q3")
    kpis = compute_kpis(demo_con, period)
    mix = analyses.payment_mix(demo_con, period, by="field")
    assert mix["dossiers"].sum() == kpis["fee_dossiers"]
    online = mix.filter(mix["payment_class"] == "online")["dossiers"].sum()
    assert online / kpis["fee_dossiers"] == pytest.approx(kpis["online_payment_share"])


def test_processing_time_adds_up_to_time_reduction(demo_con):
    period = parse_period("2026-Q2")
    kpis = compute_kpis(demo_con, period)
    times = analyses.processing_time(demo_con, period)
    reduction = 1 - times["elapsed_working_days"].sum() / times["statutory_working_days"].sum()
    assert reduction == pytest.approx(kpis["time_reduction"])
    assert times["within_70pct_dossiers"].sum() / times["dossiers"].sum() == pytest.approx(
        kpis["within_70pct_share"])
