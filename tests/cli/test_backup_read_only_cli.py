"""A backup named as the database (--db) is only read: writes refused naming the file, its bytes and folder kept.

Three backups: one made by `grassroots backup`, a database copied into the backup folder under its own name,
and a backup copied elsewhere (a USB drive) under its backup name.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.support import Cli, Result
from tests.faults import fingerprint

IS_A_BACKUP = "'{path}' là một bản sao lưu"
RESTORE_IT = "grassroots restore"
OLD_BACKUP = "'{path}' là bản sao lưu do phiên bản Nắm cơ sở cũ hơn tạo ra"
OLDER_REVISION = "0001"
WRITES = [
    ("units", "add", "Tỉnh Mới", "--from", "2025-07-01"),
    ("cadres", "add", "Nguyễn Văn An", "--tier", "province"),
    ("init", "--model", "two-level"),
]
READS = [("units", "list", "--json"), ("coverage",), ("cadres", "list")]


def _made(office: Cli, folder: Path, tmp_path: Path) -> Path:
    made = office("backup", "--json").json()["path"]
    return Path(made)


def _in_folder(office: Cli, folder: Path, tmp_path: Path) -> Path:
    copied = folder / "so-cu.sqlite"
    shutil.copyfile(office.db, copied)
    return copied


def _named_elsewhere(office: Cli, folder: Path, tmp_path: Path) -> Path:
    made = _made(office, folder, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    return Path(shutil.copy2(made, usb / made.name))


BACKUPS = {"made by grassroots backup": _made, "in the backup folder": _in_folder,
           "named as a backup elsewhere": _named_elsewhere}


@pytest.fixture(params=list(BACKUPS))
def backup_file(request: pytest.FixtureRequest, office: Cli, folder: Path, tmp_path: Path) -> Path:
    """A backup of the office database, made one of three ways."""
    return BACKUPS[request.param](office, folder, tmp_path)


def _unchanged(backup: Path, folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Return the fingerprints of the backup's folder and of the backup folder."""
    return fingerprint(backup.parent), fingerprint(folder)


def _refused(result: Result, backup: Path) -> None:
    assert result.code == 2, result
    assert IS_A_BACKUP.format(path=backup) in result.err, result.err
    assert RESTORE_IT in result.err, result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", WRITES, ids=lambda command: " ".join(command[:2]))
def test_a_write_into_a_backup_is_refused_naming_it(backup_file: Path, folder: Path, command: tuple[str, ...]) -> None:
    before = _unchanged(backup_file, folder)
    _refused(Cli(backup_file)(*command), backup_file)
    assert _unchanged(backup_file, folder) == before


@pytest.mark.parametrize("command", READS, ids=lambda command: command[0])
def test_a_backup_is_read_and_left_as_it_was(backup_file: Path, folder: Path, command: tuple[str, ...]) -> None:
    before = _unchanged(backup_file, folder)
    result = Cli(backup_file)(*command)
    assert result.code == 0, result
    if command[0] == "units":
        assert [unit["name"] for unit in result.json()] == ["Tỉnh Vĩnh Long"]
    assert _unchanged(backup_file, folder) == before


def test_a_report_of_a_backup_is_written_outside_the_backup_folder(
    backup_file: Path, folder: Path, tmp_path: Path
) -> None:
    before = _unchanged(backup_file, folder)
    out = tmp_path / "bao-cao.xlsx"
    result = Cli(backup_file)("export", "--out", str(out))
    assert result.code == 0, result
    assert out.is_file()
    assert _unchanged(backup_file, folder) == before


def test_a_backup_is_never_restored_over(office: Cli, folder: Path, tmp_path: Path) -> None:
    older, newer = _made(office, folder, tmp_path), _made(office, folder, tmp_path)
    before = _unchanged(older, folder)
    _refused(Cli(older)("restore", str(newer), "--yes"), older)
    assert _unchanged(older, folder) == before


def test_a_backup_at_an_older_schema_is_refused_with_restore_named(office: Cli, folder: Path) -> None:
    made = _made(office, folder, office.db.parent)
    connection = sqlite3.connect(made)
    try:
        connection.execute("UPDATE alembic_version SET version_num = ?", (OLDER_REVISION,))
        connection.commit()
    finally:
        connection.close()
    before = _unchanged(made, folder)
    result = Cli(made)("units", "list")
    assert result.code == 2, result
    assert OLD_BACKUP.format(path=made) in result.err and RESTORE_IT in result.err, result.err
    assert _unchanged(made, folder) == before
