"""Translation catalogs outside Qt: reads the same Qt Linguist `.ts` files the window compiles to `.qm`."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from pathlib import Path

from grassroots_app.paths import translations_dir

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
CONTEXT = "grassroots"


def catalog_path(language: str) -> Path:
    """Return the `.ts` file of a language."""
    return translations_dir() / f"grassroots_{language}.ts"


def read_catalog(path: Path) -> dict[tuple[str, str], str]:
    """Return {(context, source): translation} for the finished messages of a `.ts` file."""
    if not path.exists():
        return {}
    messages: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            messages[(name, message.findtext("source", default=""))] = translation.text or ""
    return messages


class Translator:
    """Translates English messages of the non-Qt layers into one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        self.messages = {} if language == "en" else _load(language)

    def __call__(self, text: str, context: str = CONTEXT) -> str:
        """Return the translation of the text, or the text itself when there is none."""
        return self.messages.get((context, text)) or text


@lru_cache(maxsize=4)
def _load(language: str) -> dict[tuple[str, str], str]:
    return read_catalog(catalog_path(language))
