"""Vietnamese text: NFC normalization, diacritic-free folding and collation keys."""

from __future__ import annotations

import re
import unicodedata

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_MODIFIED = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}
# Tones in Vietnamese dictionary order: none < huyền < hỏi < ngã < sắc < nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(text: str) -> str:
    """Return the text NFC-normalized with surrounding and repeated spaces removed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Return text without the control characters a document cannot show (an old database may hold them)."""
    return _CONTROLS.sub("", text)


_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Return a search key that ignores case and diacritics ("Qưới Sơn" -> "quoi son")."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return _MARKS.sub("", decomposed).casefold()


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a word into (Vietnamese letter, tone) pairs."""
    pairs: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if unicodedata.combining(ch) and pairs:
            base, tone = pairs[-1]
            if ch in _MODIFIERS:
                pairs[-1] = (_MODIFIED.get((base, _MODIFIERS[ch]), base), tone)
            else:
                pairs[-1] = (base, _TONES.get(ch, tone))
        elif not unicodedata.combining(ch):
            pairs.append((ch, 0))
    return pairs


def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return (primary, secondary) keys: letters in Vietnamese order first, tones second."""
    pairs = _letters(text)
    primary = tuple(_RANK.get(letter, 100 + ord(letter)) for letter, _ in pairs)
    return primary, tuple(tone for _, tone in pairs)


def person_sort_key(full_name: str) -> tuple[object, ...]:
    """Return the key that sorts people by given name, then family and middle names."""
    words = nfc(full_name).split(" ")
    given, rest = collation_key(words[-1]), collation_key(" ".join(words[:-1]))
    return given[0], rest[0], given[1], rest[1], full_name


_NUMBER = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, object], ...]:
    """Return a key that sorts names in Vietnamese order with numbers in order ("Ấp 2" before "Ấp 10")."""
    parts = _NUMBER.split(nfc(name))
    return tuple((1, int(part)) if part.isdigit() else (0, collation_key(part)) for part in parts if part)
