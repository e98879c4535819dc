"""The first run on an empty database: a way back after Cancel, and the day's backup taken after the first data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.backups import BackupKind
from grassroots_app.persistence.backup import list_backups
from grassroots_app.persistence.database import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.settings import WindowSettings
from tests.ui.support import WAIT_MS, WORKERS, ScriptedPrompter, wait_while_busy
from tests.ui.test_main_window import answer_dialogs

PROVINCE = "Tỉnh Cao Bằng"


@pytest.fixture
def new_file(tmp_path: Path) -> Path:
    """A brand-new database file, created as the window creates it at the first start."""
    path = tmp_path / "grassroots.sqlite"
    Database.open(str(path)).close()
    return path


@pytest.fixture
def window(qtbot: QtBot, new_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """The window on the new, empty database, making the day's backup as at a real start."""
    context = AppContext(
        database=Database.open(str(new_file), daily=False),
        settings=WindowSettings(tmp_path / "settings.ini"),
        workers=WORKERS,  # the tests' one set of worker processes: none left running
        errors=ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False),
        prompter=ScriptedPrompter(),
    )
    context.language.apply("vi")
    shown = MainWindow(context)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    context.close()


def cancel(dialog: QWidget) -> None:
    """Leave the first-run dialog with Cancel."""
    assert isinstance(dialog, FirstRunDialog)
    dialog.buttons.rejected.emit()


def choose_province(dialog: QWidget) -> None:
    """Start a two-level database with a province of the official list."""
    assert isinstance(dialog, FirstRunDialog)
    dialog.province.setCurrentText(PROVINCE)
    dialog.buttons.accepted.emit()
    wait_while_busy()


def unit_names(path: Path) -> set[str]:
    """Return the names of the units a database file holds."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {name for (name,) in connection.execute("SELECT name FROM unit")}
    finally:
        connection.close()


def test_after_cancel_the_file_menu_sets_the_empty_database_up(window: MainWindow, qtbot: QtBot) -> None:
    """Cancel leaves the way back in the File menu (and says so); once set up, the entry is off."""
    done = answer_dialogs(qtbot, [cancel])
    window.offer_first_run()
    done()
    assert window.setup_action in window.menuBar().actions()[0].menu().actions()
    assert window.setup_action.isEnabled()
    assert "Thiết lập cơ sở dữ liệu này" in window.statusBar().currentMessage()
    done = answer_dialogs(qtbot, [choose_province])
    window.setup_action.trigger()
    done()
    qtbot.waitUntil(lambda: window.tree.model.rowCount(QModelIndex()) == 1, timeout=WAIT_MS)
    assert window.tree.model.index(0, 0, QModelIndex()).data() == PROVINCE
    assert not window.setup_action.isEnabled()
    assert window.context.errors.last_message == ""


def test_the_days_backup_holds_the_first_data_not_the_empty_database(
        window: MainWindow, qtbot: QtBot, new_file: Path) -> None:
    """The start's background backup skips the empty database; the first run's data is backed up."""
    window.context.tasks.wait()
    qtbot.wait(50)
    assert list_backups(new_file) == []
    done = answer_dialogs(qtbot, [choose_province])
    window.offer_first_run()
    done()
    qtbot.waitUntil(lambda: window.tree.model.rowCount(QModelIndex()) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=WAIT_MS)
    backups = list_backups(new_file)
    assert [info.kind for info in backups] == [BackupKind.DAILY]
    assert PROVINCE in unit_names(backups[0].path)
