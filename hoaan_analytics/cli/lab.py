"""`hoaan lab`: JupyterLab on the notebooks folder, run by this interpreter (no shell)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--notebook-dir", default=None,
                        help="folder to open (default: ./notebooks or the project's)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--port", type=int, default=None, help="port (default: JupyterLab's choice)")
    parser.add_argument("--allow-root", action="store_true",
                        help="let JupyterLab run as root (containers; not for a desktop)")


def lab_command(notebook_dir: Path, *, no_browser: bool = False, port: int | None = None,
                allow_root: bool = False) -> list[str]:
    """The command line that starts JupyterLab with this venv's Python (and so its 'hoaan' kernel)."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={notebook_dir}"]
    if no_browser:
        command.append("--no-browser")
    if port is not None:
        command.append(f"--port={port}")
    if allow_root:
        command.append("--allow-root")
    return command


def run(args: argparse.Namespace) -> int:
    from hoaan_analytics import paths
    from hoaan_analytics.errors import HoaanError
    from hoaan_analytics.labels_vi import DEMO_DATA_LABEL

    notebook_dir = Path(args.notebook_dir) if args.notebook_dir else paths.notebooks_dir()
    if not notebook_dir.is_dir():
        raise HoaanError(f"no notebooks folder at {notebook_dir}")
    database = paths.default_db()
    own = "run `hoaan ingest` on your exports to use your own"
    kind = f" ({DEMO_DATA_LABEL}: {own})" if paths.is_demo_db(database) else ""
    print(f"the notebooks read {database} by default{kind}")
    return subprocess.call(lab_command(notebook_dir.resolve(), no_browser=args.no_browser, port=args.port,
                                       allow_root=args.allow_root))
