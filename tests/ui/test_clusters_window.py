"""Clusters made and changed in the window, as a clerk would: from the province's panel, the cluster's panel in the
"group by cluster" view and the tree's right-click menu; every step undone with Ctrl+Z and redone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, clusters
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.widgets import to_qdate
from grassroots_app.ui.units.cluster_dialogs import (
    CloseClusterDialog,
    ClusterCommunesDialog,
    NewClusterDialog,
    RenameClusterDialog,
)
from tests.ui.support import (
    WAIT_MS,
    ScriptedPrompter,
    answer_dialog,
    edit_now,
    focus,
    shown,
    type_text,
    wait_while_busy,
)

Handler = Callable[[QWidget], None]
JOINED = date(2026, 9, 1)


def clusters_now(context: AppContext) -> dict[str, list[str]]:
    """Return each open cluster's name with its communes' names on the demo date, read from the database."""
    def read(uow: UnitOfWork) -> dict[str, list[str]]:
        province = browse.children(uow, None, context.as_of)[0]
        return {row.name: [member.name for member in browse.cluster_members(uow, row.id, context.as_of)]
                for row in browse.clusters_under(uow, province.id, context.as_of)}
    return context.read(read)


def cluster_id(context: AppContext, name: str) -> str:
    """Return the id of the cluster with that name."""
    return next(cluster.id for cluster in context.read(lambda uow: uow.clusters.all()) if cluster.name == name)


def province_id(context: AppContext) -> str:
    """Return the id of the demo province."""
    return context.read(browse.children, None, context.as_of)[0].id


def click_answering(qtbot: QtBot, button: QWidget, handler: Handler) -> None:
    """Click a button of the panel and answer the dialog it opens."""
    assert button.isVisible() and button.isEnabled()
    done = answer_dialog(qtbot, handler)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    done()


def select_in_tree(qtbot: QtBot, window: MainWindow, node_id: str) -> None:
    """Click a row of the tree (the province must be expanded for a cluster)."""
    index = window.tree.model.index_of_id(node_id)
    assert index.isValid()
    window.tree.view.scrollTo(index)
    rect = window.tree.view.visualRect(index)
    qtbot.mouseClick(window.tree.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == node_id, timeout=WAIT_MS)


def expand_province(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    """Expand the province's row (its clusters are read when the view asks)."""
    index = window.tree.model.index_of_id(province_id(context))
    window.tree.view.expand(index)
    qtbot.waitUntil(lambda: window.tree.model.rowCount(window.tree.model.index_of_id(province_id(context))) > 0, timeout=WAIT_MS)


