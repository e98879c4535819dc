"""The coverage's set-based path (shortfall candidates, totals and workload counted in SQL) against a brute
force over every target: the district demo of each preset, reshaped a little, on several days and roots."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest

from benchmarks.floors.coverage import coverage as floor_coverage
from grassroots_app.demo.build import DEMO_DATE, Scale, build_demo
from grassroots_app.domain.model import Level, Preset
from grassroots_app.domain.rules import GraspRule
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import units
from grassroots_app.services.coverage import coverage
from grassroots_app.services.setup import require_settings
from tests.coverage_oracle import StoredRows, brute_force
from tests.engines import NewDatabase

RESHAPED = DEMO_DATE + timedelta(days=20)  # a group closed, a hamlet moved, a hamlet opened
LATER = RESHAPED + timedelta(days=10)


@dataclass
class Demo:
    """A built and reshaped demo, with the ids the tests walk from."""

    database: Database
    location: str
    preset: Preset
    roots: dict[str, str]

    def sql(self, query: str, *params: object) -> list[tuple]:
        """Run a query on the database with its engine's own driver."""
        return StoredRows(self.location).sql(query, *params)


def _reshape(demo: Demo) -> None:
    """Close a group, move a hamlet to another commune and open a new hamlet, all after the demo's day."""
    database = demo.database
    communes = [row[0] for row in demo.sql("SELECT id FROM unit WHERE level = 'commune' ORDER BY code, id")]
    hamlet, group = demo.sql(
        "SELECT h.id, g.id FROM unit h JOIN unit_link l ON l.parent_id = h.id JOIN unit g ON g.id = l.unit_id "
        "WHERE h.level = 'hamlet' ORDER BY h.id, g.id LIMIT 1"
    )[0]
    with UnitOfWork(database) as uow:
        units.close_unit(uow, group, RESHAPED)
    with UnitOfWork(database) as uow:
        current = uow.units.current_parent(hamlet)
        units.move_unit(uow, hamlet, next(commune for commune in communes if commune != current), RESHAPED)
    with UnitOfWork(database) as uow:
        units.add_unit(uow, units.NewUnit("Ấp Mới Lập", communes[0], RESHAPED))
    demo.roots.update(hamlet=hamlet, group=group, commune=communes[0])


@pytest.fixture(scope="module", params=list(Preset), ids=lambda preset: preset.value)
def demo(request: pytest.FixtureRequest, engine: str, new_database: NewDatabase) -> Iterator[Demo]:
    """The district demo of a preset on an engine, reshaped, opened for the module."""
    location = new_database(request, engine)
    database = Database.open(location)
    build_demo(database, request.param, 2, Scale.DISTRICT)
    built = Demo(database, location, request.param, {})
    _reshape(built)
    built.roots["province"] = built.sql("SELECT id FROM unit WHERE level = 'province'")[0][0]
    if request.param is Preset.THREE_LEVEL:
        built.roots["district"] = built.sql("SELECT id FROM unit WHERE level = 'district'")[0][0]
    built.roots["cluster"] = built.sql("SELECT id FROM cluster ORDER BY id")[0][0]
    yield built
    database.close()


def through_sql(
    demo: Demo, on: date, rules: tuple[GraspRule, ...] | None, root: str | None, threshold: int | None = None
) -> tuple[object, ...]:
    """Return the same figures from the coverage service, every cadre's workload (with other rules staged but not
    committed); with a threshold (staged likewise), the workload of the overloaded cadres only."""
    with UnitOfWork(demo.database) as uow:
        if rules is not None:
            uow.rules.replace_all(rules)
        if threshold is not None:
            uow.settings.save(replace(require_settings(uow), workload_threshold=threshold))
        uow.session.flush()
        result = coverage(uow, on, root, every_cadre=threshold is None).coverage
        assert all(row.overloaded for row in result.workload) or threshold is None
    gaps = set(result.gaps)
    assert len(gaps) == len(result.gaps)
    workload = {(row.cadre_id, row.name, row.targets) for row in result.workload}
    assert len(workload) == len(result.workload)
    return gaps, {(row.level, row.total, row.covered) for row in result.levels}, workload


def default_rules(demo: Demo) -> tuple[GraspRule, ...]:
    """Return the rules stored in the demo."""
    with UnitOfWork(demo.database) as uow:
        return uow.rules.all()


THRESHOLDS = (1, 2, 5)  # the demo's cadres hold up to its threshold (8) and a few more
DAYS = [date(2019, 12, 31), date(2025, 7, 1), date(2026, 1, 15), DEMO_DATE, RESHAPED, LATER]


