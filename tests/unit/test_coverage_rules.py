"""Coverage figures: gaps against rule minimums, per-level totals and shares, workload ranking."""

from __future__ import annotations

from collections import Counter
from datetime import date

from grassroots_app.domain.coverage import (
    Gap,
    LevelCoverage,
    Shortfall,
    Workload,
    compute_coverage,
    fewest_overloading,
    find_gaps,
    is_overloaded,
    lacks,
    rank_workload,
)
from grassroots_app.domain.model import Level, Tier
from grassroots_app.domain.rules import GraspRule

HAMLET_ROLE, GROUP_ROLE, COMMUNE_ROLE = "hamlet role", "group role", "commune role"


def rules(group_minimum: int = 1) -> list[GraspRule]:
    """Return one rule for communes, hamlets and groups."""
    return [
        GraspRule(Level.COMMUNE, COMMUNE_ROLE, frozenset({Tier.PROVINCE})),
        GraspRule(Level.HAMLET, HAMLET_ROLE, frozenset({Tier.COMMUNE})),
        GraspRule(Level.GROUP, GROUP_ROLE, frozenset({Tier.COMMUNE}), minimum=group_minimum),
    ]


def test_target_without_anyone_is_a_gap() -> None:
    gaps, levels = find_gaps([("h1", Level.HAMLET)], {}, rules())
    assert gaps == [Gap("h1", Level.HAMLET, HAMLET_ROLE, 1, 0)]
    hamlet = next(row for row in levels if row.level is Level.HAMLET)
    assert (hamlet.total, hamlet.covered) == (1, 0)


def test_minimum_two_with_one_assigned_is_a_gap() -> None:
    gaps, _ = find_gaps([("g1", Level.GROUP)], {("g1", GROUP_ROLE): 1}, rules(group_minimum=2))
    assert gaps == [Gap("g1", Level.GROUP, GROUP_ROLE, 2, 1)]


def test_minimum_two_with_two_assigned_is_covered() -> None:
    gaps, levels = find_gaps([("g1", Level.GROUP)], {("g1", GROUP_ROLE): 2}, rules(group_minimum=2))
    assert gaps == []
    assert LevelCoverage(Level.GROUP, 1, 1) in levels


def test_minimum_zero_is_never_a_gap() -> None:
    gaps, _ = find_gaps([("g1", Level.GROUP)], {}, rules(group_minimum=0))
    assert gaps == []


def test_counts_of_another_role_do_not_cover() -> None:
    gaps, _ = find_gaps([("h1", Level.HAMLET)], {("h1", GROUP_ROLE): 3}, rules())
    assert [gap.role for gap in gaps] == [HAMLET_ROLE]


def test_targets_of_levels_without_rules_are_ignored() -> None:
    gaps, levels = find_gaps([("p1", Level.PROVINCE)], {}, rules())
    assert gaps == []
    assert all(row.total == 0 for row in levels)


def test_per_level_totals_covered_and_share() -> None:
    targets = [("h1", Level.HAMLET), ("h2", Level.HAMLET), ("h3", Level.HAMLET), ("g1", Level.GROUP)]
    counts = {("h1", HAMLET_ROLE): 1, ("h3", HAMLET_ROLE): 2, ("g1", GROUP_ROLE): 1}
    gaps, levels = find_gaps(targets, counts, rules())
    by_level = {row.level: row for row in levels}
    assert (by_level[Level.HAMLET].total, by_level[Level.HAMLET].covered) == (3, 2)
    assert abs(by_level[Level.HAMLET].share - 2 / 3) < 1e-9
    assert by_level[Level.GROUP].share == 1.0
    assert [gap.target_id for gap in gaps] == ["h2"]


def test_share_of_an_empty_level_is_one() -> None:
    assert LevelCoverage(Level.COMMUNE, 0, 0).share == 1.0


def test_a_target_needing_two_roles_is_covered_only_with_both() -> None:
    two_roles = rules() + [GraspRule(Level.HAMLET, "second", frozenset({Tier.COMMUNE}))]
    gaps, levels = find_gaps([("h1", Level.HAMLET)], {("h1", HAMLET_ROLE): 1}, two_roles)
    assert [gap.role for gap in gaps] == ["second"]
    assert LevelCoverage(Level.HAMLET, 1, 0) in levels


def test_workload_is_ranked_heaviest_first_then_by_name() -> None:
    rows = rank_workload([("c1", "Bình", 2), ("c2", "An", 9), ("c3", "An", 2), ("c4", "Dũng", 8)], 8)
    assert [(row.cadre_id, row.targets) for row in rows] == [("c2", 9), ("c4", 8), ("c3", 2), ("c1", 2)]


def test_workload_ties_on_targets_and_name_go_by_id() -> None:
    rows = rank_workload([("c9", "An", 3), ("c1", "Bình", 3), ("c5", "An", 3), ("c2", "An", 4)], 8)
    assert [row.cadre_id for row in rows] == ["c2", "c5", "c9", "c1"]


def test_workload_flags_only_cadres_over_the_threshold() -> None:
    rows = rank_workload([("c1", "A", 8), ("c2", "B", 9)], 8)
    assert {row.cadre_id: row.overloaded for row in rows} == {"c1": False, "c2": True}


