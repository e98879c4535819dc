"""Qt translation: the `.ts` catalogs compiled to `.qm`, one context, switchable at run time."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from grassroots_app.console import run_without_window
from grassroots_app.i18n import CONTEXT, DEFAULT_LANGUAGE, catalog_path
from grassroots_app.paths import is_frozen

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class Translated(str):
    """A translated text that keeps its English source and the values put in it, to be shown again in another
    language (an undo step's name after a language switch)."""

    source: str
    values: dict[str, Any]

    def __new__(cls, text: str, source: str, values: dict[str, Any]) -> Translated:
        """Return the text, remembering where it came from."""
        made = super().__new__(cls, text)
        made.source, made.values = source, values
        return made

    def format(self, *args: Any, **values: Any) -> str:
        """Fill in named values, still remembering the source (positional values give a plain text)."""
        filled = str.format(self, *args, **values)
        return filled if args else Translated(filled, self.source, {**self.values, **values})

    def __reduce__(self) -> tuple[type, tuple[str]]:
        """Cross to a worker process as the plain text."""
        return str, (str(self),)

    def again(self) -> str:
        """Return the text in the language now in use."""
        values = {key: value.again() if isinstance(value, Translated) else value for key, value in self.values.items()}
        return tr(self.source).format(**values)


def tr(text: str) -> str:
    """Translate a user-facing text through Qt's translator (the one context of the application)."""
    return Translated(QCoreApplication.translate(CONTEXT, text), text, {})


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
        run_without_window([str(lrelease_path()), "-silent", str(source), "-qm", str(target)], check=True)
    return target


_installed: list[QTranslator] = []  # the application's one translator, whoever installed it


class LanguageSwitcher:
    """Installs the translator of the chosen language; English is the untranslated source."""

    def __init__(self) -> None:
        self.language = "en"
        self.switched: list[Callable[[], None]] = []  # called after each switch (what widgets cannot hear)

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
        QLocale.setDefault(QLocale(language))  # Qt's own names of months, days and file types follow the language
        self.language = language
        for listener in self.switched:
            listener()
