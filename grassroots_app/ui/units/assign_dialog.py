"""Dialogs that put a cadre in charge of a target and end an assignment (reassigning is both, in turn)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from grassroots_app.domain.errors import RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cadre, Decision
from grassroots_app.domain.rules import GraspRule
from grassroots_app.services import assignments
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.roster import AssignmentView, assignment_view, target_path
from grassroots_app.services.workspace import UnitOfWork
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.field_labels import field_label
from grassroots_app.ui.shared.widgets import EditDialog, date_edit, from_qdate, typed_anywhere


@dataclass(frozen=True)
class AssignData:
    """What the assign dialog shows: the cadre, the target's path, the roles open to them, or why none is."""

    cadre: Cadre
    path: str
    rules: list[GraspRule]
    refusal: RuleViolation | None


def _assign_data(uow: UnitOfWork, cadre_id: str, target_id: str, on: date) -> AssignData:
    """Read everything the assign dialog shows, in one transaction."""
    rules = assignments.eligible_rules(uow, cadre_id, target_id)
    refusal = None if rules else assignments.ineligibility(uow, cadre_id, target_id)
    return AssignData(get_cadre(uow, cadre_id), target_path(uow, target_id, on), rules, refusal)


def _decision_fields(decision: Decision) -> tuple[QLineEdit, QCheckBox, QDateEdit, QWidget]:
    """Return the decision's number field, "signed on" box and date, and the row holding the last two."""
    number = QLineEdit(decision.number)
    dated = QCheckBox(tr("Signed on"))
    day = date_edit(decision.signed_on or date.today())
    dated.setChecked(decision.signed_on is not None)
    day.setEnabled(dated.isChecked())
    dated.toggled.connect(day.setEnabled)
    signed = QWidget()
    row = QHBoxLayout(signed)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(dated)
    row.addWidget(day, 1)
    signed.setFocusProxy(dated)
    return number, dated, day, signed


def _decision(number: QLineEdit, dated: QCheckBox, day: QDateEdit) -> Decision:
    """Return the decision the fields describe."""
    return Decision(number.text(), from_qdate(day.date()) if dated.isChecked() else None)


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    label.setWordWrap(True)
    return label


