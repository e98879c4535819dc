"""What the field log shows: names and paths of places on each record's day, units to rate, attendance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, Date, and_, false, func, literal, or_, select, true, union_all
from sqlmodel import Session

from grassroots_app.domain.activities import ActivityKind, AttendanceTarget
from grassroots_app.domain.model import Cadre, Flag, Level, Tier
from grassroots_app.persistence.mapping import CHUNK
from grassroots_app.persistence.scopes import below, unit_seed
from grassroots_app.persistence.tables import ActivityRow, CadreRow, ClusterRow, UnitLinkRow, UnitRow
from grassroots_app.persistence.temporal import FOREVER, overlapping, until_of

UNIT, LINK, CLUSTER, ACTIVITY, CADRE = (
    table.__table__ for table in (UnitRow, UnitLinkRow, ClusterRow, ActivityRow, CadreRow)  # type: ignore[union-attr]
)
unit, link, cluster, activity, cadre = UNIT.c, LINK.c, CLUSTER.c, ACTIVITY.c, CADRE.c
FLAG_COLUMNS = {Flag.STANDING: cadre.is_standing, Flag.COMMITTEE: cadre.is_committee,
                Flag.PARTY_MEMBER: cadre.is_party_member}

class FieldLogQueries:
    """What the field log shows: names and paths on each record's day, units to rate, attendance."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _read_places(
        self, ids: list[str], names: dict[str, str], parents: dict[str, list[tuple[date, date, str]]]
    ) -> None:
        """Read the names of units and clusters and every placement of each (parent over a span of days)."""
        for start in range(0, len(ids), CHUNK):
            batch = ids[start:start + CHUNK]
            for table in (unit, cluster):
                names.update(dict(self.session.execute(select(table.id, table.name).where(table.id.in_(batch))).all()))
            placed = select(link.unit_id, link.valid_from, until_of(link.valid_to), link.parent_id)
            owned = select(cluster.id, literal(date.min, Date()), literal(FOREVER, Date()), cluster.parent_id)
            for item, since, until, parent in self.session.execute(
                union_all(placed.where(link.unit_id.in_(batch)), owned.where(cluster.id.in_(batch)))
            ):
                parents[item].append((since, until, parent))

    def labels(self, wanted: Iterable[tuple[str, date]]) -> dict[tuple[str, date], tuple[str, str]]:
        """Return the name and full path ("Tỉnh … / Xã … / Ấp …") of units and clusters, each on its day."""
        wanted = set(wanted)
        names: dict[str, str] = {}
        parents: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
        asked: set[str] = set()
        frontier = {item for item, _day in wanted}
        while frontier:
            asked |= frontier
            self._read_places(sorted(frontier), names, parents)
            frontier = {parent for spans in parents.values() for *_span, parent in spans} - asked
        found = {}
        for item, day in wanted:
            if item in names:
                found[(item, day)] = (names[item], self._path(item, day, names, parents))
        return found

    @staticmethod
    def _path(item: str, day: date, names: dict[str, str], parents: dict[str, list[tuple[date, date, str]]]) -> str:
        parts: list[str] = []
        current: str | None = item
        while current is not None and current in names and len(parts) < 10:
            parts.append(names[current])
            current = next((parent for since, until, parent in parents[current] if since <= day < until), None)
        return " / ".join(reversed(parts))

    def units_below(self, unit_id: str, level: Level, span: tuple[date, date]) -> list[tuple[str, str]]:
        """Return (id, name) of the units of a level under a unit at some time in [start, end)."""
        scope = below(unit_seed(unit_id), "below")
        query = (
            select(unit.id, unit.name)
            .select_from(UNIT.join(scope, scope.c.id == unit.id))
            .where(unit.level == level.value, overlapping(scope.c.since, scope.c.until, *span))
            .distinct()
        )
        return [(item, name) for item, name in self.session.execute(query)]

    def attendance(
        self,
        span: tuple[date, date],
        kinds: Iterable[ActivityKind],
        targets: Iterable[AttendanceTarget],
        cadre_ids: Sequence[str] | None = None,
    ) -> list[tuple[Cadre, int]]:
        """Return the cadres who attended meetings of the kinds in a span, with the number attended.

        Listed too, with 0: the cadres a target applies to who were still working in the span.
        """
        start, end = span
        attended = (
            select(activity.cadre_id, func.count().label("meetings"))
            .where(activity.kind.in_([kind.value for kind in kinds]), activity.day >= start, activity.day < end)
            .group_by(activity.cadre_id)
            .subquery("attended")
        )
        due = [self._applies(target) for target in targets if target.per_year > 0]
        working = or_(cadre.status == "active", cadre.status_date > start)
        columns = (cadre.id, cadre.full_name, cadre.tier, cadre.is_standing, cadre.is_committee,
                   cadre.is_party_member, func.coalesce(attended.c.meetings, 0))
        query = (
            select(*columns)
            .select_from(CADRE.outerjoin(attended, attended.c.cadre_id == cadre.id))
            .where(or_(attended.c.meetings.is_not(None), and_(working, or_(false(), *due))))
        )
        if cadre_ids is not None:
            query = query.where(cadre.id.in_(list(cadre_ids)))
        return [
            (Cadre(item, name, Tier(tier), is_standing=standing, is_committee=committee, is_party_member=member),
             meetings)
            for item, name, tier, standing, committee, member, meetings in self.session.execute(query)
        ]

    @staticmethod
    def _applies(target: AttendanceTarget) -> ColumnElement[bool]:
        """Return the condition that a target applies to a cadre."""
        conditions = []
        if target.tier is not None:
            conditions.append(cadre.tier == target.tier.value)
        if target.flag is not None:
            conditions.append(FLAG_COLUMNS[target.flag].is_(True))
        return and_(true(), *conditions)
