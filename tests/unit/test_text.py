"""Vietnamese text rules: NFC storage, diacritic-free search keys, and name collation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.text import (
    CODE_LENGTH,
    DECISION_LENGTH,
    NAME_LENGTH,
    NOTE_LENGTH,
    PHONE_LENGTH,
    TextField,
    clean_text,
    collation_key,
    fold,
    nfc,
    person_sort_key,
)
from grassroots_app.persistence.tables import metadata


def sorted_names(names: list[str]) -> list[str]:
    """Return the names in the order a clerk's list shows them."""
    return sorted(names, key=person_sort_key)


def test_nfc_composes_decomposed_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Qưới Sơn")
    assert decomposed != "Qưới Sơn"
    assert nfc(decomposed) == "Qưới Sơn"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_strips_and_collapses_spaces() -> None:
    assert nfc("  Ấp \t  1 \n") == "Ấp 1"
    assert nfc("   ") == ""


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Qưới Sơn", "quoi son"),
        ("Đắk Lắk", "dak lak"),
        ("đặc khu", "dac khu"),
        ("ĐỖ ĐÌNH", "do dinh"),
        ("Thị trấn  Châu Thành ", "thi tran chau thanh"),
    ],
)
def test_fold_ignores_case_and_diacritics(text: str, key: str) -> None:
    assert fold(text) == key


def test_fold_is_the_same_for_nfc_and_nfd_input() -> None:
    word = "Nguyễn Thị Ngọc Ánh"
    assert fold(unicodedata.normalize("NFD", word)) == fold(word)


def test_person_sort_key_orders_by_given_name_first() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Cường"]
    assert sorted_names(names) == ["Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Cường"]


def test_person_sort_key_breaks_ties_on_family_and_middle_names() -> None:
    names = ["Trần Văn Nam", "Lê Thị Nam", "Nguyễn Nam", "Lê Văn Nam"]
    assert sorted_names(names) == ["Lê Thị Nam", "Lê Văn Nam", "Nguyễn Nam", "Trần Văn Nam"]


def test_person_sort_key_letter_order_a_breve_circumflex() -> None:
    names = ["Phạm Văn Âu", "Phạm Văn Ăn", "Phạm Văn Anh", "Phạm Văn Bảo"]
    # a < ă < â: every "a…" name first, then "ă…", then "â…", then b.
    assert sorted_names(names) == ["Phạm Văn Anh", "Phạm Văn Ăn", "Phạm Văn Âu", "Phạm Văn Bảo"]


def test_person_sort_key_d_before_d_stroke() -> None:
    names = ["Hoàng Văn Đức", "Phạm Văn Dũng", "Lê Văn Duy", "Trần Văn Em"]
    assert sorted_names(names) == ["Phạm Văn Dũng", "Lê Văn Duy", "Hoàng Văn Đức", "Trần Văn Em"]


def test_person_sort_key_e_o_u_variants() -> None:
    names = ["Lê Thị Ơn", "Lê Thị Ôn", "Lê Thị On", "Lê Thị Ưng", "Lê Thị Ung", "Lê Thị Êm", "Lê Thị Em"]
    assert sorted_names(names) == [
        "Lê Thị Em", "Lê Thị Êm", "Lê Thị On", "Lê Thị Ôn", "Lê Thị Ơn", "Lê Thị Ung", "Lê Thị Ưng",
    ]


def test_person_sort_key_tones_are_secondary_in_dictionary_order() -> None:
    # none < huyền < hỏi < ngã < sắc < nặng
    names = ["Ngô Thị Hạ", "Ngô Thị Há", "Ngô Thị Hã", "Ngô Thị Hả", "Ngô Thị Hà", "Ngô Thị Ha"]
    assert sorted_names(names) == [
        "Ngô Thị Ha", "Ngô Thị Hà", "Ngô Thị Hả", "Ngô Thị Hã", "Ngô Thị Há", "Ngô Thị Hạ",
    ]


def test_person_sort_key_letters_outweigh_tones() -> None:
    # "Hà" has a tone but its letters come first: "ha" < "hai" < "han".
    names = ["Lê Văn Hạn", "Lê Văn Hài", "Lê Văn Hà"]
    assert sorted_names(names) == ["Lê Văn Hà", "Lê Văn Hài", "Lê Văn Hạn"]


def test_person_sort_key_ignores_normalization_form_and_spaces() -> None:
    composed = "Nguyễn Thị Ánh"
    decomposed = "  " + unicodedata.normalize("NFD", composed) + " "
    assert person_sort_key(composed)[:4] == person_sort_key(decomposed)[:4]


def test_collation_key_separates_letters_from_tones() -> None:
    primary_a, tones_a = collation_key("Ánh")
    primary_b, tones_b = collation_key("anh")
    assert primary_a == primary_b
    assert tones_a > tones_b


@given(st.lists(st.text(alphabet="aăâbdđeêiouơưy ÁàẢãạ0129-/\u0301\u0323", max_size=12), max_size=6))
def test_collation_key_kept_for_a_text_is_the_one_computed_anew(texts: list[str]) -> None:
    for text in texts + texts:  # each text again, once its key is kept
        assert collation_key(text) == collation_key.__wrapped__(text)


