"""The due date taken from the catalogue when an export has none (METRICS.md §5), incl. the 15:00 rule."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import insert_dossiers

from hoaan_analytics import db, models
from hoaan_analytics.catalogue import load_catalogue

# 2.000815: 0 working days with the 15:00 rule; 1.004873: 3 working days, no 15:00 rule
CASES = [
    # (procedure, received_at, expected due date, hand calculation)
    ("2.000815", "2026-03-02 09:00", "2026-03-02", "n = 0 on a Monday: the same day"),
    ("2.000815", "2026-03-02 14:59:59", "2026-03-02", "before 15:00: n = 0"),
    ("2.000815", "2026-03-02 15:00", "2026-03-03", "at 15:00: n = 1, Tuesday"),
    ("2.000815", "2026-03-07 09:00", "2026-03-09", "n = 0 on a Saturday: the next working day, Monday"),
    ("2.000815", "2026-02-13 16:00", "2026-02-23", "Fri after 15:00, n = 1: Tết 16-20/2, so Mon 23/2"),
    ("1.004873", "2026-08-20 10:00", "2026-08-24", "Thu + 3: Fri 21, worked Sat 22, Mon 24"),
    ("1.004873", "2025-04-24 10:00", "2025-04-28", "Thu + 3: Fri 25, worked Sat 26, Mon 28"),
    ("1.004873", "2026-08-28 16:00", "2026-09-07", "no 15:00 rule; 31/8, 1/9, 2/9 off: Thu 3, Fri 4, Mon 7"),
    ("1.004873", "2026-03-08 10:00", "2026-03-11", "received on a Sunday: Mon 9, Tue 10, Wed 11"),
]


@pytest.fixture
def facts(con, params_dir):
    load_catalogue(con, params_dir)
    rows = [
        {"dossier_id": f"D{i}", "procedure_code": code, "received_at": received, "status": 4}
        for i, (code, received, _, _) in enumerate(CASES)
    ]
    rows.append({"dossier_id": "EXPORTED", "procedure_code": "2.000815", "received_at": "2026-03-02 09:00",
                 "due_at": "2026-03-10 16:30", "status": 4})
    rows.append({"dossier_id": "UNKNOWN", "procedure_code": "9.999999", "received_at": "2026-03-02 09:00",
                 "status": 4})
    insert_dossiers(con, rows)
    models.refresh(con, params_dir)
    return {r["dossier_id"]: r for r in db.query(con, "select * from dossier_facts").iter_rows(named=True)}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[3] for c in CASES])
def test_catalogue_due_date(facts, index):
    row = facts[f"D{index}"]
    assert row["due_on"] == date.fromisoformat(CASES[index][2])
    assert row["due_source"] == "catalogue"


def test_exported_due_date_wins(facts):
    assert facts["EXPORTED"]["due_on"] == date(2026, 3, 10)
    assert facts["EXPORTED"]["due_source"] == "export"


def test_no_due_date_and_no_catalogue_entry_stays_empty(facts):
    # the loader sets such rows aside; if one is stored anyway (catalogue edited later), nothing crashes
    assert facts["UNKNOWN"]["due_on"] is None
    assert facts["UNKNOWN"]["due_source"] is None
