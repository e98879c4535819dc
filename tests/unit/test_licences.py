"""The licences of what the frozen program bundles, and the third-party notices packaging/notices.py writes."""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]

# Each runtime package, reviewed by hand from its metadata and licence files: what its metadata declares
# (License-Expression, else the License field, else its licence classifiers; vietnam-provinces declares
# nothing in its wheel, its pyproject.toml says GPL-3.0-or-later) and the SPDX licence that declaration means.
REVIEWED = {
    "alembic": ("MIT", "MIT"),
    "annotated-types": ("MIT", "MIT"),
    "backports-tarfile": ("MIT License", "MIT"),
    "cffi": ("MIT-0", "MIT-0"),
    "charset-normalizer": ("MIT", "MIT"),
    # cryptography's wheel also carries OpenSSL (Apache-2.0); the package may be taken under either licence.
    "cryptography": ("Apache-2.0 OR BSD-3-Clause", "BSD-3-Clause"),
    "et-xmlfile": ("MIT", "MIT"),
    "holidays": ("MIT", "MIT"),
    "icalendar": ("BSD-2-Clause", "BSD-2-Clause"),
    "importlib-metadata": ("Apache-2.0", "Apache-2.0"),
    "jaraco-classes": ("MIT License", "MIT"),
    "jaraco-context": ("MIT", "MIT"),
    "jaraco-functools": ("MIT", "MIT"),
    "jeepney": ("MIT", "MIT"),
    "keyring": ("MIT", "MIT"),
    "lazy-importer": ("Apache-2.0", "Apache-2.0"),
    "mako": ("MIT", "MIT"),
    "markupsafe": ("BSD-3-Clause", "BSD-3-Clause"),
    "more-itertools": ("MIT", "MIT"),
    "openpyxl": ("MIT", "MIT"),
    "pillow": ("MIT-CMU", "MIT-CMU"),
    "platformdirs": ("MIT", "MIT"),
    # psycopg-binary also carries libpq (PostgreSQL licence) and, on Linux, OpenSSL (Apache-2.0), Kerberos (MIT)
    # and OpenLDAP (OpenLDAP Public License 2.8) libraries: all GPL-3.0-compatible.
    "psycopg": ("LGPL-3.0-only", "LGPL-3.0-only"),
    "psycopg-binary": ("LGPL-3.0-only", "LGPL-3.0-only"),
    "pycparser": ("BSD-3-Clause", "BSD-3-Clause"),
    "pydantic": ("MIT", "MIT"),
    "pydantic-core": ("MIT", "MIT"),
    "pypdfium2": ("BSD-3-Clause, Apache-2.0, dependency licenses", "BSD-3-Clause AND Apache-2.0"),
    "pyside6-essentials": ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "LGPL-3.0-only"),
    "python-calamine": ("MIT", "MIT"),
    "python-dateutil": ("Dual License", "Apache-2.0 AND BSD-3-Clause"),
    "pywin32-ctypes": ("BSD-3-Clause", "BSD-3-Clause"),
    "reportlab": ("BSD license (see license.txt for details), Copyright (c) 2000-2025, ReportLab Inc.",
                  "BSD-3-Clause"),
    "rl-accel": ("BSD license (see LICENSE.txt for details), Copyright (c) 2000-2022, ReportLab Inc.",
                 "BSD-3-Clause"),
    "secretstorage": ("BSD-3-Clause", "BSD-3-Clause"),
    "shiboken6": ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "LGPL-3.0-only"),
    "six": ("MIT", "MIT"),
    "sqlalchemy": ("MIT", "MIT"),
    "sqlmodel": ("MIT", "MIT"),
    "typing-extensions": ("PSF-2.0", "PSF-2.0"),
    "typing-inspection": ("MIT", "MIT"),
    "tzdata": ("Apache-2.0", "Apache-2.0"),
    "vietnam-provinces": ("GPL-3.0-or-later", "GPL-3.0-or-later"),
    "zipp": ("MIT", "MIT"),
}
# The packages needed on some systems or Pythons only (keyring's), as their requirements' markers say.
ONLY_WHERE = {
    "backports-tarfile": 'python_version < "3.12"',
    "importlib-metadata": 'python_version < "3.12"',
    "lazy-importer": 'python_version < "3.12"',
    "zipp": 'python_version < "3.12"',
    "secretstorage": 'sys_platform == "linux"',
    "jeepney": 'sys_platform == "linux"',
    "cryptography": 'sys_platform == "linux"',
    "cffi": 'sys_platform == "linux"',
    "pycparser": 'sys_platform == "linux"',
    "pywin32-ctypes": 'sys_platform == "win32"',
}
NEEDED_HERE = {name for name in REVIEWED if name not in ONLY_WHERE or Marker(ONLY_WHERE[name]).evaluate()}

