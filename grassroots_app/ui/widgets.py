"""Small building blocks shared by the dialogs and panels."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.calendar import FIRST_DAY, LAST_DAY
from grassroots_app.domain.errors import DomainError, Labelled
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.settings import WindowSettings

DATE_FORMAT = "dd/MM/yyyy"
E = TypeVar("E", bound=Labelled)


def to_qdate(day: date) -> QDate:
    """Return the QDate of a date."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """Return the date of a QDate."""
    return date(day.year(), day.month(), day.day())


def date_edit(day: date, parent: QWidget | None = None) -> QDateEdit:
    """Return a date field in the Vietnamese format with a calendar pop-up."""
    edit = QDateEdit(to_qdate(day), parent)
    set_date_range(edit)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def set_date_range(edit: QDateEdit) -> None:
    """Let a date field take only the days the application accepts (calendar.FIRST_DAY to LAST_DAY)."""
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))


def format_day(day: date | None) -> str:
    """Return a date as dd/mm/yyyy, or an empty string."""
    return day.strftime("%d/%m/%Y") if day else ""


def choices(members: Iterable[Labelled], empty: bool = False) -> QComboBox:
    """Return a combo box of translated labels holding the members' values (first a blank one if asked)."""
    box = QComboBox()
    if empty:
        box.addItem("—", None)
    for member in members:
        box.addItem(tr(member.label), member.value)
    return box


def chosen_member(box: QComboBox, kind: type[E]) -> E | None:
    """Return the member chosen in a combo box made by choices (None for the blank one)."""
    value = box.currentData()
    return None if value is None else kind(value)


def choose_member(box: QComboBox, member: Labelled | None) -> None:
    """Show a member (or the blank choice) in a combo box made by choices."""
    box.setCurrentIndex(box.findData(None if member is None else member.value))


def remember_state(settings: WindowSettings, key: str, part: QSplitter | QHeaderView) -> bool:
    """Give a splitter or a header the sizes the user left it with, and remember each change; return whether any."""
    state = settings.blob(key)
    restored = state is not None and part.restoreState(state)
    changed = part.splitterMoved if isinstance(part, QSplitter) else part.sectionResized
    changed.connect(lambda *_args: settings.set_blob(key, part.saveState()))
    return restored


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


class Dialog(QDialog):
    """A modal dialog that Qt deletes once it has run: no timer, pop-up, queued signal or worker's answer can
    reach a closed dialog, and closed dialogs do not pile up under their parent.

    What the caller reads right after exec() (the choice, the saved record) is still there: the deletion
    waits until control is back in the event loop that was running before the dialog.
    """

    def exec(self) -> int:
        """Run the dialog to its end, then have it deleted."""
        try:
            return super().exec()
        finally:
            self.deleteLater()


EDIT_DIALOG_WIDTH = 560


class EditDialog(Dialog):
    """A dialog whose OK runs one edit and shows a refusal next to the fields."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setMinimumWidth(EDIT_DIALOG_WIDTH)  # room for a name, a position or a unit path
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
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

    def run_confirmed_edit(self, label: str, question: str, use_case: Callable[..., Any], *args: Any) -> None:
        """Run an edit the user confirms first; one the rules refuse is shown without asking."""
        if self.context.confirm_edit(self, self.windowTitle(), question, use_case, *args,
                                     on_refused=self.error.show_error):
            self.run_edit(label, use_case, *args)

    def submit(self) -> None:
        """Run the dialog's edit (subclasses)."""
        raise NotImplementedError


class ElidedLabel(QLabel):
    """A one-line label for a name or a path: elided in the middle to its width, whole in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Show a text, elided when it is wider than the label."""
        self._whole = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        """Return the whole text (not the elided one shown)."""
        return self._whole

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Return the room the whole text would take."""
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._whole) + margins.left() + margins.right()
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Return that the label may shrink to nothing but an ellipsis."""
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Elide the text again to the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics, width = self.fontMetrics(), self.contentsRect().width()
        fits = metrics.horizontalAdvance(self._whole) <= width  # elidedText can cut a text exactly as wide
        super().setText(self._whole if fits else metrics.elidedText(self._whole, Qt.TextElideMode.ElideMiddle, width))

