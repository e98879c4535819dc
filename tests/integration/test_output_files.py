"""The one writer of output files: what it refuses (the database, its side files, the backups) and its atomicity."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.errors import InvalidInput
from grassroots_app.persistence import backup, files
from grassroots_app.persistence.faults import TOO_LARGE, StorageFault
from grassroots_app.persistence.files import OutputGuard, write_bytes, write_file, write_files

CONTENT = b"%PDF-1.7 a report"


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a real SQLite database 'so.sqlite' with its side files, and a backup folder 'backups'."""
    monkeypatch.setenv(backup.FOLDER_VARIABLE, str(tmp_path / "backups"))
    connection = sqlite3.connect(tmp_path / "so.sqlite")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE unit (name TEXT)")
    connection.execute("INSERT INTO unit VALUES ('Xã Một')")
    connection.commit()
    connection.close()
    for end in ("-wal", "-shm"):
        (tmp_path / f"so.sqlite{end}").write_bytes(b"side file")
    backup.make_backup(tmp_path / "so.sqlite", BackupKind.MANUAL)
    return tmp_path


def guard(place: Path) -> OutputGuard:
    return backup.output_guard(place / "so.sqlite")


def the_backup(place: Path) -> Path:
    (found,) = (place / "backups").iterdir()
    return found


def snapshot(place: Path) -> dict[str, bytes]:
    """Return every file under the folder with its bytes."""
    return {str(path.relative_to(place)): path.read_bytes() for path in sorted(place.rglob("*")) if path.is_file()}


def link(place: Path, name: str, to: Path, how: Callable[[Path, Path], None]) -> Path:
    path = place / name
    how(to, path)
    return path


def symlink(to: Path, path: Path) -> None:
    """Make a symbolic link; skip where none that works can be made (Wine; Windows without the right to)."""
    try:
        path.symlink_to(to)
    except OSError as error:
        pytest.skip(f"no symbolic link can be made here: {error}")
    if not path.exists() or not os.path.samefile(path, to):
        pytest.skip("symbolic links made here do not lead to their target (Wine)")


TARGETS: dict[str, Callable[[Path], Path]] = {
    "the database": lambda place: place / "so.sqlite",
    "its -wal": lambda place: place / "so.sqlite-wal",
    "its -shm": lambda place: place / "so.sqlite-shm",
    "its -journal (absent)": lambda place: place / "so.sqlite-journal",
    "the database through ..": lambda place: place / "backups" / ".." / "so.sqlite",
    "a symbolic link to the database": lambda place: link(place, "link.pdf", place / "so.sqlite", symlink),
    "a hard link to the database": lambda place: link(place, "hard.pdf", place / "so.sqlite",
                                                      lambda to, path: os.link(to, path)),
    "a backup in the backup folder": the_backup,
    "a new file in the backup folder": lambda place: place / "backups" / "report.pdf",
    "a file in a folder inside the backup folder": lambda place: link(
        place, "backups/inner", place / "backups", lambda _to, path: path.mkdir()) / "report.pdf",
    "a symbolic link to the backup folder": lambda place: link(place, "shortcut", place / "backups", symlink)
    / "report.pdf",
    "the backup folder itself": lambda place: place / "backups",
    "a copied backup elsewhere": lambda place: link(place, "usb.sqlite", the_backup(place),
                                                    lambda to, path: shutil.copyfile(to, path)),
    "a backup's name elsewhere": lambda place: link(place, the_backup(place).name, the_backup(place),
                                                    lambda _to, path: path.write_bytes(b"damaged")),
    "another SQLite database": lambda place: link(
        place, "khac.db", place, lambda _to, path: sqlite3.connect(path).execute("CREATE TABLE t (x)")),
}


@pytest.mark.parametrize("name", list(TARGETS))
def test_the_guard_refuses_the_database_its_side_files_and_backups(place: Path, name: str) -> None:
    target = TARGETS[name](place)
    before = snapshot(place)
    with pytest.raises(InvalidInput) as refused:
        write_bytes(target, guard(place), CONTENT)
    assert str(target.resolve()) in refused.value.render(str) or str(place / "backups") in refused.value.render(str)
    assert snapshot(place) == before


