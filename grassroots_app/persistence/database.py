"""Opening a database: where it lives, the engine with safe SQLite settings, and migrations."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.paths import migrations_dir
from grassroots_app.persistence.backup_copies import backup_before_migration, daily_backup
from grassroots_app.persistence.faults import READ_ONLY, StorageFault, backup_refusal, storage_fault
from grassroots_app.persistence.locations import (
    check_database_file,
    is_backup,
    is_write_protected,
    read_only_connection,
    resolve_url,
    shown_url,
    sqlite_file,
)

if TYPE_CHECKING:
    from alembic.config import Config

REVISION_LINE = re.compile(r"^(down_)?revision\s*=\s*['\"]?(\w+|None)['\"]?\s*$", re.MULTILINE)
VERSION_TABLE = "alembic_version"
WRITE_OPTION = "grassroots_write"  # an execution option: the transaction will write


def describe_location(location: str) -> tuple[str, str, str]:
    """Return how to name a database path or URL to the user, never with its password: (name, where, in full) -
    an SQLite file's name, folder and path, else the database, its server and the URL."""
    url = make_url(resolve_url(location))
    file = sqlite_file(str(url))
    if file is not None:
        return file.name, str(file.parent), str(file)
    server = f"{url.host}:{url.port}" if url.port else url.host or url.get_backend_name()
    return url.database or "", server, shown_url(location)


def _is_backup(path: Path) -> bool:
    """Return whether an existing database file is a Grassroots backup (see locations.is_backup)."""
    return path.is_file() and is_backup(path)


def opens_read_only(path: Path) -> bool:
    """Return whether an existing database file is only read: write-protected, or a backup (never written into)."""
    return is_write_protected(path) or _is_backup(path)


def _configure_sqlite(engine: Engine, read_only: bool = False) -> None:
    """Turn on foreign keys, WAL and full sync, and let SQLAlchemy own the transactions (read-only: no WAL)."""
    wal = () if read_only else ("journal_mode=WAL",)
    pragmas = ("foreign_keys=ON", *wal, "synchronous=FULL", "busy_timeout=5000")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def for_writing(engine: Engine) -> Engine:
    """Return the engine for transactions that write: on SQLite they begin IMMEDIATE, on a server they are
    SERIALIZABLE (two clerks' conflicting edits: one commits, the other is run again; see contention.py)."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{WRITE_OPTION: True})
    return engine.execution_options(isolation_level="SERIALIZABLE", **{WRITE_OPTION: True})


def make_engine(url: str, pooled: bool = True) -> Engine:
    """Create an engine for the URL (unpooled: each connection closed after use); SQLite gets the safe settings.

    A write-protected SQLite file and a backup are opened read-only; the engine's file and disk failures come
    out as StorageFault naming the file (a write into a backup: that it is a backup, to restore).
    """
    path = sqlite_file(url)
    options: dict[str, Any] = {} if pooled else {"poolclass": NullPool}
    backup = path is not None and _is_backup(path)
    read_only = path is not None and opens_read_only(path)
    if path is not None and read_only:
        options["creator"] = partial(read_only_connection, path)
    engine = create_engine(url, **options)
    if make_url(url).get_backend_name() == "sqlite":
        _configure_sqlite(engine, read_only)
    shown = str(path) if path is not None else shown_url(url)

    @event.listens_for(engine, "handle_error", retval=True)
    def on_error(context: Any) -> BaseException | None:
        fault = storage_fault(context.original_exception, shown)
        if backup and fault is not None and fault.template == READ_ONLY:
            return backup_refusal(shown)
        return fault

    return engine


def alembic_config(engine: Engine) -> Config:
    """Return an Alembic configuration bound to the engine."""
    from alembic.config import Config  # noqa: PLC0415 - Alembic is loaded only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def _revisions() -> tuple[set[str], set[str]]:
    """Return the revisions of the migrations and those named as a predecessor."""
    revisions: set[str] = set()
    predecessors: set[str] = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        for down, value in REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (predecessors if down else revisions).add(value)
    return revisions, predecessors


def known_revisions() -> set[str]:
    """Return every schema revision this program's migrations know (older ones can be migrated forward)."""
    return _revisions()[0]


