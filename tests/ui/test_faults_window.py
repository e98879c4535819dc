"""Faults in the window: opening a vanished, empty, foreign, newer, damaged or write-protected database.

Each gives a clear Vietnamese message naming the file, leaves the open database in place and changes
nothing on disk (see tests/faults.py for how the faults are made).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from grassroots_app.domain.errors import NotFound
from grassroots_app.domain.model import Preset, Unit
from grassroots_app.persistence import locations
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.locations import FOLDER_VARIABLE
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import units
from grassroots_app.ui import app as app_module
from grassroots_app.ui.app import open_at_start
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.i18n import LanguageSwitcher
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.settings import WindowSettings
from tests.faults import damage_pages, fingerprint, immutable, settle, stamp_revision
from tests.ui.support import WAIT_MS, WORKERS, ScriptedPrompter, edit_reported


def _province(uow: UnitOfWork) -> Unit:
    """Add a province: a write."""
    return units.add_unit(uow, units.NewUnit("Tỉnh Mới", None, date(2025, 7, 1)))


def _named(path: Path, name: str) -> int:
    """Return how many units of a name a database file holds, read with the plain driver."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM unit WHERE name = ?", (name,)).fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder for the files the window is asked to open."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def _refused_opening(window: MainWindow, location: Path, words: str, folder: Path) -> None:
    """Open a file from the window: the message names it, the open database stays, the folder is unchanged."""
    before, current = fingerprint(folder), window.context.database.url
    window.context.errors.last_message = ""
    window.open_location(str(location))
    assert words in window.context.errors.last_message, window.context.errors.last_message
    assert window.context.database.url == current
    assert fingerprint(folder) == before


def test_a_recent_database_that_vanished_is_refused_and_not_created(window: MainWindow, elsewhere: Path) -> None:
    missing = elsewhere / "usb" / "so.sqlite"
    _refused_opening(window, missing, f"Không có cơ sở dữ liệu tại '{missing}'", elsewhere)
    assert not missing.parent.exists()


def test_an_empty_file_and_a_file_that_is_no_database_are_refused(window: MainWindow, elsewhere: Path) -> None:
    empty = elsewhere / "rong.sqlite"
    empty.touch()
    _refused_opening(window, empty, f"'{empty}' là tệp rỗng (0 byte)", elsewhere)
    text = elsewhere / "ghi-chu.sqlite"
    text.write_text("Ghi chú buổi họp chi bộ\n" * 200, encoding="utf-8")
    _refused_opening(window, text, f"'{text}' không phải cơ sở dữ liệu của Nắm cơ sở", elsewhere)


def test_a_newer_schema_is_refused_without_a_backup(
    window: MainWindow, elsewhere: Path, demo_template: dict[Preset, Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backups = tmp_path / "backups-of-this-test"
    monkeypatch.setenv(FOLDER_VARIABLE, str(backups))
    newer = elsewhere / "moi.sqlite"
    shutil.copyfile(demo_template[Preset.TWO_LEVEL], newer)
    stamp_revision(newer)
    _refused_opening(window, newer, f"'{newer}' được tạo bởi phiên bản Nắm cơ sở mới hơn", elsewhere)
    assert not backups.exists()


def test_new_creates_the_database_the_clerk_names(
    window: MainWindow, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window, "offer_first_run", lambda: None)  # the first-run dialog is tested elsewhere
    made = elsewhere / "moi" / "so.sqlite"
    window.open_location(str(made), create=True)
    assert made.is_file() and window.context.database.url.endswith("so.sqlite")


def test_the_last_database_vanished_at_start_is_reported_and_the_default_opened(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "grassroots.sqlite"
    monkeypatch.setattr(locations, "default_database_path", lambda: default)
    errors = ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False)
    vanished = tmp_path / "usb" / "so.sqlite"
    opened = open_at_start(None, str(vanished), errors)
    try:
        assert f"Không có cơ sở dữ liệu tại '{vanished}'" in errors.last_message
        assert opened.display_name == str(default) and default.is_file()
        assert not vanished.parent.exists()
    finally:
        opened.close()
    with pytest.raises(NotFound):  # named on the command line: never replaced by another
        open_at_start(str(vanished), None, errors)
    assert not vanished.parent.exists()


def _context(path: Path, tmp_path: Path, back_up: bool) -> AppContext:
    context = AppContext(
        database=Database.open(str(path), daily=False, create=False),
        settings=WindowSettings(tmp_path / "settings.ini"),
        workers=WORKERS,  # the tests' one set of worker processes: none left running
        errors=ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False),
        prompter=ScriptedPrompter(),
        back_up=back_up,
    )
    context.language.apply("vi")
    return context


def test_damage_found_by_the_background_backup_is_shown_and_writes_refused(
    qtbot: QtBot, demo_template: dict[Preset, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = tmp_path / "backups-of-this-test"
    monkeypatch.setenv(FOLDER_VARIABLE, str(backups))
    path = tmp_path / "hong.sqlite"
    shutil.copyfile(demo_template[Preset.TWO_LEVEL], path)
    settle(path)
    damage_pages(path)
    context = _context(path, tmp_path, back_up=True)
    try:
        words = f"Cơ sở dữ liệu '{path}' bị hỏng"
        qtbot.waitUntil(lambda: words in context.errors.last_message, timeout=WAIT_MS)
        assert not backups.exists() or not list(backups.iterdir())  # no damaged copy kept
        context.errors.last_message = ""
        context.back_up_later()  # the hourly check: found again, not shown again
        context.tasks.wait()
        qtbot.wait(50)
        assert context.errors.last_message == ""
        assert edit_reported(context, "Thêm tỉnh", _province) is None
        assert words in context.errors.last_message
        assert _named(path, "Tỉnh Mới") == 0
    finally:
        context.close()


def test_an_immutable_database_is_shown_and_a_write_refused(
    qapp: object, demo_template: dict[Preset, Path], tmp_path: Path
) -> None:
    path = tmp_path / "khoa.sqlite"
    shutil.copyfile(demo_template[Preset.TWO_LEVEL], path)
    settle(path)
    with immutable(path):
        before = fingerprint(tmp_path)
        context = _context(path, tmp_path, back_up=False)
        try:
            assert context.database.read_only
            assert context.read(lambda uow: uow.units.any())
            assert edit_reported(context, "Thêm tỉnh", _province) is None
            assert f"'{path}' đang bị chống ghi" in context.errors.last_message
        finally:
            context.close()
        assert fingerprint(tmp_path) == before


def test_a_full_disk_under_a_file_the_window_writes_is_a_message_naming_it(context: AppContext) -> None:
    target = "/media/usb/bao-cao.xlsx"
    context.errors.report(OSError(errno.ENOSPC, "No space left on device", target))
    assert context.errors.last_message == (f"Ổ đĩa chứa '{target}' đã đầy: hãy giải phóng bớt dung lượng rồi thử lại. "
                                           "Chưa có gì bị thay đổi.")


def test_a_database_refused_at_start_is_said_in_vietnamese(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    LanguageSwitcher().apply("en")  # as a fresh start: no translator installed yet
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    empty = tmp_path / "so.sqlite"
    empty.touch()
    try:
        assert app_module.main(["--db", str(empty), "--settings", str(tmp_path / "s.ini")]) == 1
    finally:
        LanguageSwitcher().apply("vi")
    assert len(shown) == 1
    assert shown[0].startswith("Không khởi động được Nắm cơ sở:\n"), shown
    assert f"'{empty}' là tệp rỗng (0 byte), không phải cơ sở dữ liệu" in shown[0]
    assert empty.stat().st_size == 0
