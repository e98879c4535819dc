"""Every save in the window, pointed at the database, its side files or a backup: refused with a message, nothing
changed (the file chooser answered through the scripted prompter)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from grassroots_app.domain.backups import BackupKind
from grassroots_app.persistence import backup
from grassroots_app.services import browse
from grassroots_app.ui.calendar import calendar_export
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.import_dialog import ImportDialog
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.reports.report_view import ReportView
from tests.ui.support import WAIT_MS, ScriptedPrompter, shown
from tests.workbooks import write_sheet

YEAR, QUARTER = 2026, 3
REASONS = ("là cơ sở dữ liệu đang mở", "nằm trong thư mục sao lưu", "là một thư mục",
           "là một cơ sở dữ liệu hoặc một bản sao lưu")


@dataclass
class Scene:
    """The window on a copy of the demo, a backup of it in the backup folder and a copy of that backup elsewhere."""

    qtbot: QtBot
    window: MainWindow
    context: AppContext
    tmp_path: Path
    database: Path
    folder: Path
    backup: Path
    copied: Path
    monkeypatch: pytest.MonkeyPatch

    @property
    def prompter(self) -> ScriptedPrompter:
        """Return the scripted prompter."""
        assert isinstance(self.context.prompter, ScriptedPrompter)
        return self.context.prompter

    def state(self) -> tuple[list[str], dict[str, str], list[str]]:
        """Return what must not change: the database's content, the backups' bytes, the temporary files left."""
        connection = sqlite3.connect(self.database)
        try:
            dump = list(connection.iterdump())
        finally:
            connection.close()
        kept = {str(path): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted([*self.folder.iterdir(), self.copied])}
        return dump, kept, sorted(path.name for path in self.tmp_path.rglob(".*.tmp"))


@pytest.fixture
def scene(qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Scene]:
    database = backup.database_file(context.database)
    assert database is not None
    made = backup.make_backup(database, BackupKind.MANUAL)
    (tmp_path / "usb").mkdir()
    copied = tmp_path / "usb" / "ban-sao-cu.sqlite"
    shutil.copyfile(made, copied)
    yield Scene(qtbot, window, context, tmp_path, database, backup.backup_folder(), made, copied, monkeypatch)
    context.tasks.wait()
    made.unlink()


TARGETS: dict[str, Callable[[Scene], Path]] = {
    "the database": lambda scene: scene.database,
    "-wal": lambda scene: Path(f"{scene.database}-wal"),
    "-shm": lambda scene: Path(f"{scene.database}-shm"),
    "-journal": lambda scene: Path(f"{scene.database}-journal"),
    "a backup in the backup folder": lambda scene: scene.backup,
    "a new file in the backup folder": lambda scene: scene.folder / "tep-moi",
    "the backup folder itself": lambda scene: scene.folder,
    "an existing backup elsewhere": lambda scene: scene.copied,
}


def by_window(action: Callable[[MainWindow], object]) -> Callable[[Scene], Callable[[], str]]:
    """Return a save started from the window whose refusal the error reporter shows."""
    def prepare(scene: Scene) -> Callable[[], str]:
        def attempt() -> str:
            scene.context.errors.last_message = ""
            action(scene.window)
            scene.qtbot.waitUntil(lambda: not scene.context.tasks.busy, timeout=WAIT_MS)
            return scene.context.errors.last_message
        return attempt
    return prepare


def report_editor(scene: Scene, press: Callable[[ReportView], None]) -> Callable[[], str]:
    """Return a save of a new draft report whose refusal the editor shows."""
    view = shown(scene.qtbot, ReportView(scene.context))
    chooser = view.chooser
    chooser.year.setValue(YEAR)
    chooser.quarter.setCurrentIndex(chooser.quarter.findData(QUARTER))
    cluster = scene.context.read(browse.all_clusters, scene.context.as_of)[0][0]
    chooser.cluster.setCurrentIndex(chooser.cluster.findData(cluster))
    scene.qtbot.mouseClick(chooser.new_button, Qt.MouseButton.LeftButton)
    scene.qtbot.waitUntil(lambda: view.editor.figures is not None, timeout=WAIT_MS)

    def attempt() -> str:
        view.editor.error.clear_error()
        press(view)
        scene.qtbot.waitUntil(lambda: view.editor.error.isVisible() or not scene.context.tasks.busy, timeout=WAIT_MS)
        scene.qtbot.waitUntil(lambda: view.editor.error.isVisible(), timeout=WAIT_MS)
        return view.editor.error.text()
    return attempt


def error_list(scene: Scene) -> Callable[[], str]:
    """Return the import dialog's 'save the error list' on a sheet with an error."""
    write_sheet(scene.tmp_path / "thon.xlsx", "Đơn vị", [
        ["DANH SÁCH THÔN MỚI"],
        ["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Từ ngày"],
        ["Tỉnh Không Có / Xã Không Có", "=HYPERLINK(\"http://x\",\"y\")", "Thôn", None],
    ])
    dialog = shown(scene.qtbot, ImportDialog(scene.context, scene.tmp_path / "thon.xlsx", scene.window))
    dialog.check()
    scene.qtbot.waitUntil(lambda: not dialog.busy and dialog.report is not None, timeout=WAIT_MS)
    assert dialog.report is not None and dialog.report.errors()

    def attempt() -> str:
        dialog.error.clear_error()
        dialog.save_errors_button.click()
        return dialog.error.text()
    return attempt


