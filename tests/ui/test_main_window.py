"""Drive the main window as a clerk would: add a unit, find it, assign cadres, undo, redo, switch language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.model import Level, Preset
from grassroots_app.domain.text import fold
from grassroots_app.persistence.backup import list_backups
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, setup
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.units.assign_dialog import AssignDialog
from grassroots_app.ui.units.tree_model import MARK_COLUMN, cadre_mime_data
from grassroots_app.ui.units.unit_dialogs import AddUnitDialog
from grassroots_app.ui.units.unit_panel import CadrePickerDialog
from tests.ui.support import WAIT_MS, WORKERS, ScriptedPrompter, type_text, wait_for_edits, wait_while_busy

Handler = Callable[[QWidget], None]


def answer_dialogs(qtbot: QtBot, handlers: list[Handler]) -> Callable[[], None]:
    """Answer the modal dialogs that open, in order, with the given handlers; return a check that all ran."""
    pending = list(handlers)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and pending:
            pending.pop(0)(dialog)
        if pending:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return lambda: qtbot.waitUntil(lambda: not pending, timeout=WAIT_MS)


def first_commune(context: AppContext) -> browse.NodeRow:
    """Return the first commune of the demo province."""
    def read(uow: UnitOfWork) -> browse.NodeRow:
        province = browse.children(uow, None, context.as_of)[0]
        return next(r for r in browse.children(uow, province.id, context.as_of) if r.level is Level.COMMUNE)
    return context.read(read)


def mark_of(window: MainWindow, unit_id: str) -> str:
    """Return the coverage mark the tree shows for a unit."""
    index = window.tree.model.index_of_id(unit_id)
    return str(window.tree.model.index(index.row(), MARK_COLUMN, index.parent()).data())


def choose_in_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type in the search box and press Enter on the first hit."""
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, text)
    window.search.search_now()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)


def add_hamlet(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Add a hamlet under the unit shown in the panel through the Add dialog."""
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AddUnitDialog)
        type_text(qtbot, dialog.name, name)
        dialog.valid_from.setDate(dialog.valid_from.date().fromString("01/01/2026", "dd/MM/yyyy"))
        dialog.buttons.accepted.emit()
        wait_while_busy()

    done = answer_dialogs(qtbot, [fill])
    qtbot.mouseClick(window.panel.add_button, Qt.MouseButton.LeftButton)
    done()


def accept_assign(expected_target: str) -> Handler:
    """Return a handler that accepts the Assign dialog for a target, from the demo's first day."""
    def accept(dialog: QWidget) -> None:
        assert isinstance(dialog, AssignDialog)
        assert dialog.target_id == expected_target
        assert dialog.role.count() == 1
        dialog.start.setDate(dialog.start.date().fromString("01/02/2026", "dd/MM/yyyy"))
        dialog.decision_number.setText("15-QĐ/ĐU")
        dialog.buttons.accepted.emit()
        wait_while_busy()
    return accept


def holders_of(context: AppContext, unit_id: str) -> list[str]:
    """Return the names of the cadres in charge of a unit on the context's day."""
    rows = context.read(browse.holders, unit_id)
    return [row.cadre_name for row in rows if row.assignment.period.covers(context.as_of)]


def commune_cadre(context: AppContext, excluded: set[str]) -> tuple[str, str]:
    """Return (id, name) of an active commune-tier cadre not in the excluded names."""
    from grassroots_app.services.roster import roster

    entries = context.read(roster, context.as_of)
    entry = next(e for e in entries if e.tier.value == "commune" and e.status.value == "active"
                 and e.full_name not in excluded)
    return entry.id, entry.full_name


def test_a_clerks_day(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    commune = first_commune(context)
    # Choose the commune by searching for it without diacritics, then add a hamlet under it.
    choose_in_search(qtbot, window, fold(commune.name))
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == commune.id, timeout=WAIT_MS)
    add_hamlet(qtbot, window, "Ấp Qưới Sơn")
    hamlet = context.read(browse.search, "ap quoi son", context.as_of)
    assert [hit.name for hit in hamlet] == ["Ấp Qưới Sơn"]
    hamlet_id = hamlet[0].id
    # Find it again without diacritics: the tree reveals and selects it.
    choose_in_search(qtbot, window, "quoi son")
    qtbot.waitUntil(lambda: window.tree.current_node() is not None and window.tree.current_node().id == hamlet_id, timeout=WAIT_MS)
    assert window.panel.data is not None and window.panel.data.target_id == hamlet_id
    qtbot.waitUntil(lambda: mark_of(window, hamlet_id) == "thiếu 1", timeout=WAIT_MS)

    # Assign a cadre through the picker and the Assign dialog: the mark turns to ✓.
    first_id, first_name = commune_cadre(context, set())

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, CadrePickerDialog)
        qtbot.keyClicks(dialog.filter, fold(first_name))
        assert dialog.chosen() == first_id
        dialog.accept()

    done = answer_dialogs(qtbot, [pick, accept_assign(hamlet_id)])
    qtbot.mouseClick(window.panel.assign_button, Qt.MouseButton.LeftButton)
    done()
    assert holders_of(context, hamlet_id) == [first_name]
    qtbot.waitUntil(lambda: mark_of(window, hamlet_id) == "✓", timeout=WAIT_MS)
    assert window.panel.holders.item(0, 0).text() == first_name

    # Drag a second cadre from the roster onto the hamlet.
    second_id, second_name = commune_cadre(context, {first_name})
    done = answer_dialogs(qtbot, [accept_assign(hamlet_id)])
    index = window.tree.model.index_of_id(hamlet_id)
    assert window.tree.model.dropMimeData(cadre_mime_data([second_id]), Qt.DropAction.CopyAction, -1, -1, index)
    done()
    assert sorted(holders_of(context, hamlet_id)) == sorted([first_name, second_name])

    # Undo both assignments: the mark shows the gap again; redo brings the first back.
    assert window.undo_action.text().startswith("Hoàn tác")
    window.undo_action.trigger()
    wait_for_edits(context)
    window.undo_action.trigger()
    wait_for_edits(context)
    assert holders_of(context, hamlet_id) == []
    qtbot.waitUntil(lambda: mark_of(window, hamlet_id) == "thiếu 1", timeout=WAIT_MS)
    window.redo_action.trigger()
    wait_for_edits(context)
    assert holders_of(context, hamlet_id) == [first_name]
    qtbot.waitUntil(lambda: mark_of(window, hamlet_id) == "✓", timeout=WAIT_MS)


