"""Backups made: consistent copies of SQLite databases, their names, their rotation, the automatic ones.

Every copy is made with SQLite's online backup API (never a file copy of a database in use) into a hidden
temporary file beside its target, flushed to disk, then renamed into place: a backup is whole or absent.
Automatic backups go to the backup folder (see locations.backup_folder); GRASSROOTS_BACKUP_KEEP ('7,4,12')
sets how many daily, weekly and monthly backups the rotation keeps (see grassroots_app.domain.backups for
the names and rules). Only SQLite database files are backed up: the automatic backups skip other URLs, the
explicit functions refuse them. Reading and restoring backups is `backup`'s.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from grassroots_app.domain.backups import (
    BackupKind,
    BackupName,
    Retention,
    backup_name,
    parse_backup_name,
    parse_retention,
    to_delete,
)
from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.persistence.faults import (
    READ_ONLY,
    DamagedDatabase,
    StorageFault,
    backup_refusal,
    damaged,
    storage_fault,
)
from grassroots_app.persistence.files import SIDE_FILES, OutputGuard, expanded, fsync_file, fsync_folder
from grassroots_app.persistence.locations import (
    backup_folder,
    check_database_file,
    is_backup,
    is_write_protected,
    read_only_connection,
    resolve_location,
    shown_url,
    sqlite_file,
)
from grassroots_app.persistence.repositories import SettingsRepository
from grassroots_app.tempfiles import STALE_AFTER_S, temporary_beside

RETENTION_VARIABLE = "GRASSROOTS_BACKUP_KEEP"
BUSY_SECONDS = 5.0
LEFTOVER_AGE_S = STALE_AFTER_S  # a temporary file of a copy older than this was cut off: it is swept

log = logging.getLogger(__name__)


class OpenDatabase(Protocol):
    """What the backups need of an open database (a persistence.database.Database)."""

    url: str
    engine: Engine
    damage: DomainError | None
    backup_failure: DomainError | None


def retention() -> Retention:
    """Return the retention of the automatic backups: $GRASSROOTS_BACKUP_KEEP ('7,4,12'), else the default."""
    text = os.environ.get(RETENTION_VARIABLE, "").strip()
    return parse_retention(text) if text else Retention()


Location = str | Path | OpenDatabase | None  # a file path, an SQLAlchemy URL, an open database, or the default


def _named(location: Location) -> str | Path | None:
    """Return the path or URL a location names (None: the default)."""
    return location if location is None or isinstance(location, str | Path) else location.url


def database_file(location: Location) -> Path | None:
    """Return the file of an SQLite database (path, URL or open Database), or None for any other database."""
    found = resolve_location(_named(location))
    return found if isinstance(found, Path) else sqlite_file(found)


def output_guard(location: Location = None) -> OutputGuard:
    """Return the guard that keeps every output off a database (path, URL or open Database) and the backups."""
    return OutputGuard(database_file(location), backup_folder().resolve())


def require_database_file(location: Location) -> Path:
    """Return the file of an SQLite database; refuse any other kind of database."""
    path = database_file(location)
    if path is None:
        url = shown_url(str(resolve_location(_named(location))))
        raise InvalidInput(
            N_("Only SQLite database files can be backed up or restored; '{url}' is not one."), url=url
        )
    return path


def database_tag(path: Path) -> str:
    """Return the six hex digits that tell apart databases of the same file name in the backup folder."""
    key = os.path.normcase(str(path.resolve()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:6]


def backups_of(database: Path, folder: Path) -> list[BackupName]:
    """Return the named backups of one database in the folder (a directory listing, no file opened)."""
    if not folder.is_dir():
        return []
    stem, tag = database.stem, database_tag(database)
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(stem) and entry.is_file():
                name = parse_backup_name(Path(entry.path))
                if name is not None and (name.stem, name.tag) == (stem, tag):
                    found.append(name)
    return sorted(found, key=lambda name: name.order)


# --- copying --------------------------------------------------------------------------------


def _uri(path: Path, mode: str) -> str:
    """Return the URI that opens a file in a mode ('ro', 'rw') without ever creating it."""
    return f"{path.resolve().as_uri()}?mode={mode}"


@contextmanager
def connect(path: Path, mode: str = "ro") -> Iterator[sqlite3.Connection]:
    """Open an existing SQLite file with the plain driver (autocommit), closed on leaving (write-protected: 'ro')."""
    if mode == "rw" and (is_write_protected(path) or is_backup(path)):
        connection = read_only_connection(path, timeout=BUSY_SECONDS, isolation_level=None)
    else:
        connection = sqlite3.connect(_uri(path, mode), uri=True, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def online_copy(source: Path, temporary: Path, mode: str = "rw") -> None:
    """Copy a database with the online backup API into a new self-contained file (rollback journal).

    The source is opened read-write (mode 'rw', needed to read a database in WAL mode whatever its side
    files) or read-only ('ro', for a backup on a write-protected drive).
    """
    with connect(source, mode) as reader:
        destination = sqlite3.connect(temporary, isolation_level=None)
        try:
            reader.backup(destination)  # one step: a consistent snapshot, writers are not blocked (WAL)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()


def _check_pages(copy: Path, source: Path) -> None:
    """Refuse a copy whose pages fail SQLite's quick check: the source it was copied from is damaged."""
    with connect(copy, "ro") as connection:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        found = [" ".join(problem.replace("*** in database main ***", "").split()) for problem in problems[:3]]
        raise damaged(source, "; ".join(found))


