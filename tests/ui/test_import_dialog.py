"""The File menu's spreadsheet import on a real SQLite copy of the demo: dry run, error list, import; export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Level
from grassroots_app.domain.sheets import Fate
from grassroots_app.services import browse
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.import_dialog import ImportDialog
from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import WAIT_MS, ScriptedPrompter, answer_dialog, shown
from tests.workbooks import write_sheet

HEADERS = ["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Từ ngày"]


def prompter(context: AppContext) -> ScriptedPrompter:
    """Return the context's scripted prompter."""
    assert isinstance(context.prompter, ScriptedPrompter)
    return context.prompter


def commune_path(context: AppContext) -> tuple[str, str]:
    """Return the id and the name path ('Tỉnh … / Xã …') of the demo's first commune."""
    province = context.read(browse.children, None, context.as_of)[0]
    communes = context.read(browse.children, province.id, context.as_of)
    commune = next(row for row in communes if row.level is Level.COMMUNE)
    return commune.id, f"{province.name} / {commune.name}"


def units_sheet(path: Path, rows: list[list[object]]) -> Path:
    """Write a units sheet (a title line, the headers, the rows) into an .xlsx file."""
    return write_sheet(path, "Đơn vị", [["DANH SÁCH THÔN MỚI"], HEADERS, *rows])


def child_names(context: AppContext, parent_id: str) -> list[str]:
    """Return the names of a unit's children on the context's day."""
    return [row.name for row in context.read(browse.children, parent_id, context.as_of)]


def wait_checked(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Wait until the dialog's background check or import has reported."""
    qtbot.waitUntil(lambda: not dialog.busy and dialog.report is not None, timeout=WAIT_MS)


def test_dry_run_error_list_then_import(qtbot: QtBot, window: MainWindow, context: AppContext,
                                        tmp_path: Path) -> None:
    commune_id, parent = commune_path(context)
    bad_parent = parent.rsplit(" / ", 1)[0] + " / Xã Không Có"
    path = units_sheet(tmp_path / "thon.xlsx", [[parent, "Thôn Nhập Một", "Thôn", None],
                                                [bad_parent, "Thôn Nhập Hai", "Thôn", None]])
    dialog = shown(qtbot, ImportDialog(context, path, window))
    dialog.check()
    wait_checked(qtbot, dialog)
    assert dialog.report is not None and dialog.report.counts()[Fate.ERROR] == 1
    assert dialog.shown_fate() is Fate.ERROR  # a file with errors opens on its errors
    assert [(row.sheet, row.row, row.fate) for row in dialog.model.rows] == [("Đơn vị", 4, Fate.ERROR)]
    problems = dialog.model.index(0, len(dialog.model.columns) - 1).data()
    assert "Đơn vị cấp trên" in problems and "Xã Không Có" in problems
    assert "Trang 'Đơn vị', dòng 4, cột 'Đơn vị cấp trên' (A)" in dialog.details.toPlainText()
    assert "sẽ thêm 1, sẽ sửa 0, 0 không đổi (sẽ bỏ qua), 1 bị từ chối (có lỗi)" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.save_errors_button.isEnabled()
    dialog.show_fate(None)
    assert len(dialog.model.rows) == 2
    assert dialog.details.toPlainText() == "Dòng này không có lỗi hay ghi chú nào."  # row 3, selected first

    errors = tmp_path / "loi"  # no suffix: .xlsx is added
    prompter(context).paths.append(str(errors))
    dialog.save_errors_button.click()
    book = load_workbook(errors.with_suffix(".xlsx"), read_only=True)
    rows = list(book["Lỗi"].iter_rows(values_only=True))
    book.close()
    assert rows[1] == ("Trang", "Dòng", "Cột", "Giá trị", "Lỗi")
    assert rows[2][:4] == ("Đơn vị", 4, "Đơn vị cấp trên (A)", bad_parent) and "Xã Không Có" in rows[2][4]
    assert len(rows) == 3
    assert child_names(context, commune_id).count("Thôn Nhập Một") == 0  # the dry run wrote nothing

    units_sheet(path, [[parent, "Thôn Nhập Một", "Thôn", None],
                       [parent, "Thôn Nhập Hai", "Thôn", None]])
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.errors(), timeout=WAIT_MS)
    assert dialog.shown_fate() is None and len(dialog.model.rows) == 2
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
    assert not dialog.save_errors_button.isEnabled()

    reloaded: list[bool] = []
    context.events.database_changed.connect(lambda: reloaded.append(True))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.committed, timeout=WAIT_MS)
    assert "Thôn Nhập Một" in child_names(context, commune_id)
    assert "Thôn Nhập Hai" in child_names(context, commune_id)
    assert any("Nhập thon.xlsx vào cơ sở dữ liệu? Trong 2 dòng: sẽ thêm 2," in text for text in prompter(context).shown)
    assert dialog.report.backup is not None and dialog.report.backup.is_file()
    assert str(dialog.report.backup) in dialog.summary.text()
    assert reloaded and not dialog.import_button.isEnabled()


