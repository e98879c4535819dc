"""Quitting with an unsaved report: Save (then quit), Don't save (quit), Cancel (stay); the buttons in Vietnamese."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.services import browse, reports
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.prompter import Prompter, Unsaved
from tests.ui.support import WAIT_MS, ScriptedPrompter, answer_dialog, type_text

PROPOSAL = "Đề nghị bổ sung kinh phí cho tổ dân phố."


def typed_report(qtbot: QtBot, window: MainWindow, context: AppContext) -> ScriptedPrompter:
    """Open a new draft on the demo's first cluster in the Reports tab and type a proposal, not saved."""
    view = window.report_view
    window.tabs.setCurrentIndex(window.tabs.indexOf(view.parentWidget().parentWidget()))
    chooser = view.chooser
    chooser.year.setValue(2026)
    chooser.quarter.setCurrentIndex(chooser.quarter.findData(3))
    cluster_id = context.read(browse.all_clusters, date(2026, 9, 30))[0][0]
    qtbot.waitUntil(lambda: chooser.cluster.findData(cluster_id) >= 0, timeout=WAIT_MS)
    chooser.cluster.setCurrentIndex(chooser.cluster.findData(cluster_id))
    chooser.new_button.click()
    qtbot.waitUntil(lambda: view.editor.figures is not None, timeout=WAIT_MS)
    type_text(qtbot, view.editor.narrative.sections["proposals"], PROPOSAL)
    assert view.editor.has_unsaved_changes()
    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    return prompter


def proposals(context: AppContext) -> list[str]:
    """Return the proposals of the stored reports."""
    return [record.draft.narrative.proposals for record in context.read(reports.list_reports)]


def test_cancel_keeps_the_window_open(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    prompter = typed_report(qtbot, window, context)
    prompter.unsaved = [Unsaved.CANCEL]
    assert not window.close()
    assert window.isVisible() and window.report_view.editor.has_unsaved_changes() and proposals(context) == []


def test_save_stores_the_draft_then_quits(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    prompter = typed_report(qtbot, window, context)
    prompter.unsaved = [Unsaved.SAVE]
    assert window.close()
    assert proposals(context) == [PROPOSAL]


def test_dont_save_quits_without_storing(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    prompter = typed_report(qtbot, window, context)
    prompter.unsaved = [Unsaved.DISCARD]
    assert window.close()
    assert proposals(context) == []


def test_the_question_offers_save_dont_save_and_cancel(context: AppContext, qtbot: QtBot) -> None:
    seen: list[list[str]] = []

    def press_dont_save(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append([button.text() for button in box.buttons()])
        box.button(QMessageBox.StandardButton.Discard).click()

    ran = answer_dialog(qtbot, press_dont_save)
    assert Prompter().ask_to_save(None, "Báo cáo chưa lưu", "Lưu trước khi đóng?") is Unsaved.DISCARD
    ran()
    assert sorted(seen[0]) == sorted(["Lưu", "Không lưu", "Hủy"])
