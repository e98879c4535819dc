"""The chosen cadre: their details and the targets in their charge, now and before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.changes import FIELD_LOG, HIERARCHY, PEOPLE, RULES
from grassroots_app.domain.errors import NotFound
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cadre, Flag
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.roster import CadreTarget, cadre_targets
from grassroots_app.services.workspace import UnitOfWork
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.fieldlog.fieldlog_panel import FieldLogSection
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.widgets import ElidedLabel
from grassroots_app.ui.units.assign_dialog import EditAssignmentDialog, EndAssignmentDialog

ENDED_COLOR = QColor("gray")
SHOWN = HIERARCHY | PEOPLE | RULES | FIELD_LOG  # the tables this view shows (its field log section too)


@dataclass(frozen=True)
class CadreData:
    """What the panel shows about a cadre."""

    cadre: Cadre
    targets: list[CadreTarget]


def _cadre_data(uow: UnitOfWork, cadre_id: str, on: date) -> CadreData:
    """Read a cadre and their targets in one transaction."""
    return CadreData(get_cadre(uow, cadre_id), cadre_targets(uow, cadre_id, on))


def _memberships(cadre: Cadre) -> str:
    """Return a cadre's memberships as translated words joined by commas."""
    return ", ".join(tr(flag.label) for flag in (Flag.STANDING, Flag.COMMITTEE, Flag.PARTY_MEMBER)
                     if flag in cadre.flags)


def _details(cadre: Cadre) -> list[tuple[str, str]]:
    """Return the (label, value) lines describing a cadre."""
    status = tr(cadre.status.label)
    if cadre.status_date is not None:
        status = f"{status} ({format_date(cadre.status_date)})"
    return [
        (tr("Tier"), tr(cadre.tier.label)),
        (tr("Position"), cadre.position),
        (tr("Workplace"), cadre.workplace),
        (tr("Memberships"), _memberships(cadre)),
        (tr("Gender"), tr(cadre.gender.label) if cadre.gender else ""),
        (tr("Birth year"), "" if cadre.birth_year is None else str(cadre.birth_year)),
        (tr("Phone"), cadre.phone),
        (tr("Status"), status),
    ]


def _target_cells(row: CadreTarget) -> tuple[str, ...]:
    """Return the texts of a target's row in the table."""
    held = row.assignment
    return (row.path, held.role, format_date(held.period.start), format_date(held.period.end),
            held.decision.number, held.end_reason)


class CadrePanel(QWidget):
    """Shows one cadre and the units and clusters in their charge; follows edits, undo and the chosen day."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cadre_id: str | None = None
        self.rows: list[CadreTarget] = []
        self.title = ElidedLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.details_box = QGroupBox(tr("Details"))
        self.details = QFormLayout(self.details_box)
        self.targets_box = QGroupBox(tr("In charge of, now and before"))
        self.targets = self._table()
        self.edit_button = QPushButton(tr("Edit the assignment…"))
        self.end_button = QPushButton(tr("End the assignment…"))
        self.end_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch()
        box = QVBoxLayout(self.targets_box)
        box.addWidget(self.targets)
        box.addLayout(buttons)
        self.field_log = FieldLogSection(context, "cadre_panel", for_cadre=True)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.details_box, self.targets_box, self.field_log):
            layout.addWidget(widget)
        self.targets.itemSelectionChanged.connect(self._selection_changed)
        self.end_button.clicked.connect(self.end_assignment)
        self.edit_button.clicked.connect(self.edit_assignment)
        self.targets.activated.connect(lambda _index: self.edit_assignment())
        offer_menu(self.targets, lambda: [self.edit_button, self.end_button])
        on_change(context.events, self, SHOWN, self.refresh)
        follow(context.events.as_of_changed, self, self.refresh)
        self.show_cadre(None)

    def _table(self) -> QTableWidget:
        titles = (tr("Target"), tr("Role"), tr("From"), tr("Until"), tr("Decision"), tr("Reason for ending"))
        table = QTableWidget(0, len(titles))
        table.setHorizontalHeaderLabels(list(titles))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    # --- showing ------------------------------------------------------------------------------

    def show_cadre(self, cadre_id: str | None) -> None:
        """Show a cadre (None: nothing chosen)."""
        self.cadre_id = cadre_id
        self.refresh()

    def refresh(self) -> None:
        """Read the shown cadre again (after an edit, an undo or a new date); a cadre undone away is cleared."""
        data = None
        if self.cadre_id is not None:
            try:
                data = self.context.read(_cadre_data, self.cadre_id, self.context.as_of)
            except NotFound:
                self.cadre_id = None
        self._fill(data)

    def _fill(self, data: CadreData | None) -> None:
        self.details_box.setVisible(data is not None)
        self.targets_box.setVisible(data is not None)
        self.field_log.show_cadre(data.cadre.id if data else None)
        if data is None:
            self.title.setText(tr("Choose a cadre in the list."))
            self._fill_targets([])
            return
        self.title.setText(data.cadre.full_name)
        self._fill_details(data.cadre)
        self._fill_targets(data.targets)

    def _fill_details(self, cadre: Cadre) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        for label, value in _details(cadre):
            self.details.addRow(label, QLabel(value or "—"))

    def _fill_targets(self, rows: list[CadreTarget]) -> None:
        self.rows = rows
        self.targets.setRowCount(len(rows))
        bold = QFont(self.targets.font())
        bold.setBold(True)
        for number, row in enumerate(rows):
            for column, text in enumerate(_target_cells(row)):
                item = QTableWidgetItem(text)
                if row.current:
                    item.setFont(bold)
                elif row.assignment.period.end is not None:
                    item.setForeground(QBrush(ENDED_COLOR))
                self.targets.setItem(number, column, item)
        self._selection_changed()

    # --- acting -------------------------------------------------------------------------------

    def selected_assignment(self, open_only: bool = True) -> str | None:
        """Return the id of the assignment selected in the table (if it is still open, unless not `open_only`)."""
        items = self.targets.selectedItems()
        held = self.rows[items[0].row()].assignment if items else None
        return held.id if held is not None and (held.period.end is None or not open_only) else None

    def _selection_changed(self) -> None:
        may_edit = self.context.scope.may_edit
        self.end_button.setEnabled(may_edit and self.selected_assignment() is not None)
        self.edit_button.setEnabled(may_edit and self.selected_assignment(open_only=False) is not None)

    def edit_assignment(self) -> None:
        """Open the selected assignment to change its dates, decision or note."""
        chosen = self.selected_assignment(open_only=False)
        if chosen is not None:
            EditAssignmentDialog(self.context, chosen, self).exec()

    def end_assignment(self) -> None:
        """Open the dialog that ends the selected assignment."""
        chosen = self.selected_assignment()
        if chosen is not None:
            EndAssignmentDialog(self.context, chosen, self).exec()
