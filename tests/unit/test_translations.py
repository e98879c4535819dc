"""The Vietnamese catalog is complete: every marked message has a finished translation."""

from __future__ import annotations

import re

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
