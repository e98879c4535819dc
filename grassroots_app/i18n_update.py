"""Keep the `.ts` catalogs in step with the code: `python -m grassroots_app.i18n_update`.

Finds every message marked with N_("…") or tr("…") in the package, adds new ones to each catalog as
unfinished, marks the ones no longer used as vanished, and keeps every existing translation.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from grassroots_app.i18n import CONTEXT, catalog_path

PACKAGE = Path(__file__).resolve().parent
MARKERS = {"N_", "tr"}
TRANSLATED_LANGUAGES = ("vi",)


def extract_messages(root: Path = PACKAGE) -> list[str]:
    """Return the marked messages of every module below root, in first-seen order."""
    found: dict[str, None] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = None
    return list(found)


def _context_element(root: ElementTree.Element) -> ElementTree.Element:
    for context in root.iter("context"):
        if context.findtext("name") == CONTEXT:
            return context
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = CONTEXT
    return context


def update_catalog(path: Path, language: str, messages: list[str]) -> tuple[int, int]:
    """Bring one catalog in step with the messages; return (added, vanished)."""
    if path.exists():
        root = ElementTree.parse(path).getroot()
    else:
        root = ElementTree.Element("TS", {"version": "2.1", "language": language})
    context = _context_element(root)
    known = {m.findtext("source"): m for m in context.findall("message")}
    added = vanished = 0
    for text in messages:
        if text not in known:
            message = ElementTree.SubElement(context, "message")
            ElementTree.SubElement(message, "source").text = text
            ElementTree.SubElement(message, "translation", {"type": "unfinished"})
            added += 1
    wanted = set(messages)
    for source, message in known.items():
        translation = message.find("translation")
        if source not in wanted and translation is not None and translation.get("type") != "vanished":
            translation.set("type", "vanished")
            vanished += 1
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return added, vanished


def main() -> int:
    """Update every translated catalog and report what changed."""
    messages = extract_messages()
    for language in TRANSLATED_LANGUAGES:
        added, vanished = update_catalog(catalog_path(language), language, messages)
        print(f"{language}: {len(messages)} messages, {added} added, {vanished} vanished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
