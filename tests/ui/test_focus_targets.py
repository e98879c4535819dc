"""Shortcuts that go to a field put the cursor in it: Ctrl+F in the search box, a label's Alt+letter in its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import focus
from tests.ui.test_dialog_focus import CASES, Scene, scene  # noqa: F401 - the fixture


def takes_keyboard(widget: QWidget) -> bool:
    """Return whether giving the widget the focus puts the cursor somewhere (itself, or the field it stands for)."""
    target = widget
    while target.focusProxy() is not None:
        target = target.focusProxy()
    return bool(target.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def buddies(top: QWidget) -> list[tuple[str, QWidget]]:
    """Return every field a label (or a form's label) of a widget tree stands for."""
    found = [(label.text(), label.buddy()) for label in top.findChildren(QLabel)
             if label.buddy() is not None and not isinstance(label.buddy(), QLabel)]  # a value shown
    for form in top.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and isinstance(label.widget(), QLabel) and field is not None \
                    and field.widget() is not None and not isinstance(field.widget(), QLabel):  # a value shown
                found.append((label.widget().text(), field.widget()))
    return list({id(field): (text, field) for text, field in found}.values())


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    focus(qtbot, window.tree.view)
    qtbot.keyClick(window.tree.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search.edit


def test_every_label_of_the_window_leads_to_a_field(window: MainWindow) -> None:
    lost = [f"{text}: {type(field).__name__}" for text, field in buddies(window) if not takes_keyboard(field)]
    assert lost == [], "\n".join(lost)


def test_every_label_of_the_dialogs_leads_to_a_field(scene: Scene, qtbot: QtBot) -> None:
    lost = []
    for name, case in CASES.items():
        dialog = case.open(scene)
        qtbot.addWidget(dialog)
        lost += [f"{name}: {text}: {type(field).__name__}" for text, field in buddies(dialog) if not takes_keyboard(field)]
    assert lost == [], "\n".join(lost)
