"""The hand-written dossiers of the month-end projection's tests (worked out in test_projection_scenarios.py)."""

from __future__ import annotations

from datetime import date

AS_OF = date(2026, 4, 23)
OPEN = {"status": 4}
ROWS = [
    {**OPEN, "dossier_id": "A", "received_at": "2026-04-20 08:00", "due_at": "2026-04-23 16:30"},
    # no due_at: the catalogue's 3 working days (1.004873, no 15:00 rule) decide it
    {**OPEN, "dossier_id": "B", "procedure_code": "1.004873", "procedure_name": "Cấp Giấy xác nhận tình trạng hôn nhân",
     "field_name": "Hộ tịch", "received_at": "2026-04-22 08:00"},
    {**OPEN, "dossier_id": "C", "received_at": "2026-04-01 08:00", "due_at": "2026-04-10 16:30",
     "supplement_requested_at": "2026-04-03 09:00", "supplement_completed_at": "2026-04-06 09:00",
     "supplement_count": 2},
    {"dossier_id": "D", "status": 5, "received_at": "2026-04-15 08:00", "due_at": "2026-04-24 16:30",
     "supplement_requested_at": "2026-04-17 10:00", "supplement_count": 1},
    {"dossier_id": "E", "status": 10, "received_at": "2026-04-06 08:00", "due_at": "2026-04-08 16:30",
     "finished_at": "2026-04-09 10:00"},
    {**OPEN, "dossier_id": "F", "received_at": "2026-04-21 08:00", "due_at": "2026-07-15 16:30"},
    {**OPEN, "dossier_id": "G", "received_at": "2026-04-21 08:00", "due_at": "2026-05-15 16:30"},
]
