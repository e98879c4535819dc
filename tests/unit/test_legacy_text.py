"""Old 8-bit Vietnamese text (TCVN3/ABC, VNI) is recognised and converted; Unicode text is left alone."""

from __future__ import annotations

import unicodedata

import pytest

from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.legacy_text import LegacyEncoding, Recovered, recover

# The ABC (TCVN3) codes of every letter, as Windows-1252 characters (ư is the soft hyphen U+00AD).
TCVN3 = (
    "à=µ á=¸ ả=¶ ã=· ạ=¹ ă=¨ ằ=» ắ=¾ ẳ=¼ ẵ=½ ặ=Æ â=© ầ=Ç ấ=Ê ẩ=È ẫ=É ậ=Ë đ=® "
    "è=Ì é=Ð ẻ=Î ẽ=Ï ẹ=Ñ ê=ª ề=Ò ế=Õ ể=Ó ễ=Ô ệ=Ö ì=× í=Ý ỉ=Ø ĩ=Ü ị=Þ "
    "ò=ß ó=ã ỏ=á õ=â ọ=ä ô=« ồ=å ố=è ổ=æ ỗ=ç ộ=é ơ=¬ ờ=ê ớ=í ở=ë ỡ=ì ợ=î "
    "ù=ï ú=ó ủ=ñ ũ=ò ụ=ô ư=\xad ừ=õ ứ=ø ử=ö ữ=÷ ự=ù ỳ=ú ý=ý ỷ=û ỹ=ü ỵ=þ "
    "Ă=¡ Â=¢ Đ=§ Ê=£ Ô=¤ Ơ=¥ Ư=¦"
)
# The VNI-Windows spelling of every lowercase letter; a capital is the same spelling in capitals.
VNI = (
    "à=aø á=aù ả=aû ã=aõ ạ=aï ă=aê ằ=aè ắ=aé ẳ=aú ẵ=aü ặ=aë â=aâ ầ=aà ấ=aá ẩ=aå ẫ=aã ậ=aä đ=ñ "
    "è=eø é=eù ẻ=eû ẽ=eõ ẹ=eï ê=eâ ề=eà ế=eá ể=eå ễ=eã ệ=eä ì=ì í=í ỉ=æ ĩ=ó ị=ò "
    "ò=oø ó=où ỏ=oû õ=oõ ọ=oï ô=oâ ồ=oà ố=oá ổ=oå ỗ=oã ộ=oä ơ=ô ờ=ôø ớ=ôù ở=ôû ỡ=ôõ ợ=ôï "
    "ù=uø ú=uù ủ=uû ũ=uõ ụ=uï ư=ö ừ=öø ứ=öù ử=öû ữ=öõ ự=öï ỳ=yø ý=yù ỷ=yû ỹ=yõ ỵ=î"
)


def pairs(table: str) -> list[tuple[str, str]]:
    """Return the (letter, legacy spelling) pairs of a table written as "letter=code" words."""
    return [(entry[0], entry[2:]) for entry in table.split(" ")]


def test_the_tables_cover_every_vietnamese_letter() -> None:
    tones = "\u0300\u0301\u0309\u0303\u0323"
    letters = {unicodedata.normalize("NFC", vowel + tone) for vowel in "aăâeêioôơuưy" for tone in tones}
    letters |= set("ăâđêôơư")
    assert {letter for letter, _ in pairs(VNI)} == letters
    assert {letter for letter, _ in pairs(TCVN3)} == letters | set("ĂÂĐÊÔƠƯ")


@pytest.mark.parametrize(("letter", "code"), pairs(TCVN3))
def test_every_tcvn3_letter_converts(letter: str, code: str) -> None:
    assert recover(f"Th«n {code}") == Recovered(f"Thôn {letter}", LegacyEncoding.TCVN3)


