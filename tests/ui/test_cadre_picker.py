"""The cadre picker by keyboard: type, Enter takes the highlighted cadre, Down goes into the list; OK and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from grassroots_app.services import cadres
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.units.unit_panel import CadrePickerDialog
from tests.ui.support import type_text

MIN_WIDTH = 480


def opened(qtbot: QtBot, context: AppContext) -> CadrePickerDialog:
    """Open the picker as the window does, with the keyboard in it."""
    dialog = CadrePickerDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def names(context: AppContext, text: str) -> list[str]:
    """Return the full names of the active cadres matching a text, as the database lists them."""
    return [cadre.full_name for cadre in context.read(cadres.find_cadres, text)]


def test_enter_in_the_filter_takes_the_highlighted_cadre(qtbot: QtBot, context: AppContext) -> None:
    dialog = opened(qtbot, context)
    first = context.read(cadres.find_cadres, "Nguyen")[0]
    type_text(qtbot, QApplication.focusWidget(), "Nguyen")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen() == first.id


def test_down_goes_into_the_list(qtbot: QtBot, context: AppContext) -> None:
    dialog = opened(qtbot, context)
    second = context.read(cadres.find_cadres, "Nguyen")[1]
    type_text(qtbot, dialog.filter, "Nguyen")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.list
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen() == second.id


def test_ok_and_cancel_in_vietnamese(qtbot: QtBot, context: AppContext) -> None:
    dialog = opened(qtbot, context)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (ok.text(), cancel.text()) == ("Đồng ý", "Hủy")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_ok_is_refused_without_a_match(qtbot: QtBot, context: AppContext) -> None:
    dialog = opened(qtbot, context)
    type_text(qtbot, dialog.filter, "zzzz")
    assert names(context, "zzzz") == [] and dialog.list.count() == 0
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_room_for_long_names(qtbot: QtBot, context: AppContext) -> None:
    dialog = opened(qtbot, context)
    assert dialog.width() >= MIN_WIDTH
    longest = max(dialog.list.item(row).text() for row in range(dialog.list.count()))
    metrics = dialog.list.fontMetrics()
    assert dialog.list.viewport().width() >= min(metrics.horizontalAdvance(longest), MIN_WIDTH - 40)
