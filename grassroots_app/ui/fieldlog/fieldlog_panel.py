"""The field log of one place or one cadre, for the unit and cadre panels: recent activities, recommendations."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QGroupBox, QTabWidget, QVBoxLayout, QWidget

from grassroots_app.domain.activities import ActivityFilter
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.recommendations import PENDING, RecommendationFilter
from grassroots_app.domain.text import natural_key, person_sort_key
from grassroots_app.services.activities import ActivityView, list_activities
from grassroots_app.services.recommendations import RecommendationView, list_recommendations
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.activity_list import ACTIVITY_COLUMNS, EditActivityDialog
from grassroots_app.ui.fieldlog.recommendation_dialogs import RecommendationDialog
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.row_model import Column, LatestRead, RowsModel, rows_table

RECENT = 50
PANEL_TABLE_HEIGHT = 220


def _urgency(view: RecommendationView) -> tuple[bool, bool]:
    """Return a key that puts the overdue recommendations first, then the others still waiting."""
    return not view.overdue, view.recommendation.status not in PENDING


def _status(view: RecommendationView) -> str:
    """Return the status in words, with the overdue mark."""
    status = tr(view.recommendation.status.label)
    return tr("{status}, overdue").format(status=status) if view.overdue else status


RECOMMENDATION_COLUMNS: tuple[Column[RecommendationView], ...] = (
    Column(N_("Raised"), lambda view: format_date(view.recommendation.raised_on),
           key=lambda view: view.recommendation.raised_on),
    Column(N_("Unit"), lambda view: view.unit_path, key=lambda view: natural_key(view.unit_path), path=True),
    Column(N_("Cadre"), lambda view: view.cadre_name, key=lambda view: person_sort_key(view.cadre_name)),
    Column(N_("Field"), lambda view: tr(view.recommendation.field.label)),
    Column(N_("Status"), _status, key=_urgency),
    Column(N_("Due"), lambda view: format_date(view.recommendation.due),
           key=lambda view: view.recommendation.due or date.max),
    Column(N_("Content"), lambda view: view.recommendation.content),
)
STATUS_COLUMN = 4


class FieldLogSection(QGroupBox):
    """A place's or a cadre's latest activities and their recommendations (overdue first, in red)."""

    def __init__(self, context: AppContext, name: str, for_cadre: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(tr("Field log"), parent)
        self.context = context
        self.activities = RowsModel(ACTIVITY_COLUMNS, parent=self)
        self.recommendations = RowsModel(RECOMMENDATION_COLUMNS, warn=lambda view: view.overdue, parent=self)
        self.activity_reads, self.recommendation_reads = LatestRead(context, self), LatestRead(context, self)
        self.tabs = QTabWidget()
        tables = (  # (model, its cadre column, how it is remembered, its first order)
            (self.activities, 1, "activity_columns", (0, Qt.SortOrder.DescendingOrder)),
            (self.recommendations, 2, "recommendation_columns", (STATUS_COLUMN, Qt.SortOrder.AscendingOrder)),
        )
        for model, cadre_column, key, order in tables:
            table = rows_table(model, context.settings, f"{name}/{key}", order)
            table.setMinimumHeight(PANEL_TABLE_HEIGHT)
            table.setColumnHidden(cadre_column, for_cadre)
            table.activated.connect(self.open_row)
            self.tabs.addTab(table, "")
        QVBoxLayout(self).addWidget(self.tabs)

    def open_row(self, index: QModelIndex) -> None:
        """Open an activity or a recommendation of the lists (double-click or Enter) to correct it."""
        if self.tabs.currentIndex() == 0:
            EditActivityDialog(self.context, self.activities.rows[index.row()], self).exec()
        else:
            RecommendationDialog(self.context, self.recommendations.rows[index.row()], self).exec()

    def show_place(self, target_id: str | None, is_cluster: bool = False) -> None:
        """Show what was done at a unit (and below it) or in a cluster (None: hide)."""
        on = self.context.as_of
        if target_id is None:
            self._show(None, None)
        elif is_cluster:
            self._show(ActivityFilter(cluster_id=target_id), RecommendationFilter(cluster_id=target_id, on=on))
        else:
            self._show(ActivityFilter(unit_id=target_id), RecommendationFilter(unit_id=target_id, on=on))

    def show_cadre(self, cadre_id: str | None) -> None:
        """Show what a cadre did and the recommendations raised through them (None: hide)."""
        if cadre_id is None:
            self._show(None, None)
        else:
            self._show(ActivityFilter(cadre_id=cadre_id),
                       RecommendationFilter(cadre_id=cadre_id, on=self.context.as_of))

    def _show(self, activities: ActivityFilter | None, recommendations: RecommendationFilter | None) -> None:
        self.setVisible(activities is not None)
        if activities is None or recommendations is None:
            self.activity_reads.cancel()
            self.recommendation_reads.cancel()
            return
        self.tabs.setTabText(0, tr("Recent activities (reading…)"))
        self.tabs.setTabText(1, tr("Recommendations (reading…)"))
        self.activity_reads.start(list_activities, (activities, RECENT + 1), self._show_activities)
        self.recommendation_reads.start(list_recommendations, (recommendations,), self._show_recommendations)

    def _show_activities(self, views: list[ActivityView]) -> None:
        self.activities.set_rows(views[:RECENT])
        text = tr("Latest {count} activities") if len(views) > RECENT else tr("Activities ({count})")
        self.tabs.setTabText(0, text.format(count=min(len(views), RECENT)))

    def _show_recommendations(self, views: list[RecommendationView]) -> None:
        self.recommendations.set_rows(sorted(views, key=_urgency)[:RECENT])
        overdue = sum(1 for view in views if view.overdue)
        self.tabs.setTabText(1, tr("Recommendations ({count}, {overdue} overdue)").format(
            count=len(views), overdue=overdue))
