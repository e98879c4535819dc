"""Writing the files the app makes, checked and atomic, for the command line and the window."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from grassroots_app.persistence import files
from grassroots_app.persistence.backup_copies import Location, output_guard
from grassroots_app.persistence.files import Fill, OutputGuard
from grassroots_app.tempfiles import temporary_beside

if TYPE_CHECKING:
    from grassroots_app.spreadsheets.writing import SheetContent

__all__ = ["Fill", "OutputGuard", "new_file", "output_guard", "output_target", "put_in_place", "save_workbook",
           "temporary_for", "workbook_target", "write_bytes", "write_files"]


def output_target(location: Location, chosen: Path | str) -> Path:
    """Return the file to write for a name chosen, refusing the database named, its side files and the backups."""
    return output_guard(location).target(chosen)


def write_files(outputs: Sequence[tuple[Path | str, Fill]], location: Location) -> list[Path]:
    """Write several files whole, then put them all in place (all or none); return the targets written."""
    return files.write_files(outputs, output_guard(location))


def write_bytes(chosen: Path | str, location: Location, data: bytes) -> Path:
    """Write bytes to one file whole or not at all; return the target."""
    return files.write_bytes(chosen, output_guard(location), data)


def new_file(location: Location, chosen: Path | str) -> Path:
    """Return a file to create for a name chosen (see output_target), refusing one that exists already."""
    return output_guard(location).new_file(chosen)


def temporary_for(location: Location, chosen: Path | str) -> tuple[Path, Path]:
    """Return a temporary file beside the checked target to write in full first (a printer's), and the target."""
    target = output_target(location, chosen)
    return temporary_beside(target), target


def put_in_place(temporary: Path, target: Path) -> None:
    """Put a file written in full under a temporary name in place of its target; the temporary is gone either way."""
    try:
        files.put_in_place(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def workbook_target(chosen: Path | str, guard: OutputGuard) -> Path:
    """Return the .xlsx file to write for a name chosen (.xlsx added when missing); both names are checked."""
    from grassroots_app.spreadsheets.writing import workbook_name  # noqa: PLC0415 - openpyxl only when writing one

    guard.target(chosen)
    return guard.target(workbook_name(chosen))


def save_workbook(sheets: Iterable[SheetContent], path: Path, guard: OutputGuard) -> None:
    """Write the sheets into an .xlsx file, whole or not at all, never over the database or a backup."""
    from grassroots_app.spreadsheets.writing import workbook_fill  # noqa: PLC0415 - openpyxl only when writing one

    files.write_file(guard.target(path), guard, workbook_fill(sheets))
