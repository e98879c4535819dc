"""Cadre services on a real SQLite file: add, edit, find, and leaving (which ends assignments)."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Cadre, CadreStatus, Gender, Period, Tier
from grassroots_app.services import assignments, cadres, roster
from tests.integration.support import Env

DAY = date(2024, 1, 1)


def stored(env: Env, cadre: Cadre) -> Cadre:
    """Return the cadre as the database holds it."""
    return env.read(lambda uow: uow.cadres.get(cadre.id))


def test_add_cadre_gets_a_new_id_and_clean_fields(two_level: Env) -> None:
    given = Cadre(
        id="chosen-by-caller", full_name=unicodedata.normalize("NFD", " Nguyễn  Thị Ánh "), tier=Tier.COMMUNE,
        gender=Gender.FEMALE, birth_year=1980, position=" Phó Bí thư ", phone=" 0909 ", is_party_member=True,
    )
    added = two_level.run(cadres.add_cadre, given)
    assert added.id != "chosen-by-caller"
    assert stored(two_level, added) == added
    assert (added.full_name, added.position, added.phone) == ("Nguyễn Thị Ánh", "Phó Bí thư", "0909")
    assert two_level.sql("SELECT name_key FROM cadre") == [("nguyen thi anh",)]


@pytest.mark.parametrize("year", [1899, date.today().year + 1])
def test_implausible_birth_year_is_refused(two_level: Env, year: int) -> None:
    with pytest.raises(InvalidInput, match=f"birth year {year}"):
        two_level.cadre("Lê Văn Bình", Tier.COMMUNE, birth_year=year)
    assert two_level.sql("SELECT COUNT(*) FROM cadre") == [(0,)]


def test_empty_name_and_unknown_home_unit_are_refused(two_level: Env) -> None:
    with pytest.raises(InvalidInput):
        two_level.cadre("   ", Tier.COMMUNE)
    with pytest.raises(NotFound):
        two_level.cadre("Lê Văn Bình", Tier.COMMUNE, home_unit_id="nowhere")


def test_edit_cadre_stores_every_field(two_level: Env) -> None:
    home = two_level.unit("Tỉnh A")
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE)
    edited = two_level.run(
        cadres.edit_cadre,
        replace(cadre, full_name="Lê Văn Bính", tier=Tier.PROVINCE, is_committee=True, birth_year=1970,
                home_unit_id=home.id, workplace=" Ban Tổ chức "),
    )
    assert stored(two_level, cadre) == edited
    assert (edited.tier, edited.is_committee, edited.workplace, edited.home_unit_id) == (
        Tier.PROVINCE, True, "Ban Tổ chức", home.id,
    )


def test_edit_of_an_unknown_cadre_or_bad_year_is_refused(two_level: Env) -> None:
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE)
    with pytest.raises(NotFound):
        two_level.run(cadres.edit_cadre, replace(cadre, id="missing"))
    with pytest.raises(InvalidInput):
        two_level.run(cadres.edit_cadre, replace(cadre, birth_year=1800))
    assert stored(two_level, cadre).birth_year is None


def test_resolve_cadre_by_name_ignoring_case_and_diacritics(two_level: Env) -> None:
    cadre = two_level.cadre("Đỗ Thị Hương", Tier.COMMUNE)
    assert two_level.run(cadres.resolve_cadre, "do thi huong") == cadre
    two_level.cadre("Đỗ Thị Hường", Tier.COMMUNE)
    with pytest.raises(InvalidInput, match="Several cadres"):
        two_level.run(cadres.resolve_cadre, "do thi huong")
    with pytest.raises(NotFound):
        two_level.run(cadres.resolve_cadre, "Nobody")


def test_leaving_ends_open_assignments_only(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    first, second = two_level.unit("Ấp 1", commune), two_level.unit("Ấp 2", commune)
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE)
    closed = two_level.assign(cadre, first.id, date(2021, 1, 1))
    two_level.run(assignments.end_assignment, closed.id, date(2023, 1, 1))
    open_one = two_level.assign(cadre, second.id, date(2022, 1, 1))
    left = two_level.run(cadres.set_status, cadre.id, CadreStatus.LEFT, DAY)
    assert (left.status, left.status_date) == (CadreStatus.LEFT, DAY)
    assert stored(two_level, cadre).status is CadreStatus.LEFT
    ended = two_level.read(lambda uow: uow.assignments.get(open_one.id))
    assert (ended.period, ended.end_reason) == (Period(date(2022, 1, 1), DAY), "Cán bộ nghỉ công tác")
    untouched = two_level.read(lambda uow: uow.assignments.get(closed.id))
    assert untouched.period == Period(date(2021, 1, 1), date(2023, 1, 1))


def test_a_cadre_who_left_cannot_be_assigned(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE)
    two_level.run(cadres.set_status, cadre.id, CadreStatus.LEFT, DAY)
    with pytest.raises(RuleViolation, match="has left"):
        two_level.assign(stored(two_level, cadre), hamlet.id, date(2025, 1, 1))


def test_blank_home_unit_means_no_home_unit(two_level: Env) -> None:
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE, home_unit_id="")
    assert stored(two_level, cadre).home_unit_id is None


def test_the_assignments_a_departure_ends_are_named_before_and_ended_with_the_reason_given(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    first, second = two_level.unit("Ấp 1", commune), two_level.unit("Ấp 2", commune)
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE)
    closed = two_level.assign(cadre, first.id, date(2021, 1, 1))
    two_level.run(assignments.end_assignment, closed.id, date(2023, 1, 1))
    open_one = two_level.assign(cadre, second.id, date(2022, 1, 1))
    ending = two_level.run(roster.leaving_targets, cadre.id, DAY)
    assert [(target.assignment.id, target.path) for target in ending] == [(open_one.id, "Tỉnh A / Xã A / Ấp 2")]
    edited = two_level.run(cadres.edit_cadre, replace(cadre, status=CadreStatus.LEFT), DAY, " Nghỉ hưu ")
    assert (edited.status, edited.status_date) == (CadreStatus.LEFT, DAY)
    ended = two_level.read(lambda uow: uow.assignments.get(open_one.id))
    assert (ended.period.end, ended.end_reason) == (DAY, "Nghỉ hưu")
    assert two_level.run(roster.leaving_targets, cadre.id, DAY) == []
