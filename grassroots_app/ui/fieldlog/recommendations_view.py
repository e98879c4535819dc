"""The Recommendations tab: residents' recommendations filtered, one's detail and history, and its next steps."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.changes import HIERARCHY, PEOPLE
from grassroots_app.domain.errors import N_
from grassroots_app.domain.recommendations import TRANSITIONS, RecommendationStatus
from grassroots_app.services import recommendations
from grassroots_app.services.recommendations import RecommendationView
from grassroots_app.ui.context import AppContext, on_change, on_scope
from grassroots_app.ui.fieldlog.recommendation_detail import RecommendationDetail
from grassroots_app.ui.fieldlog.recommendation_dialogs import RecommendationDialog, StepDialog, summary
from grassroots_app.ui.fieldlog.recommendation_list import COLUMNS, FilterBar, Query
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, follow
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.row_model import LatestRead, RowsModel, rows_table
from grassroots_app.ui.shared.widgets import EditDialog, ErrorLabel, remember_state

SPLITTER_KEY = "recommendations/splitter"
SPLIT = [900, 480]
STEP_ACTIONS = (
    (RecommendationStatus.RESOLVED, N_("Resolve at the base…"), "Ctrl+Shift+R"),
    (RecommendationStatus.FORWARDED, N_("Forward…"), "Ctrl+Shift+F"),
    (RecommendationStatus.ANSWERED, N_("Record the answer…"), "Ctrl+Shift+A"),
    (RecommendationStatus.CLOSED, N_("Mark as closed…"), "Ctrl+Shift+L"),
)


SHOWN = HIERARCHY | PEOPLE | {"recommendation", "recommendation_change"}  # the tables this view shows: it refreshes when an edit changed one


class RecommendationsView(QWidget):
    """The filters above; the list on the left, the chosen recommendation and its history on the right."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = LatestRead(context, self)
        self.keep: str | None = None
        self.filters = FilterBar(context)
        self.model = RowsModel(COLUMNS, warn=lambda view: view.overdue, parent=self)
        self.table = rows_table(self.model, context.settings, "recommendations/columns",
                                (0, Qt.SortOrder.DescendingOrder))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.detail = RecommendationDetail()
        self.count = QLabel()
        self.error = ErrorLabel()
        self.buttons = self._buttons()
        self._lay_out()
        self.filters.changed.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self.show_selected())
        self.table.activated.connect(lambda _index: self.edit_action.trigger())  # nothing while it is disabled
        offer_menu(self.table, lambda: [self.new_action, None, *self.step_actions.values(), None, self.edit_action,
                                        self.delete_action])
        self.show_selected()
        self.refresher = ShownRefresher(self, self.reload)
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self.refresher.request)
        on_scope(context.events, self, self._enable)

    # --- building -----------------------------------------------------------------------------

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        """Return an action of this tab: its shortcut works while the focus is in the tab."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _buttons(self) -> QHBoxLayout:
        self.new_action = self._action(tr("New…"), "Ctrl+Shift+N", self.raise_new)
        self.step_actions = {status: self._action(tr(text), keys, partial(self.step, status))
                             for status, text, keys in STEP_ACTIONS}
        self.edit_action = self._action(tr("Edit…"), "F2", self.edit)
        self.delete_action = self._action(tr("Delete"), "Del", self.delete)
        row = QHBoxLayout()
        for action in (self.new_action, *self.step_actions.values(), self.edit_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        detail = QScrollArea()
        detail.setWidget(self.detail)
        detail.setWidgetResizable(True)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 1)
        if not remember_state(self.context.settings, SPLITTER_KEY, self.splitter):
            self.splitter.setSizes(SPLIT)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)

    # --- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the recommendations the filters ask for in a worker process; only the latest answer is shown."""
        query = self.filters.query()
        self.count.setText(tr("Reading…"))
        if query.carried_into is not None:
            args = (*query.carried_into, query.wanted.unit_id)
            self.reads.start(recommendations.carried_over, args, lambda views: self.show_views(views, query))
        else:
            self.reads.start(recommendations.list_recommendations, (query.wanted,),
                             lambda views: self.show_views(views, query))

    def show_views(self, views: list[RecommendationView], query: Query) -> None:
        """Show the recommendations read, keeping the one chosen (as the answer arrives: the clerk may have chosen
        another one while it was read)."""
        keep, self.keep = self.keep or self.selected_id(), None
        self.model.set_rows(views)
        overdue = sum(view.overdue for view in views)
        text = tr("{count} recommendations carried over, {overdue} overdue") if query.carried_into else \
            tr("{count} recommendations, {overdue} overdue")
        self.count.setText(text.format(count=len(views), overdue=overdue))
        if keep is not None:
            self._select(keep)
        self.show_selected()

    def selected(self) -> RecommendationView | None:
        """Return the recommendation of the current row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def selected_id(self) -> str | None:
        """Return the id of the chosen recommendation."""
        view = self.selected()
        return None if view is None else view.recommendation.id

    def show_selected(self) -> None:
        """Show the chosen recommendation and offer only the steps its status allows."""
        view = self.selected()
        history = self.context.read(recommendations.history, view.recommendation.id) if view else []
        self.detail.show_recommendation(view, history)
        self._enable()

    def _enable(self) -> None:
        """Offer the steps the chosen recommendation's status allows, and its changes, where the clerk may make
        them (a new one: whoever may edit)."""
        view = self.selected()
        scope = self.context.scope
        changeable = view is not None and scope.may_change_row(view.recommendation.unit_id)
        allowed = TRANSITIONS[view.recommendation.status] if view and changeable else frozenset()
        for status, action in self.step_actions.items():
            action.setEnabled(status in allowed)
        self.new_action.setEnabled(scope.may_edit)
        self.edit_action.setEnabled(changeable)
        self.delete_action.setEnabled(changeable)

    # --- acting -------------------------------------------------------------------------------

    def _run(self, dialog: EditDialog) -> None:
        """Show a dialog; after its edit, keep its recommendation chosen."""
        self.error.clear_error()
        if dialog.exec() and isinstance(dialog.result_value, RecommendationView):
            self.choose(dialog.result_value.recommendation.id)

    def choose(self, recommendation_id: str) -> None:
        """Select a recommendation now if it is listed, else once the list is read again."""
        if not self._select(recommendation_id):
            self.keep = recommendation_id

    def _select(self, recommendation_id: str) -> bool:
        """Select a recommendation's row; return whether it is listed."""
        row = next((row for row, view in enumerate(self.model.rows) if view.recommendation.id == recommendation_id),
                   None)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row is not None

    def raise_new(self) -> None:
        """Record a recommendation residents raised."""
        self._run(RecommendationDialog(self.context, None, self))

    def edit(self) -> None:
        """Correct the chosen recommendation's field, content or due date."""
        view = self.selected()
        if view is not None:
            self._run(RecommendationDialog(self.context, view, self))

    def step(self, status: RecommendationStatus) -> None:
        """Take the chosen recommendation a step, when its status allows it."""
        view = self.selected()
        if view is not None and status in TRANSITIONS[view.recommendation.status]:
            self._run(StepDialog(self.context, view, status, self))

    def delete(self) -> None:
        """Delete the chosen recommendation and its history, after a confirmation (undo brings it back)."""
        view = self.selected()
        if view is None:
            return
        question = tr("Delete this recommendation and its history?\n{summary}").format(summary=summary(view))
        label = tr("Delete the recommendation of {unit}").format(unit=view.unit_name)
        self.context.confirm_edit(self, tr("Delete the recommendation"), question, label,
                                  recommendations.delete_recommendation, view.recommendation.id,
                                  on_refused=self.error.show_error)
