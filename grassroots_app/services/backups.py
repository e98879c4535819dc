"""The backup use cases of the command line and the window: back up, list, inspect and restore the database file."""

from __future__ import annotations

from pathlib import Path

from grassroots_app.domain.backups import BackupKind
from grassroots_app.persistence.backup import COUNTED_TABLES, BackupInfo, check_backup, describe, list_backups, restore
from grassroots_app.persistence.backup_copies import Location, backup_to, make_backup, require_database_file
from grassroots_app.persistence.locations import backup_folder

__all__ = ["COUNTED_TABLES", "BackupInfo", "back_up", "backup_folder", "backup_to", "check_backup", "list_backups",
           "require_database_file", "restore"]


def back_up(location: Location, chosen: Path | None = None) -> BackupInfo:
    """Back up the database to the backup folder, or to a chosen file or folder; describe the copy made."""
    written = backup_to(location, chosen) if chosen is not None else make_backup(location, BackupKind.MANUAL)
    return describe(written)
