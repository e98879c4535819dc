"""The roster's model: every cadre's row, sorted and filtered by the model itself, dragged out as a cadre."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from grassroots_app.domain.coverage import fewest_overloading
from grassroots_app.domain.model import CadreStatus, Flag, Tier
from grassroots_app.domain.text import collation_key, fold
from grassroots_app.services.roster import COMMITTEE, PARTY_MEMBER, STANDING, LabelColumn, RosterEntry, RosterTable
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.units.tree_model import CADRE_MIME_TYPE, cadre_mime_data

OVERLOAD_COLOR = QColor("#b00020")
AnyIndex = QModelIndex | QPersistentModelIndex


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


_TIER_RANK = {tier.value: rank for rank, tier in enumerate(Tier)}
_STATUS_RANK = {status.value: rank for rank, status in enumerate(CadreStatus)}


def _label_keys(column: LabelColumn, key: Callable[[str], Any]) -> Callable[[int], Any]:
    """Return the key of a row by a label column, worked out once per distinct label."""
    keys, codes = [key(value) for value in column.values], column.codes
    return lambda rank: keys[codes[rank]]


def _memberships_key(bits: int) -> tuple[bool, bool, bool]:
    """Order the standing-committee members first, then committee members, then party members."""
    return (not bits & STANDING, not bits & COMMITTEE, not bits & PARTY_MEMBER)


def _sort_key(table: RosterTable, column: Column) -> Callable[[int], Any]:
    """Return the key that orders a table's rows by a column other than the name."""
    if column is Column.TIER:
        return _label_keys(table.tiers, _TIER_RANK.__getitem__)
    if column is Column.POSITION:
        return _label_keys(table.positions, collation_key)
    if column is Column.WORKPLACE:
        return _label_keys(table.workplaces, collation_key)
    if column is Column.STATUS:
        return _label_keys(table.statuses, _STATUS_RANK.__getitem__)
    if column is Column.MEMBERSHIPS:
        return lambda rank: _memberships_key(table.memberships[rank])
    return table.targets.__getitem__


class CadreRosterModel(QAbstractTableModel):
    """Roster entries as table rows; their first order (by given name, Vietnamese collation) comes from the service."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = RosterTable.of([], 0)
        # The table's rows shown, top to bottom: a range when all are shown in name order, else an array (not a
        # list: 350,000 rows as 1.4 MB, not 12).
        self._order: Sequence[int] = range(0)
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
        return self._table.entry(self._order[row])

    def row_of(self, cadre_id: str) -> int | None:
        """Return the row showing a cadre, if any."""
        rank = self._table.ids.find(cadre_id)
        try:
            return None if rank is None else self._order.index(rank)
        except ValueError:  # filtered out
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

    def set_table(self, table: RosterTable) -> None:
        """Show a new roster (sorted by name), keeping the column sorted by; the old one is freed at once."""
        self.beginResetModel()
        self._table = table
        self._order = self._sorted_order(*self._sorting)
        self.endResetModel()

    @property
    def total(self) -> int:
        """Return the number of cadres, shown or filtered out."""
        return len(self._table)

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

    def _sorted_order(self, column: Column, order: Qt.SortOrder) -> Sequence[int]:
        descending = order == Qt.SortOrder.DescendingOrder
        ranks = self._filter.rows(self._table)
        if column is Column.NAME:
            return ranks[::-1] if descending else ranks
        return array("I", sorted(ranks, key=_sort_key(self._table, column), reverse=descending))

    def _move_persistent_indexes(self, previous: Sequence[int]) -> None:
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

    def rows(self, table: RosterTable) -> Sequence[int]:
        """Return the rows of a table that pass every chosen condition, in order (all of them: a range, made at once)."""
        if self == RosterFilter():
            return range(len(table))
        rows: Iterable[int] = range(len(table))
        if self.tier is not None:
            rows = _with_label(rows, table.tiers, self.tier.value)
        if self.workplace:
            folded = [self.workplace in fold(place) for place in table.workplaces.values]
            rows = _with_label_where(rows, table.workplaces, folded)
        if self.active_only:
            rows = _with_label(rows, table.statuses, CadreStatus.ACTIVE.value)
        wanted_bits = STANDING * self.standing | COMMITTEE * self.committee
        if wanted_bits:
            bits = table.memberships
            rows = (row for row in rows if bits[row] & wanted_bits == wanted_bits)
        targets, fewest = table.targets, fewest_overloading(table.threshold)
        if self.unassigned:
            rows = (row for row in rows if targets[row] == 0)
        if self.overloaded:
            rows = (row for row in rows if targets[row] >= fewest)
        return array("I", rows)


def _with_label(rows: Iterable[int], column: LabelColumn, value: str) -> Iterator[int]:
    """Keep the rows whose label is this value."""
    return _with_label_where(rows, column, [label == value for label in column.values])


def _with_label_where(rows: Iterable[int], column: LabelColumn, kept: list[bool]) -> Iterator[int]:
    """Keep the rows whose label's number is marked kept."""
    codes = column.codes
    return (row for row in rows if kept[codes[row]])