@pytest.mark.parametrize(("letter", "code"), pairs(VNI))
def test_every_vni_letter_converts_in_both_cases(letter: str, code: str) -> None:
    assert recover(f"Coäng hoøa {code}") == Recovered(f"Cộng hòa {letter}", LegacyEncoding.VNI)
    upper = f"COÄNG HOØA {code.upper()}"
    assert recover(upper) == Recovered(f"CỘNG HÒA {letter.upper()}", LegacyEncoding.VNI)


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Th«n 1", "Thôn 1"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
        ("B¸t X¸t", "Bát Xát"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("Uû ban nh©n d©n x· Qu¶ng Phó", "Uỷ ban nhân dân xã Quảng Phú"),
        ("Phã Chñ tÞch Uû ban", "Phó Chủ tịch Uỷ ban"),
        ("§¾k L¾k", "Đắk Lắk"),
        ("Kr«ng P¾k", "Krông Pắk"),
        ("Ninh B×nh", "Ninh Bình"),
        ("Hå ChÝ Minh", "Hồ Chí Minh"),
        ("Tæ d©n phè sè 5", "Tổ dân phố số 5"),
        ("NguyÔn ThÞ ¸nh", "Nguyễn Thị ánh"),
        ("ë nhµ", "ở nhà"),
        ("®¸", "đá"),
        ("Mét ngµy", "Một ngày"),
        ("Uû ban", "Uỷ ban"),
        ("¦u tiªn", "Ưu tiên"),
        # Toned capitals were typed with a capitals font on the lowercase codes.
        ("Êp T©n Hoµ", "ấp Tân Hoà"),
    ],
)
def test_tcvn3_text_converts(legacy: str, unicode: str) -> None:
    assert recover(legacy) == Recovered(unicode, LegacyEncoding.TCVN3)


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("TH«N 1", "THÔN 1"),
        ("B¶O TH¾NG", "BẢO THẮNG"),
        ("M\xadêNG KH\xad¬NG", "MƯỜNG KHƯƠNG"),
        ("B¸T X¸T", "BÁT XÁT"),
        ("§¾K L¾K", "ĐẮK LẮK"),
        ("¦U TI£N", "ƯU TIÊN"),
        ("UBND X· ¡N", "UBND XÃ ĂN"),
    ],
)
def test_tcvn3_capitals_convert_to_capitals(legacy: str, unicode: str) -> None:
    assert recover(legacy) == Recovered(unicode, LegacyEncoding.TCVN3)


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("VIEÄT NAM", "VIỆT NAM"),
        ("Ñaø Naüng", "Đà Nẵng"),
        ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Möôøng Khöông", "Mường Khương"),
        ("TRÖÔØNG", "TRƯỜNG"),
        ("ÑOÀNG THAÙP", "ĐỒNG THÁP"),
        ("ÑAÉK LAÉK", "ĐẮK LẮK"),
        ("ÔÛ", "Ở"),
        ("Xaõ Quaûng Phuù", "Xã Quảng Phú"),
        ("AÁp Taân Hoøa", "Ấp Tân Hòa"),
        ("Nguyeãn Thò AÙnh", "Nguyễn Thị Ánh"),
        # No odd character here: the base-and-mark pairs give VNI away.
        ("Nguyeãn Vaên Taâm", "Nguyễn Văn Tâm"),
        ("Coäng", "Cộng"),
        ("Taû", "Tả"),
    ],
)
def test_vni_text_converts(legacy: str, unicode: str) -> None:
    assert recover(legacy) == Recovered(unicode, LegacyEncoding.VNI)


def test_recovered_text_is_nfc() -> None:
    recovered = recover("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    assert recovered is not None
    assert unicodedata.is_normalized("NFC", recovered.text)


UNICODE_TEXT = [
    "Thành phố Hồ Chí Minh",
    "Xã Quảng Phú",
    "Ấp Tân Hòa",
    "Ấp Tân Hoà",
    "Nguyễn Thị Ánh",
    "Đắk Lắk",
    "Thôn Ea Kly",
    "Phường Bến Thành",
    "Tổ dân phố số 5",
    "Bảo Thắng",
    "Mường Khương",
    "Bát Xát",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Uỷ ban nhân dân",
    "Ủy ban nhân dân",
    "Hà Nội",
    "Hà Tây",
    "Cà Mau",
    "Bà Rịa - Vũng Tàu",
    "Châu Thành",
    "Thừa Thiên Huế",
    "Khánh Hòa",
    "Khánh Hoà",
    "Thanh Hoá",
    "Thanh Hóa",
    "Quý",
    "Thuý",
    "Thùy",
    "Nguyên",
    "Xuân",
    "Giây",
    "Ngoan ngoãn",
    "Khoẻ",
    "Khoá",
    "Hoè",
    "Quê",
    "Yên Bái",
    "Lê Văn Tám",
    "Trần Thị Út",
    "Võ Thị Sáu",
    "Tô Vĩnh Diện",
    "Lý Tự Trọng",
    "Đoàn Thị Điểm",
    "Hồ Xuân Hương",
    "Phó Chủ tịch",
    "Bí thư Chi bộ",
    "Có",
    "Không",
    "x",
    "X",
    "Ông",
    "Bà",
    "Nam",
    "Nữ",
    "Ea H'leo",
    "Krông Pắc",
    "H'Mông",
    "",
    "0",
    "12345",
    "2024-01-31",
    "12,5%",
    "25°C",
    "25 × 3",
    "2×3",
    "Village",
    "Head of the hamlet",
    "Party member",
    "Chloé",
    "José",
    "Café",
    "Ðiện Biên",
]


@pytest.mark.parametrize("text", UNICODE_TEXT)
def test_unicode_text_is_left_alone_in_every_form(text: str) -> None:
    for form in ("NFC", "NFD", "NFKC"):
        assert recover(unicodedata.normalize(form, text)) is None
        assert recover(unicodedata.normalize(form, text.upper())) is None


@pytest.mark.parametrize("text", ["«Tên»", "Tên®", "Thôn «Mới»", "Ông Nguyễn Văn Hùng ¼ cổ phần"])
def test_unicode_text_with_a_stray_symbol_is_left_alone(text: str) -> None:
    assert recover(text) is None


@pytest.mark.parametrize("text", ["¸¸¸ ©©©", "«¬®\xad", "Th«n ÿx"])
def test_text_that_converts_to_no_vietnamese_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        recover(text)
    assert raised.value.params == {"value": text}
    assert "old Vietnamese encoding" in raised.value.template


def test_encodings_carry_labels() -> None:
    assert LegacyEncoding.TCVN3.label == "TCVN3 (ABC)"
    assert LegacyEncoding.VNI.label == "VNI"