class AssignDialog(EditDialog):
    """Put a cadre in charge of a unit or cluster in one of the roles the rules allow them."""

    def __init__(self, context: AppContext, cadre_id: str, target_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Assign a cadre"), parent)
        self.target_id = target_id
        self.data = context.read(_assign_data, cadre_id, target_id, context.as_of)
        self._build()
        if self.data.refusal is not None:
            self.error.show_error(self.data.refusal, until_edited=False)  # about the cadre, not a field
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(bool(self.data.rules))

    def _build(self) -> None:
        cadre = self.data.cadre
        self.role = typed_anywhere(QComboBox())
        for rule in self.data.rules:
            self.role.addItem(rule.role, rule.role)
        self.role.setEnabled(bool(self.data.rules))
        self.start = date_edit(date.today())
        self.decision_number, self.decision_dated, self.decision_date, signed = _decision_fields(Decision())
        self.note = QLineEdit()
        self.form.addRow(tr("Cadre"), _bold(f"{cadre.full_name} — {cadre.position or tr(cadre.tier.label)}"))
        self.form.addRow(tr("In charge of"), _bold(self.data.path))
        self.form.addRow(field_label("role"), self.role)
        self.form.addRow(field_label("start_date"), self.start)
        self.form.addRow(field_label("decision_number"), self.decision_number)
        self.form.addRow(field_label("decision_date"), signed)
        self.form.addRow(field_label("note"), self.note)

    def new_assignment(self) -> assignments.NewAssignment:
        """Return the assignment as the fields describe it."""
        return assignments.NewAssignment(
            cadre_id=self.data.cadre.id,
            target_id=self.target_id,
            start=from_qdate(self.start.date()),
            role=self.role.currentData(),
            decision=_decision(self.decision_number, self.decision_dated, self.decision_date),
            note=self.note.text(),
        )

    def submit(self) -> None:
        """Record the assignment; a refusal stays in the dialog."""
        if self.data.rules:
            label = tr("Assign {name}").format(name=self.data.cadre.full_name)
            self.run_edit(label, assignments.assign, self.new_assignment())


class EndAssignmentDialog(EditDialog):
    """End an assignment on a day; before the minimum tenure, with the reason."""

    def __init__(self, context: AppContext, assignment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("End the assignment"), parent)
        self.view: AssignmentView = context.read(assignment_view, assignment_id, context.as_of)
        held = self.view.assignment
        self.end = date_edit(date.today())
        self.reason = QLineEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.form.addRow(tr("Cadre"), _bold(self.view.cadre_name))
        self.form.addRow(tr("In charge of"), _bold(self.view.path))
        self.form.addRow(field_label("role"), QLabel(held.role))
        self.form.addRow(field_label("start_date"), QLabel(format_date(held.period.start)))
        self.form.addRow(field_label("end_date"), self.end)
        self.form.addRow(tr("Reason"), self.reason)
        self.form.addRow(self.hint)
        self.end.dateChanged.connect(self.update_hint)
        self.update_hint()

    def update_hint(self) -> None:
        """Say that a reason is required when the end date falls before the minimum tenure."""
        early = from_qdate(self.end.date()) < self.view.tenure_end
        self.hint.setText(tr("The minimum tenure is reached on {day}; ending before that day needs a reason.").format(
            day=format_date(self.view.tenure_end)))
        self.hint.setVisible(early)

    def submit(self) -> None:
        """End the assignment; a refusal stays in the dialog."""
        label = tr("End the assignment of {name}").format(name=self.view.cadre_name)
        self.run_edit(label, assignments.end_assignment, self.view.assignment.id,
                      from_qdate(self.end.date()), self.reason.text())


class EditAssignmentDialog(EditDialog):
    """Change an assignment's dates, decision (a number added later) and note; an ended one's end and reason."""

    def __init__(self, context: AppContext, assignment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Edit the assignment"), parent)
        self.view: AssignmentView = context.read(assignment_view, assignment_id, context.as_of)
        held = self.view.assignment
        self.start = date_edit(held.period.start)
        self.end = date_edit(held.period.end or date.today())
        self.reason = QLineEdit(held.end_reason)
        self.decision_number, self.decision_dated, self.decision_date, signed = _decision_fields(held.decision)
        self.note = QLineEdit(held.note)
        self.form.addRow(tr("Cadre"), _bold(self.view.cadre_name))
        self.form.addRow(tr("In charge of"), _bold(self.view.path))
        self.form.addRow(field_label("role"), QLabel(held.role))
        self.form.addRow(field_label("start_date"), self.start)
        if held.period.end is not None:
            self.form.addRow(field_label("end_date"), self.end)
            self.form.addRow(field_label("end_reason"), self.reason)
        self.form.addRow(field_label("decision_number"), self.decision_number)
        self.form.addRow(field_label("decision_date"), signed)
        self.form.addRow(field_label("note"), self.note)
        self.start.setFocus()

    def changes(self) -> assignments.AssignmentChanges:
        """Return the assignment as the fields describe it."""
        ended = self.view.assignment.period.end is not None
        return assignments.AssignmentChanges(
            start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()) if ended else None,
            decision=_decision(self.decision_number, self.decision_dated, self.decision_date),
            note=self.note.text(),
            end_reason=self.reason.text() if ended else None,
        )

    def submit(self) -> None:
        """Store the changes; a refusal stays in the dialog."""
        label = tr("Edit the assignment of {name}").format(name=self.view.cadre_name)
        self.run_edit(label, assignments.edit_assignment, self.view.assignment.id, self.changes())
