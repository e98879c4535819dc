"""The frozen build cannot miss a file: everything the code reads at run time is listed in the PyInstaller spec.

Files of the source tree are reached only through grassroots_app/paths.py, whose every folder must be one the
spec bundles; a third-party package with data files must be either collected by the spec, collected by
PyInstaller's hooks, or known not to be read. The spec's lists are read from its text, as plain literals.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import grassroots_app
from grassroots_app import paths

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "grassroots.spec"
PACKAGE = ROOT / "grassroots_app"
CODE_SUFFIXES = {".py", ".pyc", ".pyi", ".so", ".pyd", ".dll", ".dylib"}
NOT_LOCATORS = {"is_frozen", "resource_root"}
STDLIB_DATA = {"zoneinfo": "tzdata"}  # standard modules that read a package's data (on Windows)
DEVELOPMENT_TOOLS = {"i18n_update.py"}  # finds the messages in the source: never run by the installed application


def spec_literals() -> dict[str, Any]:
    """Return the spec's top-level assignments of plain literals, by name."""
    found = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


SPEC_LISTS = spec_literals()


def locators() -> list[Callable[[], Path]]:
    """Return paths.py's functions that give the place of a resource."""
    return [
        function
        for name, function in inspect.getmembers(paths, inspect.isfunction)
        if function.__module__ == paths.__name__ and name not in NOT_LOCATORS and not name.startswith("_")
    ]


def bundled_folder(path: Path) -> str | None:
    """Return the spec's resource folder holding a path below the source tree, if any."""
    relative = path.resolve().relative_to(ROOT).as_posix()
    return next((folder for folder in SPEC_LISTS["RESOURCE_FOLDERS"]
                 if relative == folder or relative.startswith(folder + "/")), None)


def imported_packages(folder: Path) -> set[str]:
    """Return the top-level names of every module imported by the Python files below a folder."""
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


def data_files(package: str) -> list[Path]:
    """Return the files of an installed package that are neither code nor its packaging metadata."""
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations, package
    return [
        path
        for location in spec.submodule_search_locations
        for path in Path(location).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.name != "py.typed"
        and path.suffix not in CODE_SUFFIXES and ".so." not in path.name
    ]


def third_party_packages() -> set[str]:
    """Return the installed packages the application and its migrations import, with those read through stdlib."""
    imported = imported_packages(PACKAGE) | imported_packages(ROOT / "db")
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "grassroots_app"}
    return third_party | {package for module, package in STDLIB_DATA.items() if module in imported}


def test_the_spec_lists_are_read() -> None:
    assert {"RESOURCE_FOLDERS", "PACKAGE_DATA", "HOOKED_DATA", "UNREAD_DATA"} <= SPEC_LISTS.keys()
    assert len(locators()) >= 5


@pytest.mark.parametrize("locate", locators(), ids=lambda function: function.__name__)
def test_every_resource_location_is_bundled(locate: Callable[[], Path]) -> None:
    location = locate()
    assert location.exists(), f"{locate.__name__}() gives {location}, which does not exist"
    assert bundled_folder(location), f"{locate.__name__}() gives {location}, in no RESOURCE_FOLDERS of the spec"


def test_every_bundled_folder_exists() -> None:
    assert [folder for folder in SPEC_LISTS["RESOURCE_FOLDERS"] if not (ROOT / folder).is_dir()] == []


def test_no_module_finds_files_beside_itself() -> None:
    """Only paths.py turns the code's own place into a path; every other module asks it."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in DEVELOPMENT_TOOLS or path == Path(paths.__file__).resolve():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and node.id in {"__file__", "resource_root", "_MEIPASS"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.id}")
            elif isinstance(node, ast.Attribute) and node.attr == "_MEIPASS":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} _MEIPASS")
    assert offenders == []


def test_every_package_with_data_files_is_accounted_for() -> None:
    accounted = SPEC_LISTS["PACKAGE_DATA"].keys() | SPEC_LISTS["HOOKED_DATA"].keys() | SPEC_LISTS["UNREAD_DATA"].keys()
    unaccounted = sorted(package for package in third_party_packages() if data_files(package)
                         and package not in accounted)
    assert unaccounted == [], "add each to PACKAGE_DATA, HOOKED_DATA or UNREAD_DATA in packaging/grassroots.spec"


def test_the_spec_lists_only_packages_the_application_uses() -> None:
    lists = ("PACKAGE_DATA", "HOOKED_DATA", "UNREAD_DATA")
    listed = {package for name in lists for package in SPEC_LISTS[name]}
    assert sorted(listed - third_party_packages()) == []
    assert sum(len(SPEC_LISTS[name]) for name in lists) == len(listed), "a package is in two lists"


@pytest.mark.parametrize("package", sorted(SPEC_LISTS["PACKAGE_DATA"]))
def test_each_collected_pattern_finds_files(package: str) -> None:
    files = data_files(package)
    root = Path(importlib.util.find_spec(package).submodule_search_locations[0])  # type: ignore[union-attr]
    patterns = SPEC_LISTS["PACKAGE_DATA"][package] or ["**/*"]
    assert all(any(path.relative_to(root).match(pattern) for path in files) for pattern in patterns)


def test_the_vietnamese_holiday_names_are_collected() -> None:
    root = Path(importlib.util.find_spec("holidays").submodule_search_locations[0])  # type: ignore[union-attr]
    assert (root / "locale" / "vi" / "LC_MESSAGES" / "VN.mo").is_file()


def test_the_package_version_is_the_one_in_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        assert grassroots_app.__version__ == tomllib.load(file)["project"]["version"]
