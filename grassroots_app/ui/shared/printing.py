"""A printer that prints to a file: aimed at a temporary file beside the checked target, put in place once printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from grassroots_app.persistence.backup import output_guard
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.files import put_in_place
from grassroots_app.tempfiles import temporary_beside

IntoFile = tuple[Path, Path]  # the temporary file a printer prints to, and the file it becomes


def print_to_temporary(printer: QPrinter, database: Database) -> IntoFile | None:
    """Aim a printer that prints to a file at a temporary file beside the checked target; return both (None for a
    real printer). Refuses a target the app must not write (the database, a backup)."""
    chosen = printer.outputFileName()
    if not chosen:
        return None
    target = output_guard(database).target(chosen)
    temporary = temporary_beside(target)
    printer.setOutputFileName(str(temporary))
    return temporary, target


def put_printed(into_file: IntoFile) -> None:
    """Put the file printed in place of its target; the temporary file is gone either way."""
    temporary, target = into_file
    try:
        put_in_place(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
