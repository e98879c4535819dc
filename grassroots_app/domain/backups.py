"""Backups as files: their names, their kinds, and which automatic ones to keep (grandfather-father-son).

A backup file is named `<database stem>-<taken>-<kind>-<tag>.sqlite`, for example
`grassroots-2026-12-03T101500-daily-3fa81c.sqlite`: the stem of the database file, the local time the copy
was taken, its kind, and a tag made from the database's full path, so that two databases with the same
file name backed up into the same folder never share (or rotate away) each other's backups. Two copies
taken in the same second get `_2`, `_3`… after the time.

Retention (see `keep`):

- daily backups (made when a database is opened, at most one a day) form one pool;
- the backups made before a change (pre-migration, pre-merge, pre-import, pre-restore) form a second pool;
- in each pool the newest backup of each of the last `daily` days that have one, of each of the last
  `weekly` ISO weeks that have one and of each of the last `monthly` months that have one are kept;
  in the second pool the newest `newest_named` (10) are also always kept, however close together;
- manual backups, and any file whose name does not follow the pattern, are never deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from grassroots_app.domain.errors import N_, InvalidInput, Labelled, register_labels

STAMP_FORMAT = "%Y-%m-%dT%H%M%S"
SUFFIX = ".sqlite"


class BackupKind(str, Labelled):
    """Why a backup was made."""

    DAILY = "daily"
    MANUAL = "manual"
    PRE_MIGRATION = "pre-migration"
    PRE_MERGE = "pre-merge"
    PRE_IMPORT = "pre-import"
    PRE_RESTORE = "pre-restore"

    @property
    def rotated(self) -> bool:
        """Return whether backups of this kind are deleted by the rotation (every kind but manual)."""
        return self is not BackupKind.MANUAL

    @property
    def before_change(self) -> bool:
        """Return whether the backup was made just before a change (the pool of named backups)."""
        return self.value.startswith("pre-")


register_labels(
    [
        (BackupKind.DAILY, N_("daily")),
        (BackupKind.MANUAL, N_("manual")),
        (BackupKind.PRE_MIGRATION, N_("before a schema upgrade")),
        (BackupKind.PRE_MERGE, N_("before a merge")),
        (BackupKind.PRE_IMPORT, N_("before an import")),
        (BackupKind.PRE_RESTORE, N_("before a restore")),
    ]
)

_KINDS = "|".join(re.escape(kind.value) for kind in BackupKind)
NAME_PATTERN = re.compile(
    rf"^(?P<stem>.+)-(?P<stamp>\d{{4}}-\d{{2}}-\d{{2}}T\d{{6}})(?:_(?P<serial>\d+))?"
    rf"-(?P<kind>{_KINDS})-(?P<tag>[0-9a-f]{{6}}){re.escape(SUFFIX)}$"
)


@dataclass(frozen=True)
class Retention:
    """How many automatic backups to keep: the newest of each of so many days, ISO weeks and months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    newest_named: int = 10

    def __post_init__(self) -> None:
        if min(self.daily, self.weekly, self.monthly, self.newest_named) < 0:
            raise InvalidInput(N_("The numbers of backups to keep cannot be negative."))
        if self.daily < 1:
            raise InvalidInput(N_("At least one daily backup must be kept."))


def parse_retention(text: str) -> Retention:
    """Read 'daily,weekly,monthly' (as in '7,4,12'), the form the GRASSROOTS_BACKUP_KEEP variable takes."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise InvalidInput(
            N_("'{text}' is not a backup retention; write three numbers: days, weeks, months (as 7,4,12)."),
            text=text,
        )
    daily, weekly, monthly = (int(part) for part in parts)
    return Retention(daily, weekly, monthly)


@dataclass(frozen=True)
class BackupName:
    """What a backup file's name says: whose, when, why."""

    stem: str
    tag: str
    taken: datetime
    kind: BackupKind
    serial: int = 1
    path: Path | None = None

    @property
    def file_name(self) -> str:
        """Return the file name these values make."""
        serial = f"_{self.serial}" if self.serial > 1 else ""
        return f"{self.stem}-{self.taken.strftime(STAMP_FORMAT)}{serial}-{self.kind.value}-{self.tag}{SUFFIX}"

    @property
    def order(self) -> tuple[datetime, int]:
        """Return the key that sorts backups oldest first."""
        return self.taken, self.serial


def backup_name(stem: str, tag: str, taken: datetime, kind: BackupKind, serial: int = 1) -> BackupName:
    """Return the name of a backup taken at a time (to the second)."""
    return BackupName(stem, tag, taken.replace(microsecond=0), kind, serial)


def parse_backup_name(path: Path) -> BackupName | None:
    """Return what a backup file's name says, or None when it is not a backup's name."""
    match = NAME_PATTERN.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    serial = int(match["serial"]) if match["serial"] else 1
    return BackupName(match["stem"], match["tag"], taken, BackupKind(match["kind"]), serial, path)


def _newest_per_period(
    backups: Sequence[BackupName], period: Callable[[datetime], Hashable], count: int
) -> list[BackupName]:
    """Return the newest backup of each of the `count` newest periods that hold one."""
    kept: dict[Hashable, BackupName] = {}
    for backup in sorted(backups, key=lambda b: b.order, reverse=True):
        key = period(backup.taken)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup
    return list(kept.values())


def _grandfather_father_son(backups: Sequence[BackupName], retention: Retention) -> list[BackupName]:
    """Return the backups of one pool that the day, ISO week and month rules keep (no duplicates)."""
    kept = _newest_per_period(backups, lambda taken: taken.date(), retention.daily)
    kept += _newest_per_period(backups, lambda taken: taken.isocalendar()[:2], retention.weekly)
    kept += _newest_per_period(backups, lambda taken: (taken.year, taken.month), retention.monthly)
    return list(dict.fromkeys(kept))


def keep(backups: Iterable[BackupName], retention: Retention = Retention()) -> list[BackupName]:
    """Return the backups to keep, newest first: see the module's docstring for the rules.

    All the backups given are taken to be of one database; manual ones are always kept.
    """
    backups = list(backups)
    daily = [b for b in backups if b.kind is BackupKind.DAILY]
    named = [b for b in backups if b.kind.before_change]
    newest_named = sorted(named, key=lambda b: b.order, reverse=True)[: retention.newest_named]
    kept = [
        *(b for b in backups if not b.kind.rotated),
        *_grandfather_father_son(daily, retention),
        *_grandfather_father_son(named, retention),
        *newest_named,
    ]
    return sorted(dict.fromkeys(kept), key=lambda b: b.order, reverse=True)


def to_delete(backups: Iterable[BackupName], retention: Retention = Retention()) -> list[BackupName]:
    """Return the backups the rotation deletes, oldest first."""
    backups = list(backups)
    kept = set(keep(backups, retention))
    return sorted((b for b in backups if b not in kept), key=lambda b: b.order)
