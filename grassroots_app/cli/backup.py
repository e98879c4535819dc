"""The backup commands of `grassroots`: back up, list the backups, restore one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    COUNT_LABELS,
    FailedAfterSaving,
    add_file_command,
    emit,
    lazy_services,
    path_text,
    tr,
)
from grassroots_app.console import OutputFailed
from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_megabytes, format_number, format_timestamp
from grassroots_app.domain.model import Level

if TYPE_CHECKING:
    from grassroots_app.services import backups

else:
    (backups,) = lazy_services("backups")


def _size(size: int) -> str:
    """Return a file size in megabytes with a decimal comma, as Vietnamese writes it."""
    return f"{format_megabytes(size)} MB"


def _counts_line(counts: dict[str, int] | None) -> str:
    """Return the contents of a backup in one line: units per level, then cadres, assignments…"""
    if counts is None:
        return tr("(cannot be read)")
    order = [level.value for level in Level] + list(backups.COUNTED_TABLES)
    keys = sorted(counts, key=lambda key: order.index(key) if key in order else len(order))
    shown = [f"{tr(COUNT_LABELS.get(key, key))}: {format_number(counts[key])}" for key in keys]
    return ", ".join(shown) or tr("(empty)")


def _backup_json(info: backups.BackupInfo) -> dict[str, Any]:
    """Return a backup as the JSON object scripts rely on."""
    return {"path": str(info.path), "kind": info.kind.value if info.kind else None,
            "taken": info.taken.isoformat(), "size": info.size, "revision": info.revision, "counts": info.counts}


def _kind_label(kind: BackupKind | None) -> str:
    """Return why a backup was made (a file chosen by the clerk: no kind)."""
    return tr(kind.label) if kind else tr("chosen file")


def cmd_backup(args: argparse.Namespace) -> bool:
    """Back up the database to the backup folder, or to a chosen file or folder."""
    info = backups.back_up(args.db, Path(args.to) if args.to else None)
    emit(args, _backup_json(info), [tr("Backed up the database to {path} ({size}).").format(
        path=info.path, size=_size(info.size))])
    return False


def cmd_backups(args: argparse.Namespace) -> bool:
    """List the backups of the database in the backup folder, newest first."""
    found = backups.list_backups(args.db, every_database=args.all)
    lines = []
    for info in found:
        lines.append(f"{format_timestamp(info.taken)}  {_kind_label(info.kind):<24} {_size(info.size):>10}  {info.path}")
        lines.append(f"    {_counts_line(info.counts)}")
    emit(args, [_backup_json(info) for info in found],
         lines or [tr("No backups in {folder}.").format(folder=backups.backup_folder())])
    return False


def cmd_restore(args: argparse.Namespace) -> bool:
    """Show what a backup holds, or with --yes replace the database with it; return whether it was replaced."""
    database = backups.require_database_file(args.db)
    if not args.yes:
        info = backups.check_backup(Path(args.file), database)
        data = {"restored": False, "database": str(database), "backup": _backup_json(info)}
        emit(args, data, [
            tr("Backup {path}: {kind}, made {when}, schema {revision}.").format(
                path=info.path, kind=_kind_label(info.kind), when=format_timestamp(info.taken), revision=info.revision),
            f"    {_counts_line(info.counts)}",
            tr("Nothing was changed. Add --yes to replace the database {database} with this backup "
               "(the current database is kept as a backup first).").format(database=database),
        ])
        return False
    result = backups.restore(database, Path(args.file))
    data = {"restored": True, "database": str(result.database), "backup": _backup_json(result.backup),
            "kept": str(result.kept) if result.kept else None, "migrated_from": result.migrated_from}
    lines = [tr("Restored the backup of {when} into {database}.").format(
        when=format_timestamp(result.backup.taken), database=result.database)]
    if result.migrated_from:
        lines.append(tr("The backup was brought up to the current schema (from {revision}).").format(
            revision=result.migrated_from))
    if result.kept:
        lines.append(tr("The previous database was kept as {path}.").format(path=result.kept))
    try:
        emit(args, data, lines)
    except OutputFailed as error:
        raise FailedAfterSaving(error) from error
    return True


def add_parsers(sub: Any) -> None:
    """Add `backup`, `backups` and `restore`: commands on the database file that never open it."""
    made = add_file_command(sub, "backup", N_("back up the database (to the backup folder, or --to a file)"),
                            cmd_backup)
    made.add_argument("--to", type=path_text,
                      help=tr(N_("the file to write, or a folder (a USB drive) to write it into")))
    listing = add_file_command(sub, "backups", N_("list the backups of the database, newest first"), cmd_backups)
    listing.add_argument("--all", action="store_true",
                         help=tr(N_("every backup in the backup folder, of any database")))
    restored = add_file_command(sub, "restore", N_("replace the database with a backup"), cmd_restore)
    restored.add_argument("file", type=path_text, help=tr(N_("the backup file")))
    restored.add_argument("--yes", action="store_true",
                          help=tr(N_("really replace it (without: only show what the backup holds)")))
