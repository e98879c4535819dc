"""Backup names and the grandfather-father-son rotation, on names alone (no file, no database)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from grassroots_app.domain.backups import (
    BackupKind,
    BackupName,
    Retention,
    backup_name,
    keep,
    parse_backup_name,
    parse_retention,
    to_delete,
)
from grassroots_app.domain.errors import InvalidInput

TAG = "a1b2c3"


def made(day: date, kind: BackupKind = BackupKind.DAILY, at: time = time(8, 30), serial: int = 1) -> BackupName:
    """A backup of the database 'grassroots' taken on a day, with its path as the folder would give it."""
    name = backup_name("grassroots", TAG, datetime.combine(day, at), kind, serial)
    return BackupName(name.stem, name.tag, name.taken, name.kind, name.serial, Path(name.file_name))


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


def taken_days(backups: list[BackupName]) -> set[date]:
    return {b.taken.date() for b in backups}


def test_the_name_carries_stem_time_kind_and_tag() -> None:
    name = backup_name("grassroots", TAG, datetime(2026, 12, 3, 10, 15, 0, 123456), BackupKind.DAILY)
    assert name.file_name == "grassroots-2026-12-03T101500-daily-a1b2c3.sqlite"
    assert parse_backup_name(Path("/x") / name.file_name) == BackupName(
        "grassroots", TAG, datetime(2026, 12, 3, 10, 15), BackupKind.DAILY, 1, Path("/x") / name.file_name
    )


@pytest.mark.parametrize("kind", list(BackupKind), ids=lambda kind: kind.value)
def test_every_kind_reads_back_with_dashes_in_the_stem_and_a_serial(kind: BackupKind) -> None:
    name = backup_name("so-theo-doi-2026", TAG, datetime(2026, 1, 31, 23, 59, 59), kind, serial=3)
    parsed = parse_backup_name(Path(name.file_name))
    assert parsed is not None
    assert (parsed.stem, parsed.tag, parsed.taken, parsed.kind, parsed.serial) == (
        "so-theo-doi-2026", TAG, datetime(2026, 1, 31, 23, 59, 59), kind, 3)


@pytest.mark.parametrize("file_name", [
    "grassroots.sqlite",
    "grassroots-2026-12-03T101500-daily.sqlite",          # no tag
    "grassroots-2026-12-03T101500-weekly-a1b2c3.sqlite",  # no such kind
    "grassroots-2026-13-03T101500-daily-a1b2c3.sqlite",   # no such month
    "grassroots-2026-12-03T101500-daily-a1b2c3.sqlite-wal",
    ".grassroots-2026-12-03T101500-daily-a1b2c3.sqlite.0123456789ab.tmp",
])
def test_other_files_are_not_backups(file_name: str) -> None:
    assert parse_backup_name(Path(file_name)) is None


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_12_months_less_overlaps() -> None:
    year = [made(day) for day in days(date(2025, 1, 1), date(2025, 12, 31))]
    kept = keep(year)
    # Days: 25-31 December. ISO weeks: 2026-W01 (29 Dec-4 Jan) and 2025-W52 (22-28 Dec) end on kept days;
    # W51 and W50 add their Sundays, 21 and 14 December. Months: December's last day is kept already;
    # the last days of January to November are added.
    month_ends = {date(2025, month + 1, 1) - timedelta(1) for month in range(1, 12)}
    expected = set(days(date(2025, 12, 25), date(2025, 12, 31))) | {date(2025, 12, 21), date(2025, 12, 14)}
    assert taken_days(kept) == expected | month_ends
    assert len(kept) == 7 + 4 + 12 - 2 - 1 == 20
    assert [b.taken for b in kept] == sorted((b.taken for b in kept), reverse=True)
    assert set(to_delete(year)) == set(year) - set(kept)


def test_the_newest_backup_of_a_day_week_or_month_is_the_one_kept() -> None:
    morning, evening = made(date(2026, 3, 2), at=time(7)), made(date(2026, 3, 2), at=time(19))
    same_second = made(date(2026, 3, 2), at=time(19), serial=2)
    assert keep([morning, evening, same_second], Retention(1, 1, 1)) == [same_second]


def test_days_without_a_backup_do_not_count() -> None:
    """The last 7 days that have a backup, however far apart: a database opened once a month keeps 7 days."""
    monthly = [made(date(2025, month, 10)) for month in range(1, 13)]
    assert len(keep(monthly)) == 12
    assert taken_days(keep(monthly, Retention(daily=7, weekly=0, monthly=0))) == {
        date(2025, month, 10) for month in range(6, 13)}


def test_iso_weeks_start_on_monday_and_cross_the_new_year() -> None:
    # Sunday 28 December 2025 ends week 52; Monday 29 December starts week 1 of 2026, like 1 January.
    sunday, monday, new_year = made(date(2025, 12, 28)), made(date(2025, 12, 29)), made(date(2026, 1, 1))
    weekly_only = Retention(daily=1, weekly=2, monthly=0)
    assert set(keep([sunday, monday, new_year], weekly_only)) == {new_year, sunday}
    assert set(keep([sunday, monday], Retention(daily=1, weekly=1, monthly=0))) == {monday}


def test_months_are_calendar_months() -> None:
    last_of_january, first_of_february = made(date(2026, 1, 31), at=time(23, 59)), made(date(2026, 2, 1), at=time(0))
    leap_day = made(date(2028, 2, 29))
    monthly_only = Retention(daily=1, weekly=0, monthly=3)
    assert set(keep([last_of_january, first_of_february, leap_day], monthly_only)) == {
        last_of_january, first_of_february, leap_day}
    assert set(keep([last_of_january, first_of_february], Retention(daily=1, weekly=0, monthly=1))) == {
        first_of_february}


def test_backups_before_a_change_are_a_pool_of_their_own_with_the_newest_ten_always_kept() -> None:
    daily = [made(day) for day in days(date(2026, 1, 1), date(2026, 3, 31))]
    merges = [made(date(2026, 3, 31), BackupKind.PRE_MERGE, time(9, minute)) for minute in range(15)]
    old_migration = made(date(2025, 6, 1), BackupKind.PRE_MIGRATION)
    kept = keep([*daily, *merges, old_migration])
    kept_daily = [b for b in kept if b.kind is BackupKind.DAILY]
    assert kept_daily == keep(daily)  # the named backups do not push daily ones out
    kept_named = {b for b in kept if b.kind.before_change}
    assert kept_named == {*merges[-10:], old_migration}  # ten newest, and the only one of June 2025


def test_manual_backups_are_never_deleted() -> None:
    manual = [made(day, BackupKind.MANUAL) for day in days(date(2024, 1, 1), date(2024, 3, 1))]
    daily = [made(day) for day in days(date(2026, 1, 1), date(2026, 12, 31))]
    deleted = to_delete([*manual, *daily])
    assert not any(b.kind is BackupKind.MANUAL for b in deleted)
    assert set(manual) <= set(keep([*manual, *daily]))


def test_the_retention_reads_days_weeks_months() -> None:
    assert parse_retention("7,4,12") == Retention()
    assert parse_retention(" 3, 0 ,24 ") == Retention(3, 0, 24)
    for text in ("7,4", "7,4,x", "-1,4,12", "0,4,12", ""):
        with pytest.raises(InvalidInput):
            parse_retention(text)
