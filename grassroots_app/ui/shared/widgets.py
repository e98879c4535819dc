"""Small building blocks shared by the dialogs and panels."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QSize, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTextEdit,
    QTimeEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.calendar import FIRST_DAY, LAST_DAY
from grassroots_app.domain.errors import DomainError, Labelled
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.shared.input_guards import placed_widgets

DATE_FORMAT = "dd/MM/yyyy"
MONTHS = 12
E = TypeVar("E", bound=Labelled)


def to_qdate(day: date) -> QDate:
    """Return the QDate of a date."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """Return the date of a QDate."""
    return date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A dd/mm/yyyy field with a calendar pop-up that refuses an impossible day (31/02) with a message, instead
    of quietly making it another day (28/02)."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(to_qdate(day), parent)
        set_date_range(self)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.refusal = ""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        """Let Tab leave for the next field, as in every form; "/" and the arrows move between day, month, year."""
        return QWidget.focusNextPrevChild(self, forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Put the cursor on the day whichever way the keyboard comes in (Qt chose the year after Shift+Tab)."""
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.setSelectedSection(QDateEdit.Section.DaySection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Take "01/07/2025" typed over the whole date as typed: Qt dropped the day's digits, and a "/" after a
        section it had already left for the next one skipped that one too."""
        line = self.lineEdit()
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        if event.text() == "/" and line.text()[position - 1:position] == "/":
            event.accept()  # the section before was typed whole and Qt has moved on already
            return
        if event.text().isdigit() and line.hasSelectedText() and line.selectedText() == line.text():
            self.setSelectedSection(QDateEdit.Section.DaySection)
        super().keyPressEvent(event)

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        """Refuse a keystroke that makes a day the month does not have; otherwise check as Qt does."""
        refusal = impossible_day(text)
        if refusal:
            self.refusal = refusal
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), refusal, self)
            return QValidator.State.Invalid, text, position
        return super().validate(text, position)


class TimeField(QTimeEdit):
    """An HH:mm field whose Tab leaves it, as a date field's does (":" and the arrows move to the minutes)."""

    def __init__(self, at: QTime, parent: QWidget | None = None) -> None:
        super().__init__(at, parent)
        self.setDisplayFormat("HH:mm")

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        """Move to the next field instead of the minutes."""
        return QWidget.focusNextPrevChild(self, forward)


def impossible_day(text: str) -> str:
    """Return why a typed dd/mm/yyyy text names no day (31/02/2026), or an empty string."""
    parts = text.split("/")
    if [len(part) for part in parts] not in ([1, 1, 4], [1, 2, 4], [2, 1, 4], [2, 2, 4]) \
            or not all(part.isdigit() for part in parts):
        return ""  # not typed whole yet, or not a day Qt would take anyway
    day, month, year = (int(part) for part in parts)
    if not 1 <= month <= MONTHS or day < 1:  # Qt refuses these itself
        return ""
    length = monthrange(year, month)[1]
    if day <= length:
        return ""
    return tr("{text} is not a date: month {month}/{year} has {count} days.").format(
        text=text, month=month, year=year, count=length)


def date_edit(day: date, parent: QWidget | None = None) -> DateField:
    """Return a date field in the Vietnamese format with a calendar pop-up (an impossible day refused)."""
    return DateField(day, parent)


def set_date_range(edit: QDateEdit) -> None:
    """Let a date field take only the days the application accepts (calendar.FIRST_DAY to LAST_DAY)."""
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))


def typed_anywhere(box: QComboBox) -> QComboBox:
    """Let typing choose the first item containing the letters typed: "x" finds "cấp xã", "Cao" "Tỉnh Cao Bằng"."""
    box.view().setKeyboardSearchFlags(Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchWrap)
    return box


def choices(members: Iterable[Labelled], empty: bool = False) -> QComboBox:
    """Return a combo box of translated labels holding the members' values (first a blank one if asked)."""
    box = typed_anywhere(QComboBox())
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
    """A red message next to the fields that caused it; hidden while there is nothing to say.

    Its window grows to show it whole, and it goes as soon as one of the fields next to it is changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.watching = False
        self.hide()

    def show_error(self, error: DomainError, until_edited: bool = True) -> None:
        """Show a refusal in the user's language (until a field is changed, unless told otherwise)."""
        self.show_text(error.render(tr), until_edited)

    def show_text(self, text: str, until_edited: bool = True) -> None:
        """Show a message already in the user's language (until a field is changed, unless told otherwise)."""
        self.setText(text)
        self.show()
        if until_edited:
            self._watch_fields()
        _make_room(self.window())

    def clear_error(self) -> None:
        """Hide the message."""
        self.clear()
        self.hide()

    def _watch_fields(self) -> None:
        """Clear the message when a field beside it changes (connected once)."""
        holder = self.parentWidget()
        fields = holder.layout() if holder is not None else None
        if self.watching or fields is None:
            return
        self.watching = True
        for widget in placed_widgets(fields):
            for signal in _change_signals(widget):
                signal.connect(self.clear_error)


def _change_signals(widget: QWidget) -> list[Any]:
    """Return the signals a field sends when the user changes it."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return [widget.toggled]
    return []


def _make_room(window: QWidget) -> None:
    """Let a dialog grow to hold what its layout now needs (a wrapped message) at its present width."""
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None:
        return
    layout.activate()
    width = window.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(width, needed)


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
        follow(context.events.editing_changed, self, lambda label: self.buttons.setEnabled(not label))

    def reject(self) -> None:
        """Close without saving, unless an edit is being written (the dialog closes once it is, or shows why not)."""
        if not self.context.editing:
            super().reject()

    def run_edit(self, label: str, use_case: Callable[..., Any], *args: Any) -> None:
        """Run the edit; close once it succeeded, show the refusal otherwise (OK pressed again meanwhile: ignored)."""
        if not self.context.editing:
            self.context.edit(label, use_case, *args, on_done=self._done, on_refused=self.error.show_error,
                              parent=self)

    def run_confirmed_edit(self, label: str, question: str, use_case: Callable[..., Any], *args: Any) -> None:
        """Run an edit the user confirms first; one the rules refuse is shown without asking."""
        if not self.context.editing:
            self.context.confirm_edit(self, self.windowTitle(), question, label, use_case, *args,
                                      on_done=self._done, on_refused=self.error.show_error)

    def _done(self, result: Any) -> None:
        """Keep the edit's result and close."""
        self.result_value = result
        self.accept()

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

