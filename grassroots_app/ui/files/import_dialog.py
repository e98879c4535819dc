"""Spreadsheets in the window: import a file after a dry run, export the data, save the empty template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.sheets import Fate, Issue, RowOutcome
from grassroots_app.domain.text import collation_key
from grassroots_app.i18n import Translator
from grassroots_app.services import files, sheet_export
from grassroots_app.services.files import save_workbook, workbook_target
from grassroots_app.services.sheet_import import (
    FATE_LABELS,
    ImportReport,
    Progress,
    check_file,
    fates_text,
    has_work,
    import_file,
    issue_text,
    summary_text,
)
from grassroots_app.services.workspace import Database, UnitOfWork
from grassroots_app.spreadsheets.writing import SheetContent
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.file_choice import FileKind, ask_open_path, ask_save_path, file_name
from grassroots_app.ui.shared.row_model import Column, RowsModel, rows_table
from grassroots_app.ui.shared.widgets import Dialog, ErrorLabel
from grassroots_app.ui.tasks import Cancelled, TaskProgress

SHEET_FILTERS = N_("Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)")
WORKBOOK_FILTERS = N_("Excel workbook (*.xlsx)")
GEOMETRY_KEY = "import/geometry"
ERROR_SHEET = "Lỗi"  # the import and export workbooks are in Vietnamese, whatever the window's language
ERROR_HEADERS = (("Trang", 14), ("Dòng", 8), ("Cột", 28), ("Giá trị", 36), ("Lỗi", 90))
Run = Callable[[UnitOfWork, Path, Progress], ImportReport]


def _problem(issue: Issue) -> str:
    """Return one problem briefly: its column and message (a correction marked as a note)."""
    text = f"{issue.column}: {issue.error.render(tr)}" if issue.column else issue.error.render(tr)
    return f"{tr('note')} — {text}" if issue.warning else text


COLUMNS: tuple[Column[RowOutcome], ...] = (
    Column(N_("Sheet"), lambda row: row.sheet, key=lambda row: (collation_key(row.sheet), row.row)),
    Column(N_("Row"), lambda row: str(row.row), key=lambda row: row.row, numeric=True),
    Column(N_("What"), lambda row: row.label),
    Column(N_("Outcome"), lambda row: tr(FATE_LABELS[row.fate])),
    Column(N_("Changed columns"), lambda row: ", ".join(row.changed)),
    Column(N_("Problems"), lambda row: "; ".join(_problem(issue) for issue in row.issues),
           tip=lambda row: "\n".join(issue_text(issue, tr) for issue in row.issues)),
)


def report_rows(report: ImportReport) -> list[RowOutcome]:
    """Return a row for each problem of the file's layout (a sheet left aside is a note), then every data row."""
    layout = [RowOutcome(issue.sheet, issue.row, "", Fate.UNCHANGED if issue.warning else Fate.ERROR, issues=[issue])
              for issue in report.file_issues]
    return [*layout, *report.outcomes]


def error_sheet(report: ImportReport) -> SheetContent:
    """Return the errors of a checked file as a sheet: sheet, row, column, value and message, in Vietnamese."""
    translate = Translator("vi")
    rows = [[issue.sheet, issue.row, f"{issue.column} ({issue.letter})" if issue.letter else issue.column,
             issue.value, issue.error.render(translate)] for issue in report.errors()]
    return SheetContent(ERROR_SHEET, f"DANH SÁCH LỖI CỦA TỆP {report.file}", ERROR_HEADERS, rows)


def _work(database: Database, path: Path, run: Run) -> Callable[[TaskProgress], ImportReport | None]:
    """Return the background work that checks or imports a file in its own unit of work (None: cancelled)."""

    def work(progress: TaskProgress) -> ImportReport | None:
        try:
            with UnitOfWork(database, write=run is import_file) as uow:
                return run(uow, path, progress.report)
        except Cancelled:
            return None

    return work


