"""Hierarchy rules: levels per preset, parents, cycles, sibling names, unit kinds and names."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grassroots_app.domain import hierarchy
from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Level, Period, Preset, Tier
from grassroots_app.domain.text import fold, nfc

THREE, TWO = Preset.THREE_LEVEL, Preset.TWO_LEVEL


def test_levels_of_the_three_level_preset() -> None:
    assert hierarchy.unit_levels(THREE) == (
        Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.HAMLET, Level.GROUP,
    )


def test_levels_of_the_two_level_preset_have_no_district() -> None:
    assert hierarchy.unit_levels(TWO) == (Level.PROVINCE, Level.COMMUNE, Level.HAMLET, Level.GROUP)
    assert Level.DISTRICT not in hierarchy.unit_levels(TWO)


def test_no_preset_has_a_cluster_unit_level() -> None:
    for preset in Preset:
        assert Level.CLUSTER not in hierarchy.unit_levels(preset)


@pytest.mark.parametrize(
    ("preset", "level", "expected"),
    [
        (THREE, Level.PROVINCE, None),
        (THREE, Level.DISTRICT, Level.PROVINCE),
        (THREE, Level.COMMUNE, Level.DISTRICT),
        (THREE, Level.HAMLET, Level.COMMUNE),
        (THREE, Level.GROUP, Level.HAMLET),
        (TWO, Level.PROVINCE, None),
        (TWO, Level.COMMUNE, Level.PROVINCE),
        (TWO, Level.HAMLET, Level.COMMUNE),
        (TWO, Level.GROUP, Level.HAMLET),
    ],
)
def test_parent_level(preset: Preset, level: Level, expected: Level | None) -> None:
    assert hierarchy.parent_level(preset, level) == expected


def test_parent_level_refuses_a_level_missing_from_the_preset() -> None:
    with pytest.raises(InvalidInput) as caught:
        hierarchy.parent_level(TWO, Level.DISTRICT)
    assert caught.value.params["level"] is Level.DISTRICT


@pytest.mark.parametrize(
    ("preset", "level", "expected"),
    [
        (THREE, Level.PROVINCE, Level.DISTRICT),
        (TWO, Level.PROVINCE, Level.COMMUNE),
        (THREE, Level.HAMLET, Level.GROUP),
        (TWO, Level.GROUP, None),
    ],
)
def test_child_level(preset: Preset, level: Level, expected: Level | None) -> None:
    assert hierarchy.child_level(preset, level) == expected


def test_cluster_parent_level_per_preset() -> None:
    assert hierarchy.cluster_parent_level(THREE) is Level.DISTRICT
    assert hierarchy.cluster_parent_level(TWO) is Level.PROVINCE


def test_check_parent_accepts_the_level_right_above() -> None:
    hierarchy.check_parent(THREE, Level.COMMUNE, Level.DISTRICT)
    hierarchy.check_parent(TWO, Level.COMMUNE, Level.PROVINCE)
    hierarchy.check_parent(TWO, Level.PROVINCE, None)


def test_check_parent_refuses_a_wrong_level() -> None:
    with pytest.raises(RuleViolation) as caught:
        hierarchy.check_parent(THREE, Level.COMMUNE, Level.PROVINCE)
    assert caught.value.params == {
        "level": Level.COMMUNE, "expected": Level.DISTRICT, "actual": Level.PROVINCE,
    }


def test_check_parent_message_names_the_levels() -> None:
    with pytest.raises(RuleViolation) as caught:
        hierarchy.check_parent(THREE, Level.COMMUNE, Level.PROVINCE)
    assert str(caught.value) == "The parent of a commune must be a district, not a province."


def test_check_parent_refuses_a_missing_parent() -> None:
    with pytest.raises(RuleViolation, match="must be placed under a province"):
        hierarchy.check_parent(TWO, Level.COMMUNE, None)


def test_check_parent_refuses_a_parent_for_a_province() -> None:
    with pytest.raises(RuleViolation, match="has no parent unit"):
        hierarchy.check_parent(TWO, Level.PROVINCE, Level.PROVINCE)


def test_check_no_cycle_accepts_an_unrelated_parent() -> None:
    parents = {"hamlet": "commune", "commune": "province", "other": "province"}
    hierarchy.check_no_cycle("hamlet", "other", parents.get)


def test_check_no_cycle_refuses_the_unit_itself() -> None:
    with pytest.raises(RuleViolation, match="under itself"):
        hierarchy.check_no_cycle("a", "a", {}.get)


def test_check_no_cycle_refuses_a_descendant() -> None:
    parents = {"grandchild": "child", "child": "unit", "unit": "root"}
    with pytest.raises(RuleViolation, match="own descendants"):
        hierarchy.check_no_cycle("unit", "grandchild", parents.get)


def test_check_no_cycle_stops_on_an_existing_loop_elsewhere() -> None:
    parents = {"x": "y", "y": "x"}
    hierarchy.check_no_cycle("unit", "x", parents.get)


def test_check_sibling_name_ignores_case() -> None:
    with pytest.raises(RuleViolation) as caught:
        hierarchy.check_sibling_name("ấp 1", ["Ấp 2", "ẤP 1"])
    assert caught.value.params["name"] == "ấp 1"


def test_check_sibling_name_compares_nfc_forms() -> None:
    with pytest.raises(RuleViolation):
        hierarchy.check_sibling_name(unicodedata.normalize("NFD", "Thôn Đông"), ["Thôn Đông"])


def test_check_sibling_name_keeps_diacritics_distinct() -> None:
    hierarchy.check_sibling_name("Ấp Tân", ["Ấp Tấn", "Ap Tan"])


def test_check_open_on_refuses_a_day_outside_the_period() -> None:
    period = Period(date(2025, 1, 1), date(2025, 7, 1))
    hierarchy.check_open_on(period, date(2025, 6, 30), "Xã A")
    with pytest.raises(RuleViolation, match="'Xã A' does not exist on 01/07/2025"):
        hierarchy.check_open_on(period, date(2025, 7, 1), "Xã A")


@pytest.mark.parametrize(
    ("level", "kind", "expected"),
    [
        (Level.HAMLET, "AP", "ấp"),
        (Level.HAMLET, "to dan pho", "tổ dân phố"),
        (Level.COMMUNE, "Phường", "phường"),
        (Level.COMMUNE, "dac khu", "đặc khu"),
        (Level.GROUP, "TỔ DÂN CƯ", "tổ dân cư"),
    ],
)
def test_clean_kind_returns_the_canonical_spelling(level: Level, kind: str, expected: str) -> None:
    assert hierarchy.clean_kind(level, kind) == expected


def test_clean_kind_refuses_a_kind_of_another_level() -> None:
    with pytest.raises(InvalidInput) as caught:
        hierarchy.clean_kind(Level.COMMUNE, "ấp")
    assert "'ấp' is not a kind of commune" in str(caught.value)
    assert "phường" in str(caught.value)


@pytest.mark.parametrize(
    ("level", "name", "expected"),
    [
        (Level.HAMLET, "Ấp 1", "ấp"),
        (Level.HAMLET, "Tổ dân phố 5", "tổ dân phố"),
        (Level.HAMLET, "khu phố 3", "khu phố"),
        (Level.HAMLET, "Tân Hòa", "ấp"),
        (Level.COMMUNE, "Phường Bến Thành", "phường"),
        (Level.COMMUNE, "Đặc khu Phú Quốc", "đặc khu"),
        (Level.COMMUNE, "Thị trấn Cái Nhum", "thị trấn"),
        (Level.PROVINCE, "Thành phố Hà Nội", "thành phố"),
        (Level.DISTRICT, "Thị xã Bình Minh", "thị xã"),
        (Level.GROUP, "Tổ nhân dân tự quản số 4", "tổ nhân dân tự quản"),
    ],
)
def test_guess_kind_from_the_name(level: Level, name: str, expected: str) -> None:
    assert hierarchy.guess_kind(level, name) == expected


def test_guess_kind_needs_a_whole_word() -> None:
    # "Phườngx" does not start with the kind "phường" followed by a space: the default kind is used.
    assert hierarchy.guess_kind(Level.COMMUNE, "Phườngx") == "xã"


def test_clean_name_normalizes() -> None:
    assert hierarchy.clean_name(unicodedata.normalize("NFD", "  Ấp   Mỹ  Hòa ")) == "Ấp Mỹ Hòa"


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_clean_name_refuses_an_empty_name(name: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        hierarchy.clean_name(name)


def test_clean_name_refuses_an_overlong_name() -> None:
    hierarchy.clean_name("x" * hierarchy.MAX_NAME_LENGTH)
    with pytest.raises(InvalidInput, match="longer than 200"):
        hierarchy.clean_name("x" * (hierarchy.MAX_NAME_LENGTH + 1))


def test_units_sort_by_their_proper_name_not_their_kind() -> None:
    names = ["Tỉnh Nghệ An", "Thành phố Huế", "Tỉnh An Giang", "Thành phố Hà Nội", "Tỉnh Hưng Yên", "Tỉnh Thái Nguyên"]
    assert sorted(names, key=hierarchy.unit_sort_key) == [
        "Tỉnh An Giang", "Thành phố Hà Nội", "Thành phố Huế", "Tỉnh Hưng Yên", "Tỉnh Nghệ An", "Tỉnh Thái Nguyên"]
    assert sorted(["Phường 10", "Xã Đông Hòa", "Phường 2", "Thị trấn Châu Thành"], key=hierarchy.unit_sort_key) == [
        "Thị trấn Châu Thành", "Xã Đông Hòa", "Phường 2", "Phường 10"]


def test_the_proper_name_drops_the_longest_kind_only() -> None:
    assert hierarchy.proper_name("Thành phố  Huế") == "Huế"
    assert hierarchy.proper_name("Tổ dân phố 5") == "5"
    assert hierarchy.proper_name("Khu phố Bình Minh") == "Bình Minh"
    assert hierarchy.proper_name("Thôn") == "Thôn"
    assert hierarchy.proper_name("Cụm số 1") == "Cụm số 1"


def plain_proper_name(name: str) -> str:
    """The proper name worked out the plain way: every kind folded again for every name."""
    words = nfc(name).split(" ")
    folded = [fold(word) for word in words]
    lengths = [len(kind.split(" ")) for kinds in hierarchy.UNIT_KINDS.values() for kind in kinds
               if fold(kind).split(" ") == folded[: len(kind.split(" "))]]
    cut = max(lengths, default=0)
    return " ".join(words[cut:]) if cut < len(words) else nfc(name)


KIND_WORDS = sorted({word for kinds in hierarchy.UNIT_KINDS.values() for kind in kinds for word in kind.split(" ")})


@given(st.lists(st.sampled_from([*KIND_WORDS, *(word.upper() for word in KIND_WORDS), "Huế", "5", "An", " ", "Đông"]),
                max_size=5))
def test_the_proper_name_is_the_plain_one(words: list[str]) -> None:
    name = " ".join(words)
    assert hierarchy.proper_name(name) == plain_proper_name(name)


def test_a_two_level_model_has_no_district_tier() -> None:
    assert hierarchy.model_tiers(TWO) == (Tier.PROVINCE, Tier.COMMUNE)
    assert hierarchy.model_tiers(THREE) == (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE)


def test_each_model_offers_its_own_commune_kinds() -> None:
    assert hierarchy.offered_kinds(TWO, Level.COMMUNE) == ("xã", "phường", "đặc khu")
    assert hierarchy.offered_kinds(THREE, Level.COMMUNE) == ("xã", "phường", "thị trấn")
    assert hierarchy.offered_kinds(TWO, Level.COMMUNE, keep="thị trấn") == ("xã", "phường", "đặc khu", "thị trấn")
    assert hierarchy.offered_kinds(TWO, Level.PROVINCE) == hierarchy.UNIT_KINDS[Level.PROVINCE]


@pytest.mark.parametrize("kind", [
    "thôn", "xóm", "bản", "làng", "buôn", "bon", "plei", "plây", "ấp", "phum", "sóc", "khu", "khu dân cư",
    "khu phố", "tổ dân phố", "khóm", "khối phố", "khối", "tiểu khu",
])
def test_every_hamlet_kind_of_the_country_is_known(kind: str) -> None:
    assert hierarchy.clean_kind(Level.HAMLET, kind.upper()) == kind


@pytest.mark.parametrize(("name", "expected"), [
    ("Xóm Nà Cạn", "xóm"), ("Khu 3", "khu"), ("Khu dân cư số 2", "khu dân cư"), ("Plei Ốp", "plei"),
    ("Khu phố 4", "khu phố"),
])
def test_guess_kind_reads_the_new_kinds(name: str, expected: str) -> None:
    assert hierarchy.guess_kind(Level.HAMLET, name) == expected


def test_the_default_kind_is_the_one_most_used_among_the_siblings() -> None:
    kinds = {"xóm": 2, "thôn": 1, "bản": 1}
    assert hierarchy.default_kind(Level.HAMLET, kinds, "Tỉnh Vĩnh Long", "xã") == "xóm"
    # A tie goes to the kind listed first (thôn before bản).
    assert hierarchy.default_kind(Level.HAMLET, {"bản": 1, "thôn": 1}, "Tỉnh Cao Bằng", "xã") == "thôn"


@pytest.mark.parametrize(("province", "commune_kind", "expected"), [
    ("Tỉnh Cao Bằng", "xã", "thôn"),
    ("Thành phố Hà Nội", "phường", "tổ dân phố"),
    ("Tỉnh Đắk Lắk", "xã", "thôn"),
    ("Tỉnh Vĩnh Long", "xã", "ấp"),
    ("Tỉnh An Giang", "phường", "khu phố"),
    ("Thành phố Hồ Chí Minh", "phường", "khu phố"),
    ("TP. Cần Thơ", "xã", "ấp"),
    ("Tỉnh Bến Tre", "thị trấn", "khu phố"),
    ("Tỉnh Nghệ An", "thị trấn", "tổ dân phố"),
    ("Tỉnh Gia Lai", "phường", "tổ dân phố"),
    (None, None, "thôn"),
])
def test_without_siblings_the_default_kind_fits_the_region(
    province: str | None, commune_kind: str | None, expected: str
) -> None:
    assert hierarchy.default_kind(Level.HAMLET, {}, province, commune_kind) == expected


def test_the_default_kind_of_other_levels_is_their_first_kind_or_the_siblings() -> None:
    assert hierarchy.default_kind(Level.COMMUNE, {}, "Thành phố Hà Nội", None) == "xã"
    assert hierarchy.default_kind(Level.COMMUNE, {"phường": 2, "xã": 1}, None, None) == "phường"


def test_a_name_that_starts_with_a_kind_wins_over_the_default() -> None:
    assert hierarchy.guess_kind(Level.HAMLET, "Ấp Mỹ Hòa", default="thôn") == "ấp"
    assert hierarchy.guess_kind(Level.HAMLET, "Nà Cạn", default="xóm") == "xóm"


def test_a_new_unit_takes_the_level_below_its_parent_or_is_a_province() -> None:
    assert hierarchy.new_unit_level(THREE, None) is Level.PROVINCE
    assert hierarchy.new_unit_level(THREE, Level.PROVINCE) is Level.DISTRICT
    assert hierarchy.new_unit_level(TWO, Level.PROVINCE) is Level.COMMUNE
    assert hierarchy.new_unit_level(TWO, Level.HAMLET) is Level.GROUP


@pytest.mark.parametrize(
    ("level", "children", "top", "charge"),
    [
        (Level.PROVINCE, True, True, False),
        (Level.DISTRICT, True, False, False),
        (Level.CLUSTER, False, False, True),
        (Level.COMMUNE, True, False, True),
        (Level.HAMLET, True, False, True),
        (Level.GROUP, False, False, True),
    ],
)
def test_what_a_level_allows(level: Level, children: bool, top: bool, charge: bool) -> None:
    assert hierarchy.takes_children(level) is children
    assert hierarchy.stays_at_top(level) is top
    assert hierarchy.takes_charge(level) is charge


@given(st.sampled_from(list(hierarchy.UNIT_KINDS)), st.text(alphabet=st.sampled_from("aăâbdđhiknôơtuưxyÂĐẤỔ "), max_size=24)
       | st.sampled_from(["Khu dân cư số 3", "Khu phố 2", "Tổ dân phố 5", "Thành phố Huế", "Khối phố 1", "Thôn"]))
def test_guess_kind_is_the_longest_kind_the_folded_name_starts_with(level: Level, name: str) -> None:
    folded = fold(name)
    matches = [kind for kind in hierarchy.UNIT_KINDS[level] if folded.startswith(fold(kind) + " ")]
    expected = max(matches, key=len) if matches else "mặc định"
    assert hierarchy.guess_kind(level, name, "mặc định") == expected
