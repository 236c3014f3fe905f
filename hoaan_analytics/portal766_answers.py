"""The portal's 766 answers as received: a saved `.json` answer, or the evaluation entries of a browser's HAR.

Only what METRICS.md §10 names is read. Of a HAR: per entry the request's method and
URL path, the request body's period fields (timeType, year, month, quarter, fromDate,
toDate), the answer's text (`response.content.text`, base64 decoded when
`content.encoding` says so) and `startedDateTime`. Never its headers, cookies, query
strings, other entries' bodies or answers: the file holds the browser's session, and no
error message repeats any of its values. What a page is, is decided later from the
answer's fields (sql/published/), never from a file or entry name.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hoaan_analytics.errors import HoaanError, PeriodError
from hoaan_analytics.periods import Period, parse_period

HAR_SUFFIXES = (".har",)
# The request path of a page: .../reporting/evaluation/<endpoint>
_PAGE_PATH = re.compile(r"/reporting/evaluation/([A-Za-z0-9_-]+)/?$")
# The names of a calendar month, quarter or year (periods.parse_period's)
_WHOLE_PERIOD = re.compile(r"\d{4}(-\d{2}|-Q[1-4])?")


class PortalFileError(HoaanError):
    """A portal file (or params/units.csv) cannot be used; the message names the file and the position."""


@dataclass
class Answer:
    """One answer of the portal as received, with the period it is of."""

    source_file: str            # base name
    source_position: str        # '(file)' or 'log.entries[5]'
    endpoint: str | None        # the page a HAR entry's URL names
    period: Period
    captured_at: datetime | None
    text: str                   # the answer as received (decoded)


@dataclass
class SkippedEntry:
    """A HAR entry to a page's URL that is not used, and why (a key of labels_vi.PORTAL766_SKIPPED_VI)."""

    source_file: str
    source_position: str
    endpoint: str
    why: str

    def to_dict(self) -> dict[str, str]:
        return {"file_name": self.source_file, "position": self.source_position, "endpoint": self.endpoint,
                "why": self.why}


def is_har(path: Path) -> bool:
    return path.suffix.lower() in HAR_SUFFIXES


def whole_period(name: str, where: str) -> Period:
    """A calendar month, quarter or year named as parse_period names it; PortalFileError otherwise."""
    try:
        period = parse_period(name, "calendar")
    except PeriodError as exc:
        raise PortalFileError(f"{where}: {exc}") from None
    if not _WHOLE_PERIOD.fullmatch(period.name):
        raise PortalFileError(f"{where}: {name!r} is not one calendar month, quarter or year (the portal's periods)")
    return period