def head_revision() -> str:
    """Return the newest migration's revision: the one no other migration names as its predecessor."""
    revisions, predecessors = _revisions()
    heads = revisions - predecessors
    if len(heads) != 1:
        raise RuntimeError(f"The migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def stored_revision(engine: Engine) -> str | None:
    """Return the schema revision a database is at (None: a new database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


OLD_AND_PROTECTED = N_("'{path}' is write-protected and was made by an older Grassroots: it must be upgraded "
                       "before use, which needs it writable. Nothing was changed.")
OLD_BACKUP = N_("'{path}' is a backup made by an older Grassroots: it must be upgraded before use, and a backup "
                "is never changed. Restore it instead (grassroots restore '{path}', or 'Restore from a "
                "backup…' in the window). Nothing was changed.")
NEWER_SCHEMA = N_("'{path}' was made by a newer version of Grassroots (schema {revision}); update Grassroots first.")


def _file_revision(path: Path) -> str | None:
    """Return the schema revision of an SQLite file, read without writing anything (not even WAL mode)."""
    connection = read_only_connection(path)
    try:
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (VERSION_TABLE,)).fetchone() is None:
            return None
        row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()  # noqa: S608 - a constant
        return row[0] if row else None
    except sqlite3.Error as error:
        fault = storage_fault(error, path)
        if fault is None:
            raise
        raise fault from error
    finally:
        connection.close()


def _checked_revision(engine: Engine, path: Path | None, url: str) -> str | None:
    """Return the database's schema revision; refuse one this program does not know (a newer Grassroots's).

    An SQLite file is read before anything is written to it, so that a refused file is left byte for byte.
    """
    stored = _file_revision(path) if path is not None and path.exists() else stored_revision(engine)
    if stored is not None and stored not in known_revisions():
        raise InvalidInput(NEWER_SCHEMA, path=str(path or url), revision=stored)
    return stored


def _migrate(engine: Engine, url: str, stored: str | None, backup: bool, path: Path | None) -> None:
    """Bring the database to the newest schema, backed up first when it held one; refuse a file only read."""
    if path is not None and _is_backup(path):
        raise StorageFault(OLD_BACKUP, path=str(path))
    if path is not None and is_write_protected(path):
        raise StorageFault(OLD_AND_PROTECTED, path=str(path))
    if backup and stored is not None:
        backup_before_migration(url)
    from alembic import command  # noqa: PLC0415 - slow to import; most starts need no migration

    command.upgrade(alembic_config(engine), "head")


@dataclass
class Database:
    """An open, migrated database; `damage` is set once its pages are known to be damaged (writes refused)."""

    url: str
    engine: Engine
    damage: DomainError | None = None
    backup_failure: DomainError | None = None  # why today's daily backup was not made
    committed: bool = False  # a unit of work has made a change permanent through it

    @classmethod
    def open(
        cls, location: str | None = None, backup: bool = True, daily: bool = True, create: bool = True
    ) -> Database:
        """Open the database at a path or URL and migrate it to the latest schema.

        A missing SQLite file is created (its folder too) only with `create`; an empty (0-byte) file, a file
        that is no database and a database of a newer Grassroots are refused, changing nothing. A
        write-protected file and a backup (see backup.is_backup) are opened read-only, neither migrated nor
        backed up; their writes are refused.
        With `backup` (the default), an SQLite file that already held a database is copied to the backup
        folder first: before a migration (a failure to do so stops the opening), and, with `daily`, once a day
        (a failure is only logged, a damaged database sets `damage`; the window passes daily=False and makes
        it in the background). Tests and benchmarks that open many databases may pass backup=False.
        """
        url = resolve_url(location)
        path = sqlite_file(url)
        if path is not None:
            check_database_file(path, create)
        engine = make_engine(url)
        try:
            stored = _checked_revision(engine, path, url)
            if stored != head_revision():
                _migrate(engine, url, stored, backup, path)
        except BaseException:
            engine.dispose()
            raise
        database = cls(url, engine)
        if backup and daily and stored is not None and not database.read_only:
            daily_backup(database)
        return database

    @classmethod
    def attach(cls, url: str) -> Database:
        """Use a database another process opened and migrated, holding no connection between uses."""
        return cls(url, make_engine(url, pooled=False))

    @property
    def display_name(self) -> str:
        """Return what to show the user: the file of an SQLite database, else the URL without password."""
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database:
            return url.database
        return shown_url(self.url)

    @property
    def read_only(self) -> bool:
        """Return whether the database is a write-protected file or a backup, opened read-only."""
        path = sqlite_file(self.url)
        return path is not None and opens_read_only(path)

    @cached_property
    def scoped(self) -> bool:
        """Return whether the login is a clerk of a shared server, who sees only their scope (asked once)."""
        if self.engine.dialect.name != "postgresql":
            return False
        with self.engine.connect() as connection:
            if connection.execute(text("SELECT to_regclass('grassroots_server.clerk_scope')")).scalar() is None:
                return False
            return bool(connection.execute(text(
                "SELECT EXISTS (SELECT FROM grassroots_server.clerk_scope WHERE login = session_user)")).scalar())

    def refuse_writes_if_backup(self) -> None:
        """Refuse a write into a backup, opened only to be read, before anything is done."""
        path = sqlite_file(self.url)
        if path is not None and _is_backup(path):
            raise backup_refusal(path)

    def refuse_writes_if_damaged(self) -> None:
        """Refuse a write into a database known to be damaged."""
        if self.damage is not None:
            raise self.damage

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()
