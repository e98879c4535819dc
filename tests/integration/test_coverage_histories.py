"""The coverage on random assignment histories against the brute force, every cadre's workload and the overloaded
only (kept in SQL), on random days past and present, under random roots and workload thresholds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grassroots_app.domain.model import Assignment, Level, Period, Preset, Tier, new_id
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import clusters, units
from grassroots_app.services.coverage import coverage
from grassroots_app.services.setup import require_settings
from tests.coverage_oracle import brute_force
from tests.engines import NewDatabase, as_stored
from tests.integration.support import D0, Env, open_env

CHANGED = date(2022, 1, 1)  # a hamlet moves, a group closes, a hamlet and a cluster open
DAYS = st.dates(D0 - timedelta(days=30), date(2025, 12, 31))


@dataclass(frozen=True)
class Tree:
    """A small reshaped tree: its targets with their level, the roots to try, the cadres."""

    env: Env
    targets: tuple[tuple[str, Level], ...]
    roots: tuple[str | None, ...]
    cadres: tuple[str, ...]


@pytest.fixture(scope="module")
def tree(request: pytest.FixtureRequest, engine: str, new_database: NewDatabase) -> Iterator[Tree]:
    """Province P; communes A (hamlets 1, 2, groups 1a, 1b) and B (hamlet 3, later 4); clusters C, later D."""
    env = open_env(new_database(request, engine), Preset.TWO_LEVEL)
    province = env.unit("Tỉnh P")
    first, second = env.unit("Xã A", province), env.unit("Xã B", province)
    hamlets = [env.unit("Ấp 1", first), env.unit("Ấp 2", first), env.unit("Ấp 3", second)]
    groups = [env.unit("Tổ 1a", hamlets[0]), env.unit("Tổ 1b", hamlets[0])]
    late = env.unit("Ấp 4", second, on=CHANGED)
    env.run(units.move_unit, hamlets[1].id, second.id, CHANGED)
    env.run(units.close_unit, groups[1].id, CHANGED)
    bunches = [env.run(clusters.add_cluster, "Cụm C", province.id, D0),
               env.run(clusters.add_cluster, "Cụm D", province.id, CHANGED)]
    targets = (*((unit.id, unit.level) for unit in (first, second, *hamlets, *groups, late, province)),
               *((bunch.id, Level.CLUSTER) for bunch in bunches))
    cadres = tuple(env.cadre(f"Cán bộ {index}", Tier.PROVINCE).id for index in range(5))
    yield Tree(env, targets, (None, province.id, first.id, second.id, hamlets[1].id), cadres)
    env.db.close()


@st.composite
def histories(draw: st.DrawFn, tree: Tree, roles: tuple[str, ...]) -> list[Assignment]:
    """Draw assignments: a cadre, a target, a role (some no rule asks for), a start and an end or none."""
    drawn = []
    for _ in range(draw(st.integers(0, 25))):
        target, level = draw(st.sampled_from(tree.targets))
        start = draw(DAYS)
        end = draw(st.none() | st.integers(1, 2000).map(lambda days, start=start: start + timedelta(days=days)))
        drawn.append(Assignment(new_id(), draw(st.sampled_from(tree.cadres)), target, level,
                                draw(st.sampled_from(roles)), Period(start, end)))
    return drawn


def test_random_histories_match_the_brute_force(tree: Tree) -> None:
    with UnitOfWork(tree.env.db) as uow:
        rules = uow.rules.all()
    roles = (*{rule.role for rule in rules}, "Phụ trách khác")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(made=histories(tree, roles), on=DAYS, root=st.sampled_from(tree.roots), threshold=st.integers(1, 4))
    def check(made: list[Assignment], on: date, root: str | None, threshold: int) -> None:
        with UnitOfWork(tree.env.db) as uow:  # left uncommitted: rolled back at the end
            for assignment in made:
                uow.assignments.add(assignment)
            uow.settings.save(replace(require_settings(uow), workload_threshold=threshold))
            uow.session.flush()
            connection = uow.session.connection()

            class Rows:
                @staticmethod
                def sql(query: str, *params: object) -> list[tuple]:
                    return [tuple(map(as_stored, row)) for row in connection.exec_driver_sql(query, params).fetchall()]

            gaps, figures, workload = brute_force(Rows(), on, rules, root)
            every = coverage(uow, on, root, every_cadre=True).coverage
            heavy = coverage(uow, on, root).coverage
        for result in (every, heavy):
            assert set(result.gaps) == gaps
            assert {(row.level, row.total, row.covered) for row in result.levels} == figures
        assert {(row.cadre_id, row.name, row.targets) for row in every.workload} == workload
        assert {(row.cadre_id, row.name, row.targets) for row in heavy.workload} == {
            row for row in workload if row[2] > threshold}
        assert all(row.overloaded for row in heavy.workload)

    check()
