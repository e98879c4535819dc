"""Helpers for driving widgets like a user."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def type_text(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Type text like a user: plain keys for ASCII, the input method's commit for Vietnamese letters.

    (QTest only knows ASCII keys: it aborts the process on a letter such as "ấ".)
    """
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def shown(qtbot: QtBot, dialog: W) -> W:
    """Show a dialog without blocking, as the window would with exec()."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog
