"""Run Windows programs under Wine in one prefix: pipes as their streams, Windows paths, the machine's pip setup.

Standard library only (like run.py): packaging/windows/check.py drives everything through this module.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

# Variables that would hide the Windows program's own behaviour (its code page, its streams) or point it
# at the Linux side's packages.
HIDDEN = ("PYTHONIOENCODING", "PYTHONUTF8", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "QT_QPA_PLATFORM")
# No debugger: a crashed program ends at once, as on a PC without one, instead of waiting in winedbg.
QUIET = {"WINEDEBUG": "-all", "WINEDLLOVERRIDES": "winemenubuilder.exe=d;winedbg.exe=d;mscoree,mshtml="}


@dataclass
class Done:
    """What one Windows program did: its exit status and what it wrote (stdout and stderr together)."""

    code: int
    out: str


@dataclass
class Prefix:
    """One 64-bit Wine prefix and the environment its programs get."""

    path: Path
    display: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def drive_c(self) -> Path:
        """Return the Linux folder of the prefix's C: drive."""
        return self.path / "drive_c"

    def windows(self, path: Path) -> str:
        """Return the Windows name of a Linux path: C:\\… inside the prefix's drive, Z:\\… elsewhere."""
        path = path.absolute()
        if path.is_relative_to(self.drive_c):
            return "C:\\" + "\\".join(path.relative_to(self.drive_c).parts)
        return "Z:" + str(path).replace("/", "\\")

    def linux(self, path: str) -> Path:
        """Return the Linux path of a C:\\ path of the prefix."""
        drive, _colon, rest = path.partition(":")
        assert drive.upper() == "C", path
        return self.drive_c.joinpath(*[part for part in rest.split("\\") if part])

    def environment(self, display: bool = True) -> dict[str, str]:
        """Return the environment of a Windows program: this prefix, quiet Wine, the Linux side's crutches left out."""
        env = {key: value for key, value in os.environ.items() if key not in HIDDEN and key != "DISPLAY"}
        env.update(QUIET, WINEPREFIX=str(self.path), **self.extra)
        if not re.search(r"utf-?8", env.get("LC_ALL") or env.get("LANG") or "", re.IGNORECASE):
            env["LC_ALL"] = "C.UTF-8"  # Wine turns the command line into UTF-16 from the locale's encoding
        if display and self.display:
            env["DISPLAY"] = self.display
        return env

    def run(self, program: list[str], cwd: Path | None = None, timeout: float = 1800, echo: bool = False,
            display: bool = True) -> Done:
        """Run a Windows program with pipes as its stdin, stdout and stderr (Wine cannot hand it Linux files).

        It is killed after `timeout` seconds, whether it prints or hangs silently.
        """
        process = subprocess.Popen(["wine", *program], cwd=cwd, env=self.environment(display),
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert process.stdin is not None
        process.stdin.close()
        lines: list[str] = []
        reader = threading.Thread(target=_collect, args=(process, lines, echo), daemon=True)
        reader.start()
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
            lines.append(f"[killed after {timeout:.0f} s]\n")
        reader.join(60)  # what the program wrote before it ended (a child of it may hold the pipe open)
        return Done(code, "".join(lines))

    def start(self, program: list[str]) -> subprocess.Popen[bytes]:
        """Start a Windows program in the background, its output thrown away (through pipes, as Wine needs)."""
        process = subprocess.Popen(["wine", *program], env=self.environment(), stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert process.stdin is not None
        process.stdin.close()  # an empty pipe: the program reads end-of-file, as from a closed console
        return process

    def wait_idle(self) -> None:
        """Wait until every program of the prefix has ended (an uninstaller runs on from a copy of itself)."""
        subprocess.run(["wineserver", "-w"], env=self.environment(), check=False, timeout=600)

    def stop(self) -> None:
        """End every program of the prefix and its wineserver."""
        subprocess.run(["wineserver", "-k"], env=self.environment(), check=False, capture_output=True)

    def create(self) -> None:
        """Make the prefix (a 64-bit Windows 10 by Wine's defaults)."""
        self.path.mkdir(parents=True, exist_ok=True)
        self.run(["wineboot", "-i"], display=False)
        self.wait_idle()


def _collect(process: subprocess.Popen[bytes], lines: list[str], echo: bool) -> None:
    """Read a program's output line by line into `lines` (echoed as it comes) until its pipe closes."""
    assert process.stdout is not None
    for raw in iter(process.stdout.readline, b""):
        line = raw.decode("utf-8", errors="replace")
        lines.append(line)
        if echo:
            sys.stdout.write(line)
            sys.stdout.flush()


def pip_settings(prefix: Prefix) -> dict[str, str]:
    """Return the Linux side's pip setup (`pip config list`, PIP_* variables) as PIP_* variables for Windows pip.

    Paths and file: URLs are turned into their Windows names (Z:\\…), so Windows pip reaches the same package
    index, local wheel folders, certificates and constraints as the Linux side does.
    """
    listed = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True,
                            check=False).stdout
    settings: dict[str, str] = {}
    for line in listed.splitlines():
        match = re.fullmatch(r"[^.]*\.([\w-]+)='(.*)'", line.strip())
        if match:
            settings["PIP_" + match[1].upper().replace("-", "_")] = match[2]
    settings.update({key: value for key, value in os.environ.items() if key.startswith("PIP_")})
    return {key: " ".join(_windows_value(prefix, part) for part in value.split()) for key, value in settings.items()}


def _windows_value(prefix: Prefix, value: str) -> str:
    """Return one pip setting's value with a Linux path or file: URL turned into its Windows name."""
    if value.startswith("file:///"):
        return "file:///" + prefix.windows(Path(value[len("file://"):])).replace("\\", "/")
    if value.startswith("/") and Path(value).exists():
        return prefix.windows(Path(value))
    return value
