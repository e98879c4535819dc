"""The database the windows work on: open it, read from it, edit it in recorded steps, undo and redo, back up.

The ui reaches the persistence layer through here only: the names it needs (Database, its unit of work, ChangeSet,
the daily backup, the retry of a busy database, the default file, the message for a failing file) are re-exported,
and each edit is returned with its Changes.
"""

from __future__ import annotations

from collections.abc import Callable
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
    "ChangeSet", "Database", "UnitOfWork", "changes_of", "daily_backup", "default_database_path",
    "describe_location", "file_fault", "read", "record_edit", "retry_when_busy", "try_edit",
]

T = TypeVar("T")


def changes_of(change_set: ChangeSet) -> Changes:
    """Return what a change set changed: its tables and the rows' keys."""
    tables = frozenset(change.table for change in change_set.changes)
    rows = frozenset((change.table, "/".join(str(value) for value in change.key.values()))
                     for change in change_set.changes)
    return Changes(tables, rows)


def read(database: Database, query: Callable[..., T], *args: Any) -> T:
    """Run a read use case in its own unit of work and return its result."""
    with UnitOfWork(database) as uow:
        return query(uow, *args)


def record_edit(database: Database, use_case: Callable[..., T], *args: Any) -> tuple[T, ChangeSet]:
    """Run an edit as one transaction (again while another program keeps the database busy); return its result
    and its row changes. A refusal raises DomainError."""

    def run() -> tuple[T, ChangeSet]:
        with UnitOfWork(database, record=True) as uow:
            return use_case(uow, *args), uow.change_set

    return retry_when_busy(run)


def try_edit(database: Database, use_case: Callable[..., Any], *args: Any) -> None:
    """Try an edit without keeping it; a refusal raises DomainError."""

    def run() -> None:
        with UnitOfWork(database, trial=True) as uow:
            use_case(uow, *args)

    retry_when_busy(run)
