"""Where the program meets Windows' consoles: UTF-8 on pipes and files, no console window for a child program.

Standard library only: run.py and packaging/build.py use it before the project's environment exists.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

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


class OutputFailed(Exception):
    """Writing the standard output failed (its reader left, its disk is full): no fault of the database."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _GuardedOutput:
    """A text stream whose write failures raise OutputFailed; everything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write as the stream does."""
        try:
            return self.stream.write(text)
        except OSError as error:
            raise OutputFailed(error) from error

    def flush(self) -> None:
        """Flush as the stream does."""
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputFailed(error) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextmanager
def guarded_output() -> Iterator[None]:
    """Within the block, a failure to write the standard output raises OutputFailed (told apart from file faults)."""
    stream = sys.stdout
    sys.stdout = _GuardedOutput(stream)
    try:
        yield
    finally:
        sys.stdout = stream


def reader_left(error: BaseException) -> bool:
    """Return whether writing the output failed because the program reading its pipe has gone (`… | head -1`).

    POSIX says so with BrokenPipeError; Windows with EINVAL (only of the output: a file name Windows refuses
    gives EINVAL too).
    """
    if not isinstance(error, OutputFailed):
        return isinstance(error, BrokenPipeError)
    return isinstance(error.error, BrokenPipeError) or (os.name == "nt" and error.error.errno == errno.EINVAL)


def run_without_window(command: Sequence[str], **options: Any) -> subprocess.CompletedProcess[Any]:
    """Run a console program as subprocess.run does, without a console window of its own on Windows."""
    return subprocess.run(command, creationflags=NO_WINDOW, **options)
