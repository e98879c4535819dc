"""The status bar's sign that an edit is still being written: its name and a moving bar, shown once it takes a moment.

It is no window of its own: a window would take the keyboard, and the keys a clerk types on meanwhile (held by the
form, see type_ahead.py) would go to it instead of the next entry.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from grassroots_app.ui.tasks import PROGRESS_DELAY_MS

BAR_WIDTH = 120


class BusyIndicator(QWidget):
    """The name of the edit running and a bar that moves, hidden until the edit has run PROGRESS_DELAY_MS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # it moves: the edit's length is not known
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(BAR_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.delay = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self.delay.timeout.connect(self.show)
        self.hide()

    def show_edit(self, label: str) -> None:
        """Name the edit running (shown once it takes a moment); an empty label: none runs, hide at once."""
        self.label.setText(label)
        if not label:
            self.delay.stop()
            self.hide()
        elif not self.isVisible() and not self.delay.isActive():
            self.delay.start()
