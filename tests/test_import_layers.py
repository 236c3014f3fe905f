"""Modules import downward only: each room of hoaan_analytics imports rooms of lower layers, never its own layer's.

A room is a top-level module (kpis.py), a package (ingest/) or a declared part of one
(sections/context.py). Every import statement counts: those inside functions (lazy)
and those for type checking too. The layers are docs/ARCHITECTURE.md's "The layers".
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hoaan_analytics"
ROOT = "hoaan_analytics"

# Top first. A room may import the rooms of any layer below its own; one of its own layer
# ("sideways") or above is a defect.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("pipeline", "audit"),
    ("report", "sections"),
    ("sections.context",),
    ("sections.connection", "sections.frames", "sections.text"),
    ("charts",),
    ("analyses", "tables", "ingest", "demo"),
    ("projection",),
    ("form06", "index766", "targets", "worklist", "portal766"),
    ("kpis", "synth"),
    ("models",),
    ("calendar", "catalogue", "schema", "portal766_pages", "portal766_answers"),
    ("db",),
    ("filenames", "paths", "periods", "sql_files"),
    ("errors", "labels_vi", "__init__"),
)
LAYER_OF = {room: depth for depth, rooms in enumerate(LAYERS) for room in rooms}
# Packages that never import each other, whatever the layers of their parts: the notebooks join them.
APART = ({"report", "sections"},)


def module_name(path: Path) -> str:
    """hoaan_analytics/sections/context.py -> 'hoaan_analytics.sections.context' (a package: its __init__)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room_of(module: str) -> str:
    """The most specific declared room holding `module` ('hoaan_analytics.sections.text' -> 'sections.text')."""
    parts = module.split(".")[1:]
    for size in range(len(parts), 0, -1):
        if ".".join(parts[:size]) in LAYER_OF:
            return ".".join(parts[:size])
    return parts[0] if parts else "__init__"


def is_module(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def imported_modules(source: str) -> list[tuple[int, str]]:
    """(line, module) of every import of the package in `source`, `from pkg import module` resolved."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((node.lineno, full if is_module(full) else node.module))
    return sorted({(line, module) for line, module in found if module == ROOT or module.startswith(ROOT + ".")})


def violations(sources: dict[str, str]) -> list[str]:
    """Every import of `sources` (module name -> its text) that goes up, sideways or to an undeclared room."""
    found = []
    for module, source in sorted(sources.items()):
        room = room_of(module)
        if room not in LAYER_OF:
            found.append(f"{module}: room {room!r} is in no layer (add it to LAYERS and docs/ARCHITECTURE.md)")
            continue
        for line, target in imported_modules(source):
            other = room_of(target)
            if other == room:
                continue
            if {room.split(".")[0], other.split(".")[0]} in APART:
                found.append(f"{module}:{line}: imports {target}, but {room} and {other} stay apart")
            elif other not in LAYER_OF:
                found.append(f"{module}:{line}: imports {target}, whose room {other!r} is in no layer")
            elif LAYER_OF[other] <= LAYER_OF[room]:
                way = "sideways" if LAYER_OF[other] == LAYER_OF[room] else "upward"
                found.append(f"{module}:{line}: imports {target} {way} (room {room} -> {other})")
    return found


def package_sources() -> dict[str, str]:
    return {module_name(path): path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}


def test_every_import_goes_down_a_layer():
    sources = package_sources()
    assert len(sources) > 50  # the whole package was read
    assert violations(sources) == []


def test_only_db_imports_duckdb():
    # a change of DuckDB's API (or of its exception names: db.Error, db.OutOfMemoryError) is fixed in db.py alone
    importers = []
    for module, source in package_sources().items():
        for node in ast.walk(ast.parse(source)):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) else [])
            if any(name and name.split(".")[0] == "duckdb" for name in names):
                importers.append(module)
    assert importers == ["hoaan_analytics.db"]


def test_lazy_and_type_checking_imports_count():
    # cli/kpis.py imports kpis inside run() only
    kpis_cli = (PACKAGE / "cli" / "kpis.py").read_text(encoding="utf-8")
    assert "hoaan_analytics.kpis" in [module for _, module in imported_modules(kpis_cli)]
    typed = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from hoaan_analytics import charts\n"
    assert violations({"hoaan_analytics.tables": typed}) == [
        "hoaan_analytics.tables:3: imports hoaan_analytics.charts upward (room tables -> charts)"]
    assert violations({"hoaan_analytics.kpis": "from hoaan_analytics import targets\n"}) == [
        "hoaan_analytics.kpis:1: imports hoaan_analytics.targets upward (room kpis -> targets)"]
    assert violations({"hoaan_analytics.index766": "from hoaan_analytics.form06 import FORM06_COLUMNS\n"}) == [
        "hoaan_analytics.index766:1: imports hoaan_analytics.form06 sideways (room index766 -> form06)"]


def test_report_and_sections_never_import_each_other():
    # sections/context.py lies below report/ in the layers, and still report/ may not import it
    lazy = "def f():\n    from hoaan_analytics.sections.context import default_period\n"
    assert violations({"hoaan_analytics.report.batch": lazy}) == [
        "hoaan_analytics.report.batch:2: imports hoaan_analytics.sections.context, "
        "but report and sections.context stay apart"]
    assert violations({"hoaan_analytics.sections.overview": "from hoaan_analytics.report import names\n"}) == [
        "hoaan_analytics.sections.overview:1: imports hoaan_analytics.report, but sections and report stay apart"]
    assert violations({"hoaan_analytics.sections.overview": "from hoaan_analytics import filenames, kpis\n"}) == []


def test_an_undeclared_room_must_be_placed():
    assert violations({"hoaan_analytics.newroom": "from hoaan_analytics import db\n"}) == [
        "hoaan_analytics.newroom: room 'newroom' is in no layer (add it to LAYERS and docs/ARCHITECTURE.md)"]
