"""Fixtures of the shared-server tests: a database set up for clerks on the throwaway PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from grassroots_app.persistence.database import Database
from grassroots_app.services import server
from tests.engines import Databases, driver_url


@dataclass
class Shared:
    """A database set up as a shared server: its administrator's URL and a way to log in as a clerk."""

    databases: Databases
    url: str

    @property
    def name(self) -> str:
        """Return the database's name on the server."""
        return self.url.rsplit("/", 1)[1]

    def clerk_url(self, login: str, password: str) -> str:
        """Return the SQLAlchemy URL a clerk uses."""
        return str(self.databases.server.url(self.name, login, password))

    def count(self, table: str) -> int:
        """Return how many rows a table of the application holds, as the administrator sees it."""
        with self.connect() as admin:
            return int(admin.execute(f"SELECT count(*) FROM public.{table}").fetchone()[0])  # noqa: S608

    def connect(self, login: str | None = None, password: str | None = None) -> Any:
        """Return a psycopg connection (autocommit) as the administrator or as a clerk."""
        import psycopg  # noqa: PLC0415 - PostgreSQL only

        url = self.url if login is None else self.clerk_url(login, password or "")
        return psycopg.connect(driver_url(url), autocommit=True)


@pytest.fixture(scope="module")
def shared(pg_databases: Databases) -> Iterator[Shared]:
    """A migrated database set up for clerks (server init), kept for a module."""
    url = pg_databases.create()
    database = Database.open(url, backup=False)
    try:
        server.init_server(database)
    finally:
        database.close()
    yield Shared(pg_databases, url)
    pg_databases.drop(url)
