"""Repositories and reads of the field log: activities, recommendations, ratings, attendance targets.

Besides storing them, it finds what lay under a unit or in a cluster on each record's day, the paths of
places on each record's day, and the meetings each cadre attended.

"Under a unit" follows the hierarchy over time: a recursive walk down unit_link keeps, for every unit
reached, the span of days [since, until) it was below the root, so that a record counts under the place
its unit belonged to on the record's own day.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    CTE,
    ColumnElement,
    Date,
    FromClause,
    Select,
    and_,
    case,
    false,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from grassroots_app.domain.activities import (
    DEFAULT_ATTENDANCE_TARGETS,
    Activity,
    ActivityFilter,
    ActivityKind,
    AttendanceTarget,
)
from grassroots_app.domain.base_plan import Visit
from grassroots_app.domain.model import Cadre, Flag, Level, Tier
from grassroots_app.domain.ratings import Grade, Rating
from grassroots_app.domain.recommendations import (
    PENDING,
    Recommendation,
    RecommendationField,
    RecommendationFilter,
    RecommendationStatus,
    StatusChange,
)
from grassroots_app.persistence.tables import (
    ActivityRow,
    CadreRow,
    ClusterMemberRow,
    ClusterRow,
    RatingRow,
    RecommendationChangeRow,
    RecommendationRow,
    SettingRow,
    UnitLinkRow,
    UnitRow,
)

UNIT, LINK, CLUSTER, MEMBER = (
    table.__table__ for table in (UnitRow, UnitLinkRow, ClusterRow, ClusterMemberRow)  # type: ignore[union-attr]
)
ACTIVITY, RECOMMENDATION, RATING, CADRE = (
    table.__table__ for table in (ActivityRow, RecommendationRow, RatingRow, CadreRow)  # type: ignore[union-attr]
)
unit, link, cluster, member = UNIT.c, LINK.c, CLUSTER.c, MEMBER.c
activity, recommendation, rating, cadre = ACTIVITY.c, RECOMMENDATION.c, RATING.c, CADRE.c

TARGETS_KEY = "fieldlog.attendance_targets"
FOREVER = date(9999, 12, 31)  # the end of an open period, so that spans compare without NULLs
CHUNK = 500
WHOLE_YEAR = 0  # the quarter stored for a yearly rating
_PENDING = sorted(status.value for status in PENDING)
FLAG_COLUMNS = {Flag.STANDING: cadre.is_standing, Flag.COMMITTEE: cadre.is_committee,
                Flag.PARTY_MEMBER: cadre.is_party_member}


# --- spans of days and scopes ----------------------------------------------------------------------


def until_of(end: ColumnElement[date]) -> ColumnElement[date]:
    """Return the end of a period, an open end being FOREVER."""
    return func.coalesce(end, literal(FOREVER, Date()))


def later_of(first: ColumnElement[date], second: ColumnElement[date]) -> ColumnElement[date]:
    """Return the later of two dates."""
    return case((first > second, first), else_=second)


def earlier_of(first: ColumnElement[date], second: ColumnElement[date]) -> ColumnElement[date]:
    """Return the earlier of two dates."""
    return case((first < second, first), else_=second)


def _below(seed: Select, name: str) -> CTE:
    """Return the seed units (id, since, until) and every unit below them, with the days they were there."""
    scope = seed.cte(name, recursive=True)
    above = scope.alias(f"{name}_above")
    until = until_of(link.valid_to)
    step = (
        select(link.unit_id, later_of(above.c.since, link.valid_from), earlier_of(above.c.until, until))
        .select_from(above)
        .join(LINK, link.parent_id == above.c.id)
        .where(link.valid_from < above.c.until, until > above.c.since)
    )
    return scope.union_all(step)


def _unit_seed(unit_id: str) -> Select:
    """Return a unit as the seed of a walk: (id, since, until) over its life."""
    return select(
        unit.id.label("id"), unit.valid_from.label("since"), until_of(unit.valid_to).label("until")
    ).where(unit.id == unit_id)


@dataclass(frozen=True)
class _Place:
    """Where a place filter looks: its units and its clusters, each as (id, since, until) rows."""

    units: FromClause
    clusters: FromClause


def _under_unit(unit_id: str) -> _Place:
    """Return the unit and the units below it, and their clusters, with the days each was below it."""
    units = _below(_unit_seed(unit_id), "unit_scope")
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
    return _Place(units, clusters)


def _in_cluster(cluster_id: str) -> _Place:
    """Return the communes of a cluster and the units below them with the days each was so, and the cluster."""
    seed = select(
        member.commune_id.label("id"), member.valid_from.label("since"), until_of(member.valid_to).label("until")
    ).where(member.cluster_id == cluster_id)
    itself = select(
        cluster.id.label("id"), cluster.valid_from.label("since"), until_of(cluster.valid_to).label("until")
    ).where(cluster.id == cluster_id)
    return _Place(_below(seed, "cluster_scope"), itself.subquery("the_cluster"))


def _places(unit_id: str | None, cluster_id: str | None) -> list[_Place]:
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
    start, end = (literal(bound, Date()) for bound in window)
    for scope in scopes:
        since, until = later_of(scope.c.since, start), earlier_of(scope.c.until, end)
        query = query.join(scope, and_(target == scope.c.id, day >= since, day < until))
    return query


def _in_places(
    query: Select, places: list[_Place], day: ColumnElement[date], window: tuple[date | None, date | None],
    unit_target: ColumnElement[str], cluster_target: ColumnElement[str] | None = None,
) -> list[Select]:
    """Return the query kept to a window of days and to the places, as branches to unite.

    The window is [start, end), None being open; the branches are the records on a unit in the places, and
    (with a cluster column) those on a cluster in them.
    """
    start, end = window
    if not places:
        dated = [day >= start] if start is not None else []
        return [query.where(*dated, *([day < end] if end is not None else []))]
    bounds = (start or date.min, end or FOREVER)
    branches = [_joined(query, unit_target, day, bounds, [place.units for place in places])]
    if cluster_target is not None:
        branches.append(_joined(query, cluster_target, day, bounds, [place.clusters for place in places]))
    return branches


def _copy(source: object, row: object, names: Iterable[str]) -> None:
    """Copy the named fields of a domain object into the same-named columns of its row."""
    for name in names:
        setattr(row, name, getattr(source, name))


def _target_columns(session: Session, target_id: str) -> tuple[str | None, str | None]:
    """Return (unit_id, cluster_id) for a target, whichever it is."""
    if session.get(ClusterRow, target_id) is not None:
        return None, target_id
    return target_id, None


# --- the attendance targets ------------------------------------------------------------------------


class AttendanceTargetRepository:
    """The attendance targets, kept as JSON in the `setting` table under `fieldlog.attendance_targets`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> tuple[AttendanceTarget, ...]:
        """Return the stored targets, or the defaults when none were stored."""
        row = self.session.get(SettingRow, TARGETS_KEY)
        if row is None:
            return DEFAULT_ATTENDANCE_TARGETS
        return tuple(
            AttendanceTarget(
                Tier(item["tier"]) if item["tier"] else None,
                Flag(item["flag"]) if item["flag"] else None,
                int(item["per_year"]),
            )
            for item in json.loads(row.value)
        )

    def save(self, targets: Iterable[AttendanceTarget]) -> None:
        """Store the targets (replacing the defaults)."""
        value = [
            {"tier": t.tier.value if t.tier else None, "flag": t.flag.value if t.flag else None,
             "per_year": t.per_year}
            for t in targets
        ]
        self.session.merge(SettingRow(key=TARGETS_KEY, value=json.dumps(value)))
        self.session.flush()


