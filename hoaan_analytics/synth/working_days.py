"""Working days as numpy arrays, for vectorised due dates (METRICS.md §3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from hoaan_analytics import calendar
from hoaan_analytics.paths import params_dir


class WorkingDays:
    """Working days as arrays, for vectorised due dates (METRICS.md §3).

    cum[i] = number of working days among days[0..i], so wd(a, b) = cum[b] - cum[a]
    and the day d with wd(a, d) = n (d working) is work_pos[cum[a] + n - 1].
    """

    def __init__(self, first: date, last: date, params: Path | None = None) -> None:
        # the package's own calendar (holidays.VN, worked Saturdays, params/calendar.csv), so
        # that the due dates written here are the ones the KPIs compute
        rows = calendar.calendar_rows(first, last, calendar.load_overrides(params or params_dir()))
        self.first = first
        n_days = (last - first).days + 1
        self.days = np.arange(np.datetime64(first, "D"), np.datetime64(first, "D") + n_days)
        weekday = (self.days.astype("int64") + 3) % 7  # 1970-01-01 was a Thursday (3)
        self.weekday = weekday
        self.is_work = np.array([row[1] for row in rows], dtype=bool)
        self.cum = np.cumsum(self.is_work)
        self.work_pos = np.flatnonzero(self.is_work)
        self.epoch = (self.days.astype("datetime64[s]").astype("int64"))  # midnight, seconds

    def pos(self, day: date) -> int:
        return (day - self.first).days

    def add_working_days(self, pos: np.ndarray, n: np.ndarray) -> np.ndarray:
        """Day position with wd(pos, result) = n, a working day; n = 0: pos or the next working day."""
        k = self.cum[pos] + n - 1 + ((n == 0) & ~self.is_work[pos])
        return self.work_pos[np.clip(k, 0, len(self.work_pos) - 1)]
