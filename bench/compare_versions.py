"""Before/after check: two `hoaan` executables on the same exports must print the same numbers.

    python -m bench.compare_versions --old OLD/.venv/bin/hoaan --new .venv/bin/hoaan FILE [FILE ...]
        [--old-params DIR] [--new-params DIR] [--units UNIT UNIT] [--work DIR]

Each executable ingests FILE... into a fresh database of its own; then, for the
periods 2026-Q1, 2026-Q3, 2026-H1, 2026 and 2026-03 in calendar mode and 2026-Q3
in cutoff mode, and for all units and each of two units (the first two the new
version lists, unless --units names them), both run

- `hoaan kpis --json` (every §6 key compared),
- `hoaan kpis --by field --json` (every key of every field's row),
- `hoaan form06 --out ...` (every cell of the Excel file, read back with openpyxl),
- `hoaan index766 --json` (every figure of every indicator and each scope's total),

and every difference is printed. For a scope whose pending split differs, the
dossiers that changed class (pending in time <-> pending overdue) are listed,
each version's own `analyses.pending_overdue` asked through its own interpreter,
with the fields the pending rule of METRICS.md §5 reads, so that a person can
check them by hand. The last line counts comparisons and differences per key.

Run it with the new version's interpreter (it needs openpyxl, a dev dependency,
and the project to read the dossiers' fields). Standard library and the project only.
Exit status 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from hoaan_analytics import db

PERIODS = (("2026-Q1", "calendar"), ("2026-Q3", "calendar"), ("2026-H1", "calendar"), ("2026", "calendar"),
           ("2026-03", "calendar"), ("2026-Q3", "cutoff"))
PENDING_KEYS = ("pending_in_time", "pending_overdue", "progress_rate")
RATIO_TOLERANCE = 1e-12  # two float sums of the same terms in another order

# run by each version's own interpreter: the ids it judges pending overdue for one scope
_OVERDUE_IDS = """
import json, sys
from hoaan_analytics import analyses, db
from hoaan_analytics.periods import parse_period
con = db.connect_reader(sys.argv[1])
period = parse_period(sys.argv[2], sys.argv[3])
unit = sys.argv[4] or None
print(json.dumps(sorted(analyses.pending_overdue(con, period, unit=unit)["dossier_id"].to_list())))
"""

_RULE_FIELDS = """
select dossier_id, unit_name, received_at, due_at, supplement_requested_at, supplement_completed_at,
       supplement_count, finished_at, status
