"""Layering: the domain imports no framework; only persistence touches SQL; only the UI touches Qt."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "grassroots_app"
FRAMEWORKS = {"PySide6", "sqlalchemy", "sqlmodel", "reportlab", "openpyxl", "alembic"}
SQL = {"sqlalchemy", "sqlmodel"}


def modules_in(source: str, package: str) -> Iterator[str]:
    """Yield every absolute module name the source imports, relative imports resolved."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                yield ".".join(base + ([node.module] if node.module else []))
            elif node.module:
                yield node.module


def imported_modules(path: Path) -> list[str]:
    """Return the modules a file of the package imports."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return list(modules_in(path.read_text(encoding="utf-8"), package))


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
