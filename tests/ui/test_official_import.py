"""The official list in the window: the first-run dialog and File ▸ Import from the official list, three-level too."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Preset
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, setup, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.official_import import OfficialImportDialog, OfficialPicker
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import WAIT_MS, answer_dialog, shown, wait_while_busy


@pytest.fixture
def new_context(empty_context: AppContext) -> AppContext:
    """A Vietnamese context on a brand-new, empty database (the conftest's empty_context)."""
    return empty_context


def coded_children(context: AppContext, code: str) -> dict[str, str]:
    """Return the open units under the unit bearing an official code: code -> name."""
    parent = context.read(lambda uow: uow.units.by_code(code))
    assert parent is not None, code
    return {unit.code or "": unit.name for unit in context.read(browse.children, parent.id, date(2025, 1, 1))}


def choose(qtbot: QtBot, dialog: QDialog, province: str, district: str) -> None:
    """Pick a province and a district by their names, press OK and wait for the import to finish."""
    picker = dialog.picker  # type: ignore[attr-defined]
    picker.province.setCurrentText(province)
    picker.district.setCurrentText(district)
    assert picker.district.currentText() == district
    dialog.buttons.accepted.emit()  # type: ignore[attr-defined]
    wait_while_busy()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)


def test_first_run_offers_the_pre_reform_list_for_three_levels(qtbot: QtBot, new_context: AppContext) -> None:
    dialog = shown(qtbot, FirstRunDialog(new_context))
    assert dialog.province.count() == 34 and not dialog.district.isVisible()
    dialog.three_level.setChecked(True)
    assert dialog.province.count() == 63 and dialog.district.isVisible()
    dialog.province.setCurrentText("Tỉnh Bến Tre")
    assert dialog.district.itemText(0) == "Cả tỉnh" and dialog.district.count() == 1 + 9
    assert "Huyện Châu Thành" in [dialog.district.itemText(i) for i in range(dialog.district.count())]
    choose(qtbot, dialog, "Tỉnh Bến Tre", "Huyện Châu Thành")
    assert new_context.read(lambda uow: setup.require_settings(uow).preset) is Preset.THREE_LEVEL
    assert coded_children(new_context, "83") == {"831": "Huyện Châu Thành"}
    communes = coded_children(new_context, "831")
    assert len(communes) == 16 and communes["28804"] == "Xã Tân Thạch"
    assert new_context.errors.last_message == ""


def test_the_two_level_choice_has_no_district(qtbot: QtBot, new_context: AppContext) -> None:
    dialog = shown(qtbot, FirstRunDialog(new_context))
    dialog.three_level.setChecked(True)
    dialog.two_level.setChecked(True)
    assert dialog.province.count() == 34 and not dialog.district.isVisible()
    dialog.demo_choice.setChecked(True)
    assert not dialog.province.isVisible()


def test_the_file_menu_imports_a_district_into_a_three_level_database(
    qtbot: QtBot, new_context: AppContext
) -> None:
    with UnitOfWork(new_context.database, write=True) as uow:  # typed by hand, without codes
        setup.stage_settings(uow, Preset.THREE_LEVEL)
        province = units.create_unit(uow, units.NewUnit("Tỉnh Bến Tre", None, date(2023, 1, 1)))
        units.create_unit(uow, units.NewUnit("Huyện Châu Thành", province.id, date(2023, 1, 1)))
        uow.commit()
    window = MainWindow(new_context)
    qtbot.addWidget(window)
    window.show()
    assert window.official_action in window.menuBar().actions()[0].menu().actions()

    def import_district(dialog: QWidget) -> None:
        assert isinstance(dialog, OfficialImportDialog)
        assert any("01/01/2020" in label.text() for label in dialog.findChildren(QLabel))
        assert dialog.picker.province.currentText() == "Tỉnh Bến Tre"  # the database's own province, by name
        choose(qtbot, dialog, "Tỉnh Bến Tre", "Huyện Châu Thành")

    done = answer_dialog(qtbot, import_district)
    window.official_action.trigger()
    done()
    assert coded_children(new_context, "83") == {"831": "Huyện Châu Thành"}
    assert len(coded_children(new_context, "831")) == 16
    assert window.statusBar().currentMessage() == (
        "Tỉnh Bến Tre / Huyện Châu Thành: đã thêm 16 đơn vị, 1 đơn vị đã có sẵn.")
    assert new_context.errors.last_message == ""


def test_the_import_action_on_a_database_not_set_up_says_so(qtbot: QtBot, new_context: AppContext) -> None:
    window = MainWindow(new_context)
    qtbot.addWidget(window)
    window.import_official()
    assert "chưa được thiết lập" in new_context.errors.last_message


@pytest.mark.parametrize(("preset", "typed", "province"), [
    (Preset.TWO_LEVEL, "Cao", "Tỉnh Cao Bằng"),
    (Preset.TWO_LEVEL, "Minh", "Thành phố Hồ Chí Minh"),
    (Preset.THREE_LEVEL, "Tre", "Tỉnh Bến Tre"),
])
def test_typing_a_word_of_the_name_chooses_the_province(
        qtbot: QtBot, qapp: object, preset: Preset, typed: str, province: str) -> None:
    """The clerk types "Cao" on the province list, not "Tỉnh Cao": the kind before the name is no obstacle."""
    picker = OfficialPicker(preset)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.province, typed)
    assert picker.province.currentText() == province
