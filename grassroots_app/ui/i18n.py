"""Qt translation: the `.ts` catalogs compiled to `.qm`, one context, switchable at run time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QTranslator

from grassroots_app.i18n import CONTEXT, DEFAULT_LANGUAGE, catalog_path
from grassroots_app.paths import is_frozen

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def tr(text: str) -> str:
    """Translate a user-facing text through Qt's translator (the one context of the application)."""
    return QCoreApplication.translate(CONTEXT, text)


def lrelease_path() -> Path:
    """Return Qt's `lrelease` tool shipped inside PySide6."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compiled_catalog(language: str) -> Path:
    """Return the `.qm` of a language, compiling the `.ts` first when the `.qm` is missing or older.

    A frozen build holds the `.qm` compiled when it was built, and no `lrelease`.
    """
    source = catalog_path(language)
    target = source.with_suffix(".qm")
    if not is_frozen() and source.exists() and (not target.exists() or target.stat().st_mtime < source.stat().st_mtime):
        subprocess.run([str(lrelease_path()), "-silent", str(source), "-qm", str(target)], check=True)
    return target


_installed: list[QTranslator] = []  # the application's one translator, whoever installed it


class LanguageSwitcher:
    """Installs the translator of the chosen language; English is the untranslated source."""

    def __init__(self) -> None:
        self.language = "en"

    def apply(self, language: str = DEFAULT_LANGUAGE) -> None:
        """Switch the whole application to a language (widgets get a LanguageChange event)."""
        app = QCoreApplication.instance()
        assert app is not None
        while _installed:
            app.removeTranslator(_installed.pop())
        if language != "en":
            translator = QTranslator(app)
            if not translator.load(str(compiled_catalog(language))):
                raise FileNotFoundError(compiled_catalog(language))
            app.installTranslator(translator)
            _installed.append(translator)
        self.language = language
