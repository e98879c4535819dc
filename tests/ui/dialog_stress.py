"""Open, refuse, cancel and confirm the assign, pick and edit dialogs many times in the real window, with worker
results arriving in between; run by tests/ui/test_dialog_stress.py in a process of its own, so that a
segmentation fault fails that test with its trace (PYTHONFAULTHANDLER).

    python -m tests.ui.dialog_stress DEMO.sqlite WORK_FOLDER CYCLES SEED
"""

from __future__ import annotations

import faulthandler
import os
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.domain.changes import Changes  # noqa: E402
from grassroots_app.domain.model import CadreStatus, Level  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.services import browse  # noqa: E402
from grassroots_app.services.roster import roster  # noqa: E402
from grassroots_app.ui.context import AppContext  # noqa: E402
from grassroots_app.ui.errors import ErrorReporter  # noqa: E402
from grassroots_app.ui.i18n import LanguageSwitcher  # noqa: E402
from grassroots_app.ui.lifetime import collect_on_ui_thread  # noqa: E402
from grassroots_app.ui.main_window import MainWindow  # noqa: E402
from grassroots_app.ui.settings import WindowSettings  # noqa: E402
from grassroots_app.ui.units.assign_dialog import AssignDialog, EndAssignmentDialog  # noqa: E402
from grassroots_app.ui.units.cadre_dialog import CadreDialog  # noqa: E402
from grassroots_app.ui.units.tree_model import cadre_mime_data  # noqa: E402
from grassroots_app.ui.units.unit_panel import CadrePickerDialog  # noqa: E402
from tests.ui.support import undo_now

DRIVER_MS = 2
WAIT_S = 20.0
SETTLE_S = 120.0  # the worker reads still queued at the end


