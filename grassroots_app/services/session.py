"""Opening a database for a command, and the units of work its use cases run in."""

from __future__ import annotations

from grassroots_app.domain.errors import DomainError
from grassroots_app.persistence.contention import retry_when_busy
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.faults import storage_fault
from grassroots_app.persistence.locations import resolve_url, sqlite_file
from grassroots_app.persistence.uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "open_database", "retry_when_busy", "storage_failure", "unit_of_work"]


def open_database(location: str | None, create: bool = False) -> Database:
    """Open and migrate the database at a path or URL (None: the default); `create` makes a missing file."""
    return Database.open(location, create=create)


def unit_of_work(database: Database, write: bool = False) -> UnitOfWork:
    """Return one transaction on the database, to read in or (with `write`) to change it."""
    return UnitOfWork(database, write=write)


def storage_failure(error: Exception, location: str | None) -> DomainError | None:
    """Return the message for a failure of the database file or its disk (None: another error)."""
    url = resolve_url(location)
    return storage_fault(error, sqlite_file(url) or url)
