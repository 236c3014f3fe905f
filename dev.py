"""Set-up and entry points for a fresh machine that has only Python 3.11+.

    python3 dev.py demo     # the main job: demo exports -> DuckDB -> rendered reports
    python3 dev.py test     # the whole test suite
    python3 dev.py lab      # JupyterLab with the project's kernel
    python3 dev.py bench    # benchmarks, rewrites docs/benchmarks.md

Each command first makes sure `.venv/` exists and holds this project installed
(editable, with the dev extras) and its Jupyter kernel; the install is redone only
when pyproject.toml changes. Standard library only, so that it runs before
anything is installed, on Linux, macOS and Windows alike.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
KERNEL_NAME = "hoaan"


def _stamp() -> Path:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return VENV / f".installed-{digest}"


def _run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def ensure_venv() -> None:
    """Create .venv and install the project into it, unless already up to date."""
    # This file runs on whatever python3 the user has, before requires-python is ever checked.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit(f"hoaan-analytics needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    if not PYTHON.exists():
        print(f"dev.py: creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = _stamp()
    if stamp.exists():
        return
    print("dev.py: installing hoaan-analytics and its dependencies into .venv ...", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[dev]")
    # The notebooks name this kernel; installing it inside the venv keeps it off
    # the user's global Jupyter and points it at this venv's interpreter.
    _run(PYTHON, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL_NAME,
         "--display-name", "Python (hoaan-analytics)")
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "lab", "bench", "setup"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_venv()
    hoaan = BIN / ("hoaan.exe" if os.name == "nt" else "hoaan")
    if command == "setup":
        return 0
    if command == "test":
        return subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT).returncode
    if command == "bench":
        return subprocess.run([str(PYTHON), "-m", "bench", *rest], cwd=ROOT).returncode
    return subprocess.run([str(hoaan), command, *rest], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
