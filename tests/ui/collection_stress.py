"""Closed widgets and closed application contexts left to Python's garbage collector while worker reads and
worker work run: run by
tests/ui/test_dialog_lifetime.py in a process of its own, so that a segmentation fault fails that test with
its trace (PYTHONFAULTHANDLER). Exits 0 when the process survived every cycle.

    python -m tests.ui.collection_stress DATABASE.sqlite WORK_FOLDER CYCLES
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget  # noqa: E402

from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.services import browse  # noqa: E402
from grassroots_app.ui.context import AppContext  # noqa: E402
from grassroots_app.ui.errors import ErrorReporter  # noqa: E402
from grassroots_app.ui.lifetime import collect_on_ui_thread  # noqa: E402
from grassroots_app.ui.settings import WindowSettings  # noqa: E402
from grassroots_app.ui.tasks import TaskProgress, TaskRunner, WorkerPool  # noqa: E402
from tests.ui.dialog_stress import wait_until  # noqa: E402

GARBAGE_PER_WORK = 20_000  # objects in cycles: enough to start an automatic collection in the worker thread


class Helper(QObject):
    """A helper that keeps its widget, as the views' refreshers do: the widget's wrapper is in a cycle."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget


class Closed(QWidget):
    """A window-less widget with fields, shown, focused, closed and dropped without being deleted."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        self.table = QTableView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.table)
        self.helper = Helper(self)


def make_garbage(_progress: TaskProgress) -> int:
    """Allocate objects in cycles on the worker thread, as a read's bookkeeping does."""
    for _number in range(GARBAGE_PER_WORK):
        loop: list[object] = []
        loop.append(loop)
    return GARBAGE_PER_WORK


def drop_a_closed_widget(app: QApplication) -> None:
    """Show a widget, give its field the keyboard, close it and drop the last reference to it."""
    widget = Closed()
    widget.show()
    widget.field.setFocus()
    app.processEvents()
    widget.close()


def drop_a_closed_context(path: Path, folder: Path) -> None:
    """Open a context on the database and close it, as each window test does: its Qt objects are in a cycle."""
    AppContext(database=Database.open(str(path), backup=False), back_up=False,
               settings=WindowSettings(folder / "settings.ini"),
               errors=ErrorReporter(folder / "grassroots.log", show_dialogs=False), as_of=DEMO_DATE).close()


def main(argv: list[str]) -> int:
    """Run the cycles; print how many; exit 0 when the process survived them all."""
    folder, cycles = Path(argv[1]), int(argv[2])
    path = folder / "collection.sqlite"
    shutil.copy(argv[0], path)
    url = f"sqlite:///{path.resolve()}"
    app = QApplication.instance() or QApplication([])
    collect_on_ui_thread(app)
    workers = WorkerPool()
    runner = TaskRunner(on_error=lambda error: print(f"error: {error!r}"), workers=workers, parent=app)
    answers: list[object] = []
    for _number in range(cycles):
        drop_a_closed_widget(app)
        runner.read(url, browse.children, (None, DEMO_DATE), answers.append)
        drop_a_closed_context(path, folder)
        runner.run(make_garbage, answers.append)
        wait_until(lambda: not runner.busy)
    runner.wait()
    workers.stop()
    print(f"cycles: {cycles}; answers: {len(answers)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
