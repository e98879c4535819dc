"""Writing the files the app makes, checked and atomic, for the command line and the window."""

from __future__ import annotations

from pathlib import Path

from grassroots_app.persistence.backup import output_guard
from grassroots_app.persistence.backup_copies import Location
from grassroots_app.persistence.files import OutputGuard

__all__ = ["OutputGuard", "output_guard", "output_target"]


def output_target(location: Location, chosen: Path | str) -> Path:
    """Return the file to write for a name chosen, refusing the database named, its side files and the backups."""
    return output_guard(location).target(chosen)
