"""The panel of the unit or cluster chosen in the tree: details, people in charge, gaps, actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain import hierarchy
from grassroots_app.domain.changes import FIELD_LOG, HIERARCHY, PEOPLE, RULES
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cluster, Level, Unit
from grassroots_app.services import browse, cadres, units
from grassroots_app.services.assignments import get_target
from grassroots_app.services.coverage import CoverageReport, coverage
from grassroots_app.services.setup import require_settings
from grassroots_app.services.workspace import UnitOfWork
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.fieldlog.fieldlog_panel import FieldLogSection
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.shared.context_menu import Entry, offer_menu
from grassroots_app.ui.shared.field_labels import field_label
from grassroots_app.ui.shared.widgets import Dialog, ElidedLabel, ErrorLabel, ok_cancel_buttons, typed_anywhere
from grassroots_app.ui.units.assign_dialog import AssignDialog, EditAssignmentDialog, EndAssignmentDialog
from grassroots_app.ui.units.cluster_dialogs import (
    CloseClusterDialog,
    ClusterCommunesDialog,
    NewClusterDialog,
    RenameClusterDialog,
)
from grassroots_app.ui.units.unit_dialogs import (
    AddUnitDialog,
    AttributesForm,
    CloseUnitDialog,
    MergeUnitDialog,
    MoveUnitDialog,
)

PICKER_MIN_WIDTH, PICKER_MIN_HEIGHT = 520, 360
HOLDER_COLUMNS = (N_("Cadre"), N_("Role"), N_("From"), N_("Until"), N_("Decision"), N_("Reason for ending"))
SHOWN = HIERARCHY | PEOPLE | RULES | FIELD_LOG  # the tables this view shows (its field log section too)


@dataclass(frozen=True)
class PanelData:
    """What the panel shows about one target, read in one go."""

    target_id: str
    level: Level
    name: str
    path: str
    unit: Unit | None
    holders: list[browse.Holder]
    cluster: Cluster | None = None
    owns_clusters: bool = False  # a unit clusters of communes belong to (province or district, by the model)
    kinds: tuple[str, ...] = ()  # the kinds a unit may be given in the model (its own included)
    merges: tuple[units.MergeEntry, ...] = ()  # the merges into or out of a unit, oldest first


def _panel_data(uow: UnitOfWork, target_id: str, on: date) -> PanelData:
    target = get_target(uow, target_id)
    unit = uow.units.get(target_id)
    path = units.unit_path(uow, target_id, on) or target.name
    preset = require_settings(uow).preset
    owns = unit is not None and unit.level is hierarchy.cluster_parent_level(preset)
    kinds = hierarchy.offered_kinds(preset, unit.level, unit.kind) if unit is not None else ()
    merges = tuple(units.merge_history(uow, target_id)) if unit is not None else ()
    return PanelData(target.id, target.level, target.name, path, unit, browse.holders(uow, target_id),
                     uow.clusters.get(target_id), owns, kinds, merges)


class CadrePickerDialog(Dialog):
    """Choose an active cadre by typing part of the name: Enter takes the highlighted one, Down goes into the list."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Choose a cadre"))
        self.setMinimumSize(PICKER_MIN_WIDTH, PICKER_MIN_HEIGHT)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type part of the name (accents optional)"))
        self.filter.installEventFilter(self)
        self.list = QListWidget()
        self.buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self.refresh)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.refresh("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Let Down in the filter go into the list."""
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.list.count():
            self.list.setFocus()
            return True
        return super().eventFilter(watched, event)

    def refresh(self, text: str) -> None:
        """List the cadres matching the text, the first one highlighted."""
        self.list.clear()
        for cadre in self.context.read(cadres.find_cadres, text):
            item = QListWidgetItem(f"{cadre.full_name} — {cadre.position or tr(cadre.tier.label)}")
            item.setData(Qt.ItemDataRole.UserRole, cadre.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.count() > 0)

    def accept(self) -> None:
        """Close with the highlighted cadre (nothing to take: stay open)."""
        if self.chosen() is not None:
            super().accept()

    def chosen(self) -> str | None:
        """Return the id of the highlighted cadre."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class UnitPanel(QWidget):
    """Details of the chosen unit or cluster, who is in charge now and before, the gaps, and actions."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: PanelData | None = None
        self.title = ElidedLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.period = QLabel()
        self._build_details()
        self._build_holders()
        self._build_gaps()
        self._build_history()
        self._build_actions()
        self.field_log = FieldLogSection(context, "unit_panel")
        layout = QVBoxLayout(self)
        for widget in (self.title, self.period, self.details_box, self.holders_box, self.gaps_box, self.history_box):
            layout.addWidget(widget)
        layout.addLayout(self.unit_actions)
        layout.addLayout(self.cluster_actions)
        layout.addWidget(self.field_log)
        on_change(context.events, self, SHOWN, self.refresh)
        follow(context.events.as_of_changed, self, lambda _day: self.refresh())
        self.show_target(None)

    # --- layout -------------------------------------------------------------------------------

    def _build_details(self) -> None:
        self.details_box = QGroupBox(tr("Details"))
        form = QFormLayout(self.details_box)
        self.name = QLineEdit()
        self.kind = typed_anywhere(QComboBox())
        self.code = QLineEdit()
        self.attributes = AttributesForm()
        self.save = QPushButton(tr("Save changes"))
        self.details_error = ErrorLabel()
        form.addRow(field_label("name"), self.name)
        form.addRow(field_label("kind"), self.kind)
        form.addRow(field_label("code"), self.code)
        form.addRow(self.attributes)
        form.addRow(self.details_error)
        form.addRow("", self.save)
        self.save.clicked.connect(self.save_details)

    def _build_holders(self) -> None:
        self.holders_box = QGroupBox(tr("In charge, now and before"))
        self.holders = QTableWidget(0, len(HOLDER_COLUMNS))
        self.holders.setHorizontalHeaderLabels([tr(text) for text in HOLDER_COLUMNS])
        self.holders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.holders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.holders.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.holders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.holders.verticalHeader().hide()
        self.assign_button = QPushButton(tr("Assign a cadre…"))
        self.edit_assignment_button = QPushButton(tr("Edit the assignment…"))
        self.end_button = QPushButton(tr("End the assignment…"))
        buttons = QHBoxLayout()
        for button in (self.assign_button, self.edit_assignment_button, self.end_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self.holders_box)
        layout.addWidget(self.holders)
        layout.addLayout(buttons)
        self.assign_button.clicked.connect(self.assign)
        self.edit_assignment_button.clicked.connect(self.edit_assignment)
        self.end_button.clicked.connect(self.end_assignment)
        self.holders.activated.connect(lambda _index: self.edit_assignment())
        offer_menu(self.holders, lambda: [self.assign_button, self.edit_assignment_button, self.end_button])

    def _build_gaps(self) -> None:
        self.gaps_box = QGroupBox(tr("Gaps here and below"))
        self.gaps = QListWidget()
        layout = QVBoxLayout(self.gaps_box)
        layout.addWidget(self.gaps)

    def _build_history(self) -> None:
        self.history_box = QGroupBox(tr("Merges"))
        self.history = QListWidget()
        layout = QVBoxLayout(self.history_box)
        layout.addWidget(self.history)

    def _build_actions(self) -> None:
        self.unit_actions = QHBoxLayout()
        self.add_button = QPushButton(tr("Add a unit under it…"))
        self.move_button = QPushButton(tr("Move…"))
        self.close_button = QPushButton(tr("Close…"))
        self.merge_button = QPushButton(tr("Merge into…"))
        for button, slot in ((self.add_button, self.add_child), (self.move_button, self.move_unit),
                             (self.close_button, self.close_unit), (self.merge_button, self.merge)):
            self.unit_actions.addWidget(button)
            button.clicked.connect(slot)
        self.unit_actions.addStretch()
        self.cluster_actions = QHBoxLayout()
        self.new_cluster_button = QPushButton(tr("New cluster…"))
        self.rename_cluster_button = QPushButton(tr("Rename…"))
        self.join_button = QPushButton(tr("Add communes…"))
        self.leave_button = QPushButton(tr("Remove communes…"))
        self.close_cluster_button = QPushButton(tr("Close the cluster…"))
        for button, slot in ((self.new_cluster_button, self.new_cluster),
                             (self.rename_cluster_button, self.rename_cluster),
                             (self.join_button, lambda: self.change_communes(True)),
                             (self.leave_button, lambda: self.change_communes(False)),
                             (self.close_cluster_button, self.close_cluster)):
            self.cluster_actions.addWidget(button)
            button.clicked.connect(slot)
        self.cluster_actions.addStretch()

    def menu_entries(self) -> list[Entry]:
        """Return the buttons acting on the shown unit or cluster, for the tree's right-click menu."""
        return [self.add_button, self.move_button, self.close_button, self.merge_button, None,
                self.new_cluster_button, self.rename_cluster_button, self.join_button, self.leave_button,
                self.close_cluster_button, None, self.assign_button]

    # --- showing ------------------------------------------------------------------------------

    def show_target(self, target_id: str | None) -> None:
        """Show a unit or cluster (None: nothing chosen)."""
        self.data = self.context.read(_panel_data, target_id, self.context.as_of) if target_id else None
        self._fill()

    def refresh(self) -> None:
        """Read the shown target again (after an edit, undo or a new date)."""
        if self.data is not None and self.context.read(_exists, self.data.target_id):
            self.show_target(self.data.target_id)
        else:
            self.show_target(None)

    def _fill(self) -> None:
        data = self.data
        for box in (self.details_box, self.holders_box, self.gaps_box):
            box.setVisible(data is not None)
        self.field_log.show_place(data.target_id if data else None, data is not None and data.unit is None)
        if data is None:
            self.history_box.hide()
            self.title.setText(tr("Choose a unit in the tree or search for it."))
            self.period.clear()
            self._enable_actions(None)
            return
        self.title.setText(data.path)
        self._fill_details(data)
        self._fill_holders(data.holders)
        self._fill_history(data.merges)
        self._enable_actions(data)
        self._load_gaps(data)

    def _fill_details(self, data: PanelData) -> None:
        unit = data.unit
        self.details_box.setVisible(unit is not None)
        self.details_error.clear_error()
        shown = unit or data.cluster
        if shown is not None:
            text = tr("{level}, from {start}{end}") if unit else tr("Cluster of communes, from {start}{end}")
            self.period.setText(text.format(
                level=tr(unit.level.label) if unit else "", start=format_date(shown.period.start),
                end=tr(" until {day}").format(day=format_date(shown.period.end)) if shown.period.end else ""))
        if unit is None:
            return
        self.name.setText(unit.name)
        self.kind.clear()
        self.kind.addItems(list(data.kinds))
        self.kind.setCurrentText(unit.kind)
        self.code.setText(unit.code or "")
        self.attributes.set_attributes(unit.attributes)

    def _fill_history(self, merges: tuple[units.MergeEntry, ...]) -> None:
        self.history_box.setVisible(bool(merges))
        self.history.clear()
        for merge in merges:
            text = tr("{day}: {source} merged into {target}").format(
                day=format_date(merge.on), source=merge.source, target=merge.target)
            self.history.addItem(tr("{merge} — {note}").format(merge=text, note=merge.note) if merge.note else text)

    def _fill_holders(self, holders: list[browse.Holder]) -> None:
        self.holders.setRowCount(len(holders))
        for row, holder in enumerate(holders):
            a = holder.assignment
            values = (holder.cadre_name, a.role, format_date(a.period.start), format_date(a.period.end),
                      a.decision.number, a.end_reason)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                if a.period.end is not None:
                    item.setForeground(QBrush(QColor("gray")))
                self.holders.setItem(row, column, item)

    def _enable_actions(self, data: PanelData | None) -> None:
        is_unit = data is not None and data.unit is not None
        open_unit = is_unit and data.unit.period.end is None  # type: ignore[union-attr]
        self.add_button.setEnabled(data is None or (open_unit and hierarchy.takes_children(data.level)))
        for button in (self.move_button, self.close_button, self.merge_button):
            button.setEnabled(bool(open_unit) and not hierarchy.stays_at_top(data.level))  # type: ignore[union-attr]
        self.close_button.setEnabled(bool(open_unit))
        self.assign_button.setEnabled(data is not None and hierarchy.takes_charge(data.level))
        for button in (self.add_button, self.move_button, self.close_button, self.merge_button):
            button.setVisible(data is None or data.cluster is None)
        self.new_cluster_button.setVisible(data is not None and data.owns_clusters)
        self.new_cluster_button.setEnabled(bool(open_unit))
        cluster = data.cluster if data is not None else None
        for button in (self.rename_cluster_button, self.join_button, self.leave_button, self.close_cluster_button):
            button.setVisible(cluster is not None)
            button.setEnabled(cluster is not None and cluster.period.end is None)
        allowed = self.context.scope.may_change(_unit_in_charge(data))
        for button in (self.save, self.edit_assignment_button, self.end_button):
            button.setEnabled(allowed)
        if not allowed:
            for button in self.editing_buttons():
                button.setEnabled(False)

    def editing_buttons(self) -> list[QPushButton]:
        """Return the buttons that change the shown unit or cluster, or add under it."""
        return [self.save, self.add_button, self.move_button, self.close_button, self.merge_button,
                self.assign_button, self.edit_assignment_button, self.end_button, self.new_cluster_button,
                self.rename_cluster_button, self.join_button, self.leave_button, self.close_cluster_button]

    def _load_gaps(self, data: PanelData) -> None:
        self.gaps.clear()
        self.gaps.addItem(tr("Counting…"))
        on, target_id = self.context.as_of, data.target_id
        if data.unit is None:
            self.context.read_later(browse.own_gaps, (target_id, Level.CLUSTER, on),
                                    lambda missing: self._show_cluster_gaps(target_id, missing), parent=self)
            return
        self.context.read_later(coverage, (on, target_id), lambda report: self._show_gaps(target_id, report),
                                parent=self)

    def _show_cluster_gaps(self, target_id: str, missing: int) -> None:
        if self.data is None or self.data.target_id != target_id:
            return
        self.gaps.clear()
        self.gaps.addItem(tr("The cluster lacks its standing-committee member.") if missing else tr("No gaps."))

    def _show_gaps(self, target_id: str, report: CoverageReport) -> None:
        if self.data is None or self.data.target_id != target_id:
            return
        self.gaps.clear()
        for gap in report.gaps_by_path():
            path = report.paths.get(gap.target_id, "")
            self.gaps.addItem(tr("{path} — {role}: {assigned} of {required}").format(
                path=path, role=gap.role, assigned=gap.assigned, required=gap.required))
        if not report.coverage.gaps:
            self.gaps.addItem(tr("No gaps."))

    # --- actions ------------------------------------------------------------------------------

    def save_details(self) -> None:
        """Store the edited name, kind, code and figures."""
        unit = self.data.unit if self.data else None
        if unit is None:
            return
        self.context.edit(tr("Edit {name}").format(name=unit.name), units.edit_unit, unit.id, self.name.text(),
                          self.kind.currentText(), self.code.text(), self.attributes.attributes(),
                          on_refused=self.details_error.show_error, parent=self)

    def selected_assignment(self) -> str | None:
        """Return the id of the assignment selected in the table."""
        items = self.holders.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def assign(self) -> None:
        """Choose a cadre, then assign them here."""
        if self.data is None:
            return
        picker = CadrePickerDialog(self.context, self)
        if picker.exec() and picker.chosen():
            self.open_assign(str(picker.chosen()))

    def open_assign(self, cadre_id: str) -> None:
        """Open the Assign dialog for a cadre on the shown target."""
        if self.data is not None:
            AssignDialog(self.context, cadre_id, self.data.target_id, self).exec()

    def edit_assignment(self) -> None:
        """Open the selected assignment to change its dates, decision or note."""
        chosen = self.selected_assignment()
        if chosen is None:
            self.context.prompter.inform(self, tr("Edit the assignment"), tr("Select an assignment first."))
            return
        EditAssignmentDialog(self.context, chosen, self).exec()

    def end_assignment(self) -> None:
        """End the selected assignment."""
        chosen = self.selected_assignment()
        if chosen is None:
            self.context.prompter.inform(self, tr("End the assignment"), tr("Select an assignment first."))
            return
        EndAssignmentDialog(self.context, chosen, self).exec()

    def add_child(self) -> None:
        """Add a unit under the shown one (or a province when nothing is shown)."""
        AddUnitDialog(self.context, self.data.target_id if self.data else None, self).exec()

    def move_unit(self) -> None:
        """Move the shown unit."""
        if self.data and self.data.unit:
            MoveUnitDialog(self.context, self.data.unit, self).exec()

    def close_unit(self) -> None:
        """Close the shown unit."""
        if self.data and self.data.unit:
            CloseUnitDialog(self.context, self.data.unit, self).exec()

    def merge(self) -> None:
        """Merge the shown unit into another."""
        if self.data and self.data.unit:
            MergeUnitDialog(self.context, self.data.unit, self).exec()

    def new_cluster(self) -> None:
        """Make a cluster of communes under the shown province or district."""
        if self.data and self.data.owns_clusters:
            NewClusterDialog(self.context, self.data.target_id, self).exec()

    def rename_cluster(self) -> None:
        """Rename the shown cluster."""
        if self.data and self.data.cluster:
            RenameClusterDialog(self.context, self.data.cluster, self).exec()

    def change_communes(self, joining: bool) -> None:
        """Put communes in the shown cluster, or take them out."""
        if self.data and self.data.cluster:
            ClusterCommunesDialog(self.context, self.data.cluster, joining, self).exec()

    def close_cluster(self) -> None:
        """Close the shown cluster."""
        if self.data and self.data.cluster:
            CloseClusterDialog(self.context, self.data.cluster, self).exec()


def _unit_in_charge(data: PanelData | None) -> str | None:
    """Return the unit whose scope covers the shown target: the unit itself, a cluster's parent (None: nothing)."""
    if data is None:
        return None
    return data.unit.id if data.unit is not None else data.cluster.parent_id if data.cluster is not None else None


def _exists(uow: UnitOfWork, target_id: str) -> bool:
    return uow.units.get(target_id) is not None or uow.clusters.get(target_id) is not None
