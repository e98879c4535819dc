"""Faults made real for the tests: damaged pages, a newer schema, a full disk, write-protected files and drives.

The disk and drive faults need root (a small tmpfs mount, `chattr +i`); a test that cannot make its fault
is skipped with the reason.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

PAGE = 4096
UNKNOWN_REVISION = "ffff20991231"


def fingerprint(folder: Path) -> dict[str, str]:
    """Return every file under a folder (relative name) with the SHA-256 of its bytes: to show nothing changed."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[str(path.relative_to(folder)) + "/"] = ""
    return found


def damage_pages(path: Path, pages: int = 1) -> None:
    """Overwrite whole pages in the middle of a database file with 0xFF bytes (the file keeps its size)."""
    size = path.stat().st_size
    middle = (size // 2) // PAGE * PAGE
    with path.open("r+b") as stream:
        stream.seek(middle)
        stream.write(b"\xff" * PAGE * pages)


def stamp_revision(path: Path, revision: str = UNKNOWN_REVISION) -> None:
    """Set the schema revision a database claims, as a newer Grassroots would have left it."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def settle(path: Path) -> None:
    """Fold a database's write-ahead log into it and leave it as one file (rollback journal mode)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """Mount a small tmpfs on a new folder for the block (skip the test when mounting is not allowed)."""
    folder.mkdir()
    if os.name == "nt" or os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("mounting a small tmpfs needs Linux and root (mount -t tmpfs); not allowed here")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> None:
    """Fill the disk of a folder to the last byte."""
    chunk = b"\0" * 65536
    with (folder / "filler.bin").open("wb") as stream:
        with suppress(OSError):
            while True:
                stream.write(chunk)
                stream.flush()
        stream.truncate(stream.tell())
    with (folder / "filler-small.bin").open("wb", buffering=0) as stream, suppress(OSError):
        while True:
            stream.write(b"\0")


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at folder read-only."""
    if not _run("mount", "-o", "remount,ro", str(folder)):
        pytest.skip("remounting the tmpfs read-only failed")


@contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """Make a file immutable (`chattr +i`) for the block; skip when the file system or the user cannot."""
    if shutil.which("chattr") is None or not _run("chattr", "+i", str(path)):
        pytest.skip("chattr +i is not supported here (needs root and an ext4-like file system)")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


def limit_file_size(limit: int) -> None:
    """In a child (preexec_fn): files may not grow past `limit` bytes, and passing it is an error, not a signal."""
    import resource  # POSIX only: imported here so that this module still loads on Windows

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
