"""A crash of the window or the command line (a segmentation fault) leaves its Python traceback in the log."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from grassroots_app import applog

# Each script crashes the process for real inside main(), after whatever main does first: a read of address 0
# in C. (Not ctypes.string_at(0): on Windows ctypes turns the access violation into an OSError.)
WINDOW_CRASH = """
import faulthandler, sys
from grassroots_app.ui import app
def crash(arguments):
    faulthandler._read_null()
app.build_window = crash
sys.exit(app.main(["--settings", sys.argv[1]]))
"""
CLI_CRASH = """
import faulthandler, sys
from grassroots_app import cli
def crash(argv):
    faulthandler._read_null()
cli.run_command = crash
sys.exit(cli.main(["units", "list"]))
"""


def crash(script: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run a crashing script with the log in tmp_path; return the result and the log's text."""
    env = {**os.environ, "GRASSROOTS_LOG_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONFAULTHANDLER", None)
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "settings.ini")], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    log_file = tmp_path / applog.LOG_NAME
    return result, log_file.read_text(encoding="utf-8") if log_file.exists() else ""


if os.name == "nt":  # an unhandled access violation: the process's exit code is the exception's
    CRASH_STATUS, CRASH_REPORT = 0xC0000005, "Windows fatal exception: access violation"
else:
    CRASH_STATUS, CRASH_REPORT = -signal.SIGSEGV, "Fatal Python error: Segmentation fault"


@pytest.mark.parametrize(("script", "where"), [(WINDOW_CRASH, "ui/app.py"), (CLI_CRASH, "cli/__init__.py")])
def test_a_segmentation_fault_writes_its_traceback_into_the_log(tmp_path: Path, script: str, where: str) -> None:
    """The log holds Python's fatal-error report with the stack down to the crashing call."""
    result, text = crash(script, tmp_path)
    assert result.returncode == CRASH_STATUS, result.stderr
    assert CRASH_REPORT in text
    assert "most recent call first" in text
    assert 'File "<string>", line 5 in crash' in text
    assert f"{where}\", line" in text.replace(os.sep, "/")


def test_the_crash_trace_follows_the_log_when_it_rotates(tmp_path: Path) -> None:
    """After the log is rotated, a crash is written to the new grassroots.log, not the renamed old one."""
    path = tmp_path / applog.LOG_NAME
    handlers = list(applog.log.handlers)
    try:
        applog.trace_crashes(path)
        applog.start_logging(path)
        for number in range(1200):
            applog.log.info("line %d %s", number, "x" * 1000)
        assert (tmp_path / f"{applog.LOG_NAME}.1").exists()
        assert os.fstat(applog.crash_log_fileno()).st_ino == path.stat().st_ino
    finally:
        for handler in set(applog.log.handlers) - set(handlers):
            applog.log.removeHandler(handler)
            handler.close()
        faulthandler.enable(file=sys.__stderr__)
