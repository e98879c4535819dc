"""A shared PostgreSQL server: setting it up, loading an office's file into it, its clerks, and its audit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Integer, Table, create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from grassroots_app.domain.errors import N_, InvalidInput, RuleViolation
from grassroots_app.domain.server import AuditEntry, AuditFilter, Clerk
from grassroots_app.persistence import closure
from grassroots_app.persistence.database import Database, describe_location
from grassroots_app.persistence.locations import resolve_url
from grassroots_app.persistence.server_schema import PRIVATE, SERVER, init_statements
from grassroots_app.persistence.tables import metadata

NOT_A_SERVER = N_("'{url}' is not a PostgreSQL server: the server commands need a URL such as "
                  "postgresql+psycopg://admin@host/database.")
NOT_SET_UP = N_("The database '{url}' is not set up for clerks yet: run 'grassroots server init' on it first.")
NOT_EMPTY = N_("The server's database already holds {count} units: an office's file is loaded only into an empty "
               "one. Nothing was changed.")
REFUSALS = {
    "not-a-manager": N_("Only the administrator, or a clerk who manages clerks, may do this. Nothing was changed."),
    "out-of-scope": N_("A clerk may be given only units inside your own scope, and no more than you may do there. "
                       "Nothing was changed."),
    "no-scope": N_("A clerk needs at least one unit as their scope (--scope). Nothing was changed."),
    "no-such-unit": N_("A unit of the scope does not exist on the server. Nothing was changed."),
    "bad-login": N_("'{login}' cannot be a login: use lower-case letters without accents, digits and '_', "
                    "starting with a letter (at most 63). Nothing was changed."),
    "login-taken": N_("The login '{login}' already exists on the server. Nothing was changed."),
    "no-such-clerk": N_("No clerk has the login '{login}'. Nothing was changed."),
}
REFUSAL_CODE = re.compile(r"grassroots:([a-z-]+)")
COPY_BATCH = 20_000


def require_server(database: Database) -> None:
    """Refuse a database that is not on a PostgreSQL server."""
    if database.engine.dialect.name != "postgresql":
        raise InvalidInput(NOT_A_SERVER, url=database.display_name)


def require_server_url(location: str) -> None:
    """Refuse a location that is not a PostgreSQL URL, before anything is opened (or a file made)."""
    url = resolve_url(location)
    if make_url(url).get_backend_name() != "postgresql":
        raise InvalidInput(NOT_A_SERVER, url=describe_location(url)[2])


def is_set_up(connection: Connection) -> bool:
    """Return whether the database has been set up for clerks (server init)."""
    return inspect(connection).has_table("clerk", schema=SERVER)


@contextmanager
def _refusals(login: str = "") -> Iterator[None]:
    """Turn the server functions' refusals (a `grassroots:…` code) into the clerk's message."""
    try:
        yield
    except DBAPIError as error:
        found = REFUSAL_CODE.search(str(error.orig))
        if found is None or found.group(1) not in REFUSALS:
            raise
        raise RuleViolation(REFUSALS[found.group(1)], login=login) from error


def _application_tables(connection: Connection) -> list[str]:
    """Return the application's tables in the public schema (the migrations' own version table included)."""
    return sorted(inspect(connection).get_table_names(schema="public"))


def initialise(database: Database) -> None:
    """Set a migrated database up as a shared server, in one transaction (again: brought up to date)."""
    require_server(database)
    with database.engine.begin() as connection:
        for statement in init_statements(_application_tables(connection)):
            connection.exec_driver_sql(statement.replace("%", "%%"))  # no parameters: a % is the SQL's own


def load_file(database: Database, source: Path) -> dict[str, int]:
    """Copy every row of an office's SQLite file into the server's empty database, ids kept, in one transaction.

    The rows stream through PostgreSQL's COPY, table by table in the order of the foreign keys; the copy is not
    audited row by row (the triggers are off while loading, as the administrator may); the closure is computed
    afresh. Returns how many rows each table received.
    """
    require_server(database)
    reader = create_engine(f"sqlite:///{source}")
    copied: dict[str, int] = {}
    try:
        with reader.connect() as origin, database.engine.begin() as target:
            held = target.execute(select(func.count()).select_from(metadata.tables["unit"])).scalar_one()
            if held:
                raise RuleViolation(NOT_EMPTY, count=held)
            target.exec_driver_sql("SET LOCAL session_replication_role = replica")
            for table in metadata.sorted_tables:
                if table.name != closure.CLOSURE.name:
                    copied[table.name] = _copy_table(origin, target, table)
            target.exec_driver_sql("SET LOCAL session_replication_role = origin")
            target.exec_driver_sql("ANALYZE")  # the planner's statistics of the tables just filled
            closure.rebuild(target)
            target.exec_driver_sql(f"ANALYZE {closure.CLOSURE.name}")
            _advance_sequences(target)
    finally:
        reader.dispose()
    return copied


def _copy_table(origin: Connection, target: Connection, table: Table) -> int:
    """Stream one table's rows from the file into the server with COPY; return how many."""
    names = [column.name for column in table.columns]
    rows = origin.execution_options(yield_per=COPY_BATCH).execute(select(*table.columns))
    count = 0
    with target.connection.driver_connection.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
            f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row))
            count += 1
    return count


