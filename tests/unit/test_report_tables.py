"""The annexed tables both renderers print: shapes, totals, shares, empty tables, widths that fit the page."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from grassroots_app.reports.pdf_style import BOLD, CELL_SIZE, REGULAR, TEXT_WIDTH, register_fonts
from grassroots_app.reports.tables import NONE_ROW, Kind, annex_tables, cell_text
from tests.unit.report_sample import empty_figures, sample_figures

RENDERERS = ("tables", "charts", "pdf", "pdf_style", "pdf_text", "pdf_annex", "xlsx", "raster")
REPORTS = Path(__file__).resolve().parents[2] / "grassroots_app" / "reports"
PADDING = 4  # points: the cell's left and right padding in the PDF


def test_every_row_has_one_value_per_column() -> None:
    for table in annex_tables(sample_figures()):
        assert all(len(row) == len(table.columns) for row in table.rows), table.key
        assert table.total is None or len(table.total) == len(table.columns)


def test_tables_fit_the_text_width_and_dates_and_numbers_never_wrap() -> None:
    register_fonts()
    figures = sample_figures()
    for table in annex_tables(figures):
        assert sum(column.width_mm for column in table.columns) * mm <= TEXT_WIDTH + 0.01, table.key
        for index, column in enumerate(table.columns):
            if column.kind is Kind.TEXT:
                continue
            values = [row[index] for row in (*table.rows, *([table.total] if table.total else []))]
            widest = max((stringWidth(cell_text(value, column.kind), BOLD, CELL_SIZE) for value in values), default=0)
            assert widest + PADDING <= column.width_mm * mm, (table.key, column.header)
        assert stringWidth("00/00/0000", REGULAR, CELL_SIZE) + PADDING <= 19 * mm


def test_totals_add_up_the_number_columns() -> None:
    coverage = next(table for table in annex_tables(sample_figures()) if table.key == "coverage")
    assert coverage.total is not None and coverage.total[1] == "Tổng cộng"
    for index, column in enumerate(coverage.columns):
        if column.kind in (Kind.INTEGER, Kind.CHANGE):
            assert coverage.total[index] == sum(row[index] for row in coverage.rows)  # type: ignore[misc]


def test_rating_shares_are_the_stored_fractions() -> None:
    ratings = next(table for table in annex_tables(sample_figures()) if table.key == "ratings")
    good = [row for row in ratings.rows if row[1] == "Hoàn thành tốt nhiệm vụ trở lên"]
    assert good[0][2:] == (18, 21, 0.8571)  # 18 of 21, to four decimals
    assert cell_text(good[0][4], Kind.SHARE) == "85,71 %"


def test_cells_print_as_the_document_writes_them() -> None:
    assert cell_text(date(2026, 7, 9), Kind.DATE) == "09/07/2026"
    assert cell_text(1234, Kind.INTEGER) == "1.234"
    assert cell_text(-2, Kind.CHANGE) == "-2" and cell_text(3, Kind.CHANGE) == "+3"
    assert cell_text(None, Kind.DATE) == "" and cell_text("Tổng cộng", Kind.DATE) == "Tổng cộng"


def test_an_empty_quarter_gives_empty_tables_without_totals() -> None:
    tables = annex_tables(empty_figures())
    assert [table.rows for table in tables if table.key not in ("recommendation_figures",)] == [()] * 7
    assert all(table.total is None for table in tables)
    assert NONE_ROW == "Không có"


def test_renderers_never_import_the_database_the_services_or_qt() -> None:
    for name in RENDERERS:
        tree = ast.parse((REPORTS / f"{name}.py").read_text(encoding="utf-8"))
        modules = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        modules += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [module for module in modules if module.split(".")[0] in ("sqlalchemy", "sqlmodel", "PySide6")
                    or "persistence" in module or "services" in module or module.endswith("data")], name


def test_the_coverage_table_names_hamlets_as_the_report_text_does() -> None:
    figures = sample_figures()
    coverage = next(table for table in annex_tables(figures) if table.key == "coverage")
    headers = [column.header for column in coverage.columns]
    assert figures.hamlet_kinds == ("ấp",) and headers[2:4] == ["Số ấp", "Ấp có người phụ trách"]
    assert next(table for table in annex_tables(empty_figures()) if table.key == "coverage").columns[2].header == (
        "Số thôn, tổ dân phố")