class ImportDialog(Dialog):
    """A file's dry run row by row, its errors to save as a sheet, and the import once there are none."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.path = context, path
        self.report: ImportReport | None = None
        self.busy = False
        self.setWindowTitle(tr("Import from a spreadsheet"))
        self.file_label = QLabel(tr("File: {path}").format(path=path))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = self._filter_box()
        self.model = RowsModel(COLUMNS, warn=lambda row: row.fate is Fate.ERROR, parent=self)
        self.table = rows_table(self.model, context.settings, "import/columns")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(tr("Choose a row to read its problems in full."))
        self.details.setMaximumHeight(5 * self.details.fontMetrics().lineSpacing())
        self.error = ErrorLabel(self)
        self._build_buttons()
        self._lay_out()
        self._connect()
        self._restore_size()
        self._enable()

    def _filter_box(self) -> QComboBox:
        box = QComboBox()
        box.addItem(tr("all rows"), None)
        for fate, label in FATE_LABELS.items():
            box.addItem(tr(label), fate.value)
        return box

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.check_button = QPushButton(tr("Check &again"))
        self.check_button.setToolTip(tr("Read the file again after correcting it (nothing is written)"))
        self.save_errors_button = QPushButton(tr("&Save the error list…"))
        self.save_errors_button.setToolTip(tr("Write the errors to an Excel sheet to correct the file from"))
        self.import_button = QPushButton(tr("&Import"))
        self.import_button.setToolTip(tr("Write every row into the database, after a backup"))
        for button in (self.check_button, self.save_errors_button, self.import_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("&Close"))

    def _lay_out(self) -> None:
        shown = QLabel(tr("S&how:"))
        shown.setBuddy(self.filter)
        filters = QHBoxLayout()
        filters.addWidget(shown)
        filters.addWidget(self.filter)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(self.check)
        self.save_errors_button.clicked.connect(self.save_errors)
        self.import_button.clicked.connect(self.import_rows)
        self.filter.currentIndexChanged.connect(lambda _index: self._show_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_details())

    def _restore_size(self) -> None:
        geometry = self.context.settings.blob(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1040, 600)

    # --- showing ------------------------------------------------------------------------------

    def shown_fate(self) -> Fate | None:
        """Return the fate of the rows shown, or None for all of them."""
        value = self.filter.currentData()
        return None if value is None else Fate(value)

    def show_fate(self, fate: Fate | None) -> None:
        """Show only the rows of one fate (None: all rows)."""
        self.filter.setCurrentIndex(self.filter.findData(None if fate is None else fate.value))

    def _show_rows(self) -> None:
        rows = report_rows(self.report) if self.report is not None else []
        fate = self.shown_fate()
        self.model.set_rows([row for row in rows if fate is None or row.fate is fate])
        if self.model.rows:
            self.table.selectRow(0)
        self._show_details()

    def _show_details(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.details.clear()
            return
        issues = self.model.rows[selected[0].row()].issues
        lines = [issue_text(issue, tr) for issue in issues] or [tr("No problem in this row.")]
        self.details.setPlainText("\n".join(lines))

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText(f"{summary_text(report, tr)} {self._verdict(report)}")
        self.show_fate(Fate.ERROR if report.errors() else None)
        self._show_rows()

    @staticmethod
    def _verdict(report: ImportReport) -> str:
        if report.committed and report.backup is not None:
            return tr("Imported. The database as it was before is kept in {path}.").format(path=report.backup)
        if report.committed:
            return tr("Imported.")
        if report.errors():
            return tr("Nothing was imported: correct the errors in the file, then check it again.")
        if not has_work(report):
            return tr("Nothing to import: the database already holds every row as the file gives it.")
        return tr("Dry run: nothing was written.") + " " + tr("Press Import to write these rows.")

    def _enable(self) -> None:
        report = self.report
        errors = report is not None and bool(report.errors())
        ready = report is not None and not report.committed and not errors and has_work(report)
        self.check_button.setEnabled(not self.busy)
        self.save_errors_button.setEnabled(not self.busy and errors)
        self.import_button.setEnabled(not self.busy and ready)
        default = self.import_button if self.import_button.isEnabled() else self.check_button
        default.setDefault(True)

    # --- working ------------------------------------------------------------------------------

    def check(self) -> None:
        """Read the file again and find every row's fate in the background, writing nothing."""
        self._start(check_file, tr("Checking {file}…").format(file=self.path.name))

    def import_rows(self) -> None:
        """After a confirmation, import the checked file in the background, all or nothing, after a backup."""
        if self.report is None:
            return
        question = tr("Import {file} into the database? Of its {rows} rows: {fates}. It is backed up first.").format(
            file=self.path.name, rows=len(self.report.outcomes), fates=fates_text(self.report, tr))
        if self.context.prompter.confirm(self, tr("Import from a spreadsheet"), question):
            self._start(import_file, tr("Importing {file}…").format(file=self.path.name))

    def _start(self, run: Run, label: str) -> None:
        self.busy = True
        self.error.clear_error()
        self._enable()
        self.context.tasks.run(_work(self.context.database, self.path, run), self._finished, self._failed,
                               label, self)

    def _finished(self, report: ImportReport | None) -> None:
        self.busy = False
        if report is not None:  # else cancelled: the last check still stands
            self._show_report(report)
        self._enable()
        if report is not None and report.committed:
            self.context.events.database_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.report = None
        self.summary.clear()
        self._show_rows()
        self._enable()
        if isinstance(error, DomainError):
            self.error.show_error(error)
        else:
            self.context.errors.report(error)

    def save_errors(self) -> None:
        """Ask where, then write the errors found to an .xlsx sheet."""
        if self.report is None:
            return
        suggested = file_name(tr("Errors"), self.path.stem, suffix=".xlsx")
        chosen = ask_save_path(self.context, self, FileKind.SPREADSHEET, tr("Save the error list"), suggested,
                               tr(WORKBOOK_FILTERS))
        if chosen is None:
            return
        guard = files.output_guard(self.context.database)
        try:
            save_workbook([error_sheet(self.report)], workbook_target(chosen, guard), guard)
        except DomainError as error:
            self.error.show_error(error)

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Close, unless a check or the import is still running."""
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        """Remember the dialog's size, then close."""
        self.context.settings.set_blob(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)


