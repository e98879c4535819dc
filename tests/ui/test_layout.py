"""The window on an office laptop's screen: it fits, the roster stays on its tab, long names are elided,
marks and dates say what they know, and a language switch keeps the clerk's place."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionViewItem, QToolBar
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.model import Level
from grassroots_app.services import browse, units
from grassroots_app.services.cadres import get_cadre
from grassroots_app.ui.calendar.calendar_view import CalendarView
from grassroots_app.ui.calendar.month_grid import SELECTED_BORDER, day_number_font, today_ring
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.row_model import ROW_PADDING
from grassroots_app.ui.shared.screen_fit import COMFORTABLE_SIZE, first_geometry, fitted_geometry
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.tree_model import MARK_COLUMN, NAME_COLUMN
from tests.ui.screenshots import first_cadre, loading
from tests.ui.support import WAIT_MS, edit_now

LAPTOP = QRect(0, 0, 1366, 768 - 40)  # 1366x768 less a 40 px taskbar
FULL_HD = QRect(0, 0, 1920, 1080 - 40)
LONG_NAME = "Xã " + "Khuổi Ky Nặm Tốc Rằng Phiêng " * 4 + "Nàkhaurangtienphongdaiboanhhung"


def communes(context: AppContext) -> list[browse.NodeRow]:
    """Return the demo province's communes."""
    province = context.read(browse.children, None, context.as_of)[0]
    return [row for row in context.read(browse.children, province.id, context.as_of) if row.level is Level.COMMUNE]


# --- item 7: the window fits the screen ------------------------------------------------------------

def test_first_start_fits_a_laptop_screen_and_maximizes_there() -> None:
    geometry, maximize = first_geometry(LAPTOP)
    assert LAPTOP.contains(geometry)
    assert maximize


def test_first_start_on_a_large_screen_is_centred_at_a_comfortable_size() -> None:
    geometry, maximize = first_geometry(FULL_HD)
    assert not maximize
    assert geometry.size() == COMFORTABLE_SIZE
    assert geometry.center() == FULL_HD.center()


def test_a_remembered_geometry_larger_than_the_screen_is_clamped() -> None:
    assert fitted_geometry(QRect(-300, 200, 2560, 1400), LAPTOP) == LAPTOP
    assert fitted_geometry(QRect(1000, 600, 800, 600), LAPTOP) == QRect(566, 128, 800, 600)
    assert fitted_geometry(QRect(100, 50, 800, 600), LAPTOP) == QRect(100, 50, 800, 600)