def test_the_fewest_overloading_targets_are_the_first_over_the_threshold() -> None:
    for threshold in (1, 8, 30):
        fewest = fewest_overloading(threshold)
        assert [is_overloaded(targets, threshold) for targets in (fewest - 1, fewest)] == [False, True]
        assert is_overloaded(fewest, threshold) == (fewest > threshold)


def test_workload_leaves_out_cadres_in_charge_of_nothing() -> None:
    assert rank_workload([("c1", "A", 0), ("c2", "B", 1)], 8) == [Workload("c2", "B", 1, False)]


def test_lacks_compares_the_assigned_with_the_minimum() -> None:
    two = GraspRule(Level.GROUP, GROUP_ROLE, frozenset({Tier.COMMUNE}), minimum=2)
    assert (lacks(two, 0), lacks(two, 1), lacks(two, 2), lacks(two, 3)) == (True, True, False, False)
    assert not lacks(GraspRule(Level.GROUP, GROUP_ROLE, frozenset({Tier.COMMUNE}), minimum=0), 0)


ON = date(2025, 1, 1)


def test_compute_coverage_orders_levels_top_down() -> None:
    totals = {Level.GROUP: 1, Level.HAMLET: 1, Level.COMMUNE: 1}
    shortfalls = [Shortfall("g1", Level.GROUP, GROUP_ROLE, 0), Shortfall("h1", Level.HAMLET, HAMLET_ROLE, 0),
                  Shortfall("x1", Level.COMMUNE, COMMUNE_ROLE, 0)]
    result = compute_coverage(ON, totals, shortfalls, rules(), [("c1", "An", 1)], 8)
    assert [row.level for row in result.levels] == [Level.COMMUNE, Level.HAMLET, Level.GROUP]
    assert result.on == ON
    assert len(result.gaps) == 3
    assert [row.name for row in result.workload] == ["An"]


def test_compute_coverage_turns_shortfalls_into_gaps_with_the_rule_minimum() -> None:
    result = compute_coverage(ON, {Level.GROUP: 5}, [Shortfall("g1", Level.GROUP, GROUP_ROLE, 1)],
                              rules(group_minimum=2), [], 8)
    assert result.gaps == (Gap("g1", Level.GROUP, GROUP_ROLE, 2, 1),)


def test_a_candidate_with_enough_cadres_is_not_a_gap() -> None:
    candidates = [Shortfall("g1", Level.GROUP, GROUP_ROLE, 2), Shortfall("g2", Level.GROUP, GROUP_ROLE, 1)]
    result = compute_coverage(ON, {Level.GROUP: 2}, candidates, rules(group_minimum=2), [], 8)
    assert [gap.target_id for gap in result.gaps] == ["g2"]
    assert LevelCoverage(Level.GROUP, 2, 1) in result.levels


def test_a_candidate_of_no_rule_is_not_a_gap() -> None:
    candidates = [Shortfall("h1", Level.HAMLET, "another", 0), Shortfall("p1", Level.PROVINCE, HAMLET_ROLE, 0)]
    result = compute_coverage(ON, {Level.HAMLET: 1}, candidates, rules(), [], 8)
    assert result.gaps == ()
    assert LevelCoverage(Level.HAMLET, 1, 1) in result.levels


def test_covered_is_the_total_less_the_distinct_targets_with_a_gap() -> None:
    two_roles = rules() + [GraspRule(Level.HAMLET, "second", frozenset({Tier.COMMUNE}))]
    candidates = [Shortfall("h1", Level.HAMLET, HAMLET_ROLE, 0), Shortfall("h1", Level.HAMLET, "second", 0),
                  Shortfall("h2", Level.HAMLET, "second", 0)]
    result = compute_coverage(ON, {Level.HAMLET: 10, Level.GROUP: 4}, candidates, two_roles, [], 8)
    by_level = {row.level: (row.total, row.covered) for row in result.levels}
    assert by_level == {Level.COMMUNE: (0, 0), Level.HAMLET: (10, 8), Level.GROUP: (4, 4)}
    assert len(result.gaps) == 3


def test_compute_coverage_agrees_with_find_gaps() -> None:
    targets = [("h1", Level.HAMLET), ("h2", Level.HAMLET), ("g1", Level.GROUP), ("g2", Level.GROUP),
               ("x1", Level.COMMUNE)]
    counts = {("h1", HAMLET_ROLE): 1, ("g1", GROUP_ROLE): 1, ("g2", GROUP_ROLE): 2}
    every_rule = rules(group_minimum=2)
    gaps, levels = find_gaps(targets, counts, every_rule)
    # What the queries hand over: every target below some minimum (here simply all of them, over-reported).
    candidates = [
        Shortfall(target, level, rule.role, counts.get((target, rule.role), 0))
        for target, level in targets for rule in every_rule if rule.target_level is level
    ]
    totals = Counter(level for _target, level in targets)
    result = compute_coverage(ON, totals, candidates, every_rule, [], 8)
    assert set(result.gaps) == set(gaps)
    assert set(result.levels) == set(levels)