def import_spreadsheet(parent: QWidget, context: AppContext) -> None:
    """Ask for a spreadsheet, then show its dry run in the import dialog (and import it from there)."""
    chosen = ask_open_path(context, parent, FileKind.SPREADSHEET, tr("Import from a spreadsheet"), tr(SHEET_FILTERS))
    if chosen is None:
        return
    dialog = ImportDialog(context, Path(chosen), parent)
    dialog.check()
    dialog.exec()


def export_spreadsheet(window: QMainWindow, context: AppContext) -> None:
    """Ask where, then write the data standing on the window's day to an .xlsx file in the background."""
    day = context.as_of
    chosen = ask_save_path(context, window, FileKind.SPREADSHEET, tr("Export to a spreadsheet"),
                           file_name(tr("Data"), day.isoformat(), suffix=".xlsx"), tr(WORKBOOK_FILTERS))
    if chosen is None:
        return
    database = context.database
    try:
        path = sheet_export.workbook_file(database, chosen)
    except DomainError as error:
        context.errors.report(error)
        return

    def work(_progress: TaskProgress) -> dict[str, int]:
        with UnitOfWork(database) as uow:
            return sheet_export.write_export(uow, path, day)

    def done(counts: dict[str, int]) -> None:
        window.statusBar().showMessage(tr("Wrote {units} units, {clusters} cluster rows, {cadres} cadres and "
                                          "{assignments} assignments to {path}.").format(path=path, **counts))

    context.tasks.run(work, done, context.errors.report, tr("Exporting the data…"), window)


def save_template(window: QMainWindow, context: AppContext) -> None:
    """Ask where, then write the empty workbook to fill in, with its guide."""
    chosen = ask_save_path(context, window, FileKind.SPREADSHEET, tr("Save the empty template"),
                           file_name(tr("Import template"), suffix=".xlsx"), tr(WORKBOOK_FILTERS))
    if chosen is None:
        return
    try:
        path = sheet_export.write_template_file(context.database, chosen)
    except DomainError as error:
        context.errors.report(error)
        return
    window.statusBar().showMessage(tr("Wrote the empty workbook to {path}.").format(path=path))
