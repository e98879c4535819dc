"""Writing the files the app makes, checked and atomic, for the command line and the window."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from grassroots_app.persistence import files
from grassroots_app.persistence.backup import Location, output_guard
from grassroots_app.persistence.files import Fill, OutputGuard

__all__ = ["Fill", "OutputGuard", "output_guard", "output_target", "write_bytes", "write_files"]


def output_target(location: Location, chosen: Path | str) -> Path:
    """Return the file to write for a name chosen, refusing the database named, its side files and the backups."""
    return output_guard(location).target(chosen)


def write_files(outputs: Sequence[tuple[Path | str, Fill]], location: Location) -> list[Path]:
    """Write several files whole, then put them all in place (all or none); return the targets written."""
    return files.write_files(outputs, output_guard(location))


def write_bytes(chosen: Path | str, location: Location, data: bytes) -> Path:
    """Write bytes to one file whole or not at all; return the target."""
    return files.write_bytes(chosen, output_guard(location), data)
