"""Export the calendar as iCalendar (RFC 5545): the meeting-free days and the meetings.

For everyone: an all-day event per meeting-free day and a timed event per meeting. For one cadre: their
meetings, and each free day with the visits planned for them that day (a plain free day when none).
Meetings are stored in local time; the export names the Asia/Ho_Chi_Minh zone and carries its VTIMEZONE.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from grassroots_app.domain.calendar import FreeDay
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.text import printable
from grassroots_app.persistence.backup_copies import output_guard
from grassroots_app.persistence.files import write_bytes
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar, meetings, plans
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.meetings import MeetingView
from grassroots_app.services.plans import PlannedVisit

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
PRODID = "-//Grassroots//Nam co so//VI"
UID_DOMAIN = "grassroots.local"
Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def _free_day_event(
    free_day: FreeDay, visits: list[PlannedVisit], cadre_id: str | None, translate: Translate, stamp: datetime
) -> icalendar.Event:
    event = icalendar.Event()
    suffix = f"-{cadre_id}" if cadre_id else ""
    event.add("uid", f"free-day-{free_day.day.isoformat()}{suffix}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", free_day.day)
    event.add("dtend", free_day.day + timedelta(days=1))
    if visits:
        places = "; ".join(visit.target_path for visit in visits)
        event.add("summary", translate(N_("Base visit: {places}")).format(places=places))
    else:
        event.add("summary", translate(N_("Meeting-free day")))
    lines = []
    if free_day.moved_from is not None:
        lines.append(translate(N_("Moved from {day}.")).format(day=format_date(free_day.moved_from)))
    if free_day.holiday:
        lines.append(translate(N_("Public holiday: {holiday}.")).format(holiday=free_day.holiday))
    lines += [visit.note for visit in visits if visit.note]
    if lines:
        event.add("description", "\n".join(lines))
    event.add("categories", [translate(N_("Meeting-free day"))])
    event.add("transp", "TRANSPARENT")
    return event


def _meeting_event(view: MeetingView, translate: Translate, stamp: datetime) -> icalendar.Event:
    meeting = view.meeting
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.start.replace(tzinfo=ZONE))
    event.add("dtend", meeting.end.replace(tzinfo=ZONE))
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    category = translate(meeting.category.label)
    lines = [translate(N_("Category: {category}")).format(category=category)]
    if meeting.organizer:
        lines.append(translate(N_("Organizer: {organizer}")).format(organizer=meeting.organizer))
    if view.attendees:
        names = ", ".join(name for _id, name in view.attendees)
        lines.append(translate(N_("Attendees: {names}")).format(names=names))
    if meeting.reason:
        lines.append(translate(N_("Reason: {reason}")).format(reason=meeting.reason))
    event.add("description", "\n".join(lines))
    event.add("categories", [category])
    return event


def build_calendar(
    uow: UnitOfWork,
    start: date,
    end: date,
    cadre_id: str | None = None,
    translate: Translate = _same,
    now: datetime | None = None,
) -> icalendar.Calendar:
    """Return the iCalendar of [start, end): free days and meetings, for everyone or one cadre."""
    if end <= start:
        raise InvalidInput(N_("The end date {end} must come after the start date {start}."),
                           start=format_date(start), end=format_date(end))
    title = translate(N_("Meeting-free days and meetings"))
    if cadre_id is not None:
        title = f"{title} — {get_cadre(uow, cadre_id).full_name}"
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    result = icalendar.Calendar()
    result.add("prodid", PRODID)
    result.add("version", "2.0")
    result.add("calscale", "GREGORIAN")
    result.add("x-wr-calname", title)
    visits: dict[date, list[PlannedVisit]] = defaultdict(list)
    if cadre_id is not None:
        for visit in plans.visits_between(uow, start, end, cadre_id):
            visits[visit.day].append(visit)
    for free_day in calendar.free_days_between(uow, start, end):
        result.add_component(_free_day_event(free_day, visits[free_day.day], cadre_id, translate, stamp))
    for view in meetings.meetings_between(uow, start, end, cadre_id):
        result.add_component(_meeting_event(view, translate, stamp))
    result.add_missing_timezones()
    return result


def export_ics(
    uow: UnitOfWork,
    start: date,
    end: date,
    cadre_id: str | None = None,
    translate: Translate = _same,
    now: datetime | None = None,
) -> bytes:
    """Return the iCalendar file's bytes for [start, end), for everyone or one cadre."""
    return _ical_bytes(build_calendar(uow, start, end, cadre_id, translate, now))


def _ical_bytes(built: icalendar.Calendar) -> bytes:
    """Return a calendar's bytes without the control characters stored text may hold (RFC 5545 forbids them)."""
    return printable(built.to_ical().decode("utf-8")).encode("utf-8")


def write_ics(
    uow: UnitOfWork,
    path: Path,
    start: date,
    end: date,
    cadre_id: str | None = None,
    translate: Translate = _same,
) -> int:
    """Write the iCalendar file; return how many events it holds."""
    guard = output_guard(uow.database)
    target = guard.target(path)
    built = build_calendar(uow, start, end, cadre_id, translate)
    write_bytes(target, guard, _ical_bytes(built))
    return len(built.walk("VEVENT"))
