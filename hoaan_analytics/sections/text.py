"""Numbers, ratios and dates as the reports write them in Vietnamese text ('1.234', '94,0%', '30/09/2026')."""

from __future__ import annotations

from datetime import date

from IPython.display import Markdown

from hoaan_analytics.labels_vi import CONTEXT_TEXT_VI
from hoaan_analytics.tables import format_number_vi, format_percent_vi


def nothing(text: str) -> Markdown:
    """A plain sentence shown where a table or chart has nothing to show."""
    return Markdown(f"*{text}*")


def count_text(value: int | None) -> str:
    """1234 -> '1.234'."""
    return format_number_vi(value)


def percent_text(value: float | None) -> str:
    """0.9402 -> '94,0%'; None -> '—' (a ratio with no denominator)."""
    return format_percent_vi(value)


def points_text(value: float) -> str:
    """A difference of two ratios in percentage points: 0.026 -> '2,6 điểm phần trăm'."""
    return CONTEXT_TEXT_VI["points"].format(points=format_number_vi(abs(value) * 100, 1))


def date_text(value: date | None) -> str:
    """date(2026, 9, 30) -> '30/09/2026'."""
    return "—" if value is None else f"{value:%d/%m/%Y}"
