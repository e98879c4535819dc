"""A look inside an .xlsx or .ods file before python-calamine reads it: each sheet's real extent, its error cells.

python-calamine allocates a sheet's whole rectangle, from A1 to its farthest filled cell, before handing back a
single row: one value at XFD1048576 asks for 512 GiB and aborts the process. This scan reads the sheet's XML as a
stream, holding a few megabytes at a time, so that such a sheet is refused by name before calamine sees it. It
also finds the cells holding spreadsheet errors (#REF!, #N/A), which calamine hands back as empty text.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import column_index_from_string

from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_number
from grassroots_app.spreadsheets.unreadable import unreadable

MAX_ROWS = 1_048_576  # Excel's own limits
MAX_COLUMNS = 16_384
MAX_CELLS = 5_000_000  # rows x columns from A1; an import sheet of 100,000 rows spans 1.4 million
MAX_PART_BYTES = 400 * 1024 * 1024  # one sheet's XML unpacked; 100,000 rows of 14 columns take about 90 MB
_CHUNK = 4 * 1024 * 1024

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_TAG = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s/>])([^>]*?)(/?)>")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]{0,3})(\d*)["']""")
_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt\s*=\s*[\"']e[\"'][^>/]*)>(.*?)</(?:\w+:)?c>", re.DOTALL)
_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>/]*)>(.*?)</(?:\w+:)?c>", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)")
_FILLED_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]+</(?:\w+:)?v>|<(?:\w+:)?is>")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


@dataclass
class SheetScan:
    """What the scan found in one sheet: its last filled row and column (1-based), and its error cells."""

    rows: int = 0
    columns: int = 0
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), 0-based -> '#REF!' or '=A1*2'


def scan_workbook(path: Path) -> dict[str, SheetScan]:
    """Return each sheet's extent and error cells; refuse a sheet too large to read, naming it."""
    try:
        with zipfile.ZipFile(path) as archive:
            if any(info.file_size > MAX_PART_BYTES for info in archive.infolist()):
                raise InvalidInput(N_("'{path}' unpacks to more than {limit} MB: it is not an exchange workbook."),
                                   path=path.name, limit=MAX_PART_BYTES // (1024 * 1024))
            if "content.xml" in archive.NameToInfo and "xl/workbook.xml" not in archive.NameToInfo:
                return _scan_ods(archive)
            return {name: _scan_sheet(archive, name, part) for name, part in _sheet_parts(archive)}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, KeyError, OSError, EOFError, NotImplementedError,
            RuntimeError, ValueError) as error:  # RuntimeError: an encrypted member; zlib.error: damaged data
        raise unreadable(path, error) from error