def test_names_are_compared_as_windows_does(place: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (place / "BACKUPS").mkdir(exist_ok=True)  # the backup folder under another case (on Windows: the same one)
    monkeypatch.setattr(files.os.path, "normcase", lambda path: os.fspath(path).replace("/", "\\").lower())
    with pytest.raises(InvalidInput, match="open database"):
        write_bytes(place / "SO.SQLITE-WAL", guard(place), CONTENT)
    with pytest.raises(InvalidInput, match="backup folder"):
        write_bytes(place / "BACKUPS" / "report.pdf", guard(place), CONTENT)


def test_a_good_target_is_written_whole_and_replaces_an_older_file(place: Path) -> None:
    target = place / "bao-cao.pdf"
    target.write_bytes(b"old")
    assert write_bytes(target, guard(place), CONTENT) == target
    assert target.read_bytes() == CONTENT
    assert sorted(path.name for path in place.iterdir() if path.name.startswith(".")) == []


def test_a_name_near_the_limit_is_written(place: Path) -> None:
    target = place / f"{'b' * 250}.pdf"  # 254 bytes: the system allows 255, a temporary named after it would not
    assert write_bytes(target, guard(place), CONTENT).read_bytes() == CONTENT


def test_a_write_failing_midway_leaves_the_old_file_and_no_temporary(place: Path) -> None:
    target = place / "bao-cao.pdf"
    target.write_bytes(b"old")

    def half(temporary: Path) -> None:
        temporary.write_bytes(CONTENT[:5])
        raise OSError(28, "No space left on device")

    with pytest.raises(StorageFault, match="The disk holding .*bao-cao.pdf' is full"):
        write_file(target, guard(place), half)
    assert target.read_bytes() == b"old"
    assert [path.name for path in place.iterdir() if path.name.startswith(".")] == []

    def broken(temporary: Path) -> None:
        temporary.write_bytes(CONTENT[:5])
        raise RuntimeError("renderer bug")

    with pytest.raises(RuntimeError):
        write_file(target, guard(place), broken)
    assert target.read_bytes() == b"old"
    assert [path.name for path in place.iterdir() if path.name.startswith(".")] == []


def test_several_files_are_all_written_or_none(place: Path) -> None:
    first, second = place / "a.pdf", place / "b.xlsx"

    def fails(_temporary: Path) -> None:
        raise OSError(5, "Input/output error")

    with pytest.raises(StorageFault, match="b.xlsx"):
        write_files([(first, lambda path: path.write_bytes(CONTENT)), (second, fails)], guard(place))
    assert not first.exists() and not second.exists()
    assert [path.name for path in place.iterdir() if path.name.startswith(".")] == []
    with pytest.raises(InvalidInput, match="open database"):  # a refused second file: the first is not written
        write_files([(first, lambda path: path.write_bytes(CONTENT)), (place / "so.sqlite", fails)], guard(place))
    assert not first.exists()


def test_a_missing_folder_and_a_new_file_that_exists_are_refused(place: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        write_bytes(place / "nowhere" / "a.pdf", guard(place), CONTENT)
    with pytest.raises(InvalidInput, match="does not exist"):  # no such user: a name, not a crash
        write_bytes("~no-such-user-0/a.pdf", guard(place), CONTENT)
    (place / "notes.txt").write_bytes(b"keep")
    with pytest.raises(InvalidInput, match="exists already"):
        guard(place).new_file(place / "notes.txt")
    assert guard(place).new_file(place / "moi.sqlite") == place / "moi.sqlite"


def test_backup_to_refuses_the_backup_folder_and_an_existing_backup(place: Path) -> None:
    database, before = place / "so.sqlite", snapshot(place)
    for target in (place / "backups", place / "backups" / "copy.sqlite", the_backup(place), place / "so.sqlite-wal"):
        with pytest.raises(InvalidInput):
            backup.backup_to(database, target)
    assert snapshot(place) == before
    (place / "usb").mkdir()
    written = backup.backup_to(database, place / "usb")
    assert written.parent == place / "usb"
    with pytest.raises(InvalidInput, match="never writes over"):
        backup.backup_to(database, written)


def wal_database(folder: Path) -> tuple[sqlite3.Connection, Path]:
    """Return an open connection to another database whose committed row lies only in its -wal."""
    other = folder / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.execute("INSERT INTO t VALUES ('committed')")
    connection.commit()
    return connection, other


def test_side_files_of_another_database_are_refused_by_name_and_by_identity(place: Path) -> None:
    (place / "usb").mkdir()
    connection, other = wal_database(place / "usb")
    try:
        (place / "notes.txt").write_bytes(b"keep")
        hard = link(place, "copy.bin", Path(f"{other}-wal"), os.link)
        before = snapshot(place)
        for target in (f"{other}-wal", f"{other}-shm", f"{other}-journal", place / "notes.txt-journal", hard):
            with pytest.raises(InvalidInput, match="working file of an SQLite database"):
                write_bytes(target, guard(place), CONTENT)
        assert snapshot(place) == before
    finally:
        connection.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="Windows has no FIFO in its file system")
def test_a_target_that_is_no_regular_file_is_refused(place: Path) -> None:
    fifo = place / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match="'.*pipe' is not an ordinary file"):
        write_bytes(fifo, guard(place), CONTENT)
    assert fifo.exists() and not fifo.is_file()


@pytest.mark.parametrize("number, expected", [
    (errno.EPERM, "is write-protected"), (errno.EACCES, "is write-protected"), (errno.EFBIG, "larger than the system"),
    (errno.ENOENT, "does not exist"), (errno.ENOTDIR, "does not exist"), (errno.EDQUOT, "is full"),
])
def test_a_failing_write_is_said_in_the_clerks_words_not_the_systems(place: Path, number: int, expected: str) -> None:
    def fails(_temporary: Path) -> None:
        raise OSError(number, os.strerror(number))

    with pytest.raises((InvalidInput, StorageFault)) as raised:
        write_file(place / "bao-cao.pdf", guard(place), fails)
    assert expected in str(raised.value) and os.strerror(number) not in str(raised.value)
    if number == errno.EFBIG:
        assert raised.value.template == TOO_LARGE
