"""The list of residents' recommendations: its columns and the filters above it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.recommendations import RecommendationFilter, RecommendationStatus
from grassroots_app.services.recommendations import RecommendationView
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.activity_form import CadreLookup
from grassroots_app.ui.fieldlog.fieldlog_panel import RECOMMENDATION_COLUMNS
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.shared.period_chooser import PeriodChooser
from grassroots_app.ui.shared.pickers import ClusterCombo, unit_field
from grassroots_app.ui.shared.row_model import Column
from grassroots_app.ui.shared.widgets import choices, chosen_member

FILTER_DELAY_MS = 200


def due_text(view: RecommendationView) -> str:
    """Return the due date, marked when the recommendation is overdue (a sign and a word, not only a colour)."""
    due = format_date(view.recommendation.due)
    return tr("⚠ {day} — overdue").format(day=due) if view.overdue else due


_SHARED = {column.title: column for column in RECOMMENDATION_COLUMNS}
COLUMNS: tuple[Column[RecommendationView], ...] = (
    *(_SHARED[title] for title in (N_("Raised"), N_("Unit"), N_("Field"), N_("Status"))),
    Column(N_("Due"), due_text, key=lambda view: view.recommendation.due or date.max,
           tip=lambda view: tr("Overdue: still waiting after its due date") if view.overdue else ""),
    Column(N_("Forwarded to"), lambda view: view.recommendation.forwarded_to),
    _SHARED[N_("Content")],
)


@dataclass(frozen=True)
class Query:
    """What the list shows: the recommendations the filter asks for, or those carried into a quarter."""

    wanted: RecommendationFilter
    carried_into: tuple[int, int] | None = None


class FilterBar(QWidget):
    """The filters of the list: period raised, status, cluster, unit, cadre, overdue only, carried over."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self._build()
        self._lay_out()
        self._connect()
        self._enable()

    def _build(self) -> None:
        self.raised_in = QCheckBox(tr("Raised in"))
        self.raised_in.setToolTip(tr("Unticked: raised at any time"))
        self.period = PeriodChooser(self.context.as_of)
        self.status = choices(RecommendationStatus, empty=True)
        self.status.setItemText(0, tr("All statuses"))
        self.cluster = ClusterCombo(self.context, lambda: self.context.as_of, tr("All clusters"))
        self.unit = unit_field(self.context)
        self.cadre = CadreLookup(self.context)
        self.overdue = QCheckBox(tr("Overdue only"))
        self.carried = QCheckBox(tr("Carried over into the quarter"))
        self.carried.setToolTip(tr("The ones raised before the quarter chosen and still waiting when it began"))

    def _lay_out(self) -> None:
        rows = (
            ((None, self.raised_in), (None, self.period), (tr("Status"), self.status), (tr("Cluster"), self.cluster)),
            ((tr("Unit"), self.unit), (tr("Cadre"), self.cadre), (None, self.overdue), (None, self.carried)),
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for pairs in rows:
            line = QHBoxLayout()
            for text, widget in pairs:
                if text is not None:
                    label = QLabel(text)
                    label.setBuddy(widget)
                    line.addWidget(label)
                line.addWidget(widget, 1 if isinstance(widget, QLineEdit | PeriodChooser) else 0)
            column.addLayout(line)

    def _connect(self) -> None:
        for signal in (self.raised_in.toggled, self.period.changed, self.status.currentIndexChanged,
                       self.cluster.currentIndexChanged, self.overdue.toggled, self.carried.toggled,
                       self.unit.chosen_changed, self.cadre.chosen_changed):
            signal.connect(self.timer.start)
        for signal in (self.raised_in.toggled, self.period.span.currentIndexChanged, self.carried.toggled):
            signal.connect(self._enable)
        follow(self.context.events.as_of_changed, self, self.cluster.refill)
        follow(self.context.events.database_changed, self, self.cluster.refill)

    def carried_quarter(self) -> int | None:
        """Return the quarter to show the carried-over ones of (None: not asked, or no quarter chosen)."""
        quarter = None if self.period.between else self.period.quarter()
        return quarter if self.carried.isChecked() else None

    def _enable(self) -> None:
        quarter = not self.period.between and self.period.quarter() is not None
        self.carried.setEnabled(quarter)
        carried = self.carried_quarter() is not None
        self.raised_in.setEnabled(not carried)
        self.period.setEnabled(carried or self.raised_in.isChecked())
        for widget in (self.cluster, self.cadre, self.status, self.overdue):
            widget.setEnabled(not carried)

    def query(self) -> Query:
        """Return what the filters ask for."""
        quarter = self.carried_quarter()
        if quarter is not None:
            return Query(RecommendationFilter(unit_id=self.unit.chosen), (self.period.year.value(), quarter))
        start, end = self.period.bounds() if self.raised_in.isChecked() else (None, None)
        wanted = RecommendationFilter(
            start=start, end=end, status=chosen_member(self.status, RecommendationStatus),
            overdue=self.overdue.isChecked(), unit_id=self.unit.chosen, cluster_id=self.cluster.currentData(),
            cadre_id=self.cadre.chosen,
        )
        return Query(wanted)
