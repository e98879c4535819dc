"""How a Vietnamese report writes names and partial spans in running text (pure); numbers, dates and quarters
are written by `formatting`."""

from __future__ import annotations

from datetime import date, timedelta

from grassroots_app.domain.formats import format_date
from grassroots_app.domain.text import fold


def lower_first(text: str) -> str:
    """Return the text with its first letter in lower case (a name or label inside a sentence)."""
    return text[:1].lower() + text[1:]


def in_sentence(name: str, kind: str) -> str:
    """Return a unit's name as written inside a sentence: its kind in lower case ("xã Long Hồ")."""
    if fold(name).startswith(fold(kind) + " "):
        return kind + name[len(kind):]
    return name


def span_note(since: date, until: date, first: date, end: date) -> str:
    """Return " (từ …)", " (đến …)" or " (từ … đến …)" when [since, until) is only part of [first, end)."""
    starts_late, ends_early = since > first, until < end
    last = format_date(until - timedelta(days=1))
    if starts_late and ends_early:
        return f" (từ {format_date(since)} đến {last})"
    if starts_late:
        return f" (từ {format_date(since)})"
    if ends_early:
        return f" (đến {last})"
    return ""
