"""The embedded demo data: a small, realistic set of exports written on first use.

Six communes of Tuyên Quang, dossiers received from 1/1/2025 to the export date
20/11/2026, in the two formats and in the order a commune would receive them:

1. `dossiers_vi_cum1_2026-06-30.xlsx`, `dossiers_vi_cum2_2026-06-30.xlsx`: the
   Vietnamese XLSX export of each group of three communes, made on 30/06/2026
   (title rows, text statuses, dd/mm/yyyy dates);
2. `dossiers_dvcqg_2026-11-20.csv`: the national sync CSV of all six communes,
   made on 20/11/2026, for dossiers received since 1/1/2026 (with a BOM). It
   overlaps the XLSX files: dossiers open on 30/06/2026 come back closed;
3. `dossiers_payload_2026-11-20.json`, the national
   sync payload (METRICS.md §2a) of the communes of the second group for dossiers
   received since 1/7/2026, as their one-stop system pushed them: it overlaps the
   CSV (the same dossiers, the later file wins) and brings the scorecard fields.

Each file carries one planted bad row of each METRICS.md §8 kind.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from hoaan_analytics import synth
from hoaan_analytics.synth.names import UNITS

DEMO_SEED = 2026
DEMO_EXPORT_DATE = date(2026, 11, 20)
DEMO_FIRST_EXPORT_DATE = date(2026, 6, 30)
DEMO_YEARS = (2025, 2026)
DEMO_UNITS = (0, 1, 2, 3, 4, 5)          # indexes into synth.names.UNITS
DEMO_GROUPS = ((0, 1, 2), (3, 4, 5))     # one XLSX export per group
DEMO_DOSSIERS_PER_UNIT_YEAR = 350
DEMO_BAD_ROWS_PER_KIND = 1

DEMO_PAYLOAD_FROM = date(2026, 7, 1)

EXPORT_SUFFIXES = (".csv", ".xlsx")
PAYLOAD_SUFFIXES = (".json", ".jsonl", ".ndjson")
_DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def demo_specs() -> list[synth.ExportSpec]:
    """The demo's export files, in the order they are to be loaded."""
    specs = []
    for number, group in enumerate(DEMO_GROUPS, start=1):
        unit_list = ", ".join(f"UBND {UNITS[u][0]} {UNITS[u][1]}" for u in group)
        titles = (
            "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
            "DANH SÁCH HỒ SƠ THỦ TỤC HÀNH CHÍNH",
            f"Đơn vị: {unit_list}",
            f"Từ ngày 01/01/{DEMO_YEARS[0]} đến ngày {DEMO_FIRST_EXPORT_DATE:%d/%m/%Y}",
            f"Xuất ngày: {DEMO_FIRST_EXPORT_DATE:%d/%m/%Y}",
            "",
        )
        specs.append(synth.ExportSpec(
            f"dossiers_vi_cum{number}_{DEMO_FIRST_EXPORT_DATE.isoformat()}.xlsx", "xlsx",
            as_of=DEMO_FIRST_EXPORT_DATE, unit_indexes=group, title_rows=titles,
            bad_rows=DEMO_BAD_ROWS_PER_KIND))
    specs.append(synth.ExportSpec(
        f"dossiers_dvcqg_{DEMO_EXPORT_DATE.isoformat()}.csv", "csv", as_of=DEMO_EXPORT_DATE,
        received_from=date(DEMO_YEARS[-1], 1, 1), bom=True, bad_rows=DEMO_BAD_ROWS_PER_KIND))
    # "payload" sorts after "dvcqg": loaded last on the same export date, so it wins
    specs.append(synth.ExportSpec(
        f"dossiers_payload_{DEMO_EXPORT_DATE.isoformat()}.json", "json", as_of=DEMO_EXPORT_DATE,
        unit_indexes=DEMO_GROUPS[1], received_from=DEMO_PAYLOAD_FROM, bad_rows=DEMO_BAD_ROWS_PER_KIND))
    return specs


def write_demo_exports(raw_dir: str | os.PathLike[str], *, seed: int = DEMO_SEED
                       ) -> list[synth.ExportSummary]:
    """Write the demo exports into `raw_dir` (whatever is there) and describe them, in load order."""
    return synth.synthesize(raw_dir, demo_specs(), units=list(DEMO_UNITS), years=DEMO_YEARS,
                            dossiers_per_unit_year=DEMO_DOSSIERS_PER_UNIT_YEAR, seed=seed,
                            export_date=DEMO_EXPORT_DATE)


def export_files(raw_dir: str | os.PathLike[str]) -> list[Path]:
    """The CSV/XLSX and payload JSON files of `raw_dir`, in load order.

    Order: by the first yyyy-mm-dd date in the file name (the export date, oldest
    first; files without one come first), then by name. Excel's lock files
    (`~$…`) and hidden files are skipped.
    """
    folder = Path(raw_dir)
    if not folder.is_dir():
        return []
    suffixes = EXPORT_SUFFIXES + PAYLOAD_SUFFIXES
    files = [p for p in folder.iterdir()
             if p.is_file() and p.suffix.lower() in suffixes
             and not p.name.startswith(("~$", "."))]
    return sorted(files, key=lambda p: (_date_in_name(p.name), p.name.lower()))


def ensure_demo_exports(raw_dir: str | os.PathLike[str], *, seed: int = DEMO_SEED) -> list[Path]:
    """The export files of `raw_dir` in load order, writing the demo set first if there are none."""
    files = export_files(raw_dir)
    if files:
        return files
    return [summary.path for summary in write_demo_exports(raw_dir, seed=seed)]


def _date_in_name(name: str) -> date:
    for match in _DATE_IN_NAME.finditer(name):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return date.min
