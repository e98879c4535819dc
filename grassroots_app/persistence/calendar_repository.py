"""Repositories of the calendar: its settings, the clerk's holiday overrides, meetings, base-day visits."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from grassroots_app.domain.base_plan import Visit
from grassroots_app.domain.calendar import DayKind, FreeDayPolicy, HolidayOverride, MeetingCategory, Shift
from grassroots_app.domain.meetings import Meeting
from grassroots_app.domain.model import Level, Period
from grassroots_app.persistence.activity_repository import ActivityRepository
from grassroots_app.persistence.tables import (
    AssignmentRow,
    BaseVisitRow,
    CadreRow,
    ClusterRow,
    HolidayOverrideRow,
    MeetingAttendeeRow,
    MeetingRow,
    SettingRow,
    UnitRow,
)
from grassroots_app.persistence.temporal import overlapping

PREFIX = "calendar."


class CalendarSettingsRepository:
    """The meeting-free day policy, kept in the `setting` table under `calendar.*` keys."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> FreeDayPolicy:
        """Return the stored policy, with the defaults for anything not stored."""
        rows = self.session.exec(select(SettingRow).where(col(SettingRow.key).startswith(PREFIX)))
        values = {row.key.removeprefix(PREFIX): json.loads(row.value) for row in rows}
        default = FreeDayPolicy()
        return FreeDayPolicy(
            days=tuple(values.get("days", default.days)),
            shift=Shift(values.get("shift", default.shift.value)),
            allowed=frozenset(MeetingCategory(item) for item in values.get("allowed", default.allowed)),
            visits_per_quarter=int(values.get("visits_per_quarter", default.visits_per_quarter)),
        )

    def save(self, policy: FreeDayPolicy) -> None:
        """Store every field of the policy."""
        values = {
            "days": list(policy.days),
            "shift": policy.shift.value,
            "allowed": sorted(item.value for item in policy.allowed),
            "visits_per_quarter": policy.visits_per_quarter,
        }
        for key, value in values.items():
            self.session.merge(SettingRow(key=PREFIX + key, value=json.dumps(value)))
        self.session.flush()


