"""Helpers for driving widgets like a user."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.errors import DomainError
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.shared.pickers import ID_ROLE, LookupField
from grassroots_app.ui.shared.prompter import Prompter, Unsaved
from grassroots_app.ui.tasks import WorkerPool

W = TypeVar("W", bound=QWidget)
T = TypeVar("T")
WAIT_MS = 60_000  # the longest a test waits for the window's background work: a worker process started under
# Wine on a loaded 2-core machine imports the application for seconds before it reads anything
BUSY_TIMEOUT_S = WAIT_MS / 1000
PRINT_TEST_DPI = 72
Handler = Callable[[QWidget], None]

WORKERS = WorkerPool()  # one set of worker processes for every test's context, as the suite had before
read_in_worker = WORKERS.read


def wait_for_edits(context: AppContext) -> None:
    """Let the window's event loop run until the edits, undos and redos its context runs are done, with what
    follows each (the undo step, the announcement, the callbacks)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while context.editing:
        assert time.monotonic() < deadline, "the edit did not finish"
        QApplication.processEvents()
        time.sleep(0.002)


def wait_while_busy() -> None:
    """Let the window run until it no longer shows the busy cursor: the edits asked for are done."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while QApplication.overrideCursor() is not None:
        assert time.monotonic() < deadline, "the window stayed busy"
        QApplication.processEvents()
        time.sleep(0.005)


def edit_now(context: AppContext, label: str, use_case: Callable[..., T], *args: Any) -> T:
    """Make an edit through the window's context and wait for it; return its result, raise its refusal."""
    refusals: list[DomainError] = []
    results = _edit_and_wait(context, label, use_case, args, refusals.append)
    if refusals:
        raise refusals[0]
    return results[0]


def edit_reported(context: AppContext, label: str, use_case: Callable[..., T], *args: Any) -> T | None:
    """Make an edit as the window makes it, a refusal shown in a message, and wait for it as the window waits for
    a report it saves before leaving; return its result, or None when refused."""
    results: list[T] = []
    context.edit(label, use_case, *args, on_done=results.append)
    context.finish_edits()  # without the event loop: nothing else of the window runs, nor writes, meanwhile
    assert not context.editing, "the edit's answer was not delivered"
    return results[0] if results else None


def _edit_and_wait(
    context: AppContext, label: str, use_case: Callable[..., T], args: tuple[Any, ...],
    on_refused: Callable[[DomainError], None],
) -> list[T]:
    results: list[T] = []
    context.edit(label, use_case, *args, on_done=results.append, on_refused=on_refused)
    wait_for_edits(context)
    return results


def undo_now(context: AppContext) -> None:
    """Undo the last step through the window's context and wait for it."""
    context.undo_last()
    wait_for_edits(context)


def redo_now(context: AppContext) -> None:
    """Redo the next step through the window's context and wait for it."""
    context.redo_next()
    wait_for_edits(context)


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
    return lambda: qtbot.waitUntil(lambda: bool(ran), timeout=WAIT_MS)


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
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
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
