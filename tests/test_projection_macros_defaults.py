"""The parameters the projection added to the stored macros leave every call without them as it was.

dossier_facts is dossier_facts_of('stg_dossiers'); judged_on NULL keeps r = min(d1, newest event);
facts_relation 'dossier_facts' is the stored table. Dossiers: K resolved on its due day 02/03/2026, L open
since 02/03 and due 10/03, the newest event 05/03 (M received). In March, r = min(31/03, 05/03) = 05/03:
L in time; judged on 31/03 instead, L is overdue (31/03 > 10/03).
"""

from __future__ import annotations

from datetime import date

from hoaan_analytics import db
from hoaan_analytics.projection import projection

ROWS = [
    {"dossier_id": "K", "status": 10, "received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30",
     "finished_at": "2026-03-02 10:00"},
    {"dossier_id": "L", "status": 4, "received_at": "2026-03-02 08:00", "due_at": "2026-03-10 16:30"},
    {"dossier_id": "M", "status": 4, "received_at": "2026-03-05 08:00", "due_at": "2026-03-20 16:30"},
]
MARCH = "[{'period_name': '2026-03', 'period_start': DATE '2026-03-01', 'period_end': DATE '2026-03-31'}]"


def test_the_stored_facts_are_the_facts_macro_over_the_staged_dossiers(loaded):
    stored = db.query(loaded, "from dossier_facts order by dossier_id")
    assert stored.height == 3
    assert stored.equals(db.query(loaded, "from dossier_facts_of() order by dossier_id"))
    assert stored.equals(db.query(loaded, "from dossier_facts_of('stg_dossiers') order by dossier_id"))


def test_the_new_parameters_at_their_defaults_change_nothing(loaded):
    for plain, explicit in [
        (f"from period_list_kpis({MARCH}, NULL, 'none')",
         f"from period_list_kpis({MARCH}, NULL, 'none', judged_on := NULL, facts_relation := 'dossier_facts')"),
        (f"from index766_list_groups({MARCH}, NULL, 'none')",
         f"from index766_list_groups({MARCH}, NULL, 'none', judged_on := NULL, facts_relation := 'dossier_facts')"),
    ]:
        assert db.query(loaded, plain).equals(db.query(loaded, explicit))


def test_judged_on_replaces_the_newest_event_in_r(loaded):
    r = db.scalar(loaded, f"select reference_on from period_list_bounds({MARCH})")
    assert r == date(2026, 3, 5)
    judged = db.scalar(loaded, f"select reference_on from period_list_bounds({MARCH}, judged_on := DATE '2026-04-30')")
    assert judged == date(2026, 3, 31)  # never past the period's end
    # L: in time at 05/03, overdue at 31/03; K on time, M (due 20/03) overdue at 31/03 too
    flags = db.query(loaded, f"""
        select dossier_id, is_pending_in_time from period_list_handled({MARCH}, NULL, judged_on := DATE '2026-03-31')
        order by dossier_id""")
    assert flags.rows() == [("K", False), ("L", False), ("M", False)]
    assert db.query(loaded, f"""
        select dossier_id, is_pending_in_time from period_list_handled({MARCH}, NULL) order by dossier_id
    """).rows() == [("K", False), ("L", True), ("M", True)]


def test_a_read_only_connection_runs_the_projection(one_unit_db):
    # one dossier, resolved on its due day 02/03/2026: 2.1 = 1/1, 20 points in both scenarios
    con = db.connect(one_unit_db, read_only=True)
    try:
        frame = projection(con, date(2026, 3, 2))
        schema_after = db.query(con, "select table_name from information_schema.tables order by 1")
    finally:
        con.close()
    index_21 = frame.filter(measure_id="2.1")
    assert index_21["points"].to_list() == [20.0] * 4
    assert index_21["points_difference"].to_list() == [0.0] * 4
    assert "dossier_facts" in schema_after["table_name"].to_list()