# Licences a GPL-3.0-or-later program may bundle (the FSF's list of GPLv3-compatible licences; MIT-0 is MIT
# without even its notice condition).
COMPATIBLE_WITH_GPL3 = {"MIT", "MIT-0", "MIT-CMU", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "PSF-2.0", "MPL-2.0",
                        "ISC", "Zlib", "LGPL-3.0-only", "LGPL-3.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later"}


def load_packaging(name: str) -> ModuleType:
    """Import a module of packaging/ (the folder is not a package: `packaging` is also a PyPI name)."""
    spec = importlib.util.spec_from_file_location(f"grassroots_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


notices = load_packaging("notices")
source_archive = load_packaging("source_archive")


def runtime_closure(name: str) -> set[str]:
    """Return the canonical names of the packages `name` needs at run time (extras and other platforms left out)."""
    found: set[str] = set()
    pending = [name]
    while pending:
        for line in metadata.distribution(pending.pop()).requires or []:
            requirement = Requirement(line)
            marker = requirement.marker or Marker("python_version >= '3'")
            if marker.evaluate({"extra": ""}) and canonicalize_name(requirement.name) not in found:
                found.add(canonicalize_name(requirement.name))
                pending.append(requirement.name)
    return found


def test_the_reviewed_table_is_every_package_the_program_needs_at_run_time() -> None:
    assert runtime_closure("grassroots") == NEEDED_HERE, "review the licence of each new package in REVIEWED"


@pytest.mark.parametrize("name", sorted(NEEDED_HERE))
def test_a_bundled_package_declares_the_reviewed_licence_compatible_with_gpl3(name: str) -> None:
    declared, spdx = REVIEWED[name]
    distribution = metadata.distribution(name)
    assert notices.unknown_licences([distribution]) == []
    assert notices.declared_licence(distribution) == declared
    assert set(spdx.split(" AND ")) <= COMPATIBLE_WITH_GPL3


def fake_distribution(folder: Path, name: str, fields: str, files: dict[str, str]) -> metadata.Distribution:
    """Write a dist-info folder for a package of version 1.0 and return it as an installed distribution."""
    info = folder / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.4\nName: {name}\nVersion: 1.0\n{fields}", encoding="utf-8")
    for path, text in files.items():
        (info / path).parent.mkdir(parents=True, exist_ok=True)
        (info / path).write_text(text, encoding="utf-8")
    record = [f"{info.name}/{path},," for path in ["METADATA", *files]]
    (info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")
    return next(metadata.distributions(name=name, path=[str(folder)]))


def test_a_package_declaring_no_licence_and_carrying_no_licence_file_is_unknown(tmp_path: Path) -> None:
    silent = fake_distribution(tmp_path, "silent", "", {})
    expressed = fake_distribution(tmp_path, "expressed", "License-Expression: MIT\n", {})
    isc = "Classifier: License :: OSI Approved :: ISC License (ISCL)\n"
    classified = fake_distribution(tmp_path, "classified", isc, {})
    with_file = fake_distribution(tmp_path, "with-file", "License-File: COPYING\n", {"licenses/COPYING": "Free."})
    assert notices.unknown_licences([silent, expressed, classified, with_file]) == ["silent 1.0"]
    assert notices.declared_licence(classified) == "ISC License (ISCL)"
    assert notices.licence_files(with_file) == [("COPYING", "Free.")]
    with pytest.raises(SystemExit, match="silent 1.0"):
        notices.notices_text([silent])


@pytest.fixture(scope="module")
def text() -> str:
    """The notices of every reviewed package, as the build writes them."""
    return notices.notices_text([metadata.distribution(name) for name in sorted(NEEDED_HERE)])


@pytest.mark.parametrize("name", sorted(NEEDED_HERE))
def test_the_notices_name_each_bundled_package_with_its_version(text: str, name: str) -> None:
    distribution = metadata.distribution(name)
    assert f"{distribution.metadata['Name']} {distribution.version}" in text


def test_the_notices_tell_how_to_replace_the_qt_libraries(text: str) -> None:
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    for words in [r"_internal\PySide6", "may replace", "https://download.qt.io/official_releases/qt/",
                  "https://code.qt.io/cgit/pyside/pyside-setup.git/"]:
        assert words in text


def test_the_notices_carry_the_fonts_and_official_lists_licences(text: str) -> None:
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "https://github.com/sunshine-tech/VietnamProvinces" in text and "GPL-3.0-or-later" in text


def test_a_folder_of_the_build_that_no_named_package_owns_is_reported(tmp_path: Path) -> None:
    for name in ["sqlalchemy", "sqlalchemy-2.1.9.dist-info", "resources", "db", "python3.11", "mystery"]:
        (tmp_path / name).mkdir()
    assert notices.unnamed_folders(tmp_path, [metadata.distribution("SQLAlchemy")]) == ["mystery"]


SOURCE_TREE = {".gitignore": ".venv/\n__pycache__/\n*.sqlite\nbenchmarks/out/\n# a comment\n", "LICENSE": "GPL",
               "grassroots_app/cli.py": "print()", "grassroots_app/__pycache__/cli.pyc": "x",
               ".venv/lib/site.py": "x", "Sổ cơ sở.sqlite": "db", "resources/official/README.md": "lists",
               "benchmarks/run.py": "run", "benchmarks/out/result.json": "{}"}
SOURCE_KEPT = ["grassroots/.gitignore", "grassroots/LICENSE", "grassroots/benchmarks/run.py",
               "grassroots/grassroots_app/cli.py", "grassroots/resources/official/README.md"]


def archived(project: Path, tmp_path: Path) -> list[str]:
    """Write the source archive of a project folder and return the names in it."""
    build = tmp_path / "build"
    build.mkdir()
    archive = source_archive.write_source(build, project)
    assert archive == build / "SOURCE-CODE.zip"
    with zipfile.ZipFile(archive) as opened:
        assert opened.read("grassroots/grassroots_app/cli.py") == b"print()"
        return sorted(opened.namelist())


def a_project(tmp_path: Path, files: dict[str, str]) -> Path:
    """Return a project folder holding these files."""
    project = tmp_path / "project"
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    return project


def test_the_build_carries_the_projects_source_without_environments_builds_or_databases(tmp_path: Path) -> None:
    """A copy without git (as the Windows check builds in): the folder less what .gitignore names."""
    project = a_project(tmp_path, {**SOURCE_TREE, ".git/HEAD": "ref"})
    assert archived(project, tmp_path) == SOURCE_KEPT


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_in_a_git_work_tree_the_source_is_what_git_lists(tmp_path: Path) -> None:
    """Git's own rules apply, a nested .gitignore included."""
    project = a_project(tmp_path, {**SOURCE_TREE, "resources/.gitignore": "private.xlsx\n",
                                   "resources/private.xlsx": "members"})
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    assert archived(project, tmp_path) == sorted([*SOURCE_KEPT, "grassroots/resources/.gitignore"])
