"""Message boxes behind a small object, so dialogs can be tested without clicking."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from grassroots_app.ui.i18n import tr


class Prompter:
    """Asks and tells the user through message boxes."""

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        """Ask a yes/no question; return True for yes."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show a piece of information."""
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        """Show a problem the user can correct."""
        QMessageBox.warning(parent, tr("Grassroots"), text)
