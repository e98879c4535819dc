"""Property-based tests: random sequences of operations, driven through the real services on a real
database (an SQLite file, a PostgreSQL server), never break the invariants of the model. Refusals are allowed, but the operations are drawn among
what may be accepted on their day, and each kind must have been accepted often over a run (counted)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grassroots_app.domain.assignments import add_months
from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.hierarchy import cluster_parent_level, parent_level
from grassroots_app.domain.model import Cadre, CadreStatus, Level, Preset, Tier
from grassroots_app.persistence.database import Database
from grassroots_app.services import assignments, cadres, clusters, units
from tests import engines
from tests.engines import POSTGRESQL, Connection, Databases, NewDatabase
from tests.integration.support import Env, open_env

START = date(2020, 1, 1)
# 01/01/2024 … 01/01/2020, the latest first: Hypothesis draws the first index most often, and on the seed's
# own day (the last) nearly every change is refused.
DAYS = [add_months(START, 6 * step) for step in reversed(range(9))]
NAMES = ["Ấp 1", "ấp 1", "Ấp 2", "Thôn Đông", "Xã Mới", "Tổ 3"]
KINDS = ("add", "move", "merge", "close", "assign", "end", "leave", "cluster", "join", "quit")
MAX_ROUNDS = 2

# (kind, day index, first index, second index, flag): the indices pick among what the operation may pick on its
# day, wrapping (add: the parent, then the name; assign: the cadre, then the target); the flag is merge's carry
# (transfer or end) and end's reason (given or not); operations use what they need.
Op = tuple[str, int, int, int, bool]
Copier = Callable[[str], contextlib.AbstractContextManager[str]]  # a seeded database's location -> a copy's
index = st.integers(0, 50)


@st.composite
def sequences(draw: st.DrawFn) -> list[Op]:
    """Draw rounds of operations, each round every kind once in a drawn order (so that every kind is tried
    about as often: drawn freely, some kinds came up a few times in a whole run)."""
    kinds = [kind for _round in range(draw(st.integers(1, MAX_ROUNDS))) for kind in draw(st.permutations(KINDS))]
    return [(kind, draw(st.integers(0, len(DAYS) - 1)), draw(index), draw(index), draw(st.booleans()))
            for kind in kinds]


@dataclass
class World:
    """The database and what the test created in it, in creation order (so indices are stable)."""

    env: Env
    units: list[str] = field(default_factory=list)
    levels: dict[str, Level] = field(default_factory=dict)
    clusters: list[str] = field(default_factory=list)
    cadres: list[str] = field(default_factory=list)
    assignments: list[str] = field(default_factory=list)
    eligible: dict[Level, list[str]] = field(default_factory=dict)  # the cadres who may be put in charge of a level

    def add_unit(self, name: str, parent: str | None, on: date) -> None:
        unit = self.env.run(units.add_unit, units.NewUnit(name, parent, on))
        self.units.append(unit.id)
        self.levels[unit.id] = unit.level

    def add_cluster(self, name: str, parent: str, on: date) -> None:
        self.clusters.append(self.env.run(clusters.add_cluster, name, parent, on).id)
        self.levels[self.clusters[-1]] = Level.CLUSTER

    def of_level(self, level: Level | None) -> list[str]:
        return [unit_id for unit_id in self.units if self.levels[unit_id] is level]

    def copy_to(self, env: Env) -> World:
        """Return the same record of what was created, for a copy of the file opened in `env`."""
        return World(env, list(self.units), dict(self.levels), list(self.clusters), list(self.cadres),
                     list(self.assignments), self.eligible)


def pick(items: list[str], position: int) -> str | None:
    """Return the item at a position (wrapping), or None from an empty list."""
    return items[position % len(items)] if items else None


def seed(env: Env) -> World:
    """Build a small tree, a cluster of two communes and one cadre per tier holding every membership, in charge of
    every commune, group and cluster they may hold (the hamlets are left to the operations)."""
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
    world.add_cluster("Cụm 1", cluster_parent, START)
    for number, tier in enumerate([Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE, Tier.COMMUNE], start=1):
        cadre = Cadre("", f"Cán bộ {number}", tier, is_standing=True, is_committee=True, is_party_member=True)
        world.cadres.append(env.run(cadres.add_cadre, cadre).id)
    for commune in communes[:2]:
        env.run(clusters.add_member, world.clusters[0], commune, START)
    for target in [world.of_level(level)[0] for level in (Level.COMMUNE, Level.HAMLET, Level.GROUP)] + world.clusters:
        world.eligible[world.levels[target]] = [cadre for cadre in world.cadres if may_hold(env, cadre, target)]
    for target in [*communes, world.of_level(Level.GROUP)[0], *world.clusters]:
        for cadre in world.eligible[world.levels[target]]:
            world.assignments.append(env.run(assignments.assign, assignments.NewAssignment(cadre, target, START)).id)
    return world


def may_hold(env: Env, cadre: str, target: str) -> bool:
    """Return whether the rules let a cadre be put in charge of a target."""
    return bool(env.read(lambda uow: assignments.eligible_rules(uow, cadre, target)))


@dataclass(frozen=True)
class State:
    """What the file holds on an operation's day, read with plain SQL: the choices an operation picks from."""

    standing: set[str]  # units and clusters that exist on the day and are not closed
    settled: set[str]  # units not closed, begun and placed where they are before the day
    closable: set[str]  # units begun before the day with no assignment beginning on or after it or ending after it
    parent_of: dict[str, str]  # a unit's current parent
    members: dict[str, list[str]]  # a cluster's current communes that joined before the day, by date joined
    clustered: set[str]  # communes in a cluster for good
    active: set[str]  # cadres who have not left
    open: dict[str, tuple[str, str, date]]  # every open assignment: its cadre, target and start


