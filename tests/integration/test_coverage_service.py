"""The coverage service on a real SQLite file: gaps, per-level figures, workload, subtrees, as-of dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from grassroots_app.domain.coverage import Gap
from grassroots_app.domain.model import Cadre, Cluster, Level, Tier, Unit
from grassroots_app.domain.rules import DEFAULT_RULES, GraspRule
from grassroots_app.domain.settings import Settings
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, clusters, units
from grassroots_app.services.coverage import CoverageReport, coverage
from tests.integration.support import D0, Env

ON = date(2024, 6, 1)
MOVE_DAY = date(2024, 7, 1)


@dataclass
class World:
    """Province P; communes A (hamlets 1, 2; group 1a under hamlet 1) and B (hamlet 3); cluster C."""

    env: Env
    province: Unit
    first: Unit
    second: Unit
    hamlet1: Unit
    hamlet2: Unit
    hamlet3: Unit
    group: Unit
    cluster: Cluster
    local: Cadre
    leader: Cadre


@pytest.fixture
def world(two_level: Env) -> World:
    env = two_level
    province = env.unit("Tỉnh Vĩnh Long")
    first, second = env.unit("Xã A", province), env.unit("Xã B", province)
    hamlet1, hamlet2, hamlet3 = env.unit("Ấp 1", first), env.unit("Ấp 2", first), env.unit("Ấp 3", second)
    group = env.unit("Tổ 1a", hamlet1)
    cluster = env.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    local = env.cadre("Lê Văn Bình", Tier.COMMUNE)
    leader = env.cadre("Trần Văn An", Tier.PROVINCE, is_committee=True)
    return World(env, province, first, second, hamlet1, hamlet2, hamlet3, group, cluster, local, leader)


def report(world: World, on: date = ON, under: Unit | None = None) -> CoverageReport:
    """Run the coverage service, with every cadre's workload."""
    return world.env.run(coverage, on, under.id if under else None, every_cadre=True)


def gap_targets(result: CoverageReport) -> set[str]:
    """Return the ids of the targets with a gap."""
    return {gap.target_id for gap in result.coverage.gaps}


def level_figures(result: CoverageReport) -> dict[Level, tuple[int, int]]:
    """Return (total, covered) per level."""
    return {row.level: (row.total, row.covered) for row in result.coverage.levels}


def test_everything_is_a_gap_without_assignments(world: World) -> None:
    result = report(world)
    w = world
    assert gap_targets(result) == {w.first.id, w.second.id, w.hamlet1.id, w.hamlet2.id, w.hamlet3.id, w.group.id,
                                   w.cluster.id}
    assert level_figures(result) == {
        Level.CLUSTER: (1, 0), Level.COMMUNE: (2, 0), Level.HAMLET: (3, 0), Level.GROUP: (1, 0),
    }
    assert [row.level for row in result.coverage.levels] == [Level.CLUSTER, Level.COMMUNE, Level.HAMLET, Level.GROUP]
    assert result.paths[w.group.id] == "Tỉnh Vĩnh Long / Xã A / Ấp 1 / Tổ 1a"
    assert result.paths[w.cluster.id] == "Tỉnh Vĩnh Long / Cụm 1"
    assert result.coverage.workload == ()


def test_assignments_close_gaps_and_count_in_workload(world: World) -> None:
    w = world
    for target in (w.hamlet1, w.hamlet2, w.group):
        w.env.assign(w.local, target.id, D0)
    w.env.assign(w.leader, w.first.id, D0)
    result = report(w)
    assert gap_targets(result) == {w.second.id, w.hamlet3.id, w.cluster.id}
    assert level_figures(result)[Level.HAMLET] == (3, 2)
    hamlets = next(row for row in result.coverage.levels if row.level is Level.HAMLET)
    assert hamlets.share == pytest.approx(2 / 3)
    assert [(row.name, row.targets, row.overloaded) for row in result.coverage.workload] == [
        ("Lê Văn Bình", 3, False), ("Trần Văn An", 1, False),
    ]
    assert Gap(w.hamlet3.id, Level.HAMLET, "Cán bộ xã phụ trách thôn, tổ dân phố", 1, 0) in result.coverage.gaps