def test_an_unreadable_file_is_said_in_the_dialog(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"not a workbook")
    dialog = shown(qtbot, ImportDialog(context, path, window))
    dialog.check()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.report is None and not dialog.error.isHidden() and "hong.xlsx" in dialog.error.text()
    assert not dialog.import_button.isEnabled() and dialog.check_button.isEnabled()


def test_the_menu_asks_for_the_file_and_checks_it(qtbot: QtBot, window: MainWindow, context: AppContext,
                                                  tmp_path: Path) -> None:
    _commune_id, parent = commune_path(context)
    path = units_sheet(tmp_path / "thon.xlsx", [[parent, "Thôn Menu", "Thôn", None]])
    prompter(context).paths.append(str(path))
    seen: list[tuple[int, int]] = []

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        wait_checked(qtbot, dialog)
        assert dialog.report is not None
        seen.append((dialog.report.counts()[Fate.NEW], len(dialog.model.rows)))

    ran = answer_dialog(qtbot, handle)
    window.import_action.trigger()
    ran()
    assert seen == [(1, 1)]
    assert window.import_action.shortcut().toString() == "Ctrl+I"


def test_export_and_template_from_the_menu(qtbot: QtBot, window: MainWindow, context: AppContext,
                                           tmp_path: Path) -> None:
    prompter(context).paths.extend([str(tmp_path / "du-lieu"), str(tmp_path / "mau.xlsx")])
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    book = load_workbook(tmp_path / "du-lieu.xlsx", read_only=True)
    assert book.sheetnames[:2] == ["Đơn vị", "Cụm"] and len(list(book["Đơn vị"].iter_rows())) > 10
    book.close()
    assert "du-lieu.xlsx" in window.statusBar().currentMessage()
    window.template_action.trigger()
    template = load_workbook(tmp_path / "mau.xlsx", read_only=True)
    assert template.sheetnames[-1] == "Hướng dẫn"
    template.close()
    assert window.statusBar().currentMessage() == f"Đã ghi tệp mẫu trống vào {tmp_path / 'mau.xlsx'}."


def test_escape_closes_but_not_while_checking(qtbot: QtBot, window: MainWindow, context: AppContext,
                                              tmp_path: Path) -> None:
    _commune_id, parent = commune_path(context)
    dialog = shown(qtbot, ImportDialog(context, units_sheet(tmp_path / "thon.xlsx", [[parent, "Thôn", "Thôn", None]]),
                                       window))
    dialog.check()
    dialog.reject()  # what Escape does: refused while the check runs (its answer comes through the event loop)
    assert dialog.busy and dialog.isVisible()
    wait_checked(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert context.settings.blob("import/geometry") is not None


def test_the_question_and_summary_count_what_is_added_changed_skipped_and_refused(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    """A file imported before, with one row more: the question says one row will be added, not 'import 3 rows'."""
    _commune_id, parent = commune_path(context)
    rows: list[list[object]] = [[parent, "Thôn Đã Có Một", "Thôn", None], [parent, "Thôn Đã Có Hai", "Thôn", None]]
    path = units_sheet(tmp_path / "thon.xlsx", rows)
    dialog = shown(qtbot, ImportDialog(context, path, window))
    dialog.check()
    wait_checked(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.committed, timeout=WAIT_MS)
    assert "thon.xlsx: 2 dòng: thêm 2, sửa 0, 0 không đổi (bỏ qua), 0 bị từ chối." in dialog.summary.text()

    units_sheet(path, [*rows, [parent, "Thôn Mới Ba", "Thôn", None]])
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.committed, timeout=WAIT_MS)
    assert dialog.summary.text().startswith(
        "thon.xlsx: 3 dòng: sẽ thêm 1, sẽ sửa 0, 2 không đổi (sẽ bỏ qua), 0 bị từ chối (có lỗi).")
    prompter(context).answers = [False]
    dialog.import_button.click()
    assert prompter(context).shown[-1] == ("Nhập thon.xlsx vào cơ sở dữ liệu? Trong 3 dòng: sẽ thêm 1, sẽ sửa 0, "
                                           "2 không đổi (sẽ bỏ qua), 0 bị từ chối (có lỗi). "
                                           "Cơ sở dữ liệu sẽ được sao lưu trước.")

    units_sheet(path, rows)  # nothing new: nothing to import
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and len(dialog.report.outcomes) == 2, timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == ("thon.xlsx: 2 dòng: sẽ thêm 0, sẽ sửa 0, 2 không đổi (sẽ bỏ qua), 0 bị từ chối "
                                     "(có lỗi). Không có gì để nhập: cơ sở dữ liệu đã có mọi dòng đúng như trong tệp.")
