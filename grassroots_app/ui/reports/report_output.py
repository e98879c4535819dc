"""A report's outputs made off the UI thread: the preview's pages, the PDF and Excel files, the printed pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QWidget

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.reports.model import ReportDocument
from grassroots_app.reports.raster import PageImage
from grassroots_app.services import files, report_output
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.reports.report_preview import PREVIEW_DPI, PRINT_DPI, PreviewPane, PrintJob
from grassroots_app.ui.shared.file_choice import FileKind, ask_save_path
from grassroots_app.ui.shared.printing import IntoFile, print_to_temporary, put_printed
from grassroots_app.ui.shared.row_model import LatestRead

Failure = Callable[[BaseException], None]


class ReportOutput:
    """Renders a report in worker processes for the preview, the files and the printer; says how it went."""

    def __init__(self, context: AppContext, owner: QWidget, preview: PreviewPane, note: QLabel,
                 failed: Failure) -> None:
        self.context, self.owner, self.preview, self.note, self.failed = context, owner, preview, note, failed
        self.previewed: ReportDocument | None = None
        self.preview_read = LatestRead(context, owner)

    # --- the preview --------------------------------------------------------------------------

    def show_preview(self, document: ReportDocument) -> None:
        """Render the document's pages for the preview, unless they are those shown already."""
        if document == self.previewed:
            return
        self.previewed = document
        self.preview.show_status(tr("Rendering the pages…"))
        self.preview_read.start(report_output.page_images, (document, PREVIEW_DPI), self.preview.show_pages,
                                self._preview_failed)

    def clear_preview(self, status: str) -> None:
        """Show no pages, and say why."""
        self.preview_read.cancel()
        self.previewed = None
        self.preview.show_pages(())
        self.preview.show_status(status)

    def _preview_failed(self, error: BaseException) -> None:
        self.previewed = None
        self.preview.show_status("")
        self.failed(error)

    # --- files --------------------------------------------------------------------------------

    def save_pdf(self, document: ReportDocument, name: str) -> None:
        """Ask where to save the report as a PDF file, offering a name, then write it."""
        self._save_file(report_output.save_pdf, document, tr("Save the report as PDF"), name,
                        tr("PDF document (*.pdf)"))

    def save_xlsx(self, document: ReportDocument, name: str) -> None:
        """Ask where to save the report's annexed tables as an Excel workbook, offering a name, then write it."""
        self._save_file(report_output.save_xlsx, document, tr("Save the annexed tables as Excel"), name,
                        tr("Excel workbook (*.xlsx)"))

    def _save_file(self, writer: Callable[..., str], document: ReportDocument, title: str, name: str,
                   filters: str) -> None:
        """Ask where to save, then write the file in a worker process."""
        path = ask_save_path(self.context, self.owner, FileKind.REPORT, title, name, filters)
        if not path:
            return
        try:
            files.output_target(self.context.database, path)  # the name chosen too, before a suffix is added
        except DomainError as error:
            self.failed(error)
            return
        suffix = name[name.rindex("."):]
        if not path.lower().endswith(suffix):
            path += suffix
        self.note.setText(tr("Writing {path}…").format(path=path))
        self.context.read_later(writer, (document, path), self._saved, self.failed, parent=self.owner)

    def _saved(self, path: str) -> None:
        self.note.setText(tr("Saved {path}").format(path=path))

    # --- printing -----------------------------------------------------------------------------

    def print_document(self, document: ReportDocument, name: str) -> None:
        """Choose a printer, then print the pages rendered at its resolution (300 dpi at most); the job is named
        as the file would be (Qt's dialog offers that name to print to a file)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setDocName(name)
        if not self.context.prompter.setup_printer(self.owner, printer):
            return
        try:
            into_file = print_to_temporary(printer, self.context.database)
        except DomainError as error:
            self.failed(error)
            return
        self.note.setText(tr("Preparing the pages to print…"))
        self.context.read_later(report_output.page_images, (document, min(printer.resolution(), PRINT_DPI)),
                                lambda pages: self._print_pages(printer, pages, into_file), self.failed,
                                parent=self.owner)

    def _print_pages(self, printer: QPrinter, pages: tuple[PageImage, ...], into_file: IntoFile | None) -> None:
        job = PrintJob(printer, pages, self.owner)
        job.finished.connect(lambda: self._printed(len(pages), into_file))
        job.finished.connect(job.deleteLater)
        try:
            job.start()
        except OSError as error:
            if into_file is not None:
                into_file[0].unlink(missing_ok=True)
            self.failed(error)

    def _printed(self, count: int, into_file: IntoFile | None) -> None:
        """Put a file printed to in place, then say the pages went out."""
        if into_file is not None:
            try:
                put_printed(into_file)
            except DomainError as error:
                self.failed(error)
                return
        self.note.setText(tr("{count} pages sent to the printer.").format(count=count))
