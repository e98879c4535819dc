"""The search box: accent-free search as you type, keyboard and mouse choice, and revealing the choice."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.text import fold
from grassroots_app.persistence.browse import NodeRow
from grassroots_app.services import browse, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.units.hierarchy_view import HierarchyTree
from grassroots_app.ui.units.search import ID_ROLE, PATH_ROLE, SearchBox
from grassroots_app.ui.units.tree_model import NODE_ROLE
from tests.ui.support import WAIT_MS, edit_now, shown


@pytest.fixture
def box(context: AppContext, qtbot: QtBot) -> SearchBox:
    """A search box shown on its own."""
    return shown(qtbot, SearchBox(context))


def a_commune(context: AppContext) -> NodeRow:
    """Return a real "xã" of the demo whose name carries diacritics."""
    province = context.read(browse.children, None, DEMO_DATE)[0]
    rows = context.read(browse.children, province.id, DEMO_DATE)
    return next(row for row in rows if row.kind == "xã" and fold(row.name) != row.name.casefold())


def type_and_wait(qtbot: QtBot, box: SearchBox, text: str) -> None:
    """Type into the field and wait for the debounced search to have run and its hits to be shown."""
    qtbot.keyClicks(box.edit, text)
    assert box.timer.isActive(), "the search waits for the typing to pause"
    qtbot.waitUntil(lambda: not box.timer.isActive() and not box.searching, timeout=WAIT_MS)


def hit_ids(box: SearchBox) -> list[str]:
    """Return the unit ids listed, top to bottom."""
    return [box.results.item(row).data(ID_ROLE) for row in range(box.results.count())]


def test_typing_a_commune_name_without_accents_finds_it(context: AppContext, box: SearchBox, qtbot: QtBot) -> None:
    commune = a_commune(context)
    typed = fold(commune.name)
    assert typed.startswith("xa ")
    type_and_wait(qtbot, box, typed)
    assert box.results.isVisible() and not box.empty.isVisible()
    assert commune.id in hit_ids(box)
    item = box.results.item(hit_ids(box).index(commune.id))
    assert item.text() == commune.name
    assert item.data(PATH_ROLE).endswith(" / " + commune.name)
    box.results.setCurrentItem(item)
    with qtbot.waitSignal(box.unit_chosen) as chosen:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert chosen.args == [commune.id]
    assert not box.results.isVisible()


def test_the_arrows_move_through_the_hits_and_a_click_chooses(box: SearchBox, qtbot: QtBot) -> None:
    type_and_wait(qtbot, box, "xa")
    ids = hit_ids(box)
    assert len(ids) >= 3
    assert box.results.currentRow() == 0
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    qtbot.keyClick(box.edit, Qt.Key.Key_Up)
    assert box.results.currentRow() == 1
    item = box.results.item(2)
    with qtbot.waitSignal(box.unit_chosen) as chosen:
        qtbot.mouseClick(box.results.viewport(), Qt.MouseButton.LeftButton,
                         pos=box.results.visualItemRect(item).center())
    assert chosen.args == [ids[2]]


def test_enter_right_after_typing_searches_at_once(context: AppContext, box: SearchBox, qtbot: QtBot) -> None:
    commune = a_commune(context)
    qtbot.keyClicks(box.edit, fold(commune.name))
    with qtbot.waitSignal(box.unit_chosen) as chosen:
        qtbot.keyClick(box.edit, Qt.Key.Key_Enter)
    assert chosen.args == [commune.id]


def test_a_search_without_hits_says_so(box: SearchBox, qtbot: QtBot) -> None:
    type_and_wait(qtbot, box, "zzqqxx")
    assert box.empty.isVisible() and not box.results.isVisible()
    with qtbot.assertNotEmitted(box.unit_chosen):
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)


def test_escape_clears_the_search(box: SearchBox, qtbot: QtBot) -> None:
    type_and_wait(qtbot, box, "xa")
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert box.edit.text() == ""
    assert not box.results.isVisible() and not box.empty.isVisible()


def test_the_chosen_unit_is_revealed_in_the_tree(context: AppContext, box: SearchBox, qtbot: QtBot) -> None:
    province = context.read(browse.children, None, DEMO_DATE)[0]
    commune = a_commune(context)
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[-1]
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    tree.show()
    box.unit_chosen.connect(tree.reveal)
    type_and_wait(qtbot, box, fold(hamlet.name))
    assert hamlet.id in hit_ids(box)
    box.results.setCurrentRow(hit_ids(box).index(hamlet.id))
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    current = tree.view.currentIndex()
    assert current.data(NODE_ROLE).id == hamlet.id
    parents = [current.parent(), current.parent().parent()]
    assert [index.data(NODE_ROLE).id for index in parents] == [commune.id, province.id]
    assert all(tree.view.isExpanded(index) for index in parents)
    assert not parents[1].parent().isValid()


def test_a_word_inside_the_name_of_a_hamlet_or_group_finds_it(
        context: AppContext, box: SearchBox, qtbot: QtBot) -> None:
    commune = a_commune(context)
    hamlet = edit_now(context, "add", units.add_unit, units.NewUnit("Bản Nà Pò", commune.id, DEMO_DATE))
    group = edit_now(context, "add", units.add_unit, units.NewUnit("Tổ Khuổi Ký", hamlet.id, DEMO_DATE))
    for typed, wanted in (("khuoi", group.id), ("KHUOI KY", group.id), ("na po", hamlet.id)):
        box.edit.clear()
        type_and_wait(qtbot, box, typed)
        assert wanted in hit_ids(box), typed
    item = box.results.item(hit_ids(box).index(hamlet.id))
    assert item.data(PATH_ROLE).endswith(f"{commune.name} / Bản Nà Pò")


def test_a_search_reads_off_the_ui_thread_and_only_the_latest_answer_is_shown(
        context: AppContext, box: SearchBox, qtbot: QtBot) -> None:
    ui_thread, threads = threading.get_ident(), []

    def record(*_args: Any) -> None:
        threads.append(threading.get_ident())

    event.listen(context.database.engine, "before_cursor_execute", record)
    try:
        box.edit.setText("xa")
        box.search_now()
        assert box.searching
        box.edit.setText("zzqqxx")  # typed on while the first search runs
        box.search_now()
        qtbot.waitUntil(lambda: not box.searching, timeout=WAIT_MS)
        qtbot.wait(100)  # the first answer, if it comes later, is dropped
    finally:
        event.remove(context.database.engine, "before_cursor_execute", record)
    assert threads and ui_thread not in threads, "the searches read on a worker thread"
    assert box.results.count() == 0 and box.empty.isVisible()
