"""The hierarchy model and tree: lazy reads, modes, marks, dates, closed units, drops, reloads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.coverage import Gap
from grassroots_app.domain.model import Level
from grassroots_app.services import browse
from grassroots_app.services.cadres import find_cadres
from grassroots_app.services.clusters import remove_member
from grassroots_app.services.units import NewUnit, add_unit, close_unit
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.units.hierarchy_view import HierarchyTree
from grassroots_app.ui.units.tree_model import (
    CADRE_MIME_TYPE,
    KIND_COLUMN,
    MARK_COLUMN,
    HierarchyModel,
    Node,
    NodeKind,
    cadre_mime_data,
)
from tests.coverage_oracle import StoredRows, brute_force, stored_rules
from tests.ui.support import edit_now, undo_now

COPY = Qt.DropAction.CopyAction


@contextmanager
def recorded_sql(engine: Engine) -> Iterator[list[str]]:
    """Collect the SQL statements the engine runs inside the block."""
    statements: list[str] = []

    def record(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def child_nodes(model: HierarchyModel, parent: QModelIndex) -> list[Node]:
    """Fetch the children of a row and return their nodes."""
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(row, 0, parent).internalPointer() for row in range(model.rowCount(parent))]


def first_path(model: HierarchyModel, depth: int) -> QModelIndex:
    """Fetch down the first row of each level, `depth` levels deep, and return the last index reached."""
    index = model.index(0, 0)
    for _ in range(depth):
        child_nodes(model, index)
        index = model.index(0, 0, index)
    return index


def node_of(model: HierarchyModel, index: QModelIndex) -> Node:
    """Return the node of a valid index."""
    node = model.node(index)
    assert node is not None
    return node


def current_id(tree: HierarchyTree) -> str | None:
    """Return the id of the selected row of a tree."""
    node = tree.current_node()
    return node.id if node else None


def ancestors_of(index: QModelIndex) -> list[QModelIndex]:
    """Return the indexes above an index, from its parent up."""
    found: list[QModelIndex] = []
    parent = index.parent()
    while parent.isValid():
        found.append(parent)
        parent = parent.parent()
    return found


def levels_above(model: HierarchyModel, index: QModelIndex) -> list[Level | None]:
    """Return the levels of the rows above an index, from its parent up."""
    return [node_of(model, parent).level for parent in ancestors_of(index)]


def province_id(context: AppContext) -> str:
    """Return the id of the demo's province."""
    return context.read(browse.children, None, DEMO_DATE)[0].id


def communes(context: AppContext) -> list[browse.NodeRow]:
    """Return the demo's communes (two-level: the province's children)."""
    return context.read(browse.children, province_id(context), DEMO_DATE)


def first_group(context: AppContext) -> str:
    """Return the id of the first group of the first hamlet of the first commune."""
    hamlet = context.read(browse.children, communes(context)[0].id, DEMO_DATE)[0]
    return context.read(browse.children, hamlet.id, DEMO_DATE)[0].id


def gaps_below(context: AppContext, root: str | None = None) -> set[Gap]:
    """Return the gaps on the demo's day (under a unit), counted by brute force from the file's rows."""
    source = StoredRows(Path(str(context.database.engine.url.database)))
    return brute_force(source, DEMO_DATE, stored_rules(source), root)[0]


def gaps_label(n: int) -> str:
    """Return the coverage column's Vietnamese text for a number of gaps."""
    return "✓" if n == 0 else f"thiếu {n}"


def mark_text(model: HierarchyModel, index: QModelIndex) -> str:
    """Return what the coverage column shows for a row."""
    return model.data(index.siblingAtColumn(MARK_COLUMN))  # type: ignore[no-any-return]


def test_constructing_the_model_reads_only_the_provinces(context: AppContext) -> None:
    with recorded_sql(context.database.engine) as statements:
        model = HierarchyModel(context)
    assert 1 <= len(statements) <= 3
    assert model.rowCount() == 1
    province = model.index(0, 0)
    with recorded_sql(context.database.engine) as statements:
        assert model.hasChildren(province) and model.canFetchMore(province)
        assert model.rowCount(province) == 0
        assert model.data(province) == "Tỉnh Lạng Sơn"
    assert statements == []


