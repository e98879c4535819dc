"""Floor of the import: python-calamine reads the groups sheet, plain sqlite3 inserts its rows in one go.

Written by hand, not with the app's code: the sheet's layout is known (a title row, then the header row
parent path / name / level / households / population), the parent paths are resolved from the current
hierarchy read in one query, each new group takes its siblings' most used kind (else the first group kind),
and the units and their parent links are inserted with one `executemany` each, in one transaction.
"""

from __future__ import annotations

import sqlite3
import unicodedata
import uuid
from collections import Counter
from pathlib import Path

from python_calamine import CalamineWorkbook

GROUP_KIND = "tổ nhân dân tự quản"
SEPARATOR = " / "
HEADER_ROWS = 2  # the title row and the header row


def fold(text: str) -> str:
    """The search key the unit table keeps: no diacritics, no case, single spaces."""
    text = " ".join(unicodedata.normalize("NFC", text).split()).replace("đ", "d").replace("Đ", "D")
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)).casefold()


def current_places(connection: sqlite3.Connection) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Return {path of names: (unit id, start day)} of the open units, and each parent's most used child kind."""
    rows = connection.execute(
        "SELECT u.id, u.name, u.kind, u.valid_from, l.parent_id FROM unit u "
        "LEFT JOIN unit_link l ON l.unit_id = u.id AND l.valid_to IS NULL WHERE u.valid_to IS NULL").fetchall()
    names = {unit_id: (name, parent) for unit_id, name, _kind, _start, parent in rows}
    kinds: dict[str, Counter[str]] = {}
    for _unit_id, _name, kind, _start, parent in rows:
        kinds.setdefault(parent, Counter())[kind] += 1

    def path(unit_id: str) -> str:
        name, parent = names[unit_id]
        return name if parent is None else path(parent) + SEPARATOR + name

    places = {path(unit_id): (unit_id, start) for unit_id, _name, _kind, start, _parent in rows}
    return places, {parent: counted.most_common(1)[0][0] for parent, counted in kinds.items() if parent}


def import_sheet(sheet: Path, database: Path) -> int:
    """Insert the sheet's groups into the database; return how many."""
    grid = CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python()
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        places, kinds = current_places(connection)
        units, links = [], []
        for parent_path, name, _level, households, population in grid[HEADER_ROWS:]:
            parent_id, start = places[parent_path]
            unit_id = str(uuid.uuid4())
            units.append((unit_id, "group", kinds.get(parent_id, GROUP_KIND), name, fold(name), start,
                          int(households), int(population)))
            links.append((unit_id, parent_id, start))
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO unit (id, level, kind, name, name_key, code, valid_from, valid_to, is_remote, households, "
            "population, party_members) VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, 0, ?, ?, NULL)", units)
        connection.executemany(
            "INSERT INTO unit_link (unit_id, parent_id, valid_from, valid_to) VALUES (?, ?, ?, NULL)", links)
        connection.execute("COMMIT")
        return len(units)
    finally:
        connection.close()
