"""A layout that lines its widgets up left to right and wraps them onto more rows when the room runs out."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Widgets in rows that wrap, like words in a paragraph (for filter bars in narrow panels)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        """Add an item at the end."""
        self._items.append(item)

    def count(self) -> int:
        """Return the number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        """Return an item, or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        """Remove an item and return it."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        """Grow in neither direction by itself."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        """Return that the height depends on the width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """Return the height the rows take at a width."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        """Place the items in rows within a rectangle."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Return the size of one row of every item."""
        width = sum(item.sizeHint().width() for item in self._items) + self._gap() * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """Return the size of the widest item (each row holds at least one)."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style is not None else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in rows within rect (only measuring unless `move`); return the height used.

        An item that wants to grow (a text field) takes the room left at the end of its row.
        """
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            width = item.sizeHint().width()
            if rows[-1] and used + gap + width > area.width():
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append(item)
        top = area.top()
        for row in rows:
            height = max((item.sizeHint().height() for item in row), default=0)
            if move:
                self._place_row(row, QRect(area.left(), top, area.width(), height), gap)
            top += height + gap
        return top - gap - rect.top() + margins.bottom() if self._items else margins.top() + margins.bottom()

    @staticmethod
    def _place_row(row: list[QLayoutItem], rect: QRect, gap: int) -> None:
        spare = rect.width() - sum(item.sizeHint().width() for item in row) - gap * (len(row) - 1)
        growing = [item for item in row if item.expandingDirections() & Qt.Orientation.Horizontal]
        extra = max(spare, 0) // len(growing) if growing else 0
        x = rect.left()
        for item in row:
            width = min(item.sizeHint().width() + (extra if item in growing else 0), rect.width())
            item.setGeometry(QRect(QPoint(x, rect.top()), QSize(width, rect.height())))
            x += width + gap
