"""Guard against a Qt binding that miscounts references to None (PySide6 6.12.0 did, crashing at exit)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class _Empty(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


def test_returning_none_from_a_model_keeps_none_alive(qapp: object) -> None:
    model = _Empty()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(1000):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert sys.getrefcount(None) >= before
