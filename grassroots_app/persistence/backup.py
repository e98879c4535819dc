"""Backups of SQLite databases: consistent copies, their rotation, their listing, and restoring one.

Every copy is made with SQLite's online backup API (never a file copy of a database in use) into a hidden
temporary file beside its target, flushed to disk, then renamed into place: a backup is whole or absent.
Automatic backups go to the backup folder, `backups` in the per-user data folder unless the
GRASSROOTS_BACKUP_DIR variable names another; GRASSROOTS_BACKUP_KEEP ('7,4,12') sets how many daily,
weekly and monthly backups the rotation keeps (see grassroots_app.domain.backups for the names and rules).

Only SQLite database files are backed up: the automatic backups skip other URLs, the explicit functions
refuse them. Restoring replaces the database file: the caller must close every engine on it first
(`Database.close()`); the window must close the database, and another program holding it open makes the
restore refuse.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url
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
from grassroots_app.domain.errors import N_, DomainError, InvalidInput, RuleViolation
from grassroots_app.persistence.database import (
    APP_NAME,
    ENV_VARIABLE,
    NEWER_SCHEMA,
    VERSION_TABLE,
    Database,
    check_database_file,
    default_database_path,
    head_revision,
    is_write_protected,
    known_revisions,
    read_only_connection,
    sqlite_file,
)
from grassroots_app.persistence.faults import (
    READ_ONLY,
    DamagedDatabase,
    StorageFault,
    backup_refusal,
    damaged,
    storage_fault,
)
from grassroots_app.persistence.files import SIDE_FILES, OutputGuard, expanded, fsync_file, fsync_folder, is_backup_file
from grassroots_app.persistence.repositories import SettingsRepository
from grassroots_app.tempfiles import STALE_AFTER_S, sweep_stale, temporary_beside

FOLDER_VARIABLE = "GRASSROOTS_BACKUP_DIR"
RETENTION_VARIABLE = "GRASSROOTS_BACKUP_KEEP"
BUSY_SECONDS = 5.0
COUNTED_TABLES = ("cadre", "assignment", "activity", "recommendation")
LEFTOVER_AGE_S = STALE_AFTER_S

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


# --- where ----------------------------------------------------------------------------------


def backup_folder() -> Path:
    """Return the folder of the automatic backups: $GRASSROOTS_BACKUP_DIR, else `backups` in the data folder."""
    named = os.environ.get(FOLDER_VARIABLE)
    if named:
        return Path(named).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"


def is_backup(path: Path) -> bool:
    """Return whether a database file is a Grassroots backup (see files.is_backup_file): it is only ever read."""
    return is_backup_file(path.resolve(), backup_folder().resolve())


def retention() -> Retention:
    """Return the retention of the automatic backups: $GRASSROOTS_BACKUP_KEEP ('7,4,12'), else the default."""
    text = os.environ.get(RETENTION_VARIABLE, "").strip()
    return parse_retention(text) if text else Retention()


Location = str | Path | Database | None  # a file path, an SQLAlchemy URL, an open database, or the default


def _location_text(location: Location) -> str:
    """Return the path or URL a location names ($GRASSROOTS_DB, then the default file, when none)."""
    if isinstance(location, Database):
        return location.url
    return str(location or os.environ.get(ENV_VARIABLE) or default_database_path())


def database_file(location: Location) -> Path | None:
    """Return the file of an SQLite database (path, URL or open Database), or None for any other database."""
    text = _location_text(location)
    if "://" not in text:
        return Path(text).expanduser().resolve()
    return sqlite_file(text)


def output_guard(location: Location = None) -> OutputGuard:
    """Return the guard that keeps every output off a database (path, URL or open Database) and the backups."""
    return OutputGuard(database_file(location), backup_folder().resolve())


def require_database_file(location: Location) -> Path:
    """Return the file of an SQLite database; refuse any other kind of database."""
    path = database_file(location)
    if path is None:
        url = make_url(_location_text(location)).render_as_string(hide_password=True)
        raise InvalidInput(
            N_("Only SQLite database files can be backed up or restored; '{url}' is not one."), url=url
        )
    return path


def database_tag(path: Path) -> str:
    """Return the six hex digits that tell apart databases of the same file name in the backup folder."""
    key = os.path.normcase(str(path.resolve()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:6]


def _backups_of(database: Path, folder: Path) -> list[BackupName]:
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
def _connect(path: Path, mode: str = "ro") -> Iterator[sqlite3.Connection]:
    """Open an existing SQLite file with the plain driver (autocommit), closed on leaving (write-protected: 'ro')."""
    if mode == "rw" and (is_write_protected(path) or is_backup(path)):
        connection = read_only_connection(path, timeout=BUSY_SECONDS, isolation_level=None)
    else:
        connection = sqlite3.connect(_uri(path, mode), uri=True, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def remove_leftovers(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete the temporary files of copies cut off (a killed process); return them."""
    return sweep_stale(folder, (now or datetime.now()).timestamp())


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _online_copy(source: Path, temporary: Path, mode: str = "rw") -> None:
    """Copy a database with the online backup API into a new self-contained file (rollback journal).

    The source is opened read-write (mode 'rw', needed to read a database in WAL mode whatever its side
    files) or read-only ('ro', for a backup on a write-protected drive).
    """
    with _connect(source, mode) as reader:
        destination = sqlite3.connect(temporary, isolation_level=None)
        try:
            reader.backup(destination)  # one step: a consistent snapshot, writers are not blocked (WAL)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()


