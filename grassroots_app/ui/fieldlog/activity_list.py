"""The activities recorded, filtered by period, place, cadre and kind; edit or delete them (undoably)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from grassroots_app.domain.activities import ActivityFilter, ActivityKind
from grassroots_app.domain.changes import HIERARCHY, PEOPLE
from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.text import natural_key, person_sort_key
from grassroots_app.services.activities import ActivityView, delete_activities, edit_activity, list_activities
from grassroots_app.ui.context import AppContext, on_change, on_scope
from grassroots_app.ui.fieldlog.activity_form import ActivityFields, CadreLookup
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, follow
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.period_chooser import PeriodChooser
from grassroots_app.ui.shared.pickers import ClusterCombo, unit_field
from grassroots_app.ui.shared.row_model import Column, LatestRead, RowsModel, rows_table
from grassroots_app.ui.shared.widgets import EditDialog, typed_anywhere

LIST_LIMIT = 2000

ACTIVITY_COLUMNS: tuple[Column[ActivityView], ...] = (
    Column(N_("Date"), lambda view: format_date(view.activity.day), key=lambda view: view.activity.day),
    Column(N_("Cadre"), lambda view: view.cadre_name, key=lambda view: person_sort_key(view.cadre_name)),
    Column(N_("Target"), lambda view: view.target_path, key=lambda view: natural_key(view.target_path), path=True),
    Column(N_("Activity"), lambda view: tr(view.activity.kind.label)),
    Column(N_("Minutes"), lambda view: str(view.activity.duration_minutes or ""),
           key=lambda view: view.activity.duration_minutes, numeric=True),
    Column(N_("Planned"), lambda view: "✓" if view.planned else "", key=lambda view: view.planned,
           tip=lambda view: tr("Fulfils a visit of the base-day plan") if view.planned else ""),
    Column(N_("Notes"), lambda view: view.activity.notes),
)


SHOWN = HIERARCHY | PEOPLE | {"activity"}  # the tables this view shows: it refreshes when an edit changed one


def activity_label(view: ActivityView) -> str:
    """Return how an activity is named in questions and in the Edit menu."""
    return tr("the activity of {name} on {day}").format(name=view.cadre_name, day=format_date(view.activity.day))


class EditActivityDialog(EditDialog):
    """Correct a recorded activity."""

    def __init__(self, context: AppContext, view: ActivityView, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Edit the activity"), parent)
        self.view = view
        self.fields = ActivityFields(context, view.activity.day)
        self.fields.show_activity(view)
        self.form.addRow(self.fields)

    def submit(self) -> None:
        """Store the corrected activity."""
        try:
            activity = self.fields.edited(self.view.activity)
        except DomainError as error:
            self.error.show_error(error)
            return
        label = tr("Edit {activity}").format(activity=activity_label(self.view))
        self.run_edit(label, edit_activity, activity)


class ActivityList(QWidget):
    """The activities of a period, filtered; read in the background while shown, newest first."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = LatestRead(context, self)
        self.model = RowsModel(ACTIVITY_COLUMNS, parent=self)
        self.table = rows_table(self.model, context.settings, "fieldlog/activity_columns",
                                (0, Qt.SortOrder.DescendingOrder))
        self.count = QLabel()
        self._build_filters()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.refresher = ShownRefresher(self, self.reload)
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self._database_changed)

    def _build_filters(self) -> None:
        self.period = PeriodChooser(self.context.as_of)
        self.cluster = ClusterCombo(self.context, lambda: self.context.as_of, tr("All clusters"))
        self.unit = unit_field(self.context)
        self.cadre = CadreLookup(self.context)
        self.kind = typed_anywhere(QComboBox())
        self.kind.addItem(tr("All kinds"), None)
        for kind in ActivityKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.filters = QGridLayout()
        placed = ((tr("Period"), self.period, 0, 0), (tr("Activity"), self.kind, 0, 2),
                  (tr("Cluster"), self.cluster, 1, 0), (tr("Under the unit"), self.unit, 1, 2),
                  (tr("Cadre"), self.cadre, 1, 4))
        for text, field, row, column in placed:
            self.filters.addWidget(QLabel(text), row, column)
            self.filters.addWidget(field, row, column + 1)
        for column in (1, 3, 5):
            self.filters.setColumnStretch(column, 1)
        self.period.changed.connect(self.reload)
        for combo in (self.cluster, self.kind):
            combo.currentIndexChanged.connect(self.reload)
        for lookup in (self.unit, self.cadre):
            lookup.chosen_changed.connect(self.reload)

    def _build_actions(self) -> None:
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.setToolTip(tr("Edit the selected activity (F2)"))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected activities (Del)"))
        for button, slot, key in ((self.edit_button, self.edit_selected, QKeySequence("F2")),
                                  (self.delete_button, self.delete_selected, QKeySequence.StandardKey.Delete)):
            button.clicked.connect(slot)
            action = QAction(self.table)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(button.click)  # does nothing while the button is disabled
            self.table.addAction(action)
        self.table.activated.connect(lambda _index: self.edit_button.click())
        offer_menu(self.table, lambda: [self.edit_button, self.delete_button])
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.count, 1)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.delete_button)
        on_scope(self.context.events, self, self._enable)

    def _database_changed(self) -> None:
        self.cluster.refill()
        self.refresher.request()

    # --- reading ------------------------------------------------------------------------------

    def current_filter(self) -> ActivityFilter:
        """Return the filter the controls describe."""
        start, end = self.period.bounds()
        kind = self.kind.currentData()
        return ActivityFilter(start, end, self.cadre.chosen, self.unit.chosen, self.cluster.currentData(),
                              None if kind is None else ActivityKind(kind))

    def reload(self) -> None:
        """Read the activities the filters ask for, in the background."""
        self.count.setText(tr("Reading…"))
        self.reads.start(list_activities, (self.current_filter(), LIST_LIMIT + 1), self._show)

    def _show(self, views: list[ActivityView]) -> None:
        self.model.set_rows(views[:LIST_LIMIT])
        if len(views) > LIST_LIMIT:
            self.count.setText(tr("The newest {count} activities; narrow the filters to see the others.").format(
                count=LIST_LIMIT))
        else:
            self.count.setText(tr("{count} activities").format(count=len(views)))
        self._enable()

    # --- acting -------------------------------------------------------------------------------

    def selected(self) -> list[ActivityView]:
        """Return the activities selected, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[row] for row in rows]

    def _enable(self) -> None:
        """Offer editing one activity and deleting the selected ones, where the clerk may change them all."""
        chosen = self.selected()
        allowed = all(self.context.scope.may_change_row(view.activity.target_id) for view in chosen)
        self.edit_button.setEnabled(len(chosen) == 1 and allowed)
        self.delete_button.setEnabled(bool(chosen) and allowed)

    def edit_selected(self) -> None:
        """Open the dialog that corrects the selected activity."""
        chosen = self.selected()
        if len(chosen) == 1:
            EditActivityDialog(self.context, chosen[0], self).exec()

    def delete_selected(self) -> None:
        """Delete the selected activities after a confirmation, as one step to undo."""
        chosen = self.selected()
        if not chosen:
            return
        if len(chosen) == 1:
            label = tr("Delete {activity}").format(activity=activity_label(chosen[0]))
            question = tr("Delete {activity} at {target}?").format(
                activity=activity_label(chosen[0]), target=chosen[0].target_path)
        else:
            label = tr("Delete {count} activities").format(count=len(chosen))
            question = tr("Delete the {count} selected activities?").format(count=len(chosen))
        ids = [view.activity.id for view in chosen]
        self.context.confirm_edit(self, tr("Delete activities"), question, label, delete_activities, ids)
