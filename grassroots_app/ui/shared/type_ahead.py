"""Keys typed in a form while its edit runs on a worker thread: held, then typed into the form made ready again."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

HELD_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod)


class TypeAhead(QObject):
    """Hold the keys typed in a form from hold() to release(), then give them to the field that has the cursor.

    A clerk who presses Enter and goes on typing the next entry loses nothing while the entry is being recorded,
    as when the window was busy recording it; a record key pressed before anything else is typed meanwhile is
    the same entry's key pressed again, and is dropped.
    """

    def __init__(self, form: QWidget, record_keys: Collection[Qt.Key]) -> None:
        super().__init__(form)
        self.form = form
        self.record_keys = frozenset(record_keys)
        self.held: list[QEvent] = []
        self.holding = False

    def hold(self) -> None:
        """Start holding the keys typed in the form."""
        if not self.holding:
            self.holding = True
            _application().installEventFilter(self)

    def release(self) -> None:
        """Type the keys held, in order, into the form's field that has the cursor now (the form's own: the window
        may have lost the keyboard to a list that has just closed); stop at one that starts another edit (the rest
        wait for that one)."""
        self._stop()
        pending, self.held = self.held, []
        for position, event in enumerate(pending):
            if self.holding:
                self.held = pending[position:]
                return
            target = self.form.focusWidget()
            if target is None:
                return  # no field of the form has the cursor: the keys were meant for one
            QCoreApplication.sendEvent(target, event)

    def drop(self) -> None:
        """Stop holding and forget the keys held (the edit was refused: they would change the refused entry)."""
        self._stop()
        if self.held:
            QApplication.beep()
        self.held = []

    def _stop(self) -> None:
        if self.holding:
            self.holding = False
            _application().removeEventFilter(self)

    def _in_form(self, widget: QWidget) -> bool:
        return widget is self.form or self.form.isAncestorOf(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep a copy of each key typed in the form while holding, instead of letting the form have it now."""
        if event.type() not in HELD_EVENTS or not isinstance(watched, QWidget) or not self._in_form(watched):
            return False
        if isinstance(event, QKeyEvent) and event.key() in self.record_keys and not self.held:
            return True  # pressed again on the entry being recorded
        self.held.append(event.clone())
        return True


def _application() -> QCoreApplication:
    """Return the running application (every key passes through it)."""
    app = QCoreApplication.instance()
    assert app is not None, "no application runs"
    return app
