"""The database and the units of work the use cases run in, as the window and the command line reach them."""

from __future__ import annotations

from grassroots_app.persistence.database import APP_NAME, Database, default_database_path, describe_location
from grassroots_app.persistence.faults import file_fault
from grassroots_app.persistence.uow import UnitOfWork

__all__ = ["APP_NAME", "Database", "UnitOfWork", "default_database_path", "describe_location", "file_fault",
           "unit_of_work"]


def unit_of_work(database: Database, write: bool = False) -> UnitOfWork:
    """Return one transaction on the database, to read in or (with `write`) to change it."""
    return UnitOfWork(database, write=write)
