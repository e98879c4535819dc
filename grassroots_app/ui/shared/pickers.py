"""Fields that find a unit or a cadre as you type (accents optional) and remember the one chosen; the list of
clusters of a day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit, QWidget

from grassroots_app.services import browse, cadres
from grassroots_app.services.workspace import UnitOfWork
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher

DEBOUNCE_MS = 120
LIMIT = 30
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Choice:
    """A record offered while typing: its id, the text the field takes, the line the list shows."""

    id: str
    text: str
    line: str


Finder = Callable[[AppContext, str], list[Choice]]


def _cadre_choices(uow: UnitOfWork, text: str) -> list[Choice]:
    return [Choice(c.id, c.full_name, f"{c.full_name} — {c.position or c.workplace}")
            for c in cadres.find_cadres(uow, text, LIMIT)]


def find_cadres(context: AppContext, text: str) -> list[Choice]:
    """Return the active cadres whose name contains the text."""
    return context.read(_cadre_choices, text)


def find_units(context: AppContext, text: str) -> list[Choice]:
    """Return the units named like the text on the context's day, each shown with its path."""
    return [Choice(hit.id, hit.name, hit.path) for hit in context.read(browse.search, text, context.as_of, LIMIT)]


class LookupField(QLineEdit):
    """Type part of a name, pick a match from the list (Enter takes the first); editing the text forgets it."""

    chosen_changed = Signal(object)

    def __init__(self, context: AppContext, find: Finder, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.finder = context, find
        self.chosen: str | None = None
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        self.suggester = QCompleter(self.matches, self)
        self.suggester.setWidget(self)
        self.suggester.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # the overload by index (the stubs know no overloads of a signal)
        self.suggester.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.textChanged.connect(self._emptied)

    def _edited(self) -> None:
        self._forget()
        self.timer.start()

    def _emptied(self, text: str) -> None:
        if not text:
            self._forget()

    def _forget(self) -> None:
        if self.chosen is not None:
            self.chosen = None
            self.chosen_changed.emit(None)

    def search_now(self) -> None:
        """List the matches of the text at once, the first one highlighted."""
        self.timer.stop()
        text = self.text().strip()
        self.matches.clear()
        for choice in self.finder(self.context, text) if text else []:
            item = QStandardItem(choice.line)
            item.setData(choice.id, ID_ROLE)
            item.setData(choice.text, TEXT_ROLE)
            item.setToolTip(choice.line)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.suggester.complete()
            self.suggestions().setCurrentIndex(self.suggester.completionModel().index(0, 0))
        else:
            self.suggestions().hide()

    def suggestions(self) -> QAbstractItemView:
        """Return the list of matches shown under the field (Qt makes it on first use, never None)."""
        popup = self.suggester.popup()
        assert popup is not None
        return popup

    def _picked(self, index: QModelIndex) -> None:
        self.choose(index.data(ID_ROLE), index.data(TEXT_ROLE))

    def choose(self, record_id: str, text: str) -> None:
        """Take a record as chosen and show its text."""
        self.timer.stop()
        self.setText(text)
        self.chosen = record_id
        self.chosen_changed.emit(record_id)


def unit_field(context: AppContext, parent: QWidget | None = None) -> LookupField:
    """Return a field that finds a unit by name or code."""
    return LookupField(context, find_units, tr("Search units by name or code (accents optional)"), parent)


class ClusterCombo(QComboBox):
    """The clusters of a day ("name (unit)"), read when first shown and again on `refill`, keeping the one chosen.

    `everything` is the text of a first item that chooses no cluster (None: no such item).
    """

    filled = Signal()

    def __init__(self, context: AppContext, day: Callable[[], date], everything: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.day, self.everything = context, day, everything
        if everything is not None:
            self.addItem(everything, None)
        self.refresher = ShownRefresher(self, self._fill)

    def refill(self) -> None:
        """Read the clusters again now if shown, else when next shown."""
        self.refresher.request()

    def _fill(self) -> None:
        chosen = self.currentData()
        blocker = QSignalBlocker(self)
        self.clear()
        if self.everything is not None:
            self.addItem(self.everything, None)
        for cluster_id, name in self.context.read(browse.all_clusters, self.day()):
            self.addItem(name, cluster_id)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        del blocker
        self.filled.emit()
