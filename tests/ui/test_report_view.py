"""The Reports tab driven as a clerk would: choose a cluster and a quarter, read the figures, write the narrative,
save a draft, undo and redo, issue it, see it read-only with its number; preview, save the files, print."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.reports.model import ReportFigures, ReportKind, ReportStatus
from grassroots_app.domain.reports.records import ReportRecord
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.reports.tables import Kind, cell_text
from grassroots_app.services import browse, reports
from grassroots_app.services import report_data as data
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.reports.report_editor import TAB_FIGURES, TAB_NARRATIVE, TAB_PREVIEW
from grassroots_app.ui.reports.report_view import ReportView
from grassroots_app.ui.shared.prompter import Unsaved
from grassroots_app.ui.shared.widgets import to_qdate
from tests.ui.support import WAIT_MS, ScriptedPrompter, focus, redo_now, shown, type_text, undo_now, wait_while_busy

YEAR, QUARTER = 2026, 3
ASSESSMENT = "Ưu điểm: các đồng chí phụ trách bám sát cơ sở.\n\nHạn chế: còn một ấp thiếu người phụ trách."
SIGNER = "Nguyễn Thị Hồng Nhung"


@pytest.fixture
def cluster(context: AppContext) -> tuple[str, str]:
    """The demo's first cluster in the quarter: (id, name)."""
    return context.read(browse.all_clusters, date(YEAR, 9, 30))[0]


@pytest.fixture
def view(qtbot: QtBot, context: AppContext, cluster: tuple[str, str]) -> Iterator[ReportView]:
    """The tab with a new draft on the cluster's third quarter of 2026, its figures read."""
    widget = shown(qtbot, ReportView(context))
    chooser = widget.chooser
    chooser.year.setValue(YEAR)
    chooser.quarter.setCurrentIndex(chooser.quarter.findData(QUARTER))
    chooser.cluster.setCurrentIndex(chooser.cluster.findData(cluster[0]))
    qtbot.mouseClick(chooser.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.editor.figures is not None, timeout=WAIT_MS)
    yield widget
    context.tasks.wait()


def stored(context: AppContext) -> list[ReportRecord]:
    """Return the reports stored in the database file, read through a connection of their own."""
    database = Database.open(context.database.url, backup=False)
    try:
        with UnitOfWork(database) as uow:
            return reports.list_reports(uow)
    finally:
        database.close()


def press(qtbot: QtBot, widget: QWidget, keys: QKeySequence | str) -> None:
    """Press keys with the keyboard in a widget of the tab."""
    focus(qtbot, widget)
    qtbot.keySequence(widget, QKeySequence(keys))
    wait_while_busy()


def test_the_figures_are_those_of_the_report_data(view: ReportView, context: AppContext,
                                                   cluster: tuple[str, str]) -> None:
    expected: ReportFigures = context.read(data.figures, ReportKind.CLUSTER, cluster[0], YEAR, QUARTER)
    editor = view.editor
    assert editor.figures == expected
    editor.tabs.setCurrentIndex(TAB_FIGURES)
    editor.figures_view.choose_table("coverage")
    model = editor.figures_view.model
    first = expected.coverage[0]
    assert model.index(0, 1).data() == first.commune
    assert model.index(0, 2).data() == cell_text(first.hamlets, Kind.INTEGER)
    total_row = model.rowCount() - 1
    assert model.is_total(total_row)
    assert model.index(total_row, 4).data() == cell_text(sum(row.groups for row in expected.coverage), Kind.INTEGER)


