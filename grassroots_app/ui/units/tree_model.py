"""The hierarchy as a lazy Qt item model over plain nodes: units, or clusters of communes, fetched on expand."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from grassroots_app.domain.model import Level
from grassroots_app.services import browse
from grassroots_app.services.browse import ClusterRowView, NodeRow
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr

CADRE_MIME_TYPE = "application/x-grassroots-cadre"
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_COLUMN, KIND_COLUMN, MARK_COLUMN = range(3)
COLUMN_COUNT = 3
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TARGET = _SELECTABLE | Qt.ItemFlag.ItemIsDropEnabled
TARGET_LEVELS = frozenset({Level.COMMUNE, Level.HAMLET, Level.GROUP})
UNCLUSTERED_PREFIX = "unclustered:"

AnyIndex = QModelIndex | QPersistentModelIndex


class NodeKind(Enum):
    """What a row of the tree stands for."""

    UNIT = "unit"
    CLUSTER = "cluster"
    UNCLUSTERED = "unclustered"


@dataclass(eq=False)
class Node:
    """One row of the tree; `children` holds what was fetched so far."""

    kind: NodeKind
    id: str
    name: str
    kind_text: str = ""
    level: Level | None = None
    code: str | None = None
    closed: bool = False
    child_count: int = 0
    parent: Node | None = field(default=None, repr=False)
    children: list[Node] = field(default_factory=list, repr=False)
    fetched: bool = False
    row: int = 0

    @property
    def accepts_cadres(self) -> bool:
        """Return whether a cadre can be put in charge of this row (an open commune, hamlet, group or cluster)."""
        if self.kind is NodeKind.CLUSTER:
            return True
        return self.kind is NodeKind.UNIT and self.level in TARGET_LEVELS and not self.closed


def unit_node(row: NodeRow) -> Node:
    """Return the node of a unit row."""
    return Node(NodeKind.UNIT, row.id, row.name, row.kind, row.level, row.code, row.closed, row.child_count)


def cluster_node(row: ClusterRowView) -> Node:
    """Return the node of a cluster row."""
    return Node(NodeKind.CLUSTER, row.id, row.name, level=Level.CLUSTER, child_count=row.member_count)


def cadre_mime_data(cadre_ids: Iterable[str]) -> QMimeData:
    """Return the drag payload that carries cadres onto the tree."""
    data = QMimeData()
    data.setData(CADRE_MIME_TYPE, "\n".join(cadre_ids).encode("utf-8"))
    return data


def cadre_ids(data: QMimeData) -> list[str]:
    """Return the cadre ids a drag payload carries (none when it carries no cadres)."""
    if not data.hasFormat(CADRE_MIME_TYPE):
        return []
    text = bytes(data.data(CADRE_MIME_TYPE).data()).decode("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _foreground(node: Node, _column: int) -> QBrush | None:
    """Grey out closed units."""
    if not node.closed:
        return None
    return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _font(node: Node, _column: int) -> QFont | None:
    """Set the "Not in a cluster" row in italics."""
    if node.kind is not NodeKind.UNCLUSTERED:
        return None
    font = QFont()
    font.setItalic(True)
    return font


def _alignment(_node: Node, column: int) -> Qt.AlignmentFlag | None:
    """Center the coverage marks."""
    return Qt.AlignmentFlag.AlignCenter if column == MARK_COLUMN else None


class HierarchyModel(QAbstractItemModel):
    """Provinces down to groups (or provinces, clusters, communes, ...), each level read when first expanded."""

    cadre_dropped = Signal(str, str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.as_of: date = context.as_of
        self.show_closed = False
        self.group_by_cluster = False
        self.marks: dict[str, int] | None = None
        self._by_id: dict[str, Node] = {}
        self._readers: dict[int, Callable[[Node, int], Any]] = {
            Qt.ItemDataRole.DisplayRole: self._text,
            Qt.ItemDataRole.ForegroundRole: _foreground,
            Qt.ItemDataRole.FontRole: _font,
            Qt.ItemDataRole.TextAlignmentRole: _alignment,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            NODE_ROLE: lambda node, _column: node,
        }
        self.root = self._new_root()

    # --- settings that change what is shown ---------------------------------------------------------

    def set_as_of(self, day: date) -> None:
        """Show the hierarchy as it stood on another day."""
        if day != self.as_of:
            self.as_of = day
            self.reload()

    def set_show_closed(self, show: bool) -> None:
        """Show or hide closed units (greyed when shown)."""
        if show != self.show_closed:
            self.show_closed = show
            self.reload()

    def set_group_by_cluster(self, grouped: bool) -> None:
        """Group each province's communes under their clusters, or follow the administrative levels."""
        if grouped != self.group_by_cluster:
            self.group_by_cluster = grouped
            self.reload()

    def set_marks(self, marks: dict[str, int] | None) -> None:
        """Show these gap counts in the coverage column (None: not computed yet)."""
        self.marks = marks
        self.refresh_columns(MARK_COLUMN, MARK_COLUMN)

    def refresh_columns(self, first: int = NAME_COLUMN, last: int = MARK_COLUMN) -> None:
        """Tell the views that the texts of some columns changed in every loaded row (and the headers)."""
        for node in self.loaded_nodes():
            if node.children:
                top = self.createIndex(0, first, node.children[0])
                bottom = self.createIndex(len(node.children) - 1, last, node.children[-1])
                self.dataChanged.emit(top, bottom)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, first, last)

    def reload(self) -> None:
        """Read every loaded row again (after an edit or another day), keeping which rows were loaded."""
        loaded = {node.id for node in self.loaded_nodes()}
        self.beginResetModel()
        self._by_id.clear()
        self.root = self._new_root()
        self._reload_below(self.root, loaded)
        self.endResetModel()

    # --- finding rows --------------------------------------------------------------------------------

    def node(self, index: AnyIndex) -> Node | None:
        """Return the node of an index (None for the invisible root)."""
        return index.internalPointer() if index.isValid() else None

    def loaded_nodes(self) -> Iterator[Node]:
        """Yield the invisible root and every node whose children were read, parents before children."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.fetched:
                yield node
                stack.extend(node.children)

    def index_of_id(self, node_id: str) -> QModelIndex:
        """Return the index of a loaded unit or cluster (invalid when it is not loaded)."""
        node = self._by_id.get(node_id)
        return self._index_of(node) if node is not None else QModelIndex()

    def reveal(self, unit_id: str) -> QModelIndex:
        """Fetch the rows down to a unit and return its index (invalid when the tree does not show it).

        In cluster mode the commune on the way is found under its cluster (or "Not in a cluster")
        and districts are passed over.
        """
        chain = [*self.context.read(browse.ancestors, unit_id, self.as_of), unit_id]
        clusters = self.context.read(browse.clusters_of, chain, self.as_of) if self.group_by_cluster else {}
        node = self.root
        for step in chain:
            if step in clusters:
                node = self._step(node, clusters[step]) or node
            node = self._step(node, step) or node
        return self.index_of_id(unit_id)

    # --- QAbstractItemModel --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        """Return the index of a row under a parent (bounds checked here: hasIndex would call back twice)."""
        children = self._node_or_root(parent).children if parent.column() <= 0 else []
        if not (0 <= row < len(children) and 0 <= column < COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        """Return the index of a row's parent (invalid for the provinces)."""
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self.root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        """Return how many rows under a parent are loaded."""
        if parent.column() > 0:
            return 0
        return len(self._node_or_root(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        """Return the number of columns: name, kind, coverage."""
        return COLUMN_COUNT

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        """Return whether a row can be expanded, without reading its children."""
        if parent.column() > 0:
            return False
        node = self._node_or_root(parent)
        return bool(node.children) if node.fetched else node.child_count > 0

    def canFetchMore(self, parent: AnyIndex) -> bool:
        """Return whether a row's children still have to be read."""
        node = self._node_or_root(parent)
        return not node.fetched and node.child_count > 0

    def fetchMore(self, parent: AnyIndex) -> None:
        """Read a row's children."""
        self._fetch(self._node_or_root(parent))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a cell shows (called very often: one dictionary look-up decides)."""
        reader = self._readers.get(role)
        if reader is None or not index.isValid():
            return None
        return reader(index.internalPointer(), index.column())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Name"), tr("Kind"), tr("Coverage"))[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Return what can be done with a row: select it, and drop cadres on targets."""
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        return _TARGET if node.accepts_cadres else _SELECTABLE

    def mimeTypes(self) -> list[str]:
        """Return the drag payloads the tree accepts: cadres."""
        return [CADRE_MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        """Accept cadres dragged as copies (the cadre stays in its list)."""
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Return whether cadres can be dropped there: onto a target row the clerk may assign at, not between rows
        (elsewhere the view shows no drop indicator and refuses the drop)."""
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Announce each dropped cadre with its target; the window then asks for the assignment."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        for cadre_id in cadre_ids(data):
            self.cadre_dropped.emit(cadre_id, target.id)
        return True

    # --- internals -----------------------------------------------------------------------------------

    def _new_root(self) -> Node:
        """Return the invisible root (id "") with the provinces read."""
        root = Node(NodeKind.UNIT, "", "", child_count=1)
        self._attach(root, self._read_children(root))
        return root

    def _node_or_root(self, index: AnyIndex) -> Node:
        return self.node(index) or self.root

    def _index_of(self, node: Node) -> QModelIndex:
        return QModelIndex() if node is self.root else self.createIndex(node.row, 0, node)

    def _fetch(self, node: Node) -> None:
        if node.fetched:
            return
        children = self._read_children(node)
        if not children:
            self._attach(node, children)
            return
        self.beginInsertRows(self._index_of(node), 0, len(children) - 1)
        self._attach(node, children)
        self.endInsertRows()

    def _attach(self, node: Node, children: list[Node]) -> None:
        for row, child in enumerate(children):
            child.parent, child.row = node, row
            self._by_id[child.id] = child
        node.children, node.fetched = children, True

    def _reload_below(self, node: Node, loaded: set[str]) -> None:
        for child in node.children:
            if child.id in loaded and not child.fetched and child.child_count > 0:
                self._attach(child, self._read_children(child))
            self._reload_below(child, loaded)

    def _read_children(self, node: Node) -> list[Node]:
        """Read the rows under a node from the database."""
        if node.kind is NodeKind.CLUSTER:
            return [unit_node(row) for row in self.context.read(browse.cluster_members, node.id, self.as_of)]
        if self.group_by_cluster and node.level is Level.PROVINCE:
            return self._read_clusters(node)
        rows = self.context.read(browse.children, node.id or None, self.as_of, self.show_closed)
        return [unit_node(row) for row in rows]

    def _read_clusters(self, province: Node) -> list[Node]:
        """Read a province's clusters, plus a "Not in a cluster" row holding its other communes."""
        children = [cluster_node(row) for row in self.context.read(browse.clusters_under, province.id, self.as_of)]
        communes = [unit_node(row) for row in self.context.read(browse.unclustered_communes, province.id, self.as_of)]
        if communes:
            others = Node(NodeKind.UNCLUSTERED, UNCLUSTERED_PREFIX + province.id, "", child_count=len(communes))
            self._attach(others, communes)
            children.append(others)
        return children

    def _step(self, node: Node, child_id: str) -> Node | None:
        """Fetch a node's children and return the one with an id (also looking inside "Not in a cluster")."""
        self._fetch(node)
        for child in node.children:
            if child.kind is NodeKind.UNCLUSTERED:
                found = next((grandchild for grandchild in child.children if grandchild.id == child_id), None)
                if found is not None:
                    return found
            elif child.id == child_id:
                return child
        return None

    def _drop_target(self, data: QMimeData, row: int, parent: AnyIndex) -> Node | None:
        """Return the row cadres are dropped onto, or None when the drop is not onto a target row the clerk may
        assign at."""
        node = self.node(parent)
        if row != -1 or node is None or not node.accepts_cadres or not cadre_ids(data):
            return None
        return node if self.context.scope.may_change_row(node.id) else None

    def _text(self, node: Node, column: int) -> str:
        if column == NAME_COLUMN:
            return tr("Not in a cluster") if node.kind is NodeKind.UNCLUSTERED else node.name
        if column == KIND_COLUMN:
            return tr("cluster") if node.kind is NodeKind.CLUSTER else node.kind_text
        return self._mark_text(node)

    def _tooltip(self, node: Node, column: int) -> str | None:
        """Give the whole name of a row, which the tree may elide."""
        return self._text(node, column) if column == NAME_COLUMN else None

    def _mark_text(self, node: Node) -> str:
        if self.marks is None:
            return "…"
        if node.kind is NodeKind.UNCLUSTERED:
            gaps = sum(self.marks.get(child.id, 0) for child in node.children)
        else:
            gaps = self.marks.get(node.id, 0)
        if gaps == 0:
            return "✓"
        return tr("1 gap") if gaps == 1 else tr("{n} gaps").format(n=gaps)
