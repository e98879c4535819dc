"""The base-day plan of a quarter: propose who visits which target on each meeting-free day, save, adjust."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.changes import CALENDAR, HIERARCHY, PEOPLE, RULES
from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.formats import format_date
from grassroots_app.services import plans
from grassroots_app.services.plans import PlannedVisit, QuarterPlan
from grassroots_app.ui.context import AppContext, on_change, on_scope
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, follow
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.widgets import ErrorLabel

VISIT_COLUMNS = (N_("Day"), N_("Cadre"), N_("In charge of"), N_("State"))
UNVISITED_COLUMNS = (N_("Target"), N_("Visits"), N_("Reachable"))
PROPOSED_COLOUR = QColor("#1b5e20")
ROW_PADDING = 6
SHOWN = HIERARCHY | PEOPLE | RULES | CALENDAR  # the tables this view shows: it refreshes when an edit changed one


class VisitsModel(QAbstractTableModel):
    """The visits of a plan, one a row; the proposed ones (not yet saved) in green."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visits: tuple[PlannedVisit, ...] = ()

    def set_visits(self, visits: tuple[PlannedVisit, ...]) -> None:
        """Show other visits."""
        self.beginResetModel()
        self.visits = visits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of visits."""
        return 0 if parent.isValid() else len(self.visits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(VISIT_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a visit's day, cadre, target or state."""
        if not index.isValid():
            return None
        visit = self.visits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = tr("saved") if visit.id else tr("proposed")
            return (format_date(visit.day), visit.cadre_name, visit.target_path, state)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not visit.id:
            return QBrush(PROPOSED_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(VISIT_COLUMNS[section])
        return None


class PlanView(QWidget):
    """A quarter's base-day plan: the stored one, or a proposal to save; the targets it leaves out."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan: QuarterPlan | None = None
        self.request = 0
        self._build_chooser()
        self._build_visits()
        self._build_unvisited()
        self._lay_out()
        # The plan of a national database takes seconds to read: only while the tab is shown.
        self.refresher = ShownRefresher(self, self.load_saved)
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self.refresher.request)
        on_scope(context.events, self, self._enable)

    # --- layout -------------------------------------------------------------------------------

    def _build_chooser(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(rule.FIRST_YEAR, rule.LAST_YEAR)
        self.year.setValue(self.context.as_of.year)
        self.quarter = QComboBox()
        for number in range(1, 5):
            self.quarter.addItem(tr("Quarter {number}").format(number=number), number)
        self.quarter.setCurrentIndex(rule.quarter_of(self.context.as_of) - 1)
        self.propose_button = QPushButton(tr("Propose"))
        self.save_button = QPushButton(tr("Save the proposal"))
        self.remove_button = QPushButton(tr("Remove the visit"))
        self.chooser = QHBoxLayout()
        self.chooser.addWidget(QLabel(tr("Year")))
        self.chooser.addWidget(self.year)
        self.chooser.addWidget(QLabel(tr("Quarter")))
        self.chooser.addWidget(self.quarter)
        for button in (self.propose_button, self.save_button, self.remove_button):
            self.chooser.addWidget(button)
        self.chooser.addStretch()
        self.year.valueChanged.connect(self.load_saved)
        self.quarter.currentIndexChanged.connect(self.load_saved)
        self.propose_button.clicked.connect(self.propose)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove_visit)

    def _build_visits(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = ErrorLabel()
        self.visits_model = VisitsModel(self)
        self.visits = QTableView()
        self.visits.setModel(self.visits_model)
        self.visits.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        _compact(self.visits)
        header = self.visits.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.visits.selectionModel().currentRowChanged.connect(lambda *_args: self._enable())
        offer_menu(self.visits, lambda: [self.remove_button])

    def _build_unvisited(self) -> None:
        self.unvisited_box = QGroupBox()
        self.unvisited = QTableWidget(0, len(UNVISITED_COLUMNS))
        self.unvisited.setHorizontalHeaderLabels([tr(text) for text in UNVISITED_COLUMNS])
        self.unvisited.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        _compact(self.unvisited)
        header = self.unvisited.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self.unvisited_box).addWidget(self.unvisited)

    def _lay_out(self) -> None:
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.error)
        column.addWidget(self.visits)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.unvisited_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.chooser)
        layout.addWidget(splitter, 1)

    # --- showing ------------------------------------------------------------------------------

    def chosen_quarter(self) -> tuple[int, int]:
        """Return the (year, quarter) chosen."""
        return self.year.value(), int(self.quarter.currentData())

    def load_saved(self) -> None:
        """Show the stored plan of the chosen quarter (read in the background)."""
        year, quarter = self.chosen_quarter()
        self._run(plans.quarter_plan, (year, quarter), None)

    def propose(self) -> None:
        """Propose a plan for the chosen quarter around the stored visits (in the background)."""
        year, quarter = self.chosen_quarter()
        self._run(plans.propose_quarter, (year, quarter), tr("Proposing the base-day plan…"))

    def _run(self, query: Callable[..., QuarterPlan], args: tuple[int, int], label: str | None) -> None:
        """Start a read in a worker process; only the answer to the latest request is shown."""
        self.request += 1
        request = self.request
        self.error.clear_error()
        self.summary.setText(tr("Reading…"))
        self._enable(busy=True)

        def shown(plan: QuarterPlan) -> None:
            if request == self.request:
                self.show_plan(plan)

        def failed(error: BaseException) -> None:
            if request != self.request:
                return
            self._enable()
            if isinstance(error, DomainError):
                self.error.show_error(error)
            else:
                self.context.errors.report(error)

        self.context.read_later(query, args, shown, failed, label, self)

    def show_plan(self, plan: QuarterPlan) -> None:
        """Show a plan: its visits, how it covers the targets, the targets it leaves short."""
        self.plan = plan
        self.visits_model.set_visits(plan.visits)
        self.summary.setText(_summary(plan))
        self._show_unvisited(plan)
        self._enable()

    def _show_unvisited(self, plan: QuarterPlan) -> None:
        self.unvisited_box.setTitle(tr("Targets short of their visits this quarter ({count})").format(
            count=len(plan.unvisited)))
        self.unvisited.setRowCount(len(plan.unvisited))
        for row, target in enumerate(plan.unvisited):
            reachable = tr("yes") if target.reachable else tr("no: nobody is in charge on a meeting-free day")
            for column, text in enumerate((target.path, str(target.visits), reachable)):
                item = QTableWidgetItem(text)
                if not target.reachable:
                    item.setForeground(QBrush(QColor("#c62828")))
                self.unvisited.setItem(row, column, item)

    def _enable(self, busy: bool = False) -> None:
        """Offer proposing (a read) while idle; saving and removing only the visits the clerk may change."""
        scope = self.context.scope
        proposal = self.plan is not None and not self.plan.saved
        visit = self.selected_visit()
        self.propose_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and proposal and scope.may_edit and all(
            scope.may_change_row(planned.target_id) for planned in self.visits_model.visits))
        self.remove_button.setEnabled(not busy and visit is not None and scope.may_change_row(visit.target_id))

    def selected_visit(self) -> PlannedVisit | None:
        """Return the highlighted visit when it is stored (a proposed one cannot be removed alone)."""
        row = self.visits.currentIndex().row()
        visits = self.visits_model.visits
        return visits[row] if 0 <= row < len(visits) and visits[row].id else None

    # --- actions ------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the proposal of the chosen quarter (the stored visits stay)."""
        year, quarter = self.chosen_quarter()
        label = tr("Save the base-day plan of quarter {quarter}/{year}").format(quarter=quarter, year=year)
        self.context.edit(label, plans.save_proposal, year, quarter, on_done=self.show_plan,
                          on_refused=self.error.show_error, parent=self)

    def remove_visit(self) -> None:
        """Delete the highlighted stored visit."""
        visit = self.selected_visit()
        if visit is None:
            return
        label = tr("Remove the visit of {name} on {day}").format(name=visit.cadre_name, day=format_date(visit.day))
        self.context.edit(label, plans.remove_visit, visit.id, on_refused=self.error.show_error, parent=self)


def _compact(table: QTableView) -> None:
    """Hide the row numbers and keep the rows one line high."""
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)


def _summary(plan: QuarterPlan) -> str:
    """Return one line on a plan: saved or proposed, visits, free days, targets covered."""
    state = tr("Saved plan") if plan.saved else tr("Proposal, not saved yet")
    return tr("{state}: {visits} visits on {days} meeting-free days; {short} of {targets} targets short of "
              "{per_target} visit(s) this quarter.").format(
        state=state, visits=len(plan.visits), days=len(plan.days), short=len(plan.unvisited),
        targets=plan.targets, per_target=plan.visits_per_target)
