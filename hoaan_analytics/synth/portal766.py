"""The portal's public 766 page for the demo's province, saved as the browser's HAR (METRICS.md §10).

One HAR per period (a calendar month or quarter), holding the six evaluation requests the
page makes and their answers, in the portal's real shapes (tests/data/portal766/): the
three trees (`data.parent` and `data.children[]`) and the three evaluations
(`data.overview` and `data.evaluation[]` with `metrics[]`). Nothing else is in the file:
no page load, no headers, no cookies, no token.

The units: the province's own node, the communes of `names.UNITS` asked for (ours, whose
exports the demo loads, and others of the province, which only the portal knows, so that a
rank has something to rank among) and the province-level departments of
`names.PORTAL766_DEPARTMENTS` (ranked apart, by level). A commune of ours takes the figures
the portal would count from its dossiers: `ours` gives, per period and unit, our numerator
and denominator of the indicators both sides count (2.1, 3.3, 3.5, 3.6, 4.1–4.5, 5.4; the
scorecard's rows), and the portal sees a few dossiers fewer (the sync gap: 0–4% not synced).
What no export holds (transparency, online services, petitions, population data, certified
copies) and every figure of the other units is drawn from a unit's own seeded traits that
improve slowly over the year. Points follow the portal's formulas (linear, or full at a
threshold), rounded half up to 2 decimals; a page's points are the sum of its metrics'.

Same arguments, same bytes: each (unit, period) draws from its own random stream, keyed by
the seed, the unit and the period's dates, whatever else is written.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from hoaan_analytics.periods import Period
from hoaan_analytics.synth import names

PORTAL_URL = "https://dichvucong.gov.vn/api/v1/reporting/evaluation/"
PAGES = ("dvc-progress-tree", "formality-online-payment-tree", "provide-online-tree", "transparency",
         "dossier-digitized", "handling-satisfaction")
# The departments' ids are stable names, not the portal's: a uuid5 of the unit's code.
_ID_NAMESPACE = uuid.UUID("7f1c6f0e-766a-4d6e-9a1c-000000000766")
# A month of a commune of the others' size: dossiers received.
_MONTHLY_DOSSIERS = (15, 70)


def har_file_name(period: Period) -> str:
    """dichvucong_766_<period>.har, as the sample is named."""
    return f"dichvucong_766_{period.name}.har"


def write_portal_hars(out_dir: str | os.PathLike[str], periods: Sequence[Period], ours: pl.DataFrame, *,
                      our_units: Sequence[int], other_units: Sequence[int], seed: int = 0) -> list[Path]:
    """Write one HAR of the six pages per period into `out_dir`; the paths, in the order of `periods`.

    `our_units` and `other_units` are indexes into `names.UNITS`; `ours` has one row per
    (period_name, unit_name, indicator_id) with our `numerator` and `denominator` (nulls allowed:
    the unit's figures are then drawn like the others'). The capture time of a period's HAR is
    the 5th day after the period ends, at 09:00 UTC.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {(row["period_name"], row["unit_name"], row["indicator_id"]): (row["numerator"], row["denominator"])
              for row in ours.iter_rows(named=True)}
    communes = [(u, True) for u in our_units] + [(u, False) for u in other_units]
    written = []
    for period in periods:
        units = [_commune_figures(u, mine, period, counts, seed) for u, mine in communes]
        units += [_department_figures(i, period, seed) for i in range(len(names.PORTAL766_DEPARTMENTS))]
        path = out / har_file_name(period)
        path.write_text(json.dumps(_har(period, units), ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


# --- the figures of one unit and period ---------------------------------------------------------

def _points(max_points: float, n: int | None, m: int | None, full_at: float = 1.0) -> float | None:
    """The portal's points of n/m: max × (n/m) / full_at, at most max, half up to 2 decimals; None when m is 0."""
    if n is None or not m:
        return None
    value = min(max_points, max_points * (n / m) / full_at)
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _ratio(n: int | None, m: int | None) -> float | None:
    if n is None or not m:
        return None
    return float(Decimal(repr(100 * n / m)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _months(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _stream(seed: int, unit_key: int, period: Period) -> np.random.Generator:
    return np.random.default_rng([seed, 766, unit_key, period.start.toordinal(), period.end.toordinal()])


def _traits(seed: int, unit_key: int) -> dict[str, float]:
    """A unit's own level on each of the portal's pages (0–1) and its size."""
    rng = np.random.default_rng([seed, 766, unit_key])
    return {"quality": float(rng.uniform(0.3, 0.9)), "size": float(rng.uniform(*_MONTHLY_DOSSIERS)),
            "online_services": float(rng.uniform(4.5, 9.5)), "procedures": float(rng.integers(4, 9))}


def _share(rng: np.random.Generator, level: float, m: int) -> int:
    """How many of m meet a rule met with probability `level` (0–1)."""
    return int(rng.binomial(m, min(max(level, 0.0), 1.0))) if m else 0


def _seen_by_portal(rng: np.random.Generator, n: int, m: int) -> tuple[int, int]:
    """Our n of m as the portal counts them: the dossiers not synced (0–4%) are missing from both."""
    missing = int(rng.binomial(m, rng.uniform(0.0, 0.04)))
    portal_m = m - missing
    return min(int(round(n * portal_m / m)) if m else 0, portal_m), portal_m


def _commune_figures(u: int, mine: bool, period: Period, counts: dict, seed: int) -> dict[str, Any]:
    kind, name = names.UNITS[u]
    unit_name = f"UBND {kind} {name}"
    traits = _traits(seed, u)
    rng = _stream(seed, u, period)
    # better month by month: +1 point of rate a month from January
    level = traits["quality"] + 0.01 * (period.start.month - 1 + (_months(period) - 1) / 2)
    dossiers = int(rng.poisson(traits["size"] * _months(period)))

    def counted(indicator: str, level_of: float, m: int | None = None) -> tuple[int, int]:
        n_ours, m_ours = counts.get((period.name, unit_name, indicator), (None, None)) if mine else (None, None)
        if n_ours is not None and m_ours is not None:
            return _seen_by_portal(rng, n_ours, m_ours)
        m = dossiers if m is None else m
        return _share(rng, level_of, m), m

    received_on_time, received = counted("2.1", 0.75 + 0.25 * level)
    online, _ = counted("3.3", level * 0.8, received)
    fee_dossiers_paid, fee_dossiers = counted("3.6", level * 0.6, max(received // 3, 1))
    procedures = int(traits["procedures"])
    paid_procedures, fee_procedures = counted("3.5", level * 0.7, procedures)
    figures = {
        "unit_key": u, "name": unit_name, "code": f"H56.{10 + u}", "level": "COMMUNE",
        "type": "COMMUNE_PEOPLE_COMMITTEE",
        "received": received, "on_time": received_on_time, "online": online,
        "fee_dossiers": fee_dossiers, "fee_dossiers_paid": fee_dossiers_paid,
        "fee_procedures": fee_procedures, "paid_procedures": paid_procedures,
        "procedures_with_fee_dossiers": _share(rng, 0.3 + 0.3 * level, fee_procedures),
        "online_services": round(min(12.0, traits["online_services"] + 0.1 * period.start.month), 2),
        "synced": received - int(rng.binomial(received, 0.02)), "exported": received,
    }
    for indicator, level_of in (("4.1", 0.55 + 0.4 * level), ("4.2", 0.3 + 0.5 * level),
                                ("4.3", 0.1 + 0.3 * level), ("4.4", 0.05 + 0.2 * level),
                                ("4.5", 0.3 + 0.5 * level), ("5.4", 0.7 + 0.3 * level)):
        figures[indicator] = counted(indicator, level_of, received)
    petitions = int(rng.poisson(0.8 * _months(period)))
    figures.update(_unit_only(rng, level, petitions, procedures))
    return figures


def _unit_only(rng: np.random.Generator, level: float, petitions: int, procedures: int) -> dict[str, Any]:
    """The figures no export holds: publication, population data, certified copies, petitions."""
    updated = max(procedures * 2, 1)
    return {
        "updated_on_time": (_share(rng, 0.4 + 0.5 * level, updated), updated),
        "population_procedures": (_share(rng, 0.1 + 0.3 * level, procedures * 5), procedures * 5),
        "certified_copy": 2.0 if rng.uniform() < 0.8 else 0.0,
        "petitions": petitions, "petitions_on_time": _share(rng, 0.6 + 0.4 * level, petitions),
        "petitions_satisfied": _share(rng, 0.5 + 0.4 * level, petitions),
        "petitions_tthc": _share(rng, 0.7, petitions),
    }


def _department_figures(i: int, period: Period, seed: int) -> dict[str, Any]:
    """A province-level department: few dossiers of its own, its points by the same rules."""
    key = 1000 + i
    rng = _stream(seed, key, period)
    level = _traits(seed, key)["quality"]
    received = int(rng.poisson(4 * _months(period)))
    figures = {
        "unit_key": key, "name": names.PORTAL766_DEPARTMENTS[i], "code": f"H56.0{i + 1}", "level": "PROVINCE",
        "type": "PROVINCIAL_DEPARTMENT", "received": received, "on_time": _share(rng, 0.9, received),
        "online": _share(rng, level, received), "fee_dossiers": 0, "fee_dossiers_paid": 0,
        "fee_procedures": 1, "paid_procedures": 0, "procedures_with_fee_dossiers": 0,
        "online_services": round(float(rng.uniform(0.0, 6.0)), 2),
        "synced": received, "exported": received,
    }
    for indicator in ("4.1", "4.2", "4.3", "4.4", "4.5", "5.4"):
        figures[indicator] = (_share(rng, level * 0.8, received), received)
    figures.update(_unit_only(rng, level, 0, 3))
    return figures


# --- the six answers ----------------------------------------------------------------------------

def _department_id(code: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, code))


def _progress(f: dict[str, Any]) -> dict[str, Any]:
    return {"totalReceived": f["received"], "totalOnTime": f["on_time"],
            "totalOverdue": f["received"] - f["on_time"], "avgProcessingDays": 0 if not f["received"] else 4.5,
            "ratio": _ratio(f["on_time"], f["received"]) or 0, "score": _points(20, f["on_time"], f["received"]) or 0,
            "maxScore": 20}


def _payment(f: dict[str, Any]) -> dict[str, Any]:
    online = _points(6, f["fee_dossiers_paid"], f["fee_dossiers"]) or 0
    procedures = _points(2, f["paid_procedures"], f["fee_procedures"], 0.8) or 0
    third = _points(2, f["procedures_with_fee_dossiers"], f["fee_procedures"], 0.8) or 0
    total = float(Decimal(repr(online)) + Decimal(repr(procedures)) + Decimal(repr(third)))
    return {"totalMaxScore": 10, "ratio": _ratio(int(round(total * 100)), 1000) or 0, "totalScore": total,
            "totalDossierOnlinePaymentSuccess": f["fee_dossiers_paid"],
            "totalDossierFinancialObligation": f["fee_dossiers"],
            "totalDossierOnlineFormalityPaymentSuccess": f["paid_procedures"],
            "totalFeeDossierFormalityDistinct": f["fee_procedures"],
            "totalFeeDossierFormality": f["procedures_with_fee_dossiers"], "totalFeeFormality": f["fee_procedures"]}


def _metric(code: str, n: int | None, m: int | None, max_points: float, *, full_at: float = 1.0,
            score: float | None = None, empty_score: float | None = None) -> dict[str, Any]:
    if score is None and max_points:  # a metric of 0 points is shown, never scored
        score = _points(max_points, n, m, full_at) if m else empty_score
    return {"code": code, "name": names.PORTAL766_METRIC_NAMES[code], "numerator": n, "denominator": m,
            "ratio": _ratio(n, m) if m else (100 if score == max_points and n is None else None),
            "score": score, "maxScore": max_points}


def _metrics(page: str, f: dict[str, Any]) -> list[dict[str, Any]]:
    if page == "transparency":
        return [_metric("PUBLISH_ON_TIME", 0, 0, 6),  # nothing was due to be published: no score, as the portal
                _metric("PUBLIC_UPDATE_ON_TIME", *f["updated_on_time"], 4),
                _metric("PUBLIC_CONTENT_FULL", 87, 89, 2),  # the province's catalogue: the same for every unit
                _metric("DOSSIER_SYNC", f["synced"], f["exported"], 6)]
    if page == "dossier-digitized":
        return [_metric("ORIGINAL_RESULT_AVAILABLE", *f["4.1"], 6), _metric("SO_HOA_GIAY_TO_GIAI_QUYET", *f["4.2"], 4),
                _metric("REUSED_DIGITIZED_DATA", *f["4.3"], 2, full_at=0.8),
                _metric("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", *f["4.4"], 4),
                _metric("CITIZEN_DATA_CONNECTED_DOSSIER", *f["4.5"], 2),
                _metric("CITIZEN_DATA_CONNECTED_FORMALITY", *f["population_procedures"], 2),
                _metric("ELECTRONIC_CERTIFIED_COPY", None, None, 2, score=f["certified_copy"])]
    petitions = f["petitions"]
    return [_metric("PETITION_CLASSIFICATION_TTHC", f["petitions_tthc"], petitions, 0, score=None),
            _metric("DOSSIER_RECEIVING_SATISFACTION", *f["5.4"], 6, full_at=0.9, empty_score=0),
            # no petition in the period: full points, as the portal gives them
            _metric("PETITION_PROCESSING_ON_TIME", f["petitions_on_time"], petitions, 6, empty_score=6),
            _metric("PETITION_HANDLING_SATISFACTION", f["petitions_satisfied"], petitions, 6, empty_score=6),
            _metric("PETITION_CLASSIFICATION_STAFF", petitions - f["petitions_tthc"], petitions, 0, score=None)]


def _summed(units: list[dict[str, Any]]) -> dict[str, Any]:
    """The province's own node: the sum of its units' counts."""
    total: dict[str, Any] = {}
    for key in ("received", "on_time", "online", "fee_dossiers", "fee_dossiers_paid", "fee_procedures",
                "paid_procedures", "procedures_with_fee_dossiers", "synced", "exported", "petitions",
                "petitions_on_time", "petitions_satisfied", "petitions_tthc"):
        total[key] = sum(u[key] for u in units)
    for key in ("4.1", "4.2", "4.3", "4.4", "4.5", "5.4", "updated_on_time", "population_procedures"):
        total[key] = (sum(u[key][0] for u in units), sum(u[key][1] for u in units))
    total["certified_copy"] = 2.0
    total["online_services"] = round(sum(u["online_services"] for u in units) / len(units), 2)
    return total


def _evaluation_node(page: str, f: dict[str, Any], stt: int, *, root: bool = False) -> dict[str, Any]:
    metrics = _metrics(page, f)
    total = float(sum(Decimal(repr(m["score"])) for m in metrics if m["score"] is not None))
    max_points = sum(m["maxScore"] for m in metrics)
    node = {"stt": stt, "departmentId": _department_id(f["code"]), "departmentName": f["name"],
            "departmentCode": f["code"], "departmentType": "PROVINCE" if root else f["type"],
            "departmentLevel": "PROVINCE" if root else f["level"], "agencyLevel": "level_1" if root else "level_2",
            "totalScore": total, "totalMaxScore": max_points, "ratio": _ratio(int(round(total * 100)),
                                                                            max_points * 100) or 0,
            "scoreDelta": None, "metrics": metrics}
    if page == "handling-satisfaction":
        node.update({"totalPetitions": f["petitions"], "classifiedPetitions": f["petitions"],
                     "totalDossiers": f["5.4"][1], "averageScore": None})
    return node


def _tree_node(page: str, f: dict[str, Any], *, root: bool = False) -> dict[str, Any]:
    node = {"departmentId": _department_id(f["code"]), "departmentName": f["name"], "departmentCode": f["code"]}
    if not root:
        node["level"] = f["level"]
    if page == "dvc-progress-tree":
        figures = _progress(f)
        if root:
            figures = {"totalReceived": f["received"], "totalOnTime": f["on_time"], "totalCompleted": f["on_time"],
                       "avgProcessingDays": 4.5, "ratio": figures["ratio"], "totalScore": figures["score"],
                       "totalMaxScore": 20}
        node.update(figures)
    elif page == "formality-online-payment-tree":
        node.update(_payment(f))
    else:
        points = f["online_services"]
        node.update({"totalScore": points, "totalMaxScore": 12, "ratio": _ratio(int(round(points * 100)), 1200) or 0})
        if root:
            node.update({"authorityCount": 12, "partialCount": 7, "fullCount": 5, "onlineDossierCount": f["online"],
                         "onlineServiceTotal": 96, "channelOnlineSum": f["online"],
                         "channelDirectSum": f["received"] - f["online"], "channelPostalSum": 0,
                         "channelTotalSum": f["received"]})
    if not root:
        node["scoreDelta"] = None
    return node


def _answer(page: str, period: Period, units: list[dict[str, Any]]) -> dict[str, Any]:
    province = {"name": names.PORTAL766_PROVINCE_NAME, "code": names.PORTAL766_PROVINCE_CODE, **_summed(units)}
    if page in ("dvc-progress-tree", "formality-online-payment-tree", "provide-online-tree"):
        data: dict[str, Any] = {"parent": _tree_node(page, province, root=True),
                                "children": [_tree_node(page, u) for u in units]}
        if page != "formality-online-payment-tree":
            months = {f"{m:02d}" for m in range(period.start.month, period.end.month + 1)}
            key = "onTimePct" if page == "dvc-progress-tree" else "onlineDossierPct"
            value = (data["parent"]["ratio"] if page == "dvc-progress-tree"
                     else _ratio(province["online"], province["received"]) or 0)
            data["monthlyChart"] = [{"month" if page == "dvc-progress-tree" else "label": f"{m:02d}",
                                     key: value if f"{m:02d}" in months else 0} for m in range(1, 13)]
    else:
        data = {"overview": _evaluation_node(page, province, 1, root=True)}
        if page == "transparency":
            data["monthlyChart"] = []
        data["evaluation"] = [_evaluation_node(page, u, stt) for stt, u in enumerate(units, start=1)]
        data["pagination"] = {"total": len(units), "currentPage": 1, "pageSize": 200, "totalPages": 1}
        data["source"] = "reporting_766"
    return {"code": "OK", "data": data, "message": "OK"}


def _body(page: str, period: Period) -> dict[str, Any]:
    """The request's period as the page sends it: timeType, except the satisfaction page's dates."""
    root = _department_id(names.PORTAL766_PROVINCE_CODE)
    if page == "handling-satisfaction":
        when: dict[str, Any] = {"fromDate": period.start.isoformat(), "toDate": period.end.isoformat()}
    elif period.kind == "quarter":
        when = {"timeType": "quarter", "year": period.start.year, "quarter": (period.start.month - 1) // 3 + 1}
    else:
        when = {"timeType": "month", "year": period.start.year, "month": period.start.month}
    return {**when, "rootDepartmentId": root, "currentPage": 1, "pageSize": 200}


def _har(period: Period, units: list[dict[str, Any]]) -> dict[str, Any]:
    captured = datetime.combine(period.end + timedelta(days=5), datetime.min.time()).replace(hour=9)
    entries = []
    for order, page in enumerate(PAGES):
        body = json.dumps(_body(page, period), separators=(",", ":"))
        answer = json.dumps(_answer(page, period, units), ensure_ascii=False, separators=(",", ":"))
        started = (captured + timedelta(seconds=order)).isoformat(timespec="milliseconds") + "Z"
        entries.append({
            "startedDateTime": started, "time": 120,
            "request": {"method": "POST", "url": PORTAL_URL + page, "httpVersion": "HTTP/2", "headers": [],
                        "queryString": [], "cookies": [], "headersSize": -1, "bodySize": len(body),
                        "postData": {"mimeType": "application/json", "text": body}},
            "response": {"status": 200, "statusText": "", "httpVersion": "HTTP/2", "headers": [], "cookies": [],
                         "content": {"size": len(answer.encode("utf-8")), "mimeType": "application/json",
                                     "text": answer},
                         "redirectURL": "", "headersSize": -1, "bodySize": len(answer.encode("utf-8"))},
            "cache": {}, "timings": {"send": 0, "wait": 110, "receive": 10}})
    return {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
                    "pages": [], "entries": entries}}
