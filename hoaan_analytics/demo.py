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

Beside them, in `portal766/`, the portal's public 766 page for the province as a commune
saves it (the browser's HAR, one per period; synth.portal766): the months January to
October 2026 and the quarters 2026-Q1 and 2026-Q3. The six communes of the exports are
there with the counts of their own dossiers (a few fewer: the sync gap) and the points no
export shows, beside eight other communes of the province and two provincial departments.
Quarter 2026-Q2 was not saved: its reports show the whole score estimated before
publication (METRICS.md §10), carried from 2026-Q1; the others show what the portal published.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import polars as pl

from hoaan_analytics import db, index766, portal766, synth
from hoaan_analytics.periods import Period, parse_period
from hoaan_analytics.synth import portal766 as synth_portal766
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

# The portal's 766 page, saved under the exports' folder: which periods, which other communes.
DEMO_PORTAL_FOLDER = "portal766"
DEMO_PORTAL_PERIODS = (*(f"2026-{month:02d}" for month in range(1, 11)), "2026-Q1", "2026-Q3")
DEMO_PORTAL_OTHER_UNITS = tuple(range(6, 14))
# the indicators both the portal and our exports count (METRICS.md §10), and 3.3 (online dossiers)
_COUNTED_BY_BOTH = ("2.1", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5", "5.4")

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


def portal_files(raw_dir: str | os.PathLike[str]) -> list[Path]:
    """The HAR files of the portal's 766 page saved in `raw_dir`/portal766/, by name."""
    folder = Path(raw_dir) / DEMO_PORTAL_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".har")


def is_demo_raw(raw_dir: str | os.PathLike[str]) -> bool:
    """Whether the exports of `raw_dir` are the demo's own (so that portal pages may be made up for them)."""
    return {p.name for p in export_files(raw_dir)} == {spec.file_name for spec in demo_specs()}


def write_demo_portal(con: db.Connection, raw_dir: str | os.PathLike[str], *, seed: int = DEMO_SEED) -> list[Path]:
    """Write the portal's pages of DEMO_PORTAL_PERIODS into `raw_dir`/portal766/, from the loaded demo dossiers.

    `con` holds the demo exports, ingested: our communes' counts come from its scorecard
    (index766.scorecard), so that the portal's figures and ours tell the same story.
    """
    periods = [parse_period(name) for name in DEMO_PORTAL_PERIODS]
    ours = pl.concat([_our_counts(con, period) for period in periods])
    return synth_portal766.write_portal_hars(Path(raw_dir) / DEMO_PORTAL_FOLDER, periods, ours,
                                             our_units=DEMO_UNITS, other_units=DEMO_PORTAL_OTHER_UNITS, seed=seed)


def _our_counts(con: db.Connection, period: Period) -> pl.DataFrame:
    card = index766.scorecard(con, period, by_unit=True)
    return card.filter(pl.col("indicator_id").is_in(_COUNTED_BY_BOTH)).select(
        pl.lit(period.name).alias("period_name"), pl.col("scope_unit_name").alias("unit_name"),
        "indicator_id", "numerator", "denominator")


def load_demo_portal(con: db.Connection, raw_dir: str | os.PathLike[str], params_dir: str | os.PathLike[str], *,
                     seed: int = DEMO_SEED, db_path: str | os.PathLike[str] = "the database"
                     ) -> portal766.PortalLoadSummary | None:
    """Load the portal's pages saved in `raw_dir`/portal766/ (`hoaan portal766`'s load); None when there are none.

    When there are none and the exports of `raw_dir` are the demo's own, the demo's pages are
    written first (write_demo_portal); a commune's own exports never get made-up pages.
    """
    files = portal_files(raw_dir)
    if not files and is_demo_raw(raw_dir):
        files = write_demo_portal(con, raw_dir, seed=seed)
    if not files:
        return None
    return portal766.load_portal_files(con, files, None, params_dir, db_path=db_path)


def _date_in_name(name: str) -> date:
    for match in _DATE_IN_NAME.finditer(name):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return date.min
