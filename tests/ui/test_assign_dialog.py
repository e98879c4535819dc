"""The assign and end dialogs: only eligible roles, refusals inline, undo and redo, the minimum tenure."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.model import Assignment, CadreStatus, Decision, Level, Tier
from grassroots_app.persistence.browse import NodeRow
from grassroots_app.services import assignments, browse
from grassroots_app.services.roster import RosterEntry, roster
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import to_qdate
from grassroots_app.ui.units.assign_dialog import AssignDialog, EndAssignmentDialog
from grassroots_app.ui.units.unit_dialogs import EditDialog
from tests.ui.support import edit_now, redo_now, shown, type_text, undo_now, wait_while_busy

HAMLET_ROLE = "Cán bộ xã phụ trách thôn, tổ dân phố"


def a_hamlet(context: AppContext) -> NodeRow:
    """Return a hamlet (thôn, bản, ấp…) of the two-level demo."""
    province = context.read(browse.children, None, DEMO_DATE)[0]
    commune = context.read(browse.children, province.id, DEMO_DATE)[0]
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[0]
    assert hamlet.level is Level.HAMLET
    return hamlet


def a_cadre(context: AppContext, tier: Tier, committee: bool = False) -> RosterEntry:
    """Return an active cadre of a tier who is in charge of nothing yet."""
    return next(
        entry for entry in context.read(roster, DEMO_DATE)
        if entry.tier is tier and entry.is_committee == committee and entry.status is CadreStatus.ACTIVE
        and (committee or entry.targets == 0)
    )


def click_ok(qtbot: QtBot, dialog: EditDialog) -> None:
    """Press the dialog's OK button with the mouse."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_while_busy()


def held_by(context: AppContext, cadre_id: str) -> list[Assignment]:
    """Return the cadre's assignments, read from the database."""
    return context.read(lambda uow: uow.assignments.for_cadre(cadre_id))


def stored(context: AppContext, assignment_id: str) -> Assignment | None:
    """Return an assignment as the database holds it."""
    return context.read(lambda uow: uow.assignments.get(assignment_id))


@pytest.fixture
def hamlet(context: AppContext) -> NodeRow:
    """A hamlet of the demo."""
    return a_hamlet(context)


def test_a_commune_cadre_is_offered_the_hamlet_role(context: AppContext, hamlet: NodeRow, qtbot: QtBot) -> None:
    cadre = a_cadre(context, Tier.COMMUNE)
    dialog = shown(qtbot, AssignDialog(context, cadre.id, hamlet.id))
    assert [dialog.role.itemText(i) for i in range(dialog.role.count())] == [HAMLET_ROLE]
    assert dialog.ok_button.isEnabled() and not dialog.error.isVisible()
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(text.startswith(cadre.full_name) for text in labels)
    assert any(text.endswith(" / " + hamlet.name) for text in labels)


def test_a_provincial_committee_member_gets_no_role_on_a_hamlet_and_sees_why(
    context: AppContext, hamlet: NodeRow, qtbot: QtBot
) -> None:
    cadre = a_cadre(context, Tier.PROVINCE, committee=True)
    before = held_by(context, cadre.id)
    dialog = shown(qtbot, AssignDialog(context, cadre.id, hamlet.id))
    assert dialog.role.count() == 0 and not dialog.role.isEnabled()
    assert not dialog.ok_button.isEnabled()
    assert dialog.error.isVisible()
    refusal = context.read(assignments.ineligibility, cadre.id, hamlet.id)
    assert refusal is not None and dialog.error.text() == refusal.render(tr)
    assert cadre.full_name in dialog.error.text()
    click_ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted and held_by(context, cadre.id) == before


def test_assigning_creates_the_assignment_undoably(context: AppContext, hamlet: NodeRow, qtbot: QtBot) -> None:
    cadre = a_cadre(context, Tier.COMMUNE)
    before = held_by(context, cadre.id)
    dialog = shown(qtbot, AssignDialog(context, cadre.id, hamlet.id))
    dialog.start.setDate(to_qdate(DEMO_DATE))
    type_text(qtbot, dialog.decision_number, "15-QĐ/ĐU")
    assert not dialog.decision_date.isEnabled()
    qtbot.mouseClick(dialog.decision_dated, Qt.MouseButton.LeftButton)
    assert dialog.decision_date.isEnabled()
    dialog.decision_date.setDate(to_qdate(DEMO_DATE - timedelta(days=3)))
    type_text(qtbot, dialog.note, "Phụ trách từ quý IV")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [made] = [assignment for assignment in held_by(context, cadre.id) if assignment not in before]
    assert (made.target_id, made.role, made.period.start, made.period.end) == (hamlet.id, HAMLET_ROLE, DEMO_DATE, None)
    assert made.decision == Decision("15-QĐ/ĐU", DEMO_DATE - timedelta(days=3))
    assert made.note == "Phụ trách từ quý IV"
    assert context.undo.undoText() == tr("Assign {name}").format(name=cadre.full_name)
    undo_now(context)
    assert held_by(context, cadre.id) == before
    redo_now(context)
    assert stored(context, made.id) == made


def test_a_refused_assignment_stays_in_the_dialog(context: AppContext, hamlet: NodeRow, qtbot: QtBot) -> None:
    cadre = a_cadre(context, Tier.COMMUNE)
    before = held_by(context, cadre.id)
    dialog = shown(qtbot, AssignDialog(context, cadre.id, hamlet.id))
    dialog.start.setDate(to_qdate(date(2020, 1, 1)))
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()
    assert held_by(context, cadre.id) == before and context.undo.count() == 0
    dialog.start.setDate(to_qdate(DEMO_DATE))
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    wait_while_busy()
    assert dialog.result() == QDialog.DialogCode.Accepted and len(held_by(context, cadre.id)) == len(before) + 1


@pytest.fixture
def fresh(context: AppContext, hamlet: NodeRow) -> tuple[RosterEntry, Assignment]:
    """A commune cadre put in charge of the hamlet on the demo day."""
    cadre = a_cadre(context, Tier.COMMUNE)
    new = assignments.NewAssignment(cadre.id, hamlet.id, DEMO_DATE)
    return cadre, edit_now(context, "assign", assignments.assign, new)


def test_ending_before_the_minimum_tenure_needs_a_reason(
    context: AppContext, fresh: tuple[RosterEntry, Assignment], qtbot: QtBot
) -> None:
    _cadre, made = fresh
    dialog = shown(qtbot, EndAssignmentDialog(context, made.id))
    dialog.end.setDate(to_qdate(date(2027, 10, 1)))
    assert not dialog.hint.isVisible()
    early = DEMO_DATE + timedelta(days=30)
    dialog.end.setDate(to_qdate(early))
    assert dialog.hint.isVisible() and "30/09/2027" in dialog.hint.text()
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible() and "12" in dialog.error.text()
    assert stored(context, made.id) == made
    type_text(qtbot, dialog.reason, "Được điều động")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    ended = stored(context, made.id)
    assert ended is not None and (ended.period.end, ended.end_reason) == (early, "Được điều động")
    undo_now(context)
    assert stored(context, made.id) == made


def test_the_end_dialog_shows_the_assignment_and_cancels_with_escape(
    context: AppContext, fresh: tuple[RosterEntry, Assignment], qtbot: QtBot
) -> None:
    cadre, made = fresh
    dialog = shown(qtbot, EndAssignmentDialog(context, made.id))
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert cadre.full_name in texts and HAMLET_ROLE in texts and "30/09/2026" in texts
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert stored(context, made.id) == made and context.undo.count() == 1
