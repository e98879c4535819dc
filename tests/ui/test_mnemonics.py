"""Alt+letter keys: on every tab, no letter is underlined twice among the menus and the tab's visible buttons,
labels and tabs (an ambiguous Alt+T only moves the focus: on the Reports tab "Tạo dự thảo mới" was never pressed,
"Tệp" had T)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.ui.main_window import MainWindow

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    """Return the underlined letter of a text, lower case (None when it has none)."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def visible_letters(page: QWidget) -> list[str]:
    """Return the underlined letters of the buttons, labels with a buddy and tabs shown on a page."""
    letters = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            letters.append(letter(widget.text()))
        elif isinstance(widget, QTabBar):
            letters.extend(letter(widget.tabText(index)) for index in range(widget.count()))
    return [found for found in letters if found]


@pytest.mark.parametrize("tab", range(7))
def test_no_alt_letter_is_underlined_twice_on_a_tab(qtbot: QtBot, window: MainWindow, tab: int) -> None:
    window.tabs.setCurrentIndex(tab)
    qtbot.wait(200)
    menus = [letter(action.text()) for action in window.menuBar().actions()]
    letters = [found for found in menus if found] + visible_letters(window.tabs.currentWidget())
    twice = sorted(found for found, count in Counter(letters).items() if count > 1)
    assert twice == []
