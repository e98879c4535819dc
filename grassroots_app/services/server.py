"""The use cases of a shared PostgreSQL server: set it up, load an office's file, manage clerks, read the audit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.domain.server import SSL_MODES, AuditEntry, AuditFilter, Clerk, ServerAddress, server_address
from grassroots_app.persistence import server
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.faults import LOGIN_REFUSED
from grassroots_app.persistence.locations import address_of, check_database_file, server_url, without_password
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.units import resolve_unit, unit_paths

__all__ = ["SSL_MODES", "AuditEntry", "Clerk", "ServerAddress", "address_of", "server_address", "server_url", "without_password"]
EMPTY_PASSWORD = N_("A clerk's password may not be empty. Nothing was changed.")


def open_server(url: str) -> Database:
    """Open (and migrate) the server database at an administrator's URL; refuse anything but PostgreSQL."""
    server.require_server_url(url)
    return Database.open(url, backup=False)


def refused_login(error: BaseException) -> bool:
    """Return whether opening a server failed because it refused the login (a wrong or changed password)."""
    return isinstance(error, DomainError) and error.template == LOGIN_REFUSED


def init_server(database: Database) -> None:
    """Set the database up for clerks: roles, row security, audit (again: brought up to date)."""
    server.initialise(database)


def load_office(database: Database, source: Path) -> dict[str, int]:
    """Load an office's SQLite file into the server's empty database (after setting it up)."""
    check_database_file(source, create=False)
    office = Database.open(str(source), daily=False)  # brought to this program's schema first, backed up before
    office.close()
    copied = server.load_file(database, source)
    server.initialise(database)
    return copied


def add_clerk(database: Database, login: str, scope: list[str], password: str, read_only: bool = False,
              manager: bool = False) -> Clerk:
    """Make a clerk with a scope of units (named by id, code or path), as the administrator or a manager."""
    if not password:
        raise InvalidInput(EMPTY_PASSWORD)
    with UnitOfWork(database) as uow:
        roots = tuple(dict.fromkeys(resolve_unit(uow, reference).id for reference in scope))
    clerk = Clerk(login, roots, read_only, manager)
    server.add_clerk(database, clerk, password)
    return clerk


def clerks(database: Database) -> list[Clerk]:
    """Return the clerks the caller may see."""
    return server.clerks(database)


def disable_clerk(database: Database, login: str) -> None:
    """Disable a clerk's login."""
    server.disable_clerk(database, login)


def current_clerk(database: Database) -> Clerk | None:
    """Return the logged-in clerk (None: a file, or the administrator)."""
    return server.current_clerk(database)


def writable_places(database: Database) -> frozenset[str] | None:
    """Return the ids of the units and clusters the logged-in clerk may change (None: any)."""
    return server.writable_places(database)


def scope_names(database: Database, clerk: Clerk) -> list[str]:
    """Return the names of the units of a clerk's scope, as paths."""
    with UnitOfWork(database) as uow:
        paths = unit_paths(uow, clerk.roots, date.today())
    return [paths.get(root, root) for root in clerk.roots]


def audit(database: Database, under: str | None = None, by: str | None = None, since: date | None = None,
          until: date | None = None, table: str | None = None, row_id: str | None = None,
          limit: int | None = None) -> list[AuditEntry]:
    """Return the changes the caller may read: under a unit (id, code or path), by a login, over days [since, until]."""
    under_id = None
    if under is not None:
        with UnitOfWork(database) as uow:
            under_id = resolve_unit(uow, under).id
    wanted = AuditFilter(
        under_id, by, datetime.combine(since, time()) if since else None,
        datetime.combine(until + timedelta(days=1), time()) if until else None,
        table, row_id, limit)
    return server.audit(database, wanted)


def on_server(database: Database) -> bool:
    """Return whether the database is on a PostgreSQL server (else an SQLite file)."""
    return database.engine.dialect.name == "postgresql"
