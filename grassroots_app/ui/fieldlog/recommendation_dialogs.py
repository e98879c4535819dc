"""The dialogs of residents' recommendations: raise or correct one, and take it a step (resolve, forward,
answer, close)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.recommendations import RecommendationField, RecommendationStatus
from grassroots_app.services import recommendations
from grassroots_app.services.recommendations import RecommendationView
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.activity_form import CadreLookup
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import (
    EditDialog,
    choices,
    choose_member,
    chosen_member,
    date_edit,
    from_qdate,
    to_qdate,
)
from grassroots_app.ui.units.unit_dialogs import UnitPicker

DEFAULT_DUE_DAYS = 30
SUMMARY_LENGTH = 160


def plain_text() -> QPlainTextEdit:
    """Return a multi-line text field where Tab moves on to the next field."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(edit.fontMetrics().height() * 6)
    return edit


def summary(view: RecommendationView) -> str:
    """Return a recommendation in one line: where, when, what (shortened)."""
    rec = view.recommendation
    content = " ".join(rec.content.split())
    if len(content) > SUMMARY_LENGTH:
        content = content[:SUMMARY_LENGTH - 1] + "…"
    return tr("{unit}, {day}: {content}").format(unit=view.unit_name, day=format_date(rec.raised_on),
                                                 content=content)


class RecommendationDialog(EditDialog):
    """Raise a recommendation (none given) or correct one's field, content and due date."""

    def __init__(self, context: AppContext, view: RecommendationView | None = None,
                 parent: QWidget | None = None) -> None:
        title = tr("Edit the recommendation") if view else tr("Raise a recommendation")
        super().__init__(context, title, parent)
        self.view = view
        self.setMinimumWidth(560)
        if view is None:
            self._build_origin()
        else:
            self._show_origin(view)
        self._build_content(view)

    def _build_origin(self) -> None:
        self.unit = UnitPicker(self.context)
        self.raised_on = date_edit(date.today())
        self.cadre = CadreLookup(self.context)
        self.form.addRow(tr("Unit"), self.unit)
        self.form.addRow(tr("Raised on"), self.raised_on)
        self.form.addRow(tr("Through the cadre"), self.cadre)

    def _show_origin(self, view: RecommendationView) -> None:
        self.form.addRow(tr("Unit"), QLabel(view.unit_path))
        self.form.addRow(tr("Raised on"), QLabel(format_date(view.recommendation.raised_on)))
        self.form.addRow(tr("Through the cadre"), QLabel(view.cadre_name))

    def _build_content(self, view: RecommendationView | None) -> None:
        self.field = choices(RecommendationField)
        self.content = plain_text()
        self.has_due = QCheckBox(tr("Due by"))
        self.due = date_edit(date.today() + timedelta(days=DEFAULT_DUE_DAYS))
        self.has_due.toggled.connect(self.due.setEnabled)
        if view is not None:
            rec = view.recommendation
            choose_member(self.field, rec.field)
            self.content.setPlainText(rec.content)
            if rec.due is not None:
                self.due.setDate(to_qdate(rec.due))
        self.has_due.setChecked(view is not None and view.recommendation.due is not None)
        self.due.setEnabled(self.has_due.isChecked())
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.form.addRow(tr("Field"), self.field)
        self.form.addRow(tr("Content"), self.content)
        self.form.addRow(tr("Due date"), due_row)
        if view is not None:
            self.content.setFocus()  # correcting: the text, rather than its field

    def due_date(self) -> date | None:
        """Return the due date entered, or None when there is none."""
        return from_qdate(self.due.date()) if self.has_due.isChecked() else None

    def submit(self) -> None:
        """Raise or correct the recommendation; a refusal stays in the dialog."""
        field = chosen_member(self.field, RecommendationField)
        if self.view is not None:
            label = tr("Edit the recommendation of {unit}").format(unit=self.view.unit_name)
            self.run_edit(label, recommendations.edit_recommendation, self.view.recommendation.id,
                          self.content.toPlainText(), field, self.due_date())
        elif self.unit.chosen is None:
            self.error.show_error(InvalidInput(N_("Choose the unit where it was raised.")))
        elif self.cadre.chosen is None:
            self.error.show_error(InvalidInput(N_("Choose the cadre through whom it was raised.")))
        else:
            label = tr("Raise a recommendation at {unit}").format(unit=self.unit.label.text())
            self.run_edit(label, recommendations.raise_recommendation, self.unit.chosen,
                          from_qdate(self.raised_on.date()), self.cadre.chosen, self.content.toPlainText(), field,
                          self.due_date())


@dataclass(frozen=True)
class Step:
    """A step a recommendation can take: the dialog's title, its undo label, the use case, its text field."""

    title: str
    undo: str
    use_case: Callable[..., RecommendationView]
    text_label: str | None = None


STEPS = {
    RecommendationStatus.RESOLVED: Step(
        N_("Resolve at the base"), N_("Resolve at the base the recommendation of {unit}"),
        recommendations.resolve_recommendation),
    RecommendationStatus.FORWARDED: Step(
        N_("Forward the recommendation"), N_("Forward the recommendation of {unit}"),
        recommendations.forward_recommendation, N_("Forwarded to (body)")),
    RecommendationStatus.ANSWERED: Step(
        N_("Record the answer"), N_("Record the answer to the recommendation of {unit}"),
        recommendations.answer_recommendation, N_("Answer received")),
    RecommendationStatus.CLOSED: Step(
        N_("Close the recommendation"), N_("Close the recommendation of {unit}"),
        recommendations.close_recommendation),
}


class StepDialog(EditDialog):
    """Take a recommendation a step on a day, with the body or the answer the step needs and a note."""

    def __init__(self, context: AppContext, view: RecommendationView, status: RecommendationStatus,
                 parent: QWidget | None = None) -> None:
        self.step = STEPS[status]
        super().__init__(context, tr(self.step.title), parent)
        self.view = view
        self.setMinimumWidth(520)
        about = QLabel(summary(view))
        about.setWordWrap(True)
        self.on = date_edit(date.today())
        self.text: QLineEdit | QPlainTextEdit | None = None
        if status is RecommendationStatus.FORWARDED:
            self.text = QLineEdit()
        elif status is RecommendationStatus.ANSWERED:
            self.text = plain_text()
        self.note = QLineEdit()
        self.form.addRow(about)
        self.form.addRow(tr("On"), self.on)
        if self.text is not None and self.step.text_label is not None:
            self.form.addRow(tr(self.step.text_label), self.text)
        self.form.addRow(tr("Note"), self.note)
        (self.text or self.on).setFocus()

    def entered_text(self) -> tuple[str, ...]:
        """Return the body or the answer entered, when the step needs one."""
        if isinstance(self.text, QPlainTextEdit):
            return (self.text.toPlainText(),)
        return () if self.text is None else (self.text.text(),)

    def submit(self) -> None:
        """Take the step; a refusal (a step the flow does not allow, a day too early) stays in the dialog."""
        label = tr(self.step.undo).format(unit=self.view.unit_name)
        self.run_edit(label, self.step.use_case, self.view.recommendation.id, from_qdate(self.on.date()),
                      *self.entered_text(), self.note.text())
