"""Read side of the calendar for a month grid: each day's free day, holiday, meetings and visits.

The window's month view reads `month_overview` (its conflicts too), a day's pane `day_details`; neither
writes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.calendar import FreeDay, HolidayEntry, HolidayTable
from grassroots_app.domain.meetings import Meeting, MeetingWarning, all_conflicts
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar, meetings, plans
from grassroots_app.services.meetings import MeetingView
from grassroots_app.services.plans import PlannedVisit


@dataclass(frozen=True)
class Conflict:
    """A warning about a meeting, with the meeting it is about."""

    meeting: Meeting
    warning: MeetingWarning


@dataclass(frozen=True)
class DayCell:
    """One cell of the month grid."""

    day: date
    in_month: bool
    free_day: FreeDay | None
    holiday: HolidayEntry | None  # a day off or a swapped working day, from the package or the clerk
    working: bool
    weekend: bool
    meetings: tuple[Meeting, ...]
    visits: int
    conflicts: int


@dataclass(frozen=True)
class MonthOverview:
    """A month as whole weeks, Monday first (days of the neighbouring months have in_month False)."""

    year: int
    month: int
    weeks: tuple[tuple[DayCell, ...], ...]
    free_days: tuple[FreeDay, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def days(self) -> list[DayCell]:
        """Return the cells of the month's own days."""
        return [cell for week in self.weeks for cell in week if cell.in_month]


@dataclass(frozen=True)
class DayDetails:
    """Everything about one day: the free day, the holiday entry, the meetings, the planned visits."""

    day: date
    free_day: FreeDay | None
    holiday: HolidayEntry | None
    working: bool
    weekend: bool
    meetings: tuple[MeetingView, ...]
    visits: tuple[PlannedVisit, ...]
    conflicts: tuple[Conflict, ...]


def _conflicts(uow: UnitOfWork, start: date, end: date, table: HolidayTable) -> list[Conflict]:
    found = uow.meetings.between(datetime.combine(start, time()), datetime.combine(end, time()))
    names = uow.calendar_queries.names(sorted({c for meeting in found for c in meeting.attendee_ids}))
    by_id = {meeting.id: meeting for meeting in found}
    return [
        Conflict(by_id[warning.meeting_id], warning)
        for warning in all_conflicts(found, table, names)
        if start <= warning.day < end
    ]


def month_overview(uow: UnitOfWork, year: int, month: int) -> MonthOverview:
    """Return the month grid: whole weeks from Monday, each day with what the calendar holds on it."""
    first, after = rule.month_span(year, month)
    start = first - timedelta(days=first.weekday())
    end = after + timedelta(days=(7 - after.weekday()) % 7)
    table = calendar.holiday_table(uow, start, end)
    free = {f.day: f for f in rule.free_days_between(start, end, calendar.calendar_policy(uow), table)}
    found = uow.meetings.between(datetime.combine(start, time()), datetime.combine(end, time()))
    visits = uow.base_visits.counts_by_day(start, end)
    conflicts = _conflicts(uow, start, end, table)
    per_day = Counter(conflict.warning.day for conflict in conflicts)
    cells = []
    for offset in range((end - start).days):
        day = start + timedelta(days=offset)
        cells.append(DayCell(
            day, first <= day < after, free.get(day), table.entry(day), table.is_working_day(day),
            table.is_weekend(day), tuple(m for m in found if day in m.days()), visits.get(day, 0), per_day[day],
        ))
    weeks = tuple(tuple(cells[index:index + 7]) for index in range(0, len(cells), 7))
    in_month = tuple(f for day, f in sorted(free.items()) if first <= day < after)
    own = tuple(c for c in conflicts if first <= c.warning.day < after)
    return MonthOverview(year, month, weeks, in_month, own)


def day_details(uow: UnitOfWork, day: date) -> DayDetails:
    """Return everything about one day."""
    after = day + timedelta(days=1)
    table = calendar.holiday_table(uow, day, after)
    free = rule.free_day_on(day, calendar.calendar_policy(uow), table)
    visits = tuple(plans.visits_between(uow, day, after))
    return DayDetails(
        day, free, table.entry(day), table.is_working_day(day), table.is_weekend(day),
        tuple(meetings.meetings_on(uow, day)), visits, tuple(_conflicts(uow, day, after, table)),
    )
