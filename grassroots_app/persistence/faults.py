"""What a failure of SQLite, of the disk or of a server means to the clerk: one translation into a message.

SQLite reports a full disk, a write-protected file, a file it cannot open, a file that is no database and
damaged pages by error codes (on the sqlite3 exception, inside SQLAlchemy's wrapper); the file system
reports the same troubles as OSError numbers. `storage_fault` turns either into a StorageFault, a
DomainError the command line and the window show like any other refusal. Engines made by
`grassroots_app.persistence.database.make_engine` translate their errors here themselves.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from grassroots_app.domain.errors import N_, DomainError

FULL = N_("The disk holding '{path}' is full: free some space and try again. Nothing was changed.")
READ_ONLY = N_("'{path}' is write-protected (the file, its folder or the drive): it can be read but not "
               "changed. Nothing was changed.")
A_BACKUP = N_("'{path}' is a backup: Grassroots only reads it and never writes into it. To work on it, restore "
             "it (grassroots restore '{path}', or 'Restore from a backup…' in the window). Nothing was changed.")
CANNOT_OPEN = N_("Cannot open '{path}': the file or its folder is missing, or this user may not open it.")
NOT_A_DATABASE = N_("'{path}' is not a Grassroots database: it is not an SQLite database file.")
DAMAGED = N_("The database '{path}' is damaged ({reason}): nothing can be saved into it. Restore the newest "
             "good backup ('grassroots backups', then 'grassroots restore').")
TOO_LARGE = N_("'{path}' would be larger than the system allows for one file: nothing was written. "
               "Ask whoever manages this computer to lift the limit, or write to another drive.")
DISK_ERROR = N_("Cannot read or write '{path}': the disk reported an error. Nothing was changed.")
NOT_ALLOWED = N_("Your login on '{path}' may not make this change: it lies outside the part of the tree you are "
                 "responsible for, or your login may only read. Nothing was changed.")
LOGIN_REFUSED = N_("The server '{path}' refused the login: the login name or the password is wrong, or the login "
                   "has been disabled.")
UNREACHABLE = N_("Cannot reach the server '{path}': check the address and the network, or ask whoever runs the "
                 "server whether it is up. Nothing was changed.")

SQLITE_MESSAGES = {
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_PERM: READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_NOTADB: NOT_A_DATABASE,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_IOERR: DISK_ERROR,
}
# PostgreSQL's SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
SERVER_MESSAGES = {
    "42501": NOT_ALLOWED,  # insufficient_privilege: row-level security or a missing grant
    "28P01": LOGIN_REFUSED,  # invalid_password
    "28000": LOGIN_REFUSED,  # invalid_authorization_specification
    "08001": UNREACHABLE,  # sqlclient_unable_to_establish_sqlconnection
    "08006": UNREACHABLE,  # connection_failure
    "57P01": UNREACHABLE,  # admin_shutdown
}
# libpq's words when the server refused the login (no SQLSTATE reaches us then): a wrong password, a role that
# does not exist or may not log in (role "…" …), no password given.
LOGIN_REFUSALS = ("password authentication failed", 'role "', "no password supplied")
OS_MESSAGES = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EFBIG: TOO_LARGE,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: DISK_ERROR,
}


class StorageFault(DomainError):
    """A problem of the file, its folder or its disk, not of what was entered; nothing was changed."""


class DamagedDatabase(StorageFault):
    """A file SQLite cannot read as a database: damaged pages (failing its check), or no database at all."""


def damaged(path: Path | str, reason: str) -> DamagedDatabase:
    """Return the refusal of a damaged database, with what the check found."""
    return DamagedDatabase(DAMAGED, path=str(path), reason=reason)


def backup_refusal(path: Path | str) -> StorageFault:
    """Return the refusal of a write into a backup (opened only to be read)."""
    return StorageFault(A_BACKUP, path=str(path))


def _causes(error: BaseException) -> list[BaseException]:
    """Return the error, the driver error inside a SQLAlchemy one, and their causes, without repeats."""
    found: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        pending += [getattr(current, "orig", None), current.__cause__, current.__context__]
    return found


def _template(error: BaseException) -> str | None:
    """Return the message template for the first SQLite or file-system failure among the causes."""
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error) and getattr(cause, "sqlite_errorcode", None) is not None:
            return SQLITE_MESSAGES.get(cause.sqlite_errorcode & 0xFF)
        if isinstance(cause, OSError) and cause.errno in OS_MESSAGES:
            return OS_MESSAGES[cause.errno]
        if type(cause).__module__.startswith("psycopg"):
            return _server_template(cause)
    return None


def _server_template(cause: BaseException) -> str | None:
    """Return the message template of a PostgreSQL refusal (its SQLSTATE), or of a failed connection."""
    state = getattr(cause, "sqlstate", None)
    if state in SERVER_MESSAGES:
        return SERVER_MESSAGES[state]
    failed_to_connect = any(kind.__name__ == "OperationalError" for kind in type(cause).__mro__)  # timeouts too
    if state is None and failed_to_connect:  # no answer from the server at all
        words = str(cause)
        return LOGIN_REFUSED if any(refusal in words for refusal in LOGIN_REFUSALS) else UNREACHABLE
    return None


def storage_fault(error: BaseException, path: Path | str) -> StorageFault | None:
    """Return the clerk's message for a failure of the file at path or of its disk; None for any other error."""
    if isinstance(error, StorageFault):
        return error
    template = _template(error)
    if template is None:
        return None
    if template in (DAMAGED, NOT_A_DATABASE):
        return DamagedDatabase(template, path=str(path), reason=_reason(error))
    return StorageFault(template, path=str(path))


def _reason(error: BaseException) -> str:
    """Return SQLite's own words for a damaged database."""
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error):
            return str(cause)
    return str(error)


def file_fault(error: BaseException) -> StorageFault | None:
    """Return the message for a failure of a file the system names (an OSError's file name); else None."""
    for cause in _causes(error):
        if isinstance(cause, OSError) and cause.filename:
            return storage_fault(cause, cause.filename)
    return None