def undo_keys(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Press Ctrl+Z (or Ctrl+Y) in the tree."""
    focus(qtbot, window.tree.view)
    qtbot.keyClick(window.tree.view, key, Qt.KeyboardModifier.ControlModifier)
    wait_while_busy()


def tick(dialog: ClusterCommunesDialog, names: list[str]) -> None:
    """Tick communes in the list by their names."""
    for row in range(dialog.communes.count()):
        item = dialog.communes.item(row)
        if item.text().split(" (")[0] in names:
            item.setCheckState(Qt.CheckState.Checked)


def test_make_and_change_a_cluster_then_undo_every_step(qtbot: QtBot, window: MainWindow,
                                                        context: AppContext) -> None:
    before = clusters_now(context)
    moved = before["Cụm số 1"][0]
    window.cluster_action.trigger()  # "group by cluster"
    select_in_tree(qtbot, window, province_id(context))
    assert not window.panel.rename_cluster_button.isVisible()

    def new(dialog: QWidget) -> None:
        assert isinstance(dialog, NewClusterDialog)
        type_text(qtbot, dialog.name, "Cụm số 4")
        dialog.valid_from.setDate(to_qdate(JOINED))
        dialog.buttons.accepted.emit()
        wait_while_busy()

    click_answering(qtbot, window.panel.new_cluster_button, new)
    assert clusters_now(context) == {**before, "Cụm số 4": []}
    new_id = cluster_id(context, "Cụm số 4")
    expand_province(qtbot, window, context)
    select_in_tree(qtbot, window, new_id)
    assert window.panel.join_button.isVisible() and not window.panel.new_cluster_button.isVisible()
    assert window.panel.period.text() == "Cụm xã, từ ngày 01/09/2026"

    def join_refused(dialog: QWidget) -> None:
        assert isinstance(dialog, ClusterCommunesDialog)
        dialog.on.setDate(to_qdate(JOINED))
        tick(dialog, [moved])
        dialog.buttons.accepted.emit()
        wait_while_busy()
        assert dialog.error.text().startswith(f"'{moved}' đã thuộc cụm 'Cụm số 1' từ ")

    click_answering(qtbot, window.panel.join_button, join_refused)
    assert clusters_now(context)["Cụm số 4"] == []

    select_in_tree(qtbot, window, cluster_id(context, "Cụm số 1"))

    def leave(dialog: QWidget) -> None:
        assert isinstance(dialog, ClusterCommunesDialog)
        assert dialog.communes.count() == len(before["Cụm số 1"])
        dialog.on.setDate(to_qdate(JOINED))
        tick(dialog, [moved])
        dialog.buttons.accepted.emit()
        wait_while_busy()

    click_answering(qtbot, window.panel.leave_button, leave)
    assert moved not in clusters_now(context)["Cụm số 1"]
    expand_province(qtbot, window, context)
    select_in_tree(qtbot, window, new_id)

    def join(dialog: QWidget) -> None:
        assert isinstance(dialog, ClusterCommunesDialog)
        dialog.on.setDate(to_qdate(JOINED))
        type_text(qtbot, dialog.filter, moved.split(" ", 1)[1])
        shown = [dialog.communes.item(row).text() for row in range(dialog.communes.count())
                 if not dialog.communes.item(row).isHidden()]
        assert shown == [moved]
        tick(dialog, [moved])
        dialog.buttons.accepted.emit()
        wait_while_busy()

    click_answering(qtbot, window.panel.join_button, join)
    assert clusters_now(context)["Cụm số 4"] == [moved]

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, RenameClusterDialog)
        dialog.name.clear()
        type_text(qtbot, dialog.name, "Cụm Cao Lộc")
        dialog.buttons.accepted.emit()
        wait_while_busy()

    click_answering(qtbot, window.panel.rename_cluster_button, rename)
    assert "Cụm Cao Lộc" in clusters_now(context) and "Cụm số 4" not in clusters_now(context)

    # Undo the rename, the joining and the leaving with Ctrl+Z, then redo them with Ctrl+Y.
    for _step in range(3):
        undo_keys(qtbot, window, Qt.Key.Key_Z)
    assert clusters_now(context) == {**before, "Cụm số 4": []}
    for _step in range(3):
        undo_keys(qtbot, window, Qt.Key.Key_Y)
    assert clusters_now(context)["Cụm Cao Lộc"] == [moved]
    undo_keys(qtbot, window, Qt.Key.Key_Z)
    undo_keys(qtbot, window, Qt.Key.Key_Z)
    undo_keys(qtbot, window, Qt.Key.Key_Z)
    undo_keys(qtbot, window, Qt.Key.Key_Z)
    assert clusters_now(context) == before


def test_close_a_cluster_is_confirmed_and_undone(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    before = clusters_now(context)
    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    window.cluster_action.trigger()
    expand_province(qtbot, window, context)
    second = cluster_id(context, "Cụm số 2")
    select_in_tree(qtbot, window, second)

    def too_early(dialog: QWidget) -> None:
        assert isinstance(dialog, CloseClusterDialog)
        dialog.on.setDate(to_qdate(date(2000, 1, 1)))
        dialog.buttons.accepted.emit()
        wait_while_busy()
        assert "chỉ có thể giải thể sau ngày thành lập" in dialog.error.text()

    click_answering(qtbot, window.panel.close_cluster_button, too_early)
    assert prompter.shown == [], "a closing the rules refuse is not asked about"

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, CloseClusterDialog)
        dialog.on.setDate(to_qdate(JOINED))
        dialog.buttons.accepted.emit()
        wait_while_busy()

    prompter.answers = [False]
    click_answering(qtbot, window.panel.close_cluster_button, close)
    assert len(prompter.shown) == 1 and "Cụm số 2" in prompter.shown[0]
    assert clusters_now(context) == before, "answered no: nothing closed"
    click_answering(qtbot, window.panel.close_cluster_button, close)
    assert "Cụm số 2" not in clusters_now(context)
    undo_keys(qtbot, window, Qt.Key.Key_Z)
    assert clusters_now(context) == before


def open_tree_menu(qtbot: QtBot, window: MainWindow, node_id: str, keyboard: bool) -> QMenu:
    """Right-click a row of the tree (or select it and press Shift+F10); return the menu that opens."""
    index = window.tree.model.index_of_id(node_id)
    point = window.tree.view.visualRect(index).center()
    viewport = window.tree.view.viewport()
    if keyboard:
        select_in_tree(qtbot, window, node_id)
        focus(qtbot, window.tree.view)
        qtbot.keyClick(window.tree.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=point)
        qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=point)
        QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                           viewport.mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT_MS)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def entries(menu: QMenu) -> dict[str, bool]:
    """Return the menu's entries with whether each is enabled."""
    return {action.text(): action.isEnabled() for action in menu.actions() if not action.isSeparator()}


def test_the_tree_right_click_menu_acts_on_the_row(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.cluster_action.trigger()
    province = province_id(context)
    expand_province(qtbot, window, context)
    third = cluster_id(context, "Cụm số 3")
    menu = open_tree_menu(qtbot, window, third, keyboard=False)
    assert window.panel.data is not None and window.panel.data.target_id == third, "the clicked row is chosen"
    assert entries(menu) == {"Đổi tên…": True, "Thêm xã…": True, "Bớt xã…": True, "Giải thể cụm…": True,
                             "Phân công cán bộ…": True}

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, RenameClusterDialog)
        dialog.name.clear()
        type_text(qtbot, dialog.name, "Cụm Đồng Đăng")
        dialog.buttons.accepted.emit()
        wait_while_busy()

    done = answer_dialog(qtbot, rename)
    next(action for action in menu.actions() if action.text() == "Đổi tên…").trigger()
    done()
    assert "Cụm Đồng Đăng" in clusters_now(context)

    menu = open_tree_menu(qtbot, window, province, keyboard=True)
    assert entries(menu)["Cụm mới…"] is True
    menu.close()


def test_in_the_three_level_model_a_cluster_is_made_under_a_district(qtbot: QtBot,
                                                                      context_three_level: AppContext) -> None:
    context = context_three_level
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    province = province_id(context)
    district = context.read(browse.children, province, context.as_of)[0]
    window.tree.reveal(province)
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == province, timeout=WAIT_MS)
    assert not window.panel.new_cluster_button.isVisible(), "a province has no clusters in this model"
    window.tree.reveal(district.id)
    qtbot.waitUntil(lambda: window.panel.data is not None and window.panel.data.target_id == district.id, timeout=WAIT_MS)

    def new(dialog: QWidget) -> None:
        assert isinstance(dialog, NewClusterDialog)
        type_text(qtbot, dialog.name, "Cụm Bắc")
        dialog.valid_from.setDate(to_qdate(JOINED))
        dialog.buttons.accepted.emit()
        wait_while_busy()

    click_answering(qtbot, window.panel.new_cluster_button, new)
    made = context.read(lambda uow: uow.clusters.all(district.id))
    assert "Cụm Bắc" in [cluster.name for cluster in made]
    context.tasks.wait()


