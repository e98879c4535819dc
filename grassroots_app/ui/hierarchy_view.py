"""The hierarchy tree widget: the lazy model in a tree view that keeps its place when the data is read again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from grassroots_app.ui.context import AppContext
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.tree_model import HierarchyModel, Node


class HierarchyTree(QWidget):
    """The tree of units (or clusters); follows edits, undo and the chosen day; accepts dropped cadres."""

    selection_changed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HierarchyModel(context, self)
        self.view = QTreeView(self)
        self._setup_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._saved: tuple[list[str], str | None, int] = ([], None, 0)
        self._restoring = False
        self.model.modelAboutToBeReset.connect(self._save_place)
        self.model.modelReset.connect(self._restore_place)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        follow(context.events.data_changed, self, self.model.reload)
        follow(context.events.database_changed, self, self.model.reload)
        follow(context.events.as_of_changed, self, self.model.set_as_of)

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setUniformRowHeights(True)
        view.setAllColumnsShowFocus(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        view.setDefaultDropAction(Qt.DropAction.CopyAction)
        view.setDropIndicatorShown(True)
        view.setAcceptDrops(True)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # fit the rows in sight only: a big province expands fast
        view.verticalScrollBar().valueChanged.connect(lambda _value: header.resizeSections())

    def reload(self) -> None:
        """Read the shown rows again, keeping expansion, selection and scroll position."""
        self.model.reload()

    def current_node(self) -> Node | None:
        """Return the selected row's node, or None."""
        return self.model.node(self.view.currentIndex())

    def expanded_ids(self) -> list[str]:
        """Return the ids of the expanded rows, parents before children."""
        found: list[str] = []
        for node in self.model.loaded_nodes():
            index = self.model.index_of_id(node.id)
            if index.isValid() and self.view.isExpanded(index):
                found.append(node.id)
        return found

    def reveal(self, unit_id: str) -> bool:
        """Expand the rows down to a unit, select it and scroll to it; return whether the tree shows it."""
        index = self.model.reveal(unit_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def changeEvent(self, event: QEvent) -> None:
        """Show the headers and texts in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.model.refresh_columns()
        super().changeEvent(event)

    def _save_place(self) -> None:
        current = self.current_node()
        self._saved = (self.expanded_ids(), current.id if current else None, self.view.verticalScrollBar().value())
        self._restoring = True

    def _restore_place(self) -> None:
        expanded, current_id, scroll = self._saved
        for node_id in expanded:
            index = self.model.index_of_id(node_id)
            if index.isValid():
                self.view.expand(index)
        if current_id is not None:
            self.view.setCurrentIndex(self.model.index_of_id(current_id))
        self.view.verticalScrollBar().setValue(scroll)
        self._restoring = False
        self.selection_changed.emit(self.current_node())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.selection_changed.emit(self.model.node(current))
