"""Backups on real SQLite files: consistent online copies, daily and pre-change backups, rotation, restore."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from alembic import command

from grassroots_app.domain.backups import BackupKind, backup_name, parse_backup_name
from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.persistence import backup
from grassroots_app.persistence.database import Database, alembic_config, head_revision, stored_revision
from grassroots_app.persistence.faults import StorageFault
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import official, units
from tests.integration.support import D0, Env, open_env

BATCH = 50


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The backup folder of this test (GRASSROOTS_BACKUP_DIR), not yet created."""
    path = tmp_path / "backups"
    monkeypatch.setenv(backup.FOLDER_VARIABLE, str(path))
    return path


@pytest.fixture
def env(folder: Path, tmp_path: Path) -> Iterator[Env]:
    """A two-level database holding a province, two communes and a cadre (opened new: no backup yet)."""
    env = open_env(tmp_path / "t.sqlite", Preset.TWO_LEVEL)
    province = env.unit("Tỉnh Một")
    env.unit("Xã Một", province)
    env.unit("Xã Hai", province)
    env.cadre("Nguyễn Văn An", Tier.PROVINCE)
    yield env
    env.db.close()


def files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.is_dir() else []


def kinds(folder: Path) -> list[BackupKind]:
    return sorted(name.kind for path in files(folder) if (name := parse_backup_name(path)) is not None)


