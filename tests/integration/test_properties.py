"""Property-based tests: random sequences of operations, driven through the real services on a real
SQLite file, never break the invariants of the model (refusals are allowed and ignored)."""

from __future__ import annotations

import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grassroots_app.domain.assignments import add_months
from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.hierarchy import cluster_parent_level, parent_level
from grassroots_app.domain.model import Cadre, CadreStatus, Level, Preset, Tier
from grassroots_app.services import assignments, cadres, clusters, units
from tests.integration.support import Env, open_env

START = date(2020, 1, 1)
DAYS = [add_months(START, 6 * step) for step in range(9)]  # 01/01/2020 … 01/01/2024
NAMES = ["Ấp 1", "ấp 1", "Ấp 2", "Thôn Đông", "Xã Mới", "Tổ 3"]
MAX_OPS = 25

Op = tuple[Any, ...]
day_index = st.integers(0, len(DAYS) - 1)
index = st.integers(0, 50)
operations = st.one_of(  # (kind, day index, arguments…): indices pick among what exists, wrapping
    st.tuples(st.just("add"), day_index, index, st.integers(0, len(NAMES) - 1)),
    st.tuples(st.just("move"), day_index, index, index),
    st.tuples(st.just("merge"), day_index, index, index, st.booleans()),
    st.tuples(st.just("close"), day_index, index),
    st.tuples(st.just("assign"), day_index, index, index),
    st.tuples(st.just("end"), day_index, index, st.booleans()),
    st.tuples(st.just("leave"), day_index, index),
    st.tuples(st.just("cluster"), day_index, index),
    st.tuples(st.just("join"), day_index, index, index),
    st.tuples(st.just("quit"), day_index, index, index),
)


@dataclass
class World:
    """The database and what the test created in it, in creation order (so indices are stable)."""

    env: Env
    units: list[str] = field(default_factory=list)
    levels: dict[str, Level] = field(default_factory=dict)
    clusters: list[str] = field(default_factory=list)
    cadres: list[str] = field(default_factory=list)
    assignments: list[str] = field(default_factory=list)

    def add_unit(self, name: str, parent: str | None, on: date) -> None:
        unit = self.env.run(units.add_unit, units.NewUnit(name, parent, on))
        self.units.append(unit.id)
        self.levels[unit.id] = unit.level

    def of_level(self, level: Level | None) -> list[str]:
        return [unit_id for unit_id in self.units if self.levels[unit_id] is level]


def pick(items: list[str], position: int) -> str | None:
    """Return the item at a position (wrapping), or None from an empty list."""
    return items[position % len(items)] if items else None


def seed(env: Env) -> World:
    """Build a small tree, a cluster and one cadre per tier holding every membership."""
    world = World(env)
    world.add_unit("Tỉnh A", None, START)
    province = world.units[0]
    if env.preset is Preset.THREE_LEVEL:
        world.add_unit("Huyện 1", province, START)
        world.add_unit("Huyện 2", province, START)
        commune_parents = [world.units[1], world.units[1], world.units[2]]
    else:
        commune_parents = [province] * 3
    for number, parent in enumerate(commune_parents, start=1):
        world.add_unit(f"Xã {number}", parent, START)
    communes = world.of_level(Level.COMMUNE)
    world.add_unit("Ấp 1", communes[0], START)
    world.add_unit("Ấp 2", communes[0], START)
    world.add_unit("Ấp 3", communes[2], START)
    world.add_unit("Tổ 1", world.of_level(Level.HAMLET)[0], START)
    cluster_parent = world.of_level(cluster_parent_level(env.preset))[0]
    world.clusters.append(env.run(clusters.add_cluster, "Cụm 1", cluster_parent, START).id)
    for number, tier in enumerate([Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE, Tier.COMMUNE], start=1):
        cadre = Cadre("", f"Cán bộ {number}", tier, is_standing=True, is_committee=True, is_party_member=True)
        world.cadres.append(env.run(cadres.add_cadre, cadre).id)
    return world


