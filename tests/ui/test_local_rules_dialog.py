"""The Settings dialog: every local rule on a page, checked as typed, stored as one step that Ctrl+Z takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.calendar import MeetingCategory, Shift
from grassroots_app.domain.model import Flag, Level, Tier
from grassroots_app.services import local_rules
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.units.assign_dialog import AssignDialog
from grassroots_app.ui.units.local_rules_dialog import LocalRulesDialog
from tests.ui.support import shown, type_text, undo_now, wait_while_busy
from tests.ui.test_assign_dialog import a_cadre, a_hamlet

SCREEN = (1366, 768)


def dialog_on(qtbot: QtBot, context: AppContext) -> LocalRulesDialog:
    """Open the dialog (not modal) on the context."""
    return shown(qtbot, LocalRulesDialog(context))


def ok_button(dialog: LocalRulesDialog) -> QWidget:
    """Return the dialog's OK button."""
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_dialog_shows_every_group_starts_in_its_first_field_and_fits_a_laptop_screen(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = dialog_on(qtbot, context)
    assert [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())] == [
        "Phân công", "Ngày hạn chế họp", "Chỉ tiêu dự sinh hoạt", "Quy định phân công"]
    assert dialog.focusWidget() is dialog.tenure
    assert (dialog.tenure.value(), dialog.workload.value(), dialog.days.text()) == (12, 8, "9, 15")
    hint = dialog.sizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1] - 60  # room for the title bar and task bar
    assert dialog.rules.list.count() == 4
    assert list(dialog.rules.tiers.boxes) == [Tier.PROVINCE, Tier.COMMUNE]  # a two-level database has no districts


def test_a_three_level_database_offers_the_district_tier(qtbot: QtBot, context_three_level: AppContext) -> None:
    dialog = dialog_on(qtbot, context_three_level)
    assert list(dialog.rules.tiers.boxes) == [Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE]


def _shown_tiers(dialog: LocalRulesDialog) -> list[list[str]]:
    """Return, for each attendance row shown, the tiers its tier list offers."""
    table = dialog.targets
    return [[table.cellWidget(row, 0).itemText(index) for index in range(table.cellWidget(row, 0).count())]
            for row in range(table.rowCount()) if not table.isRowHidden(row)]


def test_a_two_level_database_neither_shows_nor_offers_district_targets_and_keeps_them(
    qtbot: QtBot, context: AppContext
) -> None:
    stored = context.read(local_rules.local_rules).targets
    assert any(target.tier is Tier.DISTRICT for target in stored)  # the domain's default targets have one
    dialog = dialog_on(qtbot, context)
    shown = _shown_tiers(dialog)
    assert len(shown) == len(stored) - 1
    assert shown and not any("huyện" in text for offered in shown for text in offered)
    assert dialog.targets.targets() == stored  # the district's target is kept as it was


def test_a_three_level_database_shows_its_district_targets(qtbot: QtBot, context_three_level: AppContext) -> None:
    stored = context_three_level.read(local_rules.local_rules).targets
    dialog = dialog_on(qtbot, context_three_level)
    assert len(_shown_tiers(dialog)) == len(stored)
    assert all(any("huyện" in text for text in offered) for offered in _shown_tiers(dialog))


def test_a_bad_day_is_said_at_once_and_ok_waits_until_it_is_fixed(qtbot: QtBot, context: AppContext) -> None:
    dialog = dialog_on(qtbot, context)
    dialog.tabs.setCurrentIndex(1)
    dialog.days.selectAll()
    qtbot.keyClicks(dialog.days, "9, 32")
    assert not dialog.error.isHidden()
    assert "1 đến 31" in dialog.error.text()
    assert not ok_button(dialog).isEnabled()
    qtbot.keyClick(dialog.days, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.days, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.days, "20")
    assert dialog.error.isHidden() and ok_button(dialog).isEnabled()