# --- activities ------------------------------------------------------------------------------------


class ActivityRepository:
    """The cadres' activities."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def _activity(row: ActivityRow) -> Activity:
        target = row.unit_id or row.cluster_id
        assert target is not None
        return Activity(
            row.id, row.cadre_id, target, ActivityKind(row.kind), row.day, row.duration_minutes, row.notes,
            row.visit_id,
        )

    def _write(self, activity: Activity, row: ActivityRow) -> None:
        _copy(activity, row, ("cadre_id", "day", "duration_minutes", "notes", "visit_id"))
        row.unit_id, row.cluster_id = _target_columns(self.session, activity.target_id)
        row.kind = activity.kind.value
        self.session.add(row)
        self.session.flush()

    def get(self, activity_id: str) -> Activity | None:
        """Return the activity with that id."""
        row = self.session.get(ActivityRow, activity_id)
        return self._activity(row) if row else None

    def add(self, activity: Activity) -> None:
        """Store a new activity."""
        self._write(activity, ActivityRow(id=activity.id, cadre_id=activity.cadre_id, kind="", day=activity.day))

    def update(self, activity: Activity) -> None:
        """Store an activity's edited fields."""
        self._write(activity, self.session.get_one(ActivityRow, activity.id))

    def remove(self, activity_id: str) -> None:
        """Delete an activity."""
        self.session.delete(self.session.get_one(ActivityRow, activity_id))
        self.session.flush()

    def find(self, wanted: ActivityFilter, limit: int | None = None) -> list[Activity]:
        """Return the activities the filter asks for, newest first."""
        query = select(ActivityRow)
        if wanted.cadre_id is not None:
            query = query.where(col(ActivityRow.cadre_id) == wanted.cadre_id)
        if wanted.kind is not None:
            query = query.where(col(ActivityRow.kind) == ActivityKind(wanted.kind).value)
        places = _places(wanted.unit_id, wanted.cluster_id)
        window = (wanted.start, wanted.end)
        branches = _in_places(query, places, activity.day, window, activity.unit_id, activity.cluster_id)
        if len(branches) > 1:  # on a unit or on a cluster: one branch each, united
            rows = aliased(ActivityRow, union_all(*branches).subquery("found"))
            query = select(rows)
        else:
            rows, query = ActivityRow, branches[0]
        query = query.order_by(col(rows.day).desc(), col(rows.id)).limit(limit)
        return [self._activity(row) for row in self.session.scalars(query)]

    def release_visits(self, visit_ids: Sequence[str], kept: Visit | None = None) -> None:
        """Unlink the activities from these visits (being deleted), or from a visit edited away from them.

        Done row by row through the session, so that undo sees it.
        """
        for start in range(0, len(visit_ids), CHUNK):
            query = select(ActivityRow).where(col(ActivityRow.visit_id).in_(visit_ids[start:start + CHUNK]))
            for row in self.session.scalars(query):
                where = (row.cadre_id, row.unit_id or row.cluster_id, row.day)
                if kept is None or where != (kept.cadre_id, kept.target_id, kept.day):
                    row.visit_id = None
                    self.session.add(row)
        self.session.flush()


