"""Read-side queries of the quarterly reports: the area as it stood day by day, and what happened in it.

The area is walked once into a temporary table of the connection (report_scope): every unit and cluster
inside it with the days [since, until) it was there, clipped to the report's window (the quarter and the day
before it). The other reads join that table to the assignments, activities, planned visits, recommendations
and ratings, so that each record counts where its place stood on the record's own day, in a few set-based
statements whatever the size of the area. Like coverage_scope (queries.py) the table has its own metadata,
so Alembic never sees it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    CTE,
    Column,
    ColumnElement,
    Date,
    Join,
    MetaData,
    Row,
    Select,
    String,
    Subquery,
    Table,
    and_,
    case,
    delete,
    distinct,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.schema import CreateTable
from sqlmodel import Session

from grassroots_app.domain.activities import ActivityKind
from grassroots_app.domain.coverage import Shortfall
from grassroots_app.domain.model import Cadre, Level, Tier
from grassroots_app.domain.ratings import RATEABLE_LEVELS, Grade
from grassroots_app.domain.recommendations import (
    Recommendation,
    RecommendationField,
    RecommendationStatus,
    StatusChange,
)
from grassroots_app.domain.reports.inputs import Attended, DayCount, Held, Lacking, LevelTotal, Placed, RatedUnit
from grassroots_app.domain.reports.scope import ScopeRow
from grassroots_app.domain.rules import GraspRule
from grassroots_app.persistence.tables import (
    ID_LENGTH,
    ActivityRow,
    AssignmentRow,
    BaseVisitRow,
    CadreRow,
    ClusterMemberRow,
    ClusterRow,
    RatingRow,
    RecommendationChangeRow,
    RecommendationRow,
    UnitLinkRow,
    UnitRow,
)
from grassroots_app.persistence.temporal import clipped, earlier_of, later_of, overlapping, until_of, valid_on

UNIT, LINK, CLUSTER, MEMBER, CADRE = (
    table.__table__ for table in (UnitRow, UnitLinkRow, ClusterRow, ClusterMemberRow, CadreRow)  # type: ignore[union-attr]
)
ASSIGNMENT, ACTIVITY, VISIT, RATING, RECOMMENDATION, CHANGE = (
    table.__table__  # type: ignore[union-attr]
    for table in (AssignmentRow, ActivityRow, BaseVisitRow, RatingRow, RecommendationRow, RecommendationChangeRow)
)
unit, link, cluster, member, cadre = UNIT.c, LINK.c, CLUSTER.c, MEMBER.c, CADRE.c
assignment, activity, visit, rating = ASSIGNMENT.c, ACTIVITY.c, VISIT.c, RATING.c
recommendation, change = RECOMMENDATION.c, CHANGE.c

Span = tuple[date, date]  # [first day, end)
CLUSTER_KIND = "cụm"
WHOLE_YEAR = 0  # the quarter stored for a yearly rating
LEVELS = {level.value: level for level in Level}
STATUSES = {status.value: status for status in RecommendationStatus}
FIELDS = {field.value: field for field in RecommendationField}

REPORT_SCOPE = Table(
    "report_scope",
    MetaData(),
    Column("id", String(ID_LENGTH), nullable=False),
    Column("level", String(16), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("name", String(200), nullable=False),
    Column("parent", String(ID_LENGTH)),
    Column("commune", String(ID_LENGTH)),
    Column("since", Date, nullable=False),
    Column("until", Date, nullable=False),
    prefixes=["TEMPORARY"],
)
scope = REPORT_SCOPE.c
COLUMNS = [column.name for column in REPORT_SCOPE.columns]
CADRE_COLUMNS = (cadre.id, cadre.full_name, cadre.tier, cadre.is_standing, cadre.is_committee, cadre.is_party_member)


def _nothing() -> ColumnElement[str]:
    return literal(None, String())


def _in_scope(span: Span) -> tuple[ColumnElement[date], ...]:
    """Return the part of each scope row's days inside a span, as (since, until)."""
    return clipped(scope.since, scope.until, span)


