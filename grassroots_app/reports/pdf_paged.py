"""A long table laid out one page at a time: each page gets a table of the rows that fit, under the header row.

reportlab's own LongTable rebuilds the table of all remaining rows at every page break, which grows with the
square of the rows (a province's annex of 18,000 rows took 25 s). Here every row's height is known in advance,
so the rows that fit a page are counted directly and only they become a table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

Row = list[str]
StyleFor = Callable[[bool], TableStyle]  # the style of a page's table, told whether it ends with the total row


class PagedTable(Flowable):
    """Rows under a header row repeated on every page, never split; the rows of one page make one table."""

    def __init__(self, header: Row, rows: Sequence[Row], heights: Sequence[float], widths: Sequence[float],
                 style_for: StyleFor, has_total: bool, start: int = 0) -> None:
        super().__init__()
        self.header, self.rows, self.heights, self.widths = header, rows, heights, widths  # heights[0]: the header
        self.style_for, self.has_total, self.start = style_for, has_total, start

    def _table(self, end: int) -> Table:
        """Return the table of the rows [start, end) under the header."""
        ends_with_total = self.has_total and end == len(self.rows)
        return Table([self.header, *self.rows[self.start:end]], colWidths=list(self.widths),
                     rowHeights=[self.heights[0], *self.heights[self.start + 1:end + 1]],
                     style=self.style_for(ends_with_total))

    def _fitting(self, available: float) -> int:
        """Return how many of the remaining rows fit under the header in a height."""
        used, count = self.heights[0], 0
        for height in self.heights[self.start + 1:]:
            used += height
            if used > available:
                break
            count += 1
        return count

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        """Return the size of all the remaining rows."""
        self.width, self.height = sum(self.widths), self.heights[0] + sum(self.heights[self.start + 1:])
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        """Return this page's table and the rest (nothing when not one row fits: the rows go to the next page)."""
        count = self._fitting(availHeight)
        if count == 0:
            return []
        end = self.start + count
        if end == len(self.rows):
            return [self._table(end)]
        rest = PagedTable(self.header, self.rows, self.heights, self.widths, self.style_for, self.has_total, end)
        return [self._table(end), rest]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab API
        """Draw the remaining rows as one table (they fitted)."""
        table = self._table(len(self.rows))
        table.wrapOn(canvas, self.width, self.height)
        table.drawOn(canvas, x, y, _sW)
