"""A shared server's clerks and its audit, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Clerk:
    """A clerk's login on a shared server: the roots of their scope, and what they may do there."""

    login: str
    roots: tuple[str, ...]
    read_only: bool = False
    manager: bool = False  # may make and disable clerks inside their own scope
    disabled: bool = False


@dataclass(frozen=True)
class AuditEntry:
    """One row changed on a shared server: who changed it, when, and the changed columns before and after."""

    at: datetime
    login: str
    table: str
    row_id: str
    action: str  # insert, update or delete
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    transaction_id: int
    place_id: str | None

    def changed_columns(self) -> list[str]:
        """Return the names of the columns this change wrote, in a stable order."""
        return sorted(set(self.old_values) | set(self.new_values))


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to list: under a unit, by a login, from and before a day, about one row."""

    under: str | None = None
    by: str | None = None
    since: datetime | None = None
    before: datetime | None = None
    table: str | None = None
    row_id: str | None = None
    limit: int | None = None
