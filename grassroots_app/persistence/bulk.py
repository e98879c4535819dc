"""Bulk loading: plain rows into the tables with Core executemany, all in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from grassroots_app.persistence import closure
from grassroots_app.persistence.database import Database, for_writing
from grassroots_app.persistence.tables import metadata

BATCH_SIZE = 20_000
LOAD_CACHE_KIB = 262_144  # a 256 MiB page cache while loading, given back afterwards

Row = Mapping[str, Any]
sqlite3.register_adapter(date, date.isoformat)  # what SQLAlchemy stores for a date, for rows given to the driver


def insert_tuples(connection: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows given as tuples of the columns with one executemany of the driver (no per-row SQLAlchemy work)."""
    if connection.dialect.paramstyle != "qmark":
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    names, marks = ", ".join(columns), ", ".join("?" * len(columns))
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)


def _table(name: str) -> Table:
    try:
        return metadata.tables[name]
    except KeyError:
        raise ValueError(f"No table is named {name!r}.") from None


class BulkWriter:
    """Buffers rows per table and inserts them in batches, parent tables before child tables."""

    def __init__(self, connection: Connection, batch_size: int = BATCH_SIZE) -> None:
        self.connection = connection
        self.batch_size = batch_size
        self.buffers: dict[str, list[Row]] = {}
        self.written: dict[str, int] = {}

    def add(self, table: str, row: Row) -> None:
        """Queue one row (a dict of column values; every row of a table has the same keys)."""
        buffer = self.buffers.get(table)
        if buffer is None:
            _table(table)
            buffer = self.buffers[table] = []
        buffer.append(row)
        if len(buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Insert every queued row, in the order of the foreign keys, so that parents exist first."""
        for table in metadata.sorted_tables:
            rows = self.buffers.get(table.name)
            if rows:
                self.connection.execute(insert(table), rows)
                self.written[table.name] = self.written.get(table.name, 0) + len(rows)
                self.buffers[table.name] = []


@contextmanager
def bulk_load(database: Database, batch_size: int = BATCH_SIZE) -> Iterator[BulkWriter]:
    """Yield a writer whose rows are all committed on leaving, or none at all if anything fails."""
    with for_writing(database.engine).connect() as connection, _large_cache(connection):
        with connection.begin():
            writer = BulkWriter(connection, batch_size)
            yield writer
            writer.flush()
            if writer.written.get("unit") or writer.written.get("unit_link"):
                closure.rebuild(connection)
        database.committed = True
        _checkpoint(connection)


def _sqlite_driver(connection: Connection) -> Any:
    """Return the sqlite3 connection under a SQLite connection, else None."""
    return connection.connection.driver_connection if connection.dialect.name == "sqlite" else None


@contextmanager
def _large_cache(connection: Connection) -> Iterator[None]:
    """Give SQLite a large page cache for the duration, then its previous size back."""
    driver = _sqlite_driver(connection)
    if driver is None:
        yield
        return
    previous = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size={int(previous)}")


def _checkpoint(connection: Connection) -> None:
    """Copy the committed pages into the database file and shrink the write-ahead log."""
    driver = _sqlite_driver(connection)
    if driver is not None:
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def count_rows(database: Database, table: str) -> int:
    """Return the number of rows a table holds."""
    with database.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(_table(table))).scalar_one())
