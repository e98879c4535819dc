"""The cadre roster: every cadre with their workload, filtered and sorted, dragged onto the tree to assign."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.changes import HIERARCHY, PEOPLE, RULES
from grassroots_app.domain.model import Tier
from grassroots_app.domain.text import fold
from grassroots_app.services.cadres import get_cadre, offered_tiers
from grassroots_app.services.roster import RosterTable, roster_table
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.flow_layout import FlowLayout
from grassroots_app.ui.shared.row_model import ROW_PADDING
from grassroots_app.ui.shared.widgets import typed_anywhere
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.roster_model import CadreRosterModel, Column, RosterFilter

FILTER_DELAY_MS = 250
WORKPLACE_FILTER_WIDTH = 200
SHOWN = HIERARCHY | PEOPLE | RULES  # the tables this view shows: it refreshes when an edit changed one


class CadreRoster(QWidget):
    """Every cadre with filters, a count, Add and Edit; loads in the background and follows every change."""

    cadre_selected = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CadreRosterModel(self)
        self._loading = False
        self._stale = False
        self._reselect: str | None = None
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self._build()
        self._connect()
        self.reload()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.tier = typed_anywhere(QComboBox())
        self.fill_tiers()
        self.workplace = QLineEdit()
        self.workplace.setPlaceholderText(tr("Workplace contains…"))
        self.workplace.setClearButtonEnabled(True)
        self.standing = QCheckBox(tr("Standing-committee members"))
        self.committee = QCheckBox(tr("Committee members"))
        self.active_only = QCheckBox(tr("Active only"))
        self.unassigned = QCheckBox(tr("Unassigned"))
        self.overloaded = QCheckBox(tr("Overloaded"))
        self.count = QLabel()
        self.table = self._table()
        self.add_button = QPushButton(tr("Add cadre…"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.setEnabled(False)
        self.workplace.setMinimumWidth(WORKPLACE_FILTER_WIDTH)
        filters = FlowLayout()
        for widget in (self.tier, self.workplace, self.standing, self.committee, self.active_only,
                       self.unassigned, self.overloaded):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(self._row(self.count, None, self.add_button, self.edit_button))

    @staticmethod
    def _row(*widgets: QWidget | None) -> QHBoxLayout:
        """Return a row of widgets; None stretches."""
        row = QHBoxLayout()
        for widget in widgets:
            if widget is None:
                row.addStretch(1)
            else:
                row.addWidget(widget)
        return row

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)  # it sorts and filters itself, in bulk
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # fit the rows in sight: 1,000 rows a column froze a national roster
        for column in Column:  # the short columns as wide as their texts, the text columns share the rest
            short = column in (Column.TIER, Column.TARGETS, Column.STATUS)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents if short
                                        else QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        return table

    def _connect(self) -> None:
        for box in (self.standing, self.committee, self.active_only, self.unassigned, self.overloaded):
            box.toggled.connect(self.apply_filter)
        self.tier.currentIndexChanged.connect(self.apply_filter)
        self.workplace.textChanged.connect(self.filter_timer.start)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.edit_cadre)
        offer_menu(self.table, lambda: [self.edit_button, self.add_button])
        self.add_button.clicked.connect(self.add_cadre)
        self.edit_button.clicked.connect(self.edit_cadre)
        on_change(self.context.events, self, SHOWN, self.reload)
        follow(self.context.events.as_of_changed, self, self.reload)
        follow(self.context.events.database_changed, self, self.fill_tiers)
        follow(self.context.events.database_changed, self, self.reload)

    def fill_tiers(self) -> None:
        """Offer the tiers of the database's model in the filter (keeping the one chosen when it is still offered)."""
        chosen = self.tier.currentData()
        blocker = QSignalBlocker(self.tier)
        self.tier.clear()
        self.tier.addItem(tr("All tiers"), None)
        for tier in self.context.read(offered_tiers):
            self.tier.addItem(tr(tier.label), tier.value)
        self.tier.setCurrentIndex(max(self.tier.findData(chosen), 0))
        del blocker
        if self.tier.currentData() != chosen:
            self.apply_filter()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the roster on the chosen day in the background; asked again while loading, load once more after."""
        if self._loading:
            self._stale = True
            return
        self._loading, self._stale = True, False
        self.count.setText(tr("Loading…"))
        self.context.read_later(roster_table, (self.context.as_of,), self._loaded, self._failed, parent=self)

    def _loaded(self, table: RosterTable) -> None:
        self._loading = False
        if self._stale:
            self.reload()
            return
        reselect, self._reselect = self._reselect or self.selected_cadre(), None  # chosen as it arrives
        self.model.set_table(table)
        self._update_count()
        self._selection_changed()  # what the clerk may change, read again with the database
        if reselect is not None:
            self.select_cadre(reselect)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.count.clear()
        self.context.errors.report(error)

    # --- filtering and selecting --------------------------------------------------------------

    def current_filter(self) -> RosterFilter:
        """Return the filter the controls describe."""
        tier = self.tier.currentData()
        return RosterFilter(
            tier=None if tier is None else Tier(tier),
            workplace=fold(self.workplace.text()),
            standing=self.standing.isChecked(),
            committee=self.committee.isChecked(),
            active_only=self.active_only.isChecked(),
            unassigned=self.unassigned.isChecked(),
            overloaded=self.overloaded.isChecked(),
        )

    def apply_filter(self) -> None:
        """Show the cadres that pass the controls' filter."""
        self.filter_timer.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(tr("{shown} of {total} cadres").format(
            shown=self.model.rowCount(), total=self.model.total))

    def selected_cadre(self) -> str | None:
        """Return the id of the cadre selected (the first one when several are)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        first = min(rows, key=lambda index: index.row())
        return self.model.entry(first.row()).id

    def select_cadre(self, cadre_id: str) -> None:
        """Select and show a cadre's row, if the filter lets it through."""
        row = self.model.row_of(cadre_id)
        index = self.model.index(row, 0) if row is not None else QModelIndex()
        if index.isValid():  # that row alone, whichever keys are held (selectRow() would add to a Ctrl selection)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def _selection_changed(self) -> None:
        cadre_id = self.selected_cadre()
        self.add_button.setEnabled(self.context.scope.may_edit)
        self.edit_button.setEnabled(cadre_id is not None and self.context.scope.may_edit)
        self.cadre_selected.emit(cadre_id)

    # --- editing ------------------------------------------------------------------------------

    def add_cadre(self) -> None:
        """Open the dialog to record a new cadre, and select them once shown."""
        dialog = CadreDialog(self.context, None, self)
        if not dialog.exec() or dialog.saved is None:
            return
        if self._loading:
            self._reselect = dialog.saved.id
        else:
            self.select_cadre(dialog.saved.id)

    def edit_cadre(self) -> None:
        """Open the dialog to edit the selected cadre."""
        cadre_id = self.selected_cadre()
        if cadre_id is not None:
            CadreDialog(self.context, self.context.read(get_cadre, cadre_id), self).exec()
