"""Unit services on a real SQLite file: add, edit, move, close and merge units."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Level, Period, Tier, Unit, UnitAttributes
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import units
from tests.integration.support import D0, Env

MOVE_DAY = date(2023, 7, 1)
BAD_LINKS = "SELECT COUNT(*) FROM unit_link WHERE valid_to IS NOT NULL AND valid_to <= valid_from"
LINKS_OUTLIVING_PARENT = """
    SELECT COUNT(*) FROM unit_link l JOIN unit p ON p.id = l.parent_id
    WHERE p.valid_to IS NOT NULL AND (l.valid_to IS NULL OR l.valid_to > p.valid_to)
"""


def children_names(env: Env, parent: Unit, on: date | None = None) -> list[str]:
    """Return the names of a unit's children (now, or on a day)."""
    return env.read(lambda uow: [child.name for child in uow.units.children(parent.id, on)])


def path_on(env: Env, unit: Unit, on: date) -> str:
    """Return a unit's path of names on a day."""
    return env.read(lambda uow: units.unit_path(uow, unit.id, on))


def history(env: Env, unit: Unit) -> list[tuple[str, Period]]:
    """Return a unit's parent links, oldest first."""
    return env.read(lambda uow: uow.units.link_history(unit.id))


# --- add_unit ---------------------------------------------------------------------------------


def test_levels_follow_from_the_parent_in_the_three_level_model(three_level: Env) -> None:
    province = three_level.unit("Tỉnh Bến Tre")
    district = three_level.unit("Huyện Chợ Lách", province)
    commune = three_level.unit("Xã Sơn Định", district)
    hamlet = three_level.unit("Ấp Sơn Lợi", commune)
    group = three_level.unit("Tổ nhân dân tự quản số 1", hamlet)
    assert [u.level for u in (province, district, commune, hamlet, group)] == [
        Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.HAMLET, Level.GROUP,
    ]
    assert three_level.read(lambda uow: uow.units.get(group.id)).parent_id == hamlet.id


def test_a_new_unit_is_offered_the_level_and_kinds_of_the_three_level_model(three_level: Env) -> None:
    assert three_level.read(lambda uow: units.new_unit_offer(uow, None)) == (Level.PROVINCE, ("tỉnh", "thành phố"))
    district = three_level.unit("Huyện Chợ Lách", three_level.unit("Tỉnh Bến Tre"))
    assert three_level.read(lambda uow: units.new_unit_offer(uow, district.id)) == (
        Level.COMMUNE, ("xã", "phường", "thị trấn"))


def test_a_new_unit_is_offered_the_level_and_kinds_of_the_two_level_model(two_level: Env) -> None:
    province = two_level.unit("Tỉnh Vĩnh Long")
    assert two_level.read(lambda uow: units.new_unit_offer(uow, province.id)) == (
        Level.COMMUNE, ("xã", "phường", "đặc khu"))


def test_a_province_has_communes_directly_in_the_two_level_model(two_level: Env) -> None:
    province = two_level.unit("Tỉnh Vĩnh Long")
    commune = two_level.unit("Phường Thanh Đức", province)
    assert commune.level is Level.COMMUNE
    assert commune.parent_id == province.id


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Phường 1", "phường"), ("Đặc khu Côn Đảo", "đặc khu"), ("Quới Sơn", "xã")],
)
def test_kind_is_guessed_from_the_name(two_level: Env, name: str, kind: str) -> None:
    province = two_level.unit("Tỉnh A")
    assert two_level.unit(name, province).kind == kind


