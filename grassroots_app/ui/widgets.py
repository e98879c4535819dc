"""Small building blocks shared by the dialogs and panels."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QLabel, QWidget

from grassroots_app.domain.errors import DomainError
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
