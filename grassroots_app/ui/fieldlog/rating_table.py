"""The table of ratings (one row per rated unit, its grade chosen from the four, its optional score) and the
table of the shares of each grade."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_score
from grassroots_app.domain.model import Level
from grassroots_app.domain.ratings import GRADES, Grade, Rating, format_share, good_or_better
from grassroots_app.services.ratings import RatingView
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.row_model import ROW_PADDING

AnyIndex = QModelIndex | QPersistentModelIndex
GRADE_EDITOR_ROOM = 40  # the grade's list box: its arrow and margins


class Column(IntEnum):
    """The columns of the rating table."""

    UNIT = 0
    GRADE = 1
    SCORE = 2
    RATED = 3


TITLES = (N_("Unit"), N_("Grade"), N_("Score (0–100)"), N_("What is rated"))
EDITABLE = (Column.GRADE, Column.SCORE)
LEVEL_TITLES = {Level.COMMUNE.value: N_("Communes"), Level.HAMLET.value: N_("Hamlets")}
RATED = {Level.COMMUNE: N_("the commune's party committee"), Level.HAMLET: N_("the hamlet's cadres, party cell, staff")}


def score_text(score: float | None) -> str:
    """Return a score as written in Vietnamese ("85,5"), or nothing."""
    return "" if score is None else format_score(score)


def parse_score(text: str) -> float | None:
    """Return the score typed ("85,5" or "85.5"; empty: none), or refuse what is not a number."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidInput(N_("Type the score as a number from 0 to 100, such as 85,5.")) from None


class RatingsModel(QAbstractTableModel):
    """Rated units as rows; a grade or a score edited is signalled for the view to store."""

    grade_edited = Signal(int, object)
    score_edited = Signal(int, str)

    def __init__(self, may_change: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views: list[RatingView] = []
        self.may_change = may_change  # whether the clerk may rate a unit (its id)

    def set_views(self, views: list[RatingView]) -> None:
        """Show other units."""
        self.beginResetModel()
        self.views = views
        self.endResetModel()

    def may_rate(self, row: int) -> bool:
        """Return whether the clerk may change the rating of a row's unit."""
        return 0 <= row < len(self.views) and self.may_change(self.views[row].unit_id)

    def offer_edits(self) -> None:
        """Tell the views which cells are editable now (the clerk's scope was read again)."""
        if self.views:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.views) - 1, len(Column) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        """Return the number of units."""
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text (the grade's value and the score's text while editing)."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        view, column = self.views[index.row()], Column(index.column())
        rating = view.rating
        if column is Column.UNIT:
            return view.unit_name
        if column is Column.RATED:
            return tr(RATED.get(view.level, view.level.label))
        if column is Column.GRADE:
            if role == Qt.ItemDataRole.EditRole:
                return None if rating is None else rating.grade.value
            return "—" if rating is None else tr(rating.grade.label)
        return score_text(rating.score if rating else None)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Return that grades and scores can be edited where the clerk may rate the unit."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = index.column() in EDITABLE and self.may_rate(index.row())
        return flags | Qt.ItemFlag.ItemIsEditable if editable else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Pass a grade chosen or a score typed on to the view, which stores it (the rows follow the store)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or value is None:
            return False
        if index.column() == Column.GRADE:
            self.grade_edited.emit(index.row(), Grade(value))
        else:
            self.score_edited.emit(index.row(), str(value))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(TITLES[section])
        return None

    def rated(self, row: int, rating: Rating | None) -> None:
        """Show a row's new rating at once (the list is read again after every change)."""
        self.views[row] = replace(self.views[row], rating=rating)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))


class TypedDelegate(QStyledItemDelegate):
    """Edits a score: what is being typed stays when the row changes meanwhile (an earlier edit done)."""

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802 - Qt's name
        """Fill the editor from the model, unless the clerk has already typed in it."""
        if not (isinstance(editor, QLineEdit) and editor.isModified()):
            super().setEditorData(editor, index)


class GradeDelegate(QStyledItemDelegate):
    """Edits a grade with a list of the four, numbered 1 to 4 so that typing the number picks one."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Return the list of grades."""
        box = QComboBox(parent)
        for number, grade in enumerate(GRADES, start=1):
            box.addItem(f"{number} · {tr(grade.label)}", grade.value)
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Show the unit's grade (the first one when it has none)."""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Store the grade chosen."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def fit_columns(table: QTableView) -> None:
    """Size the columns to their contents, the grade's wide enough for any grade (the first rows may have none)."""
    table.resizeColumnsToContents()
    widest = max(table.fontMetrics().horizontalAdvance(tr(grade.label)) for grade in GRADES)
    table.setColumnWidth(Column.GRADE, max(table.columnWidth(Column.GRADE), widest + GRADE_EDITOR_ROOM))


class SharesTable(QTableWidget):
    """The share of each grade per level rated, "count/total = 85,71 %", and the good-or-better line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(GRADES) + 1, 0, parent)
        self.setVerticalHeaderLabels([tr(grade.label) for grade in GRADES] + [tr("Completed tasks well or better")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_summary(self, summary: dict[str, Any]) -> None:
        """Show the levels of a rating summary (services.ratings.rating_summary), one column each."""
        levels: dict[str, dict[str, Any]] = summary["levels"]
        self.setColumnCount(len(levels))
        for column, (level, figures) in enumerate(levels.items()):
            total = figures["total"]
            title = tr(LEVEL_TITLES.get(level, Level(level).label))
            self.setHorizontalHeaderItem(column, QTableWidgetItem(tr("{level}: {total} rated").format(
                level=title, total=total)))
            counts = [figures[grade.value]["count"] for grade in GRADES]
            good = good_or_better(dict(zip(GRADES, counts, strict=True)))
            for row, count in enumerate([*counts, good]):
                item = QTableWidgetItem(format_share(count, total))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
