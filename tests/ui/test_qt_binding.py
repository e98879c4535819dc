"""Guard against a Qt binding that miscounts references to what a model returns (PySide6 6.12.0 did so for None,
crashing at exit)."""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

MISCOUNTING_BINDINGS = ("6.12.0",)
ROUND_TRIPS = 1000


class _Token:
    """A value of the test's own: no one else holds or counts references to it."""


class _OneCell(QAbstractTableModel):
    """One cell returning None as its tooltip and the token as its user data."""

    def __init__(self, token: _Token) -> None:
        super().__init__()
        self.token = token

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return self.token if role == Qt.ItemDataRole.UserRole else None


def test_the_binding_is_not_one_known_to_miscount() -> None:
    assert PySide6.__version__ not in MISCOUNTING_BINDINGS


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on: its count stays "
                    "fixed whatever a binding does, and a miscount can no longer free it (the token test still runs)")
def test_returning_none_from_a_model_keeps_none_alive(qapp: object) -> None:
    model = _OneCell(_Token())
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(ROUND_TRIPS):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert sys.getrefcount(None) >= before


def test_an_object_returned_from_a_model_keeps_its_count(qapp: object) -> None:
    """The same round trip with an object whose count can be read on every Python: neither lost nor leaked."""
    token = _Token()
    model = _OneCell(token)
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole) is token
    before = sys.getrefcount(token)
    for _ in range(ROUND_TRIPS):
        assert index.data(Qt.ItemDataRole.UserRole) is token
    assert sys.getrefcount(token) == before