def test_the_window_remembered_on_a_larger_screen_opens_within_this_one(
        qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.showNormal()
    window.setGeometry(QRect(0, 0, 2400, 1500))
    window.save_layout()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    available = again.screen().availableGeometry()
    assert available.contains(again.geometry())


def test_every_tab_fits_a_laptop_screen(window: MainWindow) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        needed = window.minimumSizeHint()
        assert needed.width() <= LAPTOP.width(), window.tabs.tabText(index)
        assert needed.height() <= LAPTOP.height(), window.tabs.tabText(index)


def test_the_roster_belongs_to_the_units_tab(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    assert window.dock.isVisible()
    for index in range(1, window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert not window.dock.isVisible(), window.tabs.tabText(index)
    window.tabs.setCurrentIndex(0)
    assert window.dock.isVisible()


def test_the_roster_hidden_by_the_clerk_stays_hidden_and_is_remembered(
        qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.roster_action.trigger()
    assert not window.dock.isVisible()
    window.tabs.setCurrentIndex(1)
    window.tabs.setCurrentIndex(0)
    assert not window.dock.isVisible()
    window.save_layout()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    assert not again.dock.isVisible() and not again.roster_action.isChecked()
    again.roster_action.trigger()
    assert again.dock.isVisible()


def test_showing_the_roster_from_another_tab_goes_to_the_units_tab(window: MainWindow) -> None:
    window.roster_action.trigger()
    window.tabs.setCurrentIndex(3)
    window.roster_action.trigger()
    assert window.tabs.currentIndex() == 0
    assert window.dock.isVisible()


# --- the roster at 1440x900 ------------------------------------------------------------------------

def test_the_roster_fits_a_maximized_window(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1440, 900 - 40)
    qtbot.waitUntil(lambda: window.roster.model.total > 0, timeout=WAIT_MS)
    roster = window.roster
    assert roster.workplace.width() >= 150
    dock = window.dock.widget()
    for widget in (roster.add_button, roster.edit_button, roster.overloaded, roster.workplace):
        place = QRect(widget.mapTo(dock, widget.rect().topLeft()), widget.size())
        assert dock.rect().contains(place), type(widget).__name__
        assert not widget.visibleRegion().isEmpty(), type(widget).__name__


# --- long unit names ----------------------------------------------------------------------------------

def test_a_long_unit_name_is_elided(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.resize(1366, LAPTOP.height())
    commune = communes(context)[1]
    toolbar = window.findChild(QToolBar, "MainToolbar")
    toolbar_width = toolbar.sizeHint().width()
    edit_now(context, "rename", units.edit_unit, commune.id, LONG_NAME)
    qtbot.waitUntil(lambda: window.tree.model.marks is not None, timeout=WAIT_MS)
    assert window.tree.reveal(commune.id)
    qtbot.wait(50)
    view, header = window.tree.view, window.tree.view.header()
    assert header.sectionViewportPosition(MARK_COLUMN) + header.sectionSize(MARK_COLUMN) <= view.viewport().width()
    index = window.tree.model.index_of_id(commune.id)
    assert window.tree.model.data(index.siblingAtColumn(NAME_COLUMN), Qt.ItemDataRole.ToolTipRole) == LONG_NAME
    assert toolbar.sizeHint().width() == toolbar_width  # the undo step's long name only in the tooltip
    assert toolbar_width < window.width()
    title = window.panel.title
    assert title.minimumSizeHint().width() < 100
    assert title.fontMetrics().horizontalAdvance(QLabel.text(title)) <= title.width()
    assert "…" in QLabel.text(title)
    assert title.toolTip().endswith(LONG_NAME)


# --- the calendar's today ring --------------------------------------------------------------------

def test_the_today_ring_is_inside_its_cell() -> None:
    for cell in (QRect(0, 0, 120, 96), QRect(240, 96, 58, 40)):
        for number in ("6", "28"):
            ring, text = today_ring(cell, number, QFontMetrics(day_number_font(QFont())))
            assert ring.contains(text), (cell, number)
            assert cell.adjusted(3, 3, -3, -3).contains(ring), (cell, number)


def test_the_today_ring_is_painted_whole(qtbot: QtBot, context: AppContext) -> None:
    view = CalendarView(context)
    qtbot.addWidget(view)
    view.select_day(date.today())
    index = view.model.index_of(date.today())
    cell = QRect(0, 0, 120, 96)
    image = QImage(cell.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = cell
    option.font = view.grid.font()
    option.state = QStyle.StateFlag.State_Selected
    painter = QPainter(image)
    view.grid.itemDelegate().paint(painter, option, index)
    painter.end()
    ring, _text = today_ring(cell, str(date.today().day), QFontMetrics(day_number_font(view.grid.font())))
    centre = ring.center()

    def ring_colour(x: int, y: int) -> bool:
        pixel = image.pixelColor(x, y)
        return abs(pixel.blue() - SELECTED_BORDER.blue()) < 60 and pixel.red() < 120

    assert any(ring_colour(x, centre.y()) for x in range(ring.left() - 1, ring.left() + 3))
    assert any(ring_colour(x, centre.y()) for x in range(ring.right() - 2, ring.right() + 2))
    assert any(ring_colour(centre.x(), y) for y in range(ring.top() - 1, ring.top() + 3))
    assert any(ring_colour(centre.x(), y) for y in range(ring.bottom() - 2, ring.bottom() + 2))


# --- marks, the as-of day and the empty tree -----------------------------------------------------------

def test_the_tree_shows_no_check_before_the_recount(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    commune = communes(context)[0]
    window.tree.reveal(commune.id)
    edit_now(context, "rename", units.edit_unit, commune.id, commune.name + " Mới")
    index = window.tree.model.index_of_id(commune.id)
    assert window.tree.model.data(index.siblingAtColumn(MARK_COLUMN)) == "…"
    window.as_of.setDate(window.as_of.date().addDays(-1))
    assert window.tree.model.data(window.tree.model.index_of_id(commune.id).siblingAtColumn(MARK_COLUMN)) == "…"
    qtbot.waitUntil(lambda: window.tree.model.marks is not None, timeout=WAIT_MS)
    assert window.tree.model.data(window.tree.model.index_of_id(commune.id).siblingAtColumn(MARK_COLUMN)) != "…"


def test_the_as_of_day_has_a_today_button(window: MainWindow, context: AppContext) -> None:
    assert context.as_of != date.today()
    window.today_button.click()
    assert context.as_of == date.today()
    assert window.as_of.date().toPython() == date.today()


def test_an_empty_tree_before_the_data_says_why(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    assert window.tree.empty_note.isHidden()
    window.as_of.setDate(window.as_of.date().fromString("01/01/2020", "dd/MM/yyyy"))
    assert window.tree.model.rowCount(QModelIndex()) == 0
    note = window.tree.empty_note
    assert not note.isHidden()
    assert "01/01/2020" in note.text() and "01/07/2025" in note.text()
    window.today_button.click()
    assert window.tree.empty_note.isHidden()


# --- a language switch keeps the clerk's place ----------------------------------------------------------

def test_a_language_switch_keeps_the_view(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    first, second = communes(context)[:2]
    window.tree.reveal(first.id)
    window.tree.reveal(second.id)
    window.as_of.setDate(window.as_of.date().addDays(-3))
    expanded = window.tree.expanded_ids()
    window.tabs.setCurrentIndex(2)
    window.set_language("en")
    assert window.tabs.currentIndex() == 2
    assert context.as_of == DEMO_DATE - timedelta(days=3)
    assert window.as_of.date().toPython() == context.as_of
    assert window.tree.current_node().id == second.id
    assert set(expanded) <= set(window.tree.expanded_ids())
    assert window.panel.data is not None and window.panel.data.target_id == second.id


# --- dialogs with room for names (seen on the 1366x768 screenshots) -----------------------------------

def test_the_cadre_dialog_shows_a_long_position_whole(qtbot: QtBot, context: AppContext) -> None:
    position = "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh"
    cadre = replace(context.read(get_cadre, context.read(first_cadre)), position=position)
    dialog = CadreDialog(context, cadre)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.position
    assert field.text() == position
    assert field.fontMetrics().horizontalAdvance(position) < field.contentsRect().width()


def test_the_first_window_fits_the_screen(window: MainWindow) -> None:
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry())


# --- the screenshot script waits for the real loading signals --------------------------------------------

def test_the_screenshots_wait_until_the_window_has_loaded(qtbot: QtBot, window: MainWindow,
                                                          context: AppContext) -> None:
    assert not loading(window, None)
    edit_now(context, "rename", units.edit_unit, communes(context)[0].id, "Xã Đổi Tên")
    assert loading(window, None)  # the gap marks are being recounted
    qtbot.waitUntil(lambda: not loading(window, None), timeout=WAIT_MS)
    assert window.tree.model.marks is not None and not context.tasks.busy
    window.roster.reload()
    assert loading(window, None)  # the roster is read in a worker process
    qtbot.waitUntil(lambda: not loading(window, None), timeout=WAIT_MS)


# --- seen on the screenshots: roster rows, and the selection kept when the tree is regrouped ----------------

def test_the_roster_rows_are_as_compact_as_the_other_tables(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.roster.model.total > 0, timeout=WAIT_MS)
    table = window.roster.table
    assert table.rowHeight(0) <= table.fontMetrics().height() + ROW_PADDING


def test_grouping_by_cluster_keeps_the_chosen_commune(window: MainWindow, context: AppContext) -> None:
    commune = communes(context)[1]
    window.tree.reveal(commune.id)
    for _toggle in range(2):
        window.cluster_action.trigger()
        assert window.tree.current_node().id == commune.id
        assert window.panel.data is not None and window.panel.data.target_id == commune.id
    window.closed_action.trigger()
    assert window.tree.current_node().id == commune.id


OFFICE = "Tài liệu của văn phòng Đảng ủy xã Khuổi Ky"
WINDOWS_MAX_PATH = 260  # the longest path Windows (and SQLite there) opens without long-path support


def test_a_database_in_a_deep_folder_is_elided_in_the_status_bar(
        qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path) -> None:
    deep, name = tmp_path, "co-so-du-lieu-nam-co-so.sqlite"
    while len(str(deep.joinpath(OFFICE, "Nắm cơ sở", "Năm 2026", name))) < WINDOWS_MAX_PATH:  # as deep as it may be
        deep = deep / OFFICE
    folder = deep / "Nắm cơ sở" / "Năm 2026"
    folder.mkdir(parents=True)
    moved = folder / name
    shutil.copy(context.database.url.removeprefix("sqlite:///"), moved)
    window.open_location(str(moved))
    qtbot.waitUntil(lambda: window.tree.model.marks is not None, timeout=WAIT_MS)
    window.resize(1366, LAPTOP.height())
    assert window.minimumSizeHint().width() <= LAPTOP.width()
    assert window.status.toolTip() == str(moved)
    shown = QLabel.text(window.status)
    assert "…" in shown and shown.endswith(moved.name)


def test_a_path_with_room_is_shown_whole(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.resize(1366, LAPTOP.height())
    qtbot.wait(50)
    assert QLabel.text(window.status) == context.database.display_name


def test_a_language_switch_keeps_the_sizes_of_the_dock_and_the_panes(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1366, 740)
    qtbot.wait(50)
    before = (window.dock.height(), window.tabs.height(), window.splitter.sizes())
    window.set_language("en")
    qtbot.wait(50)
    assert (window.dock.height(), window.tabs.height(), window.splitter.sizes()) == before