def _advance_sequences(connection: Connection) -> None:
    """Move each serial key's sequence past the largest id loaded."""
    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": key[0].name}).scalar()
        if sequence:
            largest = connection.execute(select(func.max(key[0]))).scalar() or 0
            connection.execute(text("SELECT setval(:s, :n, false)"), {"s": sequence, "n": largest + 1})


def add_clerk(database: Database, clerk: Clerk, password: str) -> None:
    """Make a clerk's login with a password, their scope and what they may do (one transaction)."""
    require_server(database)
    with _refusals(clerk.login), database.engine.begin() as connection:
        connection.execute(
            text(f"SELECT {PRIVATE}.add_clerk(:login, :password, :roots, :read_only, :manager)"),
            {"login": clerk.login, "password": password, "roots": list(clerk.roots),
             "read_only": clerk.read_only, "manager": clerk.manager})


def disable_clerk(database: Database, login: str) -> None:
    """Disable a clerk's login (kept for the audit, no longer able to connect)."""
    require_server(database)
    with _refusals(login), database.engine.begin() as connection:
        connection.execute(text(f"SELECT {PRIVATE}.disable_clerk(:login)"), {"login": login})


def clerks(database: Database) -> list[Clerk]:
    """Return the clerks the caller may see: all for the administrator, else themselves and those in their scope."""
    require_server(database)
    with database.engine.connect() as connection:
        if not is_set_up(connection):
            raise RuleViolation(NOT_SET_UP, url=database.display_name)
        rows = connection.execute(text(f"SELECT * FROM {PRIVATE}.clerks()"))
        return [Clerk(row.login, tuple(row.roots), row.read_only, row.manager, row.disabled) for row in rows]


def current_clerk(database: Database) -> Clerk | None:
    """Return the logged-in clerk, or None on a file, on a server not set up, or for the administrator."""
    if database.engine.dialect.name != "postgresql":
        return None
    with database.engine.connect() as connection:
        if not is_set_up(connection):
            return None
        row = connection.execute(text(f"SELECT * FROM {PRIVATE}.clerks() WHERE login = session_user")).first()
    return Clerk(row.login, tuple(row.roots), row.read_only, row.manager, row.disabled) if row else None


def writable_places(database: Database) -> frozenset[str] | None:
    """Return the ids of the units and clusters the logged-in clerk may change (None: any, on a file or as the
    administrator)."""
    if current_clerk(database) is None:
        return None
    query = f"SELECT {PRIVATE}.writable_units() UNION ALL SELECT {PRIVATE}.writable_clusters()"
    with database.engine.connect() as connection:
        return frozenset(connection.execute(text(query)).scalars())


def audit(database: Database, wanted: AuditFilter) -> list[AuditEntry]:
    """Return the audit rows the caller may read that match the filter, newest first."""
    require_server(database)
    conditions, values = ["true"], dict[str, object]()
    if wanted.under is not None:
        conditions.append("place_id IN (SELECT descendant_id FROM public.unit_closure WHERE ancestor_id = :under)")
        values["under"] = wanted.under
    for name, condition, value in (("by", "login = :by", wanted.by), ("since", "at >= :since", wanted.since),
                                   ("before", "at < :before", wanted.before),
                                   ("table", "table_name = :table", wanted.table),
                                   ("row_id", "row_id = :row_id", wanted.row_id)):
        if value is not None:
            conditions.append(condition)
            values[name] = value
    limit = f" LIMIT {int(wanted.limit)}" if wanted.limit else ""
    query = text(f"SELECT * FROM {SERVER}.audit_log WHERE {' AND '.join(conditions)} "  # noqa: S608 - fixed parts
                 f"ORDER BY at DESC, id DESC{limit}")
    with database.engine.connect() as connection:
        if not is_set_up(connection):
            raise RuleViolation(NOT_SET_UP, url=database.display_name)
        rows = connection.execute(query, values)
        return [AuditEntry(row.at.astimezone(), row.login, row.table_name, row.row_id, row.action, row.old_values or {},
                           row.new_values or {}, row.transaction_id, row.place_id) for row in rows]

