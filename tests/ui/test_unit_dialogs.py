"""The hierarchy dialogs: a refused edit is shown before any confirmation; only the model's levels and tiers."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Level, Unit
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.unit_dialogs import MergeUnitDialog
from tests.ui.support import ScriptedPrompter, shown


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
    assert len(prompter.shown) == 1 and unit.name in prompter.shown[0]
    assert context.read(lambda uow: uow.units.get(unit.id)).period.end is None  # answered no: nothing merged
    dialog.buttons.accepted.emit()
    assert len(prompter.shown) == 2
    assert not dialog.isVisible()
    assert context.read(lambda uow: uow.units.get(unit.id)).period.end is not None
    assert context.undo.count() == 1
