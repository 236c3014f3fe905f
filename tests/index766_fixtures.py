"""A hand-made month of dossiers for the 766 scorecard (METRICS.md §9), built into an in-memory database."""

from __future__ import annotations

from typing import Any

FLAGS = ("has_component_files", "has_reused_data", "from_citizen_store", "has_result_file", "vneid_verified",
         "has_complaint")


def flags(*values: int | None) -> dict[str, Any]:
    """The six flags in FLAGS order; None = unknown (the export had no such column)."""
    return {name: None if v is None else bool(v) for name, v in zip(FLAGS, values, strict=True)}


# Catalogue (params/procedures.csv): 2.000815 has a fee and a paper result; 1.004222 neither;
# 1.001193 a paper result and no fee; 9.999999 is not listed. Period 2026-03; G's reception on 2/4
# is the newest event, so r = d1 = 31/03.
MARCH: list[dict[str, Any]] = [
    {"dossier_id": "A", "procedure_code": "2.000815", "channel": 2, "status": 10,
     "received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-02 10:00",
     "fee_amount": 10000, "paid_online": 1, "rating": "Hài lòng", **flags(1, 1, 1, 1, 1, 0)},
    {"dossier_id": "B", "procedure_code": "2.000815", "channel": 1, "status": 10,
     "received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30", "finished_at": "2026-03-05 10:00",
     "fee_amount": 10000, "paid_online": 0, **flags(1, 0, 0, 0, 0, 0)},
    {"dossier_id": "C", "procedure_code": "2.000815", "channel": 2, "status": 10,
     "received_at": "2026-03-03 08:00", "due_at": "2026-03-03 16:30", "finished_at": "2026-03-03 10:00",
     "fee_amount": 0, "paid_online": 0, **flags(0, 0, 0, 1, 1, 1)},
    {"dossier_id": "D", "procedure_code": "1.004222", "channel": 2, "status": 4,
     "received_at": "2026-03-20 08:00", "due_at": "2026-04-30 16:30", "rating": "Không hài lòng",
     **flags(1, 1, 0, 0, 0, 0)},
    {"dossier_id": "E", "procedure_code": "9.999999", "channel": 2, "status": 10,
     "received_at": "2026-03-04 08:00", "due_at": "2026-03-10 16:30", "finished_at": "2026-03-05 10:00",
     **flags(1, 0, 1, 1, 1, 0)},
    {"dossier_id": "F", "procedure_code": "1.001193", "channel": 1, "status": 4,
     "received_at": "2026-02-20 08:00", "due_at": "2026-02-27 16:30", **flags(0, 0, 0, 0, 0, None)},
    {"dossier_id": "G", "procedure_code": "1.001193", "channel": 1, "status": 4,
     "received_at": "2026-04-02 08:00", "due_at": "2026-04-02 16:30", **flags(0, 0, 0, 0, 0, 0)},
    {"dossier_id": "H", "procedure_code": "1.001193", "channel": 1, "status": 10,
     "received_at": "2026-03-05 08:00", "due_at": "2026-03-05 16:30", "finished_at": "2026-03-05 10:00",
     **flags(0, 0, 0, 1, 0, 0)},
]