def test_expanding_a_commune_costs_the_same_few_statements_whatever_its_size(context: AppContext) -> None:
    model = HierarchyModel(context)
    province = model.index(0, 0)
    nodes = sorted(child_nodes(model, province), key=lambda node: node.child_count)
    smallest, largest = nodes[0], nodes[-1]
    assert smallest.child_count < largest.child_count
    counts = []
    for node in (smallest, largest):
        index = model.index_of_id(node.id)
        with recorded_sql(context.database.engine) as statements:
            model.fetchMore(index)
        counts.append(len(statements))
        assert model.rowCount(index) == node.child_count
    assert counts[0] == counts[1] <= 3


def test_rows_that_are_not_expanded_are_not_read(context: AppContext, qtbot: QtBot) -> None:
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    tree.resize(400, 800)
    tree.show()
    qtbot.waitExposed(tree)
    tree.view.expand(tree.model.index(0, 0))
    qtbot.wait(10)
    with recorded_sql(context.database.engine) as statements:
        tree.view.viewport().repaint()
        tree.view.scrollToBottom()
        qtbot.wait(10)
    assert statements == []
    commune_nodes = [node for node in tree.model.loaded_nodes() if node.level is Level.COMMUNE]
    assert commune_nodes == []
    assert tree.model.rowCount(tree.model.index(0, 0)) == len(communes(context))


@pytest.mark.parametrize(("grouped", "show_closed"), [(False, False), (True, False), (False, True), (True, True)])
def test_the_model_passes_the_model_tester(
    context: AppContext, qtmodeltester: ModelTester, grouped: bool, show_closed: bool
) -> None:
    edit_now(context, "close", close_unit, first_group(context), DEMO_DATE)
    model = HierarchyModel(context)
    model.set_group_by_cluster(grouped)
    model.set_show_closed(show_closed)
    model.set_marks(context.read(browse.gap_marks, DEMO_DATE))
    assert first_path(model, 3 if grouped else 2).isValid()
    qtmodeltester.check(model)


@pytest.mark.parametrize("grouped", [False, True])
def test_the_three_level_model_passes_the_model_tester(
    context_three_level: AppContext, qtmodeltester: ModelTester, grouped: bool
) -> None:
    model = HierarchyModel(context_three_level)
    model.set_group_by_cluster(grouped)
    assert first_path(model, 3).isValid()
    qtmodeltester.check(model)


def test_marks_show_the_gaps_in_a_row_and_below_it(context: AppContext, qtbot: QtBot) -> None:
    gaps = gaps_below(context)
    model = HierarchyModel(context)
    province = model.index(0, 0)
    assert mark_text(model, province) == "…"
    with qtbot.waitSignal(model.dataChanged):
        model.set_marks(context.read(browse.gap_marks, DEMO_DATE))
    assert mark_text(model, province) == f"thiếu {len(gaps)}"
    gap_units = {gap.target_id for gap in gaps if gap.level is not Level.CLUSTER}
    assert gap_units
    for unit_id in gap_units:
        assert mark_text(model, model.reveal(unit_id)) != "✓"
    clean = [node for node in child_nodes(model, province) if not {node.id} & gap_units and node.child_count]
    quiet = [node for node in clean if mark_text(model, model.index_of_id(node.id)) == "✓"]
    assert quiet, "some commune of the demo has no gap at all"
    model.set_marks(None)
    assert mark_text(model, province) == "…"


def test_a_cluster_counts_the_gaps_of_its_communes(context: AppContext) -> None:
    gaps = gaps_below(context)
    marks = context.read(browse.gap_marks, DEMO_DATE)
    model = HierarchyModel(context)
    model.set_group_by_cluster(True)
    model.set_marks(marks)
    for cluster in child_nodes(model, model.index(0, 0)):
        index = model.index_of_id(cluster.id)
        members = child_nodes(model, index)
        own = sum(1 for gap in gaps if gap.target_id == cluster.id)
        expected = own + sum(len(gaps_below(context, member.id)) for member in members)
        assert marks.get(cluster.id, 0) == expected
        wanted = gaps_label(expected)
        assert mark_text(model, index) == wanted


def test_a_unit_is_hidden_on_days_before_it_existed(context: AppContext) -> None:
    commune = communes(context)[0]
    hamlet = edit_now(context, "add", add_unit, NewUnit("Thôn Mới Lập", commune.id, DEMO_DATE))
    model = HierarchyModel(context)
    assert model.reveal(hamlet.id).isValid()
    model.set_as_of(DEMO_DATE - timedelta(days=1))
    assert not model.reveal(hamlet.id).isValid()
    assert model.index_of_id(commune.id).isValid()
    assert hamlet.id not in {node.id for node in child_nodes(model, model.index_of_id(commune.id))}


