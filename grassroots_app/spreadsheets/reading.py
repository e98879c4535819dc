"""Reading spreadsheet files: workbooks (python-calamine) and `.csv` files into records under recognised headers."""

from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.domain.legacy_text import recover
from grassroots_app.domain.sheets import (
    ERROR_CODES,
    HEADER_SEARCH_ROWS,
    INFORMATION_SHEETS,
    SHEETS,
    Cell,
    Column,
    ErrorValue,
    Issue,
    Record,
    SheetSpec,
    cell_text,
    header_key,
    spec_named,
)
from grassroots_app.spreadsheets.decoding import decode_csv
from grassroots_app.spreadsheets.sheet_scan import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, SheetScan, scan_workbook, too_large
from grassroots_app.spreadsheets.unreadable import unreadable
from grassroots_app.spreadsheets.xls_scan import SIGNATURE as XLS_SIGNATURE
from grassroots_app.spreadsheets.xls_scan import scan_xls

log = logging.getLogger(__name__)
STDERR = 2  # the descriptor the native reader writes its panics to

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

Row = tuple[int, list[object]]  # (row number, cell values from column A)
_CSV_DELIMITERS = ",;\t"


@dataclass(frozen=True)
class RawSheet:
    """A sheet as read: its name, its non-empty rows, and whether the workbook hides it."""

    name: str
    rows: list[Row]
    hidden: bool = False


@dataclass
class Table:
    """A recognised sheet: what it holds, its records, and what was wrong with its layout."""

    name: str
    spec: SheetSpec
    records: list[Record] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


@dataclass
class Workbook:
    """The recognised sheets of a file, with the problems found in the file as a whole."""

    tables: list[Table] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_file(path: Path) -> Workbook:
    """Read an `.xlsx` or `.csv` file into recognised tables; refuse any other kind of file."""
    suffix = path.suffix.casefold()
    if not path.is_file():
        raise InvalidInput(N_("The file '{path}' does not exist."), path=str(path))
    if suffix in {".xlsx", ".xlsm", ".xls", ".ods"}:
        sheets, encoding = _read_workbook(path), "UTF-8"
    elif suffix in {".csv", ".txt"}:
        sheet, encoding = _read_csv(path)
        sheets = [sheet]
    else:
        raise InvalidInput(N_("'{path}' is not a spreadsheet (.xlsx, .xls, .ods) or .csv file."), path=path.name)
    workbook = Workbook()
    if encoding not in ("UTF-8", "UTF-16", "UTF-32"):
        workbook.issues.append(Issue(path.name, 1, "", "", "", InvalidInput(
            N_("The file is not in Unicode: it was read as {encoding} text."), encoding=encoding), warning=True))
    unknown: list[RawSheet] = []
    for sheet in sheets:
        if spec_named(sheet.name, INFORMATION_SHEETS) is not None:  # written by the export to be read, not imported
            continue
        table = recognise(sheet)
        if table is not None and sheet.hidden:
            workbook.issues.append(_sheet_issue(sheet.name, 1, InvalidInput(N_(
                "The sheet is hidden in the workbook: show it (right-click a sheet tab, Unhide) to check it, "
                "or delete it, then import again."))))
        elif table is not None:
            workbook.tables.append(table)
        elif sheet.rows:
            unknown.append(sheet)
    for sheet in unknown:  # another sheet of the workbook (notes, a guide) is left aside, with a word
        workbook.issues.append(Issue(sheet.name, sheet.rows[0][0], "", "", "", InvalidInput(
            N_("No header row of a known sheet (units, clusters, cadres, assignments) was found in its first "
               "{rows} rows; the sheet is left aside."), rows=HEADER_SEARCH_ROWS), warning=bool(workbook.tables)))
    if not workbook.tables and not unknown and not workbook.issues:
        workbook.issues.append(_sheet_issue(path.name, 1, InvalidInput(N_("The file holds no data."))))
    return workbook


def _sheet_issue(sheet: str, row: int, error: DomainError, column: str = "", letter: str = "") -> Issue:
    return Issue(sheet, row, column, letter, "", error)


