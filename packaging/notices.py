"""Write LICENSE.txt and THIRD-PARTY-NOTICES.txt into the one-folder build, from the installed packages' metadata.

grassroots.spec calls `write_notices` once PyInstaller has collected the folder, with the packages it collected
(`bundled_distributions` maps the collected modules and files to the installed distributions). For each
package the notices give its name, version, declared licence (License-Expression, else the License field, else
its licence classifiers), home page and every licence file its wheel carries; then the parts that are not
Python packages: Qt for Python under the LGPL-3.0 with how to replace the Qt libraries, the Python interpreter,
PyInstaller's bootloader, the fonts and the official lists of units. A package whose licence is unknown stops
the build, and so does a folder of _internal that no package named owns. Only the standard library is used here.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "grassroots"
LICENSE_NAME = "LICENSE.txt"
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
LGPL_TEXT = ROOT / "packaging" / "licences" / "LGPL-3.0.txt"
FONT_LICENCE = ROOT / "resources" / "fonts" / "LICENSE-LiberationSerif.txt"
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|copyright)", re.IGNORECASE)
OWN_FOLDERS = {"db", "resources"}  # the project's files, the fonts and the pre-2025 list: sections of their own
PYTHON_FOLDER = re.compile(r"^(python3\.\d+|lib-dynload)$")  # the standard library's extension modules (Linux)
RULE = "=" * 100
NO_LICENCE_FILE = "The licence named above applies: the GPL-3.0 text is LICENSE.txt, the LGPL-3.0 text ends this file."

# Packages whose wheel declares no licence and carries no licence file: the licence their project declares.
DECLARED_ELSEWHERE = {
    "vietnam-provinces": "GPL-3.0-or-later",  # `license` of its pyproject.toml; its 2025.10.1 wheel says nothing
}

QT = """Qt for Python (PySide6-Essentials {pyside}, shiboken6 {pyside}) and the Qt 6 libraries it carries are used
under the GNU Lesser General Public License, version 3 (LGPL-3.0-only; The Qt Company also offers them under
GPL-2.0-only or GPL-3.0-only). The LGPL-3.0 text is at the end of this file; the GPL-3.0 it adds to is
LICENSE.txt.

Replacing the Qt libraries. Grassroots loads Qt and PySide6 from separate files when it starts: in the
program folder, the Qt libraries (Qt6Core.dll, Qt6Gui.dll, Qt6Widgets.dll, ..., their plugins under
plugins\\ and translations under translations\\) and PySide6's modules (QtCore.pyd, QtGui.pyd, ...) are in
_internal\\PySide6, and shiboken6's in _internal\\shiboken6 (on Linux: _internal/PySide6/Qt/lib and
_internal/shiboken6). You may replace them with your own or modified builds compatible with Qt 6.11 and
PySide6 {pyside} (the same version of the interfaces, built with the same compiler): close Grassroots, copy
your files over those of the same names, and start it again. You may also reverse-engineer Grassroots to
debug such modifications. The source of Qt is offered at https://download.qt.io/official_releases/qt/
(Qt 6.11), the source of PySide6 and shiboken6 at https://code.qt.io/cgit/pyside/pyside-setup.git/ (tag
v{pyside}). The third-party components inside Qt (FreeType, HarfBuzz, libpng, PCRE2, zlib and others) and
their licences are listed at https://doc.qt.io/qt-6/licenses-used-in-qt.html."""

PYTHON = """The Python {version} interpreter and its standard library (python3*.dll or libpython3*, base_library.zip
and the extension modules in _internal) are distributed under the Python Software Foundation License
(PSF-2.0), https://docs.python.org/3/license.html, which also gives the licences of the libraries the
interpreter is built with (OpenSSL: Apache-2.0; libffi, expat: MIT; SQLite: public domain; zlib, bzip2,
liblzma). On Windows the Microsoft Visual C++ runtime files beside
them (vcruntime140*.dll, msvcp140*.dll) are redistributable under Microsoft's licence terms for Visual Studio.
A Linux build also carries system libraries of the machine it was built on, each under the licence its
distribution states (on Debian: /usr/share/doc/<package>/copyright)."""

BOOTLOADER = """grassroots-app.exe and grassroots.exe start with PyInstaller's bootloader (PyInstaller {version},
https://pyinstaller.org): GPL-2.0-or-later with PyInstaller's bootloader exception, which allows it to be
distributed with programs under any licence."""

