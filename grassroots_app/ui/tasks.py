"""Slow work off the UI thread: one small wrapper with success and failure callbacks and progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from grassroots_app.ui.i18n import tr

PROGRESS_DELAY_MS = 300


class Cancelled(Exception):
    """The user cancelled the work; whatever it wrote was rolled back."""


class TaskProgress:
    """Handed to the work function: report progress, learn about cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        """Tell the window how far the work is; raise Cancelled when the user asked to stop."""
        if self._cancelled.is_set():
            raise Cancelled
        self._signals.progress.emit(done, total, label)

    def cancel(self) -> None:
        """Ask the work to stop at its next report."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Return whether the user asked to stop."""
        return self._cancelled.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[TaskProgress], Any], signals: _Signals, progress: TaskProgress) -> None:
        super().__init__()
        self.work, self.signals, self.progress = work, signals, progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the UI thread
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs work functions on a thread pool and calls back on the UI thread."""

    def __init__(self, on_error: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.on_error = on_error
        self._running: set[_Signals] = set()

    def run(
        self,
        work: Callable[[TaskProgress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> TaskProgress:
        """Start the work; with a label, show a cancellable progress dialog while it runs.

        The callbacks are skipped once `parent` (the widget they serve) has been deleted.
        """
        signals = _Signals()
        progress = TaskProgress(signals)
        dialog = self._dialog(label, parent, progress) if label is not None else None

        def finish() -> None:
            self._running.discard(signals)
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()

        def succeeded(result: Any) -> None:
            finish()
            if parent is None or shiboken6.isValid(parent):
                on_success(result)

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, Cancelled):
                return
            if on_failure is not None and (parent is None or shiboken6.isValid(parent)):
                on_failure(error)
            else:
                self.on_error(error)

        signals.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            signals.progress.connect(lambda done, total, text: _show(dialog, done, total, text))
        self._running.add(signals)
        self.pool.start(_Job(work, signals, progress))
        return progress

    def _dialog(self, label: str, parent: QWidget | None, progress: TaskProgress) -> QProgressDialog:
        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(progress.cancel)
        return dialog

    @property
    def busy(self) -> bool:
        """Return whether any work is still running or waiting for its callback."""
        return bool(self._running)

    def wait(self) -> None:
        """Block until every started work function has returned (for tests and shutdown)."""
        self.pool.waitForDone()


def _show(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total else 0)
    if text:
        dialog.setLabelText(text)
