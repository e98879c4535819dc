"""A look inside an old Excel (.xls) file before python-calamine reads it: each sheet's real extent.

An .xls is a compound file (OLE2) holding a "Workbook" stream of BIFF records; one cell record at row 65535,
column 65535 makes calamine ask for 128 GiB and abort. This walks the compound file and the cell records with
every chain and count bounded by the file's size, and refuses a sheet spanning too many cells, naming it.
"""

from __future__ import annotations

import struct
from pathlib import Path

from grassroots_app.spreadsheets.sheet_scan import SheetScan, check_extent
from grassroots_app.spreadsheets.unreadable import OLE_SIGNATURE, unreadable

SIGNATURE = OLE_SIGNATURE
_END_OF_CHAIN = 0xFFFFFFFE
_BOF = (0x0809, 0x0409, 0x0209, 0x0009)
_BOUNDSHEET = 0x0085
# Records holding one value with its row and column first (BIFF2 to BIFF8); MULRK holds several in one row.
# Blank cells (BLANK, MULBLANK) hold no value: calamine leaves them out of the extent, and so does the scan.
_CELLS = frozenset((0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0206, 0x0406, 0x00D6, 0x00FD, 0x0203, 0x0204,
                    0x0205, 0x027E))
_MULRK = 0x00BD


def scan_xls(path: Path) -> dict[str, SheetScan]:
    """Return each sheet's extent; refuse a damaged compound file or a sheet too large to read, naming it."""
    data = path.read_bytes()
    try:
        stream = _workbook_stream(data)
    except (struct.error, IndexError, KeyError, ValueError) as error:
        raise unreadable(path, error) from error
    return _scan_records(stream)


def _workbook_stream(data: bytes) -> bytes:
    """Return the "Workbook" (or "Book") stream of a compound file."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a compound file")
    size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if size not in (512, 4096) or mini_size != 64:
        raise ValueError("unknown sector size")
    count = (len(data) - 512) // size + 1

    def sector(index: int) -> bytes:
        if index >= count:
            raise ValueError("sector out of the file")
        return data[512 + index * size: 512 + (index + 1) * size]

    def chain(start: int, table: list[int]) -> list[int]:
        found: list[int] = []
        while start != _END_OF_CHAIN:
            if start >= len(table) or len(found) > count:
                raise ValueError("broken sector chain")
            found.append(start)
            start = table[start]
        return found

    fat_sectors = [entry for entry in struct.unpack_from("<109I", data, 0x4C) if entry < count]
    difat, difat_count = struct.unpack_from("<II", data, 0x44)
    for _ in range(min(difat_count, count)):
        if difat >= count:
            break
        links = struct.unpack(f"<{size // 4}I", sector(difat))
        fat_sectors += [entry for entry in links[:-1] if entry < count]
        difat = links[-1]
    fat = [entry for index in fat_sectors for entry in struct.unpack(f"<{size // 4}I", sector(index))]
    directory = b"".join(sector(index) for index in chain(struct.unpack_from("<I", data, 0x30)[0], fat))
    entries = [directory[offset:offset + 128] for offset in range(0, len(directory) - 127, 128)]
    root = entries[0]
    names = {entry[:struct.unpack_from("<H", entry, 64)[0]].decode("utf-16-le", "replace").rstrip("\x00").casefold():
             entry for entry in entries if entry[66] == 2}
    book = names.get("workbook") or names["book"]
    start, length = struct.unpack_from("<IQ", book, 116)
    length &= 0xFFFFFFFF
    if length >= struct.unpack_from("<I", data, 0x38)[0]:
        return b"".join(sector(index) for index in chain(start, fat))[:length]
    mini_fat_start = struct.unpack_from("<I", data, 0x3C)[0]
    mini_fat = [entry for index in chain(mini_fat_start, fat)
                for entry in struct.unpack(f"<{size // 4}I", sector(index))]
    mini_stream = b"".join(sector(index) for index in chain(struct.unpack_from("<I", root, 116)[0], fat))
    return b"".join(mini_stream[index * 64:(index + 1) * 64] for index in chain(start, mini_fat))[:length]


def _scan_records(stream: bytes) -> dict[str, SheetScan]:
    """Follow the BIFF records, widening each sheet's extent by its cell records."""
    names: dict[int, str] = {}
    scans: dict[str, SheetScan] = {}
    name, scan = "", SheetScan()
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        record = stream[position + 4: position + 4 + length]
        if kind == _BOUNDSHEET and len(record) >= 8:
            names[struct.unpack_from("<I", record)[0]] = _sheet_name(record)
        elif kind in _BOF:
            name = names.get(position, "")
            scan = scans.setdefault(name, SheetScan())
        elif (kind in _CELLS or kind == _MULRK) and len(record) >= 4:
            row, column = struct.unpack_from("<HH", record)
            if kind == _MULRK and len(record) >= 6:
                column = struct.unpack_from("<H", record, len(record) - 2)[0]
            scan.rows, scan.columns = max(scan.rows, row + 1), max(scan.columns, column + 1)
            check_extent(name, scan)
        position += 4 + length
    return scans


def _sheet_name(record: bytes) -> str:
    """Return the name a BOUNDSHEET record gives (BIFF8: a flag byte tells 16-bit characters)."""
    length, flags = record[6], record[7]
    text = record[8:8 + length * (2 if flags & 1 else 1)]
    return text.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