DATA = """The official lists of administrative units. The post-July-2025 list (34 provinces and their communes) is
the data of the package vietnam-provinces (in _internal\\vietnam_provinces\\data); the pre-July-2025 list
(63 provinces, 696 districts, 10,051 communes, in _internal\\resources\\official) is converted from
vietnam-provinces 0.6.0 (resources/official/README.md in the source tells how). Both are by Nguyễn Hồng Quân,
https://github.com/sunshine-tech/VietnamProvinces (https://pypi.org/project/vietnam-provinces/), under the
GNU General Public License, version 3 or later (GPL-3.0-or-later; text in LICENSE.txt). The names and codes
themselves are the State's official list, published by the General Statistics Office of Viet Nam
(https://danhmuchanhchinh.gso.gov.vn/).

The fonts. Liberation Serif 2.1.5 (in _internal\\resources\\fonts, embedded in the PDF reports),
https://github.com/liberationfonts/liberation-fonts, under the SIL Open Font License 1.1:"""


def canonical(name: str) -> str:
    """Return a package name as PyPI compares it ("PySide6_Essentials" -> "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_licence(distribution: metadata.Distribution) -> str | None:
    """Return the licence a package declares: License-Expression, a one-line License field, or its classifiers."""
    fields = distribution.metadata
    expression = (fields.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (fields.get("License") or "").strip()
    if field and "\n" not in field and field.upper() != "UNKNOWN":
        return field
    classifiers = [item.split(" :: ")[-1] for item in fields.get_all("Classifier") or []
                   if item.startswith("License ::")]
    return " / ".join(classifiers) or DECLARED_ELSEWHERE.get(canonical(fields["Name"]))


def licence_files(distribution: metadata.Distribution) -> list[tuple[str, str]]:
    """Return (name, text) of each licence file in a package's .dist-info (its licenses/ folder or License-File)."""
    found = []
    for path in distribution.files or []:
        parts = PurePosixPath(path).parts
        if len(parts) < 2 or not parts[0].endswith(".dist-info"):
            continue
        inside = parts[2:] if parts[1] == "licenses" else parts[1:]
        if parts[1] == "licenses" or LICENCE_FILE.match(parts[-1]):
            text = path.locate().read_text(encoding="utf-8", errors="replace").strip()
            found.append(("/".join(inside), text))
    return sorted(found)


def label(distribution: metadata.Distribution) -> str:
    """Return "Name version" of a package."""
    return f"{distribution.metadata['Name']} {distribution.version}"


def unknown_licences(distributions: Iterable[metadata.Distribution]) -> list[str]:
    """Return "Name version" of each package that declares no licence and carries no licence file."""
    return [label(item) for item in distributions if declared_licence(item) is None and not licence_files(item)]


def home_page(distribution: metadata.Distribution) -> str:
    """Return a package's home page: Home-page, else its Homepage, Source or Repository URL, else any URL."""
    fields = distribution.metadata
    urls = dict(item.split(", ", 1) for item in fields.get_all("Project-URL") or [] if ", " in item)
    preferred = [fields.get("Home-page")] + [value for key, value in urls.items()
                                             if key.lower() in {"homepage", "source", "repository"}]
    return next((url for url in preferred + list(urls.values()) if url), "(none declared)")


def installed() -> dict[str, metadata.Distribution]:
    """Return every installed distribution by canonical name (the first on the path when one is there twice)."""
    found: dict[str, metadata.Distribution] = {}
    for distribution in metadata.distributions():
        found.setdefault(canonical(distribution.metadata["Name"]), distribution)
    return found


def top_level(destination: str) -> str:
    """Return the first folder of a bundled file, or the top-level module of a module or single file."""
    parts = re.split(r"[\\/]", destination)
    return parts[0] if len(parts) > 1 else parts[0].split(".")[0]


def top_levels(distribution: metadata.Distribution) -> set[str]:
    """Return the top-level folders and modules of an installed package's files."""
    return {top_level(str(path)) for path in distribution.files or [] if path.parts[0] not in {"..", "__pycache__"}}


def bundled_distributions(destinations: Iterable[str]) -> list[metadata.Distribution]:
    """Return the installed packages (the project left out) owning the modules and files a build collected."""
    collected = {top_level(item) for item in destinations}
    distributions = installed()
    names = {name for name, item in distributions.items() if top_levels(item) & collected} - {PROJECT}
    return [distributions[name] for name in sorted(names)]


def unnamed_folders(internal: Path, distributions: list[metadata.Distribution]) -> list[str]:
    """Return the top-level folders of a build's _internal that belong to none of the packages named."""
    named = set().union(*(top_levels(item) for item in distributions)) | OWN_FOLDERS
    return sorted(path.name for path in internal.iterdir()
                  if path.is_dir() and path.name not in named and not PYTHON_FOLDER.match(path.name))


