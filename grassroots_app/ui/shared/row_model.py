"""Read-only tables of plain rows described by their columns, sortable, read in the background, warnings in red."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from grassroots_app.domain.text import collation_key
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.settings import WindowSettings

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
WARNING_COLOR = QColor("#b00020")
ROW_PADDING = 6
MAX_COLUMN_WIDTH = 320
LONG_TIP = 80  # characters: a longer tooltip is given as rich text, which Qt wraps


def wrapped_tip(text: str) -> str:
    """Return a tooltip Qt wraps at a readable width (rich text), not one line wider than the screen (a long note)."""
    if len(text) <= LONG_TIP:
        return text
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column: its English title, a row's text, and optionally its sort key, tooltip and alignment."""

    title: str
    text: Callable[[T], str]
    key: Callable[[T], Any] | None = None  # None: the text in Vietnamese order
    tip: Callable[[T], str] | None = None
    numeric: bool = False
    path: bool = False  # a unit's path: cut on the left when too long, so its own name stays in view


class PathDelegate(QStyledItemDelegate):
    """Draws a path cut on the left ("…/ Bản 4 / Tổ 5"): the end names the unit, the start is the province."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802 - Qt override
        """Elide the text on the left."""
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one kind, one a line; `warn` marks the rows to show in red."""

    def __init__(self, columns: Sequence[Column[T]], warn: Callable[[T], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.warn = warn
        self.rows: list[T] = []
        self.sorting: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show other rows, in the order last chosen by a column (else as given)."""
        self.beginResetModel()
        self.rows = list(rows)
        if self.sorting is not None:
            self._sort_rows(*self.sorting)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        """Return the number of rows (a table has no children)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, tooltip, alignment or colour."""
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return wrapped_tip(column.tip(row) if column.tip else column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.warn is not None and self.warn(row):
            return QBrush(WARNING_COLOR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the translated column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section].title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (text in Vietnamese order); equal rows keep their order."""
        self.sorting = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        chosen = self.columns[column]
        key = chosen.key or (lambda row: collation_key(chosen.text(row)))
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def read_only_table(model: QAbstractItemModel) -> QTableView:
    """Return a compact read-only table of a model: whole rows selected, one line a row, the last column stretched."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def rows_table(model: RowsModel[Any], settings: WindowSettings, name: str,
               order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)) -> QTableView:
    """Return a compact read-only table of the model, sorted by a column; it remembers its columns under a name."""
    table = read_only_table(model)
    for number, column in enumerate(model.columns):
        if column.path:
            table.setItemDelegateForColumn(number, PathDelegate(table))
    header = table.horizontalHeader()
    state = settings.blob(name)

    def remember() -> None:
        """From now on, keep the widths and the order the user gives the columns."""
        for signal in (header.sectionResized, header.sortIndicatorChanged):
            signal.connect(lambda *_args: settings.set_blob(name, header.saveState()))

    if state is None:
        header.setSortIndicator(*order)
        _fit_when_filled(table, model, remember)
    else:
        header.restoreState(state)
        remember()
    table.setSortingEnabled(True)
    return table


def _fit_when_filled(table: QTableView, model: RowsModel[Any], then: Callable[[], None]) -> None:
    """Size the columns to their contents (at most MAX_COLUMN_WIDTH) the first time rows arrive, then call `then`."""

    def fit() -> None:
        if not model.rows:
            return
        model.modelReset.disconnect(fit)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for section in range(header.count()):
            header.resizeSection(section, min(header.sectionSize(section), MAX_COLUMN_WIDTH))
        then()

    model.modelReset.connect(fit)


class LatestRead:
    """Starts reads in a worker process for a widget and hands over only the answer to the latest one."""

    def __init__(self, context: AppContext, owner: QWidget) -> None:
        self.context, self.owner = context, owner
        self.request = 0

    def start(self, query: Callable[..., T], args: tuple[Any, ...], on_success: Callable[[T], None],
              on_failure: Callable[[BaseException], None] | None = None, label: str | None = None,
              on_thread: bool = False) -> None:
        """Read in the background (with a label: a progress dialog; `on_thread`: a light read on a worker thread,
        see AppContext.read_on_thread); an answer overtaken by a newer request is dropped, a failure handed to
        `on_failure` or else reported."""
        self.request += 1
        request = self.request

        def succeeded(result: T) -> None:
            if request == self.request:
                on_success(result)

        def failed(error: BaseException) -> None:
            if request == self.request:
                (on_failure or self.context.errors.report)(error)

        if on_thread:
            self.context.read_on_thread(query, args, succeeded, failed, self.owner)
        else:
            self.context.read_later(query, args, succeeded, failed, label, self.owner)

    def cancel(self) -> None:
        """Drop the answers still on their way."""
        self.request += 1
