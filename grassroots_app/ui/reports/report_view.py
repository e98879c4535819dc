"""The Reports tab: prepare a quarterly report, see its figures, write its narrative, preview, save, print, issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from grassroots_app.domain.changes import HIERARCHY, REPORTS
from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.reports.model import ReportKind
from grassroots_app.domain.reports.records import ReportRecord
from grassroots_app.services import reports
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, follow
from grassroots_app.ui.reports.report_chooser import ReportChooser
from grassroots_app.ui.reports.report_editor import ReportEditor
from grassroots_app.ui.shared.row_model import LatestRead
from grassroots_app.ui.shared.widgets import remember_state

SPLITTER_KEY = "reports/splitter"
CHOOSER_WIDTH = 380
SHOWN = HIERARCHY | REPORTS  # the tables this view shows: it refreshes when an edit changed one


class ReportView(QWidget):
    """What to report on and the saved reports on the left; the open report on the right."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.draft_read = LatestRead(context, self)
        self.chooser = ReportChooser(context)
        self.editor = ReportEditor(context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chooser)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 1)
        if not remember_state(context.settings, SPLITTER_KEY, self.splitter):
            self.splitter.setSizes([CHOOSER_WIDTH, 3 * CHOOSER_WIDTH])
        QVBoxLayout(self).addWidget(self.splitter)
        self.chooser.new_requested.connect(self.new_draft)
        self.chooser.open_requested.connect(self.open_report)
        self.chooser.delete_requested.connect(self.delete_draft)
        self.refresher = ShownRefresher(self, self.refresh)
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self.on_database_changed)

    def may_leave(self) -> bool:
        """Return whether the open report may be left: nothing unsaved, or the clerk agrees to drop the changes.

        The stored report is read again first: an undo made in another tab may have taken it away.
        """
        if self.editor.opened is not None:
            self.editor.reread_record()
        return self.editor.may_leave()

    def new_draft(self, kind: ReportKind, scope_id: str, year: int, quarter: int) -> None:
        """Write a new draft on a cluster or area and a quarter (not stored until saved), read in the background."""
        if not self.may_leave():
            return
        self.editor.banner.setText(tr("Preparing the draft and its figures…"))
        self.draft_read.start(reports.draft_with_figures, (kind, scope_id, year, quarter),
                              lambda made: self.editor.show_report(made[0], None, made[1]), self.editor.failed)

    def open_report(self, report_id: str) -> None:
        """Show a saved report (a draft to edit, or an issued one read-only)."""
        if (report_id == self.editor.report_id and self.editor.record is not None) or not self.may_leave():
            return
        self.draft_read.cancel()
        record = self.editor.stored(report_id)
        if record is not None:
            self.editor.show_report(record.draft, record, None)

    def delete_draft(self, record: ReportRecord) -> None:
        """Delete a saved draft after a confirmation (one step to undo)."""
        question = tr("Delete the draft report \"{subject}\"?").format(subject=record.draft.subject)
        if not self.context.confirm_edit(self, tr("Delete the draft"), question, reports.delete_draft, record.id,
                                         on_refused=self.editor.failed):
            return
        label = tr("Delete the draft report on quarter {quarter} of {year}").format(
            quarter=record.draft.quarter, year=record.draft.year)
        try:
            self.context.execute(label, reports.delete_draft, record.id)
        except DomainError as error:
            self.editor.failed(error)
            return
        if record.id == self.editor.report_id:
            self.editor.clear_report()

    def refresh(self) -> None:
        """Read the saved reports, the open report and its figures again (after an edit, an undo or a redo)."""
        self.chooser.reload()
        if self.editor.opened is not None:
            self.editor.reread_record()
            self.editor.load_figures()

    def on_database_changed(self) -> None:
        """Start again on another database."""
        self.draft_read.cancel()
        self.editor.clear_report()
        self.chooser.reset()
        self.refresher.request()
