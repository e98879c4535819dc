"""Dialogs and the work that answers them: no modal dialog runs inside a drop, a dialog run to its end is
deleted (nothing can reach it afterwards), a progress dialog outlived by its work is left alone; the stress run."""

from __future__ import annotations

import gc
import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMetaObject, QObject, QPointF, Qt, QTimer, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

import grassroots_app.ui
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.ui import tasks
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.lifetime import collect_on_ui_thread, give_collection_back
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.widgets import Dialog
from grassroots_app.ui.tasks import TaskProgress
from grassroots_app.ui.units.assign_dialog import AssignDialog
from grassroots_app.ui.units.tree_model import cadre_mime_data
from grassroots_app.ui.units.unit_panel import CadrePickerDialog
from tests.ui.support import WAIT_MS, delete_later_now
from tests.ui.test_assign_dialog import a_cadre, a_hamlet

ROOT = Path(__file__).resolve().parents[2]
STRESS_CYCLES = 100
COLLECTION_CYCLES = 60


def escape_next_dialog(opened: list[QDialog]) -> None:
    """Leave the next modal dialog with Esc once it shows, remembering it."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, poll)
            return
        opened.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, poll)


def drop(window: MainWindow, cadre_id: str, target_id: str) -> None:
    """Deliver a cadre dragged from the roster onto a row of the tree, as the mouse would."""
    view = window.tree.view
    assert window.tree.reveal(target_id)
    point = view.visualRect(window.tree.model.index_of_id(target_id)).center()
    data = cadre_mime_data([cadre_id])
    actions, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(point, actions, data, left, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(point, actions, data, left, none))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), actions, data, left, none))


class _QueuedCall(QObject):
    """Notes, when a call queued to it runs, whether an object it was given still exists."""

    def __init__(self, other: QObject) -> None:
        super().__init__()
        self.other, self.seen_alive = other, []

    @Slot()
    def run(self) -> None:
        """Note whether the other object is still there."""
        self.seen_alive.append(shiboken6.isValid(self.other))


def test_deleting_later_now_runs_the_calls_queued_before_first(qtbot: QtBot) -> None:
    """An item view's Enter queues its editor's commit, then the editor is closed for later deletion; the
    tests' stand-in for the event loop must keep that order, as the loop does (else: a dangling editor)."""
    editor = QWidget()
    call = _QueuedCall(editor)
    QMetaObject.invokeMethod(call, "run", Qt.ConnectionType.QueuedConnection)
    editor.deleteLater()
    delete_later_now()
    qtbot.waitUntil(lambda: bool(call.seen_alive), timeout=WAIT_MS)
    assert call.seen_alive == [True]
    assert not shiboken6.isValid(editor)


def test_a_dropped_cadre_is_asked_about_after_the_drop_has_ended(window: MainWindow, qtbot: QtBot) -> None:
    """The Assign dialog's own event loop never runs inside the drop (Qt's drag still holds its state there)."""
    hamlet = a_hamlet(window.context)
    cadre = a_cadre(window.context, Tier.COMMUNE)
    opened: list[QDialog] = []
    escape_next_dialog(opened)
    drop(window, cadre.id, hamlet.id)
    assert opened == [], "the dialog ran inside the drop event"
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=WAIT_MS)
    assert isinstance(opened[0], AssignDialog)


def test_a_dialog_run_to_its_end_is_deleted(window: MainWindow, qtbot: QtBot) -> None:
    """Closed dialogs do not pile up under their parent, still reachable by timers and workers' answers."""
    hamlet = a_hamlet(window.context)
    window.tree.reveal(hamlet.id)
    cadre = a_cadre(window.context, Tier.COMMUNE)
    for _attempt in range(3):
        opened: list[QDialog] = []
        escape_next_dialog(opened)
        window.panel.open_assign(cadre.id)
        escape_next_dialog(opened)
        window.panel.assign()
        delete_later_now()
    assert window.findChildren(AssignDialog) == []
    assert window.findChildren(CadrePickerDialog) == []


def test_every_dialog_of_the_window_is_deleted_once_run() -> None:
    """Each dialog class of the window derives from the dialog that is deleted after it has run."""
    found: set[type] = set()
    for module in pkgutil.walk_packages(grassroots_app.ui.__path__, "grassroots_app.ui."):
        for _name, kind in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(kind, QDialog) and kind.__module__.startswith("grassroots_app.ui"):
                found.add(kind)
    assert len(found) >= 17
    assert sorted(kind.__name__ for kind in found if not issubclass(kind, Dialog)) == []


def test_a_progress_dialog_gone_with_its_parent_does_not_break_the_answer(
        context: AppContext, qtbot: QtBot) -> None:
    """Work with a progress dialog whose parent is deleted meanwhile still ends quietly (no error shown)."""
    parent = QWidget()
    answers: list[object] = []

    def work(progress: TaskProgress) -> int:
        progress.report(1, 2, "half")
        return 42

    context.tasks.run(work, answers.append, None, "Working…", parent)
    parent.deleteLater()
    delete_later_now()
    context.tasks.wait()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    qtbot.wait(50)
    assert answers == []
    assert context.errors.last_message == ""


