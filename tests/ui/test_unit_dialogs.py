"""The hierarchy dialogs: a refused edit is shown before any confirmation; only the model's levels and tiers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Level, Tier, Unit
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.hierarchy_view import HierarchyTree
from grassroots_app.ui.units.roster import CadreRoster
from grassroots_app.ui.units.unit_dialogs import AddUnitDialog, MergeUnitDialog
from tests.ui.support import ScriptedPrompter, shown, wait_while_busy


def communes(context: AppContext) -> list[browse.NodeRow]:
    """Return the communes of the demo province."""
    def read(uow: UnitOfWork) -> list[browse.NodeRow]:
        province = browse.children(uow, None, context.as_of)[0]
        return [r for r in browse.children(uow, province.id, context.as_of) if r.level is Level.COMMUNE]
    return context.read(read)


def test_merging_a_unit_into_itself_is_refused_without_asking(qtbot: QtBot, context: AppContext) -> None:
    commune = communes(context)[0]
    unit = context.read(lambda uow: uow.units.get(commune.id))
    dialog = shown(qtbot, MergeUnitDialog(context, unit))
    dialog.picker.choose(commune.id)
    dialog.buttons.accepted.emit()
    wait_while_busy()
    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    assert prompter.shown == []
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Không thể sáp nhập một đơn vị vào chính nó."
    assert dialog.isVisible()
    assert context.undo.count() == 0


def new_commune(context: AppContext, name: str) -> Unit:
    """Add an empty commune to the demo province from the start of 2026."""
    province = context.read(browse.children, None, context.as_of)[0]
    with UnitOfWork(context.database, write=True) as uow:
        return units.add_unit(uow, units.NewUnit(name, province.id, date(2026, 1, 1)))


def test_a_valid_merge_is_asked_about_then_done(qtbot: QtBot, context: AppContext) -> None:
    unit, target = new_commune(context, "Xã Thử Nghiệm"), communes(context)[0]
    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.answers = [False]
    dialog = shown(qtbot, MergeUnitDialog(context, unit))
    dialog.picker.choose(target.id)
    dialog.buttons.accepted.emit()
    wait_while_busy()
    assert len(prompter.shown) == 1 and unit.name in prompter.shown[0]
    assert context.read(lambda uow: uow.units.get(unit.id)).period.end is None  # answered no: nothing merged
    dialog.buttons.accepted.emit()
    wait_while_busy()
    assert len(prompter.shown) == 2
    assert not dialog.isVisible()
    assert context.read(lambda uow: uow.units.get(unit.id)).period.end is not None
    assert context.undo.count() == 1


def offered(box: QComboBox) -> list[str]:
    """Return the texts a combo box offers."""
    return [box.itemText(row) for row in range(box.count())]


def test_a_two_level_database_offers_no_district_tier(qtbot: QtBot, context: AppContext) -> None:
    assert offered(shown(qtbot, CadreDialog(context)).tier) == ["cấp tỉnh", "cấp xã"]
    assert offered(shown(qtbot, CadreRoster(context)).tier) == ["Tất cả các cấp", "cấp tỉnh", "cấp xã"]
    legacy = context.read(lambda uow: uow.cadres.search(limit=1)[0])
    legacy = replace(legacy, tier=Tier.DISTRICT)
    assert offered(shown(qtbot, CadreDialog(context, legacy)).tier) == ["cấp tỉnh", "cấp huyện", "cấp xã"], \
        "a cadre kept from the district tier keeps it"


def test_a_three_level_database_offers_every_tier(qtbot: QtBot, context_three_level: AppContext) -> None:
    assert offered(shown(qtbot, CadreDialog(context_three_level)).tier) == ["cấp tỉnh", "cấp huyện", "cấp xã"]


def test_the_province_list_sorts_cities_by_their_proper_name(qtbot: QtBot, context: AppContext) -> None:
    with UnitOfWork(context.database, write=True) as uow:
        for name in ("Thành phố Huế", "Tỉnh Nghệ An", "Thành phố Hải Phòng"):
            units.add_unit(uow, units.NewUnit(name, None, date(2026, 1, 1)))
    tree = HierarchyTree(context)
    model = tree.model
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "Thành phố Hải Phòng", "Thành phố Huế", "Tỉnh Lạng Sơn", "Tỉnh Nghệ An"]
    dialog = shown(qtbot, FirstRunDialog(context))
    names = offered(dialog.province)
    assert names[0] == "Tỉnh An Giang"
    assert names.index("Tỉnh Hà Tĩnh") < names.index("Thành phố Huế") < names.index("Tỉnh Hưng Yên")


def test_adding_a_commune_offers_the_kinds_of_the_model(qtbot: QtBot, context: AppContext,
                                                        context_three_level: AppContext) -> None:
    province = context.read(browse.children, None, context.as_of)[0]
    assert offered(shown(qtbot, AddUnitDialog(context, province.id)).kind) == ["xã", "phường", "đặc khu"]
    three = context_three_level
    district = three.read(browse.children, three.read(browse.children, None, three.as_of)[0].id, three.as_of)[0]
    assert offered(shown(qtbot, AddUnitDialog(three, district.id)).kind) == ["xã", "phường", "thị trấn"]
