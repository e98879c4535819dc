"""Read-side queries: a few set-based queries per level, returning plain tuples."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import CTE, func, literal, select, union_all
from sqlmodel import Session

from grassroots_app.domain.hierarchy import unit_levels
from grassroots_app.domain.model import Level
from grassroots_app.persistence.repositories import SettingsRepository, valid_on
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
NAME_SCAN_THRESHOLD = 20_000  # above this many cadres, read all names in one scan rather than by id
LEVELS = {level.value: level for level in Level}

Target = tuple[str, Level]
Held = tuple[str, str, str]  # (target id, role, cadre id) of an active assignment


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


def _tally(held: Iterable[Held]) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """Return the active assignments counted per (target, role), and the distinct targets per cadre."""
    counts: dict[tuple[str, str], int] = {}
    cadre_targets: dict[str, set[str]] = {}
    for target_id, role, cadre_id in held:
        counts[(target_id, role)] = counts.get((target_id, role), 0) + 1
        cadre_targets.setdefault(cadre_id, set()).add(target_id)
    return counts, {cadre_id: len(targets) for cadre_id, targets in cadre_targets.items()}


class ReadQueries:
    """Set-based reads over one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def subtree(self, root_id: str, on: date) -> CTE:
        """Return a recursive CTE of the ids (and depths) of the root and everything under it on a day.

        The walk does not look for children below the preset's bottom level (a group has none).
        """
        below = self._levels_below(root_id)
        sub = select(literal(root_id).label("id"), literal(0).label("depth")).cte("sub", recursive=True)
        step = (
            select(link.unit_id, sub.c.depth + 1)
            .select_from(LINK)
            .join(sub, link.parent_id == sub.c.id)
            .where(valid_on(link.valid_from, link.valid_to, on))
        )
        if below is not None:
            step = step.where(sub.c.depth < below)
        return sub.union_all(step)

    def _levels_below(self, root_id: str) -> int | None:
        """Return how many levels the preset has under the root's level, or None if unknown."""
        settings = SettingsRepository(self.session).get()
        level = self.session.execute(select(unit.level).where(unit.id == root_id)).scalar_one_or_none()
        if settings is None or level is None or LEVELS[level] not in unit_levels(settings.preset):
            return None
        levels = unit_levels(settings.preset)
        return len(levels) - 1 - levels.index(LEVELS[level])

    def coverage_inputs(self, root_id: str | None, on: date, levels: Iterable[Level]) -> CoverageInputs:
        """Load the targets of the given levels under a root (None: everything) with active counts."""
        wanted = set(levels)
        if root_id is None:
            targets, held = self._everywhere(on, wanted)
        else:
            targets, held = self._under(root_id, on, wanted)
        counts, per_cadre = _tally(held)
        return CoverageInputs(targets, counts, per_cadre, self._cadre_names(per_cadre))

    def _everywhere(self, on: date, levels: set[Level]) -> tuple[list[Target], Iterator[Held]]:
        """Return every target on a day and the active assignments on them: two plain scans, no sorting."""
        values = [level.value for level in levels if level is not Level.CLUSTER]
        units = select(unit.id, unit.level).where(
            unit.level.in_(values), valid_on(unit.valid_from, unit.valid_to, on)
        )
        targets = [(row[0], LEVELS[row[1]]) for row in self.session.execute(units).all()]
        if Level.CLUSTER in levels:
            clusters = select(cluster.id).where(valid_on(cluster.valid_from, cluster.valid_to, on))
            targets += [(row[0], Level.CLUSTER) for row in self.session.execute(clusters).all()]
        ids = {target_id for target_id, _level in targets}
        target = func.coalesce(assignment.unit_id, assignment.cluster_id)
        active = select(target, assignment.role, assignment.cadre_id).where(
            valid_on(assignment.start_date, assignment.end_date, on)
        )
        rows = self.session.execute(active).all()
        return targets, ((row[0], row[1], row[2]) for row in rows if row[0] in ids)

    def _under(self, root_id: str, on: date, levels: set[Level]) -> tuple[list[Target], Iterator[Held]]:
        """Return the targets under a root with their active assignments, in one statement (one walk)."""
        scope = self.subtree(root_id, on)
        values = [level.value for level in levels if level is not Level.CLUSTER]
        active = valid_on(assignment.start_date, assignment.end_date, on)
        parts = [
            select(unit.id, unit.level, assignment.role, assignment.cadre_id)
            .select_from(scope)
            .join(UNIT, unit.id == scope.c.id)
            .outerjoin(ASSIGNMENT, (assignment.unit_id == unit.id) & active)
            .where(unit.level.in_(values), valid_on(unit.valid_from, unit.valid_to, on))
        ]
        if Level.CLUSTER in levels:
            parts.append(
                select(cluster.id, literal(Level.CLUSTER.value), assignment.role, assignment.cadre_id)
                .select_from(CLUSTER)
                .outerjoin(ASSIGNMENT, (assignment.cluster_id == cluster.id) & active)
                .where(
                    valid_on(cluster.valid_from, cluster.valid_to, on),
                    cluster.parent_id.in_(select(scope.c.id)),
                )
            )
        rows = self.session.execute(union_all(*parts)).all()
        targets = {row[0]: LEVELS[row[1]] for row in rows}
        return list(targets.items()), ((row[0], row[2], row[3]) for row in rows if row[3] is not None)

    def _cadre_names(self, cadre_ids: Collection[str]) -> dict[str, str]:
        """Return the names of the cadres: by id for a few, by one scan of the table for many."""
        if len(cadre_ids) > NAME_SCAN_THRESHOLD:
            rows = self.session.execute(select(cadre.id, cadre.full_name)).all()
            return {cadre_id: name for cadre_id, name in rows if cadre_id in cadre_ids}
        names: dict[str, str] = {}
        for batch in _chunks(sorted(cadre_ids)):
            query = select(cadre.id, cadre.full_name).where(cadre.id.in_(batch))
            names.update(self.session.execute(query).all())
        return names

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
