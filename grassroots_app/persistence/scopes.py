"""Where dated records lay: the units under a unit or in a cluster over time, as SQL to join the records to.

"Under a unit" follows the hierarchy over time: a recursive walk down unit_link keeps, for every unit
reached, the span of days [since, until) it was below the root, so that a record counts under the place
its unit belonged to on the record's own day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import CTE, ColumnElement, FromClause, Select, and_, select

from grassroots_app.persistence.tables import ClusterMemberRow, ClusterRow, UnitLinkRow, UnitRow
from grassroots_app.persistence.temporal import FOREVER, clipped, earlier_of, later_of, overlapping, until_of

UNIT, LINK, CLUSTER, MEMBER = (
    table.__table__ for table in (UnitRow, UnitLinkRow, ClusterRow, ClusterMemberRow)  # type: ignore[union-attr]
)
unit, link, cluster, member = UNIT.c, LINK.c, CLUSTER.c, MEMBER.c


def below(seed: Select, name: str) -> CTE:
    """Return the seed units (id, since, until) and every unit below them, with the days they were there."""
    scope = seed.cte(name, recursive=True)
    above = scope.alias(f"{name}_above")
    step = (
        select(link.unit_id, later_of(above.c.since, link.valid_from),
               earlier_of(above.c.until, until_of(link.valid_to)))
        .select_from(above)
        .join(LINK, link.parent_id == above.c.id)
        .where(overlapping(link.valid_from, link.valid_to, above.c.since, above.c.until))
    )
    return scope.union_all(step)


def unit_seed(unit_id: str) -> Select:
    """Return a unit as the seed of a walk: (id, since, until) over its life."""
    return select(
        unit.id.label("id"), unit.valid_from.label("since"), until_of(unit.valid_to).label("until")
    ).where(unit.id == unit_id)


@dataclass(frozen=True)
class Place:
    """Where a place filter looks: its units and its clusters, each as (id, since, until) rows."""

    units: FromClause
    clusters: FromClause


def _under_unit(unit_id: str) -> Place:
    """Return the unit and the units below it, and their clusters, with the days each was below it."""
    units = below(unit_seed(unit_id), "unit_scope")
    clusters = (
        select(
            cluster.id.label("id"),
            later_of(units.c.since, cluster.valid_from).label("since"),
            earlier_of(units.c.until, until_of(cluster.valid_to)).label("until"),
        )
        .select_from(units)
        .join(CLUSTER, cluster.parent_id == units.c.id)
        .cte("clusters_under_unit")
        .prefix_with("MATERIALIZED")  # a few rows: read first, then the activities of each
    )
    return Place(units, clusters)


def _in_cluster(cluster_id: str) -> Place:
    """Return the communes of a cluster and the units below them with the days each was so, and the cluster."""
    seed = select(
        member.commune_id.label("id"), member.valid_from.label("since"), until_of(member.valid_to).label("until")
    ).where(member.cluster_id == cluster_id)
    itself = select(
        cluster.id.label("id"), cluster.valid_from.label("since"), until_of(cluster.valid_to).label("until")
    ).where(cluster.id == cluster_id)
    return Place(below(seed, "cluster_scope"), itself.subquery("the_cluster"))


def places(unit_id: str | None, cluster_id: str | None) -> list[Place]:
    """Return the place filters asked for: under a unit, in a cluster (each only when given)."""
    return [*([_under_unit(unit_id)] if unit_id else []), *([_in_cluster(cluster_id)] if cluster_id else [])]


def _joined(
    query: Select, target: ColumnElement[str], day: ColumnElement[date], window: tuple[date, date],
    scopes: list[FromClause],
) -> Select:
    """Return the query kept to the records whose target was in every scope on the record's day, in the window.

    The window is folded into each scope's span, so that the records are read through the scope's targets
    (their index by target and day) rather than through every record of the window. A target's spans in a
    scope never overlap (a unit has one parent at a time), so no record is repeated.
    """
    for scope in scopes:
        since, until = clipped(scope.c.since, scope.c.until, window)
        query = query.join(scope, and_(target == scope.c.id, day >= since, day < until))
    return query


def in_places(
    query: Select, found: list[Place], day: ColumnElement[date], window: tuple[date | None, date | None],
    unit_target: ColumnElement[str], cluster_target: ColumnElement[str] | None = None,
) -> list[Select]:
    """Return the query kept to a window of days and to the places, as branches to unite.

    The window is [start, end), None being open; the branches are the records on a unit in the places, and
    (with a cluster column) those on a cluster in them.
    """
    start, end = window
    if not found:
        dated = [day >= start] if start is not None else []
        return [query.where(*dated, *([day < end] if end is not None else []))]
    bounds = (start or date.min, end or FOREVER)
    branches = [_joined(query, unit_target, day, bounds, [place.units for place in found])]
    if cluster_target is not None:
        branches.append(_joined(query, cluster_target, day, bounds, [place.clusters for place in found]))
    return branches
