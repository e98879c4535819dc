"""Where the program meets Windows' consoles: UTF-8 on pipes and files, no console window for a child program.

Standard library only: run.py and packaging/build.py use it before the project's environment exists.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows only: nothing to ask for elsewhere


def utf8_streams() -> None:
    """Write UTF-8 to a pipe or a file whatever the locale (cp1252 on Windows); on a console, replace what it cannot show."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # none (a windowed build) or in memory (the tests' redirections)
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


def reader_left(error: BaseException) -> bool:
    """Return whether a write failed because the program reading our output pipe has gone (`… | head -1`).

    POSIX says so with BrokenPipeError; Windows with EINVAL on a standard output that is a pipe.
    """
    if isinstance(error, BrokenPipeError):
        return True
    return os.name == "nt" and isinstance(error, OSError) and error.errno == errno.EINVAL and _stdout_is_pipe()


def _stdout_is_pipe() -> bool:
    try:
        return stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # none, in memory or closed
        return False


def run_without_window(command: Sequence[str], **options: Any) -> subprocess.CompletedProcess[Any]:
    """Run a console program as subprocess.run does, without a console window of its own on Windows."""
    return subprocess.run(command, creationflags=NO_WINDOW, **options)