def _attributes(text: bytes) -> dict[str, str]:
    pairs = re.findall(rb"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", text)
    return {key.decode().rpartition(":")[2]: html.unescape((double or single).decode("utf-8", "replace"))
            for key, double, single in pairs}


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """Return (sheet name, part path) of each worksheet the workbook lists."""
    workbook = archive.read("xl/workbook.xml")[:MAX_PART_BYTES]
    relationships = archive.read("xl/_rels/workbook.xml.rels")[:MAX_PART_BYTES]
    targets = {attributes.get("Id", ""): attributes.get("Target", "")
               for attributes in map(_attributes, _RELATIONSHIP.findall(relationships))}
    parts = []
    for attributes in map(_attributes, _SHEET.findall(workbook)):
        target = targets.get(attributes.get("id", ""), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if part in archive.NameToInfo:
            parts.append((attributes.get("name", ""), part))
    return parts


def _chunks(archive: zipfile.ZipFile, name: str, part: str) -> Iterator[bytes]:
    """Yield a part's bytes a few megabytes at a time; refuse a part that unpacks beyond the limit."""
    if archive.getinfo(part).file_size > MAX_PART_BYTES:
        raise too_large(name)
    read = 0
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > MAX_PART_BYTES:
                raise too_large(name)
            yield chunk


def _scan_sheet(archive: zipfile.ZipFile, name: str, part: str) -> SheetScan:
    scan = SheetScan()
    row = column = 0
    pending = b""
    for chunk in _chunks(archive, name, part):
        data = pending + chunk
        cut = max(data.rfind(b"<c"), data.rfind(b"<row"), data.rfind(b"<x:c"))
        data, pending = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        if len(pending) > _CHUNK:  # one cell of several megabytes: scan it whole
            data, pending = data + pending, b""
        row, column = _scan_tags(data, scan, row, column)
        _scan_errors(data, scan)
        check_extent(name, scan)
    row, column = _scan_tags(pending, scan, row, column)
    _scan_errors(pending, scan)
    check_extent(name, scan)
    return scan


def _scan_tags(data: bytes, scan: SheetScan, row: int, column: int) -> tuple[int, int]:
    """Follow the row and cell tags, widening the extent by each cell with content; return where it stands."""
    for tag, attributes, closed in _TAG.findall(data):
        ref = _REF.search(attributes)
        if tag == b"row":
            row, column = (int(ref[2]) if ref and ref[2] else row + 1), 0
            continue
        if ref and ref[1]:
            column = column_index_from_string(ref[1].decode())
            row = int(ref[2]) if ref[2] else row
        else:
            column += 1
        if not closed:
            scan.rows, scan.columns = max(scan.rows, row), max(scan.columns, column)
    return row, column


def _scan_errors(data: bytes, scan: SheetScan) -> None:
    """Record the cells holding an error value, and the formulas saved without their value ('=' and the formula)."""
    for attributes, content in _ERROR_CELL.findall(data):
        ref, value = _REF.search(attributes), _VALUE.search(content)
        if ref and ref[1] and ref[2]:
            where = (int(ref[2]) - 1, column_index_from_string(ref[1].decode()) - 1)
            scan.errors[where] = html.unescape(value[1].decode("utf-8", "replace")) if value else "#VALUE!"
    if b"<f" not in data and b":f" not in data:
        return
    for attributes, content in _CELL.findall(data):
        ref = _REF.search(attributes)
        if ref and ref[1] and ref[2] and _FORMULA.search(content) and not _FILLED_VALUE.search(content):
            formula = _FORMULA.search(content)[1]  # type: ignore[index]
            where = (int(ref[2]) - 1, column_index_from_string(ref[1].decode()) - 1)
            scan.errors[where] = "=" + html.unescape(formula.decode("utf-8", "replace"))[:60]


def _scan_ods(archive: zipfile.ZipFile) -> dict[str, SheetScan]:
    """Return the extent of each table of an OpenDocument spreadsheet, repeated rows and columns counted."""
    scans: dict[str, SheetScan] = {}
    name, scan, row, column = "", SheetScan(), 0, 0
    pending = b""
    for chunk in _chunks(archive, "content.xml", "content.xml"):
        data = pending + chunk
        cut = data.rfind(b"<")
        data, pending = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        for closing, tag, attributes, closed in _ODS_TAG.findall(data):
            if tag == b"table" and not closing:
                name, row = _attributes(attributes).get("name", ""), 0
                scan = scans.setdefault(name, SheetScan())
            elif tag == b"table-row" and not closing:
                row, column = row + _repeated(attributes, b"rows"), 0
            elif tag in (b"table-cell", b"covered-table-cell") and not closing:
                column += _repeated(attributes, b"columns")
                if not closed or b"value-type" in attributes:
                    scan.rows, scan.columns = max(scan.rows, row), max(scan.columns, column)
                    check_extent(name, scan)
    return scans


def _repeated(attributes: bytes, what: bytes) -> int:
    found = re.search(rb"number-" + what + rb"""-repeated\s*=\s*["'](\d{1,9})["']""", attributes)
    return int(found[1]) if found else 1


def check_extent(name: str, scan: SheetScan) -> None:
    """Refuse a sheet whose cells reach beyond Excel's last row or span more cells than can be read."""
    if scan.rows > MAX_ROWS or scan.columns > MAX_COLUMNS or scan.rows * scan.columns > MAX_CELLS:
        raise too_large(name, scan.rows, scan.columns)


def too_large(name: str, rows: int = 0, columns: int = 0) -> InvalidInput:
    """Return the refusal of a sheet that spans too many cells (or unpacks too large, without rows)."""
    if not rows:
        return InvalidInput(N_("The sheet '{sheet}' is too large to read (over {limit} MB unpacked)."),
                            sheet=name, limit=MAX_PART_BYTES // (1024 * 1024))
    return InvalidInput(N_("The sheet '{sheet}' reaches row {rows} and column {columns}: beyond what can be read "
                           "(at most {limit} cells from A1, {most_rows} rows, {most_columns} columns). Delete what "
                           "lies beyond the data (select the empty rows and columns, then Delete) and try again."),
                        sheet=name, rows=rows, columns=columns, limit=format_number(MAX_CELLS),
                        most_rows=format_number(MAX_ROWS), most_columns=format_number(MAX_COLUMNS))
