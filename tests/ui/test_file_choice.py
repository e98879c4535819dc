"""Every file chooser of the window starts in Documents (databases: the data folder), never in the program's working
folder; it remembers the folder last used for its kind of file; the names it offers say what the file holds."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.services import browse
from grassroots_app.ui.calendar import calendar_export
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.import_dialog import ImportDialog
from grassroots_app.ui.files.restore_dialog import RestoreDialog
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.reports.report_view import ReportView
from grassroots_app.ui.shared.file_choice import file_name
from grassroots_app.ui.shared.prompter import Prompter
from tests.ui.support import WAIT_MS, ScriptedPrompter, answer_dialog, shown

YEAR, QUARTER = 2026, 3


@dataclass
class Places:
    """The user's folders, moved into the test's own: home, Documents, the data folder, the program's folder."""

    home: Path
    documents: Path
    data: Path
    program: Path


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Places:
    if os.name == "nt":  # Windows asks the shell for the user's known folders, which no variable moves: the real ones
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        found = Places(Path.home(), Path(documents), Path(platformdirs.user_data_dir("Grassroots", appauthor=False)),
                       tmp_path / "program")
    else:
        home = tmp_path / "home"
        found = Places(home, home / "Documents", tmp_path / "data" / "Grassroots", tmp_path / "program")
        monkeypatch.setenv("HOME", str(home))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: Documents is ~/Documents
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for folder in (found.documents, found.data, found.program):
        folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(found.program)  # where the program was started (on Windows, its install folder)
    return found


def scripted(context: AppContext) -> ScriptedPrompter:
    """Return the context's scripted prompter."""
    assert isinstance(context.prompter, ScriptedPrompter)
    return context.prompter


def report_view(qtbot: QtBot, context: AppContext) -> ReportView:
    """Return the Reports tab with a new draft of the demo's first cluster's third quarter, its figures read."""
    view = shown(qtbot, ReportView(context))
    chooser = view.chooser
    chooser.year.setValue(YEAR)
    chooser.quarter.setCurrentIndex(chooser.quarter.findData(QUARTER))
    cluster = context.read(browse.all_clusters, date(YEAR, 9, 30))[0][0]
    chooser.cluster.setCurrentIndex(chooser.cluster.findData(cluster))
    qtbot.mouseClick(chooser.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.editor.figures is not None, timeout=WAIT_MS)
    return view


def error_list(qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    """Check a sheet with an error, then ask to save the error list."""
    sheet = tmp_path / "thon.csv"
    sheet.write_text("Đơn vị cấp trên,Tên đơn vị,Cấp,Từ ngày\nTỉnh Không Có / Xã Không Có,Thôn 1,Thôn,\n",
                     encoding="utf-8")
    dialog = shown(qtbot, ImportDialog(context, sheet, window))
    dialog.check()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.report is not None, timeout=WAIT_MS)
    dialog.save_errors_button.click()


