"""Vietnamese output to a pipe or a file is UTF-8 whatever the locale says (a Windows pipe or file is cp1252).

The children run with PYTHONIOENCODING=cp1252, the encoding Windows gives Python's standard streams when they
are not a console; on Windows the tests see the same without it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.support import ENTRY, cp1252_environment

ROOT = Path(__file__).resolve().parents[2]
READY = "Cơ sở dữ liệu đã sẵn sàng theo mô hình"


def test_the_command_line_writes_utf8_to_a_file(tmp_path: Path) -> None:
    log = tmp_path / "nhật ký.txt"
    with log.open("wb") as target:
        done = subprocess.run([str(ENTRY), "--db", str(tmp_path / "xã.sqlite"), "init", "--model", "two-level"],
                              stdout=target, stderr=subprocess.PIPE, env=cp1252_environment(), timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert log.read_bytes().decode("utf-8").startswith(READY)


def test_the_command_line_writes_its_refusals_in_utf8_to_a_pipe(tmp_path: Path) -> None:
    missing = tmp_path / "Dữ liệu" / "không có.sqlite"
    done = subprocess.run([str(ENTRY), "--db", str(missing), "units", "list"], capture_output=True,
                          env=cp1252_environment(), timeout=300)
    assert done.returncode == 2
    error = done.stderr.decode("utf-8")
    assert "Traceback" not in error and str(missing) in error and "cơ sở dữ liệu" in error.lower()


def test_the_self_check_from_source_writes_utf8_to_a_pipe() -> None:
    done = subprocess.run([sys.executable, "-m", "grassroots_app", "--self-check"], capture_output=True,
                          env=cp1252_environment(), cwd=ROOT, timeout=300)
    output = done.stdout.decode("utf-8")
    assert done.returncode == 0, output + done.stderr.decode("utf-8", "replace")
    assert output.count("\n✓ ") == 15 and "✗" not in output
