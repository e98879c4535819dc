"""An impossible day typed in any date field (31/02/2026) is refused with a message, never made 28/02."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.activity_form import DayEdit
from grassroots_app.ui.shared.period_chooser import BETWEEN_DATES, PeriodChooser
from grassroots_app.ui.shared.widgets import date_edit, from_qdate, to_qdate

DIGIT_KEYS = {str(number): getattr(Qt.Key, f"Key_{number}") for number in range(10)}
REFUSAL = "31/02/2026 không phải là một ngày: tháng 2/2026 chỉ có 28 ngày."


def type_day(qtbot: QtBot, field: QDateEdit, digits: str) -> None:
    """Type a day digit by digit from the start of the field, as a clerk does, then leave with Enter."""
    with qtbot.waitActive(field.window()):
        field.window().activateWindow()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    field.setSelectedSection(QDateEdit.Section.DaySection)
    for digit in digits:
        qtbot.keyClick(field, DIGIT_KEYS[digit])
    qtbot.keyClick(field, Qt.Key.Key_Return)


def made(kind: str) -> tuple[QWidget, QDateEdit]:
    """Return a window with one date field of a kind: the dialogs' date, the field log's day, a period's first day."""
    if kind == "period":
        chooser = PeriodChooser(date(2026, 3, 15))
        chooser.span.setCurrentIndex(chooser.span.findData(BETWEEN_DATES))
        chooser.start.setDate(to_qdate(date(2026, 3, 15)))
        return chooser, chooser.start
    field = date_edit(date(2026, 3, 15)) if kind == "dialog" else DayEdit(date(2026, 3, 15))
    return field, field


@pytest.mark.parametrize("kind", ["dialog", "field log", "period"])
def test_31_february_is_refused(kind: str, context: AppContext, qtbot: QtBot) -> None:
    window, field = made(kind)
    qtbot.addWidget(window)
    window.show()
    type_day(qtbot, field, "3102")
    assert field.refusal == REFUSAL
    assert QToolTip.isVisible() and QToolTip.text() == REFUSAL
    assert from_qdate(field.date()) == date(2026, 3, 31), "the last day it took (31/03), not 28/02"
    type_day(qtbot, field, "31022026")
    assert from_qdate(field.date()) != date(2026, 2, 28)


def test_29_february_of_a_leap_year_is_taken(context: AppContext, qtbot: QtBot) -> None:
    field = date_edit(date(2028, 3, 15))
    qtbot.addWidget(field)
    field.show()
    type_day(qtbot, field, "29022028")
    assert from_qdate(field.date()) == date(2028, 2, 29) and field.refusal == ""
    assert QApplication.focusWidget() is not None


@pytest.mark.parametrize("kind", ["dialog", "fieldlog", "period"])
def test_a_day_typed_over_the_whole_selected_date_is_taken_whole(qtbot: QtBot, kind: str) -> None:
    """Ctrl+A then "01/07/2025" gives 01/07/2025: the day's digits are not silently dropped (Qt made it 15/07)."""
    window, field = made(kind)
    qtbot.addWidget(window)
    window.show()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "01/07/2025")
    assert from_qdate(field.date()) == date(2025, 7, 1)


@pytest.mark.parametrize("kind", ["dialog", "fieldlog", "period"])
def test_a_day_typed_after_shift_tab_into_the_date_is_taken_whole(qtbot: QtBot, kind: str) -> None:
    """Shift+Tab back into a date puts the cursor on its day, as Tab does: "01/08/2025" typed is that day, not
    lost in the year (the field went back to its old date)."""
    window, field = made(kind)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    field.setFocus(Qt.FocusReason.BacktabFocusReason)
    assert field.hasFocus()
    qtbot.keyClicks(field, "01/08/2025")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert from_qdate(field.date()) == date(2025, 8, 1)
