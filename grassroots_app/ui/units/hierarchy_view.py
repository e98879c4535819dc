"""The hierarchy tree widget: the lazy model in a tree view that keeps its place when the data is read again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from grassroots_app.domain.changes import HIERARCHY
from grassroots_app.domain.formats import format_date
from grassroots_app.services import browse
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.units.tree_model import KIND_COLUMN, MARK_COLUMN, NAME_COLUMN, HierarchyModel, Node

Place = tuple[list[str], str | None, int]  # the expanded rows, the selected row, the scroll position


SHOWN = HIERARCHY  # the tables this view shows: it refreshes when an edit changed one
COLUMN_PADDING = 24  # a cell's margins, the header's sort arrow and a little air around a column's widest text


def header_title(model: HierarchyModel, column: int) -> str:
    """Return a column's title as the header shows it."""
    return str(model.headerData(column, Qt.Orientation.Horizontal))


class HierarchyTree(QWidget):
    """The tree of units (or clusters); follows edits, undo and the chosen day; accepts dropped cadres."""

    selection_changed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = HierarchyModel(context, self)
        self.view = QTreeView(self)
        self._setup_view()
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.view)
        self._saved: Place = ([], None, 0)
        self._restoring = False
        self.model.modelAboutToBeReset.connect(self._save_place)
        self.model.modelReset.connect(self._restore_place)
        self.model.modelReset.connect(self._explain_empty)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        on_change(context.events, self, SHOWN, self.model.reload)
        follow(context.events.database_changed, self, self.model.reload)
        follow(context.events.as_of_changed, self, self.model.set_as_of)
        self._explain_empty()

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
        # Sized from the texts, not measured row by row: a resize-to-contents header measured the rows on every
        # expand (a third of expanding a province). The clerk may still drag the kind and coverage columns.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)  # a long name is elided
        self._fit_columns()
        self.model.modelReset.connect(self._fit_columns)
        self.model.rowsInserted.connect(self._widen_kind)

    def _fit_columns(self) -> None:
        """Size the kind column to the kinds loaded so far and the coverage column to its widest text."""
        header = self.view.header()
        widest_mark = max(tr("{n} gaps").format(n=99_999), header_title(self.model, MARK_COLUMN), key=len)
        header.resizeSection(MARK_COLUMN, self._text_width(widest_mark))
        kinds = {child.kind_text for node in self.model.loaded_nodes() for child in node.children}
        header.resizeSection(KIND_COLUMN, self._kind_width(kinds, 0))

    def _widen_kind(self, parent: QModelIndex, _first: int, _last: int) -> None:
        """Widen the kind column when newly read rows carry a wider kind (a few distinct texts per expand)."""
        node = self.model.node(parent) or self.model.root
        header = self.view.header()
        kinds = {child.kind_text for child in node.children}
        header.resizeSection(KIND_COLUMN, self._kind_width(kinds, header.sectionSize(KIND_COLUMN)))

    def _kind_width(self, kinds: set[str], now: int) -> int:
        texts = [*kinds, header_title(self.model, KIND_COLUMN), tr("cluster")]
        return max(now, *(self._text_width(text) for text in texts))

    def _text_width(self, text: str) -> int:
        return self.view.fontMetrics().horizontalAdvance(text) + COLUMN_PADDING

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

    def place(self) -> Place:
        """Return where the clerk is: the expanded rows, the selected row and the scroll position."""
        current = self.current_node()
        return self.expanded_ids(), current.id if current else None, self.view.verticalScrollBar().value()

    def go_to(self, place: Place) -> None:
        """Expand the rows of a place (reading them as needed), select its row and scroll back."""
        expanded, current_id, scroll = place
        for node_id in expanded:
            index = self.model.index_of_id(node_id)
            if index.isValid():
                self.model.fetchMore(index)  # now: the rows below may be expanded or selected next
                self.view.expand(index)
        if current_id is not None:
            self.view.setCurrentIndex(self.model.index_of_id(current_id))
        self.view.verticalScrollBar().setValue(scroll)

    def changeEvent(self, event: QEvent) -> None:
        """Show the headers and texts in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.model.refresh_columns()
            self._fit_columns()
            self._explain_empty()
        super().changeEvent(event)

    def _explain_empty(self) -> None:
        """Say why the tree is empty: no unit yet, or none standing on the chosen day."""
        empty = self.model.rowCount() == 0
        self.empty_note.setVisible(empty)
        if not empty:
            return
        day = self.model.as_of
        first = self.context.read(browse.first_day)
        if first is None:
            text = tr("The database has no units yet.")
        elif day < first:
            text = tr("No unit existed yet on {day}: the first one starts on {first}. Choose a later day "
                      "under “As of”, or press Today.").format(day=format_date(day), first=format_date(first))
        else:
            text = tr("No unit stands on {day}.").format(day=format_date(day))
        self.empty_note.setText(text)

    def _save_place(self) -> None:
        self._saved = self.place()
        self._restoring = True

    def _restore_place(self) -> None:
        self.go_to(self._saved)
        self._restoring = False
        self.selection_changed.emit(self.current_node())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.selection_changed.emit(self.model.node(current))