class HolidayOverrideRepository:
    """The clerk's edits of the holiday table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def between(self, start: date, end: date) -> list[HolidayOverride]:
        """Return the overrides of the days in [start, end), by day."""
        query = (
            select(HolidayOverrideRow)
            .where(HolidayOverrideRow.day >= start, HolidayOverrideRow.day < end)
            .order_by(col(HolidayOverrideRow.day))
        )
        return [HolidayOverride(row.day, DayKind(row.kind), row.name) for row in self.session.exec(query)]

    def put(self, override: HolidayOverride) -> None:
        """Store (or replace) the override of a day."""
        self.session.merge(HolidayOverrideRow(day=override.day, kind=override.kind.value, name=override.name))
        self.session.flush()

    def remove(self, day: date) -> bool:
        """Remove the override of a day; return whether there was one."""
        row = self.session.get(HolidayOverrideRow, day)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True


class MeetingRepository:
    """Meetings and their attendees."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _attendees(self, meeting_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        if not meeting_ids:
            return found
        query = (
            select(MeetingAttendeeRow)
            .where(col(MeetingAttendeeRow.meeting_id).in_(meeting_ids))
            .order_by(col(MeetingAttendeeRow.meeting_id))
        )
        for row in self.session.exec(query):
            found[row.meeting_id].append(row.cadre_id)
        return found

    def _meetings(self, rows: list[MeetingRow]) -> list[Meeting]:
        attendees = self._attendees([row.id for row in rows])
        return [
            Meeting(
                id=row.id,
                title=row.title,
                start=row.starts_at,
                duration_minutes=round((row.ends_at - row.starts_at).total_seconds() / 60),
                category=MeetingCategory(row.category),
                organizer=row.organizer,
                place=row.place,
                attendee_ids=tuple(sorted(attendees.get(row.id, []))),
                reason=row.reason,
            )
            for row in rows
        ]

    def get(self, meeting_id: str) -> Meeting | None:
        """Return the meeting with that id."""
        row = self.session.get(MeetingRow, meeting_id)
        return self._meetings([row])[0] if row else None

    def _write(self, meeting: Meeting, row: MeetingRow) -> None:
        row.title = meeting.title
        row.organizer = meeting.organizer
        row.starts_at = meeting.start
        row.ends_at = meeting.end
        row.place = meeting.place
        row.category = meeting.category.value
        row.reason = meeting.reason
        self.session.add(row)
        self.session.flush()
        wanted = set(meeting.attendee_ids)
        current = {
            attendee.cadre_id: attendee
            for attendee in self.session.exec(
                select(MeetingAttendeeRow).where(MeetingAttendeeRow.meeting_id == meeting.id)
            )
        }
        for cadre_id, attendee in current.items():
            if cadre_id not in wanted:
                self.session.delete(attendee)
        self.session.add_all(
            MeetingAttendeeRow(meeting_id=meeting.id, cadre_id=cadre_id)
            for cadre_id in meeting.attendee_ids
            if cadre_id not in current
        )
        self.session.flush()

    def add(self, meeting: Meeting) -> None:
        """Store a new meeting and its attendees."""
        row = MeetingRow(
            id=meeting.id, title=meeting.title, starts_at=meeting.start, ends_at=meeting.end,
            category=meeting.category.value,
        )
        self._write(meeting, row)

    def update(self, meeting: Meeting) -> None:
        """Store a meeting's edited fields and attendees."""
        self._write(meeting, self.session.get_one(MeetingRow, meeting.id))

    def remove(self, meeting_id: str) -> None:
        """Delete a meeting and its attendees."""
        for attendee in self.session.exec(
            select(MeetingAttendeeRow).where(MeetingAttendeeRow.meeting_id == meeting_id)
        ):
            self.session.delete(attendee)
        self.session.flush()
        self.session.delete(self.session.get_one(MeetingRow, meeting_id))
        self.session.flush()

    def between(self, start: datetime, end: datetime, cadre_id: str | None = None) -> list[Meeting]:
        """Return the meetings sharing some time with [start, end), by start (only a cadre's, if given)."""
        query = select(MeetingRow).where(MeetingRow.starts_at < end, MeetingRow.ends_at > start)
        if cadre_id is not None:
            theirs = select(MeetingAttendeeRow.meeting_id).where(MeetingAttendeeRow.cadre_id == cadre_id)
            query = query.where(col(MeetingRow.id).in_(theirs))
        rows = list(self.session.exec(query.order_by(col(MeetingRow.starts_at), col(MeetingRow.id))))
        return self._meetings(rows)