def _key() -> ColumnElement[str]:
    """Return the scope's id as a join key no index can serve (`id || ''`).

    The scope table has no statistics and the national tables have none either: left to itself SQLite may
    scan a million assignments and look each up in the scope. With this key it reads the scope first and
    probes the other table's index by unit or cluster, which is what every report read wants.
    """
    return scope.id.concat("")


def _cadre(row: Sequence[object]) -> Cadre:
    """Return the cadre of the first columns of a row (CADRE_COLUMNS)."""
    item, name, tier, standing, committee, party_member = row[:6]
    return Cadre(str(item), str(name), Tier(tier), is_standing=bool(standing), is_committee=bool(committee),
                 is_party_member=bool(party_member))


def _raised_inside(span: Span) -> tuple[Join, ColumnElement[bool], ColumnElement[date], ColumnElement[date]]:
    """Return (from, where, since, until) of the recommendations raised at units inside the area before the span's
    end and not closed before their unit's days there began, with those days."""
    since, until = _in_scope(span)
    where = and_(since < until, recommendation.raised_on < until,
                 or_(recommendation.closed_on.is_(None), recommendation.closed_on >= since))
    return REPORT_SCOPE.join(RECOMMENDATION, recommendation.unit_id == _key()), where, since, until


def _recommendation(row: Row[tuple[object, ...]]) -> Recommendation:
    """Return the recommendation of a row of the recommendation table (its columns are the fields' names)."""
    values = {column.name: getattr(row, column.name) for column in RECOMMENDATION.columns}
    return Recommendation(**{**values, "field": FIELDS[row.field], "status": STATUSES[row.status]})


def _walk(seed: Select) -> CTE:
    """Return the seed rows and every unit below them, each with the days it was there."""
    walk = seed.cte("report_walk", recursive=True)
    above = walk.alias("above")
    since, until = later_of(above.c.since, link.valid_from), earlier_of(above.c.until, until_of(link.valid_to))
    commune = case((unit.level == Level.COMMUNE.value, unit.id), else_=above.c.commune)
    step = (
        select(unit.id, unit.level, unit.kind, unit.name, above.c.id, commune, since, until)
        .select_from(above.join(LINK, link.parent_id == above.c.id).join(UNIT, unit.id == link.unit_id))
        .where(overlapping(link.valid_from, link.valid_to, above.c.since, above.c.until))
    )
    return walk.union_all(step)


def _labelled(*columns: ColumnElement[Any]) -> list[ColumnElement[Any]]:
    """Return the columns of a seed or cluster select, named as the scope table's."""
    return [column.label(name) for column, name in zip(columns, COLUMNS, strict=True)]