def apply(world: World, op: Op, on: date) -> None:
    """Run one operation through the services; a refusal (DomainError) is an allowed outcome."""
    env, kind, args = world.env, op[0], op[2:]
    try:
        if kind == "add":
            parent = pick(world.units + [""], args[0]) or None
            world.add_unit(NAMES[args[1]], parent, on)
        elif kind == "move":
            unit = pick(world.units, args[0])
            above = parent_level(env.preset, world.levels[unit]) if unit else None
            parent = pick(world.of_level(above), args[1]) if above else pick(world.units, args[1])
            if unit and parent:
                env.run(units.move_unit, unit, parent, on)
        elif kind == "merge":
            source = pick(world.units, args[0])
            target = pick(world.of_level(world.levels[source]), args[1]) if source else None
            if source and target:
                carry = units.Carry.TRANSFER if args[2] else units.Carry.END
                env.run(units.merge_units, source, target, on, carry)
        elif kind == "close":
            unit = pick(world.units, args[0])
            if unit:
                env.run(units.close_unit, unit, on)
        elif kind == "assign":
            cadre, target = pick(world.cadres, args[0]), pick(world.units + world.clusters, args[1])
            made = env.run(assignments.assign, assignments.NewAssignment(cadre, target, on))
            world.assignments.append(made.id)
        elif kind == "end":
            assignment = pick(world.assignments, args[0])
            if assignment:
                env.run(assignments.end_assignment, assignment, on, "Điều động" if args[1] else "")
        elif kind == "leave":
            env.run(cadres.set_status, pick(world.cadres, args[0]), CadreStatus.LEFT, on)
        elif kind == "cluster":
            parent = pick(world.of_level(cluster_parent_level(env.preset)), args[0])
            if parent:
                world.clusters.append(env.run(clusters.add_cluster, f"Cụm {len(world.clusters) + 1}", parent, on).id)
        elif kind in ("join", "quit"):
            cluster, commune = pick(world.clusters, args[0]), pick(world.of_level(Level.COMMUNE), args[1])
            if cluster and commune:
                service = clusters.add_member if kind == "join" else clusters.remove_member
                env.run(service, cluster, commune, on)
    except DomainError:
        pass


# --- invariants, read straight from the file -----------------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _overlap(first: tuple[date, date | None], second: tuple[date, date | None]) -> bool:
    """Half-open overlap that tolerates malformed periods (those are reported separately)."""
    (start1, end1), (start2, end2) = first, second
    return (end2 is None or start1 < end2) and (end1 is None or start2 < end1)


def _pairs(periods: list[tuple[date, date | None]]) -> Iterator[tuple[tuple[date, date | None], ...]]:
    for position, first in enumerate(periods):
        for second in periods[position + 1:]:
            yield first, second


def malformed_periods(db: sqlite3.Connection) -> list[str]:
    """Every stored period must end after it starts."""
    problems = []
    for table, start, end in [
        ("unit", "valid_from", "valid_to"), ("unit_link", "valid_from", "valid_to"),
        ("cluster", "valid_from", "valid_to"), ("cluster_member", "valid_from", "valid_to"),
        ("assignment", "start_date", "end_date"),
    ]:
        for row in db.execute(f"SELECT id, {start}, {end} FROM {table} WHERE {end} IS NOT NULL AND {end} <= {start}"):
            problems.append(f"{table} {row[0]}: [{row[1]}, {row[2]})")
    return problems


def overlapping_parent_links(db: sqlite3.Connection) -> list[str]:
    """A unit has at most one parent on any day."""
    links: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    for unit_id, start, end in db.execute("SELECT unit_id, valid_from, valid_to FROM unit_link"):
        links[unit_id].append((_day(start), _day(end)))
    return [f"unit {unit_id}: {pair}" for unit_id, periods in links.items() for pair in _pairs(periods) if _overlap(*pair)]


