"""Decoding a .csv file: Unicode with a byte order mark, UTF-8, or an old 8-bit Vietnamese encoding, said by name."""

from __future__ import annotations

import codecs
import re
import unicodedata

from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.domain.legacy_text import plausible_words, recover

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Windows-1258 (Vietnamese) and Windows-1252 (Western: what TCVN3 and VNI fonts store) in that order.
_EIGHT_BIT = (("cp1258", "Windows-1258"), ("cp1252", "Windows-1252"))
_SAMPLE = 64 * 1024
# A well-formed multi-byte UTF-8 sequence: 8-bit legacy text seldom holds one, UTF-8 text holds many.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_csv(data: bytes, name: str) -> tuple[str, str]:
    """Return a CSV file's text and the encoding it was read in; refuse bytes no known encoding reads."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, name), label
    if b"\x00" in data[:_SAMPLE]:
        return _without_bom(data, name)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        if len(_UTF8_SEQUENCE.findall(data)) > data.decode("utf-8", errors="replace").count("\ufffd"):
            raise InvalidInput(N_("'{path}' is UTF-8 text with bytes that are not UTF-8 on line {line}; save it "
                                  "again as 'CSV UTF-8'."), path=name, line=data.count(b"\n", 0, error.start) + 1) from None
        return _eight_bit(data, name)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise _unrecognized(name) from None
    return _checked(text, name)


def _without_bom(data: bytes, name: str) -> tuple[str, str]:
    """Return UTF-16 text saved without its byte order mark (every other byte zero), or refuse a binary file."""
    sample = data[:_SAMPLE]
    for codec, high, low in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        if high and high.count(0) > len(high) / 2 and low.count(0) < len(low) / 10:
            return _strict(data, codec, name), "UTF-16"
    raise _unrecognized(name)


def _eight_bit(data: bytes, name: str) -> tuple[str, str]:
    """Return text in the 8-bit encoding that reads as the most Vietnamese (TCVN3 and VNI through Windows-1252)."""
    readings: list[tuple[int, str, str]] = []
    for codec, label in _EIGHT_BIT:
        try:
            text = unicodedata.normalize("NFC", data.decode(codec))
        except UnicodeDecodeError:
            continue
        readings.append((plausible_words(text), label, text))
        if codec == "cp1252":
            readings.extend(_legacy(text))
    if not readings:
        raise _unrecognized(name)
    _score, label, text = max(readings, key=lambda reading: reading[0])
    return _checked(text, name), label


def _legacy(text: str) -> list[tuple[int, str, str]]:
    """Return the reading of a whole file typed in TCVN3 or VNI, when it reads as one."""
    try:
        found = recover(text)
    except DomainError:
        return []  # mixed text: each cell is recognised on its own later
    return [(plausible_words(found.text), found.encoding.value.upper(), found.text)] if found else []


def _checked(text: str, name: str) -> str:
    """Refuse text holding control characters other than line breaks and tabs: the bytes were not text."""
    if any(unicodedata.category(char) == "Cc" and char not in "\t\r\n" for char in text[:_SAMPLE]):
        raise _unrecognized(name)
    return text


def _unrecognized(name: str) -> InvalidInput:
    return InvalidInput(N_("The encoding of '{path}' is not recognized (it is not UTF-8, UTF-16, UTF-32, "
                           "Windows-1258, TCVN3 or VNI text); save it again as 'CSV UTF-8'."), path=name)
