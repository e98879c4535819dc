"""Faults on the command line: each a clear Vietnamese message naming the file, exit 2, nothing lost.

A --db typo and an empty file, a file that is no database, damaged pages, a newer schema, a write-protected
file or drive, a full disk and a truncated backup, on real SQLite files (see tests/faults.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from grassroots_app.demo.build import Scale, build_demo
from grassroots_app.domain.backups import BackupKind, backup_name
from grassroots_app.domain.model import Preset
from grassroots_app.persistence.backup_copies import database_tag
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.locations import FOLDER_VARIABLE
from tests.cli.support import ENTRY, Cli, Result
from tests.faults import (
    UNKNOWN_REVISION,
    damage_pages,
    fill,
    fingerprint,
    immutable,
    limit_file_size,
    make_read_only,
    settle,
    small_disk,
    stamp_revision,
)

NO_DATABASE = "Không có cơ sở dữ liệu tại '{path}'"
DAMAGED = "Cơ sở dữ liệu '{path}' bị hỏng"
PROTECTED = "'{path}' đang bị chống ghi"
FULL = "Ổ đĩa chứa '{path}' đã đầy"
ADD_PROVINCE = ("units", "add", "Tỉnh Mới", "--from", "2025-07-01")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district demo database (8 MB, enough pages to damage one in the middle), as one settled file."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = Database.open(str(path), backup=False)
    build_demo(database, Preset.TWO_LEVEL, 1, Scale.DISTRICT)
    database.close()
    settle(path)
    return path


def refused(result: Result, *words: str) -> None:
    """Check a refusal: exit 2, every expected phrase on stderr, nothing on stdout, no traceback."""
    assert result.code == 2, result
    for phrase in words:
        assert phrase in result.err, result.err
    assert result.out == "" and "Traceback" not in result.err and "sqlalche.me" not in result.err


def seed_backups(database: Path, folder: Path, days: int = 40) -> None:
    """Put good daily backups of the last `days` days (and some made before changes) in the backup folder."""
    folder.mkdir(exist_ok=True)
    now = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    tag = database_tag(database)
    for back in range(1, days + 1):
        kind = BackupKind.PRE_IMPORT if back % 7 == 0 else BackupKind.DAILY
        name = backup_name(database.stem, tag, now - timedelta(days=back), kind).file_name
        shutil.copyfile(database, folder / name)


# --- a --db typo, an empty file, a file that is no database --------------------------------------


@pytest.mark.parametrize("command", [
    ("units", "list"), ADD_PROVINCE, ("cadres", "list"), ("coverage",), ("calendar", "--year", "2026"),
    ("import", "x.xlsx", "--dry-run"), ("export", "--out", "x.xlsx"), ("backup",),
])
def test_a_db_typo_in_a_missing_folder_creates_no_folder_and_no_file(
    tmp_path: Path, folder: Path, command: tuple[str, ...]
) -> None:
    typo = tmp_path / "Grasroots" / "so.sqlite"
    refused(Cli(typo)(*command), NO_DATABASE.format(path=typo))
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_init_and_demo_create_the_database_and_its_folder(tmp_path: Path, folder: Path) -> None:
    made = Cli(tmp_path / "new" / "so.sqlite")
    assert made("init", "--model", "two-level").code == 0
    assert made.db.is_file()


@pytest.mark.parametrize("command", [("units", "list"), ADD_PROVINCE, ("init", "--model", "two-level"), ("backup",)])
def test_an_empty_file_is_refused_and_stays_empty(tmp_path: Path, folder: Path, command: tuple[str, ...]) -> None:
    empty = tmp_path / "so.sqlite"
    empty.touch()
    refused(Cli(empty)(*command), f"'{empty}' là tệp rỗng (0 byte)")
    assert fingerprint(tmp_path) == {"so.sqlite": fingerprint(tmp_path)["so.sqlite"]}
    assert empty.stat().st_size == 0


@pytest.mark.parametrize("command", [("units", "list"), ADD_PROVINCE, ("init", "--model", "two-level")])
def test_a_folder_named_as_the_database_is_refused(tmp_path: Path, folder: Path, command: tuple[str, ...]) -> None:
    office = tmp_path / "office"
    office.mkdir()
    refused(Cli(office)(*command), f"'{office}' là một thư mục, không phải tệp cơ sở dữ liệu")
    assert list(office.iterdir()) == []


def test_a_file_that_is_no_database_is_refused_unchanged(tmp_path: Path, folder: Path) -> None:
    text = tmp_path / "so.sqlite"
    text.write_text("Danh sách cán bộ phụ trách địa bàn\n" * 100, encoding="utf-8")
    before = fingerprint(tmp_path)
    for command in (("units", "list"), ADD_PROVINCE, ("init", "--model", "two-level")):
        refused(Cli(text)(*command), f"'{text}' không phải cơ sở dữ liệu của Nắm cơ sở")
    assert fingerprint(tmp_path) == before


# --- a newer schema --------------------------------------------------------------------------------


def test_a_newer_schema_is_named_and_neither_backed_up_nor_changed(office: Cli, folder: Path) -> None:
    stamp_revision(office.db)
    shutil.rmtree(folder)
    before = fingerprint(office.db.parent)
    for command in (("units", "list"), ADD_PROVINCE):
        result = office(*command)
        refused(result, f"'{office.db}' được tạo bởi phiên bản Nắm cơ sở mới hơn", UNKNOWN_REVISION)
        assert "Can't locate revision" not in result.err
    assert fingerprint(office.db.parent) == before
    assert not folder.exists()  # no backup per attempt


# --- damaged pages --------------------------------------------------------------------------------


@pytest.fixture
def seeded(demo_file: Path, tmp_path: Path, folder: Path) -> Cli:
    """A copy of the demo database with 40 days of good backups taken before today."""
    cli = Cli(tmp_path / "office" / "so.sqlite")
    cli.db.parent.mkdir()
    shutil.copyfile(demo_file, cli.db)
    seed_backups(cli.db, folder)
    return cli


@pytest.fixture
def damaged(seeded: Cli) -> Cli:
    """The seeded demo database with a page in its middle overwritten."""
    damage_pages(seeded.db)
    return seeded


def test_a_damaged_database_is_not_backed_up_and_no_good_backup_is_rotated_away(damaged: Cli, folder: Path) -> None:
    backups = fingerprint(folder)
    result = damaged("units", "list")
    assert result.code == 0, result.err  # what can still be read is shown…
    warning = f"Lưu ý: Chưa sao lưu được bản hằng ngày: {DAMAGED.format(path=damaged.db)}"
    assert warning in result.err  # …with a warning naming the file
    assert "Traceback" not in result.err
    assert fingerprint(folder) == backups  # no damaged copy kept, none of the 40 good ones deleted
    refused(damaged("backup"), DAMAGED.format(path=damaged.db))
    assert fingerprint(folder) == backups
    assert not [path for path in folder.iterdir() if path.name.startswith(".")]


def test_writes_into_a_damaged_database_are_refused(damaged: Cli, folder: Path) -> None:
    assert damaged("units", "list").code == 0  # the first opening turns on WAL mode (two header bytes)
    before = fingerprint(damaged.db.parent)
    for command in (ADD_PROVINCE, ("cadres", "add", "Nguyễn Văn An", "--tier", "province")):
        refused(damaged(*command), DAMAGED.format(path=damaged.db))
    assert fingerprint(damaged.db.parent) == before


def test_a_healthy_database_still_rotates(office: Cli, folder: Path) -> None:
    shutil.rmtree(folder)
    seed_backups(office.db, folder)
    assert office("units", "list").code == 0
    assert len(list(folder.iterdir())) < 41  # today's backup made, the old ones thinned out


# --- write-protected file and drive ------------------------------------------------------------------


def _read_but_not_written(cli: Cli, folder: Path) -> None:
    """Reading works, a write names the file as write-protected; no byte, file or backup changes."""
    before, backups = fingerprint(cli.db.parent), fingerprint(folder) if folder.exists() else None
    listed = cli("units", "list", "--json")
    assert listed.code == 0, listed.err
    assert [unit["name"] for unit in listed.json()] == ["Tỉnh Vĩnh Long"]
    refused(cli(*ADD_PROVINCE), PROTECTED.format(path=cli.db))
    assert fingerprint(cli.db.parent) == before
    assert (fingerprint(folder) if folder.exists() else None) == backups


def test_an_immutable_file_is_read_and_a_write_refused(office: Cli, folder: Path) -> None:
    with immutable(office.db):
        _read_but_not_written(office, folder)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root ignores permission bits (the immutable file and read-only drive tests stand in)")
@pytest.mark.parametrize("protect", ["file", "folder"])
def test_a_read_only_file_or_folder_is_read_and_a_write_refused(office: Cli, folder: Path, protect: str) -> None:
    target = office.db if protect == "file" else office.db.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if protect == "file" else 0o555)
    try:
        _read_but_not_written(office, folder)
    finally:
        target.chmod(mode)


def test_a_read_only_drive_is_read_and_a_write_refused(office: Cli, tmp_path: Path, folder: Path) -> None:
    with small_disk(tmp_path / "usb") as usb:
        copied = Cli(usb / "so.sqlite")
        shutil.copyfile(office.db, copied.db)
        make_read_only(usb)
        _read_but_not_written(copied, folder)


def test_a_backup_onto_a_read_only_drive_names_the_drive(
    office: Cli, tmp_path: Path, folder: Path
) -> None:
    with small_disk(tmp_path / "usb") as usb:
        make_read_only(usb)
        refused(office("backup", "--to", str(usb)), PROTECTED.format(path=usb))


# --- a full disk ----------------------------------------------------------------------------------------


def test_a_write_on_a_full_disk_names_the_disk_and_loses_nothing(office: Cli, tmp_path: Path, folder: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        full = Cli(disk / "so.sqlite")
        shutil.copyfile(office.db, full.db)
        assert full("units", "list").code == 0  # today's backup exists: nothing written at open
        before = full.dump()
        with contextlib.closing(sqlite3.connect(full.db)) as window:  # open as in the window: its WAL files stay
            window.execute("SELECT count(*) FROM sqlite_master").fetchone()
            fill(disk)
            result = full(*ADD_PROVINCE)
        refused(result, FULL.format(path=full.db))
        assert full.dump() == before


def test_a_daily_backup_into_a_full_folder_is_a_warning_in_vietnamese(
    office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with small_disk(tmp_path / "backups-disk", size="64k") as disk:
        fill(disk)
        monkeypatch.setenv(FOLDER_VARIABLE, str(disk))
        before = fingerprint(disk)
        result = office("units", "list")  # a new backup folder: today's backup is due
        assert result.code == 0 and "Tỉnh Vĩnh Long" in result.out
        assert result.err == (f"Lưu ý: Chưa sao lưu được bản hằng ngày: Ổ đĩa chứa '{disk}' đã đầy: hãy giải phóng "
                              "bớt dung lượng rồi thử lại. Chưa có gì bị thay đổi.\n")  # one line, no English
        assert fingerprint(disk) == before


def test_a_backup_into_a_full_folder_names_that_disk(office: Cli, tmp_path: Path, folder: Path) -> None:
    with small_disk(tmp_path / "usb", size="64k") as usb:
        fill(usb)
        before = fingerprint(usb)
        refused(office("backup", "--to", str(usb / "so.sqlite")), FULL.format(path=usb / "so.sqlite"))
        assert fingerprint(usb) == before


def test_a_restore_on_a_full_disk_blames_the_disk_not_the_backup(
    office: Cli, tmp_path: Path, folder: Path
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    with small_disk(tmp_path / "disk", size="512k") as disk:
        full = Cli(disk / "so.sqlite")
        shutil.copyfile(office.db, full.db)
        bigger = tmp_path / "bigger.sqlite"
        shutil.copyfile(saved, bigger)
        with sqlite3.connect(bigger) as connection:
            connection.execute("CREATE TABLE ballast (blob BLOB)")
            connection.execute("INSERT INTO ballast VALUES (zeroblob(1000000))")
        fill(disk)
        before = fingerprint(disk)
        result = full("restore", str(bigger), "--yes")
        refused(result, FULL.format(path=full.db))
        assert "bigger.sqlite" not in result.err
        assert fingerprint(disk) == before


# --- a truncated backup ------------------------------------------------------------------------------


def test_a_truncated_backup_is_listed_as_unreadable_and_never_restored(seeded: Cli, folder: Path) -> None:
    [newest] = sorted(folder.iterdir())[-1:]
    with newest.open("r+b") as stream:
        stream.truncate(newest.stat().st_size // 2)
    listed = seeded("backups")
    assert listed.code == 0 and "Traceback" not in listed.err
    assert "(không đọc được)" in listed.out
    before, backups = fingerprint(seeded.db.parent), fingerprint(folder)
    result = seeded("restore", str(newest), "--yes")
    refused(result, f"'{newest}'")
    assert fingerprint(seeded.db.parent) == before and fingerprint(folder) == backups


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE is a POSIX limit")
@pytest.mark.parametrize("command, limit, named", [
    # the import's backup before the change fails; the WAL index of a small write cannot be made
    (("units", "import-official", "--province", "Tỉnh Vĩnh Long"), 96 * 1024, "backups"),
    (("units", "add", "Xã Mới", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01"), 16 * 1024, "so.sqlite"),
])
def test_a_file_size_limit_mid_write_is_reported_and_loses_nothing(
    office: Cli, folder: Path, command: tuple[str, ...], limit: int, named: str
) -> None:
    before, backups = office.dump(), fingerprint(folder)
    done = subprocess.run(
        [str(ENTRY), "--db", str(office.db), *command],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
        preexec_fn=lambda: limit_file_size(limit),  # noqa: PLW1509
    )
    refused(Result(done.returncode, done.stdout, done.stderr), "ổ đĩa", f"{named}'")
    assert office.dump() == before and fingerprint(folder) == backups


def _backed_up_but_not_restored_over(cli: Cli, folder: Path, saved: Path) -> None:
    """A manual backup of a write-protected database is made; a restore over it is refused up front."""
    made = cli("backup", "--json")
    assert made.code == 0, made.err
    assert made.json()["counts"]["province"] == 1
    before, backups = fingerprint(cli.db.parent), fingerprint(folder)
    refused(cli("restore", str(saved), "--yes"), PROTECTED.format(path=cli.db))
    assert fingerprint(cli.db.parent) == before and fingerprint(folder) == backups  # no pre-restore copy either


def test_an_immutable_database_is_backed_up_but_never_restored_over(
    office: Cli, tmp_path: Path, folder: Path
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    with immutable(office.db):
        _backed_up_but_not_restored_over(office, folder, saved)


def test_a_database_on_a_read_only_drive_is_backed_up_but_never_restored_over(
    office: Cli, tmp_path: Path, folder: Path
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    with small_disk(tmp_path / "usb") as usb:
        copied = Cli(usb / "so.sqlite")
        shutil.copyfile(office.db, copied.db)
        make_read_only(usb)
        _backed_up_but_not_restored_over(copied, folder, saved)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device whose writes find the disk full")
def test_output_that_cannot_be_written_after_a_saved_change_says_the_change_stays(office: Cli) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run([str(ENTRY), "--db", str(office.db), "cadres", "add", "Lò Văn Páo", "--tier", "commune"],
                              stdout=full, stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 2
    assert "Lỗi ngoài dự kiến sau khi lệnh đã lưu thay đổi: thay đổi đã có trong cơ sở dữ liệu" in done.stderr
    assert "chưa được thực hiện và không có gì bị ghi dở dang" not in done.stderr
    assert "Traceback" not in done.stderr
    assert "Lò Văn Páo" in office("cadres", "list").out


def _to_a_full_disk(office: Cli, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run a command whose standard output is a device whose writes find the disk full."""
    with Path("/dev/full").open("w") as full:
        return subprocess.run([str(ENTRY), "--db", str(office.db), *arguments], stdout=full, stderr=subprocess.PIPE,
                              text=True, encoding="utf-8", timeout=300)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device whose writes find the disk full")
@pytest.mark.parametrize("arguments", [["units", "list"], ["backups"]])
def test_output_that_cannot_be_written_is_not_blamed_on_the_database(office: Cli, arguments: list[str]) -> None:
    """A read whose output finds its disk full says so, not "the disk holding the database is full"."""
    done = _to_a_full_disk(office, *arguments)
    assert done.returncode == 2
    assert done.stderr == "Lỗi: không ghi được kết quả của lệnh (ổ đĩa đã đầy). Chưa có gì bị thay đổi.\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device whose writes find the disk full")
def test_output_that_cannot_be_written_after_a_restore_says_the_database_was_replaced(office: Cli,
                                                                                       tmp_path: Path) -> None:
    saved = tmp_path / "saved.sqlite"
    assert office("backup", "--to", str(saved)).code == 0
    done = _to_a_full_disk(office, "restore", str(saved), "--yes")
    assert done.returncode == 2
    assert "Lỗi ngoài dự kiến sau khi lệnh đã lưu thay đổi: thay đổi đã có trong cơ sở dữ liệu" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
