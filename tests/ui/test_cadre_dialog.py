"""The cadre dialog: adding and editing by keyboard and mouse, refusals inline, status changes in one undo step."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.model import Cadre, CadreStatus, Gender, Tier
from grassroots_app.services import cadres
from grassroots_app.services.roster import cadre_targets, roster
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.shared.widgets import to_qdate
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from tests.ui.support import WAIT_MS, shown, type_text, undo_now, wait_while_busy


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its square, as a user does."""
    middle = box.height() // 2
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(middle, middle))


def click_ok(qtbot: QtBot, dialog: CadreDialog) -> None:
    """Press OK with the mouse."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_while_busy()


def named(context: AppContext, name: str) -> list[Cadre]:
    """Return the cadres bearing a name, read from the database."""
    return context.read(lambda uow: uow.cadres.named(name))


def test_adding_a_cadre(context: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, CadreDialog(context))
    type_text(qtbot, dialog.full_name, "  Quách Thị  Hằng ")
    dialog.gender.setCurrentIndex(dialog.gender.findData(Gender.FEMALE.value))
    type_text(qtbot, dialog.birth_year, "1980")
    type_text(qtbot, dialog.position, "Phó Chủ tịch UBND")
    type_text(qtbot, dialog.workplace, "UBND xã Yên Phúc")
    dialog.tier.setCurrentIndex(dialog.tier.findData(Tier.PROVINCE.value))
    tick(qtbot, dialog.committee)
    tick(qtbot, dialog.party_member)
    type_text(qtbot, dialog.phone, "0912345678")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved is not None
    stored = context.read(cadres.get_cadre, dialog.saved.id)
    assert stored == Cadre(
        id=dialog.saved.id, full_name="Quách Thị Hằng", tier=Tier.PROVINCE, gender=Gender.FEMALE, birth_year=1980,
        position="Phó Chủ tịch UBND", workplace="UBND xã Yên Phúc", is_committee=True, is_party_member=True,
        phone="0912345678",
    )
    assert any(entry.id == stored.id for entry in context.read(roster, DEMO_DATE))
    undo_now(context)
    assert named(context, "Quách Thị Hằng") == []


def test_a_birth_year_of_1800_is_refused_inline(context: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, CadreDialog(context))
    type_text(qtbot, dialog.full_name, "Tạ Văn Dũng")
    type_text(qtbot, dialog.birth_year, "1800")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "1800" in dialog.error.text()
    assert named(context, "Tạ Văn Dũng") == [] and context.undo.count() == 0
    dialog.birth_year.clear()
    type_text(qtbot, dialog.birth_year, "1975")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [cadre.birth_year for cadre in named(context, "Tạ Văn Dũng")] == [1975]


def test_an_empty_name_is_refused_inline(context: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, CadreDialog(context))
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()


def test_enter_saves_escape_cancels_and_tab_follows_the_form(context: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, CadreDialog(context))
    chain = [dialog.full_name, dialog.gender, dialog.birth_year, dialog.position, dialog.workplace, dialog.tier,
             dialog.standing, dialog.committee, dialog.party_member, dialog.phone, dialog.status,
             dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)]
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.full_name, timeout=WAIT_MS)
    for field in chain[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field
    type_text(qtbot, dialog.full_name, "Khổng Đức Đạt")
    qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)
    wait_while_busy()
    assert dialog.result() == QDialog.DialogCode.Accepted and len(named(context, "Khổng Đức Đạt")) == 1
    other = shown(qtbot, CadreDialog(context))
    type_text(qtbot, other.full_name, "Từ Thị Hạnh")
    qtbot.keyClick(other.full_name, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected and named(context, "Từ Thị Hạnh") == []


def test_editing_a_cadre(context: AppContext, qtbot: QtBot) -> None:
    entry = next(entry for entry in context.read(roster, DEMO_DATE) if entry.is_standing)
    cadre = context.read(cadres.get_cadre, entry.id)
    dialog = shown(qtbot, CadreDialog(context, cadre))
    assert dialog.full_name.text() == cadre.full_name and dialog.standing.isChecked()
    assert dialog.tier.currentData() == cadre.tier.value
    dialog.position.clear()
    type_text(qtbot, dialog.position, "Bí thư Đảng ủy xã")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert context.read(cadres.get_cadre, cadre.id).position == "Bí thư Đảng ủy xã"
    assert context.read(cadres.get_cadre, cadre.id).full_name == cadre.full_name


def test_marking_a_cadre_as_left_asks_the_day_and_reason_and_shows_what_ends(
        context: AppContext, qtbot: QtBot) -> None:
    entry = next(e for e in context.read(roster, date.today()) if e.targets >= 2 and e.status is CadreStatus.ACTIVE)
    cadre = context.read(cadres.get_cadre, entry.id)
    running = [target for target in context.read(cadre_targets, cadre.id, context.as_of)
               if target.assignment.period.end is None]
    dialog = shown(qtbot, CadreDialog(context, cadre))
    assert not dialog.left_on.isVisible() and not dialog.reason.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData(CadreStatus.LEFT.value))
    assert dialog.left_on.isVisible() and dialog.reason.isVisible() and dialog.ending.isVisible()
    shown_text = dialog.ending.text()
    assert f"{len(running)} phân công" in shown_text
    assert all(target.path in shown_text and target.assignment.role in shown_text for target in running)
    left_on = date.today() - timedelta(days=3)
    dialog.left_on.setDate(to_qdate(left_on))
    type_text(qtbot, dialog.reason, "Nghỉ hưu")
    dialog.phone.clear()
    type_text(qtbot, dialog.phone, "0987654321")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    left = context.read(cadres.get_cadre, cadre.id)
    assert (left.status, left.status_date, left.phone) == (CadreStatus.LEFT, left_on, "0987654321")
    held = {a.id: a for a in context.read(lambda uow: uow.assignments.for_cadre(cadre.id))}
    assert [(held[t.assignment.id].period.end, held[t.assignment.id].end_reason) for t in running] == [
        (left_on, "Nghỉ hưu")] * len(running)
    assert context.undo.count() == 1
    undo_now(context)
    assert context.read(cadres.get_cadre, cadre.id) == cadre
    assert sum(a.period.end is None for a in context.read(lambda uow: uow.assignments.for_cadre(cadre.id))) >= 2


def test_choosing_left_then_active_again_hides_the_departure(context: AppContext, qtbot: QtBot) -> None:
    entry = next(e for e in context.read(roster, date.today()) if e.status is CadreStatus.ACTIVE)
    dialog = shown(qtbot, CadreDialog(context, context.read(cadres.get_cadre, entry.id)))
    dialog.status.setCurrentIndex(dialog.status.findData(CadreStatus.LEFT.value))
    dialog.status.setCurrentIndex(dialog.status.findData(CadreStatus.ACTIVE.value))
    assert not dialog.left_on.isVisible()


def test_a_refused_edit_with_a_new_status_leaves_nothing_to_undo(context: AppContext, qtbot: QtBot) -> None:
    entry = next(e for e in context.read(roster, date.today()) if e.targets and e.status is CadreStatus.ACTIVE)
    cadre = context.read(cadres.get_cadre, entry.id)
    dialog = shown(qtbot, CadreDialog(context, cadre))
    dialog.status.setCurrentIndex(dialog.status.findData(CadreStatus.LEFT.value))
    dialog.birth_year.clear()
    type_text(qtbot, dialog.birth_year, "1800")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "1800" in dialog.error.text()
    assert context.undo.count() == 0 and not context.undo.canRedo()
    assert context.read(cadres.get_cadre, cadre.id) == cadre


def test_a_name_of_zero_width_spaces_or_a_control_character_is_refused_inline(
        context: AppContext, qtbot: QtBot) -> None:
    dialog = shown(qtbot, CadreDialog(context))
    dialog.full_name.setText("\u200b\u200b")  # pasted: no key types a zero-width space
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible() and "U+200B" in dialog.error.text()
    dialog.full_name.setText("Tạ Văn\x07 Dũng")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and "U+0007" in dialog.error.text()
    assert named(context, "Tạ Văn Dũng") == [] and context.undo.count() == 0


def test_one_assignment_that_ends_is_named_in_the_singular(context: AppContext, qtbot: QtBot) -> None:
    """A cadre holding one assignment is told "This assignment ends…", not "These 1 assignments end…" (seen in the
    English screenshot)."""
    context.language.apply("en")
    entry = next(e for e in context.read(roster, context.as_of) if e.targets == 1 and e.status is CadreStatus.ACTIVE)
    dialog = shown(qtbot, CadreDialog(context, context.read(cadres.get_cadre, entry.id)))
    dialog.status.setCurrentIndex(dialog.status.findData(CadreStatus.LEFT.value))
    assert dialog.ending.text().startswith("This assignment ends on the day the cadre leaves:\n")


def test_typing_a_letter_of_the_tier_chooses_it(qtbot: QtBot, context: AppContext) -> None:
    """Every tier starts "cấp …": typing "x" on the tier chooses "cấp xã", as a clerk expects."""
    dialog = shown(qtbot, CadreDialog(context))
    dialog.tier.setFocus()
    qtbot.keyClicks(dialog.tier, "x")
    assert dialog.tier.currentText() == "cấp xã"
