"""Vietnamese text typed in the old 8-bit encodings (TCVN3/ABC, VNI-Windows), recognised and converted to Unicode.

Old spreadsheets made with ABC fonts (.VnTime) or VNI fonts (VNI-Times) store their letters as 8-bit codes,
so modern Excel and openpyxl hand them over as Windows-1252 characters ("Th«n 1" for "Thôn 1").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from grassroots_app.domain.errors import N_, InvalidInput, Labelled, register_labels


class LegacyEncoding(str, Labelled):
    """An old 8-bit Vietnamese encoding."""

    TCVN3 = "tcvn3"
    VNI = "vni"


register_labels(
    [
        (LegacyEncoding.TCVN3, N_("TCVN3 (ABC)")),
        (LegacyEncoding.VNI, N_("VNI")),
    ]
)


@dataclass(frozen=True)
class Recovered:
    """Text converted from a legacy encoding, with the encoding it was read in."""

    text: str
    encoding: LegacyEncoding


_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)
_VOWELS = "aăâeêioôơuưy"
# Every toned vowel, spelled as its bare vowel followed by "'" so a syllable pattern can see where the tone sits.
_TONED = {unicodedata.normalize("NFC", vowel + tone): vowel + "'" for vowel in _VOWELS for tone in _TONES}
_SPELLING = str.maketrans(_TONED)
_LOWERCASE = "".join(_TONED) + _VOWELS + "đ"
_VIETNAMESE = frozenset(_LOWERCASE + _LOWERCASE.upper())

# Each row: Unicode letters, then the characters an ABC (TCVN3, "VN3") font stores them as, tones in the order
# grave, acute, hook, tilde, dot. Checked against GNU recode's TCVN table (TCVN 5712 VN1, whose lowercase and
# Ă Â Đ Ê Ô Ơ Ư codes are the ones VN3 keeps) and duydev/vietnamese-conversion. Toned capitals have no ABC code:
# they were typed with a capitals font on the lowercase codes.
_TCVN3_ROWS = (
    ("àáảãạ", "µ¸¶·¹"),
    ("ăằắẳẵặ", "¨»¾¼½Æ"),
    ("âầấẩẫậ", "©ÇÊÈÉË"),
    ("đ", "®"),
    ("èéẻẽẹ", "ÌÐÎÏÑ"),
    ("êềếểễệ", "ªÒÕÓÔÖ"),
    ("ìíỉĩị", "×ÝØÜÞ"),
    ("òóỏõọ", "ßãáâä"),
    ("ôồốổỗộ", "«åèæçé"),
    ("ơờớởỡợ", "¬êíëìî"),
    ("ùúủũụ", "ïóñòô"),
    ("ưừứửữự", "\xadõøö÷ù"),
    ("ỳýỷỹỵ", "úýûüþ"),
    ("ĂÂĐÊÔƠƯ", "¡¢§£¤¥¦"),
)
_TCVN3 = {code: letter for letters, codes in _TCVN3_ROWS for letter, code in zip(letters, codes, strict=True)}

# VNI-Windows writes a base letter, then a mark character: a lowercase mark after a lowercase letter, the
# uppercase mark after a capital. Checked against GNU recode's VNI table and duydev/vietnamese-conversion.
# Rows: a modifier (none, circumflex, breve), then its marks with the tones in _TONES order; â and ê stand alone.
_VNI_MARK_ROWS = (("", "øùûõï"), ("\u0302", "àáåãä"), ("\u0306", "èéúüë"))
_VNI_MARKS = {"â": "\u0302", "ê": "\u0306"} | {
    mark: modifier + tone for modifier, marks in _VNI_MARK_ROWS for mark, tone in zip(marks, _TONES, strict=True)
}
# Letters VNI stores as one character of their own (ì and í are themselves).
_VNI_LETTERS = {"ñ": "đ", "ô": "ơ", "ö": "ư", "ì": "ì", "í": "í", "ó": "ĩ", "ò": "ị", "æ": "ỉ", "î": "ỵ"}
_VNI = (
    _VNI_MARKS
    | {mark.upper(): combining for mark, combining in _VNI_MARKS.items()}
    | _VNI_LETTERS
    | {code.upper(): letter.upper() for code, letter in _VNI_LETTERS.items()}
)

# Characters Vietnamese Unicode text never holds but one of the legacy encodings uses for a letter.
_ODD = "".join(sorted(frozenset(_TCVN3).union(_VNI) - _VIETNAMESE))
_UNUSED = "\ufffd"


def _table(mapping: dict[str, str]) -> dict[int, str]:
    """Return a translate table for the mapping that turns Latin-1 letters it never uses into U+FFFD."""
    unused = {chr(code): _UNUSED for code in range(0xA0, 0x100) if chr(code).isalpha()}
    return str.maketrans(unused | mapping)


_TABLES = {LegacyEncoding.TCVN3: _table(_TCVN3), LegacyEncoding.VNI: _table(_VNI)}

_LETTER = r"[^\W\d_]"
_ODD_CLASS = "[" + re.escape(_ODD) + "]"
# A legacy candidate holds an odd character next to a letter or another odd one (so "2×3" stays alone), or a
# VNI base-and-mark pair Vietnamese spelling never has ("Nguyeãn Vaên Taâm" holds no odd character at all).
# Each branch opens on a character class, which keeps the search over plain text fast.
_CANDIDATE = re.compile(
    rf"{_ODD_CLASS}(?:(?<={_LETTER}.)|(?<={_ODD_CLASS}.)|(?={_LETTER}|{_ODD_CLASS}))"
    r"|[ùõâúÙÕÂÚ](?<=[aeoyAEOY].)|[êÊ](?<=[aeoAEO].)|[áàãÁÀÃ](?<=[aeAE].)|[éèÉÈ](?<=[aA].)"
)
# Letters and marks no 8-bit encoding can deliver: text holding them is already Unicode.
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u0300-\u036f\u1ea0-\u1ef9]")
_LOWER_MARKS = "".join(_VNI_MARKS)
_VNI_CASE_CLASH = re.compile(f"[A-ZÔÖ][{_LOWER_MARKS}]|[a-zôö][{_LOWER_MARKS.upper()}]")

# A converted text is clean when it holds no leftover legacy character or unused code, no mark that found
# no letter to sit on, and no letter that is neither ASCII nor Vietnamese.
_FOREIGN = re.compile(
    "[" + re.escape(_ODD + _UNUSED) + "\u0300-\u036f]"
    "|(?![a-zA-Z" + "".join(sorted(_VIETNAMESE)) + "])" + _LETTER
)
_WORD = re.compile(_LETTER + "+")
_ASCII_LOWER = re.compile("[a-z]")
# A Vietnamese syllable after _SPELLING: loose initial consonants (minority place names such as "Krông"),
# then a vowel group with the tone where Vietnamese puts it, either open to a final consonant or closed.
_SYLLABLE = re.compile(
    "(?:qu|gi|[bcdđfghjklmnpqrstvwxz]*)(?:"
    "(?:[aăâeêioôơuưy]|iê|yê|uô|ươ|oă|uâ|uê|uyê|oa|oe|uy)'?(?:ch|ng|nh|[cmnptk])?"
    "|[aâ]'?[uy]|a'?[io]|e'?o|ê'?u|i'?[au]|[oôơ]'?i|u'?[ai]|ư'?[aiu]|uơ'?|o'a|o'e|u'y"
    "|oa'?[iyo]|oe'?o|uâ'?y|uô'?i|ươ'?[iu]|[iy]ê'?u|uy'?[au])"
)


def _restore_capitals(text: str) -> str:
    """Upper-case text or words typed in capitals whose legacy letters came out lowercase ("THôN" -> "THÔN")."""
    if _ASCII_LOWER.search(text) is None and sum(char.isupper() for char in text) > 1:
        return text.upper()

    def fixed(match: re.Match[str]) -> str:
        word = match[0]
        shouted = word[1:] != word[1:].lower() and _ASCII_LOWER.search(word) is None
        return word.upper() if shouted else word

    return _WORD.sub(fixed, text)


def plausible_words(text: str) -> int:
    """Count the words of the text that are cased and spelled like Vietnamese syllables."""
    return sum(
        1
        for word in _WORD.findall(text)
        if word in (word.lower(), word.upper(), word.capitalize())
        and _SYLLABLE.fullmatch(word.lower().translate(_SPELLING))
    )


def recover(text: str) -> Recovered | None:
    """Return the text converted from a legacy encoding it is recognised in, or None when it reads as Unicode."""
    if _CANDIDATE.search(text) is None or _UNICODE_ONLY.search(text) is not None:
        return None
    # Each clean reading is scored by its plausible words; VNI loses one per mark whose case differs from its
    # base letter's (VNI keyboards never type them, TCVN3 "Uû" = "Uỷ" has one). Ties go to TCVN3, the standard.
    readings: list[tuple[int, bool, str]] = []
    for encoding, table in _TABLES.items():
        converted = _restore_capitals(unicodedata.normalize("NFC", text.translate(table)))
        if _FOREIGN.search(converted) is None:
            clashes = len(_VNI_CASE_CLASH.findall(text)) if encoding is LegacyEncoding.VNI else 0
            readings.append((plausible_words(converted) - clashes, encoding is LegacyEncoding.TCVN3, converted))
    if readings:
        score, is_tcvn3, converted = max(readings)
        source = plausible_words(text)
        if score > 0 and score >= source:
            return Recovered(converted, LegacyEncoding.TCVN3 if is_tcvn3 else LegacyEncoding.VNI)
        if source > score:
            # Unicode text with a stray symbol ("«Tên»") reads better as it is than converted.
            return None
    raise InvalidInput(
        N_(
            "'{value}' looks like text in an old Vietnamese encoding (TCVN3 or VNI) that could not be converted;"
            " retype it in Unicode."
        ),
        value=text,
    )
