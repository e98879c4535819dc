"""Meetings and trainings: what is refused on a meeting-free day, and what is only worth a warning."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from grassroots_app.domain.calendar import FreeDay, FreeDayPolicy, HolidayTable, MeetingCategory
from grassroots_app.domain.errors import N_, DomainError, InvalidInput, Labelled, RuleViolation, register_labels
from grassroots_app.domain.formats import format_date, format_time, format_time_and_date
from grassroots_app.domain.text import NAME_LENGTH, NOTE_LENGTH, TITLE_LENGTH, TextField, clean_text

MAX_DURATION_MINUTES = 14 * 24 * 60  # a training may last days, not weeks


class WarningKind(str, Labelled):
    """Why a meeting deserves a second look (it is not refused)."""

    DOUBLE_BOOKED = "double_booked"
    HOLIDAY = "holiday"
    WEEKEND = "weekend"


register_labels(
    [
        (WarningKind.DOUBLE_BOOKED, N_("attendee double-booked")),
        (WarningKind.HOLIDAY, N_("on a public holiday")),
        (WarningKind.WEEKEND, N_("on a weekend")),
    ]
)


@dataclass(frozen=True)
class Meeting:
    """A meeting or training of the committee or an agency, over [start, start + duration)."""

    id: str
    title: str
    start: datetime
    duration_minutes: int
    category: MeetingCategory
    organizer: str = ""
    place: str = ""
    attendee_ids: tuple[str, ...] = ()
    reason: str = ""

    @property
    def end(self) -> datetime:
        """Return the first moment after the meeting."""
        return self.start + timedelta(minutes=self.duration_minutes)

    def days(self) -> list[date]:
        """Return the days the meeting takes place on."""
        last = (self.end - timedelta(microseconds=1)).date()
        return [self.start.date() + timedelta(days=n) for n in range((last - self.start.date()).days + 1)]

    def overlaps(self, other: Meeting) -> bool:
        """Return whether the two meetings share some time."""
        return self.start < other.end and other.start < self.end


def when(meeting: Meeting) -> str:
    """Return the meeting's time as shown: '08:00–10:00 09/06/2026', or both ends when it spans days."""
    start, end = meeting.start, meeting.end
    if start.date() == (end - timedelta(microseconds=1)).date():
        return f"{format_time(start)}–{format_time(end)} {format_date(start.date())}"
    return f"{format_time_and_date(start)} – {format_time_and_date(end)}"


def clean_meeting(meeting: Meeting, draft: bool = False) -> Meeting:
    """Return the meeting with its text normalized and attendees listed once (by id), or refuse bad fields
    (a draft, still being entered, may lack its title)."""
    title = clean_text(meeting.title, TITLE_LENGTH, TextField.TITLE)
    if not title and not draft:
        raise InvalidInput(N_("A meeting needs a title."))
    if not 1 <= meeting.duration_minutes <= MAX_DURATION_MINUTES:
        raise InvalidInput(
            N_("The duration must be between 1 and {most} minutes."), most=MAX_DURATION_MINUTES
        )
    return replace(
        meeting,
        title=title,
        start=meeting.start.replace(second=0, microsecond=0, tzinfo=None),
        category=MeetingCategory(meeting.category),
        organizer=clean_text(meeting.organizer, NAME_LENGTH, TextField.ORGANIZER),
        place=clean_text(meeting.place, TITLE_LENGTH, TextField.PLACE),
        attendee_ids=tuple(sorted({item for item in meeting.attendee_ids if item})),
        reason=clean_text(meeting.reason, NOTE_LENGTH, TextField.REASON),
    )