from dossiers where dossier_id in (select unnest($ids)) order by dossier_id
"""


@dataclass(frozen=True)
class Version:
    """One `hoaan` executable, its params folder and the database it ingested into."""

    name: str
    exe: Path
    params: Path
    db_path: Path

    @property
    def python(self) -> Path:
        return self.exe.with_name("python" + self.exe.suffix)  # python.exe beside hoaan.exe on Windows

    def run(self, *args: str) -> str:
        done = subprocess.run([str(self.exe), *args], capture_output=True, text=True, encoding="utf-8")
        if done.returncode != 0:
            raise SystemExit(f"{self.name}: hoaan {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--db", str(self.db_path), "--json"))

    def overdue_ids(self, period: str, mode: str, unit: str | None) -> list[str]:
        # run in the database's folder: `python -c` puts the working directory first on sys.path, and a
        # checkout's own hoaan_analytics there would shadow the version under test
        done = subprocess.run([str(self.python), "-c", _OVERDUE_IDS, str(self.db_path), period, mode, unit or ""],
                              capture_output=True, text=True, encoding="utf-8", check=True,
                              cwd=self.db_path.parent)
        return json.loads(done.stdout)


class Differences:
    """Every comparison made and every difference found, by key."""

    def __init__(self) -> None:
        self.compared = 0
        self.by_key: Counter[str] = Counter()
        self.pending_scopes: list[tuple[str, str, str | None]] = []

    def check(self, where: str, key: str, old: Any, new: Any) -> bool:
        self.compared += 1
        if _same(old, new):
            return True
        self.by_key[key] += 1
        print(f"DIFF {where} {key}: old {old!r} new {new!r}")
        return False


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, float) and isinstance(new, float):
        return abs(old - new) <= RATIO_TOLERANCE
    return old == new


def _params_beside(exe: Path) -> Path:
    # <repo>/.venv/bin/hoaan -> <repo>/params
    return exe.absolute().parent.parent.parent / "params"


def ingest(version: Version, files: list[Path]) -> None:
    summary = json.loads(version.run("ingest", "--db", str(version.db_path), "--params", str(version.params),
                                     "--json", *map(str, files)))
    print(f"{version.name}: ingested {summary['loaded']} rows, set aside {summary['set_aside']}")


def compare_kpis(old: Version, new: Version, period: str, mode: str, unit: str | None, diffs: Differences) -> None:
    scope = ["--unit", unit] if unit else []
    where = f"kpis {period} {mode} {unit or 'all units'}"
    args = ("kpis", "--period", period, "--mode", mode, *scope)
    before, after = old.json(*args), new.json(*args)
    diffs.check(where, "keys", sorted(before), sorted(after))
    differing = [k for k in after if not diffs.check(where, k, before.get(k), after[k])]
    if any(k in PENDING_KEYS for k in differing):
        diffs.pending_scopes.append((period, mode, unit))
    before_rows = {row["field_name"]: row for row in old.json(*args, "--by", "field")}
    after_rows = {row["field_name"]: row for row in new.json(*args, "--by", "field")}
    diffs.check(f"{where} by field", "fields", sorted(before_rows, key=str), sorted(after_rows, key=str))
    for field_name in after_rows.keys() & before_rows.keys():
        for key, value in after_rows[field_name].items():
            diffs.check(f"{where} by field [{field_name}]", key, before_rows[field_name].get(key), value)


def form06_rows(version: Version, period: str, mode: str, unit: str | None, folder: Path) -> list[tuple]:
    out = folder / f"{version.name}_{period}_{mode}_{unit or 'all'}.xlsx".replace(" ", "_")
    version.run("form06", "--period", period, "--mode", mode, *(["--unit", unit] if unit else []),
                "--db", str(version.db_path), "--out", str(out))
    sheet = openpyxl.load_workbook(out, read_only=True, data_only=True).worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def compare_form06(old: Version, new: Version, period: str, mode: str, unit: str | None, folder: Path,
                   diffs: Differences) -> None:
    where = f"form06 {period} {mode} {unit or 'all units'}"
    before = form06_rows(old, period, mode, unit, folder)
    after = form06_rows(new, period, mode, unit, folder)
    diffs.check(where, "form06 rows", len(before), len(after))
    # a different number of rows or cells is a difference already reported: compare what both have
    for number, (row_before, row_after) in enumerate(zip(before, after, strict=False), start=1):
        for column, (cell_before, cell_after) in enumerate(zip(row_before, row_after, strict=False), start=1):
            # headings and notes are words (key 'form06 text'); a number's key is its column, which is
            # Biểu 06's own numbering (1) STT ... (11)-(13) pending: total, in time, overdue
            words = isinstance(cell_before, str) or isinstance(cell_after, str)
            key = "form06 text" if words else f"form06 column {column}"
            diffs.check(f"{where} row {number} column {column}", key, cell_before, cell_after)


def explain_pending(old: Version, new: Version, diffs: Differences, shown: int) -> None:
    """The dossiers whose pending class differs, per scope, with the fields the §5 rule reads."""
    all_changed: set[str] = set()
    for period, mode, unit in diffs.pending_scopes:
        before = set(old.overdue_ids(period, mode, unit))
        after = set(new.overdue_ids(period, mode, unit))
        to_overdue, to_in_time = sorted(after - before), sorted(before - after)
        all_changed |= after ^ before
        print(f"CLASS {period} {mode} {unit or 'all units'}: in time -> overdue {len(to_overdue)} "
              f"{to_overdue[:shown]}{' ...' if len(to_overdue) > shown else ''}; overdue -> in time "
              f"{len(to_in_time)} {to_in_time[:shown]}{' ...' if len(to_in_time) > shown else ''}")
    if not all_changed:
        return
    con = db.connect_reader(new.db_path)
    try:
        sample = sorted(all_changed)[:shown]
        print(f"Fields of the pending rule for {len(sample)} of the {len(all_changed)} dossiers that changed class:")
        for row in db.query(con, _RULE_FIELDS, {"ids": sample}).iter_rows(named=True):
            print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    finally:
        con.close()


def compare_index766(old: Version, new: Version, period: str, mode: str, unit: str | None,
                     diffs: Differences) -> None:
    """Every figure of `hoaan index766 --json` (each scope's indicators and totals), keyed by indicator."""
    scope = ["--unit", unit] if unit else []
    where = f"index766 {period} {mode} {unit or 'all units'}"
    args = ("index766", "--period", period, "--mode", mode, *scope)
    before, after = old.json(*args)["scopes"], new.json(*args)["scopes"]
    diffs.check(where, "index766 scopes", len(before), len(after))
    for scope_before, scope_after in zip(before, after, strict=False):
        for key in ("unit_name", "points", "max_points"):
            diffs.check(where, f"index766 {key}", scope_before.get(key), scope_after.get(key))
        indicators_before = {i["id"]: i for i in scope_before["indicators"]}
        indicators_after = {i["id"]: i for i in scope_after["indicators"]}
        diffs.check(where, "index766 indicators", sorted(indicators_before), sorted(indicators_after))
        for indicator_id, figures in indicators_after.items():
            for key, value in figures.items():
                diffs.check(f"{where} {indicator_id}", f"index766 {key}",
                            indicators_before.get(indicator_id, {}).get(key), value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, type=Path, help="the old version's hoaan executable")
    parser.add_argument("--new", required=True, type=Path, help="the new version's hoaan executable")
    parser.add_argument("--old-params", type=Path, help="params folder for the old one (default: its repo's)")
    parser.add_argument("--new-params", type=Path, help="params folder for the new one (default: its repo's)")
    parser.add_argument("--units", nargs=2, metavar="UNIT", help="the two units compared one by one")
    parser.add_argument("--work", type=Path, help="folder for the databases and Excel files (default: a temp one)")
    parser.add_argument("--shown", type=int, default=8, help="dossier ids listed per class change (default 8)")
    parser.add_argument("files", nargs="+", type=Path, help="the exports both versions ingest")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="hoaan_compare_"))
    work.mkdir(parents=True, exist_ok=True)
    # absolute, not resolved: the venv's python is a link that must stay inside the venv
    old = Version("old", args.old.absolute(), args.old_params or _params_beside(args.old), work / "old.duckdb")
    new = Version("new", args.new.absolute(), args.new_params or _params_beside(args.new), work / "new.duckdb")
    for version in (old, new):
        version.db_path.unlink(missing_ok=True)
        ingest(version, args.files)

    units = args.units or [row["unit_name"] for row in new.json("kpis", "--period", "2026", "--by", "unit")][:2]
    diffs = Differences()
    for period, mode in PERIODS:
        for unit in (None, *units):
            compare_kpis(old, new, period, mode, unit, diffs)
            compare_form06(old, new, period, mode, unit, work, diffs)
            compare_index766(old, new, period, mode, unit, diffs)
    explain_pending(old, new, diffs, args.shown)
    total = sum(diffs.by_key.values())
    detail = ", ".join(f"{key} {count}" for key, count in sorted(diffs.by_key.items())) or "none"
    print(f"{diffs.compared} comparisons over {len(PERIODS)} periods x {1 + len(units)} scopes; "
          f"{total} differences ({detail})")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