def test_kind_given_is_stored_in_its_canonical_spelling(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    hamlet = two_level.unit("Mỹ Hòa", commune, kind="TO DAN PHO")
    assert two_level.read(lambda uow: uow.units.get(hamlet.id)).kind == "tổ dân phố"


def test_kind_of_another_level_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    with pytest.raises(InvalidInput, match="not a kind of"):
        two_level.unit("Mỹ Hòa", province, kind="ấp")


def test_name_is_stored_nfc_normalized(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    typed = "  " + unicodedata.normalize("NFD", "Xã  Qưới Sơn") + " "
    commune = two_level.unit(typed, province)
    assert commune.name == "Xã Qưới Sơn"
    [(stored, key)] = two_level.sql("SELECT name, name_key FROM unit WHERE id = ?", commune.id)
    assert stored == "Xã Qưới Sơn"
    assert unicodedata.is_normalized("NFC", stored)
    assert key == "xa quoi son"


def test_duplicate_sibling_name_is_refused_ignoring_case(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    two_level.unit("Xã Qưới Sơn", province)
    with pytest.raises(RuleViolation, match="already named"):
        two_level.unit("XÃ QƯỚI SƠN", province)
    assert children_names(two_level, province) == ["Xã Qưới Sơn"]


def test_same_name_under_another_parent_is_accepted(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    first, second = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    two_level.unit("Ấp 1", first)
    two_level.unit("Ấp 1", second)
    assert children_names(two_level, first) == children_names(two_level, second) == ["Ấp 1"]


def test_duplicate_province_name_is_refused(two_level: Env) -> None:
    two_level.unit("Tỉnh Vĩnh Long")
    with pytest.raises(RuleViolation):
        two_level.unit("tỉnh vĩnh long")


def test_duplicate_sibling_name_is_refused_when_the_sibling_starts_later(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    two_level.unit("Xã B", province, on=date(2025, 7, 1))
    with pytest.raises(RuleViolation):
        two_level.unit("Xã B", province, on=date(2024, 1, 1))


def test_duplicate_official_code_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A", code="86")
    two_level.unit("Xã A", province, code="29770")
    with pytest.raises(RuleViolation, match="29770 already belongs to 'Xã A'"):
        two_level.unit("Xã B", province, code=" 29770 ")
    assert children_names(two_level, province) == ["Xã A"]


def test_blank_code_is_stored_as_none(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A", code="   ")
    assert province.code is None
    two_level.unit("Tỉnh B", code="")  # a second blank code does not collide


def test_adding_under_a_group_is_refused(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    group = two_level.unit("Tổ 1", hamlet)
    assert group.level is Level.GROUP
    with pytest.raises(RuleViolation, match="cannot have units under it"):
        two_level.unit("Tổ 1a", group)


def test_adding_under_a_parent_not_open_that_day_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A", on=date(2025, 7, 1))
    with pytest.raises(RuleViolation, match="does not exist on 30/06/2025"):
        two_level.unit("Xã A", province, on=date(2025, 6, 30))


def test_negative_attributes_are_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    with pytest.raises(InvalidInput, match="households"):
        two_level.unit("Xã A", province, attributes=UnitAttributes(households=-1))


def test_attributes_are_stored(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã A", province, attributes=UnitAttributes(True, 1200, 4800, 95))
    stored = two_level.read(lambda uow: uow.units.get(commune.id))
    assert stored.attributes == UnitAttributes(True, 1200, 4800, 95)


# --- edit_unit --------------------------------------------------------------------------------


def test_edit_renames_kind_code_and_attributes(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    edited = two_level.run(
        units.edit_unit, commune.id, name=unicodedata.normalize("NFD", "Phường Mỹ Thới"),
        kind="phuong", code="30100", attributes=UnitAttributes(households=10),
    )
    stored = two_level.read(lambda uow: uow.units.get(commune.id))
    assert stored == edited
    assert (stored.name, stored.kind, stored.code, stored.attributes.households) == (
        "Phường Mỹ Thới", "phường", "30100", 10,
    )
    assert two_level.sql("SELECT name_key FROM unit WHERE id = ?", commune.id) == [("phuong my thoi",)]


def test_edit_to_a_siblings_name_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    two_level.unit("Xã A", province)
    other = two_level.unit("Xã B", province)
    with pytest.raises(RuleViolation):
        two_level.run(units.edit_unit, other.id, name="xã a")
    assert two_level.read(lambda uow: uow.units.get(other.id)).name == "Xã B"


def test_edit_changing_only_the_case_of_its_own_name_is_accepted(two_level: Env) -> None:
    commune = two_level.unit("xã a", two_level.unit("Tỉnh A"))
    assert two_level.run(units.edit_unit, commune.id, name="Xã A").name == "Xã A"


def test_edit_to_a_taken_code_is_refused_but_keeping_its_own_is_fine(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    first = two_level.unit("Xã A", province, code="1")
    second = two_level.unit("Xã B", province, code="2")
    with pytest.raises(RuleViolation):
        two_level.run(units.edit_unit, second.id, code="1")
    assert two_level.run(units.edit_unit, first.id, code="1").code == "1"


def test_edit_with_a_wrong_kind_is_refused(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    with pytest.raises(InvalidInput):
        two_level.run(units.edit_unit, commune.id, kind="huyện")


# --- move_unit --------------------------------------------------------------------------------


@pytest.fixture
def two_communes(two_level: Env) -> tuple[Env, Unit, Unit, Unit]:
    """A province with communes A and B; hamlet 'Ấp 1' under A since D0."""
    province = two_level.unit("Tỉnh Vĩnh Long")
    first, second = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    hamlet = two_level.unit("Ấp 1", first)
    return two_level, first, second, hamlet


def test_move_is_dated_and_kept_in_history(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, second, hamlet = two_communes
    moved = env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    assert moved.parent_id == second.id
    assert history(env, hamlet) == [(first.id, Period(D0, MOVE_DAY)), (second.id, Period(MOVE_DAY))]
    assert env.read(lambda uow: uow.units.parent_on(hamlet.id, date(2023, 6, 30))) == first.id
    assert env.read(lambda uow: uow.units.parent_on(hamlet.id, MOVE_DAY)) == second.id


def test_paths_as_of_before_and_after_the_move(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, second, hamlet = two_communes
    group = env.unit("Tổ 5", hamlet)
    env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    assert path_on(env, hamlet, date(2023, 6, 30)) == "Tỉnh Vĩnh Long / Xã A / Ấp 1"
    assert path_on(env, hamlet, MOVE_DAY) == "Tỉnh Vĩnh Long / Xã B / Ấp 1"
    assert path_on(env, group, date(2022, 1, 1)) == "Tỉnh Vĩnh Long / Xã A / Ấp 1 / Tổ 5"
    assert path_on(env, group, date(2024, 1, 1)) == "Tỉnh Vĩnh Long / Xã B / Ấp 1 / Tổ 5"
    assert children_names(env, first) == [] and children_names(env, second) == ["Ấp 1"]
    assert children_names(env, first, date(2023, 6, 30)) == ["Ấp 1"]


def test_move_to_a_parent_of_the_wrong_level_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, _second, hamlet = two_communes
    province = env.read(lambda uow: uow.units.get(first.parent_id))
    with pytest.raises(RuleViolation, match="must be a"):
        env.run(units.move_unit, hamlet.id, province.id, MOVE_DAY)
    assert history(env, hamlet) == [(first.id, Period(D0))]


def test_move_into_its_own_descendant_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, _second, hamlet = two_communes
    with pytest.raises(RuleViolation):
        env.run(units.move_unit, first.id, hamlet.id, MOVE_DAY)
    with pytest.raises(RuleViolation):
        env.run(units.move_unit, first.id, first.id, MOVE_DAY)
    assert history(env, hamlet) == [(first.id, Period(D0))]


@pytest.mark.parametrize("day", [date(2023, 7, 1), date(2022, 1, 1)])
def test_move_dated_on_or_before_the_last_placement_is_refused(
    two_communes: tuple[Env, Unit, Unit, Unit], day: date
) -> None:
    env, first, second, hamlet = two_communes
    third = env.unit("Xã C", env.read(lambda uow: uow.units.get(first.parent_id)))
    env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    with pytest.raises(RuleViolation, match="placed under its current parent on 01/07/2023"):
        env.run(units.move_unit, hamlet.id, third.id, day)
    assert len(history(env, hamlet)) == 2


def test_move_under_its_current_parent_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, _second, hamlet = two_communes
    with pytest.raises(RuleViolation, match="already under"):
        env.run(units.move_unit, hamlet.id, first.id, MOVE_DAY)


def test_move_next_to_a_sibling_of_the_same_name_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, second, hamlet = two_communes
    env.unit("ấp 1", second)
    with pytest.raises(RuleViolation, match="already named"):
        env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    assert history(env, hamlet) == [(first.id, Period(D0))]


def test_move_back_later_reopens_the_old_parent(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, second, hamlet = two_communes
    env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    env.run(units.move_unit, hamlet.id, first.id, date(2024, 1, 1))
    assert [parent for parent, _ in history(env, hamlet)] == [first.id, second.id, first.id]
    assert path_on(env, hamlet, date(2023, 12, 31)).endswith("Xã B / Ấp 1")
    assert path_on(env, hamlet, date(2024, 1, 1)).endswith("Xã A / Ấp 1")


# --- close_unit -------------------------------------------------------------------------------


def test_close_is_refused_while_children_are_open(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, _second, _hamlet = two_communes
    with pytest.raises(RuleViolation, match="still has 1 units under it"):
        env.run(units.close_unit, first.id, MOVE_DAY)
    assert env.read(lambda uow: uow.units.get(first.id)).period == Period(D0)


def test_close_ends_open_assignments_and_leaves_the_parent(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, _second, hamlet = two_communes
    cadre = env.cadre("Nguyễn Văn An", Tier.COMMUNE)
    assignment = env.assign(cadre, hamlet.id, date(2021, 1, 1))
    closed = env.run(units.close_unit, hamlet.id, MOVE_DAY)
    assert closed.period == Period(D0, MOVE_DAY)
    ended = env.read(lambda uow: uow.assignments.get(assignment.id))
    assert ended.period == Period(date(2021, 1, 1), MOVE_DAY)
    assert ended.end_reason == "Đơn vị giải thể"
    assert children_names(env, first) == []
    assert children_names(env, first, date(2023, 6, 30)) == ["Ấp 1"]
    assert children_names(env, first, MOVE_DAY) == []
    assert history(env, hamlet) == [(first.id, Period(D0, MOVE_DAY))]


def test_close_twice_or_on_its_first_day_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _first, _second, hamlet = two_communes
    with pytest.raises(InvalidInput):
        env.run(units.close_unit, hamlet.id, D0)
    env.run(units.close_unit, hamlet.id, MOVE_DAY)
    with pytest.raises(RuleViolation, match="was closed on 01/07/2023"):
        env.run(units.close_unit, hamlet.id, date(2024, 1, 1))


def test_close_refuses_when_an_assignment_starts_after_the_closing_day(
    two_communes: tuple[Env, Unit, Unit, Unit],
) -> None:
    env, _first, _second, hamlet = two_communes
    cadre = env.cadre("Nguyễn Văn An", Tier.COMMUNE)
    env.assign(cadre, hamlet.id, date(2024, 1, 1))
    with pytest.raises(RuleViolation, match="starts on 01/01/2024"):
        env.run(units.close_unit, hamlet.id, MOVE_DAY)
    assert env.read(lambda uow: uow.units.get(hamlet.id)).period.end is None


def test_close_dated_before_the_last_move_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, second, hamlet = two_communes
    env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    try:
        env.run(units.close_unit, hamlet.id, date(2022, 1, 1))
    except (RuleViolation, InvalidInput):
        pass
    assert env.sql(BAD_LINKS) == [(0,)]
    assert history(env, hamlet) == [(first.id, Period(D0, MOVE_DAY)), (second.id, Period(MOVE_DAY))]


# --- merge_units ------------------------------------------------------------------------------


@pytest.fixture
def merge_case(two_level: Env) -> tuple[Env, Unit, Unit, Unit]:
    """Communes A (with hamlets 'Ấp 1', 'Ấp 2') and B (with 'Ấp 3') in one province."""
    province = two_level.unit("Tỉnh A")
    source, target = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    for name in ("Ấp 1", "Ấp 2"):
        two_level.unit(name, source)
    two_level.unit("Ấp 3", target)
    return two_level, province, source, target


def test_merge_moves_children_and_records_lineage(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, province, source, target = merge_case
    merged = env.run(units.merge_units, source.id, target.id, MOVE_DAY, units.Carry.END, note=" NQ 1211 ")
    assert merged.id == target.id
    assert children_names(env, target) == ["Ấp 1", "Ấp 2", "Ấp 3"]
    assert children_names(env, source, date(2023, 6, 30)) == ["Ấp 1", "Ấp 2"]
    assert env.read(lambda uow: uow.units.get(source.id)).period == Period(D0, MOVE_DAY)
    assert env.read(lambda uow: uow.units.lineage(target.id)) == [(source.id, target.id, MOVE_DAY)]
    assert env.sql("SELECT note FROM unit_lineage") == [("NQ 1211",)]
    assert children_names(env, province) == ["Xã B"]


def test_merge_with_transfer_carries_open_assignments(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, source, target = merge_case
    cadre = env.cadre("Trần Văn Bình", Tier.PROVINCE, is_committee=True)
    old = env.assign(cadre, source.id, date(2021, 1, 1))
    env.run(units.merge_units, source.id, target.id, MOVE_DAY, units.Carry.TRANSFER)
    ended = env.read(lambda uow: uow.assignments.get(old.id))
    assert ended.period.end == MOVE_DAY
    assert ended.end_reason == "Sáp nhập vào Xã B"
    [carried] = env.read(lambda uow: uow.assignments.for_target(target.id))
    assert (carried.cadre_id, carried.role, carried.period) == (cadre.id, old.role, Period(MOVE_DAY))


def test_merge_with_transfer_does_not_duplicate_a_held_assignment(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, source, target = merge_case
    cadre = env.cadre("Trần Văn Bình", Tier.PROVINCE, is_committee=True)
    env.assign(cadre, source.id, date(2021, 1, 1))
    env.assign(cadre, target.id, date(2021, 1, 1))
    env.run(units.merge_units, source.id, target.id, MOVE_DAY, units.Carry.TRANSFER)
    assert len(env.read(lambda uow: uow.assignments.for_target(target.id))) == 1


def test_merge_with_end_only_ends_assignments(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, source, target = merge_case
    cadre = env.cadre("Trần Văn Bình", Tier.PROVINCE, is_committee=True)
    old = env.assign(cadre, source.id, date(2021, 1, 1))
    env.run(units.merge_units, source.id, target.id, MOVE_DAY, units.Carry.END)
    assert env.read(lambda uow: uow.assignments.get(old.id)).period.end == MOVE_DAY
    assert env.read(lambda uow: uow.assignments.for_target(target.id)) == []


def test_merge_refuses_itself_and_other_levels(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, province, source, _target = merge_case
    with pytest.raises(RuleViolation, match="into itself"):
        env.run(units.merge_units, source.id, source.id, MOVE_DAY, units.Carry.END)
    with pytest.raises(RuleViolation, match="same level"):
        env.run(units.merge_units, source.id, province.id, MOVE_DAY, units.Carry.END)


def test_merge_refuses_a_child_name_already_in_the_target(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, source, target = merge_case
    env.unit("ấp 2", target)
    with pytest.raises(RuleViolation, match="already named"):
        env.run(units.merge_units, source.id, target.id, MOVE_DAY, units.Carry.END)
    assert children_names(env, source) == ["Ấp 1", "Ấp 2"]
    assert env.read(lambda uow: uow.units.get(source.id)).period.end is None


def test_merge_on_the_day_a_child_was_placed_keeps_links_valid(merge_case: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, source, target = merge_case
    env.unit("Ấp mới", source, on=MOVE_DAY)
    try:
        env.run(units.merge_units, source.id, target.id, MOVE_DAY, units.Carry.END)
    except (RuleViolation, InvalidInput):
        pass
    assert env.sql(BAD_LINKS) == [(0,)]


def test_merge_dated_before_the_sources_last_move_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    other_province = two_level.unit("Tỉnh B")
    source, target = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    two_level.run(units.move_unit, source.id, other_province.id, MOVE_DAY)
    try:
        two_level.run(units.merge_units, source.id, target.id, date(2022, 1, 1), units.Carry.END)
    except (RuleViolation, InvalidInput):
        pass
    assert two_level.sql(BAD_LINKS) == [(0,)]


def test_uow_sees_nothing_of_a_failed_service(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    with UnitOfWork(two_level.db) as uow:
        with pytest.raises(RuleViolation):
            units.add_unit(uow, units.NewUnit("Tỉnh A", None, D0))
    assert two_level.read(lambda uow: [u.id for u in uow.units.roots()]) == [province.id]


# --- dated operations against later facts (known bugs) ------------------------------------------

def test_adding_under_a_parent_closed_later_is_refused(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, _second, hamlet = two_communes
    env.run(units.close_unit, hamlet.id, MOVE_DAY)
    try:
        env.unit("Tổ 1", hamlet, on=date(2022, 1, 1))
    except (RuleViolation, InvalidInput):
        pass
    assert env.sql(LINKS_OUTLIVING_PARENT) == [(0,)]
    assert children_names(env, hamlet) == []


def test_moving_a_closed_unit_keeps_one_parent_at_a_time(two_communes: tuple[Env, Unit, Unit, Unit]) -> None:
    env, first, second, hamlet = two_communes
    env.run(units.close_unit, hamlet.id, date(2024, 1, 1))
    try:
        env.run(units.move_unit, hamlet.id, second.id, MOVE_DAY)
    except (RuleViolation, InvalidInput):
        pass
    assert history(env, hamlet) == [(first.id, Period(D0, date(2024, 1, 1)))]


def test_closing_a_unit_that_still_has_a_child_after_that_day_is_refused(
    two_communes: tuple[Env, Unit, Unit, Unit],
) -> None:
    env, first, second, hamlet = two_communes
    env.run(units.move_unit, hamlet.id, second.id, date(2025, 1, 1))
    try:
        env.run(units.close_unit, first.id, MOVE_DAY)
    except (RuleViolation, InvalidInput):
        pass
    assert env.sql(LINKS_OUTLIVING_PARENT) == [(0,)]


def test_a_hamlet_without_a_kind_takes_the_kind_most_used_under_its_commune(two_level: Env) -> None:
    province = two_level.unit("Tỉnh Vĩnh Long")
    commune = two_level.unit("Xã Long Hồ", province)
    assert two_level.unit("Phú Hòa", commune).kind == "ấp"  # the south, no sibling yet
    two_level.unit("Xóm Chài", commune)
    two_level.unit("Xóm Giữa", commune)
    assert two_level.unit("Bình Lương", commune).kind == "xóm"


def test_a_hamlet_of_a_northern_province_defaults_to_thon_and_of_a_ward_to_to_dan_pho(two_level: Env) -> None:
    province = two_level.unit("Tỉnh Cao Bằng")
    commune = two_level.unit("Xã Quảng Uyên", province)
    ward = two_level.unit("Phường Thục Phán", province)
    assert two_level.unit("Nà Cạn", commune).kind == "thôn"
    assert two_level.unit("Số 3", ward).kind == "tổ dân phố"
    assert two_level.read(lambda uow: units.default_kind_under(uow, commune.id, D0)) == "thôn"
