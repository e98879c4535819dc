"""The application's log file: one place and one setup for the window and the command line (no Qt here)."""

from __future__ import annotations

import faulthandler
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

import platformdirs

from grassroots_app.paths import APP_NAME

LOG_NAME = "grassroots.log"
LOG_DIR_VARIABLE = "GRASSROOTS_LOG_DIR"  # another log folder (the tests keep theirs apart)
log = logging.getLogger("grassroots_app")  # the package: every module's logger passes its lines here
_crash_log: TextIO | None = None  # where a fatal crash writes its traceback, open for the process's lifetime


def log_path() -> Path:
    """Return the log file: in $GRASSROOTS_LOG_DIR, else in the per-user log folder."""
    folder = os.environ.get(LOG_DIR_VARIABLE) or platformdirs.user_log_dir(APP_NAME, appauthor=False)
    return Path(folder) / LOG_NAME


def trace_crashes(path: Path | None = None) -> Path:
    """Make a fatal crash (segmentation fault, abort) write its Python traceback into the log file; return it.

    Called first in each main: the file stays open for appending until the process ends (or another log
    is chosen), since a crashing process can no longer open one.
    """
    global _crash_log
    target = Path(os.path.abspath(path or log_path()))
    if _crash_log is not None and _crash_log.name == str(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    previous, _crash_log = _crash_log, open(target, "a", encoding="utf-8")  # noqa: SIM115 - kept open on purpose
    faulthandler.enable(file=_crash_log)
    if previous is not None:
        previous.close()
    return target


def crash_log_fileno() -> int:
    """Return the descriptor a crash's traceback goes to (-1 when crashes are not traced)."""
    return _crash_log.fileno() if _crash_log is not None else -1


class _LogFile(RotatingFileHandler):
    """The rotating log file; the crash trace moves to the new file with each rotation."""

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        """Rotate, letting go of the crash trace's handle meanwhile (Windows renames no open file)."""
        global _crash_log
        traced = _crash_log is not None and _crash_log.name == self.baseFilename
        if traced:
            faulthandler.disable()
            _crash_log.close()  # type: ignore[union-attr]
        super().doRollover()
        if traced:
            _crash_log = None
            trace_crashes(Path(self.baseFilename))


def start_logging(path: Path | None = None) -> Path:
    """Send the application's log to a rotating file (once per file) and return its path."""
    target = path or log_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not any(getattr(handler, "baseFilename", None) == str(target.resolve()) for handler in log.handlers):
        handler = _LogFile(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return target
