"""A long table laid out one page at a time: each page gets a table of the rows that fit, under the header row.

reportlab's own LongTable rebuilds the table of all remaining rows at every page break, which grows with the
square of the rows (a province's annex of 18,000 rows took 25 s). Here every row's height is known in advance,
so the rows that fit a page are counted directly and only they become a table.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

Row = list[str]
StyleFor = Callable[[bool], TableStyle]  # the style of a page's table, told whether it ends with the total row


class PagedTable(Flowable):
    """Rows under a header row repeated on every page, never split; the rows of one page make one table."""

    def __init__(self, header: Row, rows: Sequence[Row], heights: Sequence[float], widths: Sequence[float],
                 style_for: StyleFor, has_total: bool, start: int = 0, tops: list[float] | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.heights, self.widths = header, rows, heights, widths  # heights[0]: the header
        self.style_for, self.has_total, self.start = style_for, has_total, start
        # tops[i]: the height of the rows above row i, measured once and shared by the rest of each page break
        self.tops = tops if tops is not None else list(accumulate(heights[1:], initial=0.0))

    def _rest(self, start: int) -> PagedTable:
        """Return the same table from a later row on (a new flowable: reportlab marks the ones it postpones)."""
        return PagedTable(self.header, self.rows, self.heights, self.widths, self.style_for, self.has_total, start,
                          self.tops)

    def _table(self, end: int) -> Table:
        """Return the table of the rows [start, end) under the header."""
        ends_with_total = self.has_total and end == len(self.rows)
        return Table([self.header, *self.rows[self.start:end]], colWidths=list(self.widths),
                     rowHeights=[self.heights[0], *self.heights[self.start + 1:end + 1]],
                     style=self.style_for(ends_with_total))

    def _fitting_end(self, available: float) -> int:
        """Return the end of the remaining rows that fit under the header in a height."""
        room = self.tops[self.start] + available - self.heights[0]
        return max(self.start, bisect_right(self.tops, room) - 1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        """Return the size of all the remaining rows."""
        self.width = sum(self.widths)
        self.height = self.heights[0] + self.tops[-1] - self.tops[self.start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        """Return this page's table and the rest (nothing when not one row fits: the rows go to the next page)."""
        end = self._fitting_end(availHeight)
        if end == self.start:
            return []
        if end == len(self.rows):
            return [self._table(end)]
        return [self._table(end), self._rest(end)]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab API
        """Draw the remaining rows as one table (they fitted)."""
        table = self._table(len(self.rows))
        table.wrapOn(canvas, self.width, self.height)
        table.drawOn(canvas, x, y, _sW)
