"""The unit panel shows the merges recorded into and out of a unit: the day, both units and the clerk's note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Level
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.units.unit_dialogs import MergeUnitDialog
from grassroots_app.ui.units.unit_panel import UnitPanel
from tests.ui.support import shown


def history(panel: UnitPanel) -> list[str]:
    """Return the lines of the panel's merge history, as shown."""
    return [panel.history.item(row).text() for row in range(panel.history.count())]


def test_a_merge_and_its_note_show_in_both_units_history(qtbot: QtBot, context: AppContext) -> None:
    province = context.read(browse.children, None, context.as_of)[0]
    target = next(row for row in context.read(browse.children, province.id, context.as_of)
                  if row.level is Level.COMMUNE)
    with UnitOfWork(context.database, write=True) as uow:
        source = units.add_unit(uow, units.NewUnit("Xã Thử Nghiệm", province.id, date(2026, 1, 1)))
    panel = UnitPanel(context)
    qtbot.addWidget(panel)
    panel.show_target(target.id)
    assert history(panel) == [] and panel.history_box.isHidden()
    dialog = shown(qtbot, MergeUnitDialog(context, source, panel))
    dialog.picker.choose(target.id)
    dialog.on.setDate(QDate(2026, 3, 1))
    dialog.note.setText("Nghị quyết 35/NQ-HĐND")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    line = f"01/03/2026: Xã Thử Nghiệm sáp nhập vào {target.name} — Nghị quyết 35/NQ-HĐND"
    assert history(panel) == [line] and not panel.history_box.isHidden()
    panel.show_target(source.id)
    assert history(panel) == [line]
