"""Choose the backup to restore: the database's backups newest first, or any other backup file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.formats import format_megabytes, format_number, format_timestamp
from grassroots_app.services.backups import COUNTED_TABLES, BackupInfo, backup_folder, check_backup
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.file_choice import FileKind, ask_open_path
from grassroots_app.ui.shared.row_model import Column, RowsModel, rows_table
from grassroots_app.ui.shared.widgets import Dialog, ErrorLabel, ok_cancel_buttons

BACKUP_FILTERS = N_("Grassroots database (*.sqlite);;All files (*)")


def _kind(info: BackupInfo) -> str:
    """Return why a backup was made, translated (a file not named as a backup: 'other file')."""
    return tr(info.kind.label) if info.kind is not None else tr("other file")


def _count(key: str | None) -> Column[BackupInfo]:
    """Return the column of one count (None: the units of every level), empty when the file is unreadable."""

    def value(info: BackupInfo) -> int | None:
        if info.counts is None:
            return None
        if key is None:
            return sum(n for name, n in info.counts.items() if name not in COUNTED_TABLES)
        return info.counts.get(key, 0)

    def text(info: BackupInfo) -> str:
        number = value(info)
        return "" if number is None else format_number(number)

    title = {None: N_("Units"), "cadre": N_("Cadres"), "assignment": N_("Assignments"),
             "activity": N_("Activities"), "recommendation": N_("Recommendations")}[key]
    return Column(title, text, key=lambda info: value(info) or 0, numeric=True)


COLUMNS: tuple[Column[BackupInfo], ...] = (
    Column(N_("Date"), lambda info: format_timestamp(info.taken), key=lambda info: info.taken),
    Column(N_("Kind"), _kind),
    Column(N_("Size (MB)"), lambda info: format_megabytes(info.size), key=lambda info: info.size, numeric=True),
    *(_count(key) for key in (None, *COUNTED_TABLES)),
)


class RestoreDialog(Dialog):
    """The backups of the database to choose from, and a button to choose any other backup file."""

    def __init__(self, context: AppContext, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Restore from a backup"))
        self.model = RowsModel(COLUMNS, parent=self)
        self.table = rows_table(self.model, context.settings, "backups/columns", (0, Qt.SortOrder.DescendingOrder))
        self.model.set_rows(backups)
        self.error = ErrorLabel(self)
        self.buttons = ok_cancel_buttons(self)
        self.other_button = QPushButton(tr("&Other file…"))
        self.other_button.setToolTip(tr("Restore a backup file kept elsewhere (a USB drive)"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Backups in {folder}:").format(folder=backup_folder())))
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self.choose_other)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())
        self.resize(820, 360)
        self._enable()
        if backups:
            self.table.selectRow(0)

    def chosen(self) -> BackupInfo | None:
        """Return the backup selected, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, path: Path) -> None:
        """Select the row of a backup file."""
        for row, info in enumerate(self.model.rows):
            if info.path == path:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))

    def choose_other(self) -> None:
        """Ask for a backup file anywhere, check it, and add it to the list selected (a refusal is shown)."""
        chosen = ask_open_path(self.context, self, FileKind.BACKUP, tr("Choose a backup"), tr(BACKUP_FILTERS))
        if chosen is None:
            return
        try:
            info = check_backup(Path(chosen), self.context.database.url)
        except DomainError as error:
            self.error.show_error(error)
            return
        self.error.clear_error()
        if info.path not in {row.path for row in self.model.rows}:
            self.model.set_rows([info, *self.model.rows])
        self.select(info.path)

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)