# --- recommendations -------------------------------------------------------------------------------


def _recommendation(row: RecommendationRow) -> Recommendation:
    return Recommendation(
        id=row.id, unit_id=row.unit_id, raised_on=row.raised_on, cadre_id=row.cadre_id, content=row.content,
        field=RecommendationField(row.field), due=row.due, status=RecommendationStatus(row.status),
        forwarded_to=row.forwarded_to, forwarded_on=row.forwarded_on, answered_on=row.answered_on,
        answer=row.answer, resolved_on=row.resolved_on, closed_on=row.closed_on,
    )


def _change(row: RecommendationChangeRow) -> StatusChange:
    old = RecommendationStatus(row.old_status) if row.old_status else None
    return StatusChange(row.recommendation_id, row.day, old, RecommendationStatus(row.new_status), row.note)


class RecommendationRepository:
    """Residents' recommendations and the steps of each."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, recommendation_id: str) -> Recommendation | None:
        """Return the recommendation with that id."""
        row = self.session.get(RecommendationRow, recommendation_id)
        return _recommendation(row) if row else None

    def _write(self, rec: Recommendation, row: RecommendationRow) -> None:
        _copy(rec, row, ("unit_id", "cadre_id", "raised_on", "content", "due", "forwarded_to", "forwarded_on",
                         "answered_on", "answer", "resolved_on", "closed_on"))
        row.field = rec.field.value
        row.status = rec.status.value
        self.session.add(row)
        self.session.flush()

    def add(self, rec: Recommendation) -> None:
        """Store a new recommendation."""
        self._write(rec, RecommendationRow(id=rec.id, unit_id=rec.unit_id, cadre_id=rec.cadre_id,
                                           raised_on=rec.raised_on, content="", field="", status=""))

    def update(self, rec: Recommendation) -> None:
        """Store a recommendation's edited fields."""
        self._write(rec, self.session.get_one(RecommendationRow, rec.id))

    def remove(self, recommendation_id: str) -> None:
        """Delete a recommendation and its history."""
        changes = select(RecommendationChangeRow).where(
            col(RecommendationChangeRow.recommendation_id) == recommendation_id
        )
        for row in self.session.scalars(changes):
            self.session.delete(row)
        self.session.flush()
        self.session.delete(self.session.get_one(RecommendationRow, recommendation_id))
        self.session.flush()

    def add_change(self, change: StatusChange) -> None:
        """Append a step to a recommendation's history."""
        self.session.add(RecommendationChangeRow(
            recommendation_id=change.recommendation_id, day=change.on,
            old_status=change.old.value if change.old else None, new_status=change.new.value, note=change.note,
        ))
        self.session.flush()

    def histories(self, recommendation_ids: Sequence[str]) -> dict[str, list[StatusChange]]:
        """Return the steps of each recommendation, oldest first (steps of one day in the order taken)."""
        found: dict[str, list[StatusChange]] = defaultdict(list)
        for start in range(0, len(recommendation_ids), CHUNK):
            query = (
                select(RecommendationChangeRow)
                .where(col(RecommendationChangeRow.recommendation_id).in_(recommendation_ids[start:start + CHUNK]))
                .order_by(col(RecommendationChangeRow.day), col(RecommendationChangeRow.id))
            )
            for row in self.session.scalars(query):
                found[row.recommendation_id].append(_change(row))
        return dict(found)

    def _find(
        self, query: Select, window: tuple[date | None, date | None], unit_id: str | None, cluster_id: str | None
    ) -> list[Recommendation]:
        """Return the recommendations of the query raised in a window, under a unit, in a cluster, newest first."""
        places = _places(unit_id, cluster_id)
        [placed] = _in_places(query, places, recommendation.raised_on, window, recommendation.unit_id)
        ordered = placed.order_by(col(RecommendationRow.raised_on).desc(), col(RecommendationRow.id))
        return [_recommendation(row) for row in self.session.scalars(ordered)]

    def find(self, wanted: RecommendationFilter, on: date) -> list[Recommendation]:
        """Return the recommendations the filter asks for (overdue: on that day), newest first."""
        query = select(RecommendationRow)
        if wanted.status is not None:
            query = query.where(col(RecommendationRow.status) == RecommendationStatus(wanted.status).value)
        if wanted.cadre_id is not None:
            query = query.where(col(RecommendationRow.cadre_id) == wanted.cadre_id)
        if wanted.overdue:
            query = query.where(recommendation.status.in_(_PENDING), recommendation.due < on)
        return self._find(query, (wanted.start, wanted.end), wanted.unit_id, wanted.cluster_id)

    def waiting_on(self, day: date, unit_id: str | None = None) -> list[Recommendation]:
        """Return the recommendations raised before a day and not yet resolved or answered before it."""
        settled = func.coalesce(recommendation.resolved_on, recommendation.answered_on)
        query = select(RecommendationRow).where(or_(recommendation.status.in_(_PENDING), settled >= day))
        return self._find(query, (None, day), unit_id, None)


