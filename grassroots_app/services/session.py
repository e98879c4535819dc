"""Opening a database for a command, and what a failing database file means; Database and UnitOfWork named here for the CLI."""

from __future__ import annotations

from grassroots_app.domain.errors import DomainError
from grassroots_app.persistence.contention import retry_when_busy
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.faults import storage_fault
from grassroots_app.persistence.locations import lacks_password, resolve_url, sqlite_file, with_password
from grassroots_app.persistence.uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "lacks_password", "open_database", "retry_when_busy", "storage_failure",
           "with_password"]


def open_database(location: str | None, create: bool = False) -> Database:
    """Open and migrate the database at a path or URL (None: the default); `create` makes a missing file."""
    return Database.open(location, create=create)


def storage_failure(error: Exception, location: str | None) -> DomainError | None:
    """Return the message for a failure of the database file or its disk (None: another error)."""
    url = resolve_url(location)
    return storage_fault(error, sqlite_file(url) or url)
