"""The Vietnamese catalog is complete: every marked message has a finished translation."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

from grassroots_app.i18n import CONTEXT, Translator, catalog_path, read_catalog
from grassroots_app.i18n_update import extract_messages

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)[rsd]|%[rsd]")


def test_every_message_has_a_vietnamese_translation() -> None:
    catalog = read_catalog(catalog_path("vi"))
    missing = [text for text in extract_messages() if not catalog.get((CONTEXT, text), "").strip()]
    assert missing == []


def test_translations_keep_the_placeholders() -> None:
    catalog = read_catalog(catalog_path("vi"))
    wrong = [
        source
        for (_context, source), translation in catalog.items()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation))
    ]
    assert wrong == []


def test_catalog_has_no_unfinished_or_leftover_messages() -> None:
    text = catalog_path("vi").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text


def test_translator_defaults_to_vietnamese_and_english_is_identity() -> None:
    assert Translator()("commune") == "xã"
    assert Translator("en")("commune") == "commune"


# Qt's own texts the window shows (standard buttons, the edit menus of text fields, Qt's file and print dialogs on
# Linux): Qt ships no Vietnamese catalogue, so ours holds them, in Qt's contexts. Qt's German catalogue, shipped
# with PySide6, says which they are.
QT_CONTEXTS = ("QPlatformTheme", "QGnomeTheme", "QDialogButtonBox", "QMessageBox", "QLineEdit",
               "QWidgetTextControl", "QAbstractSpinBox", "QFileDialog", "QFileSystemModel", "QAbstractFileIconProvider",
               "QPrintDialog",
               "QPrintSettingsOutput", "QPrintWidget", "QPrintPropertiesWidget", "QPageSetupWidget")
QM_MESSAGES, QM_END, QM_TRANSLATION, QM_SOURCE, QM_CONTEXT, QM_COMMENT, QM_OBSOLETE1 = 0x69, 1, 3, 6, 7, 8, 5


def qt_messages(path: Path) -> set[tuple[str, str]]:
    """Return the (context, source) pairs of a compiled Qt catalogue (.qm)."""
    data, found, position = path.read_bytes(), set(), 16
    while position < len(data):
        tag, length = data[position], int.from_bytes(data[position + 1:position + 5], "big")
        position += 5
        if tag == QM_MESSAGES:
            found |= _records(data[position:position + length])
        position += length
    return found


def _records(block: bytes) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    record: dict[int, bytes] = {}
    index = 0
    while index < len(block):
        tag = block[index]
        index += 1
        if tag == QM_END:
            found.add((record.get(QM_CONTEXT, b"").decode(), record.get(QM_SOURCE, b"").decode()))
            record = {}
        elif tag == QM_OBSOLETE1:
            index += 4
        elif tag in (QM_TRANSLATION, QM_SOURCE, QM_CONTEXT, QM_COMMENT):
            size = int.from_bytes(block[index:index + 4], "big") % 0xFFFFFFFF
            record[tag] = block[index + 4:index + 4 + size]
            index += 4 + size
    return found


def test_qt_own_texts_have_a_vietnamese_translation() -> None:
    reference = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_de.qm"
    wanted = {(context, source) for context, source in qt_messages(reference)
              if context in QT_CONTEXTS and not source.startswith("<")}  # not the "About Qt" page
    catalog = read_catalog(catalog_path("vi"))
    assert len(wanted) > 40
    assert sorted(pair for pair in wanted if not catalog.get(pair, "").strip()) == []