def test_ok_stores_every_page_in_one_step_and_undo_takes_it_back(qtbot: QtBot, context: AppContext) -> None:
    before = context.read(local_rules.local_rules)
    steps = context.undo.count()
    dialog = dialog_on(qtbot, context)
    dialog.tenure.setValue(6)
    dialog.workload.setValue(3)
    dialog.days.setText("5, 20")
    dialog.shift.setCurrentIndex(dialog.shift.findData(Shift.NEXT.value))
    dialog.allowed[MeetingCategory.TRAINING].setChecked(True)
    dialog.visits.setValue(2)
    dialog.targets.cellWidget(2, 2).setValue(4)  # commune committee members: 4 a year
    group_row = next(row for row, rule in enumerate(dialog.rules.rules) if rule.target_level is Level.GROUP)
    dialog.rules.list.setCurrentRow(group_row)
    dialog.rules.minimum.setValue(2)
    assert dialog.check()
    ok_button(dialog).click()
    wait_while_busy()
    assert dialog.result() == dialog.DialogCode.Accepted
    after = context.read(local_rules.local_rules)
    assert (after.settings.min_tenure_months, after.settings.workload_threshold) == (6, 3)
    assert (after.policy.days, after.policy.shift, after.policy.visits_per_quarter) == ((5, 20), Shift.NEXT, 2)
    assert after.policy.allowed == {MeetingCategory.TRAINING, MeetingCategory.PROVINCIAL_EXTRAORDINARY}
    assert [t.per_year for t in after.targets if t.tier is Tier.COMMUNE] == [4]
    assert [r.minimum for r in after.rules if r.target_level is Level.GROUP] == [2]
    assert context.undo.count() == steps + 1
    undo_now(context)
    assert context.read(local_rules.local_rules) == before


def test_a_new_role_of_any_tier_s_party_members_is_added(qtbot: QtBot, context: AppContext) -> None:
    dialog = dialog_on(qtbot, context)
    dialog.tabs.setCurrentWidget(dialog.rules)
    qtbot.mouseClick(dialog.rules.add_button, Qt.MouseButton.LeftButton)
    assert dialog.focusWidget() is dialog.rules.role
    assert "tên vai trò" in dialog.error.text()  # a role without a name is not accepted
    type_text(qtbot, dialog.rules.role, "Đảng viên hỗ trợ tổ")
    dialog.rules.role.textEdited.emit(dialog.rules.role.text())
    dialog.rules.tiers.boxes[Tier.COMMUNE].setChecked(False)
    assert "không ai có thể giữ" in dialog.error.text()
    dialog.rules.any_tier.boxes[Flag.PARTY_MEMBER].setChecked(True)
    assert dialog.error.isHidden()
    assert dialog.rules.holders.text() == "một đảng viên ở bất kỳ cấp nào"
    ok_button(dialog).click()
    wait_while_busy()
    stored = [rule for rule in context.read(local_rules.local_rules).rules if rule.role == "Đảng viên hỗ trợ tổ"]
    assert [(rule.target_level, rule.tiers, rule.any_tier_flags) for rule in stored] == [
        (Level.GROUP, frozenset(), frozenset({Flag.PARTY_MEMBER}))]


def test_removing_a_role_still_held_is_refused_in_the_dialog(qtbot: QtBot, context: AppContext) -> None:
    before = context.read(local_rules.local_rules)
    dialog = dialog_on(qtbot, context)
    dialog.rules.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.rules.remove_button, Qt.MouseButton.LeftButton)
    ok_button(dialog).click()
    wait_while_busy()
    assert dialog.isVisible()
    assert "vẫn đang giữ" in dialog.error.text()
    assert context.read(local_rules.local_rules) == before


def test_the_edit_menu_opens_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[QWidget] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_it)
            return
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.settings_action.trigger()
    assert len(seen) == 1 and isinstance(seen[0], LocalRulesDialog)
    assert window.settings_action.text() == "&Cài đặt…"


def test_the_assign_dialog_quotes_the_rule_that_refuses(qtbot: QtBot, context: AppContext) -> None:
    cadre = a_cadre(context, Tier.PROVINCE, committee=True)
    dialog = shown(qtbot, AssignDialog(context, cadre.id, a_hamlet(context).id))
    assert dialog.error.isVisible()
    assert "quy định cho ấp/thôn chỉ cho phép một cán bộ cấp xã (cần ít nhất 1 người)" in dialog.error.text()
    assert dialog.error.text().endswith(f"{cadre.full_name}: cấp tỉnh, cấp ủy viên, đảng viên.")
