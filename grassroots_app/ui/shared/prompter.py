"""Message boxes and file and printer choosers behind a small object, so dialogs can be tested without clicking."""

from __future__ import annotations

import sys
from enum import Enum

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from grassroots_app.ui.i18n import tr


class Unsaved(Enum):
    """What to do with unsaved work before leaving it."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


UNSAVED_ANSWERS = {QMessageBox.StandardButton.Save: Unsaved.SAVE, QMessageBox.StandardButton.Discard: Unsaved.DISCARD}


def file_dialog_options() -> QFileDialog.Option:
    """Return Qt's own file dialog, which speaks the interface's language, where the system's would not (Linux)."""
    native = sys.platform in {"win32", "darwin"}  # these systems' dialogs follow the system's language
    return QFileDialog.Option(0) if native else QFileDialog.Option.DontUseNativeDialog


class Prompter:
    """Asks and tells the user through message boxes and the standard choosers."""

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        """Ask a yes/no question; return True for yes."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_to_save(self, parent: QWidget | None, title: str, question: str) -> Unsaved:
        """Ask whether to save unsaved work before leaving it: Save, Don't save, or Cancel (stay)."""
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Warning, title, question, buttons, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return UNSAVED_ANSWERS.get(QMessageBox.StandardButton(box.exec()), Unsaved.CANCEL)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show a piece of information."""
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        """Show a problem the user can correct."""
        QMessageBox.warning(parent, tr("Grassroots"), text)

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        """Ask where to save a file, offering a path; return the path chosen, or None when cancelled."""
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=file_dialog_options())
        return path or None

    def open_path(self, parent: QWidget | None, title: str, filters: str, folder: str = "") -> str | None:
        """Ask which existing file to open, starting in a folder; return the path chosen, or None when cancelled."""
        path, _filter = QFileDialog.getOpenFileName(parent, title, folder, filters, options=file_dialog_options())
        return path or None

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Let the user choose and set up the printer; return False when cancelled."""
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted
