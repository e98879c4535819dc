"""Floor for the report's PDF: reportlab alone drawing the same table cells on the same A4 pages.

Given each annexed table as plain strings (the header, the rows, the column widths and alignments, which columns
wrap), it wraps the text cells with reportlab's `simpleSplit`, breaks the rows across pages under the repeated
header and draws each line with `drawString` and the grid with `canvas.grid`, in the same embedded Liberation
Serif faces and sizes. No application code: the strings are taken from the app's figures once, outside the timing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR, BOLD = "FloorSerif", "FloorSerif-Bold"
SIZE, LEADING = 10.5, 12.5
PAD_X, PAD_TOP, PAD_BOTTOM = 2, 3, 4
WIDTH, HEIGHT = A4
LEFT, TOP, BOTTOM = 30 * mm, 20 * mm, 20 * mm


@dataclass(frozen=True)
class PlainTable:
    """One table as plain strings: header titles, rows of cells, widths in points, "LEFT"/"CENTER"/"RIGHT"."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float]
    aligns: list[str]
    wraps: list[bool]
    bold_last: bool


@cache
def fonts() -> None:
    """Register the two faces once (outside the timing after the first call, as the app's are)."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "LiberationSerif-Bold.ttf")))


def lines(row: list[str], table: PlainTable, font: str, wrap_all: bool = False) -> list[list[str]]:
    """Return each cell's lines, text cells broken to their column's width."""
    return [simpleSplit(text, font, SIZE, width - 2 * PAD_X) if wrap_all or wraps else [text]
            for text, width, wraps in zip(row, table.widths, table.wraps, strict=True)]


def draw_row(canvas: Canvas, cells: list[list[str]], table: PlainTable, font: str, top: float, height: float,
             aligns: list[str]) -> None:
    """Draw one row's lines, centred vertically in the row."""
    canvas.setFont(font, SIZE)
    x = LEFT
    for cell, width, align in zip(cells, table.widths, aligns, strict=True):
        y = top - (height - len(cell) * LEADING) / 2 - SIZE
        for line in cell:
            if align == "LEFT":
                canvas.drawString(x + PAD_X, y, line)
            elif align == "RIGHT":
                canvas.drawRightString(x + width - PAD_X, y, line)
            else:
                canvas.drawCentredString(x + width / 2, y, line)
            y -= LEADING
        x += width


def draw_table(canvas: Canvas, table: PlainTable) -> None:
    """Draw one table from the top of a new page, the header repeated on every page, rows never split."""
    xs = [LEFT]
    for width in table.widths:
        xs.append(xs[-1] + width)
    header = lines(table.header, table, BOLD, wrap_all=True)
    header_height = max(map(len, header)) * LEADING + PAD_TOP + PAD_TOP
    centred = ["CENTER"] * len(table.widths)
    ys: list[float] = []

    def new_page() -> float:
        if ys:
            canvas.grid(xs, ys)
            canvas.showPage()
        ys[:] = [HEIGHT - TOP]
        draw_row(canvas, header, table, BOLD, ys[0], header_height, centred)
        ys.append(ys[0] - header_height)
        return ys[-1]

    top = new_page()
    for index, row in enumerate(table.rows):
        font = BOLD if table.bold_last and index == len(table.rows) - 1 else REGULAR
        cells = lines(row, table, font)
        height = max(map(len, cells)) * LEADING + PAD_TOP + PAD_BOTTOM
        if top - height < BOTTOM:
            top = new_page()
        draw_row(canvas, cells, table, font, top, height, table.aligns)
        top -= height
        ys.append(top)
    canvas.grid(xs, ys)
    canvas.showPage()


def pdf_bytes(tables: list[PlainTable]) -> bytes:
    """Return the PDF of the tables, each from a new page."""
    fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    for table in tables:
        draw_table(canvas, table)
    canvas.save()
    return buffer.getvalue()