def copy_database(source: Path, target: Path) -> None:
    """Write a checked, consistent copy of the SQLite database at source to target, whole or not at all.

    Raises DamagedDatabase when the copy fails the quick check, sqlite3.Error when the source cannot be read
    as a database, OSError when the target cannot be written; target is then untouched and no temporary
    file is left.
    """
    temporary = temporary_beside(target)
    try:
        online_copy(source, temporary)
        _check_pages(temporary, source)
        fsync_file(temporary)
        os.replace(temporary, target)
    finally:
        remove_with_side_files(temporary)
    fsync_folder(target.parent)


def free_name(database: Path, folder: Path, kind: BackupKind, taken: datetime) -> Path:
    """Return the dated name of a new backup in the folder, numbered when one of the same second exists."""
    serial = 1
    while True:
        target = folder / backup_name(database.stem, database_tag(database), taken, kind, serial).file_name
        if not target.exists():
            return target
        serial += 1


def _cannot_back_up(error: Exception) -> InvalidInput:
    reason = getattr(error, "strerror", None) or str(error)
    return InvalidInput(N_("Cannot make the backup: {reason}."), reason=reason)


def copy_fault(error: Exception, source: Path, target: Path) -> DomainError:
    """Return the refusal of a copy that failed: the source unreadable as a database, or the target's disk."""
    fault = storage_fault(error, source)
    if isinstance(fault, DamagedDatabase):
        return fault
    folder = target if target.is_dir() else target.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return StorageFault(READ_ONLY, path=str(target))
    return storage_fault(error, target) or _cannot_back_up(error)


def _existing_database(location: Location) -> Path:
    path = require_database_file(location)
    check_database_file(path, create=False)
    return path


def make_backup(
    location: Location,
    kind: BackupKind,
    folder: Path | None = None,
    now: datetime | None = None,
) -> Path:
    """Back up a database into a folder (the backup folder by default) under its dated name; return the file.

    Automatic kinds rotate that database's backups afterwards; manual ones are never deleted.
    """
    database = _existing_database(location)
    folder = folder if folder is not None else backup_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = free_name(database, folder, kind, now or datetime.now())
        copy_database(database, target)
    except (OSError, sqlite3.Error) as error:
        raise copy_fault(error, database, folder) from error
    if kind.rotated:
        rotate(database, folder)
    return target


def backup_to(location: Location, target: Path) -> Path:
    """Back up a database to a chosen file, or into a chosen folder (a USB drive) under its dated name.

    Refused (see OutputGuard): the database, its side files, the backup folder, any existing database or backup.
    """
    database = _existing_database(location)
    guard = output_guard(database)
    if expanded(target).is_dir():
        return make_backup(database, BackupKind.MANUAL, guard.folder(target))
    target = guard.target(target)
    try:
        copy_database(database, target)
    except (OSError, sqlite3.Error) as error:
        raise copy_fault(error, database, target) from error
    return target


def rotate(location: Location, folder: Path | None = None, keep: Retention | None = None) -> list[Path]:
    """Delete the automatic backups of a database that the retention no longer keeps; return them."""
    database = require_database_file(location)
    names = backups_of(database, folder if folder is not None else backup_folder())
    deleted = []
    for name in to_delete(names, keep if keep is not None else retention()):
        assert name.path is not None
        try:
            name.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:  # a backup being read elsewhere (Windows): the next rotation deletes it
            log.warning("Could not delete the old backup %s: %s", name.path, error)
            continue
        deleted.append(name.path)
    return deleted


def backup_before(database: OpenDatabase, kind: BackupKind) -> Path | None:
    """Back up an SQLite database before a change (merge, import, migration); other databases are skipped.

    A backup that cannot be made refuses the change (InvalidInput), rather than change without one.
    """
    path = database_file(database)
    if path is None or not path.is_file():
        return None
    if is_backup(path):  # the change is refused: a backup is never written into
        raise backup_refusal(path)
    return make_backup(path, kind)


def backup_before_migration(url: str) -> Path | None:
    """Back up the SQLite database at a URL before its schema is migrated."""
    path = database_file(url)
    if path is None or not path.is_file():
        return None
    return make_backup(path, BackupKind.PRE_MIGRATION)


def holds_data(database: OpenDatabase) -> bool:
    """Return whether the database has been set up (its model chosen); one that cannot be read counts as set up."""
    try:
        with Session(database.engine) as session:
            return SettingsRepository(session).get() is not None
    except SQLAlchemyError:  # damaged or busy: the backup's own check says what is wrong
        return True


def daily_backup(database: OpenDatabase, now: datetime | None = None) -> Path | None:
    """Back up an SQLite database (not a backup) unless it has a daily backup of today or holds no data yet (the
    day's backup is then taken once it does); failures are only logged.

    When today's backup exists this costs one listing of the backup folder. A refusal is kept as the
    database's `backup_failure`; a database whose copy fails the check of its pages also gets `damage` set
    (as no daily backup is then made, every opening checks it again).
    """
    path = database_file(database)
    if path is None or not path.is_file() or is_backup(path):  # a backup opened to be read is not backed up
        return None
    if not holds_data(database):  # an empty copy would count as the day's backup, made before the first data
        return None
    now = now or datetime.now()
    try:
        folder = backup_folder()
        today = now.date()
        if any(n.kind is BackupKind.DAILY and n.taken.date() == today for n in backups_of(path, folder)):
            return None
        return make_backup(path, BackupKind.DAILY, folder, now)
    except DomainError as error:  # the command line says so; the window says so of a damaged database
        database.backup_failure = error
        if isinstance(error, DamagedDatabase):
            database.damage = error  # known now: its writes are refused
        log.warning("The daily backup of %s failed: %s", path, error)
        return None
    except Exception as error:  # noqa: BLE001 - a missing daily backup must not keep the database closed
        log.warning("The daily backup of %s failed: %s", path, error)
        return None