def test_write_save_undo_redo_issue(qtbot: QtBot, view: ReportView, context: AppContext) -> None:
    editor = view.editor
    editor.tabs.setCurrentIndex(TAB_NARRATIVE)
    assert editor.narrative.sections["results"].toPlainText().strip(), "section II comes filled from the figures"
    type_text(qtbot, editor.narrative.sections["assessment"], ASSESSMENT)
    assert editor.has_unsaved_changes()

    press(qtbot, editor.narrative.sections["assessment"], "Ctrl+S")
    [record] = stored(context)
    assert record.status is ReportStatus.DRAFT and record.draft.narrative.assessment == ASSESSMENT
    assert not editor.has_unsaved_changes()

    undo_now(context)
    assert stored(context) == []
    assert editor.has_unsaved_changes(), "the typed text is still in the form, no longer stored"
    redo_now(context)
    assert [item.id for item in stored(context)] == [record.id]
    qtbot.waitUntil(lambda: editor.record is not None and not editor.has_unsaved_changes(), timeout=WAIT_MS)

    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    assert "họ tên người ký" in editor.error.text(), "the service's refusal, in Vietnamese, next to the form"
    assert stored(context)[0].status is ReportStatus.DRAFT

    type_text(qtbot, editor.narrative.lines["name"], SIGNER)
    editor.narrative.issued_on.setDate(to_qdate(date(YEAR, 6, 30)))
    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    assert "trước khi quý bắt đầu" in editor.error.text()

    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.answers = [False]
    editor.narrative.issued_on.setDate(to_qdate(date(YEAR, 10, 5)))
    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    assert "Số 01-BC/BTCTU" in prompter.shown[-1]
    assert stored(context)[0].status is ReportStatus.DRAFT, "answered no: nothing issued"

    qtbot.mouseClick(editor.issue_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    [issued] = stored(context)
    assert (issued.status, issued.number, issued.draft.narrative.signer.name) == (ReportStatus.ISSUED, 1, SIGNER)
    assert issued.draft.issued_on == date(YEAR, 10, 5)
    assert "Số 01-BC/BTCTU" in editor.banner.text()
    assert editor.narrative.sections["assessment"].isReadOnly() and editor.narrative.lines["name"].isReadOnly()
    assert not editor.save_button.isEnabled() and not editor.issue_button.isEnabled()
    assert not editor.error.isVisible()
    qtbot.waitUntil(lambda: "Số 01-BC/BTCTU" in (view.chooser.model.index(0, 2).data() or ""), timeout=WAIT_MS)


def test_unsaved_texts_are_kept_unless_the_clerk_drops_them(qtbot: QtBot, view: ReportView,
                                                             context: AppContext) -> None:
    editor, prompter = view.editor, context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    type_text(qtbot, editor.narrative.sections["proposals"], "Đề nghị bổ sung kinh phí.")
    prompter.unsaved = [Unsaved.CANCEL]
    qtbot.mouseClick(view.chooser.new_button, Qt.MouseButton.LeftButton)
    assert prompter.unsaved == [] and editor.narrative.sections["proposals"].toPlainText() == "Đề nghị bổ sung kinh phí."
    assert stored(context) == []
    prompter.unsaved = [Unsaved.DISCARD]
    qtbot.mouseClick(view.chooser.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.narrative.sections["proposals"].toPlainText() == "", timeout=WAIT_MS)
    assert prompter.unsaved == [] and not editor.has_unsaved_changes() and stored(context) == []


def test_preview_files_and_printing(qtbot: QtBot, view: ReportView, context: AppContext, tmp_path: Path) -> None:
    editor, prompter = view.editor, context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    editor.tabs.setCurrentIndex(TAB_PREVIEW)
    qtbot.waitUntil(lambda: len(editor.preview.pages.pages) > 1, timeout=WAIT_MS)
    page = editor.preview.pages.page_rects()[0]
    assert page.width() > 100 and page.height() > page.width()
    assert editor.preview.pages.grab().toImage().pixelColor(page.center()).lightness() > 200, "a white page"
    press(qtbot, editor.preview.scroll_area, QKeySequence.StandardKey.ZoomIn)
    assert editor.preview.pages.zoom == 1.25
    assert abs(editor.preview.pages.page_rects()[0].width() - page.width() * 1.25) <= 1

    pdf, xlsx, printed = tmp_path / "bao-cao.pdf", tmp_path / "phu-luc", tmp_path / "in.pdf"
    prompter.paths = [str(pdf), str(xlsx), str(printed)]
    press(qtbot, editor.preview.scroll_area, "Ctrl+Shift+S")
    press(qtbot, editor.preview.scroll_area, "Ctrl+Shift+E")
    press(qtbot, editor.preview.scroll_area, "Ctrl+P")
    pages = len(editor.preview.pages.pages)
    qtbot.waitUntil(lambda: editor.note.text() == tr("{count} pages sent to the printer.").format(count=pages),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    assert len(PdfReader(printed).pages) == pages
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages[:2])
    assert "BÁO CÁO" in text and "Cụm số" in text
    assert len(load_workbook(tmp_path / "phu-luc.xlsx").sheetnames) >= 5


def test_a_whole_province(qtbot: QtBot, view: ReportView, context: AppContext) -> None:
    province = context.read(browse.children, None, date(YEAR, 9, 30))[0]
    chooser = view.chooser
    chooser.kind.setCurrentIndex(chooser.kind.findData(ReportKind.AREA.value))
    assert chooser.unit.isVisible() and not chooser.cluster.isVisible()
    assert chooser.unit.chosen == province.id, "the province is offered first"
    qtbot.mouseClick(chooser.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.editor.figures is not None and view.editor.figures.kind is ReportKind.AREA,
                    timeout=WAIT_MS)
    assert view.editor.figures.title == province.name
    assert province.name.casefold() in view.editor.narrative.lines["subject"].text().casefold()


def test_delete_a_saved_draft_from_the_list(qtbot: QtBot, view: ReportView, context: AppContext) -> None:
    editor, table = view.editor, view.chooser.table
    press(qtbot, editor.narrative.sections["assessment"], "Ctrl+S")
    qtbot.waitUntil(lambda: view.chooser.model.rowCount() == 1, timeout=WAIT_MS)
    focus(qtbot, table)
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_while_busy()
    assert stored(context) == [] and editor.opened is None, "the open draft was deleted: nothing is open"
    undo_now(context)
    assert len(stored(context)) == 1
