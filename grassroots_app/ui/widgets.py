"""Small building blocks shared by the dialogs and panels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from grassroots_app.domain.errors import DomainError
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr

DATE_FORMAT = "dd/MM/yyyy"


def to_qdate(day: date) -> QDate:
    """Return the QDate of a date."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """Return the date of a QDate."""
    return date(day.year(), day.month(), day.day())


def date_edit(day: date, parent: QWidget | None = None) -> QDateEdit:
    """Return a date field in the Vietnamese format with a calendar pop-up."""
    edit = QDateEdit(to_qdate(day), parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def format_day(day: date | None) -> str:
    """Return a date as dd/mm/yyyy, or an empty string."""
    return day.strftime("%d/%m/%Y") if day else ""


class ErrorLabel(QLabel):
    """A red message next to the fields that caused it; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, error: DomainError) -> None:
        """Show a refusal in the user's language."""
        self.setText(error.render(tr))
        self.show()

    def clear_error(self) -> None:
        """Hide the message."""
        self.clear()
        self.hide()


def ok_cancel_buttons(parent: QWidget) -> QDialogButtonBox:
    """Return OK and Cancel buttons with translated labels."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
    return buttons


class EditDialog(QDialog):
    """A dialog whose OK runs one edit and shows a refusal next to the fields."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel(self)
        self.buttons = ok_cancel_buttons(self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_value: Any = None

    def run_edit(self, label: str, use_case: Callable[..., Any], *args: Any) -> None:
        """Run the edit; close on success, show the refusal otherwise."""
        try:
            self.result_value = self.context.execute(label, use_case, *args)
        except DomainError as error:
            self.error.show_error(error)
            return
        self.accept()

    def submit(self) -> None:
        """Run the dialog's edit (subclasses)."""
        raise NotImplementedError
