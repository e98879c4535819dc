"""Undo step names follow a language switch: kept untranslated with their values, translated when shown."""

from __future__ import annotations

import pickle

from pytestqt.qtbot import QtBot

from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import Translated, tr
from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import wait_for_edits
from tests.ui.test_main_window import add_hamlet, first_commune


def test_the_undo_step_is_named_in_the_new_language(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    window.tree.reveal(first_commune(context).id)
    add_hamlet(qtbot, window, "Ấp Đổi Tiếng")
    assert window.undo_action.text() == "Hoàn tác Thêm Ấp Đổi Tiếng"
    window.set_language("en")
    assert context.undo.undoText() == "Add Ấp Đổi Tiếng"
    assert window.undo_action.text() == "Undo Add Ấp Đổi Tiếng"
    window.undo_action.trigger()
    wait_for_edits(context)
    assert context.undo.redoText() == "Add Ấp Đổi Tiếng"
    window.set_language("vi")
    assert context.undo.redoText() == "Thêm Ấp Đổi Tiếng"


def test_a_nested_name_is_translated_again(context: AppContext) -> None:
    inner = tr("the activity of {name} on {day}").format(name="Lò Văn Minh", day="05/10/2026")
    outer = tr("Delete {activity}").format(activity=inner)
    assert isinstance(outer, Translated) and outer == "Xóa hoạt động của Lò Văn Minh ngày 05/10/2026"
    context.language.apply("en")
    assert outer.again() == "Delete the activity of Lò Văn Minh on 05/10/2026"
    assert type(pickle.loads(pickle.dumps(outer))) is str