def test_collation_key_marks_modified_letters_as_distinct() -> None:
    assert collation_key("ơ")[0] != collation_key("o")[0]
    assert collation_key("đ")[0] > collation_key("d")[0]
    assert collation_key("ư")[0] > collation_key("u")[0]


@pytest.mark.parametrize("value, code", [
    ("Tổ\x001", "0000"), ("Tổ\x07 1", "0007"), ("\x1b[31mTổ", "001B"), ("Tổ\x0b1", "000B"), ("Tổ\x0c1", "000C"),
    ("Tổ\x1f1", "001F"), ("Tổ\x851", "0085"), ("\u200b", "200B"), ("\u200c\u200d", "200C"), ("\ufeff", "FEFF"),
    ("\u2060", "2060"), ("\u202eTổ", "202E"), ("T\u00ado", "00AD"), ("T\ud800", "D800"), ("T\ufffd", "FFFD"),
])
def test_clean_text_refuses_control_and_invisible_characters_naming_the_field(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(value, NAME_LENGTH, TextField.NAME)
    assert refused.value.render(lambda text: text) == (
        f"The name holds an invisible or control character (U+{code}); retype it.")


def test_clean_text_keeps_tabs_and_line_breaks_as_spaces_and_counts_after_normalizing() -> None:
    assert clean_text(" Tổ\t1\r\nấp  Mỹ ", NAME_LENGTH, TextField.NAME) == "Tổ 1 ấp Mỹ"
    decomposed = unicodedata.normalize("NFD", "ố") * NAME_LENGTH  # 400 code points, 200 letters
    assert clean_text(decomposed, NAME_LENGTH, TextField.NAME) == "ố" * NAME_LENGTH
    with pytest.raises(InvalidInput, match=r"The note is longer than 1000 characters \(1001\)"):
        clean_text("n" * 1001, NOTE_LENGTH, TextField.NOTE)


def test_every_text_limit_is_the_size_of_its_database_column() -> None:
    sizes = {(table.name, column.name): column.type.length for table in metadata.sorted_tables
             for column in table.columns if getattr(column.type, "length", None)}
    assert sizes[("unit", "name")] == sizes[("cadre", "full_name")] == sizes[("cluster", "name")] == NAME_LENGTH
    assert sizes[("assignment", "note")] == sizes[("assignment", "end_reason")] == NOTE_LENGTH
    assert sizes[("assignment", "decision_number")] == DECISION_LENGTH
    assert sizes[("cadre", "phone")] == PHONE_LENGTH and sizes[("unit", "code")] == CODE_LENGTH


@pytest.mark.parametrize("value, code", [("\u3164", "3164"), ("\u115f", "115F"), ("Tổ\u1160", "1160"),
                                         ("\uffa0\uffa0", "FFA0")])
def test_clean_text_refuses_hangul_fillers_as_invisible(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(value, NAME_LENGTH, TextField.NAME)
    assert refused.value.render(lambda text: text) == (
        f"The name holds an invisible or control character (U+{code}); retype it.")


@pytest.mark.parametrize("value, code", [
    ("\ue000", "E000"), ("Tổ \uf8ff", "F8FF"), ("\U000f0000", "F0000"), ("Tổ\ufdd0", "FDD0"), ("\ufdef", "FDEF"),
    ("\U0001fffe", "1FFFE"), ("\U0010ffff", "10FFFF"), ("Tổ\u0378", "0378"), ("\U000e0080", "E0080"),
])
def test_clean_text_refuses_private_use_non_characters_and_unassigned(value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(value, NAME_LENGTH, TextField.NOTE)
    assert refused.value.render(lambda text: text) == (
        f"The note holds a character with no agreed meaning (U+{code}: private-use, unassigned or a "
        "non-character); retype it.")


@pytest.mark.parametrize("value", ["\u0301\u0301", " \u0301 ", "\u0300\u0309\u0303\u0323", "\u20dd"])
def test_clean_text_refuses_a_text_of_only_marks(value: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(value, NAME_LENGTH, TextField.TITLE)
    assert refused.value.render(lambda text: text) == (
        "The title holds only accents or marks, no letter, digit or sign; retype it.")


@pytest.mark.parametrize("value", [
    "Nguyễn Thị Ngọc Ánh", "Đặng Hữu Phước", "Trương Quỳnh Hương", "Lý Thừa Ân", "Ấp Mỹ Phước 3",
    "Chi bộ ấp Tân Thạnh", "Bế Ỷ Đoàn", "Hồ Thị Kỷ", "Xã Ia H'Drai", "Phường Bến Nghé", "5", "—", "№ 7",
])
def test_clean_text_keeps_vietnamese_names_with_every_tone_and_mark(value: str) -> None:
    assert clean_text(value, NAME_LENGTH, TextField.NAME) == value
    decomposed = unicodedata.normalize("NFD", value)
    assert clean_text(decomposed, NAME_LENGTH, TextField.NAME) == value
