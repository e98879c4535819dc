"""Helpers for driving widgets like a user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.ui.shared.pickers import ID_ROLE, LookupField
from grassroots_app.ui.shared.prompter import Prompter, Unsaved
from grassroots_app.ui.tasks import WorkerPool

W = TypeVar("W", bound=QWidget)
PRINT_TEST_DPI = 72
Handler = Callable[[QWidget], None]

WORKERS = WorkerPool()  # one set of worker processes for every test's context, as the suite had before
read_in_worker = WORKERS.read


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
    """Show a widget and wait until it is on screen (a dialog: without blocking, as the window would with exec())."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def answer_dialog(qtbot: QtBot, handler: Handler) -> Callable[[], None]:
    """Run the handler on the next modal dialog, closing it if the handler fails; return a check that it ran."""
    ran: list[bool] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            handler(dialog)
        finally:
            ran.append(True)
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, poll)
    return lambda: qtbot.waitUntil(lambda: bool(ran), timeout=5000)


def delete_later_now() -> None:
    """Carry out the deletions Qt has been asked to do later, as the event loop would: after the calls queued
    before them (an item view's Enter queues its editor's commit; deleting the editor first left that call a
    dangling editor, which crashed the process under Windows)."""
    QApplication.sendPostedEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give a widget the keyboard in an active window, as after a dialog closed (shortcuts need both)."""
    window = widget.window()
    # The window's event loop deletes a closed dialog (widgets.Dialog) as soon as it runs again; a test has no
    # such loop, so do it here: a closed dialog left alive keeps the platform's focus on its hidden window.
    delete_later_now()
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    widget.setFocus()


def pick(qtbot: QtBot, field: LookupField, text: str, record_id: str) -> None:
    """Type part of a name, go down the suggestions to the record and take it with Enter."""
    qtbot.keyClicks(field, text)
    popup = field.suggester.popup()
    qtbot.waitUntil(popup.isVisible)
    matches = field.suggester.completionModel()
    ids = [matches.index(row, 0).data(ID_ROLE) for row in range(matches.rowCount())]
    for _row in range(ids.index(record_id)):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.chosen == record_id


@dataclass
class ScriptedPrompter(Prompter):
    """Answers confirmations from a list and remembers every message shown."""

    answers: list[bool] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # the files chosen to save or open, then the printers' output files
    offered: list[str] = field(default_factory=list)  # what the choosers offered: a path, a folder, a printed name
    unsaved: list[Unsaved] = field(default_factory=list)  # the answers to "save before leaving?"

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        """Record the question and give the next scripted answer (yes when none is left)."""
        self.shown.append(question)
        return self.answers.pop(0) if self.answers else True

    def ask_to_save(self, parent: QWidget | None, title: str, question: str) -> Unsaved:
        """Record the question and give the next scripted answer (cancel when none is left)."""
        self.shown.append(question)
        return self.unsaved.pop(0) if self.unsaved else Unsaved.CANCEL

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record the information."""
        self.shown.append(text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        """Record the warning."""
        self.shown.append(text)

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        """Record the title and the path offered; give the next scripted path (None, as if cancelled, when none
        is left)."""
        self.shown.append(title)
        self.offered.append(suggested)
        return self.paths.pop(0) if self.paths else None

    def open_path(self, parent: QWidget | None, title: str, filters: str, folder: str = "") -> str | None:
        """Record the title and the folder offered; give the next scripted path (None, as if cancelled, when none
        is left)."""
        self.shown.append(title)
        self.offered.append(folder)
        return self.paths.pop(0) if self.paths else None

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Print to a PDF file at the next scripted path, at a low resolution to be quick (cancel when none is left)."""
        self.offered.append(printer.docName())
        if not self.paths:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.paths.pop(0))
        printer.setResolution(PRINT_TEST_DPI)
        return True
