"""The roster's model: every cadre's row, sorted and filtered by the model itself, dragged out as a cadre."""

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
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from grassroots_app.domain.model import CadreStatus, Flag, Tier
from grassroots_app.domain.text import collation_key, fold
from grassroots_app.services.roster import RosterEntry
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import release_gradually
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
