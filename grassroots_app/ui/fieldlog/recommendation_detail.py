"""The detail of one residents' recommendation: every field, and the history of its status changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.recommendations import Recommendation, RecommendationStatus, StatusChange
from grassroots_app.services.recommendations import RecommendationView
from grassroots_app.ui.fieldlog.recommendation_list import due_text
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.row_model import WARNING_COLOR

FIELDS = (N_("Unit"), N_("Raised on"), N_("Through the cadre"), N_("Field"), N_("Content"), N_("Status"),
          N_("Due date"), N_("Forwarded to"), N_("Answer"), N_("Resolved at the base on"), N_("Closed on"))
HISTORY_COLUMNS = (N_("Date"), N_("Change"), N_("Note"))


def _dated(text: str, day: date | None) -> str:
    """Return a text followed by its day in brackets (an empty text stays empty)."""
    if not text or day is None:
        return text
    return tr("{text} ({day})").format(text=text, day=format_date(day))


def field_texts(view: RecommendationView) -> tuple[str, ...]:
    """Return what each row of the detail shows, in the order of FIELDS."""
    rec = view.recommendation
    return (view.unit_path, format_date(rec.raised_on), view.cadre_name, tr(rec.field.label), rec.content,
            tr(rec.status.label), due_text(view), _dated(rec.forwarded_to, rec.forwarded_on),
            _dated(rec.answer, rec.answered_on), format_date(rec.resolved_on), format_date(rec.closed_on))


def change_text(change: StatusChange) -> str:
    """Return a step as "old → new" ("raised → open" for the first)."""
    old = tr("raised") if change.old is None else tr(change.old.label)
    return f"{old} → {tr(change.new.label)}"


def change_note(rec: Recommendation, change: StatusChange) -> str:
    """Return what a step carried: the body forwarded to, the answer received, and the note."""
    carried = {RecommendationStatus.FORWARDED: rec.forwarded_to, RecommendationStatus.ANSWERED: rec.answer}
    parts = [carried.get(change.new, ""), change.note]
    return " — ".join(part for part in parts if part)


class RecommendationDetail(QWidget):
    """Shows the chosen recommendation's fields and its history, oldest step first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles = [QLabel(tr(title)) for title in FIELDS]
        self.values = [QLabel() for _title in FIELDS]
        self.fields = QWidget()
        # A grid, not a form: a form gives wrapped values too little height while some of its rows are hidden.
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for row, (title, value) in enumerate(zip(self.titles, self.values, strict=True)):
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(title, row, 0)
            grid.addWidget(value, row, 1)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setHorizontalHeaderLabels([tr(text) for text in HISTORY_COLUMNS])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the change and the note share the width
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setWordWrap(True)
        # As tall as its rows, each as tall as its text: the pane's own scroll area scrolls, nothing is cut.
        self.history.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        header.geometriesChanged.connect(self._fit_history)
        self.history_box = QGroupBox(tr("History"))
        QVBoxLayout(self.history_box).addWidget(self.history)
        self.empty = QLabel(tr("Choose a recommendation in the list to see its detail and history."))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.fields)
        layout.addWidget(self.history_box)
        layout.addStretch(1)
        self.show_recommendation(None, [])

    def show_recommendation(self, view: RecommendationView | None, history: list[StatusChange]) -> None:
        """Show a recommendation and its steps (None: nothing chosen)."""
        for widget in (self.fields, self.history_box):
            widget.setVisible(view is not None)
        self.empty.setVisible(view is None)
        self.history.setRowCount(0)
        if view is not None:
            self._show_fields(view)
            self._show_history(view.recommendation, history)

    def _show_fields(self, view: RecommendationView) -> None:
        for title, value, text in zip(self.titles, self.values, field_texts(view), strict=True):
            value.setText(text)
            title.setVisible(bool(text))
            value.setVisible(bool(text))
        due = self.values[FIELDS.index(N_("Due date"))]
        due.setStyleSheet(f"color: {WARNING_COLOR.name()};" if view.overdue else "")

    def _show_history(self, rec: Recommendation, history: list[StatusChange]) -> None:
        self.history.setRowCount(len(history))
        for row, change in enumerate(history):
            for column, text in enumerate((format_date(change.on), change_text(change), change_note(rec, change))):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self._fit_history()

    def _fit_history(self) -> None:
        """Make each step's row as tall as its wrapped text at the columns' widths, and the table as tall as its rows."""
        self.history.resizeRowsToContents()
        rows = sum(self.history.rowHeight(row) for row in range(self.history.rowCount()))
        self.history.setFixedHeight(self.history.horizontalHeader().height() + rows + 2 * self.history.frameWidth())
