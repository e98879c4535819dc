"""The File menu's backup commands on a real SQLite copy of the demo: back up to a file, restore a backup."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.model import Level
from grassroots_app.persistence import backup
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.restore_dialog import RestoreDialog
from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import WAIT_MS, ScriptedPrompter, answer_dialog, edit_now, wait_while_busy


def prompter(context: AppContext) -> ScriptedPrompter:
    """Return the context's scripted prompter."""
    assert isinstance(context.prompter, ScriptedPrompter)
    return context.prompter


def database_path(context: AppContext) -> Path:
    """Return the file of the context's SQLite database."""
    path = backup.database_file(context.database)
    assert path is not None
    return path


def count_units(path: Path) -> int:
    """Count the units in an SQLite file with the plain driver."""
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM unit").fetchone()[0])
    finally:
        connection.close()


def first_commune(context: AppContext) -> browse.NodeRow:
    """Return the first commune of the demo province."""
    def read(uow: UnitOfWork) -> browse.NodeRow:
        province = browse.children(uow, None, context.as_of)[0]
        return next(r for r in browse.children(uow, province.id, context.as_of) if r.level is Level.COMMUNE)
    return context.read(read)


def child_names(context: AppContext, parent_id: str) -> list[str]:
    """Return the names of a unit's children on the context's day."""
    return [row.name for row in context.read(browse.children, parent_id, context.as_of)]


def test_back_up_to_a_chosen_file(qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "usb" / "sao-luu.sqlite"
    target.parent.mkdir()
    prompter(context).paths.append(str(target))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    assert target.is_file()
    assert count_units(target) == count_units(database_path(context)) > 0
    assert window.statusBar().currentMessage() == f"Đã sao lưu vào {target}."


def test_back_up_onto_the_database_itself_is_refused(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    prompter(context).paths.append(str(database_path(context)))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    assert "là cơ sở dữ liệu đang mở" in context.errors.last_message


def choose_in_dialog(path: Path) -> Callable[[QWidget], None]:
    """Return a handler that selects a backup file in the restore dialog and presses OK."""
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        dialog.select(path)
        assert dialog.chosen() is not None
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        wait_while_busy()
    return handle


def test_restore_a_backup_through_the_dialog(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    commune = first_commune(context)
    saved = backup.make_backup(context.database, BackupKind.MANUAL)
    added = edit_now(context, "add", units.add_unit, units.NewUnit("Thôn Sao Lưu", commune.id, context.as_of, "thôn"))
    assert window.tree.model.reveal(added.id).isValid()
    assert "Thôn Sao Lưu" in child_names(context, commune.id)
    before = context.database
    ran = answer_dialog(qtbot, choose_in_dialog(saved))
    window.restore_action.trigger()
    ran()
    qtbot.waitUntil(lambda: context.database is not before, timeout=WAIT_MS)  # restored in the background
    assert "Thôn Sao Lưu" not in child_names(context, commune.id)
    assert not window.tree.model.index_of_id(added.id).isValid()
    assert window.tree.model.reveal(commune.id).isValid()
    assert not window.tree.model.index_of_id(added.id).isValid()
    assert any("Thay cơ sở dữ liệu hiện tại" in text for text in prompter(context).shown)
    kinds = [info.kind for info in backup.list_backups(context.database)]
    assert BackupKind.PRE_RESTORE in kinds
    assert context.undo.count() == 0


def test_restore_is_cancelled_when_not_confirmed(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    commune = first_commune(context)
    saved = backup.make_backup(context.database, BackupKind.MANUAL)
    edit_now(context, "add", units.add_unit, units.NewUnit("Thôn Giữ Lại", commune.id, context.as_of, "thôn"))
    prompter(context).answers.append(False)
    ran = answer_dialog(qtbot, choose_in_dialog(saved))
    window.restore_action.trigger()
    ran()
    assert "Thôn Giữ Lại" in child_names(context, commune.id)


def garbage(tmp_path: Path) -> Path:
    """Write a file of random bytes named like a database."""
    path = tmp_path / "hong.sqlite"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def test_a_corrupt_other_file_is_refused(qtbot: QtBot, window: MainWindow, context: AppContext,
                                         tmp_path: Path) -> None:
    bad = garbage(tmp_path)
    units_before = count_units(database_path(context))
    prompter(context).paths.append(str(bad))
    seen: list[str] = []

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        dialog.other_button.click()
        seen.append(dialog.error.text())
        assert all(info.path != bad for info in dialog.model.rows)

    ran = answer_dialog(qtbot, handle)
    window.restore_action.trigger()
    ran()
    assert "không phải là cơ sở dữ liệu SQLite" in seen[0]
    assert count_units(database_path(context)) == units_before
    assert not any("Thay cơ sở dữ liệu hiện tại" in text for text in prompter(context).shown)


def test_a_refused_restore_reopens_the_database_unchanged(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                          tmp_path: Path) -> None:
    commune = first_commune(context)
    edit_now(context, "add", units.add_unit, units.NewUnit("Thôn Còn Đó", commune.id, context.as_of, "thôn"))
    before = context.database
    window.restore_from(backup.describe(garbage(tmp_path)))
    qtbot.waitUntil(lambda: context.database is not before, timeout=WAIT_MS)
    assert "không phải là cơ sở dữ liệu SQLite" in context.errors.last_message
    assert "Thôn Còn Đó" in child_names(context, commune.id)
    kinds = [info.kind for info in backup.list_backups(context.database)]
    assert BackupKind.PRE_RESTORE not in kinds
