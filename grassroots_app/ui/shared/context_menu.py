"""Right-click menus on the tree and the lists: the actions of the buttons that act on the selected row.

The menu opens on a right-click, the Menu key or Shift+F10; each entry presses its button, so it does exactly
what the button does and is greyed out when the button is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QMenu

Entry = QAbstractButton | QAction | None  # None: a separator
Entries = Callable[[], Sequence[Entry]]
MENU_KEYS = (QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10"))


def offer_menu(view: QAbstractItemView, entries: Entries) -> None:
    """Give a list or tree a menu of the entries (read when it opens) on right-click, Menu key and Shift+F10."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(
        lambda point: show_menu(view, entries(), view.viewport().mapToGlobal(point)))
    keys = QAction(view)
    keys.setShortcuts(list(MENU_KEYS))
    keys.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    keys.triggered.connect(lambda: show_menu(view, entries(), _current_point(view)))
    view.addAction(keys)


def show_menu(view: QAbstractItemView, entries: Sequence[Entry], where: QPoint) -> QMenu | None:
    """Pop up a menu of the shown entries at a point of the screen (nothing when none is shown, or when a menu is
    open already: X11 and Windows follow the Menu key, which opened one, with a context-menu event of their own)."""
    if isinstance(QApplication.activePopupWidget(), QMenu):
        return None
    menu = QMenu(view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, QAction):
            menu.addAction(entry)
        elif not entry.isHidden():
            _add_button(menu, entry)
    if not any(not action.isSeparator() for action in menu.actions()):
        menu.deleteLater()
        return None
    menu.popup(where)
    return menu


def _add_button(menu: QMenu, button: QAbstractButton) -> None:
    action = menu.addAction(button.text())
    action.setEnabled(button.isEnabled())
    action.triggered.connect(button.click)


def _current_point(view: QAbstractItemView) -> QPoint:
    """Return where the keyboard's menu opens: at the current row, else the view's top left corner."""
    rect = view.visualRect(view.currentIndex())
    point = rect.center() if rect.isValid() else QPoint(0, 0)
    return view.viewport().mapToGlobal(point)
