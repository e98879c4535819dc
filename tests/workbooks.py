"""Spreadsheets written for the tests with openpyxl, as a clerk's program saves them (dates and times typed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook


def write_sheet(path: Path, title: str, rows: Sequence[Sequence[object]]) -> Path:
    """Write one sheet of rows (any title lines, then the header, then the data) into an .xlsx file."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
