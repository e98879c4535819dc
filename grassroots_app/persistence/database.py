"""Opening a database: where it lives, the engine with safe SQLite settings, and migrations."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from grassroots_app.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

REVISION_LINE = re.compile(r"^(down_)?revision\s*=\s*['\"]?(\w+|None)['\"]?\s*$", re.MULTILINE)
VERSION_TABLE = "alembic_version"
APP_NAME = "Grassroots"
ENV_VARIABLE = "GRASSROOTS_DB"
WRITE_OPTION = "grassroots_write"  # an execution option: the transaction will write


def default_database_path() -> Path:
    """Return the SQLite file in the per-user data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "grassroots.sqlite"


def resolve_url(location: str | None) -> str:
    """Turn a file path or SQLAlchemy URL (or nothing: $GRASSROOTS_DB, then the default) into a URL."""
    location = location or os.environ.get(ENV_VARIABLE) or str(default_database_path())
    if "://" in location:
        return location
    path = Path(location).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _configure_sqlite(engine: Engine) -> None:
    """Turn on foreign keys, WAL and full sync, and let SQLAlchemy own the transactions."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=5000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def for_writing(engine: Engine) -> Engine:
    """Return the engine for transactions that write: on SQLite they begin IMMEDIATE (see contention.py)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def make_engine(url: str, pooled: bool = True) -> Engine:
    """Create an engine for the URL (unpooled: each connection closed after use); SQLite gets the safe settings."""
    engine = create_engine(url) if pooled else create_engine(url, poolclass=NullPool)
    if make_url(url).get_backend_name() == "sqlite":
        _configure_sqlite(engine)
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
    revisions, predecessors = set(), set()
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


@dataclass
class Database:
    """An open, migrated database."""

    url: str
    engine: Engine

    @classmethod
    def open(cls, location: str | None = None, backup: bool = True, daily: bool = True) -> Database:
        """Open (creating if needed) the database at a path or URL and migrate it to the latest schema.

        With `backup` (the default), an SQLite file that already held a database is copied to the backup
        folder first: before a migration (a failure to do so stops the opening), and, with `daily`, once a day
        (a failure is only logged; the window passes daily=False and makes it in the background). Tests and
        benchmarks that open many databases may pass backup=False.
        """
        url = resolve_url(location)
        engine = make_engine(url)
        stored = stored_revision(engine)
        if stored != head_revision():
            if backup and stored is not None:
                from grassroots_app.persistence.backup import backup_before_migration  # noqa: PLC0415

                try:
                    backup_before_migration(url)
                except BaseException:
                    engine.dispose()
                    raise
            from alembic import command  # noqa: PLC0415 - slow to import; most starts need no migration

            command.upgrade(alembic_config(engine), "head")
        database = cls(url, engine)
        if backup and daily and stored is not None:
            from grassroots_app.persistence.backup import daily_backup  # noqa: PLC0415

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
        return url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()
