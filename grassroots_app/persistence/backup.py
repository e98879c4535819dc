"""Backups of SQLite databases: what they hold, and restoring one; with the making of them, the public API.

The copies themselves (made, named, rotated, the automatic ones) are `backup_copies`'s and where they go is
`locations`'s; the code imports them from there, the tests that name one module for backups find them here too. Restoring replaces the
database file: the caller must close every engine on it first (`Database.close()`); the window must close the
database, and another program holding it open makes the restore refuse.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from grassroots_app.domain.backups import BackupKind, BackupName, parse_backup_name
from grassroots_app.domain.errors import N_, InvalidInput, RuleViolation
from grassroots_app.persistence.backup_copies import (
    LEFTOVER_AGE_S,
    Location,
    backup_to,
    backups_of,
    connect,
    copy_database,
    copy_fault,
    daily_backup,
    database_file,
    database_tag,
    free_name,
    make_backup,
    online_copy,
    output_guard,
    remove_with_side_files,
    require_database_file,
    rotate,
)
from grassroots_app.persistence.database import (
    NEWER_SCHEMA,
    VERSION_TABLE,
    Database,
    head_revision,
    known_revisions,
)
from grassroots_app.persistence.faults import READ_ONLY, DamagedDatabase, StorageFault, backup_refusal, storage_fault
from grassroots_app.persistence.files import SIDE_FILES, fsync_file, fsync_folder
from grassroots_app.persistence.locations import FOLDER_VARIABLE, backup_folder, is_backup, is_write_protected
from grassroots_app.tempfiles import temporary_beside

__all__ = [  # the making of backups, named here too for the tests (see the module's docstring)
    "FOLDER_VARIABLE", "LEFTOVER_AGE_S", "backup_folder", "backup_to", "copy_database",
    "daily_backup", "database_file", "database_tag", "is_backup", "make_backup", "output_guard", "rotate",
    "COUNTED_TABLES", "BackupInfo", "RestoreResult", "check_backup", "describe", "list_backups", "restore",
]

COUNTED_TABLES = ("cadre", "assignment", "activity", "recommendation")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, when, why, how big, its schema and what it holds.

    `counts` maps each unit level and the tables cadre, assignment, activity and recommendation to their
    number of rows (a table the backup's schema lacks is left out); `revision` and `counts` are None when
    the file could not be read.
    """

    path: Path
    kind: BackupKind | None
    taken: datetime
    size: int
    revision: str | None
    counts: dict[str, int] | None = field(default=None)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did."""

    database: Path
    backup: BackupInfo
    kept: Path | None  # the previous database, as a pre-restore backup (None: there was none)
    migrated_from: str | None  # the backup's revision when it had to be migrated forward


# --- reading backups ------------------------------------------------------------------------


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return connection.execute(query, (name,)).fetchone() is not None


def _revision(connection: sqlite3.Connection) -> str | None:
    if not _has_table(connection, VERSION_TABLE):
        return None
    row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()  # noqa: S608 - a constant
    return row[0] if row else None


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Return the units per level and the rows of the main tables the schema has."""
    counts: dict[str, int] = {}
    if _has_table(connection, "unit"):
        counts.update(connection.execute("SELECT level, count(*) FROM unit GROUP BY level ORDER BY level"))
    for table in COUNTED_TABLES:
        if _has_table(connection, table):
            counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    return counts


def _taken(path: Path, name: BackupName | None) -> datetime:
    return name.taken if name is not None else datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def describe(path: Path) -> BackupInfo:
    """Return what a backup file is and holds, read-only; an unreadable file gets no revision nor counts."""
    name = parse_backup_name(path)
    revision: str | None = None
    counts: dict[str, int] | None = None
    try:
        with connect(path, "ro") as connection:
            revision = _revision(connection)
            counts = _counts(connection)
    except sqlite3.Error as error:
        log.info("Could not read the backup %s: %s", path, error)
    return BackupInfo(path, name.kind if name else None, _taken(path, name), path.stat().st_size, revision, counts)


def list_backups(
    location: Location, folder: Path | None = None, every_database: bool = False
) -> list[BackupInfo]:
    """Return the backups of a database in the backup folder, newest first, each described.

    With `every_database`, every backup in the folder, whichever database it was made of.
    """
    database = require_database_file(location)
    folder = folder if folder is not None else backup_folder()
    if every_database:
        names = [n for p in (folder.iterdir() if folder.is_dir() else []) if (n := parse_backup_name(p))]
    else:
        names = backups_of(database, folder)
    names.sort(key=lambda name: name.order, reverse=True)
    return [describe(name.path) for name in names if name.path is not None and name.path.is_file()]


# --- restoring ------------------------------------------------------------------------------


def _unreadable(path: Path, error: sqlite3.Error) -> InvalidInput:
    """Return the refusal of a file SQLite could not read: not a database at all, or a damaged one."""
    if "not a database" in str(error):
        return InvalidInput(N_("'{path}' is not an SQLite database: {reason}."), path=str(path), reason=str(error))
    return InvalidInput(N_("'{path}' failed the integrity check: {reason}."), path=str(path), reason=str(error))