def _check_pages(copy: Path, source: Path) -> None:
    """Refuse a copy whose pages fail SQLite's quick check: the source it was copied from is damaged."""
    with _connect(copy, "ro") as connection:
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
        _online_copy(source, temporary)
        _check_pages(temporary, source)
        fsync_file(temporary)
        os.replace(temporary, target)
    finally:
        _remove_with_side_files(temporary)
    fsync_folder(target.parent)


def _free_name(database: Path, folder: Path, kind: BackupKind, taken: datetime) -> Path:
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


def _copy_fault(error: Exception, source: Path, target: Path) -> DomainError:
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
        target = _free_name(database, folder, kind, now or datetime.now())
        copy_database(database, target)
    except (OSError, sqlite3.Error) as error:
        raise _copy_fault(error, database, folder) from error
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
        raise _copy_fault(error, database, target) from error
    return target


def rotate(location: Location, folder: Path | None = None, keep: Retention | None = None) -> list[Path]:
    """Delete the automatic backups of a database that the retention no longer keeps; return them."""
    database = require_database_file(location)
    names = _backups_of(database, folder if folder is not None else backup_folder())
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


def backup_before(database: Database, kind: BackupKind) -> Path | None:
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


def holds_data(database: Database) -> bool:
    """Return whether the database has been set up (its model chosen); one that cannot be read counts as set up."""
    try:
        with Session(database.engine) as session:
            return SettingsRepository(session).get() is not None
    except SQLAlchemyError:  # damaged or busy: the backup's own check says what is wrong
        return True


def daily_backup(database: Database, now: datetime | None = None) -> Path | None:
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
        if any(n.kind is BackupKind.DAILY and n.taken.date() == today for n in _backups_of(path, folder)):
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
        with _connect(path, "ro") as connection:
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
        names = _backups_of(database, folder)
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
        with _connect(copy, "ro") as connection:
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
            _online_copy(backup, copy, "ro")
        except sqlite3.Error as error:  # the backup unreadable, or no room beside the database
            fault = storage_fault(error, beside)
            if fault is None or isinstance(fault, DamagedDatabase):
                raise _unreadable(backup, error) from error
            raise fault from error
        revision = _check_copy(copy, backup)
    except BaseException:
        _remove_with_side_files(copy)
        raise
    return copy, revision


def check_backup(backup: Path, location: Location = None) -> BackupInfo:
    """Check a backup as restore() would, changing nothing; return its description (refusals: InvalidInput)."""
    database = require_database_file(location)
    backup = backup.expanduser().resolve()
    copy, _revision_found = _checked_copy(backup, database)
    _remove_with_side_files(copy)
    return describe(backup)


def _migrate(copy: Path) -> None:
    """Bring a checked copy to the current schema, and leave it as one self-contained file."""
    database = Database.open(str(copy), backup=False)
    database.close()
    with _connect(copy, "rw") as connection:
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
    target = _free_name(database, folder, BackupKind.PRE_RESTORE, datetime.now())
    temporary = temporary_beside(target)
    try:
        shutil.copyfile(database, temporary)
        fsync_file(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise _copy_fault(error, database, folder) from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _take_for_replacement(database: Path) -> None:
    """Make sure no other connection holds the database, and fold its write-ahead log into it."""
    if not database.is_file():
        return
    try:
        with _connect(database, "rw") as connection:
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
        _remove_with_side_files(copy)
    return RestoreResult(database, info, kept, migrated_from)
