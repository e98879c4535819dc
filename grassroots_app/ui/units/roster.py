"""The cadre roster: every cadre with their workload, filtered and sorted, dragged onto the tree to assign."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
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
from grassroots_app.domain.model import CadreStatus, Flag, Tier
from grassroots_app.domain.text import collation_key, fold
from grassroots_app.services.cadres import get_cadre, offered_tiers
from grassroots_app.services.roster import RosterEntry, roster
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow, release_gradually
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.flow_layout import FlowLayout
from grassroots_app.ui.shared.row_model import ROW_PADDING
from grassroots_app.ui.shared.widgets import typed_anywhere
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.tree_model import CADRE_MIME_TYPE, cadre_mime_data

FILTER_DELAY_MS = 250
WORKPLACE_FILTER_WIDTH = 200
OVERLOAD_COLOR = QColor("#b00020")
AnyIndex = QModelIndex | QPersistentModelIndex


SHOWN = HIERARCHY | PEOPLE | RULES  # the tables this view shows: it refreshes when an edit changed one


class Column(IntEnum):
    """The columns of the roster."""

    NAME = 0
    TIER = 1
    POSITION = 2
    WORKPLACE = 3
    MEMBERSHIPS = 4
    TARGETS = 5
    STATUS = 6


def column_title(column: Column) -> str:
    """Return the translated header of a column."""
    titles = {
        Column.NAME: tr("Full name"),
        Column.TIER: tr("Tier"),
        Column.POSITION: tr("Position"),
        Column.WORKPLACE: tr("Workplace"),
        Column.MEMBERSHIPS: tr("Memberships"),
        Column.TARGETS: tr("Targets"),
        Column.STATUS: tr("Status"),
    }
    return titles[column]


def memberships_text(entry: RosterEntry) -> str:
    """Return a cadre's memberships as translated words joined by commas."""
    held = ((Flag.STANDING, entry.is_standing), (Flag.COMMITTEE, entry.is_committee),
            (Flag.PARTY_MEMBER, entry.is_party_member))
    return ", ".join(tr(flag.label) for flag, has in held if has)


def _display(entry: RosterEntry, column: Column) -> str | int:
    """Return what a cell shows."""
    if column is Column.NAME:
        return entry.full_name
    if column is Column.TIER:
        return tr(entry.tier.label)
    if column is Column.POSITION:
        return entry.position
    if column is Column.WORKPLACE:
        return entry.workplace
    if column is Column.MEMBERSHIPS:
        return memberships_text(entry)
    if column is Column.TARGETS:
        return entry.targets
    return tr(entry.status.label)


def _text_key(cache: dict[str, Any], text: str) -> Any:
    """Return the Vietnamese collation key of a text, computed once per distinct text."""
    key = cache.get(text)
    if key is None:
        key = cache[text] = collation_key(text)
    return key


_TIER_RANK = {tier: rank for rank, tier in enumerate(Tier)}
_STATUS_RANK = {status: rank for rank, status in enumerate(CadreStatus)}


def _sort_key(column: Column) -> Callable[[RosterEntry], Any]:
    """Return the key that orders entries by a column other than the name."""
    cache: dict[str, Any] = {}
    keys: dict[Column, Callable[[RosterEntry], Any]] = {
        Column.TIER: lambda entry: _TIER_RANK[entry.tier],
        Column.POSITION: lambda entry: _text_key(cache, entry.position),
        Column.WORKPLACE: lambda entry: _text_key(cache, entry.workplace),
        Column.MEMBERSHIPS: lambda entry: (-entry.is_standing, -entry.is_committee, -entry.is_party_member),
        Column.TARGETS: lambda entry: entry.targets,
        Column.STATUS: lambda entry: _STATUS_RANK[entry.status],
    }
    return keys[column]


