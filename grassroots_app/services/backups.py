"""The backup use cases: back up, list, check and restore the database file."""

from __future__ import annotations

from grassroots_app.persistence.backup import (
    COUNTED_TABLES,
    BackupInfo,
    backup_folder,
    backup_to,
    check_backup,
    list_backups,
    restore,
)

__all__ = ["COUNTED_TABLES", "BackupInfo", "backup_folder", "backup_to", "check_backup", "list_backups", "restore"]
