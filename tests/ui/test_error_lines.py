"""A refusal shown in a dialog: the dialog grows to hold the whole message, and it goes once the field is changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from grassroots_app.ui.context import AppContext
from grassroots_app.ui.shared.widgets import EditDialog
from grassroots_app.ui.units.unit_dialogs import AddUnitDialog, MoveUnitDialog
from tests.ui.support import shown as opened
from tests.ui.support import type_text, wait_while_busy
from tests.ui.test_dialog_focus import Scene, scene  # noqa: F401 - the fixture


def press_ok(qtbot: QtBot, dialog: EditDialog) -> None:
    """Click OK."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_while_busy()


def fits(dialog: EditDialog) -> bool:
    """Return whether the error line is shown whole: tall enough for its wrapped text, above the buttons."""
    QApplication.processEvents()
    error = dialog.error
    return error.height() >= error.heightForWidth(error.width()) \
        and error.geometry().bottom() < dialog.buttons.geometry().top() \
        and dialog.buttons.geometry().bottom() <= dialog.height()


def test_the_dialog_grows_for_a_long_refusal_and_the_refusal_goes_when_fixed(scene: Scene, qtbot: QtBot) -> None:
    dialog = opened(qtbot, AddUnitDialog(scene.context, scene.commune.id))
    height = dialog.height()
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()
    assert fits(dialog) and dialog.height() > height
    type_text(qtbot, dialog.name, "Thon Moi")
    assert not dialog.error.isVisible()


def test_a_check_of_the_dialog_itself_grows_and_clears_too(scene: Scene, qtbot: QtBot) -> None:
    dialog = opened(qtbot, MoveUnitDialog(scene.context, scene.hamlet))
    dialog.resize(260, dialog.height())
    press_ok(qtbot, dialog)
    assert dialog.error.isVisible() and fits(dialog)
    type_text(qtbot, dialog.picker.search.edit, "a")
    assert not dialog.error.isVisible()


def test_other_fields_clear_it_as_well(scene: Scene, qtbot: QtBot, context: AppContext) -> None:
    dialog = opened(qtbot, AddUnitDialog(scene.context, scene.commune.id))
    press_ok(qtbot, dialog)
    assert dialog.error.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.count() - 1)
    assert not dialog.error.isVisible()
