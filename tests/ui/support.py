"""Helpers for driving widgets like a user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.ui.prompter import Prompter

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


@dataclass
class ScriptedPrompter(Prompter):
    """Answers confirmations from a list and remembers every message shown."""

    answers: list[bool] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        """Record the question and give the next scripted answer (yes when none is left)."""
        self.shown.append(question)
        return self.answers.pop(0) if self.answers else True

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record the information."""
        self.shown.append(text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        """Record the warning."""
        self.shown.append(text)
