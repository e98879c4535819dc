"""`python3 run.py` when the window crashes: it names the log holding the trace and exits as the shell would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Crashes the window's process at its start, for real: a read of address 0 in C.
CRASH_AT_START = """
import faulthandler, sys
if sys.orig_argv[1:3] == ["-m", "grassroots_app"]:
    faulthandler._read_null()
"""
if os.name == "nt":  # the exception's code is the exit status
    STATUS, CAUSE = 0xC0000005, "mã lỗi 0xC0000005"
else:  # the shell's 128 + the signal
    STATUS, CAUSE = 128 + signal.SIGSEGV, f"tín hiệu {signal.SIGSEGV.value}"


def test_a_crashed_window_names_the_log_and_exits_as_the_shell_would(tmp_path: Path) -> None:
    """A window ended by an access violation: run.py says so in Vietnamese, names the log, no traceback."""
    (tmp_path / "sitecustomize.py").write_text(CRASH_AT_START, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tmp_path), GRASSROOTS_LOG_DIR=str(tmp_path / "log"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, str(ROOT / "run.py")], env=env, cwd=ROOT, capture_output=True,
                            encoding="utf-8", timeout=300, check=False)
    assert result.returncode == STATUS, result.stderr
    assert f"Grassroots đã dừng đột ngột ({CAUSE})" in result.stderr
    assert str(tmp_path / "log" / "grassroots.log") in result.stderr
    assert "Traceback" not in result.stderr