class BaseVisitRepository:
    """Planned base-day visits."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def _visit(row: BaseVisitRow) -> Visit:
        target = row.unit_id or row.cluster_id
        assert target is not None
        return Visit(row.day, row.cadre_id, target, row.id, row.note)

    def get(self, visit_id: str) -> Visit | None:
        """Return the visit with that id."""
        row = self.session.get(BaseVisitRow, visit_id)
        return self._visit(row) if row else None

    def between(self, start: date, end: date, cadre_id: str | None = None) -> list[Visit]:
        """Return the visits on the days in [start, end), by day and cadre (only a cadre's, if given)."""
        query = select(BaseVisitRow).where(BaseVisitRow.day >= start, BaseVisitRow.day < end)
        if cadre_id is not None:
            query = query.where(BaseVisitRow.cadre_id == cadre_id)
        query = query.order_by(col(BaseVisitRow.day), col(BaseVisitRow.cadre_id), col(BaseVisitRow.id))
        return [self._visit(row) for row in self.session.exec(query)]

    def counts_by_day(self, start: date, end: date) -> dict[date, int]:
        """Return how many visits are planned on each day of [start, end) that has some."""
        query = (
            select(col(BaseVisitRow.day), func.count())
            .where(col(BaseVisitRow.day) >= start, col(BaseVisitRow.day) < end)
            .group_by(col(BaseVisitRow.day))
        )
        return dict(self.session.exec(query).all())

    def _place(self, visit: Visit, row: BaseVisitRow) -> None:
        is_cluster = self.session.get(ClusterRow, visit.target_id) is not None
        row.day = visit.day
        row.cadre_id = visit.cadre_id
        row.unit_id = None if is_cluster else visit.target_id
        row.cluster_id = visit.target_id if is_cluster else None
        row.note = visit.note
        self.session.add(row)

    def add_all(self, visits: list[Visit]) -> None:
        """Store new visits (each with its id)."""
        for visit in visits:
            self._place(visit, BaseVisitRow(id=visit.id, day=visit.day, cadre_id=visit.cadre_id))
        self.session.flush()

    def update(self, visit: Visit) -> None:
        """Store a visit's edited fields (the activities it no longer matches are unlinked from it)."""
        ActivityRepository(self.session).release_visits([visit.id], kept=visit)
        self._place(visit, self.session.get_one(BaseVisitRow, visit.id))
        self.session.flush()

    def remove(self, visit_id: str) -> None:
        """Delete a visit (the activities that fulfilled it stay, unlinked)."""
        ActivityRepository(self.session).release_visits([visit_id])
        self.session.delete(self.session.get_one(BaseVisitRow, visit_id))
        self.session.flush()

    def remove_between(self, start: date, end: date) -> int:
        """Delete the visits on the days in [start, end); return how many."""
        query = select(BaseVisitRow).where(BaseVisitRow.day >= start, BaseVisitRow.day < end)
        rows = list(self.session.exec(query))
        ActivityRepository(self.session).release_visits([row.id for row in rows])
        for row in rows:
            self.session.delete(row)
        self.session.flush()
        return len(rows)


class CalendarQueries:
    """What the base-day plans read: the assignments and the targets of a span of days."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def assignments_between(self, start: date, end: date) -> list[tuple[str, str, Period]]:
        """Return the assignments holding on some day of [start, end) as (cadre, target, period)."""
        query = select(AssignmentRow).where(overlapping(AssignmentRow.start_date, AssignmentRow.end_date, start, end))
        found = []
        for row in self.session.exec(query.order_by(col(AssignmentRow.start_date), col(AssignmentRow.id))):
            target = row.unit_id or row.cluster_id
            assert target is not None
            found.append((row.cadre_id, target, Period(row.start_date, row.end_date)))
        return found

    def targets_between(self, start: date, end: date, levels: set[Level]) -> list[tuple[str, Level, Period]]:
        """Return the units of the levels (and clusters, if asked) open on some day of [start, end)."""
        found: list[tuple[str, Level, Period]] = []
        unit_levels = [level.value for level in levels if level is not Level.CLUSTER]
        if unit_levels:
            units = select(col(UnitRow.id), col(UnitRow.level), col(UnitRow.valid_from), col(UnitRow.valid_to)).where(
                col(UnitRow.level).in_(unit_levels),
                overlapping(UnitRow.valid_from, UnitRow.valid_to, start, end),
            )
            found += [(i, Level(lv), Period(a, b)) for i, lv, a, b in self.session.exec(units)]
        if Level.CLUSTER in levels:
            clusters = select(col(ClusterRow.id), col(ClusterRow.valid_from), col(ClusterRow.valid_to)).where(
                overlapping(ClusterRow.valid_from, ClusterRow.valid_to, start, end)
            )
            found += [(i, Level.CLUSTER, Period(a, b)) for i, a, b in self.session.exec(clusters)]
        return found

    def names(self, ids: list[str]) -> dict[str, str]:
        """Return the names of units, clusters or cadres by id."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            batch = ids[start:start + 500]
            for table in (UnitRow, ClusterRow):
                query = select(table.id, table.name).where(col(table.id).in_(batch))
                found.update(dict(self.session.exec(query).all()))
            query = select(CadreRow.id, CadreRow.full_name).where(col(CadreRow.id).in_(batch))
            found.update(dict(self.session.exec(query).all()))
        return found
