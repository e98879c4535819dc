"""Read-side queries: a few set-based queries per level, returning plain tuples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    CTE,
    Column,
    ColumnElement,
    Index,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    delete,
    distinct,
    func,
    insert,
    literal,
    not_,
    or_,
    select,
    union_all,
)
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import Session

from grassroots_app.domain.coverage import Shortfall, WorkloadRow
from grassroots_app.domain.hierarchy import unit_levels
from grassroots_app.domain.model import Level
from grassroots_app.domain.rules import GraspRule
from grassroots_app.persistence.repositories import SettingsRepository, valid_on
from grassroots_app.persistence.tables import (
    ID_LENGTH,
    AssignmentRow,
    CadreRow,
    ClusterRow,
    UnitLinkRow,
    UnitRow,
)

UNIT, LINK = UnitRow.__table__, UnitLinkRow.__table__  # type: ignore[attr-defined]
ASSIGNMENT, CLUSTER, CADRE = AssignmentRow.__table__, ClusterRow.__table__, CadreRow.__table__  # type: ignore[attr-defined]
unit, link, assignment, cluster, cadre = (t.c for t in (UNIT, LINK, ASSIGNMENT, CLUSTER, CADRE))

CHUNK = 500
LEVELS = {level.value: level for level in Level}

# The units under the root of one coverage call, with their depth below it: a temporary table of the
# connection, filled once per call and read by every per-level statement. Not part of the schema (its
# own metadata), so Alembic never sees it.
SCOPE = Table(
    "coverage_scope",
    MetaData(),
    Column("id", String(ID_LENGTH), nullable=False),
    Column("depth", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)
SCOPE_INDEX = Index("ix_coverage_scope_depth", SCOPE.c.depth, SCOPE.c.id)
scope = SCOPE.c


@dataclass(frozen=True)
class CoverageInputs:
    """What the coverage rules need, as plain data: targets per level, candidate gaps, workload rows."""

    totals: dict[Level, int]
    shortfalls: list[Shortfall]
    workload: Sequence[WorkloadRow]


@dataclass(frozen=True)
class _Scope:
    """Where the targets of one coverage call are: everywhere, or the rows of SCOPE (depth per level)."""

    depths: dict[Level, int] | None  # None: the whole database

    def unit_levels(self, levels: Iterable[Level]) -> list[Level]:
        """Return the unit levels (not clusters) among the given ones that can have targets here."""
        wanted = [level for level in dict.fromkeys(levels) if level is not Level.CLUSTER]
        return wanted if self.depths is None else [level for level in wanted if level in self.depths]


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

    def subtree(self, root_id: str, on: date) -> CTE:
        """Return a recursive CTE of the ids (and depths) of the root and everything under it on a day.

        The root is in it only if it is open on the day. The walk reads unit_link alone, never unit: the
        services keep every link inside its child's life (a link starts with its unit, and closing a unit
        ends its link), so a link valid on a day leads to a unit open that day. It does not look for
        children below the preset's bottom level (a group has none).
        """
        below = self._levels_below(root_id)
        sub = (
            select(unit.id.label("id"), literal(0).label("depth"))
            .where(unit.id == root_id, valid_on(unit.valid_from, unit.valid_to, on))
            .cte("sub", recursive=True)
        )
        step = (
            select(link.unit_id, sub.c.depth + 1)
            .select_from(LINK)
            .join(sub, link.parent_id == sub.c.id)
            .where(valid_on(link.valid_from, link.valid_to, on))
        )
        if below is not None:
            step = step.where(sub.c.depth < below)
        return sub.union_all(step)

    def _root_level(self, root_id: str) -> tuple[tuple[Level, ...], Level | None]:
        """Return the preset's unit levels (top down) and the root's level (None if unknown)."""
        settings = SettingsRepository(self.session).get()
        level = self.session.execute(select(unit.level).where(unit.id == root_id)).scalar_one_or_none()
        levels = unit_levels(settings.preset) if settings is not None else ()
        return levels, LEVELS.get(level) if level is not None else None

    def _levels_below(self, root_id: str) -> int | None:
        """Return how many levels the preset has under the root's level, or None if unknown."""
        levels, level = self._root_level(root_id)
        if level is None or level not in levels:
            return None
        return len(levels) - 1 - levels.index(level)

    # --- coverage -------------------------------------------------------------------------------

    def coverage_inputs(self, root_id: str | None, on: date, rules: Iterable[GraspRule]) -> CoverageInputs:
        """Return, under a root (None: everywhere) on a day, the targets per rule level, the targets with
        fewer active cadres in a rule's role than its minimum, and each cadre's distinct targets."""
        rules = list(rules)
        where = _Scope(None) if root_id is None else self._fill_scope(root_id, on)
        levels = list(dict.fromkeys(rule.target_level for rule in rules))
        shortfalls = [found for rule in rules for found in self._shortfalls(where, on, rule)]
        return CoverageInputs(self._totals(where, on, levels), shortfalls, self._workload(where, on, levels))

    def _fill_scope(self, root_id: str, on: date) -> _Scope:
        """Walk the subtree once into the SCOPE table; return the depth of each preset level below the root.

        The depth of a level is its distance from the root's level in the preset (the root is depth 0).
        """
        connection = self.session.connection()
        connection.execute(CreateTable(SCOPE, if_not_exists=True))
        connection.execute(CreateIndex(SCOPE_INDEX, if_not_exists=True))
        connection.execute(delete(SCOPE))
        levels, level = self._root_level(root_id)
        if level is None or level not in levels:
            return _Scope({})
        tree = self.subtree(root_id, on)
        connection.execute(insert(SCOPE).from_select(["id", "depth"], select(tree.c.id, tree.c.depth)))
        top = levels.index(level)
        return _Scope({below: index - top for index, below in enumerate(levels) if index >= top})

    def _unit_targets(self, where: _Scope, on: date, levels: Sequence[Level]) -> tuple[Select, ColumnElement]:
        """Return a select of the unit targets of the levels (with their level or depth) and its id column."""
        if where.depths is None:
            query = select(unit.id, unit.level).where(
                unit.level.in_([level.value for level in levels]), valid_on(unit.valid_from, unit.valid_to, on)
            )
            return query, unit.id
        return select(scope.id, scope.depth).where(scope.depth.in_([where.depths[l] for l in levels])), scope.id

    def _clusters(self, where: _Scope, on: date) -> Select:
        """Return a select of the ids of the clusters open on the day (under the root: of a unit in it)."""
        query = select(cluster.id).where(valid_on(cluster.valid_from, cluster.valid_to, on))
        if where.depths is not None:
            query = query.where(cluster.parent_id.in_(select(scope.id)))
        return query

    def _shortfalls(self, where: _Scope, on: date, rule: GraspRule) -> list[Shortfall]:
        """Return the targets of the rule's level with fewer active assignments in its role than its minimum.

        One correlated COUNT per target, each a short range of the assignment index (target, role, dates).
        """
        if rule.minimum <= 0:
            return []
        level = rule.target_level
        if level is Level.CLUSTER:
            targets, target_id, held_on = self._clusters(where, on), cluster.id, assignment.cluster_id
        elif where.unit_levels([level]):
            (targets, target_id), held_on = self._unit_targets(where, on, [level]), assignment.unit_id
        else:
            return []
        held = (
            select(func.count())
            .select_from(ASSIGNMENT)
            .where(held_on == target_id, assignment.role == rule.role, _active(on))
            .scalar_subquery()
        )
        query = targets.with_only_columns(target_id, held).where(held < rule.minimum)
        return [Shortfall(found, level, rule.role, assigned) for found, assigned in self.session.execute(query)]

    def _totals(self, where: _Scope, on: date, levels: Sequence[Level]) -> dict[Level, int]:
        """Return the number of targets of each level."""
        totals: dict[Level, int] = {}
        unit_levels_ = where.unit_levels(levels)
        if unit_levels_:
            targets, _id = self._unit_targets(where, on, unit_levels_)
            key = targets.selected_columns[1]
            rows = self.session.execute(targets.with_only_columns(key, func.count()).group_by(key)).all()
            by_key = {level.value: level for level in unit_levels_} if where.depths is None else {
                where.depths[level]: level for level in unit_levels_
            }
            totals.update({by_key[found]: count for found, count in rows})
        if Level.CLUSTER in levels:
            clusters = self._clusters(where, on)
            totals[Level.CLUSTER] = self.session.execute(
                clusters.with_only_columns(func.count())
            ).scalar_one()
        return totals

    def _workload(self, where: _Scope, on: date, levels: Sequence[Level]) -> Sequence[WorkloadRow]:
        """Return (cadre id, name, distinct targets) of every cadre with an active assignment on a target."""
        if where.depths is None:
            per_cadre = self._workload_everywhere(on, levels)
        else:
            per_cadre = self._workload_under(where, on, levels)
        if per_cadre is None:
            return []
        counted = per_cadre.subquery("counted")
        query = (
            select(counted.c.cadre_id, cadre.full_name, counted.c.targets)
            .select_from(counted)
            .join(CADRE, cadre.id == counted.c.cadre_id)
        )
        return self.session.execute(query).all()  # type: ignore[return-value]

    def _workload_under(self, where: _Scope, on: date, levels: Sequence[Level]) -> Select | None:
        """Return the distinct targets per cadre in SCOPE: the active assignments on its targets, grouped."""
        parts: list[Select] = []
        unit_levels_ = where.unit_levels(levels)
        if unit_levels_:
            depths = [where.depths[level] for level in unit_levels_]  # type: ignore[index]
            parts.append(
                select(assignment.cadre_id, assignment.unit_id.label("target_id"))
                .select_from(SCOPE)
                .join(ASSIGNMENT, assignment.unit_id == scope.id)
                .where(scope.depth.in_(depths), _active(on))
            )
        if Level.CLUSTER in levels:
            clusters = self._clusters(where, on).subquery("open_cluster")
            parts.append(
                select(assignment.cadre_id, assignment.cluster_id)
                .where(assignment.cluster_id.in_(select(clusters.c.id)), _active(on))
            )
        if not parts:
            return None
        held = union_all(*parts).subquery("held")
        return select(
            held.c.cadre_id.label("cadre_id"), func.count(distinct(held.c.target_id)).label("targets")
        ).group_by(held.c.cadre_id)

    def _workload_everywhere(self, on: date, levels: Sequence[Level]) -> Select | None:
        """Return the distinct targets per cadre in the whole database.

        One walk of the assignment index by cadre (cadre, dates, target): every active assignment counts
        unless its target is not a target on the day; those few (units of levels without a rule, units or
        clusters closed or not yet open) are read once into a small list. Joining the units to the
        assignments and grouping the million rows that gives would need a large sort instead.
        """
        wanted = [level.value for level in levels if level is not Level.CLUSTER]
        if not wanted and Level.CLUSTER not in levels:
            return None
        not_target = select(unit.id).where(
            not_(unit.level.in_(wanted) & valid_on(unit.valid_from, unit.valid_to, on))
        )
        on_unit = or_(assignment.unit_id.is_(None), assignment.unit_id.not_in(not_target))
        if Level.CLUSTER in levels:
            closed = select(cluster.id).where(not_(valid_on(cluster.valid_from, cluster.valid_to, on)))
            on_cluster = or_(assignment.cluster_id.is_(None), assignment.cluster_id.not_in(closed))
        else:
            on_cluster = assignment.cluster_id.is_(None)
        target = func.coalesce(assignment.unit_id, assignment.cluster_id)
        return (
            select(assignment.cadre_id.label("cadre_id"), func.count(distinct(target)).label("targets"))
            .where(_active(on), on_unit, on_cluster)
            .group_by(assignment.cadre_id)
        )

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
        rows = self.session.execute(
            select(unit.id, unit.name, link.parent_id).select_from(UNIT).outerjoin(LINK, on_link).where(unit.id.in_(batch))
        ).all()
        rows += self.session.execute(
            select(cluster.id, cluster.name, cluster.parent_id).where(cluster.id.in_(batch))
        ).all()
        for item, name, parent in rows:
            names[item] = name
            parents[item] = parent
        return {row[0] for row in rows}

    @staticmethod
    def _join_path(item: str, names: dict[str, str], parents: dict[str, str | None]) -> str:
        parts: list[str] = []
        current: str | None = item
        while current is not None and current in names and len(parts) < 10:
            parts.append(names[current])
            current = parents.get(current)
        return " / ".join(reversed(parts))
