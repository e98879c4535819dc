"""The application's log file: one place and one setup for the window and the command line (no Qt here)."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from grassroots_app.persistence.database import APP_NAME

LOG_NAME = "grassroots.log"
LOG_DIR_VARIABLE = "GRASSROOTS_LOG_DIR"  # another log folder (the tests keep theirs apart)
log = logging.getLogger("grassroots")


def log_path() -> Path:
    """Return the log file: in $GRASSROOTS_LOG_DIR, else in the per-user log folder."""
    folder = os.environ.get(LOG_DIR_VARIABLE) or platformdirs.user_log_dir(APP_NAME, appauthor=False)
    return Path(folder) / LOG_NAME


def start_logging(path: Path | None = None) -> Path:
    """Send the application's log to a rotating file (once per file) and return its path."""
    target = path or log_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not any(getattr(handler, "baseFilename", None) == str(target.resolve()) for handler in log.handlers):
        handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return target
