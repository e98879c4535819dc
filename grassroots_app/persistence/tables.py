"""The database tables (SQLModel); Alembic migrations in db/ must match them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, DateTime, Index, MetaData, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from grassroots_app.domain.text import (
    CODE_LENGTH,
    CONTENT_LENGTH,
    DECISION_LENGTH,
    KIND_LENGTH,
    NAME_LENGTH,
    NOTE_LENGTH,
    PHONE_LENGTH,
    TITLE_LENGTH,
)

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

ID_LENGTH = 36


ON_CLUSTER = "cluster_id IS NOT NULL"
"""The rows on a cluster: a few hundred among a million on units, the only ones a cluster index need hold."""


def on_clusters(name: str, *columns: str) -> Index:
    """Return a partial index of the rows on a cluster (a query by cluster_id = … implies them)."""
    return Index(name, *columns, sqlite_where=text(ON_CLUSTER), postgresql_where=text(ON_CLUSTER))


class SettingRow(SQLModel, table=True):
    """One setting of this database, its value as JSON."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=4000)


class UnitRow(SQLModel, table=True):
    """An administrative unit; its parents over time are in unit_link."""

    __tablename__ = "unit"
    # Covers the targets of a level open on a day: counted and listed without reading the rows.
    __table_args__ = (Index("ix_unit_level_valid", "level", "valid_from", "valid_to", "id"),)

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    level: str = Field(max_length=16)
    kind: str = Field(max_length=KIND_LENGTH)
    name: str = Field(max_length=NAME_LENGTH)
    name_key: str = Field(max_length=NAME_LENGTH, index=True)
    code: str | None = Field(default=None, max_length=CODE_LENGTH, unique=True)
    valid_from: date
    valid_to: date | None = None
    is_remote: bool = False
    households: int | None = None
    population: int | None = None
    party_members: int | None = None


class UnitLinkRow(SQLModel, table=True):
    """A unit's parent over a half-open period [valid_from, valid_to)."""

    __tablename__ = "unit_link"
    # Covers the walk down the tree on a day: a parent's children without reading the rows.
    __table_args__ = (Index("ix_unit_link_parent", "parent_id", "valid_from", "valid_to", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH, index=True)
    parent_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH)
    valid_from: date
    valid_to: date | None = None


class UnitClosureRow(SQLModel, table=True):
    """The hierarchy's closure: the ancestor was ever above the descendant (at the depth of the shortest way).

    Every unit is its own ancestor at depth 0. Kept by persistence/closure.py on every change of the links; a
    shared server's clerks see the units below their scope's roots through it.
    """

    __tablename__ = "unit_closure"
    # Without SQLite's rowid: the key is the row (a third less space on the national demo's 4.5 million rows).
    __table_args__ = (Index("ix_unit_closure_descendant", "descendant_id", "ancestor_id"), {"sqlite_with_rowid": False})

    ancestor_id: str = Field(foreign_key="unit.id", primary_key=True, max_length=ID_LENGTH, ondelete="CASCADE")
    descendant_id: str = Field(foreign_key="unit.id", primary_key=True, max_length=ID_LENGTH, ondelete="CASCADE")
    depth: int


class LineageRow(SQLModel, table=True):
    """A merge: the source unit went into the target unit on a day."""

    __tablename__ = "unit_lineage"

    id: int | None = Field(default=None, primary_key=True)
    source_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH, index=True)
    target_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH, index=True)
    on_date: date
    note: str = Field(default="", max_length=NOTE_LENGTH)


class ClusterRow(SQLModel, table=True):
    """A named cluster of communes under a district or a province."""

    __tablename__ = "cluster"

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    name: str = Field(max_length=NAME_LENGTH)
    parent_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH, index=True)
    valid_from: date
    valid_to: date | None = None


class ClusterMemberRow(SQLModel, table=True):
    """A commune's membership of a cluster over a half-open period."""

    __tablename__ = "cluster_member"

    id: int | None = Field(default=None, primary_key=True)
    cluster_id: str = Field(foreign_key="cluster.id", max_length=ID_LENGTH, index=True)
    commune_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH, index=True)
    valid_from: date
    valid_to: date | None = None


class CadreRow(SQLModel, table=True):
    """A cadre who can be put in charge of units and clusters."""

    __tablename__ = "cadre"

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    full_name: str = Field(max_length=NAME_LENGTH)
    name_key: str = Field(max_length=NAME_LENGTH, index=True)
    gender: str | None = Field(default=None, max_length=8)
    birth_year: int | None = None
    position: str = Field(default="", max_length=NAME_LENGTH)
    workplace: str = Field(default="", max_length=NAME_LENGTH)
    tier: str = Field(max_length=16)
    is_standing: bool = False
    is_committee: bool = False
    is_party_member: bool = False
    phone: str = Field(default="", max_length=PHONE_LENGTH)
    status: str = Field(default="active", max_length=8)
    status_date: date | None = None
    home_unit_id: str | None = Field(default=None, foreign_key="unit.id", max_length=ID_LENGTH)


