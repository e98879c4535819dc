"""The base-day plan proposer: every target visited where the cadres' days allow, rotation, what is left."""

from __future__ import annotations

from collections import Counter
from datetime import date

from grassroots_app.domain.base_plan import Visit, propose_plan, shortfall

DAYS = [date(2026, 7, 9), date(2026, 7, 15), date(2026, 8, 9), date(2026, 8, 15), date(2026, 9, 9),
        date(2026, 9, 15)]


def per_cadre_day(visits: tuple[Visit, ...]) -> Counter[tuple[str, date]]:
    """Return how many visits each cadre has on each day."""
    return Counter((visit.cadre_id, visit.day) for visit in visits)


def test_each_cadre_rotates_over_their_targets() -> None:
    plan = propose_plan(DAYS, {"c1": ["a", "b", "c"]})
    assert [visit.target_id for visit in plan.visits] == ["a", "b", "c", "a", "b", "c"]
    assert plan.visit_counts == {"a": 2, "b": 2, "c": 2}
    assert plan.unvisited == ()


def test_each_cadre_goes_to_one_place_a_day() -> None:
    plan = propose_plan(DAYS, {"c1": ["a", "b"], "c2": ["b", "c", "d"]})
    assert set(per_cadre_day(plan.visits).values()) == {1}
    assert len(plan.visits) == 12


def test_a_shared_target_goes_to_the_cadre_who_can_spare_the_day() -> None:
    # One day: c1 can go to x or y, c2 only to y. A greedy choice of y by c1 would leave x unvisited.
    plan = propose_plan(DAYS[:1], {"c1": ["y", "x"], "c2": ["y"]})
    assert {(visit.cadre_id, visit.target_id) for visit in plan.visits} == {("c1", "x"), ("c2", "y")}
    assert plan.unvisited == ()


def test_a_chain_of_shared_targets_is_rearranged() -> None:
    # Two days; c1 holds a, b; c2 holds b, c; c3 holds c, d, e. Only a matching visits all five.
    plan = propose_plan(DAYS[:2], {"c1": ["a", "b"], "c2": ["b", "c"], "c3": ["c", "d", "e"]})
    assert plan.unvisited == ()  # 6 slots, 5 targets: all can be visited


def test_too_many_targets_for_the_days_are_listed() -> None:
    targets = [f"t{n}" for n in range(8)]
    plan = propose_plan(DAYS, {"c1": targets})
    assert len(plan.unvisited) == 2
    assert set(plan.unvisited) <= set(targets)
    assert plan.unreachable == ()


def test_targets_without_a_cadre_are_unreachable() -> None:
    plan = propose_plan(DAYS, {"c1": ["a"]}, targets=["a", "orphan"])
    assert plan.unvisited == ("orphan",)
    assert plan.unreachable == ("orphan",)


def test_assignments_hold_only_on_their_days() -> None:
    def assigned_on(cadre: str, target: str, day: date) -> bool:
        return target != "late" or day >= date(2026, 9, 1)

    plan = propose_plan(DAYS, {"c1": ["early", "late"]}, assigned_on=assigned_on)
    assert {visit.target_id for visit in plan.visits if visit.day < date(2026, 9, 1)} == {"early"}
    assert {visit.day for visit in plan.visits if visit.target_id == "late"} <= set(DAYS[4:])
    assert plan.unvisited == ()


def test_the_target_number_of_visits_is_on_distinct_days() -> None:
    plan = propose_plan(DAYS, {"c1": ["a", "b", "c", "d"], "c2": ["a"]}, visits_per_target=2)
    days_of = {target: {v.day for v in plan.visits if v.target_id == target} for target in "abcd"}
    assert all(len(days) >= 2 for days in days_of.values())
    assert plan.unvisited == ()


def test_fixed_visits_are_kept_and_counted() -> None:
    fixed = [Visit(DAYS[0], "c1", "c", "v1", "đã hẹn")]
    plan = propose_plan(DAYS[:3], {"c1": ["a", "b", "c"]}, fixed=fixed)
    assert fixed[0] in plan.visits
    assert sorted(visit.target_id for visit in plan.visits) == ["a", "b", "c"]
    assert set(per_cadre_day(plan.visits).values()) == {1}


def test_shortfall_counts_distinct_days() -> None:
    visits = [Visit(DAYS[0], "c1", "a"), Visit(DAYS[0], "c2", "a"), Visit(DAYS[1], "c1", "b")]
    assert shortfall(visits, ["a", "b", "c"]) == ("c",)
    assert shortfall(visits, ["a", "b", "c"], visits_per_target=2) == ("a", "b", "c")
