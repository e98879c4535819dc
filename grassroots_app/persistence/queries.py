"""Read-side queries: a few set-based queries per level, returning plain tuples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import CTE, ColumnElement, Select, distinct, func, literal, select
from sqlmodel import Session

from grassroots_app.domain.model import Level
from grassroots_app.persistence.repositories import valid_on
from grassroots_app.persistence.tables import (
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


@dataclass(frozen=True)
class CoverageInputs:
    """Everything the coverage rules need, as plain data."""

    targets: list[tuple[str, Level]]
    counts: dict[tuple[str, str], int]
    targets_per_cadre: dict[str, int]
    names: dict[str, str]


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


class ReadQueries:
    """Set-based reads over one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def subtree(self, root_id: str, on: date) -> CTE:
        """Return a recursive CTE of the ids of the root and everything under it on a day."""
        sub = select(literal(root_id).label("id")).cte("sub", recursive=True)
        step = select(link.unit_id).select_from(LINK).join(sub, link.parent_id == sub.c.id)
        return sub.union_all(step.where(valid_on(link.valid_from, link.valid_to, on)))

    def _in_scope(self, column: ColumnElement[str], scope: CTE | None) -> ColumnElement[bool]:
        return literal(True) if scope is None else column.in_(select(scope.c.id))

    def _unit_targets(self, scope: CTE | None, on: date, levels: list[str]) -> Select:
        return select(unit.id, unit.level).where(
            unit.level.in_(levels),
            valid_on(unit.valid_from, unit.valid_to, on),
            self._in_scope(unit.id, scope),
        )

    def _cluster_scope(self, scope: CTE | None, on: date) -> Select:
        return select(cluster.id).where(
            valid_on(cluster.valid_from, cluster.valid_to, on), self._in_scope(cluster.parent_id, scope)
        )

    def coverage_inputs(self, root_id: str | None, on: date, levels: Iterable[Level]) -> CoverageInputs:
        """Load the targets of the given levels under a root (None: everything) with active counts."""
        scope = self.subtree(root_id, on) if root_id is not None else None
        unit_levels = [level.value for level in levels if level is not Level.CLUSTER]
        targets = [(row[0], Level(row[1])) for row in self.session.execute(self._unit_targets(scope, on, unit_levels))]
        clusters = self._cluster_scope(scope, on)
        if Level.CLUSTER in levels:
            targets += [(row[0], Level.CLUSTER) for row in self.session.execute(clusters)]
        active = valid_on(assignment.start_date, assignment.end_date, on)
        target = func.coalesce(assignment.unit_id, assignment.cluster_id)
        in_scope = self._in_scope(assignment.unit_id, scope) | assignment.cluster_id.in_(clusters)
        counts_query = (
            select(target, assignment.role, func.count())
            .where(active, in_scope)
            .group_by(target, assignment.role)
        )
        counts = {(row[0], row[1]): row[2] for row in self.session.execute(counts_query)}
        workload_query = (
            select(assignment.cadre_id, cadre.full_name, func.count(distinct(target)))
            .join(CADRE, cadre.id == assignment.cadre_id)
            .where(active, in_scope)
            .group_by(assignment.cadre_id, cadre.full_name)
        )
        per_cadre: dict[str, int] = {}
        names: dict[str, str] = {}
        for cadre_id, name, count in self.session.execute(workload_query):
            per_cadre[cadre_id] = count
            names[cadre_id] = name
        return CoverageInputs(targets, counts, per_cadre, names)

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
