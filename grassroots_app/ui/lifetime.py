"""Connections that end with the widget they serve, so a closed or rebuilt widget is never called."""

from __future__ import annotations

import gc
import inspect
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

COLLECT_INTERVAL_MS = 100


def _arity(slot: Callable[..., Any]) -> int | None:
    """Return how many positional arguments the slot takes (None: any number)."""
    try:
        parameters = inspect.signature(slot).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters):
        return None
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(1 for p in parameters if p.kind in positional)


def alive(owner: QObject, slot: Callable[..., Any]) -> Callable[..., None]:
    """Return a callable that calls the slot only while the owner's Qt object exists.

    Like Qt, it drops the signal's extra arguments that the slot does not take.
    """
    arity = _arity(slot)

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            slot(*(args if arity is None else args[:arity]))

    return call


def follow(signal: SignalInstance, owner: QObject, slot: Callable[..., Any]) -> None:
    """Connect a shared signal to a widget's slot for as long as the widget lives."""
    call = alive(owner, slot)
    signal.connect(call)

    def forget() -> None:
        try:
            signal.disconnect(call)
        except (RuntimeError, TypeError):
            pass  # the signal's own object is already gone

    owner.destroyed.connect(forget)


def silence(widget: QObject) -> None:
    """Block the signals of a widget and everything in it before it is torn down."""
    widget.blockSignals(True)
    for child in widget.findChildren(QObject):
        child.blockSignals(True)


class ShownRefresher(QObject):
    """Runs a widget's refresh only while it is shown; a hidden tab refreshes when it is next shown."""

    def __init__(self, widget: QWidget, refresh: Callable[[], Any]) -> None:
        super().__init__(widget)
        self.widget, self.refresh, self.stale = widget, refresh, True
        widget.installEventFilter(self)

    def request(self) -> None:
        """Refresh now if the widget is visible, else when it is next shown."""
        self.stale = not self.widget.isVisible()
        if not self.stale:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Catch up on a refresh missed while hidden."""
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False


class _UiThreadCollector(QObject):
    """Python's garbage collection, from a timer on the UI thread instead of whichever thread allocates."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self, interval=COLLECT_INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """Collect the oldest generation past its threshold, as Python's own collection would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        if due:
            gc.collect(due[-1])


def collect_on_ui_thread(app: QObject) -> QObject:
    """Run Python's garbage collection only on the UI thread, for as long as the application lives.

    A collection runs on the thread that allocates when a threshold is passed, a worker thread as well; the
    unreachable Qt objects it frees (a closed view or dialog, a closed context's timer and thread pool, held
    only in a cycle) are then deleted on that thread while the UI thread still uses Qt: a segmentation fault.
    Returns the collector (a child of `app`); give_collection_back() ends it.
    """
    return _UiThreadCollector(app)


def give_collection_back(collector: QObject) -> None:
    """Delete the collector, then let Python collect on its own again.

    Not while it is being deleted: a collection started there (by any allocation) runs weak-reference callbacks
    that disconnect Qt signals, and Qt's destructor holds the lock they wait for. The tests hung so.
    """
    shiboken6.delete(collector)
    gc.enable()
