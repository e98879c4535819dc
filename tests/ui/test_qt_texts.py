"""Qt's own texts in the Vietnamese window: standard buttons of every question box and button row, edit menus,
the file and print dialogs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QLocale
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QFileIconProvider,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from grassroots_app.ui.context import AppContext

Button = QMessageBox.StandardButton
EXPECTED = {
    Button.Ok: "Đồng ý", Button.Save: "Lưu", Button.SaveAll: "Lưu tất cả", Button.Open: "Mở", Button.Yes: "&Có",
    Button.YesToAll: "Có với tất &cả", Button.No: "&Không", Button.NoToAll: "Khô&ng với tất cả",
    Button.Abort: "Hủy bỏ", Button.Retry: "Thử lại", Button.Ignore: "Bỏ qua", Button.Close: "Đóng",
    Button.Cancel: "Hủy", Button.Discard: "Không lưu", Button.Help: "Trợ giúp", Button.Apply: "Áp dụng",
    Button.Reset: "Đặt lại", Button.RestoreDefaults: "Khôi phục mặc định",
}
EDIT_MENU = ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]


def _all(kind: type) -> object:
    flags = kind.NoButton
    for button in EXPECTED:
        flags |= kind(button.value)
    return flags


def menu_texts(menu: object) -> list[str]:
    """Return the texts of a context menu's actions, without the shortcut column."""
    return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]


def test_every_standard_button_of_a_question_box_is_vietnamese(context: AppContext, qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Nắm cơ sở", "?", _all(QMessageBox.StandardButton))
    qtbot.addWidget(box)
    assert {button: box.button(button).text() for button in EXPECTED} == EXPECTED


def test_every_standard_button_of_a_button_row_is_vietnamese(context: AppContext, qtbot: QtBot) -> None:
    row = QDialogButtonBox(_all(QDialogButtonBox.StandardButton))
    qtbot.addWidget(row)
    shown = {button: row.button(QDialogButtonBox.StandardButton(button.value)).text() for button in EXPECTED}
    assert shown == EXPECTED


def test_the_edit_menus_of_text_fields_are_vietnamese(context: AppContext, qtbot: QtBot) -> None:
    line, text, spin = QLineEdit("Bản Nà Mò"), QPlainTextEdit("Nội dung"), QSpinBox()
    for widget in (line, text, spin):
        qtbot.addWidget(widget)
    assert menu_texts(line.createStandardContextMenu()) == EDIT_MENU
    assert menu_texts(text.createStandardContextMenu()) == EDIT_MENU
    assert menu_texts(spin.lineEdit().createStandardContextMenu()) == EDIT_MENU


def test_english_stays_english(context: AppContext, qtbot: QtBot) -> None:
    context.language.apply("en")
    box = QMessageBox(QMessageBox.Icon.Question, "Grassroots", "?", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Yes"


def test_qt_own_file_dialog_is_vietnamese(context: AppContext, qtbot: QtBot) -> None:
    chooser = QFileDialog(None, "Mở cơ sở dữ liệu")
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(chooser)
    label = QFileDialog.DialogLabel
    shown = [chooser.labelText(kind) for kind in (label.LookIn, label.FileName, label.FileType, label.Accept)]
    assert shown == ["Tìm &trong:", "&Tên tệp:", "&Loại tệp:", "&Mở"]


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="there the print dialog is the system's own")
def test_qt_own_print_dialog_is_vietnamese(context: AppContext, qtbot: QtBot) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    texts = {widget.text() for kind in (QLabel, QAbstractButton) for widget in dialog.findChildren(kind)}
    texts |= {box.title() for box in dialog.findChildren(QGroupBox)}
    assert {"&In", "Máy in", "Phạm vi in", "Số bản:", "In hai mặt", "&Tệp in ra:"} <= texts
    assert not {"&Print", "Printer", "Print range", "Copies:", "Double Sided Printing", "Output &file:"} & texts


def test_the_file_dialogs_kinds_and_the_calendars_months_are_vietnamese(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """The file dialog's Type column ("Folder", the system's names of file types) and a date field's calendar (month
    and day names) follow the interface's language, not the system's (the 1366x768 screenshot showed "Folder")."""
    folder = ("Thư mục tệp", "File Folder") if os.name == "nt" else ("Thư mục", "Folder")  # Windows' own word
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == folder[0]
    assert QLocale().standaloneMonthName(10) == "Tháng 10"
    context.language.apply("en")
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == folder[1]
    assert QLocale().standaloneMonthName(10) == "October"
