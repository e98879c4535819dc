"""Build the one-folder application with packaging/grassroots.spec, then check the frozen build.

    python3 packaging/build.py          (Linux)      py packaging\\build.py          (Windows)

Sets up `.venv` as run.py does, adds the pinned build tools of packaging/requirements-build.txt, runs
PyInstaller into dist/Grassroots, then runs the frozen `grassroots-app --self-check` (headless: Qt's offscreen
platform), checks that it fails and names a bundled font once that font is taken away, and runs the frozen
`grassroots` command line on a scratch database. Prints the build time and the folder's size; exits 1 on
any failure. Only the standard library is used here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import run  # noqa: E402 - the repository's own bootstrap: creates .venv from requirements.lock

SPEC = ROOT / "packaging" / "grassroots.spec"
BUILD_REQUIREMENTS = ROOT / "packaging" / "requirements-build.txt"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_FOLDER = DIST / "Grassroots"
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
PROBE_FONT = Path("resources") / "fonts" / "LiberationSerif-Bold.ttf"  # taken away to see the check fail


def build(python: Path) -> float:
    """Install the build tools, run PyInstaller and return the seconds it took."""
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(BUILD_REQUIREMENTS)], check=True)
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)], check=True, cwd=ROOT)
    return time.perf_counter() - start


def folder_size(folder: Path) -> int:
    """Return the bytes of every file below a folder."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def headless_environment() -> dict[str, str]:
    """Return this environment without a Qt platform or display: the self-check must choose offscreen itself."""
    return {key: value for key, value in os.environ.items() if key not in {"QT_QPA_PLATFORM", "DISPLAY"}}


def self_check() -> subprocess.CompletedProcess[str]:
    """Run the frozen `grassroots-app --self-check` and return what it did."""
    app = APP_FOLDER / f"grassroots-app{EXE_SUFFIX}"
    return subprocess.run([str(app), "--self-check"], capture_output=True, text=True, encoding="utf-8",
                          env=headless_environment(), timeout=300)


def check_frozen() -> list[str]:
    """Run the frozen self-check; return the problems found."""
    result = self_check()
    print(result.stdout + result.stderr)
    return [] if result.returncode == 0 else [f"the frozen self-check exited {result.returncode}"]


def check_missing_font() -> list[str]:
    """Take a font out of the bundle, run the self-check (it must exit 1 naming the font), put it back."""
    font = next(APP_FOLDER.rglob(PROBE_FONT.name))
    aside = font.with_name(font.name + ".aside")
    font.rename(aside)
    try:
        result = self_check()
    finally:
        aside.rename(font)
    print(f"Without {font.relative_to(APP_FOLDER)}: exit {result.returncode}")
    print("\n".join(line for line in result.stdout.splitlines() if "✗" in line))
    if result.returncode != 1 or PROBE_FONT.name not in result.stdout:
        return [f"without {PROBE_FONT.name} the self-check exited {result.returncode} and did not name it"]
    return []


def check_command_line() -> list[str]:
    """Run the frozen `grassroots` command on a scratch database: create it, import a province, count the gaps."""
    cli = str(APP_FOLDER / f"grassroots{EXE_SUFFIX}")
    with tempfile.TemporaryDirectory(prefix="grassroots-build-") as folder:
        database = str(Path(folder) / "cli.sqlite")
        commands = [["init", "--model", "two-level"], ["units", "import-official", "--province", "Lai Châu"],
                    ["coverage"]]
        for command in commands:
            result = subprocess.run([cli, "--db", database, *command], capture_output=True, text=True,
                                    encoding="utf-8", timeout=300)
            print(f"$ grassroots {' '.join(command)}: exit {result.returncode}")
            print((result.stdout + result.stderr).strip()[:400])
            if result.returncode != 0:
                return [f"the frozen `grassroots {' '.join(command)}` exited {result.returncode}"]
    return []


def main(argv: list[str]) -> int:
    """Build, measure and check; return 0 when the frozen build passed every check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check the existing dist/Grassroots only")
    arguments = parser.parse_args(argv)
    python = run.ensure_environment()
    seconds = None if arguments.no_build else build(python)
    problems = check_frozen() + check_missing_font() + check_command_line()
    if seconds is not None:
        print(f"Build time: {seconds:.0f} s")
    print(f"{APP_FOLDER.relative_to(ROOT)}: {folder_size(APP_FOLDER) / 2**20:.0f} MiB")
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