def read_state(env: Env, on: date) -> State:
    """Read from the database what an operation on a day may pick."""
    with engines.connected(env.location) as db:
        def ids(query: str, *params: object) -> set[str]:
            return {row[0] for row in db.rows(query, *params)}

        day = on.isoformat()
        members: dict[str, list[str]] = defaultdict(list)
        for cluster, commune in db.rows("SELECT cluster_id, commune_id FROM cluster_member "
                                        "WHERE valid_to IS NULL AND valid_from < ? ORDER BY valid_from", day):
            members[cluster].append(commune)
        return State(
            standing=ids("SELECT id FROM unit WHERE valid_to IS NULL AND valid_from <= ? UNION "
                         "SELECT id FROM cluster WHERE valid_to IS NULL AND valid_from <= ?", day, day),
            settled=ids("SELECT id FROM unit WHERE valid_to IS NULL AND valid_from < ? AND NOT EXISTS "
                        "(SELECT 1 FROM unit_link WHERE unit_id = unit.id AND valid_from >= ?)", day, day),
            closable=ids("SELECT id FROM unit WHERE valid_from < ? AND NOT EXISTS (SELECT 1 FROM assignment "
                         "WHERE unit_id = unit.id AND (start_date >= ? OR end_date > ?))", day, day, day),
            parent_of=dict(db.rows("SELECT unit_id, parent_id FROM unit_link WHERE valid_to IS NULL")),
            members=members,
            clustered=ids("SELECT commune_id FROM cluster_member WHERE valid_to IS NULL"),
            active=ids("SELECT id FROM cadre WHERE status = ?", CadreStatus.ACTIVE.value),
            open={assignment: (cadre, target, date.fromisoformat(start)) for assignment, cadre, target, start in
                  db.rows("SELECT id, cadre_id, COALESCE(unit_id, cluster_id), start_date FROM assignment "
                          "WHERE end_date IS NULL")},
        )


Chooser = Callable[[World, State, date, Op], bool]


def _add(world: World, _state: State, on: date, op: Op) -> bool:
    """Add a unit named from the list under any unit or none (a province): closed parents and groups too."""
    world.add_unit(NAMES[op[3] % len(NAMES)], pick(world.units + [""], op[2]) or None, on)
    return True


def _move(world: World, state: State, on: date, op: Op) -> bool:
    """Move a settled unit under another standing unit of the level above."""
    def other_parents(unit: str) -> list[str]:
        above = parent_level(world.env.preset, world.levels[unit])
        return [parent for parent in world.of_level(above)
                if above is not None and parent in state.standing and parent != state.parent_of.get(unit)]

    unit = pick([unit for unit in world.units if unit in state.settled and other_parents(unit)], op[2])
    if unit is not None:
        parents = other_parents(unit)
        world.env.run(units.move_unit, unit, parents[op[3] % len(parents)], on)
    return unit is not None


def _merge(world: World, state: State, on: date, op: Op) -> bool:
    """Merge a settled unit into another standing unit of its level, transferring or ending its assignments."""
    def partners(unit: str) -> list[str]:
        return [other for other in world.units
                if other in state.standing and other != unit and world.levels[other] is world.levels[unit]]

    source = pick([unit for unit in world.units if unit in state.settled and partners(unit)], op[2])
    if source is not None:
        targets, carry = partners(source), units.Carry.TRANSFER if op[4] else units.Carry.END
        world.env.run(units.merge_units, source, targets[op[3] % len(targets)], on, carry)
    return source is not None