def test_workload_over_the_threshold_is_flagged(world: World) -> None:
    w = world

    def lower_threshold(uow: UnitOfWork) -> None:
        uow.settings.save(Settings(w.env.preset, workload_threshold=2))
        uow.commit()

    w.env.run(lower_threshold)
    for target in (w.hamlet1, w.hamlet2, w.hamlet3):
        w.env.assign(w.local, target.id, D0)
    w.env.assign(w.leader, w.first.id, D0)
    assert [(row.targets, row.overloaded) for row in report(w).coverage.workload] == [(3, True), (1, False)]
    [row] = w.env.run(coverage, ON).coverage.workload
    assert (row.name, row.targets, row.overloaded) == ("Lê Văn Bình", 3, True)


def test_a_rule_asking_for_two_is_a_gap_with_one(world: World) -> None:
    w = world

    def require_two_per_group(uow: UnitOfWork) -> None:
        rules = tuple(
            GraspRule(r.target_level, r.role, r.tiers, r.flags, 2 if r.target_level is Level.GROUP else r.minimum)
            for r in DEFAULT_RULES[w.env.preset]
        )
        uow.rules.replace_all(rules)
        uow.commit()

    w.env.run(require_two_per_group)
    w.env.assign(w.local, w.group.id, D0)
    result = report(w)
    [gap] = [gap for gap in result.coverage.gaps if gap.level is Level.GROUP]
    assert (gap.target_id, gap.required, gap.assigned) == (w.group.id, 2, 1)
    w.env.assign(w.env.cadre("Lê Văn Cường", Tier.COMMUNE), w.group.id, D0)
    assert w.group.id not in gap_targets(report(w))


def test_under_limits_to_the_subtree(world: World) -> None:
    w = world
    result = report(w, under=w.first)
    assert gap_targets(result) == {w.first.id, w.hamlet1.id, w.hamlet2.id, w.group.id}
    assert level_figures(result).get(Level.CLUSTER, (0, 0)) == (0, 0)
    w.env.assign(w.local, w.hamlet3.id, D0)
    assert report(w, under=w.first).coverage.workload == ()
    assert [row.targets for row in report(w, under=w.second).coverage.workload] == [1]


def test_under_the_province_includes_its_clusters(world: World) -> None:
    w = world
    assert w.cluster.id in gap_targets(report(w, under=w.province))


def test_as_of_before_and_after_a_move(world: World) -> None:
    w = world
    w.env.run(units.move_unit, w.hamlet1.id, w.second.id, MOVE_DAY)
    before, after = report(w, date(2024, 6, 30), w.first), report(w, MOVE_DAY, w.first)
    assert {w.hamlet1.id, w.group.id} <= gap_targets(before)
    assert gap_targets(after) == {w.first.id, w.hamlet2.id}
    assert {w.hamlet1.id, w.group.id} <= gap_targets(report(w, MOVE_DAY, w.second))
    assert report(w, MOVE_DAY).paths[w.group.id] == "Tỉnh Vĩnh Long / Xã B / Ấp 1 / Tổ 1a"
    assert report(w, date(2024, 6, 30)).paths[w.group.id] == "Tỉnh Vĩnh Long / Xã A / Ấp 1 / Tổ 1a"


def test_as_of_before_and_after_an_assignment_ends(world: World) -> None:
    w = world
    made = w.env.assign(w.local, w.hamlet2.id, D0)
    w.env.run(assignments.end_assignment, made.id, MOVE_DAY)
    assert w.hamlet2.id not in gap_targets(report(w, date(2024, 6, 30)))
    assert w.hamlet2.id in gap_targets(report(w, MOVE_DAY))
    assert [row.targets for row in report(w, date(2024, 6, 30)).coverage.workload] == [1]
    assert report(w, MOVE_DAY).coverage.workload == ()


def test_units_not_yet_open_or_closed_are_not_targets(world: World) -> None:
    w = world
    late = w.env.unit("Ấp 4", w.second, on=date(2025, 1, 1))
    w.env.run(units.close_unit, w.hamlet2.id, MOVE_DAY)
    assert late.id not in gap_targets(report(w))
    assert late.id in gap_targets(report(w, date(2025, 1, 1)))
    assert w.hamlet2.id in gap_targets(report(w, date(2024, 6, 30)))
    assert w.hamlet2.id not in gap_targets(report(w, MOVE_DAY))
    assert level_figures(report(w, MOVE_DAY))[Level.HAMLET] == (2, 0)