def _check_copy(copy: Path, original: Path) -> str:
    """Check a copy of a backup: intact, made by Grassroots, a schema this program knows; return its revision."""
    try:
        with connect(copy, "ro") as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise InvalidInput(N_("'{path}' failed the integrity check: {reason}."), path=str(original),
                                   reason="; ".join(problems[:3]))
            revision = _revision(connection)
    except sqlite3.Error as error:
        raise _unreadable(original, error) from error
    if revision is None:
        raise InvalidInput(N_("'{path}' is not a Grassroots database: it has no schema revision."),
                           path=str(original))
    if revision not in known_revisions():
        raise InvalidInput(NEWER_SCHEMA, path=str(original), revision=revision)
    return revision


def _checked_copy(backup: Path, beside: Path) -> tuple[Path, str]:
    """Copy a backup beside the database and check the copy; return it and its revision (removed on refusal)."""
    if not backup.is_file():
        raise InvalidInput(N_("There is no file '{path}'."), path=str(backup))
    copy = temporary_beside(beside)
    try:
        try:
            online_copy(backup, copy, "ro")
        except sqlite3.Error as error:  # the backup unreadable, or no room beside the database
            fault = storage_fault(error, beside)
            if fault is None or isinstance(fault, DamagedDatabase):
                raise _unreadable(backup, error) from error
            raise fault from error
        revision = _check_copy(copy, backup)
    except BaseException:
        remove_with_side_files(copy)
        raise
    return copy, revision


def check_backup(backup: Path, location: Location = None) -> BackupInfo:
    """Check a backup as restore() would, changing nothing; return its description (refusals: InvalidInput)."""
    database = require_database_file(location)
    backup = backup.expanduser().resolve()
    copy, _revision_found = _checked_copy(backup, database)
    remove_with_side_files(copy)
    return describe(backup)


def _migrate(copy: Path) -> None:
    """Bring a checked copy to the current schema, and leave it as one self-contained file."""
    database = Database.open(str(copy), backup=False)
    database.close()
    with connect(copy, "rw") as connection:
        connection.execute("PRAGMA journal_mode=DELETE")


def _keep_current(database: Path) -> Path | None:
    """Back up the current database as pre-restore; a database too damaged for SQLite is kept as a raw copy.

    A raw file copy is safe here: no connection holds the database any more (see _take_for_replacement).
    """
    if not database.is_file():
        return None
    try:
        return make_backup(database, BackupKind.PRE_RESTORE)
    except DamagedDatabase as error:
        log.warning("The database %s cannot be read (%s); it is kept as it is", database, error)
    folder = backup_folder()
    target = free_name(database, folder, BackupKind.PRE_RESTORE, datetime.now())
    temporary = temporary_beside(target)
    try:
        shutil.copyfile(database, temporary)
        fsync_file(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise copy_fault(error, database, folder) from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _take_for_replacement(database: Path) -> None:
    """Make sure no other connection holds the database, and fold its write-ahead log into it."""
    if not database.is_file():
        return
    try:
        with connect(database, "rw") as connection:
            connection.execute("PRAGMA busy_timeout = 1000")
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            return  # a database SQLite cannot even open: nothing holds it, it is replaced as it is
        mode = "wal"
    except sqlite3.DatabaseError:
        return
    if mode.lower() != "delete":
        raise RuleViolation(
            N_("The database '{path}' is open in another program; close it before restoring."), path=str(database)
        )


def restore(location: Location, backup: Path) -> RestoreResult:
    """Replace a database with a backup, after checking the backup and keeping the database as a backup.

    The backup is copied beside the database and checked (integrity, a schema this program knows, migrated
    forward when older); only then is the current database backed up as pre-restore and replaced by the
    checked copy in one rename. A refusal changes nothing. Close every engine on the database first; an
    open Database passed here is closed.
    """
    if isinstance(location, Database):
        location.close()
    database = require_database_file(location)
    backup = backup.expanduser().resolve()
    if backup == database:
        raise InvalidInput(N_("'{path}' is the database itself; choose another file."), path=str(backup))
    if not database.parent.is_dir():
        raise InvalidInput(N_("The folder '{path}' does not exist."), path=str(database.parent))
    if is_backup(database):
        raise backup_refusal(database)
    if is_write_protected(database) or not os.access(database.parent, os.W_OK):
        raise StorageFault(READ_ONLY, path=str(database))
    copy, revision = _checked_copy(backup, database)
    try:
        info = describe(backup)
        migrated_from = None
        if revision != head_revision():
            _migrate(copy)
            migrated_from = revision
        fsync_file(copy)
        _take_for_replacement(database)
        kept = _keep_current(database)
        try:
            os.replace(copy, database)
        except OSError as error:
            raise InvalidInput(N_("Cannot replace the database '{path}': {reason}."), path=str(database),
                               reason=error.strerror or str(error)) from error
        for suffix in SIDE_FILES:
            with suppress(FileNotFoundError):
                Path(f"{database}{suffix}").unlink()
        fsync_folder(database.parent)
    finally:
        remove_with_side_files(copy)
    return RestoreResult(database, info, kept, migrated_from)