def _close(world: World, state: State, on: date, op: Op) -> bool:
    """Close a standing unit with no child under it for good (even one placed where it is after the day)."""
    unit = pick([unit for unit in world.units if unit in state.standing and unit in state.closable
                 and unit not in state.parent_of.values()], op[2])
    if unit is not None:
        world.env.run(units.close_unit, unit, on)
    return unit is not None


def _assign(world: World, state: State, on: date, op: Op) -> bool:
    """Put an active cadre who may hold it, and does not now, in charge of a unit or cluster (closed ones too)."""
    holding = {(cadre, target) for cadre, target, _start in state.open.values()}

    def free(target: str) -> list[str]:
        return [cadre for cadre in world.eligible.get(world.levels[target], [])
                if cadre in state.active and (cadre, target) not in holding]

    target = pick([target for target in world.units + world.clusters if free(target)], op[3])
    if target is not None:
        cadre = free(target)[op[2] % len(free(target))]
        world.assignments.append(world.env.run(assignments.assign, assignments.NewAssignment(cadre, target, on)).id)
    return target is not None


def _end(world: World, state: State, on: date, op: Op) -> bool:
    """End an open assignment begun before the day, with a reason or without."""
    assignment = pick([held for held in world.assignments if held in state.open and state.open[held][2] < on], op[2])
    if assignment is not None:
        world.env.run(assignments.end_assignment, assignment, on, "Điều động" if op[4] else "")
    return assignment is not None


def _leave(world: World, state: State, on: date, op: Op) -> bool:
    """Mark an active cadre whose open assignments all began before the day as having left."""
    def begun(cadre: str) -> bool:
        return all(start < on for holder, _target, start in state.open.values() if holder == cadre)

    cadre = pick([cadre for cadre in world.cadres if cadre in state.active and begun(cadre)], op[2])
    if cadre is not None:
        world.env.run(cadres.set_status, cadre, CadreStatus.LEFT, on)
    return cadre is not None


def _cluster(world: World, _state: State, on: date, op: Op) -> bool:
    """Add a cluster under a unit of the level clusters belong to (closed ones too)."""
    parent = pick(world.of_level(cluster_parent_level(world.env.preset)), op[2])
    if parent is not None:
        world.add_cluster(f"Cụm {len(world.clusters) + 1}", parent, on)
    return parent is not None


def _join(world: World, state: State, on: date, op: Op) -> bool:
    """Put a standing commune in no cluster into a standing cluster."""
    cluster = pick([cluster for cluster in world.clusters if cluster in state.standing], op[2])
    commune = pick([commune for commune in world.of_level(Level.COMMUNE)
                    if commune in state.standing and commune not in state.clustered], op[3])
    if cluster is not None and commune is not None:
        world.env.run(clusters.add_member, cluster, commune, on)
    return cluster is not None and commune is not None


def _quit(world: World, state: State, on: date, op: Op) -> bool:
    """Take a commune that joined before the day out of its cluster."""
    cluster = pick([cluster for cluster in world.clusters if state.members[cluster]], op[2])
    if cluster is not None:
        world.env.run(clusters.remove_member, cluster, pick(state.members[cluster], op[3]), on)
    return cluster is not None


CHOOSERS: dict[str, Chooser] = {
    "add": _add, "move": _move, "merge": _merge, "close": _close, "assign": _assign, "end": _end,
    "leave": _leave, "cluster": _cluster, "join": _join, "quit": _quit,
}


def apply(world: World, op: Op, on: date) -> bool:
    """Run one operation through the services, its indices picking among what it may be accepted for on its day
    (most are; some, still refused, keep checking the refusals); return whether it was accepted (a refusal, a
    DomainError, is an allowed outcome; so is finding nothing to pick)."""
    try:
        return CHOOSERS[op[0]](world, read_state(world.env, on), on, op)
    except DomainError:
        return False


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


def malformed_periods(db: Connection) -> list[str]:
    """Every stored period must end after it starts."""
    problems = []
    for table, start, end in [
        ("unit", "valid_from", "valid_to"), ("unit_link", "valid_from", "valid_to"),
        ("cluster", "valid_from", "valid_to"), ("cluster_member", "valid_from", "valid_to"),
        ("assignment", "start_date", "end_date"),
    ]:
        for row in db.rows(f"SELECT id, {start}, {end} FROM {table} WHERE {end} IS NOT NULL AND {end} <= {start}"):
            problems.append(f"{table} {row[0]}: [{row[1]}, {row[2]})")
    return problems


