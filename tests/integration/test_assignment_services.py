"""Assignment services on a real SQLite file: who may be put in charge, overlaps, ending and tenure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Decision, Level, Period, Tier, Unit
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, clusters, units
from tests.integration.support import Env

START = date(2024, 1, 31)
HAMLET_ROLE = "Cán bộ xã phụ trách thôn, tổ dân phố"
COMMUNE_ROLE = "Tỉnh ủy viên phụ trách xã, phường"


@pytest.fixture
def places(two_level: Env) -> tuple[Env, Unit, Unit, Unit]:
    """Province, commune 'Xã A' and hamlet 'Thôn 1' since 2020."""
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã A", province)
    return two_level, province, commune, two_level.unit("Thôn 1", commune)


def test_role_is_inferred_from_the_targets_level(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    assignment = env.assign(cadre, hamlet.id, START)
    assert (assignment.role, assignment.target_level, assignment.period) == (HAMLET_ROLE, Level.HAMLET, Period(START))
    [stored] = env.read(lambda uow: uow.assignments.for_target(hamlet.id))
    assert stored == assignment
    leader = env.cadre("Trần Văn An", Tier.PROVINCE, is_committee=True)
    assert env.assign(leader, commune.id, START).role == COMMUNE_ROLE


def test_role_given_is_matched_ignoring_case(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    assert env.assign(cadre, hamlet.id, START, role=HAMLET_ROLE.upper()).role == HAMLET_ROLE
    with pytest.raises(RuleViolation, match="No grasp rule"):
        env.assign(env.cadre("Lê Văn C", Tier.COMMUNE), hamlet.id, START, role="Bí thư")


def test_decision_and_note_are_kept(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    new = assignments.NewAssignment(cadre.id, hamlet.id, START, None, Decision(" 12-QĐ/ĐU ", date(2024, 1, 20)), " ghi chú ")
    made = env.run(assignments.assign, new)
    stored = env.read(lambda uow: uow.assignments.get(made.id))
    assert (stored.decision, stored.note) == (Decision("12-QĐ/ĐU", date(2024, 1, 20)), "ghi chú")


def test_ineligible_cadre_is_refused_with_the_reason(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, commune, hamlet = places
    provincial = env.cadre("Trần Văn An", Tier.PROVINCE)
    with pytest.raises(RuleViolation, match="works at the province tier"):
        env.assign(provincial, hamlet.id, START)
    with pytest.raises(RuleViolation, match="needs a committee member"):
        env.assign(provincial, commune.id, START)
    assert env.sql("SELECT COUNT(*) FROM assignment") == [(0,)]


def test_cluster_needs_a_standing_committee_member(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, province, _commune, _hamlet = places
    cluster = env.run(clusters.add_cluster, "Cụm 1", province.id, date(2020, 1, 1))
    with pytest.raises(RuleViolation, match="standing-committee member"):
        env.assign(env.cadre("Trần Văn An", Tier.PROVINCE, is_committee=True), cluster.id, START)
    standing = env.cadre("Phạm Văn Dũng", Tier.PROVINCE, is_standing=True)
    made = env.assign(standing, cluster.id, START)
    assert made.target_level is Level.CLUSTER
    assert env.sql("SELECT unit_id, cluster_id FROM assignment") == [(None, cluster.id)]


def test_eligible_rules(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, commune, hamlet = places
    local = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    assert [rule.role for rule in env.run(assignments.eligible_rules, local.id, hamlet.id)] == [HAMLET_ROLE]
    assert env.run(assignments.eligible_rules, local.id, commune.id) == []


def test_unknown_cadre_or_target_is_not_found(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    with pytest.raises(NotFound):
        env.run(assignments.assign, assignments.NewAssignment("missing", hamlet.id, START))
    with pytest.raises(NotFound):
        env.run(assignments.assign, assignments.NewAssignment(cadre.id, "missing", START))


def test_target_must_exist_on_the_start_day(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    hamlet = two_level.unit("Thôn 1", commune, on=date(2025, 1, 1))
    with pytest.raises(RuleViolation, match="does not exist on 31/01/2024"):
        two_level.assign(two_level.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, START)


def test_overlap_with_an_open_assignment_is_refused(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    env.assign(cadre, hamlet.id, START)
    for day in (START, date(2030, 1, 1), date(2020, 6, 1)):
        with pytest.raises(RuleViolation, match="already holds the role"):
            env.assign(cadre, hamlet.id, day)
    assert env.sql("SELECT COUNT(*) FROM assignment") == [(1,)]


def test_overlap_with_an_ended_assignment_is_refused_but_later_is_fine(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    first = env.assign(cadre, hamlet.id, START)
    env.run(assignments.end_assignment, first.id, date(2025, 6, 1), "Chuyển công tác")
    with pytest.raises(RuleViolation, match="31/01/2024 – 01/06/2025"):
        env.assign(cadre, hamlet.id, date(2025, 5, 31))
    with pytest.raises(RuleViolation):
        env.assign(cadre, hamlet.id, date(2023, 1, 1))  # open-ended from before covers the old one
    again = env.assign(cadre, hamlet.id, date(2025, 6, 1))
    assert again.period == Period(date(2025, 6, 1))


def test_other_cadres_may_share_a_target(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    env.assign(env.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, START)
    env.assign(env.cadre("Lê Văn Cường", Tier.COMMUNE), hamlet.id, START)
    assert len(env.read(lambda uow: uow.assignments.for_target(hamlet.id))) == 2


def test_ending_before_the_minimum_tenure_needs_a_reason_which_is_kept(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    made = env.assign(env.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, START)
    early = date(2025, 1, 30)  # 31/01/2024 + 12 months = 31/01/2025
    with pytest.raises(RuleViolation, match="minimum tenure of 12 months"):
        env.run(assignments.end_assignment, made.id, early)
    assert env.read(lambda uow: uow.assignments.get(made.id)).period.end is None
    ended = env.run(assignments.end_assignment, made.id, early, "  Điều động công tác ")
    assert (ended.period.end, ended.end_reason) == (early, "Điều động công tác")
    assert env.sql("SELECT end_date, end_reason FROM assignment") == [("2025-01-30", "Điều động công tác")]


def test_ending_after_the_minimum_tenure_needs_no_reason(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    made = env.assign(env.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, START)
    ended = env.run(assignments.end_assignment, made.id, date(2025, 1, 31))
    assert (ended.period, ended.end_reason) == (Period(START, date(2025, 1, 31)), "")


def test_ending_on_the_start_twice_or_unknown_is_refused(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    made = env.assign(env.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, START)
    with pytest.raises(InvalidInput, match="after its start date"):
        env.run(assignments.end_assignment, made.id, START, "x")
    env.run(assignments.end_assignment, made.id, date(2026, 1, 1))
    with pytest.raises(RuleViolation, match="already ended"):
        env.run(assignments.end_assignment, made.id, date(2027, 1, 1))
    with pytest.raises(NotFound):
        env.run(assignments.end_assignment, "missing", date(2027, 1, 1))


def test_assignment_on_a_unit_closed_later_does_not_outlive_it(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    env.run(units.close_unit, hamlet.id, date(2025, 1, 1))
    try:
        env.assign(env.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, START)
    except (RuleViolation, InvalidInput):
        pass
    outliving = env.sql(
        "SELECT COUNT(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
        "WHERE u.valid_to IS NOT NULL AND (a.end_date IS NULL OR a.end_date > u.valid_to)"
    )
    assert outliving == [(0,)]


def test_an_assignment_is_edited_under_the_rules_of_a_new_one(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    made = env.assign(cadre, hamlet.id, START)
    signed = Decision(" 27-QĐ/ĐU ", date(2024, 2, 2))
    edited = env.run(assignments.edit_assignment, made.id,
                     assignments.AssignmentChanges(start=date(2024, 2, 1), decision=signed, note=" bổ sung số QĐ "))
    stored = env.read(lambda uow: uow.assignments.get(made.id))
    assert stored == edited
    assert (stored.period, stored.decision, stored.note) == (
        Period(date(2024, 2, 1)), Decision("27-QĐ/ĐU", date(2024, 2, 2)), "bổ sung số QĐ")
    with pytest.raises(RuleViolation, match="has not ended"):
        env.run(assignments.edit_assignment, made.id, assignments.AssignmentChanges(end=date(2025, 1, 1)))
    with pytest.raises(RuleViolation, match="does not exist on 01/01/2019"):
        env.run(assignments.edit_assignment, made.id, assignments.AssignmentChanges(start=date(2019, 1, 1)))
    assert env.read(lambda uow: uow.assignments.get(made.id)) == edited, "a refused edit changes nothing"


def test_an_ended_assignment_keeps_its_rules_when_its_dates_change(places: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    first = env.assign(cadre, hamlet.id, START)
    env.run(assignments.end_assignment, first.id, date(2026, 6, 1))
    second = env.assign(cadre, hamlet.id, date(2026, 6, 1))
    with pytest.raises(RuleViolation, match="already holds the role"):
        env.run(assignments.edit_assignment, first.id, assignments.AssignmentChanges(end=date(2026, 7, 1)))
    with pytest.raises(InvalidInput, match="must end after its start date"):
        env.run(assignments.edit_assignment, first.id, assignments.AssignmentChanges(end=date(2024, 1, 1)))
    with pytest.raises(RuleViolation, match="less than the minimum tenure"):
        env.run(assignments.edit_assignment, first.id, assignments.AssignmentChanges(end=date(2024, 3, 1)))
    early = env.run(assignments.edit_assignment, first.id,
                    assignments.AssignmentChanges(end=date(2024, 3, 1), end_reason="Chuyển công tác"))
    assert (early.period, early.end_reason) == (Period(START, date(2024, 3, 1)), "Chuyển công tác")
    env.run(assignments.end_assignment, second.id, date(2026, 9, 1), "Nghỉ hưu")
    env.run(units.close_unit, hamlet.id, date(2026, 9, 1))
    with pytest.raises(RuleViolation, match="closed on 01/09/2026"):
        env.run(assignments.edit_assignment, second.id, assignments.AssignmentChanges(end=date(2026, 10, 1)))
    with pytest.raises(NotFound):
        env.run(assignments.edit_assignment, "no-such-id", assignments.AssignmentChanges(note="x"))


def test_a_decision_number_added_later_is_not_refused_by_a_rule_changed_since(
    places: tuple[Env, Unit, Unit, Unit],
) -> None:
    env, _province, _commune, hamlet = places
    cadre = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    made = env.assign(cadre, hamlet.id, START)

    def promote(uow: UnitOfWork) -> None:
        uow.cadres.update(replace(cadre, tier=Tier.PROVINCE))
        uow.commit()

    env.run(promote)
    edited = env.run(assignments.edit_assignment, made.id,
                     assignments.AssignmentChanges(decision=Decision("40-QĐ/ĐU", date(2024, 2, 1))))
    assert edited.decision == Decision("40-QĐ/ĐU", date(2024, 2, 1))