def export_ics(window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Export the calendar of 2026 for everyone (the dialog accepted as shown)."""
    monkeypatch.setattr(calendar_export.IcsExportDialog, "exec", lambda _dialog: 1)
    calendar_export.export_ics(window, context, YEAR)


Chooser = Callable[[QtBot, MainWindow, AppContext, Path, pytest.MonkeyPatch], object]
CHOOSERS: dict[str, tuple[Chooser, str]] = {  # what opens the chooser, and the kind of file it is for
    "File > New database": (lambda _q, window, *_: window.new_action.trigger(), "database"),
    "File > Open database": (lambda _q, window, *_: window.open_action.trigger(), "database"),
    "File > Back up to": (lambda _q, window, *_: window.backup_action.trigger(), "document"),
    "Restore > Another backup": (
        lambda qtbot, window, context, *_: shown(qtbot, RestoreDialog(context, [], window)).choose_other(),
        "document"),
    "File > Import from a spreadsheet": (lambda _q, window, *_: window.import_action.trigger(), "document"),
    "File > Export to a spreadsheet": (lambda _q, window, *_: window.export_action.trigger(), "document"),
    "File > Save the empty template": (lambda _q, window, *_: window.template_action.trigger(), "document"),
    "Import > Save the error list": (lambda qtbot, window, context, tmp_path, _m: error_list(qtbot, window, context,
                                                                                           tmp_path), "document"),
    "Report > Save PDF": (lambda qtbot, _w, context, *_: report_view(qtbot, context).editor.save_pdf(), "document"),
    "Report > Save Excel": (lambda qtbot, _w, context, *_: report_view(qtbot, context).editor.save_xlsx(),
                            "document"),
    "Calendar > Export to calendar (.ics)": (lambda _q, window, context, _t, monkeypatch: export_ics(
        window, context, monkeypatch), "document"),
    "Calendar > Save the month plan as PDF": (
        lambda _q, window, context, *_: calendar_export.save_month_plan_pdf(window, context, YEAR, 10), "document"),
}


@pytest.fixture
def started(qtbot: QtBot, places: Places, window: MainWindow, context: AppContext) -> Iterator[MainWindow]:
    """The window, its file choosers answered by the scripted prompter (cancelled unless a path is scripted)."""
    yield window
    context.tasks.wait()


@pytest.mark.parametrize("chooser", list(CHOOSERS))
def test_every_file_chooser_starts_in_documents_or_the_data_folder(
    qtbot: QtBot, places: Places, started: MainWindow, context: AppContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, chooser: str,
) -> None:
    opens, kind = CHOOSERS[chooser]
    prompter = scripted(context)
    opens(qtbot, started, context, tmp_path, monkeypatch)
    assert prompter.offered, f"{chooser} asked for no file"
    offered = Path(prompter.offered[-1])
    folder = offered if offered.is_dir() else offered.parent
    assert folder == (places.data if kind == "database" else places.documents), chooser
    assert Path.cwd() == places.program and places.program not in offered.parents


def test_a_chooser_opens_in_the_folder_last_used_for_its_kind_of_file(
    qtbot: QtBot, places: Places, started: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    prompter = scripted(context)
    usb = tmp_path / "usb"
    usb.mkdir()
    prompter.paths = [str(usb / "du-lieu.xlsx")]
    started.export_action.trigger()
    qtbot.waitUntil(lambda: (usb / "du-lieu.xlsx").exists() and not context.tasks.busy, timeout=WAIT_MS)

    started.template_action.trigger()  # another spreadsheet: where the last one went
    assert Path(prompter.offered[-1]).parent == usb
    started.import_action.trigger()
    assert Path(prompter.offered[-1]) == usb
    calendar_export.save_month_plan_pdf(started, context, YEAR, 10)  # another kind of file: still Documents
    assert Path(prompter.offered[-1]).parent == places.documents
    started.open_action.trigger()
    assert Path(prompter.offered[-1]) == places.data

    started.close()  # remembered for the next run of the program
    context.settings.sync()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.template_action.trigger()
    assert Path(prompter.offered[-1]).parent == usb

    (usb / "du-lieu.xlsx").unlink()
    usb.rmdir()
    again.template_action.trigger()  # the folder is gone (a USB drive taken out): Documents again
    assert Path(prompter.offered[-1]).parent == places.documents


def test_the_names_offered_say_what_the_file_holds(
    qtbot: QtBot, places: Places, started: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompter = scripted(context)
    view = report_view(qtbot, context)
    assert context.read(browse.all_clusters, date(YEAR, 9, 30))[0][1].startswith("Cụm số 1 ")
    view.editor.save_pdf()
    view.editor.save_xlsx()
    view.editor.print_report()  # the print dialog offers the job's name to print to a file
    calendar_export.save_month_plan_pdf(started, context, YEAR, 10)
    calendar_export.print_month_plan(started, context, YEAR, 10)
    export_ics(started, context, monkeypatch)
    started.export_action.trigger()
    started.template_action.trigger()
    names = [Path(offered).name for offered in prompter.offered]
    assert names == ["Bao-cao-Cum-so-1-2026-Q3.pdf", "Bao-cao-Cum-so-1-2026-Q3.xlsx", "Bao-cao-Cum-so-1-2026-Q3",
                     "Ke-hoach-thang-10-2026.pdf", "Ke-hoach-thang-10-2026", "Lich-2026-01-01-2026-12-31.ics", f"Du-lieu-{context.as_of:%Y-%m-%d}.xlsx",
                     "Mau-nhap-du-lieu.xlsx"]


def test_a_file_name_is_safe_on_every_system() -> None:
    assert file_name("Báo cáo", "Cụm số 1", "2026", "Q3", suffix=".pdf") == "Bao-cao-Cum-so-1-2026-Q3.pdf"
    assert file_name('Tổ 1/2: "Khuổi" *Ký*? <Đông> | Lũng.', suffix=".xlsx") == "To-1-2-Khuoi-Ky-Dong-Lung.xlsx"
    assert file_name("Lịch", "Nguyễn Thị Ánh", suffix=".ics") == "Lich-Nguyen-Thi-Anh.ics"
    long = file_name("Báo cáo", "Xã " * 80, suffix=".pdf")
    assert len(long) <= 104 and long.endswith("Xa.pdf") and "--" not in long


def test_the_real_file_chooser_is_qt_own_on_linux_starting_where_asked(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt's own dialog speaks the interface's language on Linux; Windows and macOS keep theirs."""
    seen: list[tuple[bool, Path, list[Path]]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append((dialog.testOption(QFileDialog.Option.DontUseNativeDialog), Path(dialog.directory().path()),
                     [Path(name) for name in dialog.selectedFiles()]))  # Qt writes "/" on Windows too

    done = answer_dialog(qtbot, look)
    assert Prompter().save_path(None, "Lưu", str(tmp_path / "Bao-cao.pdf"), "PDF (*.pdf)") is None
    done()
    done = answer_dialog(qtbot, look)
    assert Prompter().open_path(None, "Mở", "PDF (*.pdf)", str(tmp_path)) is None
    done()
    own = sys.platform not in {"win32", "darwin"}
    assert seen == [(own, tmp_path, [tmp_path / "Bao-cao.pdf"]), (own, tmp_path, seen[1][2])]
