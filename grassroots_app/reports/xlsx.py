"""Write the annexed tables of a report to one Excel workbook, one sheet per table (never queries)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from grassroots_app.spreadsheets.writing import as_text, stored_text

from ..domain.reports.formatting import quarter_label
from ..domain.reports.model import ReportDocument
from .tables import NONE_ROW, AnnexTable, CellValue, Kind, annex_tables, cell_text

NUMBER_FORMATS = {
    Kind.ORDINAL: "0",
    Kind.INTEGER: "0",
    Kind.CHANGE: "+0;-0;0",
    Kind.SHARE: "0.00%",
    Kind.DATE: "dd/mm/yyyy",
}
HEADER_ROW = 3  # below the report's name and the table's title
MAX_WIDTH = 60  # characters: longer text wraps
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
STYLE_PREFIX = "Grassroots"


def style_name(kind: Kind, bold: bool) -> str:
    """Return the name of the cell style of a column kind, bold for the total row."""
    return f"{STYLE_PREFIX} {kind.value}{' bold' if bold else ''}"


def add_cell_styles(book: Workbook) -> None:
    """Register one named style per column kind and weight (far faster than styling every cell on its own)."""
    for kind in Kind:
        for bold in (False, True):
            book.add_named_style(NamedStyle(
                style_name(kind, bold), font=BOLD if bold else Font(), border=GRID,
                alignment=Alignment(vertical="top", wrap_text=kind is Kind.TEXT),
                number_format=NUMBER_FORMATS.get(kind, "General"),
            ))


def sheet_title(name: str, taken: set[str]) -> str:
    """Return a valid, unique sheet name (31 characters at most)."""
    base = "".join(" " if char in "[]:*?/\\" else char for char in name)[:31]
    title, suffix = base, 2
    while title in taken:
        title = f"{base[:28]} {suffix}"
        suffix += 1
    taken.add(title)
    return title


def put(sheet: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Put a value in a cell, text always as text (never a formula); return the cell."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        as_text(cell, value)
    else:
        cell.value = value
    return cell


def write_row(sheet: Worksheet, row: int, table: AnnexTable, values: tuple[CellValue, ...], bold: bool = False) -> None:
    """Write one row of typed cells with their number formats."""
    for column, (value, spec) in enumerate(zip(values, table.columns, strict=True), start=1):
        cell = sheet.cell(row=row, column=column)
        cell.style = style_name(Kind.TEXT if isinstance(value, str) else spec.kind, bold)
        if value != "":
            put(sheet, row, column, value)


def fit_columns(sheet: Worksheet, table: AnnexTable) -> None:
    """Set each column as wide as its longest printed value or header word, text wrapping past a limit."""
    for index, column in enumerate(table.columns):
        values = [row[index] for row in (*table.rows, *([table.total] if table.total else []))]
        longest = max((len(cell_text(value, column.kind)) for value in values), default=0)
        if column.kind is Kind.DATE:
            longest = max(longest, len("dd/mm/yyyy"))
        header_word = max(len(word) for word in column.header.split())
        width = min(max(longest, header_word, len(column.header) // 2), MAX_WIDTH) + 2
        sheet.column_dimensions[get_column_letter(index + 1)].width = width


def print_setup(sheet: Worksheet) -> None:
    """Print on A4 landscape, one page wide, the header row repeated on every page."""
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def write_table(sheet: Worksheet, report_name: str, number: int, table: AnnexTable) -> None:
    """Fill one sheet: the report's name, the table's title, the frozen bold header row, the rows and total."""
    put(sheet, 1, 1, report_name).font = Font(bold=True, size=13)
    put(sheet, 2, 1, f"Phụ lục {number}. {table.title}").font = Font(bold=True, size=12)
    for column, spec in enumerate(table.columns, start=1):
        cell = put(sheet, HEADER_ROW, column, spec.header)
        cell.font, cell.border = BOLD, GRID
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, values in enumerate(table.rows, start=1):
        write_row(sheet, HEADER_ROW + offset, table, values)
    if not table.rows:
        put(sheet, HEADER_ROW + 1, 1, NONE_ROW)
    if table.total is not None:
        write_row(sheet, HEADER_ROW + len(table.rows) + 1, table, table.total, bold=True)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    fit_columns(sheet, table)
    print_setup(sheet)


def report_name(report: ReportDocument) -> str:
    """Name the report by its subject, with its quarter when the subject does not say it."""
    quarter = quarter_label(report.figures.quarter.quarter, report.figures.quarter.year)
    subject = report.heading.subject
    return f"Báo cáo: {subject}" if quarter.casefold() in subject.casefold() else f"Báo cáo: {subject} ({quarter})"


def workbook(report: ReportDocument) -> Workbook:
    """Return a workbook holding every annexed table of the report, one sheet each."""
    book = Workbook()
    book.remove(book.active)
    add_cell_styles(book)
    taken: set[str] = set()
    name = report_name(report)
    for number, table in enumerate(annex_tables(report.figures), start=1):
        write_table(book.create_sheet(sheet_title(f"{number}. {table.sheet}", taken)), name, number, table)
    book.properties.title = stored_text(name)
    book.properties.creator = "Grassroots"
    return book


def write_xlsx(report: ReportDocument, target: Path | BinaryIO) -> None:
    """Write the report's annexed tables as an .xlsx file to a path or a binary stream."""
    workbook(report).save(target)


def xlsx_bytes(report: ReportDocument) -> bytes:
    """Return the report's annexed tables as the bytes of an .xlsx file."""
    buffer = BytesIO()
    write_xlsx(report, buffer)
    return buffer.getvalue()
