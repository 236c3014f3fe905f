"""The `hoaan` command: argument parsing only, then one library call per command.

Each sub-command lives in its own module here with `register(subparsers)` and
`run(args) -> int`; modules are imported when the command runs, so `hoaan --help`
stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from hoaan_analytics.errors import HoaanError

# name -> (module under hoaan_analytics.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("ingest", "load CSV/XLSX dossier exports into the DuckDB database"),
    "kpis": ("kpis", "the plan's KPIs for one period (METRICS.md §6)"),
    "form06": ("form06", "write the official Biểu số 06 table as an Excel file"),
    "index766": ("index766", "the 766 scorecard estimated from the dossiers (METRICS.md §9)"),
    "worklist": ("worklist", "the dossiers to act on before the month closes, and the 766 points at stake"),
    "projection": ("projection", "766 points and the plan's rates at the month's and quarter's end, two scenarios"),
    "portal766": ("portal766", "the portal's published 766 figures beside the estimate, stored for notebooks"),
    "report": ("report", "render the notebooks to offline HTML for periods and units"),
    "demo": ("demo", "the main job on embedded demo data: generate, load, render"),
    "synth": ("synth", "write seeded, realistic demo exports of any size"),
    "lab": ("lab", "open JupyterLab on the notebooks with the project's kernel"),
    "audit": ("audit", "scan the database and reports for personal data"),
}


def _module(name: str):
    return importlib.import_module(f"hoaan_analytics.cli.{COMMANDS[name][0]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `only`, just that sub-command's module is imported."""
    parser = argparse.ArgumentParser(prog="hoaan", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_, help_text) in COMMANDS.items():
        if only is None or name == only:
            _module(name).register(sub.add_parser(name, help=help_text, description=help_text))
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `hoaan` console script."""
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command if command in COMMANDS else None)
    args = parser.parse_args(argv)
    try:
        return int(_module(args.command).run(args) or 0)
    except HoaanError as exc:
        print(f"hoaan {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"hoaan {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 (an unattended batch must log one line, not a traceback)
        if os.environ.get("HOAAN_DEBUG"):
            raise
        print(f"hoaan {args.command}: unexpected error ({type(exc).__name__}: {exc}). Nothing of this "
              f"command was half-written. Set HOAAN_DEBUG=1 to see the traceback, and please report it.",
              file=sys.stderr)
        return 1
