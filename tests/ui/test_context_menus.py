"""Right-click menus on the lists of the window: a right-click, the Menu key or Shift+F10 opens a menu offering
the actions of the buttons for the selected row, greyed out when the button is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.ui.fieldlog.activity_list import EditActivityDialog
from grassroots_app.ui.fieldlog.recommendation_dialogs import RecommendationDialog
from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import WAIT_MS, answer_dialog, focus

Getter = Callable[[MainWindow], QAbstractItemView]
TAB_OF = {"roster": 0, "activities": 3, "recommendations": 4, "reports": 6}
LISTS: dict[str, tuple[Getter, list[str]]] = {
    "roster": (lambda window: window.roster.table, ["Sửa…", "Thêm cán bộ…"]),
    "activities": (lambda window: window.field_log.activities.table, ["Sửa…", "Xóa"]),
    "recommendations": (lambda window: window.recommendations.table,
                        ["Thêm mới…", "Giải quyết tại cơ sở…", "Chuyển đến…", "Trả lời…", "Kết thúc…", "Sửa…",
                         "Xóa"]),
}


def menu_texts(menu: QMenu) -> list[str]:
    """Return the texts of the menu's entries, shortcuts and mnemonics left out."""
    return [action.text().replace("&", "") for action in menu.actions() if not action.isSeparator()]


def popup(qtbot: QtBot) -> QMenu:
    """Return the menu that opened."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT_MS)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def first_row_point(view: QAbstractItemView) -> QPoint:
    """Return the middle of the first row's first cell."""
    return view.visualRect(view.model().index(0, 0)).center()


@pytest.mark.parametrize("name", list(LISTS))
def test_a_list_offers_its_actions_on_right_click_and_from_the_keyboard(qtbot: QtBot, window: MainWindow,
                                                                       name: str) -> None:
    getter, expected = LISTS[name]
    window.tabs.setCurrentIndex(TAB_OF[name])
    view = getter(window)
    qtbot.waitUntil(lambda: view.isVisible() and view.model().rowCount() > 0, timeout=WAIT_MS)
    view.clearSelection()
    point = first_row_point(view)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    assert view.selectionModel().isRowSelected(0, view.rootIndex()), "the right-clicked row is the one acted on"
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                              view.viewport().mapToGlobal(point)))
    menu = popup(qtbot)
    assert menu_texts(menu) == expected
    edit = next(action for action in menu.actions() if action.text().replace("&", "") == "Sửa…")
    assert edit.isEnabled(), "a row is selected: it can be edited"
    menu.close()
    for key, modifier in ((Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)):
        focus(qtbot, view)
        qtbot.keyClick(view, key, modifier)
        menu = popup(qtbot)
        assert menu_texts(menu) == expected
        menu.close()


def test_the_panels_field_log_rows_open_with_a_double_click(qtbot: QtBot, window: MainWindow) -> None:
    province = window.tree.model.index(0, 0)
    window.tree.view.setCurrentIndex(province)
    section = window.panel.field_log
    qtbot.waitUntil(lambda: section.activities.rowCount() > 0 and section.recommendations.rowCount() > 0,
                    timeout=WAIT_MS)
    for tab, expected in ((0, EditActivityDialog), (1, RecommendationDialog)):
        section.tabs.setCurrentIndex(tab)
        table = section.tabs.currentWidget()
        assert isinstance(table, QAbstractItemView)
        point = first_row_point(table)
        done = answer_dialog(qtbot, lambda dialog, kind=expected: assert_kind(dialog, kind))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # a double click's first press
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
        done()


def assert_kind(dialog: QWidget, kind: type) -> None:
    """Check that the dialog that opened is of a kind."""
    assert isinstance(dialog, kind)



def test_the_menu_key_opens_one_menu(qtbot: QtBot, window: MainWindow) -> None:
    """The Menu key opens one menu, not two stacked: X11 and Windows follow the key with a context-menu event of
    their own, which must not open a second menu over the first."""
    view = window.tree.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0, timeout=WAIT_MS)
    view.setCurrentIndex(view.model().index(0, 0))
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    popup(qtbot)
    point = view.visualRect(view.currentIndex()).center()
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point,
                                                              view.viewport().mapToGlobal(point)))
    qtbot.wait(100)
    menus = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMenu) and widget.isVisible()]
    assert len(menus) == 1