def test_the_qt_objects_of_background_work_are_deleted_and_on_the_ui_thread(
        context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each work's signals are deleted once answered (not kept for ever with their callbacks), and on the UI
    thread: not by a garbage collection in a worker thread (as when a worker's result is unpacked), since a Qt
    object deleted on another thread while the window still delivers its queued signals can crash the window.
    """
    deleted_in: list[int] = []

    class Watched(tasks._Signals):  # noqa: SLF001 - the objects the task runner makes for each work
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self.destroyed.connect(lambda: deleted_in.append(threading.get_ident()),
                                   Qt.ConnectionType.DirectConnection)

    monkeypatch.setattr(tasks, "_Signals", Watched)
    for _number in range(10):
        context.tasks.run(lambda _progress: gc.collect(), lambda _result: None)
        qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    context.tasks.wait()
    qtbot.wait(20)
    delete_later_now()
    gc.collect()
    assert len(deleted_in) >= 9
    assert set(deleted_in) == {threading.get_ident()}


def test_stress_of_the_assign_pick_and_edit_dialogs(demo_template: dict[Preset, Path], tmp_path: Path) -> None:
    """Hundreds of dialogs opened, refused, cancelled and confirmed with workers answering in between: no crash."""
    env = {**os.environ, "PYTHONFAULTHANDLER": "1", "QT_QPA_PLATFORM": "offscreen",
           "GRASSROOTS_LOG_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.dialog_stress", str(demo_template[Preset.TWO_LEVEL]), str(tmp_path),
         str(STRESS_CYCLES), "15"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    report = "\n".join(line for line in (result.stdout + result.stderr).splitlines() if "propagateSizeHints" not in line)
    assert result.returncode == 0, report
    counts = dict(line.rsplit(": ", 1) for line in result.stdout.splitlines() if ": " in line and "cycles" not in line)
    assert int(counts["assign confirmed with Enter"]) >= 20, report
    assert int(counts.get("assign refused, Esc", 0)) + int(counts.get("refused after OK", 0)) >= 3, report
    assert int(counts["picked"]) >= 15 and int(counts["EndAssignmentDialog confirmed with Enter"]) >= 3, report
    assert int(counts.get("CadreDialog confirmed with Enter", 0)) + int(counts.get("CadreDialog cancelled", 0)) >= 3
    assert f"cycles: {STRESS_CYCLES}" in result.stdout and "unexpected errors: ''" in result.stdout, report


def test_closed_widgets_and_contexts_are_collected_on_the_ui_thread_only(
        demo_template: dict[Preset, Path], tmp_path: Path) -> None:
    """Closed widgets and contexts held only in a cycle, with worker reads and work allocating meanwhile: no crash.

    Before, a garbage collection started on a worker thread (by its allocations, or by a read's unpacking)
    deleted their Qt objects (widgets, timers, a thread pool) there, and the process crashed at once.
    """
    env = {**os.environ, "PYTHONFAULTHANDLER": "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.collection_stress", str(demo_template[Preset.TWO_LEVEL]), str(tmp_path),
         str(COLLECTION_CYCLES)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    report = "\n".join(line for line in (result.stdout + result.stderr).splitlines() if "propagateSizeHints" not in line)
    assert result.returncode == 0, report
    assert f"cycles: {COLLECTION_CYCLES}; answers: {2 * COLLECTION_CYCLES}" in result.stdout, report
    assert "different thread" not in report



def test_garbage_is_collected_by_a_timer_on_the_ui_thread_not_by_a_worker(qtbot: QtBot) -> None:
    """A worker thread allocating past Python's threshold frees nothing; the UI thread's timer frees it."""
    freed_in: list[int] = []

    class Cycle:
        def __init__(self) -> None:
            self.itself = self

        def __del__(self) -> None:
            freed_in.append(threading.get_ident())

    def allocate() -> None:
        for _number in range(3 * gc.get_threshold()[0]):
            loop: list[object] = []
            loop.append(loop)

    Cycle()
    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert freed_in == []
    qtbot.waitUntil(lambda: bool(freed_in), timeout=2000)
    assert freed_in == [threading.get_ident()]


def test_python_collects_on_its_own_again_only_once_the_collector_is_gone(qapp: QApplication) -> None:
    """No automatic collection may start inside the collector's deletion (Qt holds a lock there that it needs)."""
    collector = collect_on_ui_thread(qapp)
    during: list[bool] = []
    collector.destroyed.connect(lambda: during.append(gc.isenabled()))
    give_collection_back(collector)
    assert during == [False]
    assert gc.isenabled()
    gc.disable()  # the fixture's collector, still there, runs the collection until the test ends
