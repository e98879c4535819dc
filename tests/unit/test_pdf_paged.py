"""A page of an annexed table, drawn straight on the canvas, puts every line where a reportlab Table puts it."""

from __future__ import annotations

from io import BytesIO

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from grassroots_app.reports.pdf_annex import (
    ALIGNMENTS,
    BOTTOM_PADDING,
    HEADER_BOTTOM_PADDING,
    PADDING,
    TOP_PADDING,
    annex_table,
    cells,
    header_cells,
    row_height,
)
from grassroots_app.reports.pdf_style import BOLD, CELL_LEADING, CELL_SIZE, REGULAR, register_fonts
from grassroots_app.reports.tables import NUMBER, AnnexTable, CellValue, Column, Kind, column_sums

COLUMNS = (NUMBER, Column("Địa bàn phụ trách", Kind.TEXT, 40), Column("Người phụ trách", Kind.TEXT, 30),
           Column("Số tổ", Kind.INTEGER, 20), Column("Tăng (+), giảm (-)", Kind.CHANGE, 25),
           Column("Tỷ lệ", Kind.SHARE, 20), Column("Từ ngày", Kind.DATE, 10))
WORDS = st.sampled_from(["Xã", "Hựu", "Thành", "Ấp", "Phú", "Long", "Nguyễn", "Văn", "Bình", "12", "Đặng", "Khóm"])
ROW = st.tuples(st.lists(WORDS, min_size=1, max_size=14).map(" ".join), st.lists(WORDS, max_size=6).map(" ".join),
                st.integers(0, 99_999), st.integers(-50, 50), st.floats(0, 1), st.just(None))


def table_style(table: AnnexTable) -> TableStyle:
    """Return the TableStyle the pages were drawn with before: the plain reportlab way to the same look."""
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING), ("BOTTOMPADDING", (0, 0), (-1, 0), HEADER_BOTTOM_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), BOTTOM_PADDING), ("FONT", (0, 0), (-1, 0), BOLD, CELL_SIZE, CELL_LEADING),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("FONT", (0, -1), (-1, -1), BOLD, CELL_SIZE, CELL_LEADING), ("ALIGN", (1, -1), (1, -1), "LEFT"),
    ]
    commands[-2:-2] = [("ALIGN", (index, 1), (index, -1), ALIGNMENTS[column.kind])
                       for index, column in enumerate(table.columns)]
    return TableStyle(commands)


def reportlab_table(table: AnnexTable) -> Table:
    """Return the table as one reportlab Table, its total row last."""
    assert table.total is not None
    rows = [header_cells(table), *(cells(table, row) for row in table.rows), cells(table, table.total, BOLD)]
    heights = [row_height(rows[0], HEADER_BOTTOM_PADDING), *(row_height(row, BOTTOM_PADDING) for row in rows[1:])]
    return Table(rows, colWidths=[column.width_mm * mm for column in table.columns], rowHeights=heights,
                 style=table_style(table))


def placed_text(flowable: Flowable) -> list[tuple[str, float, float]]:
    """Return every piece of text of a one-page PDF of the flowable with where it starts."""
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build([flowable])
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((text.strip(), round(tm[4] * cm[0] + cm[4], 3), round(tm[5] * cm[3] + cm[5], 3)))

    pages = PdfReader(buffer).pages
    assert len(pages) == 1
    pages[0].extract_text(visitor_text=visit)
    return sorted(found)


@settings(max_examples=15, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=12))
def test_a_page_places_every_line_where_a_table_does(rows: list[tuple[CellValue, ...]]) -> None:
    register_fonts()
    body = tuple((number, *row) for number, row in enumerate(rows, start=1))
    table = AnnexTable("charges", "Bảng", "Bảng", COLUMNS, body, column_sums(body, COLUMNS))
    assert placed_text(annex_table(table)) == placed_text(reportlab_table(table))
