"""The database the windows work on: open it, read from it, edit it in recorded steps, undo and redo, back up.

The ui reaches the persistence layer through here only: the names it needs (Database, its unit of work, ChangeSet,
the daily backup, the retry of a busy database, the default file, the message for a failing file) are re-exported,
and each edit is returned as a Step: its row changes and what they changed, computed once for the edit, its
undo and its redo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from grassroots_app.domain.changes import Changes
from grassroots_app.persistence.backup_copies import daily_backup
from grassroots_app.persistence.contention import retry_when_busy
from grassroots_app.persistence.database import Database, describe_location
from grassroots_app.persistence.faults import file_fault
from grassroots_app.persistence.journal import ChangeSet
from grassroots_app.persistence.locations import default_database_path
from grassroots_app.persistence.uow import UnitOfWork

__all__ = [
    "ChangeSet", "Database", "Step", "UnitOfWork", "daily_backup", "default_database_path",
    "describe_location", "file_fault", "read", "record_edit", "retry_when_busy", "try_edit",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """One recorded edit: its row changes, their inverse (made on the first undo) and what either changes (the
    same rows), each computed once however often the step is undone and redone."""

    forward: ChangeSet

    @cached_property
    def changes(self) -> Changes:
        """Return what the edit, its undo or its redo changed: its tables and the rows' keys."""
        rows = self.forward.changes
        return Changes(frozenset(row.table for row in rows),
                       frozenset((row.table, "/".join(str(value) for value in row.key.values())) for row in rows))

    @cached_property
    def backward(self) -> ChangeSet:
        """Return the row changes that take the edit back."""
        return self.forward.inverted()

    def __bool__(self) -> bool:
        return bool(self.forward)


def read(database: Database, query: Callable[..., T], *args: Any) -> T:
    """Run a read use case in its own unit of work and return its result."""
    with UnitOfWork(database) as uow:
        return query(uow, *args)


def record_edit(database: Database, use_case: Callable[..., T], *args: Any) -> tuple[T, Step]:
    """Run an edit as one transaction (again while another program keeps the database busy); return its result
    and its step. A refusal raises DomainError."""

    def run() -> tuple[T, Step]:
        with UnitOfWork(database, record=True) as uow:
            return use_case(uow, *args), Step(uow.change_set)

    return retry_when_busy(run)


def try_edit(database: Database, use_case: Callable[..., Any], *args: Any) -> None:
    """Try an edit without keeping it; a refusal raises DomainError."""

    def run() -> None:
        with UnitOfWork(database, trial=True) as uow:
            use_case(uow, *args)

    retry_when_busy(run)
