"""Read-side queries for browsing: children with their child counts, search, ancestry, memberships."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Executable, and_, column, func, literal, or_, select, table, true, union
from sqlmodel import Session

from grassroots_app.domain.hierarchy import UNIT_KINDS, unit_sort_key
from grassroots_app.domain.model import Level
from grassroots_app.domain.text import fold, natural_key
from grassroots_app.persistence.closure import CLOSURE
from grassroots_app.persistence.tables import ClusterMemberRow, ClusterRow, UnitLinkRow, UnitRow
from grassroots_app.persistence.temporal import valid_on

UNIT, LINK = UnitRow.__table__, UnitLinkRow.__table__  # type: ignore[attr-defined]
CLUSTER, MEMBER = ClusterRow.__table__, ClusterMemberRow.__table__  # type: ignore[attr-defined]
unit, link, cluster, member = UNIT.c, LINK.c, CLUSTER.c, MEMBER.c
CHUNK = 500
_KIND_PREFIXES = sorted({fold(kind) for kinds in UNIT_KINDS.values() for kind in kinds})


@dataclass(frozen=True)
class NodeRow:
    """A unit as a row of the tree: what it shows and whether it can be expanded."""

    id: str
    name: str
    kind: str
    level: Level
    code: str | None
    closed: bool
    child_count: int


@dataclass(frozen=True)
class ClusterRowView:
    """A cluster as a row of the tree."""

    id: str
    name: str
    parent_id: str
    member_count: int


def _open_on(on: date) -> ColumnElement[bool]:
    return valid_on(unit.valid_from, unit.valid_to, on)


CLERK_SCOPE = table("clerk_scope", column("login"), column("root_id"), schema="grassroots_server")


def _in_own_scope() -> ColumnElement[bool]:
    """Return the condition that a unit is one the logged-in clerk sees (in the scope, or above its roots), which a
    server plans from (a commune's few hundred units looked up by key) rather than from every unit of the country
    filtered by row security; the same units either way."""
    roots = select(CLERK_SCOPE.c.root_id).where(CLERK_SCOPE.c.login == func.session_user())
    below = select(CLOSURE.c.descendant_id).where(CLOSURE.c.ancestor_id.in_(roots))
    above = select(CLOSURE.c.ancestor_id).where(CLOSURE.c.descendant_id.in_(roots))
    return unit.id.in_(union(below, above))


class BrowseQueries:
    """Reads that keep the window fast on a national-size database."""

    def __init__(self, session: Session, scoped: bool = False) -> None:
        self.session = session
        self.scoped = scoped  # a clerk of a shared server: row security shows only their scope

    def _child_counts(self, parent_ids: list[str], on: date) -> dict[str, int]:
        """Count the open children of each parent from the links alone.

        A unit's links begin with it and end when it closes, so a link open on a day means an open unit;
        leaving the unit table out keeps this fast (a national province: 6,000 hamlets counted in ~4 ms).
        """
        counts: dict[str, int] = {}
        for start in range(0, len(parent_ids), CHUNK):
            batch = parent_ids[start : start + CHUNK]
            query = (
                select(link.parent_id, func.count())
                .where(link.parent_id.in_(batch), valid_on(link.valid_from, link.valid_to, on))
                .group_by(link.parent_id)
            )
            counts.update({parent: count for parent, count in self.session.execute(query)})
        return counts

    def _rows(self, query: Executable, on: date) -> list[NodeRow]:
        found = self.session.execute(query).all()
        counts = self._child_counts([row.id for row in found], on)
        rows = [
            NodeRow(row.id, row.name, row.kind, Level(row.level), row.code,
                    row.valid_to is not None and row.valid_to <= on, counts.get(row.id, 0))
            for row in found
        ]
        return sorted(rows, key=lambda row: (row.closed, unit_sort_key(row.name), row.name))

    def children(self, parent_id: str | None, on: date, include_closed: bool = False) -> list[NodeRow]:
        """Return the units under a parent (None: the provinces) on a day, closed ones on request."""
        columns = (unit.id, unit.name, unit.kind, unit.level, unit.code, unit.valid_to)
        if parent_id is None:
            shown = or_(_open_on(on), and_(unit.valid_to <= on, literal(include_closed)))
            query = select(*columns).where(unit.level == Level.PROVINCE.value, shown)
            return self._rows(query, on)
        open_now = and_(valid_on(link.valid_from, link.valid_to, on), _open_on(on))
        closed_here = and_(literal(include_closed), unit.valid_to <= on, link.valid_to == unit.valid_to)
        query = (
            select(*columns)
            .select_from(LINK.join(UNIT, unit.id == link.unit_id))
            .where(link.parent_id == parent_id, or_(open_now, closed_here))
        )
        return self._rows(query, on)

    def child_ids(self, parent_id: str, level: Level, on: date) -> list[str]:
        """Return the ids of the open units of a level directly under a parent on a day."""
        query = (
            select(unit.id)
            .select_from(LINK.join(UNIT, unit.id == link.unit_id))
            .where(link.parent_id == parent_id, unit.level == level.value,
                   valid_on(link.valid_from, link.valid_to, on), _open_on(on))
        )
        return list(self.session.scalars(query))

    def clusters_under(self, unit_ids: Iterable[str], on: date) -> list[ClusterRowView]:
        """Return the clusters of the given units on a day, with their number of member communes."""
        ids = list(unit_ids)
        count = (
            select(func.count())
            .where(member.cluster_id == cluster.id, valid_on(member.valid_from, member.valid_to, on))
            .scalar_subquery()
        )
        query = select(cluster.id, cluster.name, cluster.parent_id, count).where(
            cluster.parent_id.in_(ids), valid_on(cluster.valid_from, cluster.valid_to, on)
        )
        rows = [ClusterRowView(*row) for row in self.session.execute(query)]
        return sorted(rows, key=lambda row: natural_key(row.name))

    def all_clusters(self, on: date) -> list[tuple[str, str, str]]:
        """Return (id, name, name of the unit it belongs to) of every cluster on a day."""
        query = select(cluster.id, cluster.name, unit.name).join(UNIT, unit.id == cluster.parent_id).where(
            valid_on(cluster.valid_from, cluster.valid_to, on)
        )
        return [(cluster_id, name, owner) for cluster_id, name, owner in self.session.execute(query)]

    def cluster_members(self, cluster_id: str, on: date) -> list[NodeRow]:
        """Return the communes of a cluster on a day as tree rows."""
        columns = (unit.id, unit.name, unit.kind, unit.level, unit.code, unit.valid_to)
        query = (
            select(*columns)
            .select_from(MEMBER.join(UNIT, unit.id == member.commune_id))
            .where(member.cluster_id == cluster_id, valid_on(member.valid_from, member.valid_to, on))
        )
        return self._rows(query, on)

    def communes_without_cluster(self, unit_ids: Iterable[str], on: date) -> list[NodeRow]:
        """Return the communes directly under the given units that belong to no cluster on a day."""
        in_cluster = select(member.commune_id).where(valid_on(member.valid_from, member.valid_to, on))
        columns = (unit.id, unit.name, unit.kind, unit.level, unit.code, unit.valid_to)
        query = (
            select(*columns)
            .select_from(LINK.join(UNIT, unit.id == link.unit_id))
            .where(
                link.parent_id.in_(list(unit_ids)),
                valid_on(link.valid_from, link.valid_to, on),
                _open_on(on),
                unit.level == Level.COMMUNE.value,
                unit.id.not_in(in_cluster),
            )
        )
        return self._rows(query, on)

    def clusters_of(self, commune_ids: Iterable[str], on: date) -> dict[str, str]:
        """Return the cluster each given commune belongs to on a day (communes in none are left out)."""
        wanted = list(commune_ids)
        found: dict[str, str] = {}
        for start in range(0, len(wanted), CHUNK):
            query = select(member.commune_id, member.cluster_id).where(
                member.commune_id.in_(wanted[start : start + CHUNK]),
                valid_on(member.valid_from, member.valid_to, on),
            )
            found.update(dict(self.session.execute(query).all()))
        return found

    def parents(self, ids: Iterable[str], on: date) -> dict[str, str | None]:
        """Return the parent of each unit or cluster on a day (clusters: the unit they belong to)."""
        wanted = list(ids)
        found: dict[str, str | None] = {}
        for start in range(0, len(wanted), CHUNK):
            batch = wanted[start : start + CHUNK]
            on_link = and_(link.unit_id == unit.id, valid_on(link.valid_from, link.valid_to, on))
            query = select(unit.id, link.parent_id).select_from(UNIT.outerjoin(LINK, on_link))
            found.update(dict(self.session.execute(query.where(unit.id.in_(batch))).all()))
            found.update(dict(self.session.execute(
                select(cluster.id, cluster.parent_id).where(cluster.id.in_(batch))).all()))
        return found

    def ancestry(self, ids: Iterable[str], on: date) -> dict[str, str | None]:
        """Return the parent of every given unit and of all their ancestors on a day."""
        parents: dict[str, str | None] = {}
        frontier = set(ids)
        while frontier:
            found = self.parents(sorted(frontier), on)
            parents.update(found)
            frontier = {parent for parent in found.values() if parent and parent not in parents}
        return parents

    def search(self, text: str, on: date, limit: int) -> list[tuple[str, str, Level]]:
        """Return (id, name, level) of units whose code starts with the text or whose name holds it, ignoring
        accents and case, at every level; the names that start with it (or with a kind and it) come first."""
        wanted = fold(text)
        if not wanted:
            return []
        prefixes = [wanted, *(f"{kind} {wanted}" for kind in _KIND_PREFIXES)]
        starts = or_(*(and_(unit.name_key >= p, unit.name_key < p + "\uffff") for p in prefixes))
        by_code = and_(unit.code >= text.strip(), unit.code < text.strip() + "\uffff")
        inside = unit.name_key.contains(wanted, autoescape=True)
        found: dict[str, tuple[str, str, Level]] = {}
        scope = _in_own_scope() if self.scoped else true()
        for condition in (and_(starts, scope), and_(by_code, scope), and_(inside, scope)):
            query = select(unit.id, unit.name, unit.level).where(condition, _open_on(on)).limit(limit)
            if self.session.get_bind().dialect.name != "sqlite":  # SQLite walks the name index: always the same
                query = query.order_by(unit.name_key, unit.id)  # first rows; a server is told which to take first
            for row in self.session.execute(query):
                found.setdefault(row.id, (row.id, row.name, Level(row.level)))
            if len(found) >= limit:
                break
        ordered = sorted(found.values(), key=lambda row: (list(Level).index(row[2]), unit_sort_key(row[1])))
        return ordered[:limit]