def _read_workbook(path: Path) -> list[RawSheet]:
    """Return every sheet of a workbook (.xlsx, .xlsm, .xls, .ods), merged cells filled with their first value."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

    with path.open("rb") as file:
        compound = file.read(len(XLS_SIGNATURE)) == XLS_SIGNATURE
    scans = scan_workbook(path) if zipfile.is_zipfile(path) else scan_xls(path) if compound else {}
    try:
        with _native_output_logged(path):
            workbook = CalamineWorkbook.from_path(str(path))
            hidden = {sheet.name for sheet in workbook.sheets_metadata if sheet.visible != SheetVisibleEnum.Visible}
            sheets = []
            for name in workbook.sheet_names:
                scan = scans.get(name, SheetScan())
                grid = _grid(workbook.get_sheet_by_name(name), scan)
                rows = [(number, values) for number, values in enumerate(grid, start=1) if _filled(values)]
                sheets.append(RawSheet(name, rows, name in hidden))
        return sheets
    except (CalamineError, OSError, ValueError, TypeError) as error:
        raise unreadable(path, error) from error
    except BaseException as error:  # a panic inside python-calamine: pyo3's PanicException is no Exception
        if type(error).__name__ != "PanicException":
            raise
        raise unreadable(path, error) from error


@contextmanager
def _native_output_logged(path: Path) -> Iterator[None]:
    """Send what the native reader prints on the standard error (a Rust panic, in English) to the log instead."""
    with tempfile.TemporaryFile() as caught:
        saved = os.dup(STDERR)
        os.dup2(caught.fileno(), STDERR)
        try:
            yield
        finally:
            os.dup2(saved, STDERR)
            os.close(saved)
            caught.seek(0)
            printed = caught.read().decode("utf-8", "replace").strip()
            if printed:
                log.warning("The spreadsheet reader printed this while reading %s:\n%s", path, printed)


def _grid(sheet: CalamineSheet, scan: SheetScan) -> list[list[object]]:
    """Return a sheet's rows from A1 to its last filled cell, read lazily, error cells and merged cells filled."""
    height, width = sheet.end[0] + 1 if sheet.end else 0, sheet.end[1] + 1 if sheet.end else 0
    if height > MAX_ROWS or width > MAX_COLUMNS or height * width > MAX_CELLS:  # a format no scan looks into
        raise too_large(sheet.name, height, width)
    padding = [""] * (sheet.start[1] if sheet.start else 0)
    grid: list[list[object]] = [padding + list(values) for values in sheet.iter_rows()]
    for (row, column), code in scan.errors.items():  # within the extent the scan checked
        grid.extend([] for _ in range(row + 1 - len(grid)))
        grid[row].extend([""] * (column + 1 - len(grid[row])))
        grid[row][column] = ErrorValue(code)
    _fill_merged(grid, sheet.merged_cell_ranges or [])
    return [[_error_or_value(value) for value in values] for values in grid]


def _error_or_value(value: object) -> object:
    """Return a cell reading as a spreadsheet error ('#N/A' kept as text by a CSV export) as that error."""
    if isinstance(value, str) and value.strip() in ERROR_CODES:
        return ErrorValue(value.strip())
    return value


def _filled(values: Iterable[object]) -> bool:
    return any(cell_text(value) for value in values)


