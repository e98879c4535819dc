"""A backup opened in the window (Open, recent files, grassroots-app --db) is shown, and never written into."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.model import Unit
from grassroots_app.persistence import backup
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import units
from grassroots_app.ui.app import open_at_start
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.main_window import MainWindow
from tests.faults import fingerprint
from tests.ui.support import WAIT_MS, edit_reported

IS_A_BACKUP = "'{path}' là một bản sao lưu: Nắm cơ sở chỉ đọc, không bao giờ ghi vào tệp này"


def _province(uow: UnitOfWork) -> Unit:
    """Add a province: a write."""
    return units.add_unit(uow, units.NewUnit("Tỉnh Mới", None, date(2025, 7, 1)))


def _units(path: Path) -> int:
    """Return how many units a database file holds, read with the plain driver in read-only mode."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM unit").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The backup folder of this test."""
    path = tmp_path / "backups-of-this-test"
    monkeypatch.setenv(backup.FOLDER_VARIABLE, str(path))
    return path


@pytest.fixture(params=["in the backup folder", "named as a backup elsewhere"])
def backup_file(request: pytest.FixtureRequest, window: MainWindow, folder: Path, tmp_path: Path) -> Path:
    """A backup of the window's database, in the backup folder or copied to a USB drive under its name."""
    made = backup.make_backup(window.context.database, BackupKind.MANUAL)
    if request.param == "in the backup folder":
        return made
    usb = tmp_path / "usb"
    usb.mkdir()
    return Path(shutil.move(made, usb / made.name))


def test_a_backup_opened_in_the_window_is_shown_and_an_edit_refused(
    qtbot: QtBot, window: MainWindow, backup_file: Path, folder: Path
) -> None:
    window.context.back_up = True  # as the real window does: a daily backup in the background on opening
    before = (fingerprint(backup_file.parent), fingerprint(folder))
    held = _units(backup_file)
    window.open_location(str(backup_file))
    context = window.context
    context.tasks.wait()
    assert context.database.display_name == str(backup_file)
    assert context.database.read_only
    qtbot.waitUntil(lambda: window.tree.model.rowCount() > 0, timeout=WAIT_MS)
    assert context.read(lambda uow: uow.units.any())
    context.errors.last_message = ""
    assert edit_reported(context, "Thêm tỉnh", _province) is None
    assert IS_A_BACKUP.format(path=backup_file) in context.errors.last_message, context.errors.last_message
    assert "grassroots restore" in context.errors.last_message
    assert _units(backup_file) == held
    assert (fingerprint(backup_file.parent), fingerprint(folder)) == before


def test_a_backup_named_at_start_is_opened_only_to_be_read(
    qapp: object, window: MainWindow, backup_file: Path, folder: Path, tmp_path: Path
) -> None:
    before = (fingerprint(backup_file.parent), fingerprint(folder))
    errors = ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False)
    opened = open_at_start(str(backup_file), None, errors)
    try:
        assert opened.read_only and errors.last_message == ""
        with UnitOfWork(opened) as uow:
            assert uow.units.any()
    finally:
        opened.close()
    assert (fingerprint(backup_file.parent), fingerprint(folder)) == before
