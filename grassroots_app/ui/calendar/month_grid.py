"""The calendar's month grid: a cell per day with its meeting-free day, holiday, meetings and visits."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from grassroots_app.domain.calendar import DayKind
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date, format_day_month, format_time
from grassroots_app.domain.meetings import Meeting
from grassroots_app.services.agenda import DayCell, MonthOverview
from grassroots_app.ui.i18n import tr

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
DAY_NAMES = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
             N_("Sunday"))
CELL_SIZE = QSize(120, 96)
PADDING = 4
FREE_BACKGROUND = QColor("#dcf2dc")
OFF_BACKGROUND = QColor("#fde4e4")
WEEKEND_BACKGROUND = QColor("#f3f3f3")
OTHER_MONTH_BACKGROUND = QColor("#fafafa")
FREE_TEXT = QColor("#1b5e20")
HOLIDAY_TEXT = QColor("#c62828")
WORKING_TEXT = QColor("#1565c0")
MEETING_TEXT = QColor("#0d47a1")
CONFLICT_TEXT = QColor("#e65100")
QUIET_TEXT = QColor("#757575")
SELECTED_BORDER = QColor("#1565c0")
SELECTED_WIDTH = 3
RING_MARGIN = 3  # between today's number and its circle
RING_WIDTH = 2


def day_title(day: date) -> str:
    """Return a day as shown above its details: 'Friday, 09/10/2026'."""
    return tr("{weekday}, {day}").format(weekday=tr(DAY_NAMES[day.weekday()]), day=format_date(day))


def _cell_lines(cell: DayCell) -> list[tuple[str, QColor, bool]]:
    """Return the lines a cell shows under its number: (text, colour, bold)."""
    lines: list[tuple[str, QColor, bool]] = []
    if cell.free_day is not None:
        lines.append((tr("Base day"), FREE_TEXT, True))
        if cell.free_day.moved_from is not None:
            lines.append((tr("moved from {day}").format(day=format_day_month(cell.free_day.moved_from)),
                          FREE_TEXT, False))
    if cell.holiday is not None:
        working = cell.holiday.kind is DayKind.WORKING_DAY
        text = tr("Working day") if working else cell.holiday.name
        lines.append((text, WORKING_TEXT if working else HOLIDAY_TEXT, False))
    lines += [(meeting_line(meeting, cell.day), MEETING_TEXT, False) for meeting in cell.meetings]
    if cell.visits:
        lines.append((tr("Visits: {count}").format(count=cell.visits), QUIET_TEXT, False))
    return lines


def meeting_line(meeting: Meeting, day: date) -> str:
    """Return a meeting as a cell shows it: its start time, or an arrow on the days it continues."""
    return f"{format_time(meeting.start)} {meeting.title}" if meeting.start.date() == day else f"↳ {meeting.title}"


def describe_cell(cell: DayCell) -> str:
    """Return a cell's content in words (tooltip and screen readers)."""
    parts = [day_title(cell.day)]
    parts += [text for text, _colour, _bold in _cell_lines(cell)]
    if cell.conflicts:
        parts.append(tr("Conflicts: {count}").format(count=cell.conflicts))
    return "\n".join(parts)


