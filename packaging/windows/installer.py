"""Install, upgrade and uninstall the real installer in the check's Wine prefix, as a clerk's PC would."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import build  # packaging/build.py (check.py puts it on the path): the files beside the executables

if TYPE_CHECKING:
    from check import Check

UNINSTALL_KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Grassroots"
ABORTED = 2  # a silent NSIS installer's exit status after the script's Abort (grassroots.nsi's WaitForClosed)


def check(run: Check, setup: Path) -> None:
    """Install per user, upgrade (refused while the program runs), uninstall keeping then removing the data."""
    prefix, expect = run.prefix, run.report.expect
    local = prefix.drive_c / "users" / prefix_user(run) / "AppData" / "Local"
    program, data = local / "Programs" / "Grassroots", local / "Grassroots"
    menu = local.parent / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Grassroots"
    uninstaller = prefix.windows(program / "uninstall.exe")

    def silently(*program_and_arguments: str) -> int:
        code = prefix.run(list(program_and_arguments), timeout=900).code
        prefix.wait_idle()
        return code

    def registered() -> bool:
        return prefix.run(["reg", "query", UNINSTALL_KEY], display=False).code == 0

    silently(prefix.windows(setup), "/S")
    expect((program / "grassroots-app.exe").is_file() and (program / "grassroots.exe").is_file()
           and (program / "_internal").is_dir(), f"installed per user into {program.relative_to(prefix.drive_c)}")
    expect(all((program / name).is_file() for name in build.NOTICE_FILES), "licence, notices and source installed: "
           + ", ".join(build.NOTICE_FILES))
    expect((menu / "Grassroots.lnk").is_file(), "Start-menu shortcut made")
    expect(registered(), "listed in the installed programs (HKCU)")
    run.self_check(program, "installed")

    (data / "backups").mkdir(parents=True, exist_ok=True)
    database, kept_backup = data / "grassroots.sqlite", data / "backups" / "grassroots-2026-01-01T000000-daily-x.sqlite"
    database.write_text("database")
    kept_backup.write_text("backup")
    stale = program / "_internal" / "left-by-an-older-version.txt"
    stale.write_text("old")

    window, command = prefix.windows(data / "window.sqlite"), prefix.windows(data / "command.sqlite")
    refused_while_running(run, setup, stale, program / "grassroots-app.exe", ["--db", window])
    long_import = ["--db", command, "demo", "--scale", "national"]  # minutes under Wine
    refused_while_running(run, setup, stale, program / "grassroots.exe", long_import)
    for path in [*data.glob("window.sqlite*"), *data.glob("command.sqlite*")]:
        path.unlink()

    code = silently(prefix.windows(setup), "/S")
    expect(code == 0 and not stale.exists() and (program / "grassroots-app.exe").is_file(),
           f"upgraded (exit {code}): the old program files gone")
    expect(database.read_text() == "database" and kept_backup.read_text() == "backup", "upgrade kept the data")

    silently(uninstaller, "/S")
    expect(not program.exists() and not menu.exists() and not registered(),
           "uninstalled: program, shortcut and registry entry gone")
    expect(database.is_file() and kept_backup.is_file(), "uninstall kept the data and backups")

    silently(prefix.windows(setup), "/S")
    silently(uninstaller, "/S", "/REMOVEDATA")
    expect(not program.exists() and not data.exists(), "uninstalled with /REMOVEDATA: program and data gone")


def refused_while_running(run: Check, setup: Path, stale: Path, executable: Path, arguments: list[str]) -> None:
    """Start an installed program (the window, or a long command), then try the upgrade: it must be refused,
    the program files (`stale`, one left by an older version) untouched."""
    prefix = run.prefix
    process = prefix.start([prefix.windows(executable), *arguments])
    time.sleep(15)
    refused = prefix.run([prefix.windows(setup), "/S"]).code if process.poll() is None else None  # not wait_idle
    ran_throughout = process.poll() is None
    run.report.expect(refused == ABORTED and ran_throughout and stale.exists(),
                      f"upgrade refused while {executable.name} runs (setup exit {refused}, "
                      f"still running: {ran_throughout}, program files untouched)")
    prefix.run(["taskkill", "/F", "/IM", executable.name], display=False)
    process.wait(timeout=120)
    prefix.wait_idle()


def prefix_user(run: Check) -> str:
    """Return the Windows user name of the prefix (Wine takes the Linux one)."""
    users = [path.name for path in (run.prefix.drive_c / "users").iterdir() if path.name.lower() != "public"]
    return users[0]
