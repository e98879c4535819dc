"""Writing workbooks: the export, the empty templates and the list of an import's errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

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


_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")  # XML cannot hold them; CR would read as LF
_LIKE_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")  # text Excel and calamine would read as an escape
_SURROGATE = re.compile("[\ud800-\udfff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # text a spreadsheet could take for a formula


def stored_text(text: str) -> str:
    """Return text as an .xlsx cell holds it, read back unchanged by Excel and calamine (their _xHHHH_ escapes).

    Characters XML cannot hold (controls, CR) are escaped as Excel writes them; lone surrogates become U+FFFD.
    """
    text = _LIKE_ESCAPE.sub("_x005F_", _SURROGATE.sub("\ufffd", text))
    return _UNWRITABLE.sub(lambda match: f"_x{ord(match[0]):04X}_", text)


def as_text(cell: Cell, text: str) -> None:
    """Store text in a cell as a text cell, never a formula; text a spreadsheet could take for one is quote-prefixed."""
    cell.value = stored_text(text)
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _cell(sheet: WriteOnlyWorksheet, value: object, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    if isinstance(value, str):
        as_text(cell, value)
    else:
        cell.value = value
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
        sheet.append([_cell(sheet, value) if isinstance(value, (date, str)) else value for value in row])


def workbook_name(chosen: Path | str) -> Path:
    """Return the name chosen with .xlsx added when it has another ending."""
    path = Path(chosen)
    return path if path.suffix.casefold() == ".xlsx" else path.with_name(path.name + ".xlsx")


def workbook_fill(sheets: Iterable[SheetContent]) -> Callable[[Path], None]:
    """Return what writes the sheets as an .xlsx file into a temporary path (for the atomic writer to put in place)."""

    def fill(temporary: Path) -> None:
        workbook = Workbook(write_only=True)
        archive: ZipFile | None = None
        try:
            for content in sheets:
                _write_sheet(workbook, content)
            archive = ZipFile(temporary, "w", ZIP_DEFLATED, allowZip64=True)
            ExcelWriter(workbook, archive).save()
        except BaseException:
            _discard(workbook, archive)
            raise

    return fill


def _discard(workbook: Workbook, archive: ZipFile | None) -> None:
    """Close what a failed save left open (the sheets' streams and files, the archive), so nothing is left to the
    garbage collector to close (and print a traceback about)."""
    for sheet in workbook.worksheets:
        writer = sheet._writer  # noqa: SLF001 - openpyxl gives no way to abandon a write-only sheet
        for stream in (sheet._rows, writer.xf if writer else None):  # noqa: SLF001
            if stream is not None:
                with suppress(Exception):  # the failure itself is raised by the caller
                    stream.close()
        if writer is not None:
            Path(writer.out).unlink(missing_ok=True)
    if archive is not None:
        with suppress(Exception):
            archive.close()
