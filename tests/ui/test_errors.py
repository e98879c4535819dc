"""Unexpected errors are logged with their traceback and shown with the log's path; refusals are not logged."""

from __future__ import annotations

from pathlib import Path

from grassroots_app.applog import log, start_logging
from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.i18n import LanguageSwitcher


def test_unexpected_error_goes_to_the_log_and_names_it(qapp: object, tmp_path: Path) -> None:
    log_file = start_logging(tmp_path / "logs" / "grassroots.log")
    reporter = ErrorReporter(log_file, show_dialogs=False)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        reporter.excepthook(type(error), error, error.__traceback__)
    for handler in log.handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in text
    assert "Traceback" in text
    assert str(log_file) in reporter.last_message


def test_a_refusal_is_shown_in_the_users_language_without_logging(qapp: object, tmp_path: Path) -> None:
    LanguageSwitcher().apply("vi")
    log_file = tmp_path / "grassroots.log"
    reporter = ErrorReporter(log_file, show_dialogs=False)
    reporter.report(RuleViolation(N_("A unit cannot be merged into itself.")))
    assert reporter.last_message == "Không thể sáp nhập một đơn vị vào chính nó."
    assert not log_file.exists()
