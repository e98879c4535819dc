"""Why a file is no readable workbook, said in words a clerk understands; the reader's own (English) reason is logged."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from grassroots_app.domain.errors import N_, InvalidInput

log = logging.getLogger(__name__)

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # the first bytes of an .xls file (an OLE compound file)


def unreadable(path: Path, error: BaseException) -> InvalidInput:
    """Return the refusal of a workbook the reader failed on, said in words; its English reason goes to the log."""
    log.warning("Cannot read %s as a workbook: %s", path, str(error) or type(error).__name__)
    return InvalidInput(_why_unreadable(path), path=path.name)


def _why_unreadable(path: Path) -> str:
    """Return what is wrong with a file that is no readable workbook, judged from its first bytes and its parts."""
    with path.open("rb") as file:
        head = file.read(len(OLE_SIGNATURE))
    if not head:
        return N_("'{path}' is empty (0 bytes).")
    if head.startswith(b"PK") and zipfile.is_zipfile(path) and not _has_workbook_part(path):
        return N_("'{path}' is a zip archive but not a workbook.")
    if not head.startswith(b"PK") and head != OLE_SIGNATURE:
        return N_("'{path}' is not an Excel or OpenDocument workbook (perhaps another kind of file renamed).")
    return N_("'{path}' is a damaged workbook, or one locked with a password, and cannot be read; open it in Excel "
              "or LibreOffice, save it again without a password, and import it again.")


def _has_workbook_part(path: Path) -> bool:
    """Return whether a zip archive holds the main part of an Excel or OpenDocument workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return True  # a damaged archive: said as a damaged workbook
    return any(name.casefold().endswith(("workbook.xml", "workbook.bin")) or name == "content.xml" for name in names)