class CadreRosterModel(QAbstractTableModel):
    """Roster entries as table rows; their first order (by given name, Vietnamese collation) comes from the service."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[RosterEntry] = []
        self._order: list[int] = []
        self._workplace_keys: dict[str, str] = {}
        self._sorting = (Column.NAME, Qt.SortOrder.AscendingOrder)
        self._filter = RosterFilter()

    # --- reading ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        """Return the number of cadres (a table has no children)."""
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        """Return the number of columns."""
        return 0 if parent.isValid() else len(Column)

    def entry(self, row: int) -> RosterEntry:
        """Return the entry shown in a row."""
        return self._entries[self._order[row]]

    def row_of(self, cadre_id: str) -> int | None:
        """Return the row showing a cadre, if any."""
        for row, index in enumerate(self._order):
            if self._entries[index].id == cadre_id:
                return row
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, alignment, colour or tooltip."""
        if not index.isValid():
            return None
        entry, column = self.entry(index.row()), Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.TARGETS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.TARGETS and entry.overloaded:
            return QBrush(OVERLOAD_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.TARGETS and entry.overloaded:
            return tr("More targets than the workload threshold allows")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(Column(section))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Return that rows can be selected and dragged."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # --- dragging -----------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        """Return the drag payload type: cadres."""
        return [CADRE_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Return the dragged cadres' ids, one per line, in row order."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return cadre_mime_data(self.entry(row).id for row in rows)

    def supportedDragActions(self) -> Qt.DropAction:
        """Drag cadres as copies: they stay in the roster."""
        return Qt.DropAction.CopyAction

    # --- changing -----------------------------------------------------------------------------

    def set_entries(self, entries: list[RosterEntry]) -> None:
        """Show new entries (sorted by name, owned by the model from now on), keeping the column sorted by."""
        self.beginResetModel()
        previous, self._entries = self._entries, entries
        self._workplace_keys = {}
        self._order = self._sorted_order(*self._sorting)
        self.endResetModel()
        if previous is not entries:
            release_gradually(previous)

    @property
    def total(self) -> int:
        """Return the number of cadres, shown or filtered out."""
        return len(self._entries)

    def set_filter(self, wanted: RosterFilter) -> None:
        """Show only the cadres that pass the filter (filtered in bulk: a per-row proxy is too slow)."""
        self.beginResetModel()
        self._filter = wanted
        self._order = self._sorted_order(*self._sorting)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column, ties by name; names in Vietnamese order by given name."""
        self._sorting = (Column(column), order)
        self.layoutAboutToBeChanged.emit()
        previous, self._order = self._order, self._sorted_order(*self._sorting)
        self._move_persistent_indexes(previous)
        self.layoutChanged.emit()

    def _folded_workplaces(self) -> dict[str, str]:
        """Return each workplace without case or diacritics, folded once, when a filter first needs it."""
        if not self._workplace_keys and self._entries:
            self._workplace_keys = {place: fold(place) for place in {e.workplace for e in self._entries}}
        return self._workplace_keys

    def _sorted_order(self, column: Column, order: Qt.SortOrder) -> list[int]:
        descending = order == Qt.SortOrder.DescendingOrder
        ranks: list[int] = list(range(len(self._entries)))
        if self._filter != RosterFilter():
            entries, keys, wanted = self._entries, self._folded_workplaces(), self._filter
            ranks = [rank for rank in ranks if wanted.accepts(entries[rank], keys[entries[rank].workplace])]
        if column is Column.NAME:
            return ranks[::-1] if descending else ranks
        key = _sort_key(column)
        return sorted(ranks, key=lambda rank: key(self._entries[rank]), reverse=descending)

    def _move_persistent_indexes(self, previous: list[int]) -> None:
        row_of_rank = {rank: row for row, rank in enumerate(self._order)}
        old = self.persistentIndexList()
        new = [self.index(row_of_rank[previous[index.row()]], index.column()) for index in old]
        self.changePersistentIndexList(old, new)


@dataclass(frozen=True)
class RosterFilter:
    """Which cadres the roster shows; `workplace` is folded (no case, no diacritics), like the keys it is sought in."""

    tier: Tier | None = None
    workplace: str = ""
    standing: bool = False
    committee: bool = False
    active_only: bool = False
    unassigned: bool = False
    overloaded: bool = False

    def accepts(self, entry: RosterEntry, workplace_key: str) -> bool:
        """Return whether an entry, whose folded workplace is given, passes every chosen condition."""
        return (
            (self.tier is None or entry.tier is self.tier)
            and self.workplace in workplace_key
            and (not self.standing or entry.is_standing)
            and (not self.committee or entry.is_committee)
            and (not self.active_only or entry.status is CadreStatus.ACTIVE)
            and (not self.unassigned or entry.targets == 0)
            and (not self.overloaded or entry.overloaded)
        )


class CadreRosterProxy(QSortFilterProxyModel):
    """Passes the rows through and has the source model sort and filter itself (it scales to 300,000 rows)."""

    def __init__(self, source: CadreRosterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setSourceModel(source)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort through the source model; the proxy keeps its order."""
        self.source.sort(column, order)


class CadreRoster(QWidget):
    """Every cadre with filters, a count, Add and Edit; loads in the background and follows every change."""

    cadre_selected = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CadreRosterModel(self)
        self.proxy = CadreRosterProxy(self.model, self)
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
        table.setModel(self.proxy)
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
        self._reselect = self._reselect or self.selected_cadre()
        self.count.setText(tr("Loading…"))
        self.context.read_later(roster, (self.context.as_of,), self._loaded, self._failed, parent=self)

    def _loaded(self, entries: list[RosterEntry]) -> None:
        self._loading = False
        if self._stale:
            self.reload()
            return
        self.model.set_entries(entries)
        self._update_count()
        if self._reselect is not None:
            self.select_cadre(self._reselect)
        self._reselect = None

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
        return self.model.entry(self.proxy.mapToSource(first).row()).id

    def select_cadre(self, cadre_id: str) -> None:
        """Select and show a cadre's row, if the filter lets it through."""
        row = self.model.row_of(cadre_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _selection_changed(self) -> None:
        cadre_id = self.selected_cadre()
        self.edit_button.setEnabled(cadre_id is not None)
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