def calendar_file(save: Callable[[Scene], None]) -> Callable[[Scene], Callable[[], str]]:
    """Return a calendar export whose refusal the error reporter shows."""
    def prepare(scene: Scene) -> Callable[[], str]:
        def attempt() -> str:
            scene.context.errors.last_message = ""
            save(scene)
            return scene.context.errors.last_message
        return attempt
    return prepare


def export_ics(scene: Scene) -> None:
    scene.monkeypatch.setattr(calendar_export.IcsExportDialog, "exec", lambda _dialog: 1)  # accepted as shown
    calendar_export.export_ics(scene.window, scene.context, YEAR)


SAVES: dict[str, Callable[[Scene], Callable[[], str]]] = {
    "File > Back up to": by_window(lambda window: window.backup_action.trigger()),
    "File > Export to a spreadsheet": by_window(lambda window: window.export_action.trigger()),
    "File > Save the empty template": by_window(lambda window: window.template_action.trigger()),
    "File > New database": by_window(lambda window: window.new_action.trigger()),
    "Import > Save the error list": error_list,
    "Report > Save PDF": lambda scene: report_editor(scene, lambda view: view.editor.save_pdf()),
    "Report > Save Excel": lambda scene: report_editor(scene, lambda view: view.editor.save_xlsx()),
    "Report > Print to a file": lambda scene: report_editor(scene, lambda view: view.editor.print_report()),
    "Calendar > Export to calendar (.ics)": calendar_file(export_ics),
    "Calendar > Print the month plan to a file": calendar_file(
        lambda scene: calendar_export.print_month_plan(scene.window, scene.context, YEAR, 10)),
    "Calendar > Save the month plan as PDF": calendar_file(
        lambda scene: calendar_export.save_month_plan_pdf(scene.window, scene.context, YEAR, 10)),
}


@pytest.mark.parametrize("save", list(SAVES))
def test_a_save_onto_the_database_or_a_backup_is_refused(scene: Scene, save: str) -> None:
    attempt = SAVES[save](scene)
    for target, path_of in TARGETS.items():
        path = path_of(scene)
        before = scene.state()
        scene.prompter.paths = [str(path)]
        message = attempt()
        assert any(reason in message for reason in REASONS), (target, message)
        assert path.name in message or str(scene.folder) in message, (target, message)
        assert scene.state() == before, target
        assert not (scene.folder / "tep-moi").exists() and not (scene.folder / "tep-moi.xlsx").exists()
