"""`grassroots backup`, `backups` and `restore` on real SQLite files, bad input included."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from grassroots_app.domain.backups import BackupKind, parse_backup_name
from grassroots_app.persistence.database import head_revision
from tests.cli.support import Cli

pytestmark = pytest.mark.sqlite_only  # backups and restores are of SQLite files; a server is backed up by its own tools


@pytest.fixture
def office(cli: Cli, folder: Path) -> Cli:
    """A two-level database with a province and two communes; the later commands made its daily backup."""
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    for name in ("Xã Long Hồ", "Xã Phú Quới"):
        assert cli("units", "add", name, "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    return cli


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def kinds(folder: Path) -> list[BackupKind]:
    return sorted(name.kind for path in folder.iterdir() if (name := parse_backup_name(path)))


def communes(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return sorted(name for (name,) in connection.execute("SELECT name FROM unit WHERE level = 'commune'"))
    finally:
        connection.close()


def refused(result: object, words: str) -> None:
    """Check a refusal: exit 2, the Vietnamese words on stderr, nothing on stdout."""
    assert result.code == 2, result  # type: ignore[attr-defined]
    assert words in result.err, result.err  # type: ignore[attr-defined]
    assert result.out == "" and "Traceback" not in result.err  # type: ignore[attr-defined]


def test_the_commands_open_the_database_once_a_day_with_a_backup(office: Cli, folder: Path) -> None:
    assert kinds(folder) == [BackupKind.DAILY]  # init created it; the next command backed it up
    assert office("units", "list").code == 0
    assert kinds(folder) == [BackupKind.DAILY]


def test_backup_writes_a_manual_backup_into_the_folder(office: Cli, folder: Path) -> None:
    result = office("backup")
    assert result.code == 0
    assert "Đã sao lưu cơ sở dữ liệu vào" in result.out
    assert kinds(folder) == sorted([BackupKind.DAILY, BackupKind.MANUAL])
    made = office("backup", "--json").json()
    assert made["kind"] == "manual" and made["revision"] == head_revision()
    assert made["counts"]["commune"] == 2 and Path(made["path"]).parent == folder.resolve()


def test_backup_to_a_file_or_a_usb_folder(office: Cli, tmp_path: Path, folder: Path) -> None:
    target = tmp_path / "usb" / "so-nam-co-so.sqlite"
    target.parent.mkdir()
    assert office("backup", "--to", str(target)).code == 0
    assert communes(target) == ["Xã Long Hồ", "Xã Phú Quới"]
    assert office("backup", "--to", str(target.parent)).code == 0
    [dated] = [path for path in target.parent.iterdir() if path != target]
    assert parse_backup_name(dated).kind is BackupKind.MANUAL  # type: ignore[union-attr]
    assert kinds(folder) == [BackupKind.DAILY]  # nothing more in the backup folder


def test_backup_refuses_the_database_itself_a_missing_folder_and_other_databases(
    office: Cli, tmp_path: Path
) -> None:
    before = office.dump()
    refused(office("backup", "--to", str(office.db)), "là cơ sở dữ liệu đang mở")
    refused(office("backup", "--to", str(tmp_path / "nowhere" / "x.sqlite")), "không tồn tại")
    assert office.dump() == before
    other = Cli("postgresql://clerk:secret@server/grassroots")  # type: ignore[arg-type] - a URL, not a path
    result = other("backup")
    refused(result, "Chỉ sao lưu và khôi phục được tệp cơ sở dữ liệu SQLite")
    assert "secret" not in result.err
    refused(Cli(tmp_path / "absent.sqlite")("backup"), "Không có cơ sở dữ liệu tại")
    assert not (tmp_path / "absent.sqlite").exists()


def test_backups_lists_newest_first_with_counts(office: Cli, folder: Path) -> None:
    assert office("backup").code == 0
    assert office("units", "add", "Xã Ba", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    assert office("backup").code == 0
    listed = office("backups", "--json").json()
    assert sorted(item["kind"] for item in listed) == ["daily", "manual", "manual"]
    assert [item["taken"] for item in listed] == sorted((item["taken"] for item in listed), reverse=True)
    assert listed[0]["counts"] == {"province": 1, "commune": 3, "cadre": 0, "assignment": 0, "activity": 0,
                                   "recommendation": 0}
    text = office("backups")
    assert text.code == 0
    assert "thủ công" in text.out and "hằng ngày" in text.out and "xã: 3" in text.out


def test_backups_says_when_there_are_none(cli: Cli, folder: Path) -> None:
    assert cli("init", "--model", "two-level").code == 0
    result = cli("backups")
    assert result.code == 0 and "Không có bản sao lưu nào" in result.out


def test_restore_without_yes_shows_the_backup_and_changes_nothing(office: Cli, tmp_path: Path, folder: Path) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    assert office("units", "add", "Xã Ba", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    before, backups = office.dump(), names(folder)
    result = office("restore", str(saved))
    assert result.code == 0
    assert "--yes" in result.out and head_revision() in result.out and "xã: 2" in result.out
    assert office.dump() == before and names(folder) == backups


def test_restore_with_yes_replaces_the_database_and_keeps_it_as_a_backup(
    office: Cli, tmp_path: Path, folder: Path
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    assert office("units", "add", "Xã Ba", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    result = office("restore", str(saved), "--yes", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["restored"] is True and data["migrated_from"] is None
    assert communes(office.db) == ["Xã Long Hồ", "Xã Phú Quới"]
    assert communes(Path(data["kept"])) == ["Xã Ba", "Xã Long Hồ", "Xã Phú Quới"]
    assert BackupKind.PRE_RESTORE in kinds(folder)
    listed = office("units", "list", "--under", "Tỉnh Vĩnh Long", "--json")
    assert [unit["name"] for unit in listed.json()] == ["Xã Long Hồ", "Xã Phú Quới"]


def test_restore_runs_as_a_process(office: Cli, tmp_path: Path) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    done = office.process("restore", str(saved), "--yes")
    assert done.code == 0, done.err
    assert "Đã khôi phục bản sao lưu" in done.out


@pytest.mark.parametrize("spoil, words", [
    ("missing", "Không có tệp"),
    ("text", "không phải là cơ sở dữ liệu SQLite"),
    ("garbage", "không qua được bước kiểm tra toàn vẹn"),
    ("newer", "phiên bản Nắm cơ sở mới hơn"),
])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    office: Cli, tmp_path: Path, folder: Path, spoil: str, words: str
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    bad = tmp_path / f"{spoil}.sqlite"
    if spoil == "text":
        bad.write_text("Sổ theo dõi, không phải cơ sở dữ liệu", encoding="utf-8")
    elif spoil == "garbage":
        shutil.copyfile(saved, bad)
        data = bytearray(bad.read_bytes())
        data[4096 * 2:] = bytes(range(256)) * ((len(data) - 4096 * 2) // 256)
        bad.write_bytes(bytes(data))
    elif spoil == "newer":
        shutil.copyfile(saved, bad)
        connection = sqlite3.connect(bad)
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.close()
    before, backups = office.dump(), names(folder)
    for extra in ((), ("--yes",)):
        refused(office("restore", str(bad), *extra), words)
    assert office.dump() == before and names(folder) == backups
    assert not [path for path in office.db.parent.iterdir() if path.suffix == ".tmp"]


def test_a_merge_is_preceded_by_a_backup(office: Cli, folder: Path) -> None:
    result = office("units", "merge", "Tỉnh Vĩnh Long / Xã Phú Quới", "--into", "Tỉnh Vĩnh Long / Xã Long Hồ",
                    "--on", "2026-01-01")
    assert result.code == 0, result.err
    [before_merge] = [path for path in folder.iterdir()
                      if parse_backup_name(path).kind is BackupKind.PRE_MERGE]  # type: ignore[union-attr]
    connection = sqlite3.connect(before_merge)
    try:
        assert connection.execute("SELECT count(*) FROM unit_lineage").fetchone() == (0,)
    finally:
        connection.close()
