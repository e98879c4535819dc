"""The log file: what any module of the package logs reaches it."""

from __future__ import annotations

import logging
from pathlib import Path

from grassroots_app.applog import log, start_logging


def test_a_module_logger_writes_into_the_log_file(tmp_path: Path) -> None:
    log_file = start_logging(tmp_path / "grassroots.log")
    logging.getLogger("grassroots_app.persistence.backup").warning("The daily backup of %s failed", "x.sqlite")
    for handler in log.handlers:
        handler.flush()
    assert "WARNING grassroots_app.persistence.backup: The daily backup of x.sqlite failed" in log_file.read_text(
        encoding="utf-8")