def read_text(path: Path) -> str:
    """The UTF-8 text (BOM allowed) of a portal file or params/units.csv; PortalFileError naming the file otherwise."""
    if not path.is_file():
        raise PortalFileError(f"{path}: no such file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PortalFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise PortalFileError(f"{path}: cannot be opened: {exc.strerror or exc}") from None


def _json(text: str, where: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PortalFileError(f"{where}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
                              f"{what}") from None
    except RecursionError:
        raise PortalFileError(f"{where}: nested too deeply to be the portal's answer") from None


def envelope_problem(document: Any) -> str | None:
    """Why `document` is not the portal's envelope {"code": "OK", "data": {...}} (None when it is)."""
    if not isinstance(document, dict):
        return "(top): expected the portal's envelope {\"code\": \"OK\", \"data\": {...}}"
    code = document.get("code")
    if code != "OK":
        message = document.get("message")
        why = f" ({message})" if isinstance(message, str) and message.strip() else ""
        return f"code: {code!r}{why}, not \"OK\": the portal did not answer with figures"
    data = document.get("data")
    if not isinstance(data, dict):
        return "data: expected an object with parent and children, or overview and evaluation"
    if not any(key in data for key in ("parent", "children", "evaluation", "overview")):
        return "data: has neither parent/children (a tree page) nor overview/evaluation (an evaluation page)"
    for key in ("children", "evaluation"):
        if data.get(key) is not None and not isinstance(data[key], list):
            return f"data.{key}: expected a list, not {type(data[key]).__name__}"
    return None


def read_saved_answer(path: Path, period: Period | None) -> Answer:
    """A saved answer (the page's JSON as is): it carries no period, so `period` must name it."""
    text = read_text(path)
    if period is None:
        raise PortalFileError(f"{path}: the portal's JSON carries no period: say which with --period "
                              f"(e.g. 2026-08, 2026-Q3, 2026), or load the page's HAR, which does")
    problem = envelope_problem(_json(text, str(path), "save the page's answer again"))
    if problem:
        raise PortalFileError(f"{path}: {problem}")
    return Answer(path.name, "(file)", None, period, None, text)


def _body_number(body: dict[str, Any], key: str, where: str) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise PortalFileError(f"{where}, key {key}: not a number")


def _body_period(body: Any, where: str) -> Period:
    """The period of a page's request body (METRICS.md §10, Periods); PortalFileError when it gives none."""
    if not isinstance(body, dict):
        raise PortalFileError(f"{where}: the request body is not a JSON object: it gives no period")
    by_type = by_dates = None
    time_type = body.get("timeType")
    if time_type is not None:
        kind = str(time_type).strip().lower()
        year = _body_number(body, "year", where)
        if year is None or kind not in ("month", "quarter", "year"):
            raise PortalFileError(f"{where}, key timeType: gives no month, quarter or year with a year")
        if kind == "year":
            name = f"{year}"
        else:
            part = _body_number(body, kind, where)
            if part is None or not (1 <= part <= (12 if kind == "month" else 4)):
                raise PortalFileError(f"{where}, key {kind}: missing or out of range")
            name = f"{year}-{part:02d}" if kind == "month" else f"{year}-Q{part}"
        by_type = whole_period(name, where)
    if body.get("fromDate") is not None or body.get("toDate") is not None:
        try:
            d0 = date.fromisoformat(str(body.get("fromDate"))[:10])
            d1 = date.fromisoformat(str(body.get("toDate"))[:10])
        except ValueError:
            raise PortalFileError(f"{where}, keys fromDate/toDate: not two dates YYYY-MM-DD") from None
        candidates = [f"{d0.year}-{d0.month:02d}", f"{d0.year}-Q{(d0.month - 1) // 3 + 1}", f"{d0.year}"]
        by_dates = next((p for p in (parse_period(n, "calendar") for n in candidates)
                         if (p.start, p.end) == (d0, d1)), None)
        if by_dates is None:
            raise PortalFileError(f"{where}, keys fromDate/toDate: {d0.isoformat()}..{d1.isoformat()} is not one "
                                  f"calendar month, quarter or year")
    if by_type and by_dates and (by_type.start, by_type.end) != (by_dates.start, by_dates.end):
        raise PortalFileError(f"{where}: timeType names {by_type.name}, fromDate/toDate {by_dates.name}")
    period = by_type or by_dates
    if period is None:
        raise PortalFileError(f"{where}: the request body gives no period (timeType, or fromDate and toDate)")
    return period


def _captured_at(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def read_har(path: Path, pages: tuple[str, ...], period: Period | None
             ) -> tuple[list[Answer], list[SkippedEntry]]:
    """The page entries of a HAR (those whose URL path ends in /reporting/evaluation/<a page of `pages`>).

    An entry whose answer is not JSON, not code "OK" or empty is skipped and listed; a body
    without a whole period refuses the file (PortalFileError naming the entry), as does a
    period other than `period` when one was given.
    """
    document = _json(read_text(path), str(path), "save the page again (Save all as HAR with content)")
    entries = document.get("log", {}).get("entries") if isinstance(document, dict) \
        and isinstance(document.get("log"), dict) else None
    if not isinstance(entries, list):
        raise PortalFileError(f"{path}: log.entries: missing: not a HAR file (the browser's Save all as HAR)")
    answers: list[Answer] = []
    skipped: list[SkippedEntry] = []
    for number, entry in enumerate(entries):
        where = f"{path}: log.entries[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("request"), dict):
            continue
        request = entry["request"]
        method, url = request.get("method"), request.get("url")
        if not isinstance(method, str) or method.upper() != "POST" or not isinstance(url, str):
            continue
        found = _PAGE_PATH.search(urlsplit(url).path)
        if not found:
            continue
        endpoint = found.group(1)
        position = f"log.entries[{number}]"
        if endpoint not in pages:
            skipped.append(SkippedEntry(path.name, position, endpoint, "unknown_endpoint"))
            continue
        post = request.get("postData")
        body_text = post.get("text") if isinstance(post, dict) else None
        if not isinstance(body_text, str):
            raise PortalFileError(f"{where}: request.postData.text: missing: the request gives no period")
        entry_period = _body_period(_json(body_text, f"{where}: request.postData.text", "the body gives no period"),
                                    f"{where}: request.postData.text")
        if period is not None and (entry_period.start, entry_period.end) != (period.start, period.end):
            raise PortalFileError(f"{where}: the page is of {entry_period.name}, not of --period {period.name}")
        response = entry.get("response")
        content = response.get("content") if isinstance(response, dict) else None
        text = content.get("text") if isinstance(content, dict) else None
        if not isinstance(text, str) or not text.strip():
            skipped.append(SkippedEntry(path.name, position, endpoint, "no_answer"))
            continue
        if content.get("encoding") == "base64":
            try:
                text = base64.b64decode(text, validate=True).decode("utf-8-sig")
            except (binascii.Error, UnicodeDecodeError):
                skipped.append(SkippedEntry(path.name, position, endpoint, "not_json"))
                continue
        try:
            answer = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            skipped.append(SkippedEntry(path.name, position, endpoint, "not_json"))
            continue
        if envelope_problem(answer):
            skipped.append(SkippedEntry(path.name, position, endpoint, "not_ok"))
            continue
        answers.append(Answer(path.name, position, endpoint, entry_period, _captured_at(entry.get("startedDateTime")),
                              text))
    return answers, skipped


def read_answers(paths: list[Path], pages: tuple[str, ...], period: Period | None
                 ) -> tuple[list[tuple[int, Answer]], list[SkippedEntry]]:
    """Every answer of `paths` (saved answers and HARs) with its file's order; the skipped HAR entries."""
    answers: list[tuple[int, Answer]] = []
    skipped: list[SkippedEntry] = []
    for order, path in enumerate(paths):
        if is_har(path):
            found, left = read_har(path, pages, period)
            answers += [(order, a) for a in found]
            skipped += left
        else:
            answers.append((order, read_saved_answer(path, period)))
    return answers, skipped
