"""Vietnamese text: NFC normalization, diacritic-free folding and collation keys."""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

from grassroots_app.domain.errors import N_, InvalidInput, Labelled, register_labels

# The longest text of each kind, in characters: the database columns are declared with these same numbers.
CODE_LENGTH = 20
PHONE_LENGTH = 40
KIND_LENGTH = 40
DECISION_LENGTH = 60
NAME_LENGTH = 200
TITLE_LENGTH = 300
NOTE_LENGTH = 1000
CONTENT_LENGTH = 2000

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


def fold_marks(text: str) -> str:
    """Return the text without its diacritics, keeping the case ("Qưới Sơn" -> "Quoi Son")."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return _MARKS.sub("", decomposed)


def fold(text: str) -> str:
    """Return a search key that ignores case and diacritics ("Qưới Sơn" -> "quoi son")."""
    return fold_marks(text).casefold()


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


@functools.lru_cache(maxsize=1 << 16)
def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return (primary, secondary) keys: letters in Vietnamese order first, tones second (each text's once).

    Kept for the texts sorted again and again: a report sorts its thousands of rows by the same unit paths and names.
    """
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


class TextField(str, Labelled):
    """A text a clerk types, named in the refusal of a bad one."""

    NAME = "name"
    TITLE = "title"
    KIND = "kind"
    CODE = "code"
    POSITION = "position"
    WORKPLACE = "workplace"
    PHONE = "phone"
    ROLE = "role"
    DECISION = "decision"
    NOTE = "note"
    REASON = "reason"
    PLACE = "place"
    ORGANIZER = "organizer"
    BODY = "body"
    CONTENT = "content"
    ANSWER = "answer"
    CELL = "cell"
    REPORT = "report"


register_labels(
    [
        (TextField.NAME, N_("name")),
        (TextField.TITLE, N_("title")),
        (TextField.KIND, N_("kind")),
        (TextField.CODE, N_("official code")),
        (TextField.POSITION, N_("position")),
        (TextField.WORKPLACE, N_("workplace")),
        (TextField.PHONE, N_("phone number")),
        (TextField.ROLE, N_("role")),
        (TextField.DECISION, N_("decision number")),
        (TextField.NOTE, N_("note")),
        (TextField.REASON, N_("reason")),
        (TextField.PLACE, N_("place")),
        (TextField.ORGANIZER, N_("organizer")),
        (TextField.BODY, N_("body it is forwarded to")),
        (TextField.CONTENT, N_("content")),
        (TextField.ANSWER, N_("answer")),
        (TextField.CELL, N_("cell text")),
        (TextField.REPORT, N_("report text")),
    ]
)

# Control and format characters (NUL, BEL, ESC, VT, zero-width spaces, BOM, bidirectional marks, soft hyphen), lone
# surrogates, the Hangul fillers (blank letters) and the replacement character a broken decoding leaves: none belongs
# in a name or a note, and several break exports. Tabs and line breaks are spaces.
_ALLOWED_CONTROLS = "\t\n\r"
_INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0\ufffd"
# Private-use (Co) and unassigned code points (Cn, which holds the non-characters U+FDD0-U+FDEF and U+xFFFE/U+xFFFF):
# no two computers agree on what they show.
_MEANINGLESS = ("Co", "Cn")


def _class_of(categories: tuple[str, ...], extra: str = "") -> re.Pattern[str]:
    """Return a pattern matching one character of the Unicode categories (as ranges: Cn alone is most of Unicode)."""
    ranges: list[str] = []
    start = None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and unicodedata.category(chr(code)) in categories \
            and chr(code) not in _ALLOWED_CONTROLS
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(re.escape(chr(start)) + "-" + re.escape(chr(code - 1)))
            start = None
    return re.compile("[" + "".join(ranges) + re.escape(extra) + "]")


@functools.cache
def _forbidden() -> re.Pattern[str]:
    """Return the pattern of the invisible characters no text may hold (built on first use: it reads Unicode tables)."""
    return _class_of(("Cc", "Cf", "Cs"), _INVISIBLE_LETTERS)


@functools.cache
def _meaningless() -> re.Pattern[str]:
    """Return the pattern of the private-use, unassigned and non-characters no text may hold."""
    return _class_of(_MEANINGLESS)


def check_characters(value: str, field: TextField) -> None:
    """Refuse text holding a control, format, invisible, private-use or unassigned character, naming field and it."""
    found = _forbidden().search(value)
    if found is not None:
        raise InvalidInput(N_("The {field} holds an invisible or control character (U+{code}); retype it."),
                           field=field, code=f"{ord(found[0]):04X}")
    found = _meaningless().search(value)
    if found is not None:
        raise InvalidInput(N_("The {field} holds a character with no agreed meaning (U+{code}: private-use, "
                              "unassigned or a non-character); retype it."), field=field, code=f"{ord(found[0]):04X}")


def check_visible(value: str, field: TextField) -> None:
    """Refuse text whose every character is a mark or a space: a name needs a letter, digit, punctuation or symbol."""
    if value.strip() and all(ch.isspace() or unicodedata.category(ch)[0] == "M" for ch in value):
        raise InvalidInput(N_("The {field} holds only accents or marks, no letter, digit or sign; retype it."),
                           field=field)


def check_text(value: str, limit: int, field: TextField) -> None:
    """Refuse text holding a control or invisible character, only marks, or longer than the limit once normalized."""
    check_characters(value, field)
    check_visible(value, field)
    if len(value) > limit and len(cleaned := nfc(value)) > limit:  # normalizing only ever shortens text
        raise InvalidInput(
            N_("The {field} is longer than {limit} characters ({length})."),
            field=field, limit=limit, length=len(cleaned),
        )


def clean_text(value: str, limit: int, field: TextField) -> str:
    """Return the text NFC-normalized on one line; refuse control or invisible characters and overlong text."""
    check_text(value, limit, field)
    return nfc(value)