class ReportQueries:
    """Set-based reads of one report's area over one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- the area ---------------------------------------------------------------------------------

    def cluster_scope(self, cluster_id: str, window: Span) -> list[ScopeRow]:
        """Walk a cluster (itself, its member communes over their membership, and below) into the scope table."""
        since, until = clipped(member.valid_from, until_of(member.valid_to), window)
        seed = (
            select(*_labelled(member.commune_id, unit.level, unit.kind, unit.name, _nothing(), member.commune_id,
                              since, until))
            .select_from(MEMBER.join(UNIT, unit.id == member.commune_id))
            .where(member.cluster_id == cluster_id, since < until)
        )
        since, until = clipped(cluster.valid_from, until_of(cluster.valid_to), window)
        itself = select(
            cluster.id, literal(Level.CLUSTER.value), literal(CLUSTER_KIND), cluster.name, _nothing(), _nothing(),
            since, until,
        ).where(cluster.id == cluster_id, since < until)
        return self._fill(seed, itself)

    def area_scope(self, unit_id: str, window: Span) -> list[ScopeRow]:
        """Walk a district or province (and its clusters) into the scope table."""
        since, until = clipped(unit.valid_from, until_of(unit.valid_to), window)
        commune = case((unit.level == Level.COMMUNE.value, unit.id), else_=_nothing())
        seed = select(*_labelled(unit.id, unit.level, unit.kind, unit.name, _nothing(), commune, since, until)).where(
            unit.id == unit_id, since < until
        )
        owner = REPORT_SCOPE.alias("owner")
        since = later_of(owner.c.since, cluster.valid_from)
        until = earlier_of(owner.c.until, until_of(cluster.valid_to))
        clusters = (
            select(cluster.id, literal(Level.CLUSTER.value), literal(CLUSTER_KIND), cluster.name, owner.c.id,
                   _nothing(), since, until)
            .select_from(owner.join(CLUSTER, cluster.parent_id == owner.c.id))
            .where(since < until)
        )
        return self._fill(seed, clusters)

    def _fill(self, seed: Select, clusters: Select) -> list[ScopeRow]:
        """Fill the scope table with the walk from the seed, then the clusters; return its rows."""
        connection = self.session.connection()
        connection.execute(CreateTable(REPORT_SCOPE, if_not_exists=True))
        connection.execute(delete(REPORT_SCOPE))
        connection.execute(insert(REPORT_SCOPE).from_select(COLUMNS, select(_walk(seed))))
        connection.execute(insert(REPORT_SCOPE).from_select(COLUMNS, clusters))
        return [
            ScopeRow(item, LEVELS[level], kind, name, parent, commune, since, until)
            for item, level, kind, name, parent, commune, since, until in connection.execute(select(REPORT_SCOPE))
        ]

    # --- who was in charge, and coverage ----------------------------------------------------------

    def held(self, span: Span, levels: Iterable[Level]) -> list[Held]:
        """Return the assignments on targets of the levels that ran while their target was inside, in the span."""
        since, until = _in_scope(span)
        branches = [
            select(*CADRE_COLUMNS, assignment.id, scope.id, assignment.role, assignment.start_date,
                   assignment.end_date, assignment.decision_number, assignment.decision_date, since, until)
            .select_from(REPORT_SCOPE.join(ASSIGNMENT, held_on == _key()).join(CADRE, cadre.id == assignment.cadre_id))
            .where(scope.level.in_([level.value for level in levels]), since < until,
                   overlapping(assignment.start_date, assignment.end_date, since, until))
            for held_on in (assignment.unit_id, assignment.cluster_id)
        ]
        return [Held(row[6], _cadre(row), *row[7:]) for row in self.session.execute(union_all(*branches))]

    def level_totals(self, day: date, communes: Sequence[str]) -> list[LevelTotal]:
        """Return how many units of each level lay under each of the communes (the commune included) on a day."""
        query = (
            select(scope.commune, scope.level, func.count())
            .where(scope.since <= day, scope.until > day, scope.commune.in_(list(communes)))
            .group_by(scope.commune, scope.level)
        )
        return [LevelTotal(commune, LEVELS[level], number) for commune, level, number in self.session.execute(query)]

    def lacking(self, day: date, communes: Sequence[str], rules: Iterable[GraspRule]) -> list[Lacking]:
        """Return the units under the communes with fewer active assignments in a rule's role than it asks, on a day.

        One correlated count per unit of the rule's level, a short range of the assignment index.
        """
        found = []
        for rule in rules:
            held = (
                select(func.count()).select_from(ASSIGNMENT)
                .where(assignment.unit_id == scope.id, assignment.role == rule.role,
                       valid_on(assignment.start_date, assignment.end_date, day))
                .scalar_subquery()
            )
            query = select(scope.commune, scope.id, held).where(
                scope.level == rule.target_level.value, scope.since <= day, scope.until > day,
                scope.commune.in_(list(communes)), held < rule.minimum,
            )
            found += [Lacking(commune, Shortfall(item, rule.target_level, rule.role, number))
                      for commune, item, number in self.session.execute(query)]
        return found

    # --- the field log ----------------------------------------------------------------------------

    def _done(self, table: Table, span: Span, columns: Sequence[ColumnElement[object]]) -> Subquery:
        """Return the records of the field log (activities or visits) at places inside the area on their day."""
        since, until = _in_scope(span)
        branches = [
            select(*columns, scope.id.label("target"))
            .select_from(REPORT_SCOPE.join(table, and_(placed_on == _key(), table.c.day >= since,
                                                       table.c.day < until)))
            for placed_on in (table.c.unit_id, table.c.cluster_id)
        ]
        return union_all(*branches).subquery("done")

    def attended(self, span: Span) -> list[Attended]:
        """Return, per cadre and kind, the activities recorded at places inside the area in the span."""
        done = self._done(ACTIVITY, span, (activity.cadre_id, activity.kind))
        query = (
            select(*CADRE_COLUMNS, done.c.kind, func.count())
            .select_from(done.join(CADRE, cadre.id == done.c.cadre_id))
            .group_by(cadre.id, done.c.kind)  # the key: the cadre's other columns follow (PostgreSQL checks it)
        )
        return [Attended(_cadre(row), ActivityKind(row[6]), row[7]) for row in self.session.execute(query)]

    def activities_on(self, span: Span, days: Sequence[date]) -> list[DayCount]:
        """Return, for the days given, the activities recorded at places inside the area and the places reached."""
        done = self._done(ACTIVITY, span, (activity.day,))
        query = (
            select(done.c.day, func.count(), func.count(distinct(done.c.target)))
            .where(done.c.day.in_(list(days)))
            .group_by(done.c.day)
        )
        return [DayCount(*row) for row in self.session.execute(query)]

    def visits_on(self, span: Span, days: Sequence[date]) -> dict[date, int]:
        """Return, for the days given, the base-day visits planned at places inside the area."""
        done = self._done(VISIT, span, (visit.day,))
        query = select(done.c.day, func.count()).where(done.c.day.in_(list(days))).group_by(done.c.day)
        return {day: number for day, number in self.session.execute(query)}

    def recommendations(self, span: Span) -> list[Placed]:
        """Return the recommendations raised at units inside the area before the span's end, not closed before.

        Each comes with one span of its unit's days inside the area (a unit moved inside it comes twice).
        """
        raised, where, since, until = _raised_inside(span)
        query = select(RECOMMENDATION, since.label("since"), until.label("until")).select_from(raised).where(where)
        return [Placed(_recommendation(row), row.since, row.until) for row in self.session.execute(query)]

    def histories(self, span: Span) -> dict[str, list[StatusChange]]:
        """Return the steps of the recommendations `recommendations` finds, oldest first (a day's in their order)."""
        raised, where, _since, _until = _raised_inside(span)
        query = (
            select(change.id, change.recommendation_id, change.day, change.old_status, change.new_status, change.note)
            .select_from(raised.join(CHANGE, change.recommendation_id == recommendation.id))
            .where(where)
            .distinct()
            .order_by(change.recommendation_id, change.day, change.id)
        )
        found: dict[str, list[StatusChange]] = defaultdict(list)
        for _id, item, day, old, new, note in self.session.execute(query):
            found[item].append(StatusChange(item, day, STATUSES[old] if old else None, STATUSES[new], note))
        return dict(found)

    def ratings(self, span: Span, year: int) -> tuple[int | None, list[RatedUnit]]:
        """Return the latest year up to `year` with yearly ratings of communes or hamlets inside the area in the span,
        and those ratings."""
        since, until = _in_scope(span)
        rated = (
            REPORT_SCOPE.join(RATING, rating.unit_id == _key()),
            and_(since < until, scope.level.in_([level.value for level in RATEABLE_LEVELS]),
                 rating.quarter == WHOLE_YEAR),
        )
        latest = self.session.execute(
            select(func.max(rating.year)).select_from(rated[0]).where(rated[1], rating.year <= year)
        ).scalar_one()
        if latest is None:
            return None, []
        query = (
            select(scope.id, scope.level, scope.kind, rating.grade).distinct()
            .select_from(rated[0]).where(rated[1], rating.year == latest)
        )
        return latest, [RatedUnit(item, LEVELS[level], kind, Grade(grade)) for item, level, kind, grade in
                        self.session.execute(query)]

    def cluster_communes(self, span: Span) -> list[Row[str, str, str]]:
        """Return (cluster id, commune name, commune kind) of the clusters inside the area and their members."""
        since, until = _in_scope(span)
        query = (
            select(scope.id, unit.name, unit.kind).distinct()
            .select_from(REPORT_SCOPE.join(MEMBER, member.cluster_id == _key())
                         .join(UNIT, unit.id == member.commune_id))
            .where(scope.level == Level.CLUSTER.value, overlapping(member.valid_from, member.valid_to, since, until))
        )
        return list(self.session.execute(query))
