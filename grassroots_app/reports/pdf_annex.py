"""The annexed tables (Phụ lục) of the PDF: header row repeated on every page, rows never split."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.formats import format_date
from ..domain.reports.model import Heading
from ..domain.text import printable
from .charts import coverage_chart, recommendations_chart
from .pdf_paged import Layout, PagedTable, RowStyle
from .pdf_style import (
    ANNEX_NOTE,
    ANNEX_NUMBER,
    ANNEX_TITLE,
    BOLD,
    CELL_LEADING,
    CELL_SIZE,
    REGULAR,
    keep_spaces,
    para,
)
from .tables import NONE_ROW, AnnexTable, CellValue, Column, Kind, cell_text

ANNEX_START = 60 * mm  # a long annex starts on a new page unless its title and a few rows fit
SHORT_TABLE = 15  # rows: a table this short is never split
PADDING = 2  # points, left and right of a cell's text
TOP_PADDING, BOTTOM_PADDING, HEADER_BOTTOM_PADDING = 3, 4, 3  # points, above and below a cell's text
ALIGNMENTS = {Kind.TEXT: "LEFT", Kind.ORDINAL: "CENTER", Kind.DATE: "CENTER", Kind.INTEGER: "RIGHT",
              Kind.CHANGE: "RIGHT", Kind.SHARE: "RIGHT"}
CHARTS: dict[str, Callable[[AnnexTable], Drawing | None]] = {
    "coverage": coverage_chart,
    "recommendation_figures": recommendations_chart,
}


@lru_cache(maxsize=65536)
def wrapped(text: str, font: str, width: float) -> str:
    """Return text as plain lines broken to a column's width (names repeat: each is broken once)."""
    return "\n".join(simpleSplit(printable(text), font, CELL_SIZE, width - 2 * PADDING))


def cell(value: CellValue, column: Column, font: str) -> str:
    """Return a cell as plain lines broken to its column's width (much faster than a paragraph per cell)."""
    text = cell_text(value, column.kind)
    return wrapped(text, font, column.width_mm * mm) if column.kind is Kind.TEXT else text


def cells(table: AnnexTable, row: tuple[CellValue, ...], font: str = REGULAR) -> list[str]:
    """Return a row's cells, text wrapped within its column."""
    return [cell(value, column, font) for value, column in zip(row, table.columns, strict=True)]


def header_cells(table: AnnexTable) -> list[str]:
    """Return the header row's titles, wrapped within their columns."""
    return [wrapped(column.header, BOLD, column.width_mm * mm) for column in table.columns]


def row_height(row: list[str], padding: float) -> float:
    """Return the height of a row of wrapped cells: its tallest cell's lines and the paddings.

    Giving every row its height spares reportlab measuring the rows again each time a long table breaks to a
    new page (which grows with the square of the rows).
    """
    return max(text.count("\n") + 1 for text in row) * CELL_LEADING + TOP_PADDING + padding


EMPTY_TABLE = TableStyle([  # the grid, the fonts, the bold header and the one row across of an empty table
    ("GRID", (0, 0), (-1, -1), 0.5, black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
    ("BOTTOMPADDING", (0, 0), (-1, 0), HEADER_BOTTOM_PADDING),
    ("BOTTOMPADDING", (0, 1), (-1, -1), BOTTOM_PADDING),
    ("FONT", (0, 0), (-1, 0), BOLD, CELL_SIZE, CELL_LEADING),
    ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ("SPAN", (0, 1), (-1, 1)),
    ("ALIGN", (0, 1), (0, 1), "LEFT"),
])


def row_style(font: str, aligns: tuple[str, ...], bottom: float = BOTTOM_PADDING) -> RowStyle:
    """Return the style of a row of cells in a font, each column aligned as given."""
    return RowStyle(font, CELL_SIZE, CELL_LEADING, aligns, PADDING, TOP_PADDING, bottom)


def layout(table: AnnexTable) -> Layout:
    """Return the widths and the header (bold, centred), body (each column's alignment) and bold total rows' styles."""
    aligns = tuple(ALIGNMENTS[column.kind] for column in table.columns)
    total = row_style(BOLD, (*aligns[:1], "LEFT", *aligns[2:])) if table.total is not None else None
    return Layout(tuple(column.width_mm * mm for column in table.columns),
                  row_style(BOLD, ("CENTER",) * len(aligns), HEADER_BOTTOM_PADDING), row_style(REGULAR, aligns), total)


def annex_table(table: AnnexTable) -> Flowable:
    """Return one annexed table with its header row repeated across pages and whole rows only."""
    header = header_cells(table)
    if not table.rows:
        rows = [header, [NONE_ROW] + [""] * (len(table.columns) - 1)]
        return Table(rows, colWidths=[column.width_mm * mm for column in table.columns],
                     rowHeights=[row_height(header, HEADER_BOTTOM_PADDING), row_height(rows[1], BOTTOM_PADDING)],
                     style=EMPTY_TABLE)
    rows = [cells(table, row) for row in table.rows]
    if table.total is not None:
        rows.append(cells(table, table.total, BOLD))
    heights = [row_height(header, HEADER_BOTTOM_PADDING), *(row_height(row, BOTTOM_PADDING) for row in rows)]
    return PagedTable(header, rows, heights, layout(table))


def annex_note(heading: Heading) -> str:
    """Return the line tying the annexes to the report: "(Kèm theo Báo cáo số ... ngày dd/mm/yyyy)"."""
    number = heading.number.removeprefix("Số") if heading.number.startswith("Số") else f" {heading.number}"
    return f"(Kèm theo Báo cáo số{number} ngày {format_date(heading.issued_on)})"


def annex(heading: Heading, number: int, table: AnnexTable) -> list[Flowable]:
    """Return one annex: "Phụ lục n", its title and note, the table and its chart (a short one kept together)."""
    block: list[Flowable] = [
        para(f"Phụ lục {number}", ANNEX_NUMBER),
        para(table.title.upper(), ANNEX_TITLE),
        para(keep_spaces(annex_note(heading)), ANNEX_NOTE),
        annex_table(table),
    ]
    chart = CHARTS.get(table.key)
    drawing = chart(table) if chart else None
    if drawing is not None:
        block += [Spacer(1, 6 * mm), drawing]
    return [KeepTogether(block)] if len(table.rows) <= SHORT_TABLE else [CondPageBreak(ANNEX_START), *block]


def annexes(heading: Heading, tables: list[AnnexTable]) -> list[Flowable]:
    """Return every annexed table, numbered from 1, in order."""
    return [flowable for number, table in enumerate(tables, start=1) for flowable in annex(heading, number, table)]
