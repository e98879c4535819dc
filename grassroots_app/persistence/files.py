"""The one writer of every file the app makes (reports, workbooks, calendars, copies): checked, then atomic.

A target is refused (InvalidInput) when it is the open database or one of its side files, lies in the backup
folder, or is an existing SQLite file (a database or a backup, wherever it is): symbolic links and `..` are
resolved first, names compared as the system does (case-insensitively on Windows) and, for files that
exist, by identity (a hard link is the same file). A file is written under a hidden temporary name beside
its target, flushed to disk, then renamed onto the target: it is whole or absent, and a failure leaves the
target as it was and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from grassroots_app.domain.backups import parse_backup_name
from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.persistence.faults import storage_fault
from grassroots_app.tempfiles import temporary_beside

SIDE_FILES = ("-wal", "-shm", "-journal")
SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILE_HEADERS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83", b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")  # WAL, journal

WINDOWS_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}

Fill = Callable[[Path], None]  # writes the whole file at the (temporary) path it is given


@dataclass(frozen=True)
class OutputGuard:
    """What no output may replace: the open database (None: not an SQLite file) and the backup folder."""

    database: Path | None
    backups: Path

    def target(self, chosen: Path | str) -> Path:
        """Return the file to write as an absolute path with links resolved, or refuse one the app must not write."""
        path = expanded(Path(chosen))
        if os.name == "nt" and not windows_file_name(path.name):
            raise InvalidInput(N_("'{name}' cannot be a file name on Windows: it holds one of \\ / : * ? \" < > | or "
                                  "a control character, ends in a dot or a space, or is a device name such as CON or "
                                  "NUL. Choose another name."), name=path.name)
        try:
            return self._checked(path.resolve())
        except OSError as error:
            raise cannot_write(path, error) from error

    def new_file(self, chosen: Path | str) -> Path:
        """Return a file to create (see target), refusing one that exists already."""
        path = self.target(chosen)
        if path.exists():
            raise InvalidInput(N_("'{path}' exists already; choose a new file name."), path=str(path))
        return path

    def folder(self, chosen: Path) -> Path:
        """Return a folder to write new files into, resolved, or refuse the backup folder and what is inside it."""
        folder = expanded(chosen).resolve()
        self._refuse_backup_folder(folder)
        return folder

    def _checked(self, path: Path) -> Path:
        if path.is_dir():
            raise InvalidInput(N_("'{path}' is a folder; name a file to write."), path=str(path))
        if not path.parent.is_dir():
            raise InvalidInput(N_("The folder '{path}' does not exist."), path=str(path.parent))
        if self.database is not None and any(_same(path, Path(f"{self.database}{end}")) for end in ("", *SIDE_FILES)):
            raise InvalidInput(N_("'{path}' is the open database or one of its working files; choose another file."),
                               path=str(path))
        self._refuse_backup_folder(path)
        if path.exists() and not path.is_file():
            raise InvalidInput(N_("'{path}' is not an ordinary file (a device, a pipe or a socket); "
                                  "name a file to write."), path=str(path))
        if is_side_file(path):
            raise InvalidInput(N_("'{path}' is a working file of an SQLite database; Grassroots never writes "
                                  "over one. Choose another file."), path=str(path))
        if path.is_file() and (is_sqlite_file(path) or is_backup_file(path, self.backups)):
            raise InvalidInput(N_("'{path}' is a database or a backup; Grassroots never writes over one. "
                                  "Choose another file."), path=str(path))
        return path

    def _refuse_backup_folder(self, path: Path) -> None:
        """Refuse the backup folder and anything in it."""
        if in_folder(path, self.backups):
            raise InvalidInput(N_("'{path}' is in the backup folder '{folder}'; choose a file elsewhere."),
                               path=str(path), folder=str(self.backups))


def windows_file_name(name: str) -> bool:
    """Return whether Windows accepts a file name (no forbidden character, trailing dot or space, or device name)."""
    device = name.split(".", 1)[0].rstrip(" ").upper()
    return not (WINDOWS_FORBIDDEN.search(name) or name.endswith((".", " ")) or device in WINDOWS_DEVICES)


def expanded(path: Path) -> Path:
    """Return a path with a leading ~ or ~user made the home folder, or as it is when there is no such user."""
    try:
        return path.expanduser()
    except RuntimeError:  # "~0": no such user, a file name like any other (as the shell leaves it)
        return path


def in_folder(path: Path, folder: Path) -> bool:
    """Return whether a resolved path is a folder or lies in it (at any depth)."""
    return any(_same(each, folder) for each in (path, *path.parents))


def is_backup_file(path: Path, backups: Path) -> bool:
    """Return whether a resolved file is a Grassroots backup: in the backup folder, or named as a backup is."""
    return in_folder(path, backups) or parse_backup_name(path) is not None


def _same(one: Path, other: Path) -> bool:
    """Return whether two resolved paths name one file: the same name as the system compares them, or one file."""
    if os.path.normcase(one) == os.path.normcase(other):
        return True
    try:
        return one.exists() and other.exists() and os.path.samefile(one, other)
    except OSError:
        return False


def is_sqlite_file(path: Path) -> bool:
    """Return whether a file begins as an SQLite database does."""
    with path.open("rb") as stream:
        return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_side_file(path: Path) -> bool:
    """Return whether a resolved path is an SQLite side file: named so beside an existing file, or begun as one."""
    name = os.path.normcase(path.name)
    if any(name.endswith(end) and (path.parent / path.name[: -len(end)]).exists() for end in SIDE_FILES):
        return True
    if not path.is_file():
        return False
    with path.open("rb") as stream:
        return stream.read(8).startswith(SIDE_FILE_HEADERS)


def cannot_write(path: Path, error: OSError) -> DomainError:
    """Return the refusal for a file the system would not let us write, in the clerk's words where known."""
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return InvalidInput(N_("The folder '{path}' does not exist."), path=str(path.parent))
    return storage_fault(error, path) or InvalidInput(N_("Cannot write '{path}': {reason}."), path=str(path),
                                                      reason=error.strerror or error)


