"""`python -m bench` (or `python3 dev.py bench`): measure on this machine, rewrite docs/benchmarks.md.

    python -m bench             all sizes 1k..10M, XLSX 100k, payload 100k and 1M, pandas from 1M, report batch
    python -m bench --quick     up to 100k rows and records, for trying it (a few minutes)
    python -m bench --ratios-only   only the quick commands against a bare connect-and-count (1M rows)
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

from bench.measure import CommandFailed
from bench.report import replace_quick_commands, write_document, write_plot
from bench.suite import (
    FULL_PAYLOAD_RECORDS,
    FULL_SIZES,
    QUICK_PAYLOAD_RECORDS,
    QUICK_SIZES,
    RATIO_MIN_ROWS,
    ROOT,
    Options,
    run_ratios,
    run_suite,
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 100k rows, XLSX 10k, no 10M")
    parser.add_argument("--sizes", type=int, nargs="+", help="CSV sizes in rows (default: 1k 10k 100k 1M 10M)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median); default 3")
    parser.add_argument("--large-runs", type=int, default=3, help="runs per figure from 5M rows; default 3")
    parser.add_argument("--kpi-runs", type=int, default=5, help="runs of each `hoaan kpis` figure; default 5")
    parser.add_argument("--xlsx-rows", type=int, default=None, help="XLSX size (default 100k, --quick 10k; 0: none)")
    parser.add_argument("--payload-records", type=int, nargs="+", default=None,
                        help="payload (.json) sizes in records (default 100k 1M, --quick 100k; 0: none)")
    parser.add_argument("--pandas-min-rows", type=int, default=1_000_000,
                        help="run the pandas version from this size up (and always on the largest)")
    parser.add_argument("--pandas-large-runs", type=int, default=1, help="pandas runs from 5M rows; default 1")
    parser.add_argument("--no-batch", action="store_true", help="skip the report batch")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--plot", type=Path, default=None, help="SVG path (default: next to --out)")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--ratio-runs", type=int, default=10,
                        help="runs of each quick command and of the bare connect-and-count; default 10")
    parser.add_argument("--ratios-only", action="store_true",
                        help="measure only the quick commands against a bare connect-and-count (--sizes, default "
                             "1M) and put them into the document (and into the last run's saved results)")
    parser.add_argument("--rewrite", action="store_true",
                        help="rewrite the document from the last run's saved results, measuring nothing")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    default_sizes = (RATIO_MIN_ROWS,) if args.ratios_only else QUICK_SIZES if args.quick else FULL_SIZES
    sizes = tuple(sorted(set(args.sizes or default_sizes)))
    xlsx_rows = args.xlsx_rows if args.xlsx_rows is not None else (10_000 if args.quick else 100_000)
    payload = args.payload_records or (QUICK_PAYLOAD_RECORDS if args.quick else FULL_PAYLOAD_RECORDS)
    payload = tuple(sorted({n for n in payload if n > 0}))
    options = Options(sizes=sizes, runs=args.runs, large_runs=args.large_runs, kpi_runs=args.kpi_runs,
                      xlsx_rows=xlsx_rows or None, pandas_min_rows=args.pandas_min_rows,
                      pandas_large_runs=args.pandas_large_runs, batch=not args.no_batch,
                      data_dir=args.data_dir, seed=args.seed, log=not args.quiet, payload_records=payload,
                      ratio_runs=args.ratio_runs)
    plot = args.plot or args.out.with_name("benchmarks_scaling.svg")
    saved = args.data_dir / "work" / "last_results.pickle"
    if args.ratios_only:
        try:
            bare_ratios = run_ratios(options)
        except CommandFailed as exc:
            print(f"bench: a measured command failed, nothing written:\n{exc}", file=sys.stderr)
            return 1
        if not saved.is_file():
            replace_quick_commands(args.out, bare_ratios)
            print(f"bench: wrote the quick commands into {args.out}", file=sys.stderr)
            return 0
        results = pickle.loads(saved.read_bytes())  # our own file, as below
        measured = {(e["label"], e["rows"]) for e in bare_ratios}
        kept = [e for e in getattr(results, "bare_ratios", []) if (e["label"], e["rows"]) not in measured]
        results.bare_ratios = kept + bare_ratios
        saved.write_bytes(pickle.dumps(results))
        args.rewrite = True
    elif args.rewrite:
        # our own file from an earlier run, so unpickling it is safe
        results = pickle.loads(saved.read_bytes())
    else:
        try:
            results = run_suite(options)
        except CommandFailed as exc:
            print(f"bench: a measured command failed, nothing written:\n{exc}", file=sys.stderr)
            return 1
        saved.write_bytes(pickle.dumps(results))
    write_plot(results, plot)
    command = (results.command or "python -m bench") if args.rewrite else "python -m bench " + " ".join(argv)
    results.command = command
    write_document(results, args.out, plot, command)
    print(f"bench: wrote {args.out} and {plot}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
