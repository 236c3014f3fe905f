"""Every reason the loader can give a set-aside row has its Vietnamese label in the data-quality report."""

import re

from hoaan_analytics.labels_vi import SET_ASIDE_REASON_LABELS_VI
from hoaan_analytics.paths import sql_dir


def test_every_reason_of_the_loader_has_a_vietnamese_label():
    reasons = set()
    for path in (sql_dir() / "ingest").glob("*.sql"):
        reasons |= set(re.findall(r"'reason':\s*'([^']+)'", path.read_text(encoding="utf-8")))
    assert len(reasons) >= 8  # the §8 kinds, so the pattern really reads the SQL
    assert sorted(reasons - set(SET_ASIDE_REASON_LABELS_VI)) == []
