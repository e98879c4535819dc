"""Slow work off the UI thread: one small wrapper with success and failure callbacks and progress.

Heavy reads go further, to worker processes: a thread of this process would still compete with the UI
thread for the interpreter lock, and a national-size sort or count holds it for hundreds of milliseconds.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, process
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, BinaryIO

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from grassroots_app.services.isolated import load_result, run_read_to_file, start_worker
from grassroots_app.services.workspace import retry_when_busy
from grassroots_app.tempfiles import sweep_read_results
from grassroots_app.ui.i18n import tr

PROGRESS_DELAY_MS = 300
WORKER_PROCESSES = os.cpu_count() or 2

_unpack_lock = threading.Lock()


def under_wine() -> bool:
    """Return whether this is Windows as Wine emulates it (ntdll exports wine_get_version)."""
    if sys.platform != "win32":
        return False
    import ctypes  # noqa: PLC0415 - Windows only

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


def _wake_with_a_byte(wakeup: Any) -> None:
    if not wakeup._closed:
        wakeup._writer.send_bytes(b"\0")


if under_wine():
    # Wine 8.0's message pipes lose zero-length messages: the peek reports one, the read then blocks for ever.
    # The worker pool wakes its manager thread with such a message, so reads hung under the Windows check
    # (packaging/windows/check.py). Windows itself delivers them: there the pool runs as Python made it.
    process._ThreadWakeup.wakeup = _wake_with_a_byte  # type: ignore[method-assign, assignment]


class WorkerPool:
    """The worker processes of one window's heavy reads: started on first use, again after one was lost."""

    def __init__(self, processes: int = WORKER_PROCESSES) -> None:
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._asked: set[Future[str]] = set()  # the reads submitted and not yet answered
        self._abandoned: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()  # ended by abandon()

    def _started(self, broken: ProcessPoolExecutor | None = None) -> ProcessPoolExecutor:
        """Return the processes, starting them when none run or `broken` lost one."""
        with self._lock:
            if self._pool is None or self._pool is broken:
                sweep_read_results(Path(tempfile.gettempdir()))
                self._pool = ProcessPoolExecutor(
                    self.processes, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker
                )
            return self._pool

    def read(self, url: str, query: Callable[..., Any], *args: Any) -> Any:
        """Run a read use case in a worker process and wait for its result (call it off the UI thread).

        Raises Cancelled when abandon() dropped it.
        """
        pool = self._started()
        try:
            path = Path(self._answer(pool, url, query, *args))
        except BrokenProcessPool:  # a worker died (killed, out of memory): start fresh ones and try once more
            path = Path(self._answer(self._started(broken=pool), url, query, *args))
        try:
            with path.open("rb") as file:
                return _unpack(file)
        finally:
            path.unlink(missing_ok=True)

    def _answer(self, pool: ProcessPoolExecutor, url: str, query: Callable[..., Any], *args: Any) -> str:
        """Submit one read to the pool and wait for the path of its result; Cancelled when the pool was abandoned."""
        try:
            future = pool.submit(run_read_to_file, url, query, *args)
        except RuntimeError:  # "cannot schedule new futures after shutdown"
            if pool in self._abandoned:
                raise Cancelled from None
            raise
        with self._lock:
            self._asked.add(future)
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError):
            if pool in self._abandoned:
                raise Cancelled from None
            raise
        finally:
            with self._lock:
                self._asked.discard(future)

    def abandon(self) -> None:
        """Drop the reads asked for and not answered, without waiting for them: the processes running them are
        ended (they only read: nothing written is lost) and the next read starts new ones. Idle processes stay."""
        with self._lock:
            pool = self._pool
            if pool is None or not self._asked:
                return
            self._pool = None
            self._abandoned.add(pool)
        for worker in list((pool._processes or {}).values()):  # no public way to end a pool's running calls
            worker.terminate()
        pool.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """Stop the worker processes, if any were started (the next read starts new ones)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _unpack(packed: BinaryIO) -> Any:
    """Unpickle a result as long-lived data: no collection while it arrives, and none scanning it later.

    A national read's answer may be hundreds of thousands of objects; each full garbage collection over them holds
    the interpreter lock for 100-300 ms, which freezes the window. Frozen objects are still freed when no longer used.
    Nothing is collected here, on a worker thread: see lifetime.collect_on_ui_thread.
    """
    with _unpack_lock:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return load_result(packed, between_slices=_give_way)
        finally:
            gc.freeze()
            if collecting:
                gc.enable()


def _give_way() -> None:
    """Let the UI thread run if it waits for the interpreter lock (a long result is unpickled a slice at a time)."""
    time.sleep(0)


class Cancelled(Exception):
    """The user cancelled the work; whatever it wrote was rolled back."""


class TaskProgress:
    """Handed to the work function: report progress, learn about cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()
        self.answered = threading.Event()  # set once the worker thread has posted the work's answer

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
            result = retry_when_busy(self.work, self.progress)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the UI thread
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.progress.answered.set()  # the worker thread is done with the signals


