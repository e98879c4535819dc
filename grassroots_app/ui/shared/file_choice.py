"""Every file chooser of the window: where it starts, the folder it remembers per kind of file, the name it offers.

A chooser starts in the folder last used for its kind of file, else in Documents (databases: the data folder),
never in the program's working folder (on Windows the install folder, wiped on uninstall).
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from grassroots_app.domain.text import fold_marks
from grassroots_app.services.workspace import default_database_path
from grassroots_app.ui.context import AppContext

MAX_STEM = 100  # characters: a long unit name still leaves room for the folder within Windows' 260
_UNSAFE = re.compile(r"[^0-9A-Za-z]+")  # anything but ASCII letters and digits becomes one hyphen


class FileKind(str, Enum):
    """The kinds of file whose last folder is remembered apart."""

    DATABASE = "database"
    BACKUP = "backup"
    REPORT = "report"
    SPREADSHEET = "spreadsheet"
    CALENDAR = "calendar"
    CERTIFICATE = "certificate"


def documents_folder() -> Path:
    """Return the user's Documents folder (the home folder when there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def default_folder(kind: FileKind) -> Path:
    """Return where a chooser of this kind starts the first time: the data folder for databases, else Documents."""
    data = default_database_path().parent
    return data if kind is FileKind.DATABASE and data.is_dir() else documents_folder()


def start_folder(context: AppContext, kind: FileKind) -> Path:
    """Return the folder last used for this kind of file while it still exists, else the default one."""
    return context.settings.folder(kind.value) or default_folder(kind)


def file_name(*parts: str, suffix: str) -> str:
    """Return a file name safe on every system from its parts: no accents, ASCII letters and digits joined by
    hyphens ("Báo cáo", "Cụm số 1", "2026", "Q3" -> "Bao-cao-Cum-so-1-2026-Q3.pdf")."""
    stem = _UNSAFE.sub("-", fold_marks("-".join(parts))).strip("-")[:MAX_STEM].rstrip("-")
    return f"{stem}{suffix}"


def _remember(context: AppContext, kind: FileKind, chosen: str | None) -> str | None:
    """Remember the folder of a chosen file for the next chooser of its kind; return the choice."""
    if chosen:
        context.settings.set_folder(kind.value, Path(chosen).parent)
    return chosen


def ask_save_path(context: AppContext, parent: QWidget | None, kind: FileKind, title: str, name: str,
                  filters: str) -> str | None:
    """Ask where to save a file, offering the name in the kind's folder; return the path, or None when cancelled."""
    suggested = str(start_folder(context, kind) / name) if name else str(start_folder(context, kind))
    return _remember(context, kind, context.prompter.save_path(parent, title, suggested, filters))


def ask_open_path(context: AppContext, parent: QWidget | None, kind: FileKind, title: str,
                  filters: str) -> str | None:
    """Ask which file to open, starting in the kind's folder; return the path, or None when cancelled."""
    return _remember(context, kind, context.prompter.open_path(parent, title, filters, str(start_folder(context, kind))))