def test_the_commune_filter_asks_for_a_communes_name(qtbot: QtBot, context: AppContext) -> None:
    """The filter of the communes to add or remove asks for a commune's name, not a person's ("họ tên", seen in the
    1366x768 screenshot)."""
    cluster = context.read(lambda uow: uow.clusters.all())[0]
    for joining in (True, False):
        dialog = ClusterCommunesDialog(context, cluster, joining)
        qtbot.addWidget(dialog)
        assert dialog.filter.placeholderText() == "Gõ một phần tên xã (có dấu hay không dấu đều được)"


def test_the_communes_are_found_and_ticked_with_the_keyboard(qtbot: QtBot, context: AppContext) -> None:
    """Type part of a commune's name, Down goes into the list on the first match, Space ticks it; the search box
    asks for a name, not a person's full name ("họ tên")."""
    cluster = context.read(lambda uow: uow.clusters.all())[0]
    dialog = shown(qtbot, ClusterCommunesDialog(context, cluster, joining=True))
    assert "họ tên" not in dialog.filter.placeholderText()
    last = dialog.communes.item(dialog.communes.count() - 1)
    wanted = last.text().split(" (")[0]
    focus(qtbot, dialog.filter)
    type_text(qtbot, dialog.filter, wanted)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.communes.hasFocus()
    qtbot.keyClick(dialog.communes, Qt.Key.Key_Space)
    assert dialog.chosen() == [last.data(Qt.ItemDataRole.UserRole)]


def test_a_clusters_gaps_are_counted_in_a_worker_as_a_units_are(qtbot: QtBot, window: MainWindow,
                                                                 context: AppContext,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    read_later = context.read_later

    def recording(query: Callable[..., object], *args: Any, **options: Any) -> None:
        asked.append(query)
        read_later(query, *args, **options)

    monkeypatch.setattr(context, "read_later", recording)
    empty = edit_now(context, "", clusters.add_cluster, "Cụm số 4", province_id(context), JOINED)
    window.cluster_action.trigger()
    expand_province(qtbot, window, context)
    select_in_tree(qtbot, window, empty.id)
    qtbot.waitUntil(lambda: window.panel.gaps.item(0).text() == "Cụm chưa có Ủy viên Ban Thường vụ phụ trách.", timeout=WAIT_MS)
    assert window.panel.gaps.count() == 1
    assert browse.own_gaps in asked