def test_closed_units_are_shown_greyed_only_on_request(context: AppContext) -> None:
    group_id = first_group(context)
    edit_now(context, "close", close_unit, group_id, DEMO_DATE)
    model = HierarchyModel(context)
    assert not model.reveal(group_id).isValid()
    model.set_show_closed(True)
    closed = model.reveal(group_id)
    assert closed.isValid() and node_of(model, closed).closed
    assert model.data(closed, Qt.ItemDataRole.ForegroundRole) is not None
    open_sibling = next(
        model.index(row, 0, closed.parent()) for row in range(model.rowCount(closed.parent())) if row != closed.row()
    )
    assert model.data(open_sibling, Qt.ItemDataRole.ForegroundRole) is None
    assert not model.flags(closed) & Qt.ItemFlag.ItemIsDropEnabled


def test_cluster_mode_shows_the_clusters_and_their_communes(context: AppContext) -> None:
    model = HierarchyModel(context)
    model.set_group_by_cluster(True)
    province = model.index(0, 0)
    clusters = context.read(browse.clusters_under, province_id(context), DEMO_DATE)
    nodes = child_nodes(model, province)
    assert [node.id for node in nodes] == [cluster.id for cluster in clusters]
    assert {model.data(model.index_of_id(node.id).siblingAtColumn(KIND_COLUMN)) for node in nodes} == {"cụm"}
    for cluster in clusters:
        members = child_nodes(model, model.index_of_id(cluster.id))
        expected = context.read(browse.cluster_members, cluster.id, DEMO_DATE)
        assert [node.id for node in members] == [row.id for row in expected]
        assert len(members) == cluster.member_count
    hamlets = child_nodes(model, model.index_of_id(members[0].id))
    assert hamlets and {node.level for node in hamlets} == {Level.HAMLET}


def test_communes_outside_every_cluster_are_listed_apart(context: AppContext) -> None:
    cluster = context.read(browse.clusters_under, province_id(context), DEMO_DATE)[0]
    commune = context.read(browse.cluster_members, cluster.id, DEMO_DATE)[0]
    edit_now(context, "leave", remove_member, cluster.id, commune.id, DEMO_DATE)
    model = HierarchyModel(context)
    model.set_group_by_cluster(True)
    others = child_nodes(model, model.index(0, 0))[-1]
    assert others.kind is NodeKind.UNCLUSTERED
    assert model.data(model.index_of_id(others.id)) == "Chưa thuộc cụm"
    assert [node.id for node in others.children] == [commune.id]
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[0]
    index = model.reveal(hamlet.id)
    assert [node_of(model, parent).id for parent in ancestors_of(index)][:2] == [commune.id, others.id]


def test_the_three_level_tree_passes_over_districts_in_cluster_mode(context_three_level: AppContext) -> None:
    context = context_three_level
    model = HierarchyModel(context)
    district = child_nodes(model, model.index(0, 0))[0]
    assert district.level is Level.DISTRICT
    assert {node.level for node in child_nodes(model, model.index_of_id(district.id))} == {Level.COMMUNE}
    group_id = first_group_three_level(context, district.id)
    assert levels_above(model, model.reveal(group_id)) == [Level.HAMLET, Level.COMMUNE, Level.DISTRICT, Level.PROVINCE]
    model.set_group_by_cluster(True)
    assert {node.kind for node in child_nodes(model, model.index(0, 0))} == {NodeKind.CLUSTER}
    assert levels_above(model, model.reveal(group_id)) == [Level.HAMLET, Level.COMMUNE, Level.CLUSTER, Level.PROVINCE]


def first_group_three_level(context: AppContext, district_id: str) -> str:
    """Return the first group of the first hamlet of the district's first commune."""
    commune = context.read(browse.children, district_id, DEMO_DATE)[0]
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[0]
    return context.read(browse.children, hamlet.id, DEMO_DATE)[0].id


def test_a_cadre_dropped_on_a_hamlet_is_announced(context: AppContext, qtbot: QtBot) -> None:
    cadre_id = context.read(find_cadres, "", 1)[0].id
    model = HierarchyModel(context)
    assert model.mimeTypes() == [CADRE_MIME_TYPE]
    hamlet = first_path(model, 2)
    assert node_of(model, hamlet).level is Level.HAMLET
    assert model.flags(hamlet) & Qt.ItemFlag.ItemIsDropEnabled
    payload = cadre_mime_data([cadre_id])
    assert model.canDropMimeData(payload, COPY, -1, -1, hamlet)
    with qtbot.waitSignal(model.cadre_dropped) as dropped:
        assert model.dropMimeData(payload, COPY, -1, -1, hamlet)
    assert dropped.args == [cadre_id, node_of(model, hamlet).id]