def fsync_file(path: Path) -> None:
    """Flush a file's content to disk."""
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk where the system allows it (not on Windows)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_files(outputs: Sequence[tuple[Path | str, Fill]], guard: OutputGuard) -> list[Path]:
    """Write several files whole under temporary names, then rename them all: all are written or none.

    Every target is checked by the guard before anything is written; return the targets written.
    """
    targets = [guard.target(chosen) for chosen, _fill in outputs]
    written: list[tuple[Path, Path]] = []
    try:
        for target, (_chosen, fill) in zip(targets, outputs, strict=True):
            temporary = temporary_beside(target)
            written.append((temporary, target))
            try:
                fill(temporary)
                fsync_file(temporary)  # every file whole on disk before the first rename
            except OSError as error:
                raise cannot_write(target, error) from error
        for temporary, target in written:
            put_in_place(temporary, target)
    finally:
        for temporary, _target in written:
            if temporary.exists():  # never made (a name the system refuses is no file either): nothing to remove
                temporary.unlink()
    return targets


def put_in_place(temporary: Path, target: Path) -> None:
    """Flush a file written in full under a temporary name beside its checked target, then rename it onto it."""
    try:
        fsync_file(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise cannot_write(target, error) from error
    with suppress(OSError):  # the file is in place; some file systems cannot flush a folder
        fsync_folder(target.parent)


def write_file(chosen: Path | str, guard: OutputGuard, fill: Fill) -> Path:
    """Write one file whole or not at all (see write_files); return the target written."""
    return write_files([(chosen, fill)], guard)[0]


def write_stream(chosen: Path | str, guard: OutputGuard, write: Callable[[BinaryIO], object]) -> Path:
    """Write one file whole or not at all from a function that writes to a binary stream; return the target."""

    def fill(temporary: Path) -> None:
        with temporary.open("xb") as stream:
            write(stream)

    return write_file(chosen, guard, fill)


def write_bytes(chosen: Path | str, guard: OutputGuard, data: bytes) -> Path:
    """Write bytes to one file whole or not at all; return the target."""
    return write_stream(chosen, guard, lambda stream: stream.write(data))
