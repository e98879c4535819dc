"""Another connection holding the database: writes begin IMMEDIATE and wait, reads take no lock, a use case
runs again while SQLite answers busy, and a database that stays busy is refused with a message."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from grassroots_app.persistence import contention
from grassroots_app.persistence.contention import DatabaseBusy, retry_when_busy, writes_everything
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import units
from tests.cli.support import Cli
from tests.integration.support import Env


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold the database's write lock from another connection, as another program writing would."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.rollback()
        other.close()


def busy_error() -> OperationalError:
    """Return the error SQLAlchemy raises when SQLite answers busy."""
    cause = sqlite3.OperationalError("database is locked")
    cause.sqlite_errorcode = 5  # type: ignore[attr-defined]
    return OperationalError("INSERT …", {}, cause)


def test_a_use_case_runs_again_while_busy_and_every_rerun_writes() -> None:
    seen: list[bool] = []

    def use_case(value: int) -> int:
        seen.append(writes_everything())
        if len(seen) < 3:
            raise busy_error()
        return value * 2

    assert retry_when_busy(use_case, 21) == 42
    assert seen == [False, True, True]
    assert not writes_everything()


def test_other_errors_are_not_run_again() -> None:
    calls: list[int] = []

    def use_case() -> None:
        calls.append(1)
        raise OperationalError("INSERT …", {}, sqlite3.OperationalError("disk I/O error"))

    with pytest.raises(OperationalError):
        retry_when_busy(use_case)
    assert calls == [1]


@pytest.mark.sqlite_only  # SQLite's write lock
def test_a_write_begins_immediate_and_a_read_takes_no_lock(two_level: Env) -> None:
    with UnitOfWork(two_level.db, write=True) as uow:
        uow.units.any()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            with write_lock(two_level.path):
                pass
    with UnitOfWork(two_level.db) as uow, write_lock(two_level.path):
        uow.units.any()


@pytest.mark.sqlite_only  # SQLite's write lock
def test_a_write_that_did_not_say_so_is_run_again_immediate(two_level: Env) -> None:
    """A use case whose unit of work forgot write=True, overtaken by another writer, succeeds on its rerun."""
    province = two_level.unit("Tỉnh Một")
    attempts: list[int] = []

    def forgetful() -> None:
        with UnitOfWork(two_level.db) as uow:
            uow.units.get(province.id)  # the read starts a snapshot
            if not attempts:  # another program writes after it, once
                other = sqlite3.connect(two_level.path, isolation_level=None)
                other.execute("UPDATE unit SET households = 7 WHERE id = ?", (province.id,))
                other.close()
            attempts.append(1)
            units.add_unit(uow, units.NewUnit("Xã Hai", province.id, date(2020, 1, 1)))

    retry_when_busy(forgetful)
    assert len(attempts) == 2
    with UnitOfWork(two_level.db) as uow:
        assert [unit.name for unit in uow.units.children(province.id)] == ["Xã Hai"]


def test_a_command_refused_while_the_database_stays_busy_reads_still_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(tmp_path / "busy.sqlite")
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-01-01").code == 0
    monkeypatch.setattr(contention, "ATTEMPTS", 2)  # each attempt waits the busy timeout (5 s)
    before = cli.dump()
    with write_lock(cli.db):
        refused = cli("units", "add", "Xã Long Hồ", "--parent", "Tỉnh Vĩnh Long")
        listed = cli("units", "list", "--json")
    assert refused.code == 2 and "Traceback" not in refused.err
    assert refused.err.startswith("Lỗi: Cơ sở dữ liệu đang bận"), refused.err
    assert listed.code == 0 and [row["name"] for row in listed.json()] == ["Tỉnh Vĩnh Long"]
    assert cli.dump() == before


def test_busy_through_every_attempt_is_refused_with_a_message() -> None:
    def always_busy() -> None:
        raise busy_error()

    with pytest.raises(DatabaseBusy):
        retry_when_busy(always_busy)