def test_a_drop_on_a_province_or_between_rows_is_refused(context: AppContext, qtbot: QtBot) -> None:
    model = HierarchyModel(context)
    province = model.index(0, 0)
    commune = first_path(model, 1)
    payload = cadre_mime_data(["some-cadre"])
    assert not model.flags(province) & Qt.ItemFlag.ItemIsDropEnabled
    with qtbot.assertNotEmitted(model.cadre_dropped):
        assert not model.canDropMimeData(payload, COPY, -1, -1, province)
        assert not model.dropMimeData(payload, COPY, -1, -1, province)
        assert not model.dropMimeData(payload, COPY, 0, 0, commune)
        assert not model.dropMimeData(cadre_mime_data([]), COPY, -1, -1, commune)


def test_a_cluster_accepts_dropped_cadres(context: AppContext) -> None:
    model = HierarchyModel(context)
    model.set_group_by_cluster(True)
    cluster = first_path(model, 1)
    dropped: list[tuple[str, str]] = []
    model.cadre_dropped.connect(lambda cadre_id, target_id: dropped.append((cadre_id, target_id)))
    assert model.dropMimeData(cadre_mime_data(["a", "b"]), COPY, -1, -1, cluster)
    target_id = node_of(model, cluster).id
    assert dropped == [("a", target_id), ("b", target_id)]


def test_reveal_expands_selects_and_scrolls_to_a_unit(context: AppContext, qtbot: QtBot) -> None:
    group_id = first_group(context)
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    tree.show()
    with qtbot.waitSignal(tree.selection_changed) as selected:
        assert tree.reveal(group_id)
    current = tree.view.currentIndex()
    assert node_of(tree.model, current).id == group_id == selected.args[0].id
    assert len(ancestors_of(current)) == 3
    assert all(tree.view.isExpanded(parent) for parent in ancestors_of(current))
    assert not tree.reveal("no-such-unit")


def test_an_edit_or_undo_reloads_the_tree_in_place(context: AppContext, qtbot: QtBot) -> None:
    group_id = first_group(context)
    commune = communes(context)[0]
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    tree.show()
    tree.reveal(group_id)
    expanded = tree.expanded_ids()
    loaded = {node.id for node in tree.model.loaded_nodes()}
    with qtbot.waitSignal(tree.selection_changed) as selected:
        hamlet = edit_now(context, "add", add_unit, NewUnit("Thôn Mới Lập", commune.id, DEMO_DATE))
    assert selected.args[0].id == group_id == current_id(tree)
    assert tree.expanded_ids() == expanded
    assert {node.id for node in tree.model.loaded_nodes()} == loaded
    assert tree.model.index_of_id(hamlet.id).isValid()
    undo_now(context)
    assert not tree.model.index_of_id(hamlet.id).isValid()
    assert tree.current_node().id == group_id  # type: ignore[union-attr]
    assert tree.expanded_ids() == expanded


def test_a_new_day_keeps_the_place_in_the_tree(context: AppContext, qtbot: QtBot) -> None:
    group_id = first_group(context)
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    tree.reveal(group_id)
    context.set_as_of(DEMO_DATE - timedelta(days=30))
    assert tree.model.as_of == context.as_of
    assert tree.current_node().id == group_id  # type: ignore[union-attr]


def test_the_kind_column_fits_every_kind_read_without_measuring_rows(context: AppContext, qtbot: QtBot) -> None:
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    tree.resize(400, 800)
    tree.show()
    header = tree.view.header()
    assert header.sectionResizeMode(KIND_COLUMN) is QHeaderView.ResizeMode.Interactive  # the clerk may drag it
    province = tree.model.index(0, 0)
    tree.view.expand(province)
    tree.view.expand(tree.model.index(0, 0, province))
    metrics = tree.view.fontMetrics()
    kinds = {child.kind_text for node in tree.model.loaded_nodes() for child in node.children}
    assert len(kinds) >= 2
    assert all(metrics.horizontalAdvance(kind) < header.sectionSize(KIND_COLUMN) for kind in kinds)
    gaps = tree.model.headerData(MARK_COLUMN, Qt.Orientation.Horizontal)
    assert metrics.horizontalAdvance(gaps) < header.sectionSize(MARK_COLUMN)
