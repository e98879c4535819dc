"""The roster services on a real SQLite file: workloads on a day, Vietnamese order, a cadre's targets."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import NotFound
from grassroots_app.domain.model import CadreStatus, Level, Tier, Unit
from grassroots_app.domain.rules import DEFAULT_RULES, GraspRule
from grassroots_app.domain.settings import Settings
from grassroots_app.domain.text import person_sort_key
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, cadres
from grassroots_app.services.roster import assignment_view, cadre_targets, roster, target_path
from tests.integration.support import Env

START = date(2024, 1, 31)
LATER = date(2024, 6, 1)
HAMLET_ROLE = "Cán bộ xã phụ trách thôn, tổ dân phố"
DEPUTY_ROLE = "Cán bộ xã phó phụ trách thôn"


@pytest.fixture
def hamlets(two_level: Env) -> tuple[Env, Unit, list[Unit]]:
    """Province 'Tỉnh A', commune 'Xã A' and three hamlets since 2020."""
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã A", province)
    return two_level, commune, [two_level.unit(f"Thôn {n}", commune) for n in (1, 2, 3)]


def _settings(env: Env, **changes: int) -> None:
    """Store other thresholds for the test database."""
    def save(uow: UnitOfWork) -> None:
        uow.settings.save(Settings(env.preset, **changes))
        uow.commit()
    env.run(save)


def _add_rule(env: Env, rule: GraspRule) -> None:
    """Give the database a second role on a level."""
    def save(uow: UnitOfWork) -> None:
        uow.rules.replace_all((*DEFAULT_RULES[env.preset], rule))
        uow.commit()
    env.run(save)


def test_every_cadre_is_listed_with_the_targets_in_charge_on_the_day(hamlets: tuple[Env, Unit, list[Unit]]) -> None:
    env, _commune, (first, second, third) = hamlets
    busy = env.cadre("Lê Văn Bình", Tier.COMMUNE, position="Phó Chủ tịch UBND", workplace="UBND xã A",
                     is_party_member=True)
    idle = env.cadre("Trần Thị Hoa", Tier.COMMUNE)
    env.assign(busy, first.id, START)
    env.assign(busy, second.id, START)
    ended = env.assign(busy, third.id, START)
    env.run(assignments.end_assignment, ended.id, LATER, "Chuyển công tác")
    entries = {entry.id: entry for entry in env.read(lambda uow: roster(uow, date(2024, 3, 1)))}
    assert entries[busy.id].targets == 3
    assert entries[idle.id].targets == 0
    after = {entry.id: entry for entry in env.read(lambda uow: roster(uow, LATER))}
    assert after[busy.id].targets == 2, "the assignment ended on that day no longer counts"
    before = {entry.id: entry for entry in env.read(lambda uow: roster(uow, date(2024, 1, 30)))}
    assert before[busy.id].targets == 0, "assignments not yet started do not count"
    entry = after[busy.id]
    assert (entry.full_name, entry.tier, entry.position, entry.workplace) == (
        "Lê Văn Bình", Tier.COMMUNE, "Phó Chủ tịch UBND", "UBND xã A")
    assert (entry.is_standing, entry.is_committee, entry.is_party_member, entry.status) == (
        False, False, True, CadreStatus.ACTIVE)


def test_two_roles_on_one_target_count_as_one_target(hamlets: tuple[Env, Unit, list[Unit]]) -> None:
    env, _commune, (first, _second, _third) = hamlets
    _add_rule(env, GraspRule(Level.HAMLET, DEPUTY_ROLE, frozenset({Tier.COMMUNE})))
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    env.assign(cadre, first.id, START, HAMLET_ROLE)
    env.assign(cadre, first.id, START, DEPUTY_ROLE)
    [entry] = env.read(lambda uow: roster(uow, LATER))
    assert entry.targets == 1


def test_overloaded_means_more_targets_than_the_threshold(hamlets: tuple[Env, Unit, list[Unit]]) -> None:
    env, _commune, units = hamlets
    _settings(env, workload_threshold=2)
    heavy, light = env.cadre("Lê Văn Bình", Tier.COMMUNE), env.cadre("Trần Thị Hoa", Tier.COMMUNE)
    for unit in units:
        env.assign(heavy, unit.id, START)
    for unit in units[:2]:
        env.assign(light, unit.id, START)
    entries = {entry.full_name: entry for entry in env.read(lambda uow: roster(uow, LATER))}
    assert entries["Lê Văn Bình"].overloaded and entries["Lê Văn Bình"].targets == 3
    assert not entries["Trần Thị Hoa"].overloaded and entries["Trần Thị Hoa"].targets == 2


def test_roster_is_sorted_by_given_name_in_vietnamese_order(two_level: Env) -> None:
    names = ["Phạm Thị Hằng", "Vũ Thị Hạnh", "Lê Đức Đạt", "Đỗ Văn Dũng", "Nguyễn Văn An", "Bùi Thị Bình",
             "Trần Văn Ánh", "Hoàng Văn Anh"]
    for name in names:
        two_level.cadre(name, Tier.COMMUNE)
    shown = [entry.full_name for entry in two_level.read(lambda uow: roster(uow, START))]
    assert shown == [
        "Nguyễn Văn An", "Hoàng Văn Anh", "Trần Văn Ánh", "Bùi Thị Bình", "Đỗ Văn Dũng", "Lê Đức Đạt",
        "Vũ Thị Hạnh", "Phạm Thị Hằng",
    ]
    assert shown == sorted(names, key=person_sort_key)


def test_a_cadres_targets_now_first_then_before_with_their_paths(hamlets: tuple[Env, Unit, list[Unit]]) -> None:
    env, _commune, (first, second, _third) = hamlets
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    old = env.assign(cadre, first.id, START)
    env.run(assignments.end_assignment, old.id, LATER, "Chuyển công tác")
    now = env.assign(cadre, second.id, LATER)
    rows = env.read(lambda uow: cadre_targets(uow, cadre.id, date(2024, 7, 1)))
    assert [(row.assignment.id, row.current) for row in rows] == [(now.id, True), (old.id, False)]
    assert [row.path for row in rows] == ["Tỉnh A / Xã A / Thôn 2", "Tỉnh A / Xã A / Thôn 1"]
    assert rows[1].assignment.end_reason == "Chuyển công tác"
    with pytest.raises(NotFound):
        env.read(lambda uow: cadre_targets(uow, "no-such-cadre", START))


def test_target_path_and_assignment_view(hamlets: tuple[Env, Unit, list[Unit]]) -> None:
    env, commune, (first, _second, _third) = hamlets
    assert env.read(lambda uow: target_path(uow, commune.id, START)) == "Tỉnh A / Xã A"
    with pytest.raises(NotFound):
        env.read(lambda uow: target_path(uow, "nowhere", START))
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    held = env.assign(cadre, first.id, START)
    view = env.read(lambda uow: assignment_view(uow, held.id, LATER))
    assert (view.cadre_name, view.path, view.tenure_end) == ("Lê Văn Bình", "Tỉnh A / Xã A / Thôn 1", date(2025, 1, 31))
    with pytest.raises(NotFound):
        env.read(lambda uow: assignment_view(uow, "nothing", LATER))


def test_ineligibility_says_why_no_role_fits(hamlets: tuple[Env, Unit, list[Unit]]) -> None:
    env, commune, (first, _second, _third) = hamlets
    local = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    provincial = env.cadre("Trần Văn An", Tier.PROVINCE, is_committee=True)
    assert env.read(lambda uow: assignments.ineligibility(uow, local.id, first.id)) is None
    refusal = env.read(lambda uow: assignments.ineligibility(uow, provincial.id, first.id))
    assert refusal is not None and "province tier" in str(refusal) and "Trần Văn An" in str(refusal)
    province_id = commune.parent_id
    assert province_id is not None
    nothing = env.read(lambda uow: assignments.ineligibility(uow, local.id, province_id))
    assert nothing is not None and "No grasp rule" in str(nothing)
    env.run(cadres.set_status, local.id, CadreStatus.LEFT, LATER)
    left = env.read(lambda uow: assignments.ineligibility(uow, local.id, first.id))
    assert left is not None and "has left" in str(left)


def test_a_database_not_set_up_has_an_empty_roster(database_location: str) -> None:
    database = Database.open(database_location)
    with UnitOfWork(database) as uow:
        assert roster(uow, date(2026, 1, 1)) == []
    database.close()