def overlapping_parent_links(db: Connection) -> list[str]:
    """A unit has at most one parent on any day."""
    links: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    for unit_id, start, end in db.rows("SELECT unit_id, valid_from, valid_to FROM unit_link"):
        links[unit_id].append((_day(start), _day(end)))
    return [f"unit {unit_id}: {pair}" for unit_id, periods in links.items() for pair in _pairs(periods) if _overlap(*pair)]


def wrong_parent_levels(db: Connection, preset: Preset) -> list[str]:
    """Every link's parent has the level right above the child's level in the preset."""
    rows = db.rows(
        "SELECT c.id, c.level, p.level FROM unit_link l JOIN unit c ON c.id = l.unit_id JOIN unit p ON p.id = l.parent_id"
    )
    return [
        f"{child} ({level}) under a {parent}"
        for child, level, parent in rows
        if parent_level(preset, Level(level)) is not Level(parent)
    ]


def cycles(db: Connection, days: Iterable[date]) -> list[str]:
    """No unit is its own ancestor on any day."""
    links = [(u, p, _day(s), _day(e)) for u, p, s, e in db.rows("SELECT unit_id, parent_id, valid_from, valid_to FROM unit_link")]
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


def overlapping_assignments(db: Connection) -> list[str]:
    """No cadre holds the same role on the same target twice on one day."""
    groups: dict[tuple[str, str, str], list[tuple[date, date | None]]] = defaultdict(list)
    query = "SELECT cadre_id, COALESCE(unit_id, cluster_id), role, start_date, end_date FROM assignment"
    for cadre_id, target, role, start, end in db.rows(query):
        groups[(cadre_id, target, role)].append((_day(start), _day(end)))
    return [f"{key}: {pair}" for key, periods in groups.items() for pair in _pairs(periods) if _overlap(*pair)]


def communes_in_two_clusters(db: Connection) -> list[str]:
    """A commune belongs to at most one cluster on any day."""
    groups: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    for commune, start, end in db.rows("SELECT commune_id, valid_from, valid_to FROM cluster_member"):
        groups[commune].append((_day(start), _day(end)))
    return [f"commune {c}: {pair}" for c, periods in groups.items() for pair in _pairs(periods) if _overlap(*pair)]


def outliving_records(db: Connection) -> list[str]:
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
        problems += [f"{what}: {row[0]}" for row in db.rows(query)]
    return problems


def assert_invariants(world: World) -> None:
    """Check every invariant on the database, naming the broken ones."""
    with engines.connected(world.env.location) as db:
        link_days = [_day(d) for row in db.rows("SELECT valid_from, valid_to FROM unit_link") for d in row if d]
        found = {
            "malformed periods": malformed_periods(db),
            "overlapping parent links": overlapping_parent_links(db),
            "wrong parent levels": wrong_parent_levels(db, world.env.preset),
            "cycles": cycles(db, DAYS + link_days),
            "overlapping assignments": overlapping_assignments(db),
            "communes in two clusters": communes_in_two_clusters(db),
            "records outliving their unit": outliving_records(db),
        }
    broken = {name: problems for name, problems in found.items() if problems}
    if broken:
        raise AssertionError(f"broken invariants: {broken}")


@pytest.fixture(scope="module")
def seeded(engine: str, new_database: NewDatabase, request: pytest.FixtureRequest) -> dict[Preset, World]:
    """Seed a database per preset once (each sequence starts from a copy: seeding is most of the time)."""
    worlds = {}
    for preset in Preset:
        env = open_env(new_database(request, engine), preset)
        try:
            worlds[preset] = seed(env)
            assert_invariants(worlds[preset])
        finally:
            env.db.close()
    return worlds


@pytest.fixture(scope="module")
def copies(engine: str, request: pytest.FixtureRequest) -> Copier:
    """Copy a seeded database for one sequence: a file into a temporary folder, a server's database by CREATE
    DATABASE … TEMPLATE."""
    databases: Databases | None = request.getfixturevalue("pg_databases") if engine == POSTGRESQL else None

    @contextlib.contextmanager
    def copy(location: str) -> Iterator[str]:
        if databases is None:
            with tempfile.TemporaryDirectory() as folder:
                yield shutil.copyfile(location, Path(folder) / "t.sqlite").as_posix()
            return
        url = databases.create(like=location)
        try:
            yield url
        finally:
            databases.drop(url)

    return copy


