"""The open report: its state (new, saved, issued), its figures, its narrative and its pages; save, issue, print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from grassroots_app.domain.errors import N_, DomainError, InvalidInput, NotFound
from grassroots_app.domain.formats import format_date, format_time_and_date
from grassroots_app.domain.reports.model import ReportDocument, ReportFigures, ReportStatus
from grassroots_app.domain.reports.records import ReportDraft, ReportRecord, check_issuable, clean_draft, number_text
from grassroots_app.services import report_data, reports
from grassroots_app.ui.context import AppContext, on_scope
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.reports.report_figures import FiguresView
from grassroots_app.ui.reports.report_narrative import NarrativeForm
from grassroots_app.ui.reports.report_output import ReportOutput
from grassroots_app.ui.reports.report_preview import PreviewPane
from grassroots_app.ui.shared.file_choice import file_name
from grassroots_app.ui.shared.prompter import Unsaved
from grassroots_app.ui.shared.row_model import LatestRead
from grassroots_app.ui.shared.widgets import ErrorLabel

TAB_FIGURES, TAB_NARRATIVE, TAB_PREVIEW = range(3)
IDLE_STYLE = "padding: 6px;"
DRAFT_STYLE = "background: #fff6d6; color: #4a3b00; border: 1px solid #d9b84a; padding: 6px;"
ISSUED_STYLE = "background: #dff0e2; color: #12401b; border: 1px solid #5c9a68; padding: 6px; font-weight: bold;"


def _cleaned(draft: ReportDraft) -> ReportDraft | None:
    """Return the draft as it would be stored, or None when it could not be (an overlong text)."""
    try:
        return clean_draft(draft)
    except DomainError:
        return None


class ReportEditor(QWidget):
    """A banner saying what is open, the commands, and the report's figures, narrative and preview in tabs."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.opened: ReportDraft | None = None  # what the open report covers; the form holds its texts
        self.fresh: ReportDraft | None = None  # the new draft as written for the clerk (None: opened from the store)
        self.record: ReportRecord | None = None  # the stored report, as last read
        self.report_id = ""  # kept when an undo takes the stored report away, so that a redo finds it again
        self.figures: ReportFigures | None = None
        self.figures_read = LatestRead(context, self)
        self.figures_view = FiguresView()
        self.narrative = NarrativeForm()
        self.preview = PreviewPane()
        self._build_commands()
        self.output = ReportOutput(context, self, self.preview, self.note, self.failed)
        self._lay_out()
        self.clear_report()
        on_scope(context.events, self, self._show_state)

    # --- building -----------------------------------------------------------------------------

    def _command(self, text: str, slot: Callable[[], object], keys: QKeySequence | None = None) -> QPushButton:
        """Return a button running the slot, also on its keys while the focus is inside this tab."""
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        if keys is not None:
            button.setToolTip(keys.toString(QKeySequence.SequenceFormat.NativeText))
            QShortcut(keys, self, lambda: button.isEnabled() and slot(),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return button

    def _build_commands(self) -> None:
        self.save_button = self._command(tr("&Save draft"), self.save, QKeySequence(QKeySequence.StandardKey.Save))
        self.issue_button = self._command(tr("&Issue…"), self.issue)
        self.pdf_button = self._command(tr("Save P&DF…"), self.save_pdf, QKeySequence("Ctrl+Shift+S"))
        self.xlsx_button = self._command(tr("Save E&xcel…"), self.save_xlsx, QKeySequence("Ctrl+Shift+E"))
        self.print_button = self._command(tr("&Print…"), self.print_report, QKeySequence(QKeySequence.StandardKey.Print))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.error = ErrorLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)

    def _lay_out(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self.figures_view, tr("&Figures"))
        self.tabs.addTab(self.narrative, tr("&Narrative"))
        self.tabs.addTab(self.preview, tr("Pre&view"))
        commands = QHBoxLayout()
        for button in (self.save_button, self.issue_button, self.pdf_button, self.xlsx_button, self.print_button):
            commands.addWidget(button)
        commands.addWidget(self.note, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.error)
        column.addLayout(commands)
        column.addWidget(self.tabs, 1)
        self.narrative.edited.connect(self._show_state)
        self.tabs.currentChanged.connect(lambda _index: self._preview_if_shown())

    # --- opening ------------------------------------------------------------------------------

    def show_report(self, draft: ReportDraft, record: ReportRecord | None, figures: ReportFigures | None) -> None:
        """Show a report: its texts in the form, its figures (read now when not given)."""
        self.figures_read.cancel()
        self.opened, self.record, self.fresh = draft, record, None if record else draft
        self.report_id = record.id if record else ""
        self.error.clear_error()
        self.narrative.set_draft(draft)
        self.narrative.setEnabled(True)
        self.figures = figures
        self.figures_view.show_figures(figures, tr("Computing the figures…"))
        if figures is None:
            self.load_figures()
        self._show_state()
        self._preview_if_shown()

    def clear_report(self) -> None:
        """Show no report."""
        self.figures_read.cancel()
        self.opened = self.fresh = self.record = self.figures = None
        self.report_id = ""
        self.narrative.setEnabled(False)
        self.figures_view.show_figures(None, tr("No report is open."))
        self.output.clear_preview(tr("No report is open."))
        self._show_state()

    def stored(self, report_id: str) -> ReportRecord | None:
        """Return the stored report with an id, or None when there is none (any more)."""
        try:
            return self.context.read(reports.get_report, report_id)
        except NotFound:
            return None

    def load_figures(self) -> None:
        """Compute the open report's figures in a worker process."""
        if self.opened is not None:
            draft = self.opened
            self.figures_read.start(report_data.figures, (draft.kind, draft.scope_id, draft.year, draft.quarter),
                                    self._figures_arrived, self.failed)

    def _figures_arrived(self, figures: ReportFigures) -> None:
        if figures == self.figures:
            return
        self.figures = figures
        self.figures_view.show_figures(figures)
        self._show_state()
        self._preview_if_shown()

    def reread_record(self) -> None:
        """Read the open report's stored version; the form follows it unless it holds unsaved changes."""
        record = self.stored(self.report_id) if self.report_id else None
        keep_form = self.has_unsaved_changes() and (record is None or record.status is ReportStatus.DRAFT)
        self.record = record
        if record is not None:
            self.opened = record.draft
            if not keep_form and _cleaned(self.form_draft()) != record.draft:
                self.narrative.set_draft(record.draft)
        self._show_state()
        self._preview_if_shown()

    # --- state --------------------------------------------------------------------------------

    @property
    def issued(self) -> bool:
        """Return whether the open report is issued (read-only)."""
        return self.record is not None and self.record.status is ReportStatus.ISSUED

    def may_change(self) -> bool:
        """Return whether the clerk may change the open report (its cluster or area is in their scope)."""
        return self.opened is None or self.context.scope.may_change_row(self.opened.scope_id)

    def form_draft(self) -> ReportDraft:
        """Return the open report with the texts of the form."""
        assert self.opened is not None
        return self.narrative.draft(replace(self.opened, id=self.record.id if self.record else ""))

    def has_unsaved_changes(self) -> bool:
        """Return whether the form holds texts that are not stored (a new draft untouched has none)."""
        if self.opened is None or self.issued:
            return False
        baseline = self.record.draft if self.record else self.fresh
        return baseline is None or _cleaned(self.form_draft()) != clean_draft(baseline)

    def may_leave(self) -> bool:
        """Return whether the open report may be left: nothing unsaved, or the clerk saved or dropped the changes
        (a save is waited for: what comes next, another database or quitting, needs it stored)."""
        if not self.has_unsaved_changes():
            return True
        answer = self.context.prompter.ask_to_save(
            self, tr("Unsaved report"), tr("The report has changes that are not saved. Save them before leaving?"))
        if answer is not Unsaved.SAVE:
            return answer is Unsaved.DISCARD
        stored: list[bool] = []
        self.save(then=lambda: stored.append(True))
        self.context.finish_edits()
        return bool(stored)

    def _show_state(self) -> None:
        """Show what is open and whether it is saved or issued; lock an issued report; enable the commands."""
        text, style = self._banner()
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        locked = self.issued or not self.may_change()
        self.narrative.set_read_only(locked)
        editable = self.opened is not None and not locked
        self.save_button.setEnabled(editable)
        self.issue_button.setEnabled(editable)
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(self.figures is not None)

    def _banner(self) -> tuple[str, str]:
        """Return the banner's text and style: what to do, or the open report's quarter and state."""
        record = self.record
        if self.opened is None:
            hint = tr("Choose a cluster or a whole area and a quarter, then New draft; or open a saved report.")
            return hint, IDLE_STYLE
        quarter = tr("Report on quarter {quarter} of {year}.").format(quarter=self.opened.quarter,
                                                                      year=self.opened.year)
        if record is not None and self.issued:
            return f"{quarter} " + tr("Issued as {number} on {day}: read-only.").format(
                number=record.number_text, day=format_date(record.draft.issued_on)), ISSUED_STYLE
        if record is None:
            state = tr("New draft, not saved yet.")
        else:
            state = tr("Draft saved at {time}.").format(time=format_time_and_date(record.updated_at))
        if record is not None and self.has_unsaved_changes():
            state += " " + tr("Unsaved changes: Ctrl+S saves them.")
        return f"{quarter} {state}", DRAFT_STYLE

    def failed(self, error: BaseException) -> None:
        """Show a refusal next to the form; report anything else."""
        if isinstance(error, OSError):
            error = InvalidInput(N_("The file could not be written: {reason}"), reason=error.strerror or str(error))
        if isinstance(error, DomainError):
            self.error.show_error(error)
            self._show_state()
        else:
            self.context.errors.report(error)

    # --- editing ------------------------------------------------------------------------------

    def save(self, then: Callable[[], Any] | None = None) -> None:
        """Store the draft as the form shows it (one step to undo); once stored, call `then`."""
        if self.opened is None or self.issued:
            return
        label = tr("Save the draft report on quarter {quarter} of {year}").format(
            quarter=self.opened.quarter, year=self.opened.year)

        def saved(report_id: str) -> None:
            self.report_id = report_id
            self.error.clear_error()
            self.reread_record()
            if then is not None:
                then()

        self.context.edit(label, reports.save_draft, self.form_draft(), on_done=saved,
                          on_refused=self.error.show_error, parent=self)

    def issue(self) -> None:
        """Issue the report after a confirmation: it takes the next number of its series and becomes read-only."""
        if self.opened is None or self.issued:
            return
        try:
            cleaned = clean_draft(self.form_draft())
            check_issuable(cleaned)
            number = number_text(self.context.read(reports.next_number, cleaned.symbol, cleaned.issued_on),
                                 cleaned.symbol)
        except DomainError as error:
            self.error.show_error(error)
            return
        question = tr("Issuing gives the report the number {number} and makes it read-only: it can no longer be "
                      "changed. Issue it?").format(number=number)
        if not self.context.prompter.confirm(self, tr("Issue the report"), question):
            return

        def issue_saved() -> None:
            self.context.edit(tr("Issue report {number}").format(number=number), reports.issue_report,
                              self.report_id, cleaned.issued_on, on_done=lambda _none: self._issued(),
                              on_refused=self.error.show_error, parent=self)

        if self.record is None or self.has_unsaved_changes():
            self.save(then=issue_saved)
        else:
            issue_saved()

    def _issued(self) -> None:
        """Show the report as issued."""
        self.error.clear_error()
        self.reread_record()

    # --- rendering ----------------------------------------------------------------------------

    def document(self) -> ReportDocument | None:
        """Return the report as the form shows it, ready to render (None until its figures are read)."""
        if self.opened is None or self.figures is None:
            return None
        record = self.record
        return reports.compose(clean_draft(self.form_draft()), self.figures, record.number if record else None,
                               record.status if record else ReportStatus.DRAFT)

    def _document_or_error(self) -> ReportDocument | None:
        """Return the document to render, or show why there is none."""
        try:
            return self.document()
        except DomainError as error:
            self.error.show_error(error)
            return None

    def _preview_if_shown(self) -> None:
        """Render the pages again when the preview is in view and the report changed since."""
        if self.tabs.currentIndex() != TAB_PREVIEW:
            return
        document = self._document_or_error()
        if document is not None:
            self.output.show_preview(document)
        elif self.figures is None:
            self.output.clear_preview(tr("Waiting for the figures…") if self.opened else tr("No report is open."))

    def _file_name(self, suffix: str) -> str:
        """Return a file name for the report: its cluster or area and quarter, and its number once issued."""
        opened = self.opened
        assert opened is not None
        try:
            scope = [self.context.read(report_data.check_scope, opened.kind, opened.scope_id,
                                       report_data.quarter_ref(opened.year, opened.quarter))]
        except DomainError:  # the cluster or unit was taken away since (an undo): the quarter still names it
            scope = []
        number = [tr("No. {number}").format(number=f"{self.record.number:02d}")] if self.record and self.record.number \
            else []
        return file_name(tr("Report"), *scope, str(opened.year), f"Q{opened.quarter}", *number, suffix=suffix)

    def save_pdf(self) -> None:
        """Save the report as a PDF file."""
        document = self._document_or_error()
        if document is not None:
            self.output.save_pdf(document, self._file_name(".pdf"))

    def save_xlsx(self) -> None:
        """Save the report's annexed tables as an Excel workbook."""
        document = self._document_or_error()
        if document is not None:
            self.output.save_xlsx(document, self._file_name(".xlsx"))

    def print_report(self) -> None:
        """Print the report's pages."""
        document = self._document_or_error()
        if document is not None:
            self.output.print_document(document, self._file_name(""))
