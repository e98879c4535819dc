"""Unexpected errors go to a log file in the per-user log folder and to a friendly dialog."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from grassroots_app.applog import log
from grassroots_app.domain.errors import DomainError
from grassroots_app.services.workspace import file_fault
from grassroots_app.ui.i18n import tr


class ErrorReporter:
    """Shows expected problems as messages and logs unexpected ones with a dialog naming the log."""

    def __init__(self, log_file: Path, show_dialogs: bool = True) -> None:
        self.log_file = log_file
        self.show_dialogs = show_dialogs
        self.last_message = ""

    def report(self, error: BaseException) -> None:
        """Report an error raised by work the user started (a full or write-protected disk as a refusal)."""
        error = file_fault(error) or error
        if isinstance(error, DomainError):
            self._show(QMessageBox.Icon.Warning, error.render(tr))
            return
        log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
        self._show(
            QMessageBox.Icon.Critical,
            tr("Something went wrong and the operation was not completed. Nothing was half-saved.\n"
               "The details are in the log file:\n{path}").format(path=self.log_file),
        )

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        self.last_message = text
        if self.show_dialogs:
            box = QMessageBox(icon, tr("Grassroots"), text, QMessageBox.StandardButton.Ok, QApplication.activeWindow())
            box.exec()

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Handle an exception that escaped a Qt slot."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        error.__traceback__ = trace
        sys.stderr.write("".join(traceback.format_exception(kind, error, trace)))
        self.report(error)