def run_sequence(seeded: World, copies: Copier, ops: list[Op], date_of: Callable[[int, Op], date]) -> Counter[str]:
    """Apply the operations to a copy of a seeded database, checking the invariants after each one; return how
    many operations of each kind were accepted."""
    accepted: Counter[str] = Counter()
    with copies(seeded.env.location) as location:
        env = Env(Database.open(location, backup=False), location, seeded.env.preset)  # no daily backup of a copy
        try:
            world = seeded.copy_to(env)
            for position, op in enumerate(ops):
                accepted[op[0]] += apply(world, op, date_of(position, op))
                assert_invariants(world)
        finally:
            env.db.close()
    return accepted


def drawn_day(_position: int, op: Op) -> date:
    """The day drawn with the operation (any order: back-dated entries included)."""
    return DAYS[op[1]]


def in_order(position: int, _op: Op) -> date:
    """Each operation a month after the previous one, as when a clerk records events as they happen."""
    return add_months(START, position + 1)


MIN_ACCEPTED = 10  # of each kind, over one test's examples
# Derandomized: every run tries the same examples, so the counts of accepted operations are always the same.
PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_every_kind_accepted(accepted: Counter[str]) -> None:
    """Every kind of operation must have been accepted often, else its invariants were hardly exercised."""
    assert {kind: accepted[kind] for kind in KINDS if accepted[kind] < MIN_ACCEPTED} == {}, accepted


def test_operations_recorded_in_date_order_keep_the_invariants(seeded: dict[Preset, World], copies: Copier) -> None:
    accepted: Counter[str] = Counter()

    @PROPERTY_SETTINGS
    @given(preset=st.sampled_from(list(Preset)), ops=sequences())
    def in_date_order(preset: Preset, ops: list[Op]) -> None:
        accepted.update(run_sequence(seeded[preset], copies, ops, in_order))

    in_date_order()
    assert_every_kind_accepted(accepted)


def test_back_dated_operations_keep_the_invariants(seeded: dict[Preset, World], copies: Copier) -> None:
    accepted: Counter[str] = Counter()

    @PROPERTY_SETTINGS
    # Seeded two-level units, by index: 0 province, 1-3 communes, 4-6 hamlets (4 has a group), 7 group;
    # cadres: 0 province, 1 district, 2 and 3 commune tier.
    @example(preset=Preset.TWO_LEVEL, ops=[("move", 4, 1, 1, False), ("close", 6, 5, 0, False)])  # closed before its last move
    @example(preset=Preset.TWO_LEVEL, ops=[("close", 5, 6, 0, False), ("add", 7, 6, 5, False)])  # a group under a hamlet closed later
    @example(preset=Preset.TWO_LEVEL, ops=[("close", 5, 6, 0, False), ("assign", 7, 2, 2, False)])  # open assignment on a closed hamlet
    @given(preset=st.sampled_from(list(Preset)), ops=sequences())
    def back_dated(preset: Preset, ops: list[Op]) -> None:
        accepted.update(run_sequence(seeded[preset], copies, ops, drawn_day))

    back_dated()
    assert_every_kind_accepted(accepted)


def test_the_invariant_checks_see_a_broken_database(database_location: str) -> None:
    """The checks must notice a corrupted database (else the properties above prove nothing)."""
    env = open_env(database_location, Preset.TWO_LEVEL)
    try:
        world = seed(env)
        assert_invariants(world)
        hamlet, commune = world.of_level(Level.HAMLET)[0], world.of_level(Level.COMMUNE)[1]
        cadre, cluster = world.cadres[2], world.clusters[0]
        with engines.connected(database_location) as db:
            for child, parent in ((hamlet, commune), (commune, hamlet)):
                db.rows("INSERT INTO unit_link (unit_id, parent_id, valid_from) VALUES (?, ?, '2021-01-01')",
                        child, parent)
            for _ in range(2):
                db.rows("INSERT INTO cluster_member (cluster_id, commune_id, valid_from) VALUES (?, ?, '2021-01-01')",
                        cluster, commune)
            for assignment_id in ("a1", "a2"):
                db.rows("INSERT INTO assignment (id, cadre_id, unit_id, role, start_date, decision_number, note, "
                        "end_reason) VALUES (?, ?, ?, 'r', '2021-01-01', '', '', '')", assignment_id, cadre, hamlet)
            db.rows("UPDATE unit SET valid_to = '2019-01-01' WHERE id = ?", world.units[0])
        with pytest.raises(AssertionError) as caught:
            assert_invariants(world)
        message = str(caught.value)
        for name in ("malformed periods", "overlapping parent links", "wrong parent levels", "cycles",
                     "overlapping assignments", "communes in two clusters", "records outliving their unit"):
            assert name in message
    finally:
        env.db.close()