def wrong_parent_levels(db: sqlite3.Connection, preset: Preset) -> list[str]:
    """Every link's parent has the level right above the child's level in the preset."""
    rows = db.execute(
        "SELECT c.id, c.level, p.level FROM unit_link l JOIN unit c ON c.id = l.unit_id JOIN unit p ON p.id = l.parent_id"
    )
    return [
        f"{child} ({level}) under a {parent}"
        for child, level, parent in rows
        if parent_level(preset, Level(level)) is not Level(parent)
    ]


def cycles(db: sqlite3.Connection, days: Iterable[date]) -> list[str]:
    """No unit is its own ancestor on any day."""
    links = [(u, p, _day(s), _day(e)) for u, p, s, e in db.execute("SELECT unit_id, parent_id, valid_from, valid_to FROM unit_link")]
    problems = []
    for day in sorted(set(days)):
        parent_of = {u: p for u, p, s, e in links if s <= day and (e is None or day < e)}
        for unit in parent_of:
            seen, current = set(), unit
            while current in parent_of and current not in seen:
                seen.add(current)
                current = parent_of[current]
                if current == unit:
                    problems.append(f"{unit} is its own ancestor on {day}")
                    break
    return problems


def overlapping_assignments(db: sqlite3.Connection) -> list[str]:
    """No cadre holds the same role on the same target twice on one day."""
    groups: dict[tuple[str, str, str], list[tuple[date, date | None]]] = defaultdict(list)
    query = "SELECT cadre_id, COALESCE(unit_id, cluster_id), role, start_date, end_date FROM assignment"
    for cadre_id, target, role, start, end in db.execute(query):
        groups[(cadre_id, target, role)].append((_day(start), _day(end)))
    return [f"{key}: {pair}" for key, periods in groups.items() for pair in _pairs(periods) if _overlap(*pair)]


def communes_in_two_clusters(db: sqlite3.Connection) -> list[str]:
    """A commune belongs to at most one cluster on any day."""
    groups: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    for commune, start, end in db.execute("SELECT commune_id, valid_from, valid_to FROM cluster_member"):
        groups[commune].append((_day(start), _day(end)))
    return [f"commune {c}: {pair}" for c, periods in groups.items() for pair in _pairs(periods) if _overlap(*pair)]


def outliving_records(db: sqlite3.Connection) -> list[str]:
    """Links and assignments stay within the life of the units they name."""
    problems = []
    checks = {
        "link outlives its parent": "SELECT l.id FROM unit_link l JOIN unit p ON p.id = l.parent_id "
        "WHERE l.valid_from < p.valid_from OR (p.valid_to IS NOT NULL AND (l.valid_to IS NULL OR l.valid_to > p.valid_to))",
        "link outlives its unit": "SELECT l.id FROM unit_link l JOIN unit c ON c.id = l.unit_id "
        "WHERE l.valid_from < c.valid_from OR (c.valid_to IS NOT NULL AND (l.valid_to IS NULL OR l.valid_to > c.valid_to))",
        "assignment outlives its unit": "SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unit_id "
        "WHERE a.start_date < u.valid_from OR (u.valid_to IS NOT NULL AND (a.end_date IS NULL OR a.end_date > u.valid_to))",
    }
    for what, query in checks.items():
        problems += [f"{what}: {row[0]}" for row in db.execute(query)]
    return problems


def assert_invariants(world: World) -> None:
    """Check every invariant on the file, naming the broken ones."""
    db = sqlite3.connect(world.env.path)
    try:
        link_days = [_day(d) for row in db.execute("SELECT valid_from, valid_to FROM unit_link") for d in row if d]
        found = {
            "malformed periods": malformed_periods(db),
            "overlapping parent links": overlapping_parent_links(db),
            "wrong parent levels": wrong_parent_levels(db, world.env.preset),
            "cycles": cycles(db, DAYS + link_days),
            "overlapping assignments": overlapping_assignments(db),
            "communes in two clusters": communes_in_two_clusters(db),
            "records outliving their unit": outliving_records(db),
        }
    finally:
        db.close()
    broken = {name: problems for name, problems in found.items() if problems}
    if broken:
        raise AssertionError(f"broken invariants: {broken}")