def rows(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def integrity(path: Path) -> list[tuple[object, ...]]:
    return rows(path, "PRAGMA integrity_check")


def unit_names(path: Path) -> set[str]:
    return {str(name) for (name,) in rows(path, "SELECT name FROM unit")}


def older_schema(path: Path) -> str:
    """Take a database one migration back, as an older Grassroots left it; return its revision."""
    database = Database.open(str(path), backup=False)
    try:
        command.downgrade(alembic_config(database.engine), "-1")
        revision = stored_revision(database.engine)
    finally:
        database.close()
    assert revision is not None and revision != head_revision()
    return revision


def leftovers(folder: Path) -> list[str]:
    """Return the temporary and side files left in a folder."""
    return [p.name for p in folder.iterdir() if p.name.endswith((".tmp", "-wal", "-shm", "-journal"))]


# --- consistent copies ----------------------------------------------------------------------


def test_a_backup_of_a_database_being_written_is_consistent(env: Env, tmp_path: Path) -> None:
    env.sql("SELECT 1")
    setup = sqlite3.connect(env.path, isolation_level=None)
    setup.execute("CREATE TABLE probe (batch INTEGER NOT NULL, n INTEGER NOT NULL)")
    setup.close()
    stop, written = threading.Event(), [0]

    def write() -> None:
        """Commit batch after batch of rows from another connection, as a second program would."""
        connection = sqlite3.connect(env.path, isolation_level=None, timeout=10)
        connection.execute("PRAGMA journal_mode=WAL")
        try:
            while not stop.is_set() or written[0] < 20:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany("INSERT INTO probe VALUES (?, ?)", [(written[0], n) for n in range(BATCH)])
                connection.execute("COMMIT")
                written[0] += 1
        finally:
            connection.close()

    writer = threading.Thread(target=write)
    writer.start()
    copies = []
    try:
        for number in range(8):
            target = tmp_path / f"copy-{number}.sqlite"
            backup.copy_database(env.path, target)
            copies.append(target)
    finally:
        stop.set()
        writer.join()
    batch_counts = []
    for copy in copies:
        assert integrity(copy) == [("ok",)]
        per_batch = dict(rows(copy, "SELECT batch, count(*) FROM probe GROUP BY batch"))  # type: ignore[arg-type]
        assert sorted(per_batch) == list(range(len(per_batch)))  # whole batches, in order, none missing
        assert set(per_batch.values()) <= {BATCH}
        batch_counts.append(len(per_batch))
    assert batch_counts == sorted(batch_counts)
    final = tmp_path / "final.sqlite"
    backup.copy_database(env.path, final)
    assert list(sqlite3.connect(final).iterdump()) == env.dump()
    assert not [path for path in tmp_path.iterdir() if path.suffix == ".tmp"]
    assert batch_counts[-1] > batch_counts[0]  # the copies were made while the rows kept coming


def test_a_transaction_in_progress_is_left_out_and_does_not_block_the_backup(env: Env, tmp_path: Path) -> None:
    writer = sqlite3.connect(env.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE cadre SET full_name = 'Chưa lưu'")
        target = tmp_path / "copy.sqlite"
        backup.copy_database(env.path, target)
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert rows(target, "SELECT full_name FROM cadre") == [("Nguyễn Văn An",)]
    assert rows(target, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file


# --- automatic backups ----------------------------------------------------------------------


def test_opening_backs_up_once_a_day_and_not_a_new_database(env: Env, folder: Path) -> None:
    assert files(folder) == []  # the database was new when the fixture opened it
    env.db.close()
    Database.open(str(env.path)).close()
    Database.open(str(env.path)).close()
    [daily] = files(folder)
    assert kinds(folder) == [BackupKind.DAILY]
    assert unit_names(daily) == {"Tỉnh Một", "Xã Một", "Xã Hai"}
    Database.open(str(env.path), backup=False).close()
    assert files(folder) == [daily]
    name = parse_backup_name(daily)
    assert name is not None
    yesterday = backup_name(name.stem, name.tag, name.taken - timedelta(days=1), BackupKind.DAILY)
    daily.rename(folder / yesterday.file_name)
    Database.open(str(env.path)).close()
    assert kinds(folder) == [BackupKind.DAILY, BackupKind.DAILY]


def test_daily_false_leaves_the_daily_backup_to_the_caller(env: Env, folder: Path) -> None:
    env.db.close()
    Database.open(str(env.path), daily=False).close()
    assert files(folder) == []


def test_copies_cut_off_by_a_killed_process_are_removed_after_an_hour(env: Env, folder: Path) -> None:
    folder.mkdir()
    old, fresh = folder / ".t-old.sqlite.0123456789ab.tmp", folder / ".t-new.sqlite.ba9876543210.tmp"
    for leftover in (old, fresh, Path(f"{old}-journal")):
        leftover.write_bytes(b"half a copy")
    hours_ago = datetime.now().timestamp() - 2 * backup.LEFTOVER_AGE_S
    for leftover in (old, Path(f"{old}-journal")):
        os.utime(leftover, (hours_ago, hours_ago))
    backup.make_backup(env.path, BackupKind.DAILY)
    assert [path.name for path in files(folder) if path.name.startswith(".")] == [fresh.name]
    assert kinds(folder) == [BackupKind.DAILY]


def test_databases_of_the_same_file_name_keep_their_own_backups(env: Env, folder: Path, tmp_path: Path) -> None:
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    other = open_env(other_folder / "t.sqlite", Preset.THREE_LEVEL)
    other.db.close()
    env.db.close()
    for path in (env.path, other.path):
        Database.open(str(path)).close()
    assert kinds(folder) == [BackupKind.DAILY, BackupKind.DAILY]
    assert [info.counts for info in backup.list_backups(env.path)] == [{"province": 1, "commune": 2, "cadre": 1,
                                                                        "assignment": 0, "activity": 0,
                                                                        "recommendation": 0}]
    assert len(backup.list_backups(env.path, every_database=True)) == 2


def test_opening_an_older_database_backs_it_up_before_migrating(env: Env, folder: Path) -> None:
    env.db.close()
    old = older_schema(env.path)
    database = Database.open(str(env.path))
    database.close()
    assert kinds(folder) == sorted([BackupKind.DAILY, BackupKind.PRE_MIGRATION])
    listed = {info.kind: info for info in backup.list_backups(env.path)}
    assert listed[BackupKind.PRE_MIGRATION].revision == old
    assert listed[BackupKind.DAILY].revision == head_revision()
    assert unit_names(listed[BackupKind.PRE_MIGRATION].path) == {"Tỉnh Một", "Xã Một", "Xã Hai"}


def test_no_migration_without_its_backup(env: Env, folder: Path) -> None:
    env.db.close()
    old = older_schema(env.path)
    folder.write_text("a file where the backup folder should be")
    with pytest.raises(InvalidInput, match="Cannot make the backup"):
        Database.open(str(env.path))
    assert rows(env.path, "SELECT version_num FROM alembic_version") == [(old,)]


def test_a_daily_backup_that_fails_is_logged_and_the_database_opens(
    env: Env, folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    env.db.close()
    folder.write_text("a file where the backup folder should be")
    with caplog.at_level(logging.WARNING, logger="grassroots_app.persistence.backup"):
        database = Database.open(str(env.path))
    database.close()
    assert "daily backup" in caplog.text


def test_a_merge_and_an_import_back_up_first(env: Env, folder: Path) -> None:
    one = env.read(lambda uow: units.resolve_unit(uow, "Tỉnh Một / Xã Một"))
    two = env.read(lambda uow: units.resolve_unit(uow, "Tỉnh Một / Xã Hai"))
    env.run(units.merge_units, one.id, two.id, date(2026, 1, 1), units.Carry.TRANSFER)
    [before_merge] = files(folder)
    assert parse_backup_name(before_merge).kind is BackupKind.PRE_MERGE  # type: ignore[union-attr]
    assert rows(before_merge, "SELECT count(*) FROM unit_lineage") == [(0,)]
    assert env.sql("SELECT count(*) FROM unit_lineage") == [(1,)]
    with pytest.raises(RuleViolation):  # a refused merge makes no backup
        env.run(units.merge_units, two.id, two.id, date(2026, 1, 1), units.Carry.TRANSFER)
    env.run(official.import_official, "Vĩnh Long")
    assert kinds(folder) == sorted([BackupKind.PRE_MERGE, BackupKind.PRE_IMPORT])


def test_importing_into_an_empty_database_makes_no_backup(folder: Path, tmp_path: Path) -> None:
    empty = open_env(tmp_path / "empty.sqlite", Preset.TWO_LEVEL)
    try:
        empty.run(official.import_official, "Vĩnh Long")
    finally:
        empty.db.close()
    assert files(folder) == []


def test_other_databases_are_not_backed_up() -> None:
    assert backup.database_file("postgresql://clerk:secret@server/grassroots") is None
    with pytest.raises(InvalidInput, match="Only SQLite") as refused:
        backup.make_backup("postgresql://clerk:secret@server/grassroots", BackupKind.MANUAL)
    assert "secret" not in str(refused.value)


# --- rotation -------------------------------------------------------------------------------


def test_rotation_deletes_exactly_the_expected_files(env: Env, folder: Path) -> None:
    folder.mkdir()
    real = backup.make_backup(env.path, BackupKind.MANUAL, folder, datetime(2024, 5, 1, 12))
    stem, tag = env.path.stem, backup.database_tag(env.path)

    def place(day: date, kind: BackupKind, database_tag: str = tag) -> Path:
        path = folder / backup_name(stem, database_tag, datetime.combine(day, time(8)), kind).file_name
        shutil.copyfile(real, path)
        return path

    year = [date(2025, 1, 1) + timedelta(n) for n in range(365)]
    daily = {day: place(day, BackupKind.DAILY) for day in year}
    merges = [place(day, BackupKind.PRE_MERGE) for day in year[::30]]  # 13, one a month or so
    strangers = [place(day, BackupKind.DAILY, "ffffff") for day in year[:40]]  # a database of the same name
    foreign = folder / "notes.txt"
    foreign.write_text("not a backup")
    deleted = backup.rotate(env.path, folder)
    month_ends = {date(2025, month + 1, 1) - timedelta(1) for month in range(1, 12)}
    kept_days = {date(2025, 12, day) for day in range(25, 32)} | {date(2025, 12, 21), date(2025, 12, 14)} | month_ends
    assert set(deleted) == {path for day, path in daily.items() if day not in kept_days} | {merges[0]}
    assert set(files(folder)) == (
        {daily[day] for day in kept_days} | set(merges[1:]) | set(strangers) | {real, foreign}
    )
    # The next day's backup rotates too: 25 December falls out of the days, 31 January 2025 out of the months.
    backup.make_backup(env.path, BackupKind.DAILY, folder, datetime(2026, 1, 1, 8))
    assert not daily[date(2025, 12, 25)].exists() and not daily[date(2025, 1, 31)].exists()
    assert sum(1 for path in files(folder) if path in daily.values()) == 18


# --- listing --------------------------------------------------------------------------------


def test_the_list_gives_date_kind_schema_and_counts_newest_first_without_touching_the_files(
    env: Env, folder: Path
) -> None:
    first = backup.make_backup(env.path, BackupKind.MANUAL, now=datetime(2026, 3, 1, 9))
    env.unit("Xã Ba", env.read(lambda uow: units.resolve_unit(uow, "Tỉnh Một")), D0)
    second = backup.make_backup(env.path, BackupKind.MANUAL, now=datetime(2026, 3, 2, 9))
    stamps = {path: path.stat().st_mtime_ns for path in (first, second)}
    listed = backup.list_backups(env.path)
    assert [info.path for info in listed] == [second, first]
    assert [info.counts["commune"] for info in listed if info.counts] == [3, 2]
    assert listed[0].taken == datetime(2026, 3, 2, 9) and listed[0].kind is BackupKind.MANUAL
    assert listed[0].revision == head_revision() and listed[0].size == second.stat().st_size
    assert {path: path.stat().st_mtime_ns for path in (first, second)} == stamps
    assert leftovers(folder) == []


# --- restoring ------------------------------------------------------------------------------


def test_restore_replaces_the_data_and_keeps_a_pre_restore_backup(env: Env, folder: Path, tmp_path: Path) -> None:
    saved = backup.backup_to(env.path, tmp_path / "saved.sqlite")
    province = env.read(lambda uow: units.resolve_unit(uow, "Tỉnh Một"))
    env.unit("Xã Mới", province)
    result = backup.restore(env.db, saved)  # closes the open database first
    assert result.migrated_from is None and result.backup.path == saved
    assert unit_names(env.path) == {"Tỉnh Một", "Xã Một", "Xã Hai"}
    assert result.kept is not None
    assert parse_backup_name(result.kept).kind is BackupKind.PRE_RESTORE  # type: ignore[union-attr]
    assert "Xã Mới" in unit_names(result.kept)
    assert leftovers(env.path.parent) == []
    reopened = Database.open(str(env.path))
    try:
        assert Env(reopened, env.path, env.preset).read(lambda uow: len(uow.units.children(province.id))) == 2
    finally:
        reopened.close()


def test_restoring_an_older_backup_migrates_a_copy_of_it(env: Env, folder: Path, tmp_path: Path) -> None:
    saved = backup.backup_to(env.path, tmp_path / "saved.sqlite")
    old = older_schema(saved)
    before = saved.read_bytes()
    assert backup.check_backup(saved, env.path).revision == old
    result = backup.restore(env.db, saved)
    assert result.migrated_from == old
    assert rows(env.path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert unit_names(env.path) == {"Tỉnh Một", "Xã Một", "Xã Hai"}
    assert integrity(env.path) == [("ok",)]
    assert saved.read_bytes() == before  # the backup itself is left as it was


def damaged(saved: Path, how: str) -> Path:
    """Return a copy of a backup spoilt one way."""
    copy = saved.with_name(f"{how}.sqlite")
    shutil.copyfile(saved, copy)
    data = bytearray(copy.read_bytes())
    if how == "garbage-pages":
        page = 4096
        data[2 * page: len(data) - page] = os.urandom(len(data) - 3 * page)
    elif how == "index-mismatch":  # one indexed key changed in its row or in its index: a subtle damage
        at = data.find(b"xa mot")
        assert at > 0
        data[at: at + 6] = b"xa mut"
    elif how == "garbage-header":
        data[:100] = os.urandom(100)
    elif how == "text":
        data = bytearray("Đây không phải cơ sở dữ liệu".encode())
    elif how == "newer-schema":
        connection = sqlite3.connect(copy, isolation_level=None)
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
        connection.close()
        return copy
    elif how == "not-grassroots":
        copy.unlink()
        connection = sqlite3.connect(copy, isolation_level=None)
        connection.execute("CREATE TABLE t (x)")
        connection.close()
        return copy
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize("how, message", [
    ("garbage-pages", "integrity check"),
    ("index-mismatch", "integrity check"),
    ("garbage-header", "not an SQLite database"),
    ("text", "not an SQLite database"),
    ("newer-schema", "newer version of Grassroots"),
    ("not-grassroots", "not a Grassroots database"),
])
def test_a_bad_backup_is_refused_and_nothing_changes(
    env: Env, folder: Path, tmp_path: Path, how: str, message: str
) -> None:
    for number in range(30):  # enough pages for garbage to land on the tables
        env.cadre(f"Cán Bộ Số {number}", Tier.COMMUNE, position="Bí thư chi bộ " * 14,
                  workplace="Đảng ủy xã Tân Đoàn " * 9)
    saved = backup.backup_to(env.path, tmp_path / "saved.sqlite")
    bad = damaged(saved, how)
    env.db.close()
    before = env.dump()
    with pytest.raises(InvalidInput, match=message):
        backup.check_backup(bad, env.path)
    with pytest.raises(InvalidInput, match=message):
        backup.restore(env.path, bad)
    assert env.dump() == before
    assert files(folder) == []  # no pre-restore backup either
    assert leftovers(env.path.parent) == []


def test_a_missing_backup_file_is_refused(env: Env, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="There is no file"):
        backup.restore(env.path, tmp_path / "nowhere.sqlite")


def test_restore_refuses_while_the_database_is_open_elsewhere(env: Env, folder: Path, tmp_path: Path) -> None:
    saved = backup.backup_to(env.path, tmp_path / "saved.sqlite")
    env.unit("Xã Mới", env.read(lambda uow: units.resolve_unit(uow, "Tỉnh Một")))
    with pytest.raises(RuleViolation, match="open in another program"):
        backup.restore(env.path, saved)  # env.db still holds its connection
    assert "Xã Mới" in unit_names(env.path)
    assert files(folder) == []


def test_restore_into_a_database_sqlite_cannot_read_keeps_it_as_it_was(env: Env, folder: Path, tmp_path: Path) -> None:
    saved = backup.backup_to(env.path, tmp_path / "saved.sqlite")
    env.db.close()
    env.path.write_bytes(b"ruined by a power cut" * 100)
    result = backup.restore(env.path, saved)
    assert unit_names(env.path) == {"Tỉnh Một", "Xã Một", "Xã Hai"}
    assert result.kept is not None and result.kept.read_bytes() == b"ruined by a power cut" * 100


# --- a backup opened as the database ----------------------------------------------------------


def test_a_backup_is_a_file_in_the_backup_folder_or_named_as_one(env: Env, folder: Path, tmp_path: Path) -> None:
    made = backup.make_backup(env.path, BackupKind.MANUAL)
    (folder / "sub").mkdir()
    placed = Path(shutil.copyfile(env.path, folder / "sub" / "so-cu.sqlite"))
    named = Path(shutil.copyfile(made, tmp_path / made.name))
    assert [backup.is_backup(path) for path in (made, placed, named)] == [True, True, True]
    assert not backup.is_backup(env.path)
    assert not backup.is_backup(Path(shutil.copyfile(env.path, tmp_path / "so-2026.sqlite")))


def test_a_backup_at_an_older_schema_is_refused_read_only_without_a_backup(env: Env, folder: Path) -> None:
    env.db.close()
    older_schema(env.path)
    made = backup.make_backup(env.path, BackupKind.MANUAL)
    before = made.read_bytes()
    with pytest.raises(StorageFault, match="is a backup made by an older Grassroots") as refused:
        Database.open(str(made))
    assert refused.value.params == {"path": str(made)}
    assert made.read_bytes() == before and files(folder) == [made]


def test_a_merge_into_a_backup_is_refused_before_any_backup_is_made(env: Env, folder: Path) -> None:
    made = backup.make_backup(env.path, BackupKind.MANUAL)
    before = made.read_bytes()
    opened = Database.open(str(made))
    try:
        with UnitOfWork(opened) as uow:
            one, two = (units.resolve_unit(uow, f"Tỉnh Một / {name}") for name in ("Xã Một", "Xã Hai"))
        with (
            pytest.raises(StorageFault, match="is a backup: Grassroots only reads it") as refused,
            UnitOfWork(opened) as uow,
        ):
            units.merge_units(uow, one.id, two.id, date(2026, 1, 1), units.Carry.TRANSFER)
    finally:
        opened.close()
    assert refused.value.params == {"path": str(made)}
    assert made.read_bytes() == before and files(folder) == [made]


def test_no_daily_backup_of_a_database_not_yet_set_up_then_one_after_the_first_data(
        folder: Path, tmp_path: Path) -> None:
    """A new database's day is backed up once it holds data (its model chosen), not while still empty."""
    path = tmp_path / "new.sqlite"
    Database.open(str(path)).close()
    database = Database.open(str(path))  # opened again the same day: still empty
    try:
        assert backup.daily_backup(database) is None
        assert files(folder) == []
        with UnitOfWork(database, write=True) as uow:
            official.start_with_province(uow, "Tỉnh Cao Bằng")
        taken = backup.daily_backup(database)
        assert taken is not None and kinds(folder) == [BackupKind.DAILY]
        assert "Tỉnh Cao Bằng" in unit_names(taken)
    finally:
        database.close()
