"""The two database engines the suites run on: an SQLite file, and a database on a throwaway PostgreSQL server.

Raw SQL and whole-database dumps here go through each engine's own driver, not through the application.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
# The Windows check runs under Wine, where no PostgreSQL server can be run: there the suites run on SQLite only.
ENGINES = (SQLITE,) if os.name == "nt" else (SQLITE, POSTGRESQL)
PLACEHOLDER = re.compile(r"\?")
# The `new_database` fixture: (the asking fixture's or test's request, an engine) -> a new database's location.
NewDatabase = Callable[[pytest.FixtureRequest, str], str]


def is_file(location: str | Path) -> bool:
    """Return whether a database location is an SQLite file (a path) rather than a server URL."""
    return "://" not in str(location)


def driver_url(location: str) -> str:
    """Return the libpq URL of a SQLAlchemy `postgresql+psycopg://` URL."""
    return re.sub(r"^postgresql\+psycopg://", "postgresql://", location)


def _pg_connect(location: str) -> Any:
    import psycopg  # noqa: PLC0415 - only the PostgreSQL runs need it

    return psycopg.connect(driver_url(location), autocommit=True)


def rows(location: str | Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    """Run one statement (`?` placeholders) with the engine's own driver and return its rows."""
    with connected(location) as connection:
        return connection.rows(query, *params)


def as_stored(value: Any) -> Any:
    """Return a PostgreSQL value as SQLAlchemy stores it in SQLite: days and times as their ISO text."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


class Connection:
    """One connection held open with the engine's own driver, for many statements (`?` placeholders) in a row."""

    def __init__(self, location: str | Path) -> None:
        self.file = is_file(location)
        self.handle: Any = sqlite3.connect(location) if self.file else _pg_connect(str(location))

    def rows(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (days as ISO text on both engines)."""
        if self.file:
            fetched = self.handle.execute(query, params).fetchall()
            self.handle.commit()
            return list(fetched)
        cursor = self.handle.execute(PLACEHOLDER.sub("%s", query.replace("%", "%%")), params)
        return [tuple(map(as_stored, row)) for row in cursor.fetchall()] if cursor.description else []

    def close(self) -> None:
        """Close the connection."""
        self.handle.close()


@contextlib.contextmanager
def connected(location: str | Path) -> Iterator[Connection]:
    """Hold one connection to a database for the block."""
    connection = Connection(location)
    try:
        yield connection
    finally:
        connection.close()


def dump(location: str | Path) -> list[str]:
    """Return the whole content of a database as lines (to show that nothing changed)."""
    if is_file(location):
        with contextlib.closing(sqlite3.connect(location)) as connection:  # closed: not held open like a window
            return list(connection.iterdump())
    lines: list[str] = []
    with _pg_connect(str(location)) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").fetchall()
        for (table,) in tables:
            content = connection.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608 - the catalogue's names
            lines.extend(sorted(f"{table}: {tuple(row)!r}" for row in content))
    return lines


class Databases:
    """Fresh databases on a throwaway server, each a copy of one migrated database (made once)."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.made = 0
        self.admin = _pg_connect(server.url())
        self.template = self._new_name()
        self.admin.execute(f"CREATE DATABASE {self.template}")
        self._migrate(server.url(self.template))

    def _new_name(self) -> str:
        self.made += 1
        return f"t{os.getpid()}_{self.made}"

    @staticmethod
    def _migrate(url: str) -> None:
        from grassroots_app.persistence.database import Database  # noqa: PLC0415 - after the test set-up

        Database.open(url, backup=False).close()

    def create(self, like: str | None = None) -> str:
        """Create a new database and return its URL: a copy of the database at `like` (nobody may be connected to
        it), else a migrated, empty one."""
        name, template = self._new_name(), self.template if like is None else like.rsplit("/", 1)[1]
        self.admin.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.server.url(name)

    def drop(self, url: str) -> None:
        """Drop a database made here, ending whatever connections are still open to it, and its clerks' logins
        (a login belongs to the whole server: the next test may make one of the same name)."""
        name = url.rsplit("/", 1)[1]
        with _pg_connect(url) as connection:
            made = connection.execute("SELECT to_regclass('grassroots_server.clerk') IS NOT NULL").fetchone()[0]
            logins = connection.execute("SELECT login FROM grassroots_server.clerk").fetchall() if made else []
        self.admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for (login,) in logins:
            self.admin.execute(f'DROP ROLE IF EXISTS "{login}"')

    def close(self) -> None:
        """Close the administrator's connection."""
        self.admin.close()
