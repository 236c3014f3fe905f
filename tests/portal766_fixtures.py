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


PROVINCE = {"departmentId": "P0", "departmentName": "UBND tỉnh Cao Bằng", "departmentCode": "H56"}


def progress_answer() -> dict[str, Any]:
    """The portal's tiến độ page (a tree): the province as parent; Hòa An (one dossier short), Bình Minh, Tân Lập."""
    return {"code": "OK", "message": None, "data": {
        "parent": {**PROVINCE, "totalReceived": 10, "totalOnTime": 8, "totalCompleted": 6,
                   "avgProcessingDays": 2.4, "ratio": 80.0, "totalScore": 16.0, "totalMaxScore": 20},
        "children": [
            {"departmentId": "HA", "departmentName": "Xã Hòa An - Tỉnh Cao Bằng", "departmentCode": "H56.10",
             "level": "COMMUNE", "totalReceived": 3, "totalOnTime": 2, "totalOverdue": 1, "avgProcessingDays": 1.5,
             "ratio": 66.67, "score": 13.33, "maxScore": 20, "scoreDelta": None},
            {"departmentId": "BM", "departmentName": "UBND XÃ BÌNH MINH", "departmentCode": "H56.11",
             "level": "COMMUNE", "totalReceived": 3, "totalOnTime": 3, "totalOverdue": 0, "avgProcessingDays": 0.5,
             "ratio": 100.0, "score": 20.0, "maxScore": 20, "scoreDelta": None},
            {"departmentId": "TL", "departmentName": "Xã Tân Lập", "departmentCode": "H56.12",
             "level": "COMMUNE", "totalReceived": 4, "totalOnTime": 3, "totalOverdue": 1, "avgProcessingDays": 3.0,
             "ratio": 75.0, "score": 15.0, "maxScore": 20, "scoreDelta": None},
        ]}}


def metric(code: str, numerator: int | None, denominator: int | None, score: float | None,
           max_score: float) -> dict[str, Any]:
    ratio = None if not denominator else round(100 * numerator / denominator, 2)
    return {"code": code, "name": code.title(), "numerator": numerator, "denominator": denominator,
            "ratio": ratio, "score": score, "maxScore": max_score}


def satisfaction_answer() -> dict[str, Any]:
    """The portal's satisfaction page (an evaluation): Hòa An's 5.4 one fewer met, Bình Minh's left empty."""
    def unit(department_id: str, name: str, metrics: list[dict[str, Any]]) -> dict[str, Any]:
        points = [m["score"] for m in metrics if m["score"] is not None]
        return {"departmentId": department_id, "departmentName": name, "departmentLevel": "COMMUNE",
                "totalScore": round(sum(points), 2), "totalMaxScore": 18, "metrics": metrics}
    return {"code": "OK", "data": {
        "overview": {**PROVINCE, "departmentLevel": "PROVINCE", "totalScore": 10.0, "totalMaxScore": 18,
                     "metrics": [metric("DOSSIER_RECEIVING_SATISFACTION", 5, 10, 3.33, 6)]},
        "evaluation": [
            unit("HA", "Xã Hòa An", [metric("DOSSIER_RECEIVING_SATISFACTION", 1, 4, 1.67, 6),
                                     metric("PETITION_PROCESSING_ON_TIME", 0, 0, 6, 6),
                                     metric("PETITION_CLASSIFICATION_TTHC", 0, 0, None, 0)]),
            unit("BM", "Xã Bình Minh", [metric("DOSSIER_RECEIVING_SATISFACTION", None, None, None, 6)]),
        ],
        "pagination": {"currentPage": 1, "pageSize": 200, "total": 2, "totalPages": 1}}}


# A tree page's field that recognises it, and where its points are (params/index766.yaml)
TREE_PAGES = {"dvc-progress-tree": ("totalOnTime", "score", "maxScore", 20),
              "formality-online-payment-tree": ("totalDossierFinancialObligation", "totalScore", "totalMaxScore", 10),
              "provide-online-tree": ("authorityCount", "totalScore", "totalMaxScore", 12)}
EVALUATION_PAGES = {"transparency": ("DOSSIER_SYNC", 18), "dossier-digitized": ("ORIGINAL_RESULT_AVAILABLE", 22),
                    "handling-satisfaction": ("DOSSIER_RECEIVING_SATISFACTION", 18)}
PAGES = (*TREE_PAGES, *EVALUATION_PAGES)


def page_answer(page: str, points: dict[str, float | None], *, levels: dict[str, str] | None = None,
                names: dict[str, str] | None = None) -> dict[str, Any]:
    """One page's answer for units id -> points (the page's points as published), in the page's real shape."""
    levels = levels or {}
    names = names or {}

    def named(unit_id: str) -> dict[str, Any]:
        return {"departmentId": unit_id, "departmentName": names.get(unit_id, f"Xã {unit_id}")}
    if page in TREE_PAGES:
        field, points_key, max_key, max_points = TREE_PAGES[page]
        children = [{**named(u), "level": levels.get(u, "COMMUNE"), field: 0, points_key: p, max_key: max_points}
                    for u, p in points.items()]
        return {"code": "OK", "data": {"parent": {**PROVINCE, field: 0, "totalScore": 1, "totalMaxScore": max_points},
                                       "children": children}}
    code, max_points = EVALUATION_PAGES[page]
    units = [{**named(u), "departmentLevel": levels.get(u, "COMMUNE"), "totalScore": p, "totalMaxScore": max_points,
              "metrics": [metric(code, 1, 2, p, max_points)]} for u, p in points.items()]
    return {"code": "OK", "data": {"overview": {**PROVINCE, "departmentLevel": "PROVINCE", "totalScore": 1,
                                                "totalMaxScore": max_points, "metrics": []},
                                   "evaluation": units}}


def har(entries: list[tuple[str, dict[str, Any] | str, dict[str, Any]]], *, started: str = "2026-09-26T18:14:41.163Z",
        secret: str = "never-store-this-cookie") -> dict[str, Any]:
    """A HAR of (endpoint, request body, answer) entries, with a session cookie and a token entry around them."""
    def entry(url: str, body: Any, answer: Any) -> dict[str, Any]:
        return {"startedDateTime": started,
                "request": {"method": "POST", "url": url, "headers": [{"name": "Cookie", "value": secret}],
                            "cookies": [{"name": "SESSION", "value": secret}],
                            "postData": {"mimeType": "application/json",
                                         "text": body if isinstance(body, str) else json.dumps(body)}},
                "response": {"status": 200, "headers": [{"name": "Set-Cookie", "value": secret}],
                             "content": {"mimeType": "application/json",
                                         "text": answer if isinstance(answer, str) else json.dumps(answer)}}}
    return {"log": {"version": "1.2", "creator": {"name": "test"}, "entries": [
        entry("https://dichvucong.gov.vn/api/v1/auth/refresh-token", {"refreshToken": secret},
              {"accessToken": secret}),
        *[entry(f"https://dichvucong.gov.vn/api/v1/reporting/evaluation/{endpoint}?token={secret}", body, answer)
          for endpoint, body, answer in entries]]}}


def month_body(year: int = 2026, month: int = 3) -> dict[str, Any]:
    return {"timeType": "month", "year": year, "month": month, "rootDepartmentId": "P0", "currentPage": 1}


def write_json(folder: Path, name: str, document: Any) -> Path:
    """Write `document` as the page receives it (UTF-8, Vietnamese unescaped)."""
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
