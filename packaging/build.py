"""Build the one-folder application with packaging/grassroots.spec, then check the frozen build.

    python3 packaging/build.py          (Linux)      py packaging\\build.py          (Windows)

Sets up `.venv` as run.py does, adds the pinned build tools of packaging/requirements-build.txt, runs
PyInstaller into dist/Grassroots, then runs the frozen `grassroots-app --self-check` (headless: Qt's offscreen
platform), checks that it fails and names a bundled font once that font is taken away, that the licence, the
third-party notices and the source archive are at the build's root, and runs the frozen `grassroots` command line
on a scratch database. With `--installer`, NSIS's makensis then compiles
packaging/grassroots.nsi into dist/Grassroots-<version>-setup.exe. Prints the build time and the sizes; exits 1
on any failure. Only the standard library is used here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

import notices  # noqa: E402 - packaging/notices.py: the names of the licence and notices files
import source_archive  # noqa: E402 - packaging/source_archive.py: the name of the source archive

import run  # noqa: E402 - the repository's own bootstrap: creates .venv from requirements.lock
from grassroots_app.console import run_without_window, utf8_streams  # noqa: E402 - standard library only

SPEC = ROOT / "packaging" / "grassroots.spec"
INSTALLER_SCRIPT = ROOT / "packaging" / "grassroots.nsi"
BUILD_REQUIREMENTS = ROOT / "packaging" / "requirements-build.txt"
APP_NAME = "Grassroots"  # the spec's folder name
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
PROBE_FONT = Path("resources") / "fonts" / "LiberationSerif-Bold.ttf"  # taken away to see the check fail
# Written by the spec with packaging/notices.py and packaging/source_archive.py.
NOTICE_FILES = [notices.LICENSE_NAME, notices.NOTICES_NAME, source_archive.SOURCE_NAME]


def build(python: Path, dist: Path, work: Path) -> float:
    """Install the build tools, run PyInstaller into `dist` and return the seconds it took."""
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(BUILD_REQUIREMENTS)], check=True)
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
    return time.perf_counter() - start


def folder_size(folder: Path) -> int:
    """Return the bytes of every file below a folder."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def headless_environment() -> dict[str, str]:
    """Return this environment without a Qt platform or display: the self-check must choose offscreen itself."""
    return {key: value for key, value in os.environ.items() if key not in {"QT_QPA_PLATFORM", "DISPLAY"}}


def self_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """Run the frozen `grassroots-app --self-check` of a one-folder build and return what it did."""
    app = folder / f"grassroots-app{EXE_SUFFIX}"
    return run_without_window([str(app), "--self-check"], capture_output=True, text=True, encoding="utf-8",
                              env=headless_environment(), timeout=300)


def check_frozen(folder: Path) -> list[str]:
    """Run the frozen self-check; return the problems found."""
    result = self_check(folder)
    print(result.stdout + result.stderr)
    return [] if result.returncode == 0 else [f"the frozen self-check exited {result.returncode}"]


def check_notices(folder: Path) -> list[str]:
    """Check that the licence and the third-party notices are at the root of the folder; return the problems."""
    return [f"{name} is not at the root of {folder}" for name in NOTICE_FILES if not (folder / name).is_file()]


def check_missing_font(folder: Path) -> list[str]:
    """Take a font out of the bundle, run the self-check (it must exit 1 naming the font), put it back."""
    font = next(folder.rglob(PROBE_FONT.name))
    aside = font.with_name(font.name + ".aside")
    font.rename(aside)
    try:
        result = self_check(folder)
    finally:
        aside.rename(font)
    print(f"Without {font.relative_to(folder)}: exit {result.returncode}")
    print("\n".join(line for line in result.stdout.splitlines() if "✗" in line))
    if result.returncode != 1 or PROBE_FONT.name not in result.stdout:
        return [f"without {PROBE_FONT.name} the self-check exited {result.returncode} and did not name it"]
    return []


def check_command_line(folder: Path) -> list[str]:
    """Run the frozen `grassroots` command on a scratch database: create it, import a province, count the gaps."""
    cli = str(folder / f"grassroots{EXE_SUFFIX}")
    with tempfile.TemporaryDirectory(prefix="grassroots-build-") as folder:
        database = str(Path(folder) / "cli.sqlite")
        commands = [["init", "--model", "two-level"], ["units", "import-official", "--province", "Lai Châu"],
                    ["coverage"]]
        for command in commands:
            result = run_without_window([cli, "--db", database, *command], capture_output=True, text=True,
                                        encoding="utf-8", timeout=300)
            print(f"$ grassroots {' '.join(command)}: exit {result.returncode}")
            print((result.stdout + result.stderr).strip()[:400])
            if result.returncode != 0:
                return [f"the frozen `grassroots {' '.join(command)}` exited {result.returncode}"]
    return []


def version() -> str:
    """Return the version in pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def version_numbers(text: str) -> str:
    """Return the four numbers Windows wants from a version ("0.1.0" -> "0.1.0.0")."""
    numbers = [part for part in text.split(".") if part.isdigit()][:4]
    return ".".join(numbers + ["0"] * (4 - len(numbers)))


def makensis() -> str:
    """Return NSIS's compiler: on the PATH, or where NSIS installs itself on Windows."""
    found = shutil.which("makensis")
    if found:
        return found
    default = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "NSIS" / "makensis.exe"
    if default.is_file():
        return str(default)
    raise SystemExit("makensis not found: install NSIS 3 (https://nsis.sourceforge.io) or put it on the PATH")


def build_installer(folder: Path, target: str | None = None) -> Path:
    """Compile the installer of a one-folder build, warnings counted as errors; return its path.

    `target` is NSIS's (x86-unicode by default; amd64-unicode for packaging/windows/check.py, whose Wine runs
    no 32-bit programs).
    """
    options = [f"-XTarget {target}"] if target else []
    text = version()
    defines = {"VERSION": text, "VERSION_NUMBERS": version_numbers(text), "SOURCE_DIR": str(folder.resolve()),
               "OUTPUT_DIR": str(folder.parent.resolve())}
    subprocess.run([makensis(), "-V2", "-WX", *options, *(f"-D{key}={value}" for key, value in defines.items()),
                    str(INSTALLER_SCRIPT)], check=True)
    return folder.parent / f"Grassroots-{text}-setup.exe"


def main(argv: list[str]) -> int:
    """Build, measure and check; return 0 when the frozen build passed every check."""
    utf8_streams()  # the frozen program's Vietnamese output is printed again here
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder goes (default: dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--no-build", action="store_true", help="only check the folder already built")
    parser.add_argument("--installer", action="store_true", help="then compile the NSIS installer")
    arguments = parser.parse_args(argv)
    python = run.ensure_environment()
    seconds = None if arguments.no_build else build(python, arguments.dist, arguments.work)
    folder = arguments.dist / APP_NAME
    problems = check_notices(folder) + check_frozen(folder) + check_missing_font(folder) + check_command_line(folder)
    if seconds is not None:
        print(f"Build time: {seconds:.0f} s")
    print(f"{folder}: {folder_size(folder) / 2**20:.0f} MiB")
    if arguments.installer and not problems:
        installer = build_installer(folder)
        print(f"{installer}: {installer.stat().st_size / 2**20:.0f} MiB")
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