@pytest.mark.parametrize("on", DAYS, ids=str)
def test_sql_path_matches_brute_force(demo: Demo, on: date) -> None:
    rules = default_rules(demo)
    # Everywhere, under the province (and a district), a commune, a hamlet, a group; a cluster and an
    # unknown id have nothing under them.
    for name, root in [("everywhere", None), *demo.roots.items(), ("unknown", "no-such-unit")]:
        gaps, figures, workload = brute_force(demo, on, rules, root)
        assert through_sql(demo, on, None, root) == (gaps, figures, workload), name
        for threshold in THRESHOLDS:
            heavy = {row for row in workload if row[2] > threshold}
            assert through_sql(demo, on, None, root, threshold) == (gaps, figures, heavy), (name, threshold)


def test_the_overloaded_are_found_under_every_threshold_tried(demo: Demo) -> None:
    for threshold in THRESHOLDS:
        assert through_sql(demo, DEMO_DATE, None, None, threshold)[2], threshold


def test_the_day_reshaped_moves_and_closes_targets(demo: Demo) -> None:
    before = through_sql(demo, DEMO_DATE, None, demo.roots["group"])
    after = through_sql(demo, LATER, None, demo.roots["group"])
    assert {row[0] for row in before[1] if row[1]} == {Level.GROUP}
    assert all(total == 0 for _level, total, _covered in after[1])


def variants(rules: tuple[GraspRule, ...]) -> dict[str, tuple[GraspRule, ...]]:
    """Return other rule sets by name: higher and zero minimums, levels left without a rule, two roles."""
    commune, group = next(rule for rule in rules if rule.target_level is Level.COMMUNE), Level.GROUP
    return {
        "two per group": tuple(replace(rule, minimum=2) if rule.target_level is group else rule for rule in rules),
        "no hamlet rule": tuple(rule for rule in rules if rule.target_level is not Level.HAMLET),
        "no cluster rule": tuple(rule for rule in rules if rule.target_level is not Level.CLUSTER),
        "two commune roles": (*rules, replace(commune, role="Phó bí thư phụ trách xã")),
        "none for groups": tuple(replace(rule, minimum=0) if rule.target_level is group else rule for rule in rules),
        "clusters only": tuple(rule for rule in rules if rule.target_level is Level.CLUSTER),
        "no rules": (),
    }


@pytest.mark.parametrize("variant", ["two per group", "no hamlet rule", "no cluster rule", "two commune roles",
                                     "none for groups", "clusters only", "no rules"])
@pytest.mark.parametrize("root", [None, "province", "commune"], ids=str)
def test_other_rules_match_brute_force(demo: Demo, variant: str, root: str | None) -> None:
    rules = variants(default_rules(demo))[variant]
    root_id = None if root is None else demo.roots[root]
    for on in (DEMO_DATE, LATER):
        gaps, figures, workload = brute_force(demo, on, rules, root_id)
        assert through_sql(demo, on, rules, root_id) == (gaps, figures, workload)
        assert through_sql(demo, on, rules, root_id, 2) == (gaps, figures, {row for row in workload if row[2] > 2})


def test_two_per_group_finds_groups_with_one(demo: Demo) -> None:
    rules = variants(default_rules(demo))["two per group"]
    gaps = through_sql(demo, DEMO_DATE, rules, None)[0]
    short = [gap for gap in gaps if gap.level is Level.GROUP]  # type: ignore[attr-defined]
    assert len(short) > 10
    assert {gap.assigned for gap in short} >= {0, 1}
    assert all(gap.required == 2 for gap in short)


@pytest.mark.sqlite_only  # the floor reads an SQLite file with the plain sqlite3 driver
@pytest.mark.parametrize("on", [date(2025, 7, 1), DEMO_DATE, LATER], ids=str)
@pytest.mark.parametrize("root", [None, "province", "commune", "hamlet"], ids=str)
def test_the_benchmark_floor_gives_the_apps_gaps_and_overloaded(demo: Demo, on: date, root: str | None) -> None:
    root_id = None if root is None else demo.roots[root]
    with UnitOfWork(demo.database) as uow:
        result = coverage(uow, on, root_id).coverage
    floor = floor_coverage(demo.location, on, root_id)
    assert floor.gaps == {(gap.target_id, gap.role, gap.assigned) for gap in result.gaps}
    assert floor.overloaded == {(row.cadre_id, row.targets) for row in result.workload}
    if root is None and on >= DEMO_DATE:  # the reshaped demo has both then (before it, the odd day may have none)
        assert floor.gaps and floor.overloaded
