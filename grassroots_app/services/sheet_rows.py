"""One row of an imported sheet: its cells read tolerantly, its problems pinned to sheet, row and column."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta
from typing import TypeVar

from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.domain.legacy_text import Recovered, recover
from grassroots_app.domain.sheets import (
    FLAG_KEYS,
    Cell,
    ErrorValue,
    Fate,
    Issue,
    Record,
    RowOutcome,
    SheetSpec,
    cell_text,
)
from grassroots_app.domain.text import TextField, check_text

T = TypeVar("T")
LABEL_KEYS = ("name", "cadre", "target")  # what names a row until its handler settles it
_UNLIMITED = 1 << 30  # paths and references: only their characters are checked, their parts are looked up
CACHED_CELLS = 4_096  # a sheet's cells repeat (parent paths, kinds, levels): each distinct text is checked once


@functools.lru_cache(maxsize=CACHED_CELLS)
def _checked_text(value: str, limit: int) -> Recovered | None:
    """Return a cell's text converted from an old encoding (None: it is Unicode); refuse bad text (never cached)."""
    found = recover(value)
    check_text(found.text if found else value, limit, TextField.CELL)
    return found


class RowFailed(Exception):
    """The row has an error; what it staged is rolled back with the whole import."""


class RowContext:
    """Reads the cells of one record and records what is wrong, or was corrected, against their columns."""

    def __init__(self, sheet: str, spec: SheetSpec, record: Record) -> None:
        self.sheet = sheet
        self.spec = spec
        self.outcome = RowOutcome(sheet, record.row, "")
        self.record = replace(record, cells={key: self._recovered(key, cell) for key, cell in record.cells.items()})
        self.outcome.label = next(filter(None, map(self.record.text, LABEL_KEYS)), "")

    def _recovered(self, key: str, cell: Cell) -> Cell:
        """Return the cell with text typed in an old Vietnamese encoding converted to Unicode; refuse odd cells."""
        if isinstance(cell.value, ErrorValue):
            self._add(key, cell, InvalidInput(N_(
                "The cell holds the formula {code}, whose value was never calculated; open the file in a spreadsheet "
                "program, save it, and import it again.") if cell.value.uncalculated else N_(
                "The cell holds the spreadsheet error {code} instead of a value; correct the formula or type the "
                "value."), code=cell.value.code))
            return Cell(None, cell.letter)
        if isinstance(cell.value, bool) and key not in FLAG_KEYS:
            self._add(key, cell, InvalidInput(N_("The cell holds TRUE or FALSE where text or a number is expected.")))
            return Cell(None, cell.letter)
        if isinstance(cell.value, (date, time, timedelta)) and self.spec.column(key).limit is not None:
            self._add(key, cell, InvalidInput(N_("The cell holds a date or time where text is expected; if it is "
                                                 "meant, type it as text.")))
            return Cell(None, cell.letter)
        if not isinstance(cell.value, str):
            return cell
        try:
            found = _checked_text(cell.value, self.spec.column(key).limit or _UNLIMITED)
        except DomainError as error:
            self._add(key, cell, error)
            return Cell(None, cell.letter)
        if found is None:
            return cell
        self._add(key, cell, InvalidInput(N_("Converted from the {encoding} encoding: '{old}' reads '{new}'."),
                                          encoding=found.encoding, old=cell.value, new=found.text), warning=True)
        return Cell(found.text, cell.letter)

    def has(self, key: str) -> bool:
        """Return whether the sheet has this column."""
        return key in self.record.cells

    def text(self, key: str) -> str:
        """Return a column as NFC text ('' when absent or empty)."""
        return self.record.text(key)

    def issue(self, key: str, error: DomainError) -> None:
        """Record a problem in one column of the row."""
        self._add(key, self.record.cells.get(key), error)

    def note(self, key: str, error: DomainError) -> None:
        """Record what the import did with one column of the row that the clerk should know (not an error)."""
        self._add(key, self.record.cells.get(key), error, warning=True)

    def _add(self, key: str, cell: Cell | None, error: DomainError, warning: bool = False) -> None:
        column = self.spec.column(key).header
        letter = cell.letter if cell else ""
        value = ("TRUE" if cell.value else "FALSE") if cell and isinstance(cell.value, bool) else (
            cell_text(cell.value) if cell else "")
        self.outcome.issues.append(Issue(self.sheet, self.outcome.row, column, letter, value, error, warning))
        if not warning:
            self.outcome.fate = Fate.ERROR

    def read(self, key: str, parse: Callable[[object], T]) -> T | None:
        """Return a column parsed, or None when absent; a bad value is recorded and gives None."""
        if key not in self.record.cells:
            return None
        try:
            return parse(self.record.value(key))
        except DomainError as error:
            self.issue(key, error)
            return None

    def fail(self, error: DomainError) -> None:
        """Record a problem of the row as a whole (no one column is to blame)."""
        self.outcome.issues.append(Issue(self.sheet, self.outcome.row, "", "", "", error))
        self.outcome.fate = Fate.ERROR

    def stop_if_failed(self) -> None:
        """Stop with this row when one of its cells was bad."""
        if self.outcome.fate is Fate.ERROR:
            raise RowFailed

    def blame(self, key: str) -> _Blame:
        """Return a block that pins a refusal raised inside it to a column and stops with the row."""
        return _Blame(self, key)

    def require(self, key: str) -> str:
        """Return a column's text, or stop with the row when it is empty."""
        value = self.text(key)
        if not value:
            self.issue(key, InvalidInput(N_("The column '{column}' is empty."), column=self.spec.column(key).header))
            raise RowFailed
        return value

    def settle(self, label: str, changed: list[str] | None = None, new: bool = False) -> None:
        """Record what the row does: new, changed (naming the columns) or unchanged."""
        self.outcome.label = label
        if self.outcome.fate is Fate.ERROR:
            return
        if new:
            self.outcome.fate = Fate.NEW
        elif changed:
            self.outcome.fate = Fate.CHANGED
            self.outcome.changed = tuple(self.spec.column(key).header for key in changed)


class _Blame:
    """The block of RowContext.blame (a plain class: it runs several times for each of 100,000 rows)."""

    def __init__(self, row: RowContext, key: str) -> None:
        self.row = row
        self.key = key

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _trace: object) -> None:
        if isinstance(error, DomainError):
            self.row.issue(self.key, error)
            raise RowFailed from error
