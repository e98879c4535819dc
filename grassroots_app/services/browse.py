"""Read use cases of the window: tree rows, search, ancestry, gap marks, a unit's people in charge."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from grassroots_app.domain.coverage import find_gaps
from grassroots_app.domain.hierarchy import unit_sort_key
from grassroots_app.domain.model import Assignment, Level
from grassroots_app.domain.text import natural_key
from grassroots_app.persistence.browse import ClusterRowView as ClusterRowView  # the tree's row types
from grassroots_app.persistence.browse import NodeRow as NodeRow
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.coverage import coverage

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class SearchHit:
    """A unit found by search, with its full path."""

    id: str
    name: str
    level: Level
    path: str


@dataclass(frozen=True)
class Holder:
    """An assignment on a target with the cadre's name."""

    assignment: Assignment
    cadre_name: str


def children(uow: UnitOfWork, parent_id: str | None, on: date, include_closed: bool = False) -> list[NodeRow]:
    """Return the tree rows under a unit (None: the provinces) on a day."""
    return uow.browse.children(parent_id, on, include_closed)


def clusters_under(uow: UnitOfWork, unit_id: str, on: date) -> list[ClusterRowView]:
    """Return the clusters under a province, or under its districts, on a day."""
    return uow.browse.clusters_under(_cluster_owners(uow, unit_id, on), on)


def all_clusters(uow: UnitOfWork, on: date) -> list[tuple[str, str]]:
    """Return (id, "name (unit it belongs to)") of every cluster on a day, by unit then cluster name."""
    rows = sorted(uow.browse.all_clusters(on), key=lambda row: (unit_sort_key(row[2]), natural_key(row[1])))
    return [(cluster_id, f"{name} ({owner})") for cluster_id, name, owner in rows]


def unclustered_communes(uow: UnitOfWork, unit_id: str, on: date) -> list[NodeRow]:
    """Return the communes under a province (or its districts) that belong to no cluster on a day."""
    return uow.browse.communes_without_cluster(_cluster_owners(uow, unit_id, on), on)


def _cluster_owners(uow: UnitOfWork, unit_id: str, on: date) -> list[str]:
    """Return the unit and its districts: the units a cluster of its communes can belong to."""
    return [unit_id, *uow.browse.child_ids(unit_id, Level.DISTRICT, on)]


def cluster_members(uow: UnitOfWork, cluster_id: str, on: date) -> list[NodeRow]:
    """Return the communes of a cluster on a day."""
    return uow.browse.cluster_members(cluster_id, on)


def clusters_of(uow: UnitOfWork, unit_ids: list[str], on: date) -> dict[str, str]:
    """Return the cluster of each given commune on a day (other units and clusterless communes left out)."""
    return uow.browse.clusters_of(unit_ids, on)


def search(uow: UnitOfWork, text: str, on: date, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """Find units by name (ignoring case and diacritics) or official code, each with its path."""
    found = uow.browse.search(text, on, limit)
    paths = uow.queries.paths([row[0] for row in found], on)
    return [SearchHit(unit_id, name, level, paths.get(unit_id, name)) for unit_id, name, level in found]


def ancestors(uow: UnitOfWork, unit_id: str, on: date) -> list[str]:
    """Return the ids above a unit on a day, from the top down (a unit closed by then: on its last day)."""
    unit = uow.units.get(unit_id)
    if unit is not None and unit.period.end is not None and unit.period.end <= on:
        on = unit.period.end - timedelta(days=1)
    parents = uow.browse.ancestry([unit_id], on)
    chain: list[str] = []
    current = parents.get(unit_id)
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return list(reversed(chain))


@dataclass(frozen=True)
class TreeMarks:
    """The gaps in and below every unit and cluster, and their total over the whole tree."""

    by_target: dict[str, int]
    total: int


def first_day(uow: UnitOfWork) -> date | None:
    """Return the day the earliest top-level unit starts (None when there is no unit)."""
    return min((unit.period.start for unit in uow.units.roots()), default=None)


def tree_marks(uow: UnitOfWork, on: date) -> TreeMarks:
    """Return the tree's gap marks on a day (none for a database not yet set up)."""
    if uow.settings.get() is None:
        return TreeMarks({}, 0)
    marks = gap_marks(uow, on)
    return TreeMarks(marks, sum(marks.get(row.id, 0) for row in children(uow, None, on)))


def gap_marks(uow: UnitOfWork, on: date) -> dict[str, int]:
    """Return, for every unit and cluster, how many gaps lie in it and below it (or in its communes) on a day."""
    gaps = Counter(gap.target_id for gap in coverage(uow, on).coverage.gaps)
    parents = uow.browse.ancestry(gaps, on)
    marks: Counter[str] = Counter()
    for target_id, count in gaps.items():
        current: str | None = target_id
        seen: set[str] = set()
        while current is not None and current not in seen:
            marks[current] += count
            seen.add(current)
            current = parents.get(current)
    for commune_id, cluster_id in uow.browse.clusters_of(list(marks), on).items():
        marks[cluster_id] += marks[commune_id]
    return dict(marks)


def own_gaps(uow: UnitOfWork, target_id: str, level: Level, on: date) -> int:
    """Return how many roles of a single target lack their minimum number of cadres on a day."""
    counts = Counter(
        (target_id, held.role) for held in uow.assignments.for_target(target_id) if held.period.covers(on)
    )
    gaps, _levels = find_gaps([(target_id, level)], counts, uow.rules.all())
    return len(gaps)


def holders(uow: UnitOfWork, target_id: str) -> list[Holder]:
    """Return every assignment on a unit or cluster, newest first, with the cadres' names."""
    held = uow.assignments.for_target(target_id)
    names = {cadre_id: cadre.full_name if (cadre := uow.cadres.get(cadre_id)) else ""
             for cadre_id in {a.cadre_id for a in held}}
    rows = [Holder(a, names[a.cadre_id]) for a in held]
    return sorted(rows, key=lambda row: row.assignment.period.start, reverse=True)
