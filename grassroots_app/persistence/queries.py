"""Read-side queries: a few set-based queries per level, returning plain tuples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Select,
    String,
    Subquery,
    Table,
    delete,
    distinct,
    func,
    insert,
    literal,
    not_,
    select,
    union_all,
)
from sqlalchemy.schema import CreateTable
from sqlmodel import Session

from grassroots_app.domain.coverage import Shortfall, WorkloadRow
from grassroots_app.domain.hierarchy import cluster_parent_level, unit_levels
from grassroots_app.domain.model import Level
from grassroots_app.domain.rules import GraspRule
from grassroots_app.persistence.repositories import SettingsRepository
from grassroots_app.persistence.tables import (
    ID_LENGTH,
    AssignmentRow,
    CadreRow,
    ClusterRow,
    UnitLinkRow,
    UnitRow,
)
from grassroots_app.persistence.temporal import valid_on

UNIT, LINK = UnitRow.__table__, UnitLinkRow.__table__  # type: ignore[attr-defined]
ASSIGNMENT, CLUSTER, CADRE = AssignmentRow.__table__, ClusterRow.__table__, CadreRow.__table__  # type: ignore[attr-defined]
unit, link, assignment, cluster, cadre = (t.c for t in (UNIT, LINK, ASSIGNMENT, CLUSTER, CADRE))

CHUNK = 500
LEVELS = {level.value: level for level in Level}

# The units under the root of one coverage call with their depth below it: a temporary table of the
# connection, filled once per call and read by every per-level statement. Not part of the schema (its
# own metadata), so Alembic never sees it. Keyed by (depth, id), it hands each statement one level in id
# order, so that the probes into the assignment index by unit id move forward through it instead of
# jumping about (about twice as fast for a province as the walk's order). On SQLite a duplicate row
# (which only a broken tree could give) is dropped rather than refused; the two SQLite options are
# ignored elsewhere (PostgreSQL: an ordinary temporary table with that primary key).
SCOPE = Table(
    "coverage_scope",
    MetaData(),
    Column("depth", Integer, nullable=False),
    Column("id", String(ID_LENGTH), nullable=False),
    PrimaryKeyConstraint("depth", "id", sqlite_on_conflict="IGNORE"),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)
scope = SCOPE.c


@dataclass(frozen=True)
class CoverageInputs:
    """What the coverage rules need, as plain data: targets per level, candidate gaps, workload rows."""

    totals: dict[Level, int]
    shortfalls: list[Shortfall]
    workload: Sequence[WorkloadRow]


@dataclass(frozen=True)
class _Scope:
    """Where the targets of one coverage call are: everywhere, or in SCOPE at a depth per level."""

    depths: dict[Level, int] | None = None  # None: everywhere
    cluster_parents: int | None = None  # the depth in SCOPE of the units clusters belong to


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _active(on: date) -> ColumnElement[bool]:
    """Return the condition that an assignment runs on the day."""
    return valid_on(assignment.start_date, assignment.end_date, on)


class ReadQueries:
    """Set-based reads over one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- coverage ---------------------------------------------------------------------------------

    def coverage_inputs(
        self, root_id: str | None, on: date, rules: Iterable[GraspRule], fewest: int
    ) -> CoverageInputs:
        """Return what the coverage of a day under a root (None: everywhere) needs, counted in SQL.

        That is the number of targets of each rule's level, the targets with fewer active assignments in
        a rule's role than its minimum (the domain decides which are gaps), and the number of distinct
        targets of each cadre in charge of at least `fewest` (1: every cadre in charge of some). Under a
        root, the subtree is walked once into SCOPE.
        """
        rules = tuple(rules)
        levels = tuple(dict.fromkeys(rule.target_level for rule in rules))
        where = _Scope() if root_id is None else self._fill_scope(root_id, on)
        totals = {level: self._total(where, on, level) for level in levels}
        shortfalls = [found for rule in rules for found in self._shortfalls(where, on, rule)]
        return CoverageInputs(totals, shortfalls, self._workload(where, on, levels, fewest))

    def _fill_scope(self, root_id: str, on: date) -> _Scope:
        """Put the root and the units under it on a day into SCOPE; return the depth of each level in it.

        The depth of a level is its distance below the root's level in the preset (the root is at 0); the
        root is in only if it is open on the day. The walk, one level at a time down to the preset's bottom
        level, reads unit_link alone, never unit: the services keep every link inside its child's life (a
        link starts with its unit, and closing a unit ends its link: `_retire` in services/units.py), so a
        link valid on a day leads to a unit open that day.
        """
        connection = self.session.connection()
        connection.execute(CreateTable(SCOPE, if_not_exists=True))
        connection.execute(delete(SCOPE))
        settings = SettingsRepository(self.session).get()
        level = self.session.execute(select(unit.level).where(unit.id == root_id)).scalar_one_or_none()
        levels = unit_levels(settings.preset) if settings is not None else ()
        top = LEVELS.get(level) if level is not None else None
        if settings is None or top is None or top not in levels:
            return _Scope({})
        below = levels[levels.index(top):]
        root = select(literal(0), unit.id).where(unit.id == root_id, valid_on(unit.valid_from, unit.valid_to, on))
        connection.execute(insert(SCOPE).from_select(["depth", "id"], root))
        parent = SCOPE.alias("parent")
        for depth in range(1, len(below)):
            children = (
                select(literal(depth), link.unit_id)
                .select_from(parent)
                .join(LINK, link.parent_id == parent.c.id)
                .where(parent.c.depth == depth - 1, valid_on(link.valid_from, link.valid_to, on))
                .order_by(link.unit_id)  # appended in key order: cheaper than inserted here and there
            )
            connection.execute(insert(SCOPE).from_select(["depth", "id"], children))
        depths = {each: depth for depth, each in enumerate(below)}
        return _Scope(depths, depths.get(cluster_parent_level(settings.preset)))

    def _targets(self, where: _Scope, on: date, level: Level) -> tuple[Select, ColumnElement] | None:
        """Return a select of the ids of a level's targets and its id column (None: no such targets here)."""
        if level is Level.CLUSTER:
            query = select(cluster.id).where(valid_on(cluster.valid_from, cluster.valid_to, on))
            if where.depths is None:
                return query, cluster.id
            if where.cluster_parents is None:
                return None
            # A cluster belongs to a unit of one level (services/clusters.py): read that depth only.
            owners = select(scope.id).where(scope.depth == where.cluster_parents)
            return query.where(cluster.parent_id.in_(owners)), cluster.id
        if where.depths is None:
            query = select(unit.id).where(unit.level == level.value, valid_on(unit.valid_from, unit.valid_to, on))
            return query, unit.id
        if level not in where.depths:
            return None
        return select(scope.id).where(scope.depth == where.depths[level]), scope.id

    def _total(self, where: _Scope, on: date, level: Level) -> int:
        """Return the number of targets of a level."""
        found = self._targets(where, on, level)
        if found is None:
            return 0
        query = found[0].with_only_columns(func.count(), maintain_column_froms=True)
        return self.session.execute(query).scalar_one()

    def _shortfalls(self, where: _Scope, on: date, rule: GraspRule) -> list[Shortfall]:
        """Return the targets of the rule's level with fewer active assignments in its role than its minimum.

        One correlated COUNT per target, each a short range of the assignment index (target, role, dates).
        """
        found = self._targets(where, on, rule.target_level)
        if found is None or rule.minimum <= 0:
            return []
        targets, target_id = found
        held_on = assignment.cluster_id if rule.target_level is Level.CLUSTER else assignment.unit_id
        held = (
            select(func.count())
            .select_from(ASSIGNMENT)
            .where(held_on == target_id, assignment.role == rule.role, _active(on))
            .scalar_subquery()
        )
        query = targets.add_columns(held).where(held < rule.minimum)
        level, role = rule.target_level, rule.role
        return [Shortfall(target, level, role, assigned) for target, assigned in self.session.execute(query)]

    def _workload(self, where: _Scope, on: date, levels: Sequence[Level], fewest: int) -> Sequence[WorkloadRow]:
        """Return (cadre id, name, distinct targets) of every cadre with active assignments on `fewest` targets."""
        if where.depths is None:
            return self._workload_everywhere(on, levels, fewest)
        held: list[Select] = []
        depths = [where.depths[level] for level in levels if level in where.depths]
        if depths:
            held.append(
                select(assignment.cadre_id, assignment.unit_id.label("target_id"))
                .select_from(SCOPE)
                .join(ASSIGNMENT, assignment.unit_id == scope.id)
                .where(scope.depth.in_(depths), _active(on))
            )
        clusters = self._targets(where, on, Level.CLUSTER) if Level.CLUSTER in levels else None
        if clusters is not None:
            held.append(
                select(assignment.cadre_id, assignment.cluster_id.label("target_id")).where(
                    assignment.cluster_id.in_(clusters[0]), _active(on)
                )
            )
        if not held:
            return []
        rows = union_all(*held).subquery("held")
        targets = func.count(distinct(rows.c.target_id))
        counted = (
            select(rows.c.cadre_id, targets.label("targets"))
            .group_by(rows.c.cadre_id)
            .having(targets >= fewest)
            .subquery("counted")
        )
        return self._named(counted)

    def _named(self, counted: Subquery) -> list[WorkloadRow]:
        """Return (cadre id, name, targets) from a subquery of (cadre_id, targets)."""
        query = (
            select(counted.c.cadre_id, cadre.full_name, counted.c.targets)
            .select_from(counted)
            .join(CADRE, cadre.id == counted.c.cadre_id)
        )
        return [(cadre_id, name, targets) for cadre_id, name, targets in self.session.execute(query)]

    def _workload_everywhere(self, on: date, levels: Sequence[Level], fewest: int) -> list[WorkloadRow]:
        """Return (cadre id, name, distinct targets) of every cadre in charge of `fewest` targets anywhere.

        Two aggregates: the distinct targets of every cadre's active assignments, in one walk of the
        assignment index by cadre (cadre, dates, target) with no sort, kept for cadres with at least
        `fewest`; less those on units and clusters that are not targets that day (of a level without a
        rule, closed, not yet open), reached from those few. Joining the targets to their assignments and
        grouping the million rows this gives would need a large sort instead. Only the cadres kept are
        named: with `fewest` over 1, a few thousand of the country's 300,000.
        """
        wanted = [level.value for level in levels if level is not Level.CLUSTER]
        clusters = Level.CLUSTER in levels
        if not wanted and not clusters:
            return []
        held = func.count(distinct(func.coalesce(assignment.unit_id, assignment.cluster_id)))
        every = select(assignment.cadre_id, held.label("targets")).where(_active(on))
        outside: list[Select] = []
        if wanted:
            not_targets = select(unit.id).where(
                not_(unit.level.in_(wanted) & valid_on(unit.valid_from, unit.valid_to, on))
            )
            outside.append(
                select(assignment.cadre_id, assignment.unit_id.label("target_id")).where(
                    assignment.unit_id.in_(not_targets), _active(on)
                )
            )
        else:
            every = every.where(assignment.unit_id.is_(None))
        if clusters:
            closed = select(cluster.id).where(not_(valid_on(cluster.valid_from, cluster.valid_to, on)))
            outside.append(
                select(assignment.cadre_id, assignment.cluster_id.label("target_id")).where(
                    assignment.cluster_id.in_(closed), _active(on)
                )
            )
        else:
            every = every.where(assignment.cluster_id.is_(None))
        counts = self._named(every.group_by(assignment.cadre_id).having(held >= fewest).subquery("counted"))
        rows = union_all(*outside).subquery("outside")
        per_cadre = select(rows.c.cadre_id, func.count(distinct(rows.c.target_id))).group_by(rows.c.cadre_id)
        less = dict(self.session.execute(per_cadre).all())
        kept = ((cadre_id, name, targets - less.get(cadre_id, 0)) for cadre_id, name, targets in counts)
        return [row for row in kept if row[2] >= fewest]

    def paths(self, ids: Iterable[str], on: date) -> dict[str, str]:
        """Return the full path ("Tỉnh … / Xã … / Ấp …") of units and clusters on a day."""
        names: dict[str, str] = {}
        parents: dict[str, str | None] = {}
        frontier = set(ids)
        while frontier:
            found: set[str] = set()
            for batch in _chunks(sorted(frontier)):
                found.update(self._fetch_names(batch, on, names, parents))
            frontier = {parent for parent in parents.values() if parent and parent not in names}
            if not found:
                break
        return {item: self._join_path(item, names, parents) for item in ids if item in names}

    def _fetch_names(
        self, batch: list[str], on: date, names: dict[str, str], parents: dict[str, str | None]
    ) -> set[str]:
        on_link = (link.unit_id == unit.id) & valid_on(link.valid_from, link.valid_to, on)
        rows = list(self.session.execute(
            select(unit.id, unit.name, link.parent_id).select_from(UNIT).outerjoin(LINK, on_link).where(unit.id.in_(batch))
        ).all())
        rows += self.session.execute(
            select(cluster.id, cluster.name, cluster.parent_id).where(cluster.id.in_(batch))
        ).all()
        for item, name, parent in rows:
            names[item] = name
            parents[item] = parent
        parents.update(self._nearest_parents([item for item, _name, parent in rows if parent is None], on))
        return {row[0] for row in rows}

    def _nearest_parents(self, ids: list[str], on: date) -> dict[str, str]:
        """Return the parent of units placed nowhere on the day (not yet, or no longer) from their nearest link.

        A hamlet added after the day asked still prints under its commune, not as a bare name ("Tổ 1").
        """
        nearest: dict[str, tuple[int, str]] = {}
        query = select(link.unit_id, link.parent_id, link.valid_from, link.valid_to).where(link.unit_id.in_(ids))
        for item, parent, start, end in self.session.execute(query) if ids else ():
            distance = (start - on).days if start > on else (on - end).days if end is not None else 0
            if item not in nearest or distance < nearest[item][0]:
                nearest[item] = (distance, parent)
        return {item: parent for item, (_distance, parent) in nearest.items()}

    @staticmethod
    def _join_path(item: str, names: dict[str, str], parents: dict[str, str | None]) -> str:
        parts: list[str] = []
        current: str | None = item
        while current is not None and current in names and len(parts) < 10:
            parts.append(names[current])
            current = parents.get(current)
        return " / ".join(reversed(parts))
