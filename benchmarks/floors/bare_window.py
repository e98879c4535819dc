"""Floor of the window's start: a fresh process shows an empty QMainWindow of the given size, to its first paint.

    python benchmarks/floors/bare_window.py WIDTH HEIGHT

Prints "first-paint WIDTHxHEIGHT" at the window's first paint and exits at once (as ui_start's app child does).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Prints the window's size at its first paint, then ends the process."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Catch the first paint."""
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            print(f"first-paint {watched.width()}x{watched.height()}", flush=True)
            os._exit(0)
        return False


def main() -> None:
    """Show the bare window and wait for its first paint."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(int(sys.argv[1]), int(sys.argv[2]))
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
