"""The shared scalar macros (text_key, working_days_between) are stored: a read-only connection calls them.

Each states one rule once: text_key the comparison of METRICS.md §2 (NFC, trimmed, case-insensitive),
working_days_between wd(a, b) of §3; dossier_facts derives its rating and payment flags through them.
"""

from __future__ import annotations

import unicodedata

from helpers import build_database

from hoaan_analytics import db


def test_text_key_and_working_days_between_on_a_read_only_connection(one_unit_db):
    con = db.connect(one_unit_db, read_only=True)
    try:
        decomposed = unicodedata.normalize("NFD", "  UBND XÃ HÒA AN ")
        assert db.scalar(con, "select text_key($name)", {"name": decomposed}) == "ubnd xã hòa an"
        # the unit key the facts store is the same key: the one dossier's unit matches it
        assert db.scalar(con, "select count(*) from dossier_facts where unit_key = text_key($name)",
                         {"name": decomposed}) == 1
        # Mon 2026-03-02 -> Mon 2026-03-09: Tue..Fri (4) + Mon 9 (1) = 5; backwards is 0; so is an
        # unknown day (greatest() skips the null), as dossier_facts has always counted an unfinished one
        assert db.query(con, """
            select working_days_between(DATE '2026-03-02', DATE '2026-03-09') as forward,
                   working_days_between(DATE '2026-03-09', DATE '2026-03-02') as backward,
                   working_days_between(NULL, DATE '2026-03-09')             as unknown
        """).row(0) == (5, 0, 0)
    finally:
        con.close()


def test_rating_and_payment_flags_of_dossier_facts_compare_through_text_key(con, params_dir):
    base = {"received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00"}
    build_database(con, params_dir, [
        {**base, "dossier_id": "R-1", "rating": "  RẤT HÀI LÒNG ", "fee_amount": 10000,
         "payment_method": " CHUYỂN KHOẢN", "paid_online": 2},
        {**base, "dossier_id": "R-2", "rating": unicodedata.normalize("NFD", "Không hài lòng"),
         "fee_amount": 10000, "payment_method": " tiền MẶT ", "paid_online": 0},
        {**base, "dossier_id": "R-3", "rating": None, "fee_amount": 0, "payment_method": None, "paid_online": 1},
    ])
    flags = db.query(con, """
        select dossier_id, is_rated, is_satisfied, is_disliked, is_cashless, is_paid_online
        from dossier_facts order by dossier_id""").rows()
    assert flags == [
        ("R-1", True, True, False, True, True),      # satisfied; a fee paid by transfer, via the gateway (2)
        ("R-2", True, False, True, False, False),    # disliked (NFD); cash is not cashless; 0 is not online
        ("R-3", False, False, False, False, True),   # unrated; no fee is never cashless; 1 = national portal
    ]
