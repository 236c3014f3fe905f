"""The generator's vectorised working-day arithmetic (METRICS.md §3, §5), hand-checked dates."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from hoaan_analytics.synth.working_days import WorkingDays

CAL = WorkingDays(date(2025, 1, 1), date(2027, 12, 31))


def _add(day: date, n: int) -> date:
    pos = CAL.add_working_days(np.array([CAL.pos(day)]), np.array([n]))[0]
    return CAL.days[pos].astype(object)


@pytest.mark.parametrize(("start", "n", "expected"), [
    # Fri 24/01/2025 + 1: weekend 25-26, Tết 27/01-01/02, Sun 02/02 -> Mon 03/02
    (date(2025, 1, 24), 1, date(2025, 2, 3)),
    # Fri 25/04/2025 + 1: Sat 26/04/2025 is a worked Saturday (swap for 02/05)
    (date(2025, 4, 25), 1, date(2025, 4, 26)),
    # Tue 29/04/2025 + 1: 30/04, 01/05, 02/05 off, weekend -> Mon 05/05
    (date(2025, 4, 29), 1, date(2025, 5, 5)),
    # Fri 21/08/2026 + 1: Sat 22/08/2026 is worked (swap for Mon 31/08)
    (date(2026, 8, 21), 1, date(2026, 8, 22)),
    # Fri 28/08/2026 + 1: weekend, 31/08 swapped off, 01-02/09 National Day -> Thu 03/09
    (date(2026, 8, 28), 1, date(2026, 9, 3)),
    # n = 0 on a working day: the same day
    (date(2026, 3, 2), 0, date(2026, 3, 2)),
    # n = 0 on a Sunday: the next working day
    (date(2026, 3, 1), 0, date(2026, 3, 2)),
    # Mon 02/03/2026 + 5 = Mon 09/03/2026 (Tue..Fri = 4, Mon = 5)
    (date(2026, 3, 2), 5, date(2026, 3, 9)),
    # a Sunday + 1: the first working day after it (Mon)
    (date(2026, 3, 1), 1, date(2026, 3, 2)),
])
def test_add_working_days(start, n, expected):
    assert _add(start, n) == expected


def test_working_day_count_between_two_days():
    # wd(a, b) = cum[b] - cum[a]: 02/03/2026 (Mon) to 13/03/2026 (Fri) = 9 working days
    assert CAL.cum[CAL.pos(date(2026, 3, 13))] - CAL.cum[CAL.pos(date(2026, 3, 2))] == 9
