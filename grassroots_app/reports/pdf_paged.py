"""A long table laid out one page at a time and drawn straight on the canvas, the header row on every page.

reportlab's own LongTable rebuilds the table of all remaining rows at every page break, which grows with the
square of the rows (a province's annex of 18,000 rows took 25 s), and even a Table of one page's rows applies its
style to every cell and draws every line as a text object of its own. Here every row's height is known in advance,
so the rows that fit a page are counted directly, and a page's lines are written as one text object placed exactly
where a Table draws them (middle of the row, the paddings, the 0.5 pt grid with round caps and joins).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

Row = list[str]  # cells already broken into lines ("\n")
GRID_WIDTH = 0.5
ROUND = 1  # the line cap and join reportlab's tables use


@dataclass(frozen=True)
class RowStyle:
    """How a kind of row is written: its font, each column's alignment, the paddings above and below the text."""

    font: str
    size: float
    leading: float
    aligns: tuple[str, ...]  # "LEFT", "CENTER" or "RIGHT", one per column
    padding: float  # left and right
    top: float
    bottom: float


@dataclass(frozen=True)
class Layout:
    """What every page of a table shares: column widths and the header, body and total rows' styles."""

    widths: tuple[float, ...]
    header: RowStyle
    body: RowStyle
    total: RowStyle | None  # the last row's style, when it is a total


class PagedTable(Flowable):
    """Rows under a header row repeated on every page, never split; the rows of one page drawn together."""

    def __init__(self, header: Row, rows: Sequence[Row], heights: Sequence[float], layout: Layout,
                 start: int = 0, tops: list[float] | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.heights, self.layout = header, rows, heights, layout  # heights[0]: the header
        self.start, self.hAlign = start, "CENTER"  # placed in the frame as a reportlab Table is
        # tops[i]: the height of the rows above row i, measured once and shared by the rest of each page break
        self.tops = tops if tops is not None else list(accumulate(heights[1:], initial=0.0))

    def _rest(self, start: int) -> PagedTable:
        """Return the same table from a later row on (a new flowable: reportlab marks the ones it postpones)."""
        return PagedTable(self.header, self.rows, self.heights, self.layout, start, self.tops)

    def _page(self, end: int) -> TablePage:
        """Return the page of the rows [start, end) under the header."""
        return TablePage(self, self.start, end)

    def _fitting_end(self, available: float) -> int:
        """Return the end of the remaining rows that fit under the header in a height."""
        room = self.tops[self.start] + available - self.heights[0]
        return max(self.start, bisect_right(self.tops, room) - 1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        """Return the size of all the remaining rows."""
        self.width = sum(self.layout.widths)
        self.height = self.heights[0] + self.tops[-1] - self.tops[self.start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        """Return this page's rows and the rest (nothing when not one row fits: the rows go to the next page)."""
        end = self._fitting_end(availHeight)
        if end == self.start:
            return []
        if end == len(self.rows):
            return [self._page(end)]
        return [self._page(end), self._rest(end)]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab API
        """Draw the remaining rows (they fitted)."""
        self._page(len(self.rows)).drawOn(canvas, x, y, _sW)


class TablePage(Flowable):
    """The header and the rows [start, end) of a paged table, as they stand on one page."""

    def __init__(self, table: PagedTable, start: int, end: int) -> None:
        super().__init__()
        self.table, self.start, self.end, self.hAlign = table, start, end, "CENTER"
        self.width = sum(table.layout.widths)
        self.height = table.heights[0] + table.tops[end] - table.tops[start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        """Return the page's size."""
        return self.width, self.height

    def _styled_rows(self) -> list[tuple[Row, RowStyle, float]]:
        """Return the header and the page's rows, each with its style and height."""
        table, layout = self.table, self.table.layout
        rows = [(table.header, layout.header, table.heights[0])]
        rows += [(table.rows[index], layout.body, table.heights[index + 1]) for index in range(self.start, self.end)]
        if layout.total is not None and self.end == len(table.rows):
            rows[-1] = (rows[-1][0], layout.total, rows[-1][2])
        return rows

    def draw(self) -> None:
        """Write every line of the page's cells as one text object, then the grid over them."""
        canvas, widths = self.canv, self.table.layout.widths
        lefts = list(accumulate(widths, initial=0.0))
        tops = [self.height]
        text = canvas.beginText()
        font: tuple[str, float, float] | None = None
        for row, style, height in self._styled_rows():
            if font != (style.font, style.size, style.leading):
                font = (style.font, style.size, style.leading)
                text.setFont(*font)
            bottom = tops[-1] - height
            for cell, left, width, align in zip(row, lefts[:-1], widths, style.aligns, strict=True):
                write_cell(text, cell, style, align, left, width, bottom, height)
            tops.append(bottom)
        canvas.saveState()
        canvas.setFillColor(black)
        canvas.drawText(text)
        canvas.setStrokeColor(black)
        canvas.setLineWidth(GRID_WIDTH)
        canvas.setLineCap(ROUND)
        canvas.setLineJoin(ROUND)
        draw_grid(canvas, lefts, tops)
        canvas.restoreState()


def draw_grid(canvas: Any, xs: list[float], ys: list[float]) -> None:
    """Stroke the grid line by line in a Table's order, the box first (one path would blend the caps otherwise)."""
    horizontal = [ys[0], ys[-1], *ys[1:-1]]
    vertical = [xs[0], xs[-1], *xs[1:-1]]
    for y in horizontal[:2]:
        canvas.line(xs[0], y, xs[-1], y)
    for x in vertical[:2]:
        canvas.line(x, ys[-1], x, ys[0])
    for y in horizontal[2:]:
        canvas.line(xs[0], y, xs[-1], y)
    for x in vertical[2:]:
        canvas.line(x, ys[-1], x, ys[0])


@lru_cache(maxsize=1 << 16)
def width(line: str, font: str, size: float) -> float:
    """Return the width of a line (figures, dates and titles repeat down a table's centred and right columns)."""
    return stringWidth(line, font, size)


def write_cell(text: Any, cell: str, style: RowStyle, align: str, left: float, cell_width: float, bottom: float,
               height: float) -> None:
    """Write a cell's lines where a Table with VALIGN MIDDLE puts them."""
    if not cell:
        return
    lines = cell.split("\n")
    y = bottom + (style.bottom + height - style.top + len(lines) * style.leading) / 2 - style.size
    for line in lines:
        if align == "LEFT":
            x = left + style.padding
        elif align == "RIGHT":
            x = left + cell_width - style.padding - width(line, style.font, style.size)
        else:
            x = left + cell_width / 2 - width(line, style.font, style.size) / 2
        text.setTextOrigin(x, y)
        text.textLine(line)  # as drawString writes it (textOut would measure the line again to move the cursor)
        y -= style.leading
