"""Floor for expanding a row of the hierarchy tree: a bare QTreeView over a QStandardItemModel, no app code.

The model holds the same rows as the app's tree at that moment, as plain items: every level down to the row (each
level's names and kinds, the row's parent expanded) and the row's children; expanding the row and waiting for the
repaint is what is timed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

Rows = Sequence[tuple[str, str]]  # (name, kind) of each row of a level, top to bottom

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView


class _Painted(QObject):
    """Notes a paint event of the watched widget."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Remember a paint."""
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


class BareTree:
    """A tree view holding each level down to a row (`path`: the rows of a level and which one leads on) and,
    under that row, its children; expanded on request."""

    def __init__(self, path: Sequence[tuple[Rows, int]], children: Rows) -> None:
        self.model = QStandardItemModel()
        self.model.setHorizontalHeaderLabels(["Name", "Kind", "Coverage"])
        parent = self.model.invisibleRootItem()
        self.path_items = []
        for rows, chosen in path:
            items = _append(parent, rows)
            self.path_items.append(items[chosen])
            parent = items[chosen]
        _append(parent, children)
        self.view = QTreeView()
        self.view.setUniformRowHeights(True)
        self.view.setModel(self.model)
        self.view.resize(600, 900)
        self.watch = _Painted()
        self.view.viewport().installEventFilter(self.watch)
        self.view.show()
        for item in self.path_items[:-1]:
            self.view.expand(item.index())
        self._paint()

    def _paint(self) -> None:
        self.watch.seen = False
        self.view.viewport().update()
        while not self.watch.seen:
            QApplication.processEvents()

    def expand(self) -> float:
        """Expand the last row of the path and wait for the repaint; return the seconds it took."""
        started = time.perf_counter()
        self.view.expand(self.path_items[-1].index())
        self._paint()
        return time.perf_counter() - started

    def shown_children(self) -> list[str]:
        """Return the names under the expanded row, top to bottom."""
        item = self.path_items[-1]
        return [item.child(row).text() for row in range(item.rowCount())]

    def close(self) -> None:
        """Close the view."""
        self.view.close()
        self.view.deleteLater()


def _append(parent: QStandardItem, rows: Rows) -> list[QStandardItem]:
    """Append rows of three cells under a parent; return their first cells."""
    firsts = []
    for name, kind in rows:
        first = QStandardItem(name)
        parent.appendRow([first, QStandardItem(kind), QStandardItem("✓")])
        firsts.append(first)
    return firsts


def expand_once(path: Sequence[tuple[Rows, int]], children: Rows) -> float:
    """Build a bare tree (untimed), expand the row and return the seconds the expansion and repaint took."""
    tree = BareTree(path, children)
    try:
        return tree.expand()
    finally:
        tree.close()
