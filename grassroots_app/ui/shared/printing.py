"""A printer that prints to a file: aimed at a temporary file beside the checked target, put in place once printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from grassroots_app.services import files
from grassroots_app.services.workspace import Database

IntoFile = tuple[Path, Path]  # the temporary file a printer prints to, and the file it becomes


def print_to_temporary(printer: QPrinter, database: Database) -> IntoFile | None:
    """Aim a printer that prints to a file at a temporary file beside the checked target; return both (None for a
    real printer). Refuses a target the app must not write (the database, a backup)."""
    chosen = printer.outputFileName()
    if not chosen:
        return None
    temporary, target = files.temporary_for(database, chosen)
    printer.setOutputFileName(str(temporary))
    return temporary, target


def put_printed(into_file: IntoFile) -> None:
    """Put the file printed in place of its target; the temporary file is gone either way."""
    files.put_in_place(*into_file)