def test_keyboard_undo_and_redo(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    commune = first_commune(context)
    window.tree.reveal(commune.id)
    add_hamlet(qtbot, window, "Ấp Phím Tắt")
    assert context.read(browse.search, "ap phim tat", context.as_of)
    window.activateWindow()
    window.tree.view.setFocus()
    qtbot.waitUntil(window.tree.view.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_edits(context)
    assert context.read(browse.search, "ap phim tat", context.as_of) == []
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    wait_for_edits(context)
    assert context.read(browse.search, "ap phim tat", context.as_of)


def test_switch_to_english_and_back(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    assert window.windowTitle() == "Nắm cơ sở"
    window.language_actions["en"].trigger()
    assert window.windowTitle() == "Grassroots — grasp the base"
    assert window.tree.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert window.menuBar().actions()[0].text() == "&File"
    assert context.settings.language == "en"
    window.language_actions["vi"].trigger()
    assert window.windowTitle() == "Nắm cơ sở"
    assert window.tree.model.headerData(0, Qt.Orientation.Horizontal) == "Tên"
    assert window.menuBar().actions()[0].text() == "&Tệp"


def test_as_of_date_shows_the_past(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.as_of.setDate(window.as_of.date().fromString("01/01/2020", "dd/MM/yyyy"))
    assert context.as_of == date(2020, 1, 1)
    assert window.tree.model.rowCount(QModelIndex()) == 0


def test_refusal_is_shown_next_to_the_fields(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    commune = first_commune(context)
    window.tree.reveal(commune.id)
    before = context.read(browse.children, commune.id, context.as_of)
    existing = before[0].name

    def duplicate(dialog: QWidget) -> None:
        assert isinstance(dialog, AddUnitDialog)
        type_text(qtbot, dialog.name, existing.upper())
        dialog.buttons.accepted.emit()
        wait_while_busy()
        assert dialog.error.isVisible()
        assert "đã có một đơn vị khác tên" in dialog.error.text()
        dialog.reject()

    done = answer_dialogs(qtbot, [duplicate])
    qtbot.mouseClick(window.panel.add_button, Qt.MouseButton.LeftButton)
    done()
    assert context.read(browse.children, commune.id, context.as_of) == before


def test_first_run_sets_up_a_province_from_the_official_list(qtbot: QtBot, empty_context: AppContext) -> None:
    window = MainWindow(empty_context)
    qtbot.addWidget(window)
    window.show()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstRunDialog)
        assert dialog.new_choice.isChecked() and dialog.two_level.isChecked()
        dialog.province.setCurrentText("Tỉnh Vĩnh Long")
        dialog.buttons.accepted.emit()
        wait_while_busy()

    done = answer_dialogs(qtbot, [choose])
    window.offer_first_run()
    done()
    qtbot.waitUntil(lambda: window.tree.model.rowCount(QModelIndex()) == 1, timeout=WAIT_MS)
    province = window.tree.model.index(0, 0, QModelIndex())
    assert province.data() == "Tỉnh Vĩnh Long"
    assert window.tree.model.rowCount(province) > 0 or window.tree.model.canFetchMore(province)
    assert empty_context.errors.last_message == ""


def test_the_window_makes_todays_backup_in_the_background_once(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    created = Database.open(str(path), backup=False)
    with UnitOfWork(created, write=True) as uow:
        setup.init_database(uow, Preset.TWO_LEVEL)  # holding data: an empty database gets no daily backup
    created.close()
    context = AppContext(
        database=Database.open(str(path), daily=False),
        settings=WindowSettings(tmp_path / "settings.ini"),
        workers=WORKERS,  # the tests' one set of worker processes: none left running
        errors=ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False),
        prompter=ScriptedPrompter(),
    )
    try:
        context.tasks.wait()
        context.back_up_later()
        context.tasks.wait()
        assert [info.kind for info in list_backups(path)] == [BackupKind.DAILY]
    finally:
        context.close()
