"""Where databases and their backups live, and how a database file is checked and read without writing.

The lowest layer of the database modules: `database` (engines, migrations) and `backup_copies` (the copies)
both stand on it, and it imports neither.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy.engine import URL, make_url

from grassroots_app.domain.errors import N_, InvalidInput, NotFound
from grassroots_app.domain.server import DEFAULT_PORT, SSL_MODES, ServerAddress
from grassroots_app.paths import APP_NAME
from grassroots_app.persistence.files import is_backup_file

ENV_VARIABLE = "GRASSROOTS_DB"
FOLDER_VARIABLE = "GRASSROOTS_BACKUP_DIR"
CONNECT_TIMEOUT_S = 10  # an unreachable server is given up on after this many seconds


def _data_folder() -> Path:
    """Return the per-user data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """Return the SQLite file in the per-user data folder."""
    return _data_folder() / "grassroots.sqlite"


def resolve_location(location: str | Path | None) -> str | Path:
    """Return the database a path or URL names: a URL as given, a path as an absolute file
    (nothing: $GRASSROOTS_DB, then the default file)."""
    text = str(location or os.environ.get(ENV_VARIABLE) or default_database_path())
    return text if "://" in text else Path(text).expanduser().resolve()


def resolve_url(location: str | None) -> str:
    """Turn a file path or SQLAlchemy URL (or nothing: $GRASSROOTS_DB, then the default) into a URL."""
    found = resolve_location(location)
    return found if isinstance(found, str) else f"sqlite:///{found}"


def lacks_password(location: str | None) -> str | None:
    """Return the login of a server URL that names no password while none is in the environment (PGPASSWORD)."""
    url = make_url(resolve_url(location))
    if url.get_backend_name() != "postgresql" or url.password is not None or os.environ.get("PGPASSWORD"):
        return None
    return url.username or os.environ.get("PGUSER") or ""


def with_password(location: str, password: str) -> str:
    """Return a server URL with the password given (kept in memory only)."""
    return make_url(resolve_url(location)).set(password=password).render_as_string(hide_password=False)


def server_url(address: ServerAddress, password: str) -> str:
    """Return the SQLAlchemy URL of a server address logged in with a password (given up on after a while)."""
    query = {"sslmode": address.ssl_mode, "connect_timeout": str(CONNECT_TIMEOUT_S)}
    if address.root_certificate:
        query["sslrootcert"] = address.root_certificate
    url = URL.create("postgresql+psycopg", username=address.login, password=password or None, host=address.host,
                     port=address.port, database=address.database, query=query)
    return url.render_as_string(hide_password=False)


def address_of(location: str) -> ServerAddress | None:
    """Return the server address of a PostgreSQL URL (None: a file, or no host, login or database in it)."""
    url = make_url(resolve_url(location))
    if url.get_backend_name() != "postgresql" or not (url.host and url.username and url.database):
        return None
    mode = str(url.query.get("sslmode", SSL_MODES[0]))
    return ServerAddress(url.host, url.database, url.username, url.port or DEFAULT_PORT,
                         mode if mode in SSL_MODES else SSL_MODES[0], str(url.query.get("sslrootcert", "")))


def without_password(location: str) -> str:
    """Return a location as it may be remembered: a URL without its password (a path as it is)."""
    url = make_url(resolve_url(location))
    if url.password is None:
        return location
    kept = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return kept.render_as_string(hide_password=False)


def shown_url(location: str) -> str:
    """Return a database URL as the clerk is shown it: without its password and connection options."""
    url = make_url(resolve_url(location))
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database).render_as_string()


def sqlite_file(url: str) -> Path | None:
    """Return the file of an SQLite URL, or None for another database, an in-memory one or an SQLite URI."""
    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    if name.startswith("file:") or parsed.query.get("uri"):
        return None
    return Path(name).expanduser().resolve()


def is_write_protected(path: Path) -> bool:
    """Return whether an existing database file may be read but not written (nor its journal made beside it)."""
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def check_database_file(path: Path, create: bool) -> None:
    """Refuse a missing file (unless one may be created: its folder is made then) and an empty one."""
    if not path.exists():
        if not create:
            raise NotFound(N_("There is no database at '{path}'."), path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise InvalidInput(N_("'{path}' is a folder, not a database file: name the database file in it."),
                           path=str(path))
    if path.is_file() and path.stat().st_size == 0:
        raise InvalidInput(
            N_("'{path}' is an empty file (0 bytes), not a database: perhaps a copy that failed. "
               "Choose the right file, or delete this one first."), path=str(path))


def read_only_connection(path: Path, **options: Any) -> sqlite3.Connection:
    """Open an existing database read-only with the plain driver; immutable when its folder cannot take the
    WAL index (a write-protected folder or drive)."""
    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro{immutable}", uri=True, check_same_thread=False, **options)


def backup_folder() -> Path:
    """Return the folder of the automatic backups: $GRASSROOTS_BACKUP_DIR, else `backups` in the data folder."""
    named = os.environ.get(FOLDER_VARIABLE)
    if named:
        return Path(named).expanduser().resolve()
    return _data_folder() / "backups"


def is_backup(path: Path) -> bool:
    """Return whether a database file is a Grassroots backup (see files.is_backup_file): it is only ever read."""
    return is_backup_file(path.resolve(), backup_folder().resolve())
