"""The cadre roster and panel: Vietnamese order, sorting, filters, drag payload, selection and refreshing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.model import Cadre, CadreStatus, Tier
from grassroots_app.domain.text import fold, person_sort_key
from grassroots_app.services import cadres
from grassroots_app.services.roster import RosterEntry, cadre_targets, roster
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.cadre_panel import CadrePanel
from grassroots_app.ui.units.roster import CadreRoster
from grassroots_app.ui.units.roster_model import Column
from grassroots_app.ui.units.tree_model import CADRE_MIME_TYPE, cadre_ids
from tests.ui.support import WAIT_MS, edit_now, shown, type_text, undo_now

KNOWN = ["Quách Thị Hằng", "Tạ Thị Hạnh", "Khổng Đức Đạt", "Từ Văn Dũng"]
KNOWN_ORDER = ["Từ Văn Dũng", "Khổng Đức Đạt", "Tạ Thị Hạnh", "Quách Thị Hằng"]  # D < Đ, a < ă; given name first


def wait_loaded(qtbot: QtBot, context: AppContext) -> None:
    """Wait until the background load has run and been shown."""
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)


@pytest.fixture
def widget(context: AppContext, qtbot: QtBot) -> CadreRoster:
    """A roster shown on its own, loaded."""
    roster = CadreRoster(context)
    roster.resize(1200, 600)
    shown(qtbot, roster)
    wait_loaded(qtbot, context)
    return roster


def shown_entries(widget: CadreRoster) -> list[RosterEntry]:
    """Return the entries of the visible rows, top to bottom."""
    return [widget.model.entry(row) for row in range(widget.table.model().rowCount())]


def cell(widget: CadreRoster, row: int, column: Column) -> object:
    """Return what a visible cell shows."""
    return widget.table.model().index(row, column).data()


def click_row(
    qtbot: QtBot, widget: CadreRoster, row: int, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Click a visible row like a user."""
    index = widget.table.model().index(row, Column.NAME)
    widget.table.scrollTo(index)
    qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     widget.table.visualRect(index).center())


def click_header(qtbot: QtBot, widget: CadreRoster, column: Column) -> None:
    """Click a column header like a user (sorts by it)."""
    header = widget.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def add_cadre(context: AppContext, name: str, workplace: str = "") -> Cadre:
    """Record a cadre through the undo stack, as a dialog would."""
    new = Cadre(id="", full_name=name, tier=Tier.COMMUNE, workplace=workplace)
    return edit_now(context, "add", cadres.add_cadre, new)


def test_every_cadre_is_listed_by_given_name_in_vietnamese_order(
    context: AppContext, widget: CadreRoster, qtbot: QtBot
) -> None:
    expected = context.read(roster, DEMO_DATE)
    entries = shown_entries(widget)
    assert len(entries) == len(expected) > 100
    assert [entry.full_name for entry in entries] == sorted((e.full_name for e in expected), key=person_sort_key)
    assert str(len(expected)) in widget.count.text()
    for name in KNOWN:
        add_cadre(context, name, workplace="Ban Tổ chức")
    wait_loaded(qtbot, context)
    names = [entry.full_name for entry in shown_entries(widget)]
    assert [name for name in names if name in KNOWN] == KNOWN_ORDER
    given = [name.split()[-1] for name in names]
    for before, after in (("An", "Anh"), ("Dũng", "Đạt"), ("Hạnh", "Hằng"), ("Vân", "Vinh")):
        assert max(i for i, word in enumerate(given) if word == before) < given.index(after)


def test_the_cells_show_translated_labels_and_the_workload(widget: CadreRoster) -> None:
    entries = shown_entries(widget)
    row = next(i for i, entry in enumerate(entries) if entry.is_standing)
    assert cell(widget, row, Column.NAME) == entries[row].full_name
    assert cell(widget, row, Column.TARGETS) == entries[row].targets
    assert cell(widget, row, Column.TIER) and cell(widget, row, Column.TIER) != Tier.PROVINCE.value
    assert str(cell(widget, row, Column.MEMBERSHIPS)).count(",") == 2
    heavy = next(i for i, entry in enumerate(entries) if entry.overloaded)
    assert widget.table.model().index(heavy, Column.TARGETS).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_clicking_a_header_sorts_by_it_and_names_sort_back(widget: CadreRoster, qtbot: QtBot) -> None:
    by_name = [entry.id for entry in shown_entries(widget)]
    click_header(qtbot, widget, Column.TARGETS)
    counts = [entry.targets for entry in shown_entries(widget)]
    assert counts == sorted(counts) and counts[0] == 0
    zero = [entry.id for entry in shown_entries(widget) if entry.targets == 0]
    assert zero == [cadre_id for cadre_id in by_name if cadre_id in set(zero)], "ties stay in name order"
    click_header(qtbot, widget, Column.TARGETS)
    assert [entry.targets for entry in shown_entries(widget)] == sorted(counts, reverse=True)
    header = widget.table.horizontalHeader()
    for _click in range(2):
        click_header(qtbot, widget, Column.NAME)
        ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        assert header.sortIndicatorSection() == Column.NAME
        assert [entry.id for entry in shown_entries(widget)] == (by_name if ascending else by_name[::-1])