def check_meeting(meeting: Meeting, free_days: Iterable[FreeDay], policy: FreeDayPolicy) -> Meeting:
    """Return the cleaned meeting, or refuse one on a meeting-free day unless its category is allowed there.

    An allowed category still needs the reason, which is kept with the meeting.
    """
    meeting = clean_meeting(meeting)
    free = {free_day.day: free_day for free_day in free_days}
    touched = [free[day] for day in meeting.days() if day in free]
    if not touched:
        return meeting
    shown = format_date(touched[0].day)
    if meeting.category not in policy.allowed:
        if not policy.allowed:
            raise RuleViolation(N_("{day} is a meeting-free day: no meeting can be held on it."), day=shown)
        raise RuleViolation(
            N_("{day} is a meeting-free day: a {category} cannot be held on it; only a {allowed} can, "
               "with a reason."),
            day=shown,
            category=meeting.category,
            allowed=tuple(sorted(policy.allowed, key=lambda item: item.value)),
        )
    if not meeting.reason:
        raise RuleViolation(
            N_("{day} is a meeting-free day: give the reason for holding this {category} on it."),
            day=shown,
            category=meeting.category,
        )
    return meeting


@dataclass(frozen=True)
class MeetingWarning:
    """A warning about a meeting: its kind, the day, and an English message template with its values."""

    kind: WarningKind
    meeting_id: str
    day: date
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    cadre_id: str | None = None
    other_meeting_id: str | None = None

    def render(self, translate: Callable[[str], str]) -> str:
        """Return the message with the template and values passed through `translate`."""
        return DomainError(self.template, **self.params).render(translate)


def _double_bookings(
    meeting: Meeting, other: Meeting, names: Mapping[str, str]
) -> list[MeetingWarning]:
    if other.id == meeting.id or not meeting.overlaps(other):
        return []
    shared = [cadre for cadre in meeting.attendee_ids if cadre in set(other.attendee_ids)]
    day = max(meeting.start, other.start).date()
    return [
        MeetingWarning(
            WarningKind.DOUBLE_BOOKED,
            meeting.id,
            day,
            N_("{name} is already expected at '{other}' ({when})."),
            {"name": names.get(cadre, cadre), "other": other.title, "when": when(other)},
            cadre_id=cadre,
            other_meeting_id=other.id,
        )
        for cadre in shared
    ]


def _day_warnings(meeting: Meeting, table: HolidayTable) -> list[MeetingWarning]:
    warnings = []
    for day in meeting.days():
        shown = format_date(day)
        holiday = table.holiday(day)
        if holiday is not None:
            warnings.append(MeetingWarning(
                WarningKind.HOLIDAY, meeting.id, day,
                N_("{day} is a public holiday or day off: {holiday}."), {"day": shown, "holiday": holiday},
            ))
        elif table.is_weekend(day) and not table.is_working_day(day):
            warnings.append(MeetingWarning(
                WarningKind.WEEKEND, meeting.id, day, N_("{day} falls on a weekend."), {"day": shown}
            ))
    return warnings


def meeting_warnings(
    meeting: Meeting,
    others: Iterable[Meeting],
    table: HolidayTable,
    names: Mapping[str, str] | None = None,
) -> list[MeetingWarning]:
    """Return the warnings on a meeting: attendees already in another meeting then, a holiday, a weekend."""
    names = names or {}
    warnings = _day_warnings(meeting, table)
    for other in sorted(others, key=lambda item: (item.start, item.id)):
        warnings += _double_bookings(meeting, other, names)
    return warnings


def all_conflicts(
    meetings: Iterable[Meeting], table: HolidayTable, names: Mapping[str, str] | None = None
) -> list[MeetingWarning]:
    """Return the warnings on a set of meetings, each double booking once (on the later-starting one)."""
    ordered = sorted(meetings, key=lambda item: (item.start, item.id))
    names = names or {}
    warnings: list[MeetingWarning] = []
    for index, meeting in enumerate(ordered):
        warnings += _day_warnings(meeting, table)
        for earlier in ordered[:index]:
            warnings += _double_bookings(meeting, earlier, names)
    return sorted(warnings, key=lambda warning: warning.day)
