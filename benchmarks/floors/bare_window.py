"""Floor of the window's start: a fresh process shows an empty QMainWindow of the given size, to its first paint.

    python benchmarks/floors/bare_window.py WIDTH HEIGHT [--libraries]

Prints "first-paint WIDTHxHEIGHT" at the window's first paint and exits at once (as ui_start's app child does).
With `--libraries` it first imports the persistence libraries the app needs before it can open a database
(SQLAlchemy's ORM and SQLModel): not a floor, the libraries' share of the app's start, for reference.
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
    if "--libraries" in sys.argv[3:]:
        import sqlalchemy.orm  # noqa: F401, PLC0415 - timed on purpose
        import sqlmodel  # noqa: F401, PLC0415
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(int(sys.argv[1]), int(sys.argv[2]))
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