class MonthModel(QAbstractTableModel):
    """The weeks of a month overview as rows, Monday to Sunday as columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: MonthOverview | None = None

    def set_overview(self, overview: MonthOverview) -> None:
        """Show another month (or the same one, read again)."""
        self.beginResetModel()
        self.overview = overview
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of weeks shown."""
        return 0 if parent.isValid() or self.overview is None else len(self.overview.weeks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the days of a week."""
        return 0 if parent.isValid() else 7

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> DayCell | None:
        """Return the cell at an index."""
        if self.overview is None or not index.isValid():
            return None
        return self.overview.weeks[index.row()][index.column()]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's day number or its description."""
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.day.day)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe_cell(cell)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the weekday names."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(WEEKDAYS[section])
        return None

    def index_of(self, day: date) -> QModelIndex:
        """Return the index of a day shown in the grid (invalid when it is not shown)."""
        for row, week in enumerate(self.overview.weeks if self.overview else ()):
            for column, cell in enumerate(week):
                if cell.day == day:
                    return self.index(row, column)
        return QModelIndex()


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, the base-day and holiday marks, its meetings, conflicts and visits."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        """Return the size of a day cell."""
        return CELL_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw one day."""
        model = index.model()
        # The cell is read from the model, not through a QVariant: PySide6 miscounts references to
        # Python objects carried in item data, which crashed the interpreter at exit.
        cell = model.cell(index) if isinstance(model, MonthModel) else None
        if cell is None:
            return
        painter.save()
        rect = option.rect
        painter.fillRect(rect, _background(cell))
        area = rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        top = self._paint_header(painter, option, area, cell)
        self._paint_lines(painter, option, QRect(area.left(), top, area.width(), area.bottom() - top), cell)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(SELECTED_BORDER, SELECTED_WIDTH))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, area: QRect, cell: DayCell) -> int:
        font = day_number_font(option.font)
        painter.setFont(font)
        off = cell.holiday is not None and cell.holiday.kind is DayKind.DAY_OFF
        painter.setPen(QUIET_TEXT if not cell.in_month else HOLIDAY_TEXT if off else QColor("#212121"))
        ring, number = today_ring(option.rect, str(cell.day.day), QFontMetrics(font))
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(cell.day.day))
        if cell.day == self.today:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(SELECTED_BORDER, RING_WIDTH))
            painter.drawEllipse(ring.adjusted(1, 1, -1, -1))
        if cell.conflicts:
            painter.setPen(CONFLICT_TEXT)
            painter.drawText(QRect(area.left(), ring.top(), area.width(), ring.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"⚠ {cell.conflicts}")
        return ring.bottom() + 1

    def _paint_lines(self, painter: QPainter, option: QStyleOptionViewItem, area: QRect, cell: DayCell) -> None:
        base = QFont(option.font)
        base.setPointSizeF(base.pointSizeF() * 0.9)
        height = QFontMetrics(base).height()
        lines = _cell_lines(cell)
        room = max(area.height() // height, 0)
        if len(lines) > room > 0:
            lines = [*lines[:room - 1], (tr("+{count} more").format(count=len(lines) - room + 1), QUIET_TEXT, False)]
        for number, (text, colour, bold) in enumerate(lines[:room]):
            font = QFont(base)
            font.setBold(bold)
            painter.setFont(font)
            painter.setPen(colour if cell.in_month else QUIET_TEXT)
            line = QRect(area.left(), area.top() + number * height, area.width(), height)
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, line.width())
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


def day_number_font(base: QFont) -> QFont:
    """Return the font of the day numbers, from the grid's font."""
    font = QFont(base)
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    return font


def today_ring(cell: QRect, number: str, metrics: QFontMetrics) -> tuple[QRect, QRect]:
    """Return the circle around a day's number and the number's box, both clear of the cell's selection frame."""
    inset = PADDING
    room = min(cell.width(), cell.height()) - 2 * inset
    diameter = min(max(metrics.horizontalAdvance(number), metrics.height()) + 2 * RING_MARGIN, room)
    ring = QRect(cell.left() + inset, cell.top() + inset, diameter, diameter)
    text = QRect(0, 0, metrics.horizontalAdvance(number), metrics.height())
    text.moveCenter(ring.center())
    return ring, text


def _background(cell: DayCell) -> QColor:
    if not cell.in_month:
        return OTHER_MONTH_BACKGROUND
    if cell.free_day is not None:
        return FREE_BACKGROUND
    if cell.holiday is not None and cell.holiday.kind is DayKind.DAY_OFF:
        return OFF_BACKGROUND
    return WEEKEND_BACKGROUND if not cell.working else QColor("white")


class MonthGrid(QTableView):
    """The month grid; Page Up and Page Down step through the months."""

    month_step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Turn Page Up and Page Down into a month back or forward."""
        steps = {Qt.Key.Key_PageUp.value: -1, Qt.Key.Key_PageDown.value: 1}
        if event.key() in steps:
            self.month_step.emit(steps[event.key()])
            return
        super().keyPressEvent(event)
