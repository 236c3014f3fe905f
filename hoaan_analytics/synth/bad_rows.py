"""Unusable rows (METRICS.md §8) planted on clean closed rows, exactly one reason each."""

from __future__ import annotations

import numpy as np
import polars as pl

from hoaan_analytics.synth.spec import DAY, UNKNOWN_PROCEDURES
from hoaan_analytics.synth.text import TextStyle, timestamps

_BAD_DATES = ("31/02/{y} 08:15:00", "30/02/{y}", "{y}-13-45 10:00:00", "00/00/0000", "32/01/{y} 09:00",
              "ngày 5 tháng 3")
_BAD_STATUS = {"code": ("11", "0", "99"), "text": ("Chờ phê duyệt", "Đang thẩm định hồ sơ", "Hủy")}
_BAD_CHANNEL = {"code": ("4", "9"), "text": ("Qua Zalo", "Khác")}
_BAD_FIELD = {
    "missing_id": "dossier_id", "unknown_status": "status", "unknown_channel": "channel",
    "missing_received": "received_at", "finished_before_received": "finished_at",
    "closed_without_finish": "finished_at", "no_due_unknown_procedure": "due_at",
}


def plant_bad_rows(frame: pl.DataFrame, s: dict[str, np.ndarray], local: np.ndarray,
                    kinds: np.ndarray, text: TextStyle, rng: np.random.Generator
                    ) -> tuple[pl.DataFrame, list[tuple[int, str, str]], np.ndarray]:
    """Corrupt rows `local` (already moved to eligible ones) with one reason each.

    Returns the frame, (row, kind, field) per planted row, and the mask of planted rows.
    """
    planted: list[tuple[int, str, str]] = []
    edits: dict[str, list[tuple[int, str | None]]] = {}
    for row, kind in zip(local.tolist(), kinds.tolist(), strict=True):
        year = str(np.datetime64(int(s["received"][row]), "s").astype("datetime64[Y]"))
        col = _BAD_FIELD.get(kind, "")
        value: str | None = None
        if kind == "bad_date":
            col = ("due_at", "returned_at")[int(rng.integers(0, 2))]
            value = _BAD_DATES[int(rng.integers(0, len(_BAD_DATES)))].format(y=year)
        elif kind == "unknown_status":
            choices = _BAD_STATUS[text.status_as]
            value = choices[int(rng.integers(0, len(choices)))]
        elif kind == "unknown_channel":
            choices = _BAD_CHANNEL[text.status_as]
            value = choices[int(rng.integers(0, len(choices)))]
        elif kind == "finished_before_received":
            before = s["received"][row:row + 1] - int(rng.integers(3600, 10 * DAY))
            value = timestamps(before, text.date_fmt)[0]
        elif kind == "no_due_unknown_procedure":
            code = UNKNOWN_PROCEDURES[int(rng.integers(0, len(UNKNOWN_PROCEDURES)))][0]
            edits.setdefault("procedure_code", []).append((row, code))
        edits.setdefault(col, []).append((row, value))
        planted.append((row, kind, col))
    columns = []
    for col, changes in edits.items():
        series = frame[col].clone()
        rows = [r for r, _ in changes]
        series = series.scatter(rows, pl.Series([v for _, v in changes], dtype=pl.String))
        columns.append(series.alias(col))
    frame = frame.with_columns(columns)
    mask = np.zeros(frame.height, dtype=bool)
    mask[local] = True
    return frame, planted, mask