def test_sorting_keeps_the_selected_cadre_selected(widget: CadreRoster, qtbot: QtBot) -> None:
    click_row(qtbot, widget, 5)
    chosen = widget.selected_cadre()
    click_header(qtbot, widget, Column.WORKPLACE)
    assert widget.selected_cadre() == chosen
    workplaces = [fold(entry.workplace) for entry in shown_entries(widget)]
    assert workplaces[0] <= workplaces[-1]


def test_unassigned_and_overloaded_filters(widget: CadreRoster, qtbot: QtBot) -> None:
    every = shown_entries(widget)
    qtbot.mouseClick(widget.unassigned, Qt.MouseButton.LeftButton)
    idle = shown_entries(widget)
    assert idle and all(entry.targets == 0 for entry in idle)
    assert len(idle) == sum(entry.targets == 0 for entry in every)
    assert widget.count.text().startswith(str(len(idle)))
    qtbot.mouseClick(widget.unassigned, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.overloaded, Qt.MouseButton.LeftButton)
    heavy = shown_entries(widget)
    assert 1 <= len(heavy) <= 10, "the demo has a handful of overloaded cadres"
    assert all(entry.overloaded and entry.targets > 8 for entry in heavy)
    assert len(heavy) == sum(entry.overloaded for entry in every)


def test_tier_membership_status_and_workplace_filters(widget: CadreRoster, qtbot: QtBot) -> None:
    every = shown_entries(widget)
    widget.tier.setCurrentIndex(widget.tier.findData(Tier.PROVINCE))
    provincial = shown_entries(widget)
    assert provincial and all(entry.tier is Tier.PROVINCE for entry in provincial)
    qtbot.mouseClick(widget.standing, Qt.MouseButton.LeftButton)
    assert shown_entries(widget) and all(entry.is_standing for entry in shown_entries(widget))
    qtbot.mouseClick(widget.standing, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.committee, Qt.MouseButton.LeftButton)
    assert all(entry.is_committee for entry in shown_entries(widget))
    widget.tier.setCurrentIndex(0)
    qtbot.mouseClick(widget.committee, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.active_only, Qt.MouseButton.LeftButton)
    active = shown_entries(widget)
    assert all(entry.status is CadreStatus.ACTIVE for entry in active)
    assert len(active) == sum(entry.status is CadreStatus.ACTIVE for entry in every) < len(every)
    qtbot.mouseClick(widget.active_only, Qt.MouseButton.LeftButton)
    workplace = next(entry.workplace for entry in every if fold(entry.workplace) != entry.workplace.casefold())
    typed = fold(workplace).upper()
    qtbot.keyClicks(widget.workplace, typed)
    qtbot.waitUntil(lambda: not widget.filter_timer.isActive(), timeout=WAIT_MS)
    found = shown_entries(widget)
    assert found and all(fold(typed) in fold(entry.workplace) for entry in found)
    assert any(entry.workplace == workplace for entry in found)
    widget.workplace.clear()
    qtbot.waitUntil(lambda: len(shown_entries(widget)) == len(every), timeout=WAIT_MS)