def _fill_merged(grid: list[list[object]], merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Copy each merged range's value (its first cell's) into every cell of the range within the data, in place."""
    width = max(map(len, grid), default=0)
    for (first_row, first_col), (last_row, last_col) in merged:
        if first_row >= len(grid) or first_col >= len(grid[first_row]):
            continue
        value = grid[first_row][first_col]
        last_col = min(last_col, width - 1)
        for row in grid[first_row:last_row + 1]:
            row.extend([""] * (last_col + 1 - len(row)))
            for column in range(first_col, last_col + 1):
                if not cell_text(row[column]):
                    row[column] = value


def _read_csv(path: Path) -> tuple[RawSheet, str]:
    """Return a CSV file's rows and the encoding they were read in."""
    text, encoding = decode_csv(path.read_bytes(), path.name)
    sample = text[:8192]
    delimiter = max(_CSV_DELIMITERS, key=sample.count) if sample else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    limit = csv.field_size_limit(len(text) + 1)  # a long cell is refused by its column's limit, naming its place
    try:
        for values in reader:
            if _filled(values):
                rows.append((reader.line_num, [_error_or_value(value) for value in values]))
    except csv.Error as error:
        raise InvalidInput(N_("'{path}' cannot be read as a CSV file near line {line}: {reason}."),
                           path=path.name, line=reader.line_num, reason=str(error)) from error
    finally:
        csv.field_size_limit(limit)
    return RawSheet(path.stem, rows), encoding


def _header_columns(spec: SheetSpec, values: list[object]) -> dict[str, int]:
    """Return {column key: index} of the headers of a spec found among the values (first one wins)."""
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        key = header_key(_header_text(value))
        if not key:
            continue
        for column in spec.columns:
            if column.key not in found and key in column.names():
                found[column.key] = index
                break
    return found


def _header_text(value: object) -> str:
    """Return a header cell's text, converted when typed in an old Vietnamese encoding ("Tªn ®¬n vÞ")."""
    text = cell_text(value)
    try:
        found = recover(text)
    except DomainError:
        return text
    return found.text if found else text


def _repeated_headers(spec: SheetSpec, values: list[object]) -> dict[Column, list[int]]:
    """Return the columns of a spec whose header the row holds more than once, with their indexes."""
    seen: dict[Column, list[int]] = {}
    for index, value in enumerate(values):
        key = header_key(_header_text(value))
        column = next((column for column in spec.columns if key and key in column.names()), None)
        if column is not None:
            seen.setdefault(column, []).append(index)
    return {column: indexes for column, indexes in seen.items() if len(indexes) > 1}


def _score(spec: SheetSpec, columns: dict[str, int]) -> tuple[int, int]:
    """Rank a header reading: required columns found first, then all columns found."""
    return sum(1 for column in spec.columns if column.required and column.key in columns), len(columns)


def _find_header(sheet: RawSheet) -> tuple[int, SheetSpec, dict[str, int]] | None:
    """Return (position in rows, spec, columns) of the first row that reads as a header."""
    named = spec_named(sheet.name, SHEETS)
    candidates = (named,) if named else SHEETS
    for position, (_number, values) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        readings = [(spec, _header_columns(spec, values)) for spec in candidates]
        readings = [(spec, columns) for spec, columns in readings if len(columns) >= 2]
        if readings:
            spec, columns = max(readings, key=lambda reading: _score(*reading))
            return position, spec, columns
    return None


def recognise(sheet: RawSheet) -> Table | None:
    """Return the sheet's records under its header row, or None when no header row is found."""
    found = _find_header(sheet)
    if found is None:
        return None
    position, spec, columns = found
    header_row, header_values = sheet.rows[position]
    table = Table(sheet.name, spec)
    for column in spec.columns:
        if column.required and column.key not in columns:
            table.issues.append(_sheet_issue(sheet.name, header_row, InvalidInput(
                N_("The required column '{column}' is missing from the header row."), column=column.header),
                column=column.header))
    for column, indexes in _repeated_headers(spec, header_values).items():
        table.issues.append(_sheet_issue(sheet.name, header_row, InvalidInput(
            N_("The header row has the column '{column}' more than once (columns {letters}); keep one."),
            column=column.header, letters=", ".join(get_column_letter(index + 1) for index in indexes)),
            column=column.header, letter=get_column_letter(indexes[1] + 1)))
    letters = {key: get_column_letter(index + 1) for key, index in columns.items()}
    for number, values in sheet.rows[position + 1:]:
        if values == header_values:  # the header repeated on a printed page
            continue
        cells = {key: Cell(values[index] if index < len(values) else None, letters[key])
                 for key, index in columns.items()}
        if any(cell_text(cell.value) for cell in cells.values()):
            table.records.append(Record(number, cells))
    return table