class TaskRunner(QObject):
    """Runs work functions on a thread pool and calls back on the UI thread."""

    def __init__(
        self, on_error: Callable[[BaseException], None], workers: WorkerPool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.on_error = on_error
        self.workers = workers
        self._running: set[_Signals] = set()

    def run(
        self,
        work: Callable[[TaskProgress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        cancellable: bool = True,
    ) -> TaskProgress:
        """Start the work; with a label, show a progress dialog with a Cancel button while it runs (an edit, which
        cannot be cancelled, has none: it names itself in the status bar instead).

        The callbacks are skipped once `parent` (the widget they serve) has been deleted, unless the work cannot be
        cancelled: an edit, committed once started, is always answered (its undo step must be recorded).
        """
        signals = _Signals()  # deleted below on this thread once answered, not while its answer is still queued
        progress = TaskProgress(signals)
        assert cancellable or label is None, "work that cannot be cancelled has no progress dialog"
        dialog = self._dialog(label, parent, progress) if label is not None else None
        answered = (lambda: True) if not cancellable else (lambda: alive(parent))
        job = _Job(work, signals, progress)

        def finish() -> None:
            self._running.discard(signals)
            progress.answered.wait()  # the worker thread has posted its answer: at most a moment
            signals.deleteLater()  # with its connections, which hold these callbacks
            if dialog is not None and shiboken6.isValid(dialog):  # else gone with its parent
                dialog.reset()
                dialog.deleteLater()

        def succeeded(result: Any) -> None:
            finish()
            if answered():
                on_success(result)

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, Cancelled):
                return
            if on_failure is not None and answered():
                on_failure(error)
            else:
                self.on_error(error)

        signals.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            signals.progress.connect(lambda done, total, text: _show(dialog, done, total, text))
        self._running.add(signals)
        self.pool.start(job)
        return progress

    def read(
        self,
        url: str,
        query: Callable[..., Any],
        args: tuple[Any, ...],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> TaskProgress:
        """Run a read use case on the database at the URL in a worker process, then call back like run().

        Cancelling drops the result: the worker finishes the read, nobody waits for it.
        """
        gc.collect(1)  # the young garbage, here on the UI thread: the result's unpacking freezes what is left

        def work(progress: TaskProgress) -> Any:
            result = self.workers.read(url, query, *args)
            if progress.cancelled:
                raise Cancelled
            return result

        return self.run(work, on_success, on_failure, label, parent)

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


def alive(widget: QWidget | None) -> bool:
    """Return whether a widget callbacks serve is still there (None: they serve no widget)."""
    return widget is None or shiboken6.isValid(widget)


def _show(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    if not shiboken6.isValid(dialog):  # gone with its parent
        return
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total else 0)
    if text:
        dialog.setLabelText(text)