class AssignmentRow(SQLModel, table=True):
    """A cadre in charge of a unit or a cluster in a role over a half-open period."""

    __tablename__ = "assignment"
    __table_args__ = (
        CheckConstraint("(unit_id IS NULL) <> (cluster_id IS NULL)", name="one_target"),
        # Covering indexes of the coverage: the cadres active on a target in a role (and who they are),
        # and each cadre's active targets, counted without reading the rows.
        Index("ix_assignment_unit_role", "unit_id", "role", "start_date", "end_date", "cadre_id"),
        on_clusters("ix_assignment_cluster_role", "cluster_id", "role", "start_date", "end_date"),
        Index("ix_assignment_cadre_period", "cadre_id", "start_date", "end_date", "unit_id", "cluster_id"),
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    cadre_id: str = Field(foreign_key="cadre.id", max_length=ID_LENGTH)
    unit_id: str | None = Field(default=None, foreign_key="unit.id", max_length=ID_LENGTH)
    cluster_id: str | None = Field(default=None, foreign_key="cluster.id", max_length=ID_LENGTH)
    role: str = Field(max_length=NAME_LENGTH)
    start_date: date
    end_date: date | None = None
    decision_number: str = Field(default="", max_length=DECISION_LENGTH)
    decision_date: date | None = None
    note: str = Field(default="", max_length=NOTE_LENGTH)
    end_reason: str = Field(default="", max_length=NOTE_LENGTH)


class GraspRuleRow(SQLModel, table=True):
    """A grasp rule of this database's preset."""

    __tablename__ = "grasp_rule"
    __table_args__ = (UniqueConstraint("target_level", "role", name="uq_grasp_rule_level_role"),)

    id: int | None = Field(default=None, primary_key=True)
    target_level: str = Field(max_length=16)
    role: str = Field(max_length=NAME_LENGTH)
    tiers: str = Field(max_length=100)
    flags: str = Field(default="", max_length=100)
    minimum: int = 1
    any_tier_flags: str = Field(default="", max_length=100)


class HolidayOverrideRow(SQLModel, table=True):
    """The clerk's entry in the holiday table for one day: an extra day off or a swapped working day."""

    __tablename__ = "holiday_override"

    day: date = Field(primary_key=True)
    kind: str = Field(max_length=16)
    name: str = Field(default="", max_length=NAME_LENGTH)


class MeetingRow(SQLModel, table=True):
    """A meeting or training over [starts_at, ends_at), in local time."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_period", "starts_at", "ends_at"),)

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    title: str = Field(max_length=TITLE_LENGTH)
    organizer: str = Field(default="", max_length=NAME_LENGTH)
    starts_at: datetime = Field(sa_type=DateTime)  # naive local (Vietnam) wall-clock time
    ends_at: datetime = Field(sa_type=DateTime)
    place: str = Field(default="", max_length=TITLE_LENGTH)
    category: str = Field(max_length=32)
    reason: str = Field(default="", max_length=NOTE_LENGTH)


class MeetingAttendeeRow(SQLModel, table=True):
    """A cadre expected at a meeting."""

    __tablename__ = "meeting_attendee"

    meeting_id: str = Field(foreign_key="meeting.id", primary_key=True, max_length=ID_LENGTH)
    cadre_id: str = Field(foreign_key="cadre.id", primary_key=True, max_length=ID_LENGTH, index=True)


class BaseVisitRow(SQLModel, table=True):
    """A planned base-day visit: a cadre goes to a unit or cluster they are in charge of on a free day."""

    __tablename__ = "base_visit"
    __table_args__ = (
        CheckConstraint("(unit_id IS NULL) <> (cluster_id IS NULL)", name="one_target"),
        Index("ix_base_visit_day_cadre", "day", "cadre_id"),
        # The visits planned at the places of a report's area, read place by place.
        Index("ix_base_visit_unit_day", "unit_id", "day"),
        on_clusters("ix_base_visit_cluster_day", "cluster_id", "day"),
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    day: date
    cadre_id: str = Field(foreign_key="cadre.id", max_length=ID_LENGTH, index=True)
    unit_id: str | None = Field(default=None, foreign_key="unit.id", max_length=ID_LENGTH)
    cluster_id: str | None = Field(default=None, foreign_key="cluster.id", max_length=ID_LENGTH)
    note: str = Field(default="", max_length=NOTE_LENGTH)


class ActivityRow(SQLModel, table=True):
    """A cadre's activity at a unit or cluster on a day; `visit_id` the planned base-day visit it fulfils."""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("(unit_id IS NULL) <> (cluster_id IS NULL)", name="one_target"),
        # The list filters (newest first, by cadre, under a unit or a cluster) and the attendance counts
        # (the meetings of a kind in a period, counted per cadre without reading the rows).
        Index("ix_activity_day", "day"),
        Index("ix_activity_cadre_day", "cadre_id", "day"),
        Index("ix_activity_unit_day", "unit_id", "day"),
        on_clusters("ix_activity_cluster_day", "cluster_id", "day"),
        Index("ix_activity_kind_day", "kind", "day", "cadre_id"),
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    cadre_id: str = Field(foreign_key="cadre.id", max_length=ID_LENGTH)
    unit_id: str | None = Field(default=None, foreign_key="unit.id", max_length=ID_LENGTH)
    cluster_id: str | None = Field(default=None, foreign_key="cluster.id", max_length=ID_LENGTH)
    kind: str = Field(max_length=32)
    day: date
    duration_minutes: int = 0
    notes: str = Field(default="", max_length=NOTE_LENGTH)
    visit_id: str | None = Field(
        default=None, foreign_key="base_visit.id", ondelete="SET NULL", max_length=ID_LENGTH, index=True
    )


class RecommendationRow(SQLModel, table=True):
    """A residents' recommendation raised at a unit through a cadre, with the days of its steps."""

    __tablename__ = "recommendation"
    __table_args__ = (
        Index("ix_recommendation_raised", "raised_on"),
        Index("ix_recommendation_unit_raised", "unit_id", "raised_on"),
        Index("ix_recommendation_cadre_raised", "cadre_id", "raised_on"),
        Index("ix_recommendation_status_due", "status", "due"),
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    unit_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH)
    cadre_id: str = Field(foreign_key="cadre.id", max_length=ID_LENGTH)
    raised_on: date
    content: str = Field(max_length=CONTENT_LENGTH)
    field: str = Field(max_length=32)
    due: date | None = None
    status: str = Field(max_length=16)
    forwarded_to: str = Field(default="", max_length=NAME_LENGTH)
    forwarded_on: date | None = None
    answered_on: date | None = None
    answer: str = Field(default="", max_length=CONTENT_LENGTH)
    resolved_on: date | None = None
    closed_on: date | None = None


class RecommendationChangeRow(SQLModel, table=True):
    """A step in a recommendation's history (old_status NULL: its raising), in the order taken."""

    __tablename__ = "recommendation_change"

    id: int | None = Field(default=None, primary_key=True)
    recommendation_id: str = Field(foreign_key="recommendation.id", max_length=ID_LENGTH, index=True)
    day: date
    old_status: str | None = Field(default=None, max_length=16)
    new_status: str = Field(max_length=16)
    note: str = Field(default="", max_length=NOTE_LENGTH)


class RatingRow(SQLModel, table=True):
    """The quality grade of a commune or hamlet for a year (quarter 0) or one of its quarters."""

    __tablename__ = "rating"
    __table_args__ = (
        CheckConstraint("quarter BETWEEN 0 AND 4", name="quarter"),
        UniqueConstraint("unit_id", "year", "quarter", name="uq_rating_unit_period"),
        Index("ix_rating_period", "year", "quarter", "unit_id", "grade"),
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    unit_id: str = Field(foreign_key="unit.id", max_length=ID_LENGTH)
    year: int
    quarter: int = 0
    grade: str = Field(max_length=16)
    score: float | None = None
    note: str = Field(default="", max_length=NOTE_LENGTH)


class ReportRow(SQLModel, table=True):
    """A quarterly report: a draft the clerk edits, or an issued one with its number (read-only).

    `scope_id` is the cluster (kind "cluster") or the district or province (kind "area") it covers; an issued
    report's number is unique for its symbol within its term (`term_start`, the term's first year).
    """

    __tablename__ = "report"
    __table_args__ = (
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter"),
        UniqueConstraint("symbol", "term_start", "number", name="uq_report_number"),
        Index("ix_report_period", "year", "quarter"),
    )

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    kind: str = Field(max_length=16)
    scope_id: str = Field(max_length=ID_LENGTH)
    year: int
    quarter: int
    status: str = Field(max_length=8)
    number: int | None = None
    term_start: int | None = None
    symbol: str = Field(default="", max_length=40)
    place: str = Field(default="", max_length=NAME_LENGTH)
    issued_on: date
    higher_body: str = Field(default="", max_length=NAME_LENGTH)
    issuing_body: str = Field(default="", max_length=NAME_LENGTH)
    subject: str = Field(default="", max_length=500)
    situation: str = Field(default="", max_length=20000)
    results: str = Field(default="", max_length=20000)
    assessment: str = Field(default="", max_length=20000)
    next_tasks: str = Field(default="", max_length=20000)
    proposals: str = Field(default="", max_length=20000)
    recipients: str = Field(default="", max_length=8000)  # one a line
    signer_capacity: str = Field(default="", max_length=NAME_LENGTH)
    signer_title: str = Field(default="", max_length=NAME_LENGTH)
    signer_name: str = Field(default="", max_length=NAME_LENGTH)
    created_at: datetime = Field(sa_type=DateTime)
    updated_at: datetime = Field(sa_type=DateTime)
