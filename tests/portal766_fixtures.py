"""Two hand-made units for the portal's 766 figures, and the portal's JSON answers written by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HOA_AN, BINH_MINH = "UBND xã Hòa An", "UBND xã Bình Minh"

# March 2026, calendar. HA5 (received 02/04) is the newest event, so r = d1 = 31/03.
# Hòa An handles HA1..HA4 (HA3 carried over from February): m = 4.
#   HA1 resolved on its due day (on time), HA4 pending, due 30/04 (in time): n = 2.
#   HA2 resolved 05/03, due 03/03 (late); HA3 pending, due 27/02 (overdue).
#   2.1 = 20 × 2/4 = 10.00; 5.4 (no complaint, no rating) the same 2/4: min(6, 6 × 0.5 / 0.9) = 3.33.
# Bình Minh handles BM1..BM3, all resolved on their due day: 3/3, 2.1 = 20.00, 5.4 = 6.00.
DOSSIERS: list[dict[str, Any]] = [
    {"dossier_id": "HA1", "unit_name": HOA_AN, "received_at": "2026-03-02 08:00", "due_at": "2026-03-02 16:30",
     "finished_at": "2026-03-02 10:00"},
    {"dossier_id": "HA2", "unit_name": HOA_AN, "received_at": "2026-03-02 08:00", "due_at": "2026-03-03 16:30",
     "finished_at": "2026-03-05 10:00"},
    {"dossier_id": "HA3", "unit_name": HOA_AN, "status": 4, "received_at": "2026-02-20 08:00",
     "due_at": "2026-02-27 16:30"},
    {"dossier_id": "HA4", "unit_name": HOA_AN, "status": 4, "received_at": "2026-03-20 08:00",
     "due_at": "2026-04-30 16:30"},
    {"dossier_id": "HA5", "unit_name": HOA_AN, "status": 4, "received_at": "2026-04-02 08:00",
     "due_at": "2026-04-03 16:30"},
    {"dossier_id": "BM1", "unit_name": BINH_MINH, "received_at": "2026-03-03 08:00", "due_at": "2026-03-03 16:30",
     "finished_at": "2026-03-03 10:00"},
    {"dossier_id": "BM2", "unit_name": BINH_MINH, "received_at": "2026-03-04 08:00", "due_at": "2026-03-04 16:30",
     "finished_at": "2026-03-04 10:00"},
    {"dossier_id": "BM3", "unit_name": BINH_MINH, "received_at": "2026-03-05 08:00", "due_at": "2026-03-05 16:30",
     "finished_at": "2026-03-05 10:00"},
]


def progress_answer() -> dict[str, Any]:
    """The portal's tiến độ answer: the province as parent; Hòa An (one dossier short), Bình Minh, an unknown unit."""
    return {"code": "OK", "message": None, "data": {
        "parent": {"departmentName": "Tỉnh Cao Bằng", "departmentCode": "H56", "level": "PROVINCE",
                   "totalReceived": 10, "totalOnTime": 8, "totalOverdue": 2, "avgProcessingDays": 2.4,
                   "ratio": 80.0, "score": 16.0, "maxScore": 20, "totalScore": 71.5, "totalMaxScore": 100,
                   "totalCompleted": 6},
        "children": [
            {"departmentName": "Xã Hòa An - Tỉnh Cao Bằng", "departmentCode": "H56.10", "level": "COMMUNE",
             "totalReceived": 3, "totalOnTime": 2, "totalOverdue": 1, "avgProcessingDays": 1.5,
             "ratio": 66.67, "score": 13.33, "maxScore": 20},
            {"departmentName": "UBND XÃ BÌNH MINH", "departmentCode": "H56.11", "level": "COMMUNE",
             "totalReceived": 3, "totalOnTime": 3, "totalOverdue": 0, "avgProcessingDays": 0.5,
             "ratio": 100.0, "score": 20.0, "maxScore": 20},
            {"departmentName": "Xã Tân Lập", "departmentCode": "H56.12", "level": "COMMUNE",
             "totalReceived": 4, "totalOnTime": 3, "totalOverdue": 1, "avgProcessingDays": 3.0,
             "ratio": 75.0, "score": 15.0, "maxScore": 20},
        ]}}


def evaluation_answer() -> dict[str, Any]:
    """The portal's satisfaction answer: Hòa An's 5.4 (one fewer met) and 5.1, Bình Minh's 5.4 left empty."""
    return {"code": "OK", "data": {"evaluation": [
        {"departmentName": "Xã Hòa An", "departmentCode": "H56.10", "level": "COMMUNE", "metrics": [
            {"code": "5.4", "name": "Mức độ hài lòng", "numerator": 1, "denominator": 4, "ratio": 25.0,
             "score": 1.67, "maxScore": 6},
            {"code": "5.1", "name": "Tiếp nhận phản ánh, kiến nghị", "numerator": 0, "denominator": 0,
             "ratio": None, "score": 4, "maxScore": 4},
        ]},
        {"departmentName": "Xã Bình Minh", "departmentCode": "H56.11", "level": "COMMUNE", "metrics": [
            {"code": "5.4", "name": "Mức độ hài lòng", "numerator": None, "denominator": None, "ratio": None,
             "score": None, "maxScore": 6},
        ]},
    ]}}


def write_json(folder: Path, name: str, document: Any) -> Path:
    """Write `document` as the page receives it (UTF-8, Vietnamese unescaped)."""
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
