"""Editing an assignment in the window: opened by double-click, Enter or the right-click menu, prefilled,
refused by the rules inline, undone with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Assignment, Decision
from grassroots_app.services import browse
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.widgets import to_qdate
from grassroots_app.ui.units.assign_dialog import EditAssignmentDialog
from tests.ui.support import WAIT_MS, answer_dialog, focus, type_text, wait_for_edits, wait_while_busy

SIGNED = date(2026, 2, 3)


def held_target(context: AppContext) -> tuple[str, Assignment]:
    """Return a commune of the demo with the assignment of the first cadre in charge of it."""
    province = context.read(browse.children, None, context.as_of)[0]
    for commune in context.read(browse.children, province.id, context.as_of):
        holders = context.read(browse.holders, commune.id)
        if holders:
            return commune.id, holders[0].assignment
    raise AssertionError("the demo has no commune with someone in charge")


def stored(context: AppContext, assignment_id: str) -> Assignment:
    """Return the assignment as the database holds it."""
    found = context.read(lambda uow: uow.assignments.get(assignment_id))
    assert found is not None
    return found


def add_decision(qtbot: QtBot, number: str) -> Callable[[QWidget], None]:
    """Return a handler that types a decision number and its date into the prefilled edit dialog."""
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, EditAssignmentDialog)
        held = dialog.view.assignment
        assert dialog.start.date() == to_qdate(held.period.start), "prefilled with the stored start"
        assert dialog.decision_number.text() == held.decision.number
        dialog.decision_number.clear()
        type_text(qtbot, dialog.decision_number, number)
        dialog.decision_dated.setChecked(True)
        dialog.decision_date.setDate(to_qdate(SIGNED))
        dialog.buttons.accepted.emit()
        wait_while_busy()
        assert not dialog.isVisible(), dialog.error.text()
    return fill


def test_double_click_opens_the_assignment_to_add_its_decision(qtbot: QtBot, window: MainWindow,
                                                               context: AppContext) -> None:
    target_id, held = held_target(context)
    window.tree.reveal(target_id)
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == target_id, timeout=WAIT_MS)
    table = window.panel.holders
    rect = table.visualItemRect(table.item(0, 0))
    done = answer_dialog(qtbot, add_decision(qtbot, "27-QĐ/ĐU"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first press
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    done()
    assert stored(context, held.id).decision == Decision("27-QĐ/ĐU", SIGNED)
    qtbot.waitUntil(lambda: table.item(0, 4) is not None and table.item(0, 4).text() == "27-QĐ/ĐU", timeout=WAIT_MS)
    focus(qtbot, window.tree.view)
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_edits(context)
    assert stored(context, held.id) == held


def test_enter_opens_the_assignment_and_a_refusal_stays_in_the_dialog(qtbot: QtBot, window: MainWindow,
                                                                      context: AppContext) -> None:
    target_id, held = held_target(context)
    window.tree.reveal(target_id)
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == target_id, timeout=WAIT_MS)
    table = window.panel.holders

    def too_early(dialog: QWidget) -> None:
        assert isinstance(dialog, EditAssignmentDialog)
        dialog.start.setDate(to_qdate(date(1990, 1, 1)))
        dialog.buttons.accepted.emit()
        wait_while_busy()
        assert dialog.isVisible()
        assert "không tồn tại vào ngày 01/01/1990" in dialog.error.text()

    done = answer_dialog(qtbot, too_early)
    focus(qtbot, table)
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wait_while_busy()
    done()
    assert stored(context, held.id) == held


def test_the_assignments_right_click_menu(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    target_id, held = held_target(context)
    window.tree.reveal(target_id)
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == target_id, timeout=WAIT_MS)
    table = window.panel.holders
    point = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.RightButton, pos=point)
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                               table.viewport().mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT_MS)
    menu = QApplication.activePopupWidget()
    assert [action.text() for action in menu.actions()] == [
        "Phân công cán bộ…", "Sửa phân công…", "Kết thúc phân công…"]
    done = answer_dialog(qtbot, add_decision(qtbot, "31-QĐ/ĐU"))
    menu.actions()[1].trigger()
    done()
    assert stored(context, held.id).decision == Decision("31-QĐ/ĐU", SIGNED)