def run_sequence(preset: Preset, ops: list[Op], date_of: Callable[[int, Op], date]) -> None:
    """Apply the operations to a fresh database file, checking the invariants after each one."""
    with tempfile.TemporaryDirectory() as folder:
        env = open_env(Path(folder) / "t.sqlite", preset)
        try:
            world = seed(env)
            assert_invariants(world)
            for position, op in enumerate(ops):
                apply(world, op, date_of(position, op))
                assert_invariants(world)
        finally:
            env.db.close()


def drawn_day(_position: int, op: Op) -> date:
    """The day drawn with the operation (any order: back-dated entries included)."""
    return DAYS[op[1]]


def in_order(position: int, _op: Op) -> date:
    """Each operation a month after the previous one, as when a clerk records events as they happen."""
    return add_months(START, position + 1)


PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@PROPERTY_SETTINGS
@given(preset=st.sampled_from(list(Preset)), ops=st.lists(operations, max_size=MAX_OPS))
def test_operations_recorded_in_date_order_keep_the_invariants(preset: Preset, ops: list[Op]) -> None:
    run_sequence(preset, ops, in_order)


@settings(PROPERTY_SETTINGS, database=None)
# Seeded two-level units, by index: 0 province, 1-3 communes, 4-6 hamlets (4 has a group), 7 group;
# cadres: 0 province, 1 district, 2 and 3 commune tier.
@example(preset=Preset.TWO_LEVEL, ops=[("move", 4, 5, 1), ("close", 2, 5)])  # closed before its last move
@example(preset=Preset.TWO_LEVEL, ops=[("close", 3, 6), ("add", 1, 6, 5)])  # a group under a hamlet closed later
@example(preset=Preset.TWO_LEVEL, ops=[("close", 3, 6), ("assign", 1, 2, 6)])  # open assignment on a closed hamlet
@given(preset=st.sampled_from(list(Preset)), ops=st.lists(operations, max_size=MAX_OPS))
def test_back_dated_operations_keep_the_invariants(preset: Preset, ops: list[Op]) -> None:
    run_sequence(preset, ops, drawn_day)


def test_the_invariant_checks_see_a_broken_database(tmp_path: Path) -> None:
    """The checks must notice a corrupted file (else the properties above prove nothing)."""
    env = open_env(tmp_path / "t.sqlite", Preset.TWO_LEVEL)
    try:
        world = seed(env)
        assert_invariants(world)
        hamlet, commune = world.of_level(Level.HAMLET)[0], world.of_level(Level.COMMUNE)[1]
        cadre, cluster = world.cadres[2], world.clusters[0]
        db = sqlite3.connect(env.path)
        for child, parent in ((hamlet, commune), (commune, hamlet)):
            db.execute("INSERT INTO unit_link (unit_id, parent_id, valid_from) VALUES (?, ?, '2021-01-01')", (child, parent))
        for _ in range(2):
            db.execute("INSERT INTO cluster_member (cluster_id, commune_id, valid_from) VALUES (?, ?, '2021-01-01')",
                       (cluster, commune))
        for assignment_id in ("a1", "a2"):
            db.execute(
                "INSERT INTO assignment (id, cadre_id, unit_id, role, start_date, decision_number, note, end_reason) "
                "VALUES (?, ?, ?, 'r', '2021-01-01', '', '', '')", (assignment_id, cadre, hamlet),
            )
        db.execute("UPDATE unit SET valid_to = '2019-01-01' WHERE id = ?", (world.units[0],))
        db.commit()
        db.close()
        with pytest.raises(AssertionError) as caught:
            assert_invariants(world)
        message = str(caught.value)
        for name in ("malformed periods", "overlapping parent links", "wrong parent levels", "cycles",
                     "overlapping assignments", "communes in two clusters", "records outliving their unit"):
            assert name in message
    finally:
        env.db.close()
