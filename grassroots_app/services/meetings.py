"""Use cases on meetings: record, edit and delete them under the meeting-free day rule, and list them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.errors import N_, DomainError, NotFound
from grassroots_app.domain.meetings import (
    Meeting,
    MeetingWarning,
    check_meeting,
    clean_meeting,
    meeting_warnings,
)
from grassroots_app.domain.model import new_id
from grassroots_app.domain.text import person_sort_key
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.setup import require_settings


@dataclass(frozen=True)
class MeetingView:
    """A meeting as shown: its attendees as (id, full name) sorted by given name, and its warnings."""

    meeting: Meeting
    attendees: tuple[tuple[str, str], ...]
    warnings: tuple[MeetingWarning, ...] = ()


def _span(meeting: Meeting) -> tuple[date, date]:
    days = meeting.days()
    return days[0], days[-1] + timedelta(days=1)


def _views(uow: UnitOfWork, meetings: list[Meeting], others: list[Meeting]) -> list[MeetingView]:
    """Return the meetings with attendee names and their warnings against the others."""
    if not meetings:
        return []
    cadre_ids = sorted({cadre for item in [*meetings, *others] for cadre in item.attendee_ids})
    names = uow.calendar_queries.names(cadre_ids)
    first = min(item.start for item in meetings).date()
    last = max(item.end for item in meetings).date() + timedelta(days=1)
    table = calendar.holiday_table(uow, first, last)
    views = []
    for meeting in meetings:
        attendees = sorted(
            ((cadre, names.get(cadre, cadre)) for cadre in meeting.attendee_ids),
            key=lambda pair: person_sort_key(pair[1]),
        )
        warnings = meeting_warnings(meeting, others, table, names)
        views.append(MeetingView(meeting, tuple(attendees), tuple(warnings)))
    return views


def check_draft(uow: UnitOfWork, meeting: Meeting) -> MeetingView:
    """Return the cleaned meeting with its warnings, or refuse it, without storing anything."""
    require_settings(uow)
    meeting = clean_meeting(meeting)
    for cadre_id in meeting.attendee_ids:
        get_cadre(uow, cadre_id)
    start, end = _span(meeting)
    checked = check_meeting(
        meeting, calendar.free_days_between(uow, start, end), calendar.calendar_policy(uow)
    )
    return _checked_view(uow, checked)


def _checked_view(uow: UnitOfWork, meeting: Meeting) -> MeetingView:
    """Return a checked meeting as shown, with its warnings against the meetings stored at the same time."""
    others = [item for item in uow.meetings.between(meeting.start, meeting.end) if item.id != meeting.id]
    return _views(uow, [meeting], others)[0]


def draft_warnings(uow: UnitOfWork, meeting: Meeting) -> tuple[MeetingWarning, ...]:
    """Return the warnings on a meeting being entered (double bookings, holidays, weekends), whatever its title,
    category and reason; none while another field is refused or on a day when no meeting may be held."""
    try:
        require_settings(uow)
        draft = clean_meeting(meeting, draft=True)
        for cadre_id in draft.attendee_ids:
            get_cadre(uow, cadre_id)
    except DomainError:
        return ()
    start, end = _span(draft)
    if not calendar.calendar_policy(uow).allowed and calendar.free_days_between(uow, start, end):
        return ()
    return _checked_view(uow, draft).warnings


def add_meeting(uow: UnitOfWork, meeting: Meeting) -> MeetingView:
    """Record a meeting (the id given is replaced), refused on a meeting-free day unless allowed there.

    The result carries the warnings: attendees already in another meeting then, a holiday, a weekend.
    """
    view = check_draft(uow, replace(meeting, id=new_id()))
    uow.meetings.add(view.meeting)
    uow.commit()
    return view


def _stored(uow: UnitOfWork, meeting_id: str) -> Meeting:
    meeting = uow.meetings.get(meeting_id)
    if meeting is None:
        raise NotFound(N_("No meeting has the id '{id}'."), id=meeting_id)
    return meeting


def get_meeting(uow: UnitOfWork, meeting_id: str) -> MeetingView:
    """Return the meeting with that id, with its attendees' names and its warnings."""
    meeting = _stored(uow, meeting_id)
    others = [item for item in uow.meetings.between(meeting.start, meeting.end) if item.id != meeting.id]
    return _views(uow, [meeting], others)[0]


def edit_meeting(uow: UnitOfWork, meeting: Meeting) -> MeetingView:
    """Store a meeting's new fields under the same rule as a new one."""
    _stored(uow, meeting.id)
    view = check_draft(uow, meeting)
    uow.meetings.update(view.meeting)
    uow.commit()
    return view


def delete_meeting(uow: UnitOfWork, meeting_id: str) -> Meeting:
    """Delete a meeting; return what it was."""
    meeting = _stored(uow, meeting_id)
    uow.meetings.remove(meeting_id)
    uow.commit()
    return meeting


def meetings_between(
    uow: UnitOfWork, start: date, end: date, cadre_id: str | None = None
) -> list[MeetingView]:
    """Return the meetings taking place on the days in [start, end), by start (only a cadre's, if given)."""
    first, last = datetime.combine(start, time()), datetime.combine(end, time())
    meetings = uow.meetings.between(first, last, cadre_id)
    if not meetings:
        return []
    wider = uow.meetings.between(min(m.start for m in meetings), max(m.end for m in meetings))
    return _views(uow, meetings, wider)


def meetings_on(uow: UnitOfWork, day: date) -> list[MeetingView]:
    """Return the meetings taking place on a day."""
    return meetings_between(uow, day, day + timedelta(days=1))


def meetings_of_month(
    uow: UnitOfWork, year: int, month: int, cadre_id: str | None = None
) -> list[MeetingView]:
    """Return the meetings of a month."""
    return meetings_between(uow, *rule.month_span(year, month), cadre_id)
