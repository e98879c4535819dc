"""The figures of a report: its annexed tables, as the PDF prints them, one at a time in a read-only table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from grassroots_app.domain.reports.model import ReportFigures
from grassroots_app.reports.tables import AnnexTable, CellValue, Kind, annex_tables, cell_text
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.row_model import MAX_COLUMN_WIDTH, read_only_table

AnyIndex = QModelIndex | QPersistentModelIndex
TEXT_ALIGNMENT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
HEADER_PADDING = 18


class AnnexModel(QAbstractTableModel):
    """One annexed table: its rows, then its total row in bold; cells written as the document prints them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: AnnexTable | None = None
        self.lines: tuple[tuple[CellValue, ...], ...] = ()

    def set_table(self, table: AnnexTable | None) -> None:
        """Show another table (None: none)."""
        self.beginResetModel()
        self.table = table
        self.lines = () if table is None else (*table.rows, *([table.total] if table.total else []))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        """Return the number of rows, the total included."""
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        """Return the number of columns."""
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, its alignment, and bold for the total row."""
        if not index.isValid() or self.table is None:
            return None
        kind = self.table.columns[index.column()].kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self.lines[index.row()][index.column()], kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TEXT_ALIGNMENT if kind is Kind.TEXT else NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def is_total(self, row: int) -> bool:
        """Return whether a row is the table's total row."""
        return self.table is not None and self.table.total is not None and row == len(self.table.rows)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column headers of the document (Vietnamese, like the tables themselves)."""
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.table.columns[section].header
        return None


class FiguresView(QWidget):
    """Choose an annexed table, see it; the tables are those the PDF and the Excel file print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables: list[AnnexTable] = []
        self.model = AnnexModel(self)
        self.chooser = QComboBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        label = QLabel(tr("&Table"))
        label.setBuddy(self.chooser)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        self.view = read_only_table(self.model)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.chooser.currentIndexChanged.connect(self._show_table)
        self.show_figures(None)

    def show_figures(self, figures: ReportFigures | None, note: str = "") -> None:
        """Show the tables of a report's figures (None: none yet, with a note saying why)."""
        chosen = max(self.chooser.currentIndex(), 0)
        self.tables = [] if figures is None else annex_tables(figures)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for number, table in enumerate(self.tables, start=1):
            self.chooser.addItem(tr("Annex {number}. {title}").format(number=number, title=table.title))
        self.chooser.setCurrentIndex(min(chosen, len(self.tables) - 1))
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(self.tables))
        self.status.setText(note if figures is None else _summary(figures))
        self._show_table()

    def _show_table(self) -> None:
        index = self.chooser.currentIndex()
        self.model.set_table(self.tables[index] if 0 <= index < len(self.tables) else None)
        self.view.setVisible(self.model.table is not None)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Make each column as wide as its cells, its header wrapped on at most three lines, within a limit."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        lines = 1
        for section, column in enumerate(self.model.table.columns if self.model.table else ()):
            words = column.header.split()
            least = max(max(map(metrics.horizontalAdvance, words)), metrics.horizontalAdvance(column.header) // 3)
            width = min(max(self.view.sizeHintForColumn(section), least + HEADER_PADDING), MAX_COLUMN_WIDTH)
            header.resizeSection(section, width)
            room = QRect(0, 0, width - HEADER_PADDING, metrics.lineSpacing() * 10)
            wrapped = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), column.header).height()
            lines = max(lines, round(wrapped / metrics.lineSpacing()))
        header.setMinimumHeight(metrics.lineSpacing() * lines + HEADER_PADDING // 2)

    def choose_table(self, key: str) -> None:
        """Show the table with a key ("coverage", "attendance"...)."""
        keys = [table.key for table in self.tables]
        self.chooser.setCurrentIndex(keys.index(key))


def _summary(figures: ReportFigures) -> str:
    """Return one line on what the figures cover."""
    return tr("{title}: {communes} communes, {charges} assignments, {recommendations} recommendations "
              "raised in the quarter.").format(title=figures.title, communes=len(figures.communes),
                                               charges=len(figures.charges),
                                               recommendations=figures.recommendations.raised)