def test_dragged_rows_carry_the_cadre_ids(widget: CadreRoster, qtbot: QtBot) -> None:
    click_row(qtbot, widget, 2)
    click_row(qtbot, widget, 4, Qt.KeyboardModifier.ControlModifier)
    entries = shown_entries(widget)
    assert widget.table.dragEnabled()
    assert widget.table.model().flags(widget.table.model().index(2, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert widget.table.model().mimeTypes() == [CADRE_MIME_TYPE]
    data = widget.table.model().mimeData(widget.table.selectionModel().selectedIndexes())
    assert data.hasFormat(CADRE_MIME_TYPE)
    payload = bytes(data.data(CADRE_MIME_TYPE).data()).decode("utf-8")
    assert payload.splitlines() == [entries[2].id, entries[4].id]
    assert cadre_ids(data) == [entries[2].id, entries[4].id]


def test_selecting_a_row_announces_the_cadre(widget: CadreRoster, qtbot: QtBot) -> None:
    entries = shown_entries(widget)
    assert not widget.edit_button.isEnabled()
    with qtbot.waitSignal(widget.cadre_selected) as chosen:
        click_row(qtbot, widget, 3)
    assert chosen.args == [entries[3].id]
    assert widget.edit_button.isEnabled()
    with qtbot.waitSignal(widget.cadre_selected) as cleared:
        widget.table.clearSelection()
    assert cleared.args == [None]


def test_the_roster_follows_edits_undo_and_the_chosen_day(
    context: AppContext, widget: CadreRoster, qtbot: QtBot
) -> None:
    total = widget.model.rowCount()
    click_row(qtbot, widget, 1)
    chosen = widget.selected_cadre()
    add_cadre(context, "Đỗ Văn Dũng")
    wait_loaded(qtbot, context)
    assert widget.model.rowCount() == total + 1
    assert widget.selected_cadre() == chosen, "the selection survives a reload"
    undo_now(context)
    wait_loaded(qtbot, context)
    assert widget.model.rowCount() == total
    assert any(entry.targets for entry in shown_entries(widget))
    context.set_as_of(date(2025, 1, 1))
    wait_loaded(qtbot, context)
    assert all(entry.targets == 0 for entry in shown_entries(widget)), "nothing was assigned before the reform"


def test_panel_shows_a_cadre_and_their_targets(context: AppContext, widget: CadreRoster, qtbot: QtBot) -> None:
    panel = CadrePanel(context)
    qtbot.addWidget(panel)
    widget.cadre_selected.connect(panel.show_cadre)
    panel.show()
    assert not panel.targets_box.isVisible()
    entries = shown_entries(widget)
    row = next(i for i, entry in enumerate(entries) if entry.targets >= 2)
    click_row(qtbot, widget, row)
    assert panel.title.text() == entries[row].full_name
    held = context.read(cadre_targets, entries[row].id, DEMO_DATE)
    assert panel.targets.rowCount() == len(held)
    assert sum(item.current for item in held) >= entries[row].targets
    first = panel.targets.item(0, 0)
    assert first is not None and first.text() == held[0].path and " / " in held[0].path
    assert not panel.end_button.isEnabled()
    panel.targets.selectRow(0)
    assert panel.end_button.isEnabled() == (held[0].assignment.period.end is None)
    edited = replace(context.read(cadres.get_cadre, entries[row].id), position="Bí thư Chi bộ")
    edit_now(context, "edit", cadres.edit_cadre, edited)
    assert "Bí thư Chi bộ" in [label.text() for label in panel.details_box.findChildren(QLabel)]
    undo_now(context)
    undo_now(context)
    widget.cadre_selected.emit(None)
    assert panel.title.text() and not panel.details_box.isVisible()


def test_add_cadre_opens_the_dialog_and_selects_the_new_cadre(
    context: AppContext, widget: CadreRoster, qtbot: QtBot
) -> None:
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CadreDialog)
        type_text(qtbot, dialog.full_name, "Quách Thị Hằng")
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    with qtbot.waitSignal(widget.cadre_selected, check_params_cb=lambda cadre_id: cadre_id is not None):
        qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, context)
    chosen = widget.selected_cadre()
    assert chosen is not None and context.read(cadres.get_cadre, chosen).full_name == "Quách Thị Hằng"


def test_the_text_columns_share_the_room_the_short_ones_leave(widget: CadreRoster, qtbot: QtBot) -> None:
    """At the dock's width on a 1366x768 screen, names, positions and workplaces get the room the short columns do
    not need (the screenshot showed "Nguyễn Hồn…" elided beside a half-empty status column)."""
    widget.resize(800, 400)
    qtbot.wait(20)  # the layout settles
    header = widget.table.horizontalHeader()
    status = header.sectionSize(Column.STATUS)
    needed = max(widget.table.sizeHintForColumn(Column.STATUS), header.sectionSizeFromContents(Column.STATUS).width())
    assert status <= needed, "the status column takes only what it needs"
    for column in (Column.NAME, Column.POSITION, Column.WORKPLACE):
        assert header.sectionSize(column) >= 120, column.name
    assert header.length() <= widget.table.viewport().width(), "no column is pushed off the side"


def test_a_cadre_chosen_while_the_roster_is_loaded_again_stays_chosen(
    context: AppContext, widget: CadreRoster, qtbot: QtBot
) -> None:
    first, second = (entry.id for entry in shown_entries(widget)[:2])
    widget.select_cadre(first)
    widget.reload()
    widget.select_cadre(second)  # the clerk clicks another cadre while the roster is read
    wait_loaded(qtbot, context)
    assert widget.selected_cadre() == second
