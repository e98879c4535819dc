"""The Excel workbook holds the same annexed tables as the PDF: same headers, numbers, dates and shares."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from grassroots_app.domain.reports.model import ReportDocument
from grassroots_app.reports.pdf import pdf_bytes
from grassroots_app.reports.tables import NONE_ROW, AnnexTable, CellValue, Kind, annex_tables, cell_text
from grassroots_app.reports.xlsx import HEADER_ROW, write_xlsx, xlsx_bytes
from tests.unit.report_sample import empty_figures, sample_document
from tests.unit.test_report_pdf import page_texts

FORMATS = {Kind.ORDINAL: "0", Kind.INTEGER: "0", Kind.SHARE: "0.00%", Kind.DATE: "dd/mm/yyyy"}


@pytest.fixture(scope="module")
def document() -> ReportDocument:
    return sample_document(120)


@pytest.fixture(scope="module")
def book(document: ReportDocument, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    target = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_xlsx(document, target)
    return load_workbook(target)


def as_written(value: CellValue) -> CellValue:
    """Return a cell value as openpyxl reads it back (dates come back as datetimes; "" as nothing)."""
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    return None if value == "" else value


def body(table: AnnexTable) -> list[tuple[CellValue, ...]]:
    """Return the table's rows and total as they should sit under the header row."""
    rows = [*table.rows, *([table.total] if table.total else [])]
    return [tuple(as_written(value) for value in row) for row in rows]


def test_one_sheet_per_table_with_the_report_and_quarter_named(book: Workbook, document: ReportDocument) -> None:
    tables = annex_tables(document.figures)
    assert len(book.worksheets) == len(tables)
    for number, (sheet, table) in enumerate(zip(book.worksheets, tables, strict=True), start=1):
        assert "quý III năm 2026" in sheet["A1"].value
        assert sheet["A2"].value == f"Phụ lục {number}. {table.title}"
        assert len(sheet.title) <= 31


def test_the_sheets_hold_exactly_the_tables_numbers(book: Workbook, document: ReportDocument) -> None:
    for sheet, table in zip(book.worksheets, annex_tables(document.figures), strict=True):
        header = next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True))
        assert list(header) == [column.header for column in table.columns]
        written = list(sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=len(table.columns), values_only=True))
        assert written == body(table), table.key


def test_header_is_bold_and_frozen_and_cells_are_typed(book: Workbook, document: ReportDocument) -> None:
    for sheet, table in zip(book.worksheets, annex_tables(document.figures), strict=True):
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        assert all(cell.font.bold for cell in sheet[HEADER_ROW])
        first = sheet[HEADER_ROW + 1]
        for cell, column in zip(first, table.columns, strict=True):
            if column.kind in FORMATS and cell.value is not None:
                assert cell.number_format == FORMATS[column.kind], (table.key, column.header)
        for index, (cell, column) in enumerate(zip(first, table.columns, strict=True)):
            longest = max(len(cell_text(row[index], column.kind)) for row in table.rows)
            assert sheet.column_dimensions[cell.column_letter].width > min(longest, 60), (table.key, column.header)
    dates = book.worksheets[0]
    assert dates.cell(row=HEADER_ROW + 1, column=6).is_date


def test_shares_are_stored_as_fractions_shown_as_percentages(book: Workbook) -> None:
    ratings = book.worksheets[-1]
    good = [row for row in ratings.iter_rows(min_row=HEADER_ROW + 1) if row[1].value == "Hoàn thành tốt nhiệm vụ trở lên"]
    assert good[0][4].value == pytest.approx(0.8571) and good[0][4].number_format == "0.00%"


def test_the_pdf_prints_the_same_cells(book: Workbook, document: ReportDocument) -> None:
    text = " ".join(page_texts(pdf_bytes(document)))
    for sheet, table in zip(book.worksheets, annex_tables(document.figures), strict=True):
        last = sheet.max_row
        for column, spec in enumerate(table.columns, start=1):
            value = sheet.cell(row=last, column=column).value
            if spec.kind is not Kind.ORDINAL and value is not None:
                value = value.date() if isinstance(value, datetime) else value
                assert cell_text(value, spec.kind) in text, (table.key, spec.header, value)


def test_an_empty_quarter_writes_nothing_rows(document: ReportDocument) -> None:
    book = load_workbook(BytesIO(xlsx_bytes(replace(document, figures=empty_figures()))))
    assert book["1. Phân công"].cell(row=HEADER_ROW + 1, column=1).value == NONE_ROW