def optional_distribution(name: str) -> metadata.Distribution | None:
    """Return an installed distribution, or None when it is not installed."""
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


def python_licence() -> str:
    """Return the text of the running Python's LICENSE.txt (Windows: the install's root; Linux: the stdlib's)."""
    for folder in (Path(sys.base_prefix), Path(sysconfig.get_paths()["stdlib"])):
        if (folder / "LICENSE.txt").is_file():
            return (folder / "LICENSE.txt").read_text(encoding="utf-8", errors="replace").strip()
    return "(LICENSE.txt of this Python was not found: see https://docs.python.org/3/license.html)"


def section(title: str, body: str) -> str:
    """Return a titled section of the notices."""
    return f"{RULE}\n{title}\n{RULE}\n\n{body.strip()}\n"


def package_section(distribution: metadata.Distribution) -> str:
    """Return a package's section: its declared licence, home page and licence files."""
    files = licence_files(distribution) or [("(no licence file in the wheel)", NO_LICENCE_FILE)]
    texts = "\n\n".join(f"---- {name} ----\n\n{text}" for name, text in files)
    body = f"Licence: {declared_licence(distribution)}\nHome page: {home_page(distribution)}\n\n{texts}"
    return section(label(distribution), body)


def summary(distributions: list[metadata.Distribution]) -> str:
    """Return the table of the bundled packages: name and version, licence, home page."""
    rows = [f"{label(item):34} {str(declared_licence(item))[:60]:60}  {home_page(item)}" for item in distributions]
    return "\n".join([f"{'Package':34} {'Licence':60}  Home page", *rows])


def non_python_parts() -> str:
    """Return the sections of Qt, the Python interpreter, PyInstaller's bootloader, the fonts and the data."""
    pyside = optional_distribution("PySide6-Essentials")
    bootloader = optional_distribution("pyinstaller")
    parts = [section("Qt and Qt for Python (LGPL-3.0)", QT.format(pyside=pyside.version if pyside else "6")),
             section(f"Python {sys.version.split()[0]}", PYTHON.format(version=sys.version.split()[0])
                     + "\n\n" + python_licence())]
    if bootloader is not None:
        texts = "\n\n".join(text for _, text in licence_files(bootloader))
        parts.append(section("PyInstaller's bootloader",
                             BOOTLOADER.format(version=bootloader.version) + "\n\n" + texts))
    parts.append(section("The official lists of units and the fonts",
                         DATA + "\n\n" + FONT_LICENCE.read_text(encoding="utf-8").strip()))
    return "\n".join(parts)


def notices_text(distributions: list[metadata.Distribution]) -> str:
    """Return the third-party notices of a build; exit naming any package whose licence is unknown."""
    unknown = unknown_licences(distributions)
    if unknown:
        raise SystemExit("Không rõ giấy phép của / Unknown licence of: " + ", ".join(unknown))
    project = metadata.distribution(PROJECT)
    head = (f"Grassroots (Nắm cơ sở) {project.version}: third-party notices\n\n"
            "Grassroots is free software under the GNU General Public License, version 3 or (at your option) any\n"
            "later version (GPL-3.0-or-later); its text is LICENSE.txt beside this file. Its complete source code,\n"
            "the one this program was built from, is SOURCE-CODE.zip beside this file (GPL-3.0, section 6).\n\n"
            "It bundles the packages below, each under its own licence (all of them compatible with the GPL-3.0),\n"
            "and the parts described after them.\n")
    packages = "\n".join(package_section(item) for item in distributions)
    lgpl = section("GNU Lesser General Public License, version 3 (Qt, PySide6, shiboken6)",
                   LGPL_TEXT.read_text(encoding="utf-8"))
    return "\n".join([head, summary(distributions) + "\n", non_python_parts(), packages, lgpl])


def write_notices(folder: Path, distributions: list[metadata.Distribution]) -> None:
    """Write LICENSE.txt and THIRD-PARTY-NOTICES.txt (UTF-8, Windows line ends) at the root of a build."""
    text = notices_text(distributions)
    unnamed = unnamed_folders(folder / "_internal", distributions)
    if unnamed:
        raise SystemExit("Thư mục không có trong thông báo giấy phép / Folders the notices do not name: "
                         + ", ".join(unnamed))
    (folder / LICENSE_NAME).write_text((ROOT / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8", newline="\r\n")
    (folder / NOTICES_NAME).write_text(text, encoding="utf-8", newline="\r\n")