class Driver:
    """Answers each modal dialog as a hurried clerk would: keys, not calls, and worker reads started meanwhile."""

    def __init__(self, window: MainWindow, rng: random.Random, cadre_ids: list[str]) -> None:
        self.window, self.rng, self.cadre_ids = window, rng, cadre_ids
        self.seen: Counter[str] = Counter()
        self.handled: set[int] = set()
        self.timer = QTimer(interval=DRIVER_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        """Act once on the dialog in front, if any."""
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            return
        if id(dialog) in self.handled:  # answered, still open: a refusal shown after OK; leave with Esc
            self.seen["refused after OK"] += 1
            key(dialog, Qt.Key.Key_Escape)
            return
        self.handled.add(id(dialog))
        self.stir()
        if isinstance(dialog, CadrePickerDialog):
            self.pick(dialog)
        elif isinstance(dialog, AssignDialog):
            self.answer_assign(dialog)
        elif isinstance(dialog, CadreDialog | EndAssignmentDialog):
            confirm = self.rng.random() < 0.5
            self.seen[f"{type(dialog).__name__} {'confirmed with Enter' if confirm else 'cancelled'}"] += 1
            key(dialog, Qt.Key.Key_Return if confirm else Qt.Key.Key_Escape)
        else:
            self.seen[f"other {type(dialog).__name__}"] += 1
            dialog.reject()

    def pick(self, dialog: CadrePickerDialog) -> None:
        """Highlight a cadre and press Enter in the list, or leave with Esc."""
        if self.rng.random() < 0.15:
            self.seen["pick cancelled"] += 1
            key(dialog, Qt.Key.Key_Escape)
            return
        wanted = self.rng.choice(self.cadre_ids)
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                dialog.list.setCurrentRow(row)
        dialog.list.setFocus()
        self.seen["picked"] += 1
        key(dialog.list, Qt.Key.Key_Return)

    def answer_assign(self, dialog: AssignDialog) -> None:
        """Esc on a refusal; otherwise Enter (confirm) or Esc (cancel)."""
        if dialog.data.refusal is not None:
            self.seen["assign refused, Esc"] += 1
            key(dialog, Qt.Key.Key_Escape)
        elif self.rng.random() < 0.25:
            self.seen["assign cancelled"] += 1
            key(dialog, Qt.Key.Key_Escape)
        else:
            self.seen["assign confirmed with Enter"] += 1
            key(dialog, Qt.Key.Key_Return)

    def stir(self) -> None:
        """Start worker reads whose results arrive while dialogs open and close."""
        choice = self.rng.random()
        if choice < 0.2:
            self.window.compute_marks()
        elif choice < 0.3:
            self.window.roster.reload()
        elif choice < 0.35:
            self.window.context.announce(Changes.everything())


def key(widget: QWidget, pressed: Qt.Key) -> None:
    """Press and release a key on the widget that has the focus in it (as the keyboard would)."""
    target = widget.focusWidget() or widget
    QTest.keyClick(target, pressed)


def wait_until(done: Callable[[], bool], seconds: float = WAIT_S) -> None:
    """Let the event loop run until the condition holds (worker results included)."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            faulthandler.dump_traceback(all_threads=True)
            raise TimeoutError(f"the window did not settle (dialog: {QApplication.activeModalWidget()!r})")
        QApplication.processEvents()
        time.sleep(0.001)


def settled() -> bool:
    """Return whether no dialog is open."""
    return QApplication.activeModalWidget() is None


def drop_cadre(window: MainWindow, cadre_id: str, target_id: str) -> None:
    """Drag a cadre from the roster onto a row of the tree, as the mouse would deliver it."""
    view = window.tree.view
    if not window.tree.reveal(target_id):
        return
    point = view.visualRect(window.tree.model.index_of_id(target_id)).center()
    data = cadre_mime_data([cadre_id])
    actions, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = view.viewport()
    for event in (QDragEnterEvent(point, actions, data, left, none), QDragMoveEvent(point, actions, data, left, none)):
        QApplication.sendEvent(viewport, event)
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), actions, data, left, none))


def targets(context: AppContext) -> list[str]:
    """Return some hamlets of the demo's communes."""
    found: list[str] = []
    for province in context.read(browse.children, None, DEMO_DATE):
        for commune in context.read(browse.children, province.id, DEMO_DATE)[:4]:
            found += [row.id for row in context.read(browse.children, commune.id, DEMO_DATE)[:3]
                      if row.level is Level.HAMLET]
    return found


def cycle(window: MainWindow, rng: random.Random, hamlets: list[str], cadre_ids: list[str], number: int) -> None:
    """One round of the clerk's work: assign from the panel or by a drop, edit a cadre, end an assignment."""
    context = window.context
    target = rng.choice(hamlets)
    window.tree.reveal(target)
    wait_until(lambda: window.panel.data is not None and window.panel.data.target_id == target)
    way = number % 4
    if way == 0:
        window.panel.assign()
    elif way == 1:
        drop_cadre(window, rng.choice(cadre_ids), target)
    elif way == 2:
        window.roster.select_cadre(rng.choice(cadre_ids))
        window.roster.edit_cadre()
    elif window.panel.holders.rowCount():
        window.panel.holders.selectRow(rng.randrange(window.panel.holders.rowCount()))
        window.panel.end_assignment()
    wait_until(settled)
    if context.undo.canUndo() and rng.random() < 0.5:
        undo_now(context)
    if number % 40 == 39:
        window.set_language("en" if context.language.language == "vi" else "vi")


def main(argv: list[str]) -> int:
    """Run the cycles; print what was done; exit 0 when the window survived them all."""
    source, folder, cycles, seed = Path(argv[0]), Path(argv[1]), int(argv[2]), int(argv[3])
    path = folder / "stress.sqlite"
    shutil.copy(source, path)
    app = QApplication.instance() or QApplication([])
    collect_on_ui_thread(app)  # as the application does
    language = LanguageSwitcher()
    language.apply("vi")
    context = AppContext(database=Database.open(str(path), backup=False), back_up=False,
                         settings=WindowSettings(folder / "settings.ini"),
                         errors=ErrorReporter(folder / "grassroots.log", show_dialogs=False),
                         language=language, as_of=DEMO_DATE)
    window = MainWindow(context)
    window.show()
    wait_until(lambda: window.tree.model.marks is not None)
    rng = random.Random(seed)
    cadre_ids = [entry.id for entry in context.read(roster, DEMO_DATE) if entry.status is CadreStatus.ACTIVE]
    driver = Driver(window, rng, cadre_ids)
    hamlets = targets(context)
    started = time.monotonic()
    for number in range(cycles):
        cycle(window, rng, hamlets, cadre_ids, number)
    wait_until(lambda: not context.tasks.busy, SETTLE_S)
    driver.timer.stop()
    window.close()
    context.close()
    del app
    for name, count in sorted(driver.seen.items()):
        print(f"{name}: {count}")
    print(f"cycles: {cycles} in {time.monotonic() - started:.1f} s; unexpected errors: {context.errors.last_message!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
