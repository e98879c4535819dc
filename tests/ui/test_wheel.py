"""The mouse wheel scrolls a panel past its spin boxes, combo boxes and date fields; it changes only the focused one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Gender
from grassroots_app.ui.shared.widgets import choices, date_edit, from_qdate
from grassroots_app.ui.units.unit_dialogs import AttributesForm

WHEEL_DOWN = -120


def turn_wheel(widget: QWidget) -> bool:
    """Turn the wheel one notch down over the middle of a widget; return whether the widget kept the turn.

    (A turn the widget does not keep goes on to the panel under it: Qt passes a real wheel event up the parents.)
    """
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(middle, QPointF(widget.mapToGlobal(middle.toPoint())), QPoint(0, 0), QPoint(0, WHEEL_DOWN),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_passes_over_unfocused_fields(qtbot: QtBot) -> None:
    panel = QWidget()
    attributes = AttributesForm()
    gender = choices(Gender, empty=True)
    day = date_edit(date(2026, 3, 15))
    layout = QVBoxLayout(panel)
    for widget in (attributes, gender, day):
        layout.addWidget(widget)
    layout.addSpacing(3000)
    scroll = QScrollArea()
    scroll.setWidget(panel)
    scroll.resize(400, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    attributes.households.setValue(50)
    gender.setCurrentIndex(1)
    fields = (attributes.households, gender, day)
    assert not any(field.hasFocus() for field in fields)
    assert [turn_wheel(field) for field in fields] == [False, False, False]
    assert (attributes.households.value(), gender.currentIndex(), from_qdate(day.date())) == (50, 1, date(2026, 3, 15))
    with qtbot.waitActive(scroll):
        scroll.activateWindow()
    attributes.households.setFocus()
    assert turn_wheel(attributes.households)
    assert attributes.households.value() == 49
    assert all(field.focusPolicy() == Qt.FocusPolicy.StrongFocus for field in fields)
