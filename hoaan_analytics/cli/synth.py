"""`hoaan synth`: write seeded, realistic dossier exports of any size."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from hoaan_analytics.errors import HoaanError


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="folder to write the exports into")
    parser.add_argument("--units", type=int, default=3,
                        help="number of communes (the first are Hòa An, Chiêm Hóa, Kiên Đài); default 3")
    parser.add_argument("--years", type=int, nargs="+", default=[2025, 2026],
                        help="receipt years; default 2025 2026")
    parser.add_argument("--rows", type=int, default=None,
                        help="dossiers in each file (default: about --per-unit-year per unit and year)")
    parser.add_argument("--per-unit-year", type=int, default=1000, dest="dossiers_per_unit_year",
                        help="dossiers per unit and full year when --rows is not given; default 1000")
    parser.add_argument("--format", choices=("csv", "xlsx", "both", "json", "jsonl"), default="both",
                        help="both = csv and xlsx (default); json/jsonl = the national sync payload")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--export-date", type=date.fromisoformat, default=None,
                        help="YYYY-MM-DD; default 20 November of the last year")
    parser.add_argument("--bad-rows", type=float, default=0.0005,
                        help="bad rows of each kind: a count (>= 1) or a share of rows (< 1); 0 for none")
    parser.add_argument("--clean", action="store_true", help="no messiness (NFD, blanks, date variants)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics import synth

    if args.units < 1:
        raise HoaanError("--units must be at least 1")
    if args.rows is not None and args.rows < 0:
        raise HoaanError("--rows must not be negative")
    formats = synth.DEFAULT_FORMATS if args.format == "both" else (args.format,)
    bad_rows: int | float = int(args.bad_rows) if args.bad_rows >= 1 else args.bad_rows
    progress, bar = None, None
    if not args.quiet:
        from tqdm import tqdm

        bar = tqdm(unit=" dossiers", unit_scale=True, desc="hoaan synth")
        done = [0]

        def progress(count: int) -> None:
            bar.update(count - done[0])
            done[0] = count

    try:
        summaries = synth.synthesize(
            args.out,
            synth.default_specs(formats, messiness=synth.CLEAN if args.clean else synth.Messiness(),
                                bad_rows=bad_rows, export_date=args.export_date, years=args.years),
            units=args.units, years=args.years, rows=args.rows,
            dossiers_per_unit_year=args.dossiers_per_unit_year, seed=args.seed,
            export_date=args.export_date, progress=progress)
    except ValueError as exc:
        raise HoaanError(str(exc)) from exc
    finally:
        if bar is not None:
            bar.close()
    for summary in summaries:
        size_mb = summary.path.stat().st_size / 1e6
        print(f"{summary.path}: {summary.rows} rows, {len(summary.bad_rows)} planted bad rows, "
              f"{size_mb:.1f} MB")
    return 0