# --- ratings ---------------------------------------------------------------------------------------


def _rating(row: RatingRow) -> Rating:
    quarter = None if row.quarter == WHOLE_YEAR else row.quarter
    return Rating(row.id, row.unit_id, row.year, quarter, Grade(row.grade), row.score, row.note)


class RatingRepository:
    """Quality ratings, one per unit and period."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, unit_id: str, year: int, quarter: int | None) -> RatingRow | None:
        query = select(RatingRow).where(
            col(RatingRow.unit_id) == unit_id, col(RatingRow.year) == year,
            col(RatingRow.quarter) == (quarter or WHOLE_YEAR),
        )
        return self.session.scalars(query).first()

    def get(self, unit_id: str, year: int, quarter: int | None) -> Rating | None:
        """Return the rating of a unit for a year (quarter None) or a quarter."""
        row = self._row(unit_id, year, quarter)
        return _rating(row) if row else None

    def put(self, rated: Rating) -> None:
        """Store a rating, in place of the one with the same id."""
        row = self.session.get(RatingRow, rated.id) or RatingRow(id=rated.id, unit_id=rated.unit_id, year=rated.year,
                                                                 grade="")
        row.quarter = rated.quarter or WHOLE_YEAR
        row.grade = rated.grade.value
        row.score = rated.score
        row.note = rated.note
        self.session.add(row)
        self.session.flush()

    def remove(self, rating_id: str) -> None:
        """Delete a rating."""
        self.session.delete(self.session.get_one(RatingRow, rating_id))
        self.session.flush()

    def for_units(self, unit_ids: Sequence[str], year: int, quarter: int | None) -> dict[str, Rating]:
        """Return the ratings of the units for a period, by unit id."""
        found: dict[str, Rating] = {}
        for start in range(0, len(unit_ids), CHUNK):
            query = select(RatingRow).where(
                col(RatingRow.unit_id).in_(unit_ids[start:start + CHUNK]), col(RatingRow.year) == year,
                col(RatingRow.quarter) == (quarter or WHOLE_YEAR),
            )
            found.update({row.unit_id: _rating(row) for row in self.session.scalars(query)})
        return found

    def grades(
        self, year: int, quarter: int | None, span: tuple[date, date], under: str | None
    ) -> list[tuple[Level, Grade]]:
        """Return (level, grade) of every rating of a period, only of units under a unit in the span if given."""
        query = (
            select(unit.level, rating.grade)
            .select_from(RATING.join(UNIT, unit.id == rating.unit_id))
            .where(rating.year == year, rating.quarter == (quarter or WHOLE_YEAR))
        )
        if under is not None:
            scope = _below(_unit_seed(under), "rated_scope")
            inside = select(scope.c.id).where(scope.c.since < span[1], scope.c.until > span[0])
            query = query.where(rating.unit_id.in_(inside))
        return [(Level(level), Grade(grade)) for level, grade in self.session.execute(query)]


# --- reads -----------------------------------------------------------------------------------------


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
        scope = _below(_unit_seed(unit_id), "below")
        query = (
            select(unit.id, unit.name)
            .select_from(UNIT.join(scope, scope.c.id == unit.id))
            .where(unit.level == level.value, scope.c.since < span[1], scope.c.until > span[0])
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
