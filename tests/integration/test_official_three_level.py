"""The official pre-July-2025 list (province -> district -> commune) imported into a three-level database.

Expected figures: 63 provinces and 696 districts are the official counts before the reform of 1 July 2025 (705
districts less the 9 merged away in 2023-2025); 10,051 communes is the count of the General Statistics Office's
list of 4 January 2025, counted in vietnam-provinces 0.6.0's own nested-divisions.json; the names and codes of
Bến Tre's Huyện Châu Thành (831, 16 communes) are read from that list by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Level
from grassroots_app.services import official, units
from grassroots_app.services.official_list import pre_reform_provinces
from tests.integration.support import Env

CHAU_THANH = {
    "28804": "Xã Tân Thạch", "28807": "Xã Qưới Sơn", "28810": "Thị trấn Châu Thành",
    "28813": "Xã Giao Long", "28819": "Xã Phú Túc", "28822": "Xã Phú Đức", "28828": "Xã An Phước",
    "28831": "Xã Tam Phước", "28834": "Xã Thành Triệu", "28840": "Xã Tân Phú", "28843": "Xã Quới Thành",
    "28846": "Xã Phước Thạnh", "28852": "Xã Tiên Long", "28855": "Xã Tường Đa", "28858": "Xã Hữu Định",
    "28861": "Thị trấn Tiên Thủy",
}
BEN_TRE_DISTRICTS = {  # code: (name, communes)
    "829": ("Thành phố Bến Tre", 12), "831": ("Huyện Châu Thành", 16), "832": ("Huyện Chợ Lách", 11),
    "833": ("Huyện Mỏ Cày Nam", 16), "834": ("Huyện Giồng Trôm", 21), "835": ("Huyện Bình Đại", 19),
    "836": ("Huyện Ba Tri", 22), "837": ("Huyện Thạnh Phú", 18), "838": ("Huyện Mỏ Cày Bắc", 13),
}


def children(env: Env, parent_code: str) -> dict[str, tuple[str, str, str, str]]:
    """Return the units under the unit bearing a code: code -> (name, kind, level, valid from)."""
    rows = env.sql(
        "SELECT u.code, u.name, u.kind, u.level, u.valid_from FROM unit u JOIN unit_link l ON l.unit_id = u.id "
        "JOIN unit p ON p.id = l.parent_id WHERE p.code = ?", parent_code)
    return {code: (name, kind, level, str(start)) for code, name, kind, level, start in rows}


def test_the_list_has_the_official_counts() -> None:
    provinces = pre_reform_provinces()
    districts = [district for province in provinces for district in province.children]
    communes = [commune for district in districts for commune in district.children]
    assert (len(provinces), len(districts), len(communes)) == (63, 696, 10051)
    assert len({unit.code for unit in (*provinces, *districts, *communes)}) == 63 + 696 + 10051
    assert {len(p.code) for p in provinces} | {len(d.code) for d in districts} | {len(c.code) for c in communes} == {
        2, 3, 5}
    assert {d.kind for d in districts} == {"huyện", "quận", "thị xã", "thành phố"}
    assert {c.kind for c in communes} == {"xã", "phường", "thị trấn"}


def test_a_whole_province_with_its_districts_and_communes(three_level: Env) -> None:
    result = three_level.run(official.import_official, "Bến Tre")
    assert (result.province.name, result.province.code, result.province.level) == ("Tỉnh Bến Tre", "83",
                                                                                    Level.PROVINCE)
    assert (result.added, result.matched, result.district) == (1 + 9 + 148, 0, None)
    districts = children(three_level, "83")
    assert {code: name for code, (name, _, _, _) in districts.items()} == {
        code: name for code, (name, _) in BEN_TRE_DISTRICTS.items()}
    assert {level for _, _, level, _ in districts.values()} == {"district"}
    assert districts["829"][1] == "thành phố" and districts["831"][1] == "huyện"
    for code, (_, count) in BEN_TRE_DISTRICTS.items():
        assert len(children(three_level, code)) == count, code
    chau_thanh = children(three_level, "831")
    assert {code: name for code, (name, _, _, _) in chau_thanh.items()} == CHAU_THANH
    assert chau_thanh["28810"][1:3] == ("thị trấn", "commune") and chau_thanh["28804"][1] == "xã"
    assert {start for _, _, _, start in (*districts.values(), *chau_thanh.values())} == {"2020-01-01"}


def test_one_district_then_the_province_matches_by_code(three_level: Env) -> None:
    result = three_level.run(official.import_official, "tinh ben tre", district="Châu Thành")
    assert (result.added, result.matched) == (18, 0)
    assert result.district is not None
    assert (result.district.name, result.district.code) == ("Huyện Châu Thành", "831")
    assert list(children(three_level, "83")) == ["831"]
    assert set(children(three_level, "831")) == set(CHAU_THANH)
    before = three_level.dump()
    again = three_level.run(official.import_official, "83", district="831")
    assert (again.added, again.matched) == (0, 17)
    assert three_level.dump() == before
    whole = three_level.run(official.import_official, "Tỉnh Bến Tre")
    assert (whole.added, whole.matched) == (158 - 18, 17)
    assert len(children(three_level, "83")) == 9


def test_units_typed_by_hand_get_their_codes_and_keep_their_dates(three_level: Env) -> None:
    province = three_level.unit("Tỉnh Bến Tre", on=date(2023, 1, 1))
    district = three_level.unit("Huyện Châu Thành", province, on=date(2023, 1, 1))
    hand = three_level.unit("Xã Tân Thạch", district, on=date(2024, 5, 1))
    result = three_level.run(official.import_official, "Bến Tre", district="Huyện Châu Thành")
    assert (result.added, result.matched) == (15, 2)
    assert (result.province.id, result.district.id if result.district else None) == (province.id, district.id)
    assert three_level.sql("SELECT code FROM unit WHERE id IN (?, ?, ?) ORDER BY code", province.id, district.id,
                           hand.id) == [("28804",), ("83",), ("831",)]
    communes = children(three_level, "831")
    assert len(communes) == 16
    assert communes["28804"][3] == "2024-05-01"
    assert {start for code, (_, _, _, start) in communes.items() if code != "28804"} == {"2023-01-01"}


def test_progress_counts_every_unit_below_the_province(three_level: Env) -> None:
    calls: list[tuple[int, int]] = []
    three_level.run(official.import_official, "Bến Tre", lambda done, total: calls.append((done, total)),
                    district="Châu Thành")
    assert calls == [(done, 17) for done in range(1, 18)]


def test_a_two_level_database_takes_no_district(two_level: Env) -> None:
    before = two_level.dump()
    with pytest.raises(RuleViolation) as refused:
        two_level.run(official.import_official, "Vĩnh Long", district="Châu Thành")
    assert "two-level" in refused.value.template and refused.value.params["district"] == "Châu Thành"
    assert two_level.dump() == before


@pytest.mark.parametrize(("province", "district", "error", "words"), [
    ("Tiền Giang", "Cai Lậy", InvalidInput, "Huyện Cai Lậy (820), Thị xã Cai Lậy (817)"),
    ("Bến Tre", "Huyện Cai Lậy", NotFound, "Huyện Cai Lậy"),
    ("Bến Tre", " ", InvalidInput, ""),
    ("Sông Bé", None, NotFound, "Sông Bé"),
])
def test_a_bad_name_is_refused_and_changes_nothing(
    three_level: Env, province: str, district: str | None, error: type[Exception], words: str
) -> None:
    before = three_level.dump()
    with pytest.raises(error) as refused:
        three_level.run(official.import_official, province, district=district)
    assert words in str(refused.value.params)  # type: ignore[attr-defined]
    assert three_level.dump() == before


def test_a_code_held_at_another_level_stops_the_whole_import(three_level: Env) -> None:
    province = three_level.unit("Tỉnh Khác")
    three_level.unit("Huyện Khác", province, code="28861")  # Thị trấn Tiên Thủy's code, on a district
    before = three_level.dump()
    with pytest.raises(RuleViolation) as refused:
        three_level.run(official.import_official, "Bến Tre", district="Châu Thành")
    assert refused.value.params["code"] == "28861"
    assert three_level.dump() == before


def test_the_imported_district_takes_hamlets(three_level: Env) -> None:
    three_level.run(official.import_official, "Bến Tre", district="Châu Thành")
    commune = three_level.read(lambda uow: units.resolve_unit(uow, "28804"))
    hamlet = three_level.unit("Ấp 1", commune, on=date(2024, 1, 1))
    assert hamlet.level is Level.HAMLET


def test_an_import_stopped_half_way_leaves_nothing(three_level: Env) -> None:
    """The window's Cancel raises from the progress callback: the transaction is rolled back."""

    def stop_at_ten(done: int, _total: int) -> None:
        if done == 10:
            raise KeyboardInterrupt

    before = three_level.dump()
    with pytest.raises(KeyboardInterrupt):
        three_level.run(official.import_official, "Bến Tre", stop_at_ten)
    assert three_level.dump() == before
