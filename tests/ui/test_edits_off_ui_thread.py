"""Edits, undos and redos run on a worker thread: the window keeps answering while a slow one runs, takes the next
one only once it is done, and shows that it is busy."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Unit
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, clusters, history, units, workspace
from grassroots_app.ui import context as context_module
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.units import cluster_dialogs
from tests.ui.support import WAIT_MS, wait_for_edits

BLOCK_S = 30


def _commune(context: AppContext) -> str:
    province = context.read(browse.children, None, context.as_of)[0]
    return str(context.read(browse.children, province.id, context.as_of)[0].id)


def _named(context: AppContext, commune: str) -> set[str]:
    return {unit.name for unit in context.read(browse.children, commune, context.as_of)}


def _ticking() -> tuple[QTimer, list[int]]:
    """Return a 10 ms timer on the UI thread and the list its ticks go to."""
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    return timer, ticks


def test_the_window_answers_while_a_slow_edit_runs_and_takes_the_next_after_it(
    qtbot: QtBot, context: AppContext
) -> None:
    commune = _commune(context)
    started, release = threading.Event(), threading.Event()

    def slow_add(uow: UnitOfWork, name: str) -> Unit:
        started.set()
        assert release.wait(BLOCK_S)
        return units.add_unit(uow, units.NewUnit(name, commune, context.as_of))

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    made: list[str] = []
    timer, ticks = _ticking()
    context.edit("slow", slow_add, "Thôn Chậm", on_done=lambda unit: made.append(unit.name))
    context.edit("next", units.add_unit, units.NewUnit("Thôn Sau", commune, context.as_of),
                 on_done=lambda unit: made.append(unit.name))
    try:
        assert started.wait(BLOCK_S)
        qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=WAIT_MS)  # the UI thread runs its timer meanwhile
        assert context.editing
        assert QApplication.overrideCursor() is not None
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor
        qtbot.waitUntil(lambda: window.busy.isVisible(), timeout=WAIT_MS)  # named in the status bar, once it lasts
        assert window.busy.label.text() == "slow"
        assert QApplication.activeWindow() is window  # no window of its own: the keys typed stay where they were
        assert made == [] and context.undo.count() == 0
        assert not {"Thôn Chậm", "Thôn Sau"} & _named(context, commune)  # the second waits for the first
    finally:
        release.set()
    qtbot.waitUntil(lambda: not context.editing, timeout=WAIT_MS)
    timer.stop()
    assert made == ["Thôn Chậm", "Thôn Sau"]
    assert [context.undo.text(index) for index in range(context.undo.count())] == ["slow", "next"]
    assert QApplication.overrideCursor() is None
    assert not window.busy.isVisible()


def test_an_undo_is_replayed_off_the_ui_thread(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    commune = _commune(context)
    context.edit("add", units.add_unit, units.NewUnit("Thôn Hoàn Tác", commune, context.as_of))
    wait_for_edits(context)
    started, release = threading.Event(), threading.Event()

    def slow_replay(*args: object) -> None:
        started.set()
        assert release.wait(BLOCK_S)
        history.replay_on(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(context_module, "replay_on", slow_replay)
    timer, ticks = _ticking()
    context.undo_last()
    try:
        assert started.wait(BLOCK_S)
        qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=WAIT_MS)
        assert context.undo.index() == 1  # the stack moves once the replay is done
    finally:
        release.set()
    qtbot.waitUntil(lambda: not context.editing, timeout=WAIT_MS)
    timer.stop()
    assert context.undo.index() == 0 and context.undo.redoText() == "add"
    assert "Thôn Hoàn Tác" not in _named(context, commune)


def test_an_undo_asked_while_an_edit_runs_takes_back_that_edit(context: AppContext) -> None:
    commune = _commune(context)
    context.edit("add", units.add_unit, units.NewUnit("Thôn Vừa Thêm", commune, context.as_of))
    context.undo_last()  # typed at once: the step is on the stack only once the edit is done
    wait_for_edits(context)
    assert context.undo.index() == 0 and context.undo.redoText() == "add"
    assert "Thôn Vừa Thêm" not in _named(context, commune)


def test_a_database_switch_waits_for_the_edits_asked_on_the_database_left(
    context: AppContext, tmp_path: Path
) -> None:
    commune = _commune(context)
    left = context.database.url
    started, release = threading.Event(), threading.Event()

    def slow_add(uow: UnitOfWork, name: str) -> Unit:
        started.set()
        assert release.wait(BLOCK_S)
        return units.add_unit(uow, units.NewUnit(name, commune, context.as_of))

    context.edit("slow", slow_add, "Thôn Trước Khi Đổi")
    context.edit("queued", units.add_unit, units.NewUnit("Thôn Xếp Hàng", commune, context.as_of))
    assert started.wait(BLOCK_S)
    threading.Timer(0.2, release.set).start()  # the switch is asked while the first edit still runs
    context.switch_database(Database.open(str(tmp_path / "other.sqlite"), daily=False))
    assert not context.editing and context.undo.count() == 0
    assert context.read(browse.children, None, context.as_of) == []  # nothing of them in the other database
    again = Database.open(left, daily=False)
    try:
        names = {unit.name for unit in workspace.read(again, browse.children, commune, context.as_of)}
    finally:
        again.close()
    assert {"Thôn Trước Khi Đổi", "Thôn Xếp Hàng"} <= names


def test_a_dialog_waits_for_its_slow_edit_before_it_closes(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    province = context.read(browse.children, None, context.as_of)[0]
    started, release = threading.Event(), threading.Event()
    add_cluster = clusters.add_cluster

    def slow_add(*args: object) -> object:
        started.set()
        assert release.wait(BLOCK_S)
        return add_cluster(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cluster_dialogs.clusters, "add_cluster", slow_add)
    dialog = cluster_dialogs.NewClusterDialog(context, province.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Cụm Chậm")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    try:
        assert started.wait(BLOCK_S)
        assert not dialog.buttons.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel would not take back what is being written
        assert dialog.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert dialog.result_value.name == "Cụm Chậm"
