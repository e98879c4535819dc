"""Layering: which package may import which, no import cycles; only persistence touches SQL, only the UI Qt."""

from __future__ import annotations

import ast
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "grassroots_app"
FRAMEWORKS = {"PySide6", "sqlalchemy", "sqlmodel", "reportlab", "openpyxl", "alembic"}
SQL = {"sqlalchemy", "sqlmodel"}
APP = "grassroots_app"

# The application's packages and modules each layer may import (itself always; libraries are checked apart).
# `paths` (where resources and data live) and `tempfiles` are standard-library helpers below every layer.
MAY_IMPORT = {
    "domain": {"domain"},
    "paths": set(),
    "tempfiles": set(),
    "i18n": {"paths"},
    "applog": {"paths"},
    "console": set(),
    "persistence": {"domain", "paths", "tempfiles"},
    "spreadsheets": {"domain", "paths"},
    "reports": {"domain", "paths", "spreadsheets"},
    "services": {"domain", "persistence", "reports", "spreadsheets", "paths", "tempfiles", "i18n"},
    "demo": {"domain", "persistence", "services", "paths"},
}
# What the window and the command line must reach through services, never themselves.
CALLERS = {"ui", "cli"}
CALLED_THROUGH_SERVICES = {"persistence"}


def modules_in(source: str, package: str, known: Collection[str] = frozenset()) -> Iterator[str]:
    """Yield every absolute module name the source imports anywhere, relative imports resolved.

    `from p import m` yields p.m when that is one of the `known` modules, else p.
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            named = (f"{base}.{alias.name}" for alias in node.names)
            yield from dict.fromkeys(module if module in known else base for module in named)


def imported_modules(path: Path, root: Path = PACKAGE, known: Collection[str] = frozenset()) -> list[str]:
    """Return the modules a file of the package imports (see modules_in for `known`)."""
    package = ".".join(path.relative_to(root.parent).with_suffix("").parts[:-1])
    return list(modules_in(path.read_text(encoding="utf-8"), package, known))


def top(module: str) -> str:
    """Return the top-level package of a module name."""
    return module.split(".")[0]


def source_files(folder: Path) -> list[Path]:
    """Return the Python files under a folder."""
    return sorted(folder.rglob("*.py"))


def allowed_in_domain(module: str) -> bool:
    """Return whether the domain may import the module: the standard library or the domain itself."""
    if top(module) in FRAMEWORKS:
        return False
    return module == "grassroots_app.domain" or module.startswith("grassroots_app.domain.") or (
        top(module) in sys.stdlib_module_names
    )


def test_the_checker_resolves_and_flags_imports() -> None:
    source = "import PySide6.QtCore\nfrom sqlalchemy import select\nfrom . import text\nfrom .model import Level\n"
    modules = list(modules_in(source, "grassroots_app.domain"))
    assert modules == ["PySide6.QtCore", "sqlalchemy", "grassroots_app.domain", "grassroots_app.domain.model"]
    assert [allowed_in_domain(module) for module in modules] == [False, False, True, True]
    assert not allowed_in_domain("grassroots_app.persistence.tables")
    assert not allowed_in_domain("platformdirs")
    assert allowed_in_domain("__future__") and allowed_in_domain("collections.abc")


def test_the_package_is_found() -> None:
    assert len(source_files(PACKAGE / "domain")) >= 5


@pytest.mark.parametrize("path", source_files(PACKAGE / "domain"), ids=lambda path: path.name)
def test_domain_imports_only_stdlib_and_itself(path: Path) -> None:
    bad = [module for module in imported_modules(path) if not allowed_in_domain(module)]
    assert bad == [], f"{path.name} imports {bad}"


def test_only_persistence_imports_sqlalchemy_or_sqlmodel() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in source_files(PACKAGE)
        if "persistence" not in path.relative_to(PACKAGE).parts
        for module in imported_modules(path)
        if top(module) in SQL
    ]
    assert offenders == []


def test_only_the_ui_imports_pyside6() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in source_files(PACKAGE)
        if "ui" not in path.relative_to(PACKAGE).parts
        for module in imported_modules(path)
        if top(module) == "PySide6"
    ]
    assert offenders == []


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """Return the dotted name of a source file of the package (a package's __init__ is the package)."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Return each module of the package with the modules of the package it imports."""
    paths = {module_name(path, root): path for path in source_files(root)}
    return {
        name: {module for module in imported_modules(path, root, paths) if module in paths and module != name}
        for name, path in paths.items()
    }


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def area(module: str) -> str:
    """Return the part of the application a module belongs to: its package (a top-level module is its own)."""
    return module.split(".")[1] if module.count(".") else module


def package_graph(graph: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Return the module graph folded onto the application's parts, without a part's imports of itself."""
    folded: dict[str, set[str]] = {}
    for module, targets in graph.items():
        part = area(module)
        folded.setdefault(part, set()).update(area(target) for target in targets if area(target) != part)
    return folded


def layer_offences(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Return `module -> imported` for each import the layer rules forbid."""
    offences = []
    for module, targets in sorted(graph.items()):
        source = area(module)
        for target in sorted(targets):
            destination = area(target)
            if destination == source or module == APP:
                continue
            forbidden = (source in MAY_IMPORT and destination not in MAY_IMPORT[source]) or (
                source in CALLERS and destination in CALLED_THROUGH_SERVICES
            )
            if forbidden:
                offences.append(f"{module} -> {target}")
    return offences


def write_package(root: Path, files: dict[str, str]) -> Path:
    """Write a small package of modules (relative path: source) under root; return the package folder."""
    for relative, source in files.items():
        path = root / "grassroots_app" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root / "grassroots_app"


def test_the_graph_checker_flags_layer_breaches_and_cycles(tmp_path: Path) -> None:
    package = write_package(tmp_path, {
        "__init__.py": "",
        "paths.py": "",
        "domain/__init__.py": "",
        "domain/model.py": "import datetime\n",
        "domain/rules.py": "from . import model\n\ndef late():\n    from grassroots_app.services import units\n",
        "persistence/__init__.py": "",
        "persistence/tables.py": "from grassroots_app.domain.model import Level\nfrom grassroots_app import paths\n",
        "services/__init__.py": "",
        "services/units.py": "from ..persistence import tables\nimport grassroots_app.domain.rules\n",
        "reports/__init__.py": "",
        "reports/pdf.py": "from grassroots_app.services.units import figures\n",
        "spreadsheets/__init__.py": "",
        "spreadsheets/reading.py": "",
        "ui/__init__.py": "",
        "ui/panel.py": "from grassroots_app.persistence.tables import Row\nfrom grassroots_app.services import units\n",
        "cli/__init__.py": "from grassroots_app.cli import sheets\n",
        "cli/sheets.py": "from grassroots_app.cli import main\nfrom grassroots_app.spreadsheets import reading\n",
    })
    graph = import_graph(package)
    assert graph["grassroots_app.domain.rules"] == {"grassroots_app.domain.model", "grassroots_app.services.units"}
    assert graph["grassroots_app.persistence.tables"] == {"grassroots_app.domain.model", "grassroots_app.paths"}
    assert graph["grassroots_app.cli.sheets"] == {"grassroots_app.cli", "grassroots_app.spreadsheets.reading"}
    assert layer_offences(graph) == [
        "grassroots_app.domain.rules -> grassroots_app.services.units",
        "grassroots_app.reports.pdf -> grassroots_app.services.units",
        "grassroots_app.ui.panel -> grassroots_app.persistence.tables",
    ]
    assert cycles(graph) == [
        ["grassroots_app.cli", "grassroots_app.cli.sheets"],
        ["grassroots_app.domain.rules", "grassroots_app.services.units"],
    ]
    assert cycles(package_graph(graph)) == [["domain", "persistence", "services"]]


def test_the_application_graph_is_found() -> None:
    graph = import_graph()
    assert len(graph) >= 100
    assert "grassroots_app.domain.model" in graph["grassroots_app.domain.hierarchy"]


def test_each_layer_imports_only_what_it_may() -> None:
    assert layer_offences(import_graph()) == []


def test_no_import_cycle_between_modules() -> None:
    assert cycles(import_graph()) == []


def test_no_import_cycle_between_packages() -> None:
    assert cycles(package_graph(import_graph())) == []
