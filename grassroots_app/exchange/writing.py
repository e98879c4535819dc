"""Writing exchange workbooks: the export, the empty templates and the list of an import's errors."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.tempfiles import temporary_beside

DATE_FORMAT = "dd/mm/yyyy"
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_WRAP = Alignment(wrap_text=True, vertical="center")


@dataclass(frozen=True)
class SheetContent:
    """A sheet to write: its name, a title line above the header, the headers with widths, and the rows."""

    name: str
    title: str
    headers: Sequence[tuple[str, int]]
    rows: Iterable[Sequence[object]]


def _cell(sheet: WriteOnlyWorksheet, value: object, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    return cell


def _write_sheet(workbook: Workbook, content: SheetContent) -> None:
    sheet = workbook.create_sheet(content.name)
    for index, (_header, width) in enumerate(content.headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    sheet.append([_cell(sheet, content.title, _TITLE)])
    header_cells = []
    for header, _width in content.headers:
        cell = _cell(sheet, header, _BOLD)
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in content.rows:
        sheet.append([_cell(sheet, value) if isinstance(value, date) else value for value in row])


def save_workbook(sheets: Iterable[SheetContent], path: Path) -> None:
    """Write the sheets into an .xlsx file, whole or not at all (a temporary file renamed at the end)."""
    if not path.parent.is_dir():
        raise InvalidInput(N_("The folder '{path}' does not exist."), path=str(path.parent))
    workbook = Workbook(write_only=True)
    for content in sheets:
        _write_sheet(workbook, content)
    temporary = temporary_beside(path)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise InvalidInput(N_("Cannot write '{path}': {reason}."), path=str(path),
                           reason=error.strerror or error) from error
    finally:
        temporary.unlink(missing_ok=True)
