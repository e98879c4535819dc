"""The history of changes a shared server keeps for a unit (and everything under it) or a cadre: who, when, what."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.changes import EVERY_TABLE
from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.formats import format_timestamp
from grassroots_app.services import server
from grassroots_app.services.server import AuditEntry
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.field_labels import field_label
from grassroots_app.ui.shared.widgets import Dialog, ErrorLabel

COLUMNS = (N_("Time"), N_("Login"), N_("Action"), N_("Record"), N_("What changed"))
ACTIONS = {"insert": N_("Added"), "update": N_("Changed"), "delete": N_("Deleted")}
RECORDS = {
    "unit": N_("Unit"), "unit_link": N_("Unit's place in the tree"), "cluster": N_("Cluster"),
    "cluster_member": N_("Commune of a cluster"), "cadre": N_("Cadre"), "assignment": N_("Assignment"),
    "meeting": N_("Meeting"), "activity": N_("Field activity"),
}
LIMIT = 1000  # the newest changes shown
NOT_ON_A_FILE = N_("Only a shared server keeps the history of changes; a database file does not.")
DIALOG_SIZE = (900, 480)


def _shown(value: Any) -> str:
    """Return a stored value as the clerk reads it (nothing as a dash)."""
    return "—" if value is None or value == "" else str(value)


def describe_change(entry: AuditEntry) -> str:
    """Return what a change wrote, a column a line: `label: old → new`, the label as the forms show it (only the new
    or the old value when added or deleted)."""
    lines = []
    for column in entry.changed_columns():
        old, new = _shown(entry.old_values.get(column)), _shown(entry.new_values.get(column))
        shown = new if entry.action == "insert" else old if entry.action == "delete" else f"{old} → {new}"
        lines.append(f"{field_label(column)}: {shown}")
    return "\n".join(lines)


def _cells(entry: AuditEntry) -> tuple[str, ...]:
    return (format_timestamp(entry.at), entry.login, tr(ACTIONS.get(entry.action, entry.action)),
            tr(RECORDS[entry.table]) if entry.table in RECORDS else entry.table, describe_change(entry))


class ChangeHistoryDialog(Dialog):
    """The changes of one unit (and under it) or one cadre, newest first; read again after each edit and on F5.

    It stays open beside the window (shown, not run): deleted once closed."""

    def __init__(self, context: AppContext, title: str, under: str | None = None, table: str | None = None,
                 row_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("History of changes — {name}").format(name=title))
        self.resize(*DIALOG_SIZE)
        self.entries: list[AuditEntry] = []
        self.summary = QLabel()
        self.error = ErrorLabel(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(text) for text in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.error, self.table):
            layout.addWidget(widget)
        self.under, self.record = under, (table, row_id)
        on_change(context.events, self, EVERY_TABLE, self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the changes again on a worker thread."""
        self.summary.setText(tr("Reading the history…"))
        database, under, (table, row_id) = self.context.database, self.under, self.record
        self.context.tasks.run(
            lambda _progress: server.audit(database, under=under, table=table, row_id=row_id, limit=LIMIT),
            self._show, self._failed, parent=self)

    def _show(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        self.error.clear_error()
        self.summary.setText(tr("{count} changes, the newest first.").format(count=len(entries)))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(_cells(entry)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def _failed(self, error: BaseException) -> None:
        self.summary.clear()
        if isinstance(error, DomainError):
            self.error.show_error(error, until_edited=False)
        else:
            self.context.errors.report(error)
