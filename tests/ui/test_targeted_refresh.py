"""Each edit, undo and redo says what it changed; a view reloads only when a table it shows changed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from grassroots_app.domain.activities import ActivityFilter
from grassroots_app.domain.changes import Changes
from grassroots_app.domain.ratings import Grade
from grassroots_app.services import activities, browse, ratings
from grassroots_app.services.units import NewUnit, add_unit
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.units.cadre_panel import CadrePanel
from grassroots_app.ui.units.hierarchy_view import HierarchyTree
from grassroots_app.ui.units.tree_model import HierarchyModel
from grassroots_app.ui.units.unit_panel import UnitPanel
from tests.ui.support import edit_now, redo_now, undo_now


def _a_commune(context: AppContext) -> str:
    """Return the id of the first commune of the first province."""
    province = context.read(browse.children, None, context.as_of)[0]
    return str(context.read(browse.children, province.id, context.as_of)[0].id)


def _heard(context: AppContext) -> list[Changes]:
    """Return the list each announcement of a change is appended to."""
    heard: list[Changes] = []
    context.events.data_changed.connect(heard.append)
    return heard


def test_an_edit_announces_its_tables_and_rows(context: AppContext) -> None:
    heard = _heard(context)
    commune = _a_commune(context)
    hamlet = edit_now(context, "add", add_unit, NewUnit("Thôn Báo Tin", commune, context.as_of))
    assert len(heard) == 1
    assert {"unit", "unit_link"} <= heard[0].tables
    assert hamlet.id in heard[0].ids("unit")
    assert not heard[0].touches(frozenset({"rating", "meeting"}))


def test_undo_and_redo_announce_the_same_tables(context: AppContext) -> None:
    commune = _a_commune(context)
    edit_now(context, "rate", ratings.set_rating, commune, 2026, 3, Grade.GOOD)
    heard = _heard(context)
    undo_now(context)
    redo_now(context)
    assert [changes.tables for changes in heard] == [frozenset({"rating"}), frozenset({"rating"})]


def test_the_tree_reloads_after_a_unit_is_added_but_not_after_a_rating(
    context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reloads: list[None] = []
    reload = HierarchyModel.reload

    def counted(model: HierarchyModel) -> None:
        reloads.append(None)
        reload(model)

    monkeypatch.setattr(HierarchyModel, "reload", counted)
    tree = HierarchyTree(context)
    qtbot.addWidget(tree)
    commune = _a_commune(context)
    edit_now(context, "rate", ratings.set_rating, commune, 2026, 3, Grade.GOOD)
    assert reloads == []
    edit_now(context, "add", add_unit, NewUnit("Thôn Báo Tin", commune, context.as_of))
    assert len(reloads) >= 1


@pytest.mark.parametrize("panel", [UnitPanel, CadrePanel], ids=["unit", "cadre"])
def test_the_panels_with_a_field_log_section_reload_after_an_activity_is_deleted(
    context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, panel: type[UnitPanel] | type[CadrePanel]
) -> None:
    reloads: list[None] = []
    monkeypatch.setattr(panel, "refresh", lambda _self: reloads.append(None))
    shown = panel(context)
    qtbot.addWidget(shown)
    activity = context.read(activities.list_activities, ActivityFilter(), 1)[0]
    edit_now(context, "delete", activities.delete_activity, activity.activity.id)
    assert len(reloads) >= 1
