"""The calendar commands of `grassroots`: the meeting-free days, their .ics export, the meetings."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    ascii_digits,
    emit,
    integer,
    lazy_services,
    parse_day,
    path_text,
    tr,
)
from grassroots_app.domain.calendar import FreeDay, MeetingCategory, year_span
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.meetings import Meeting, when

if TYPE_CHECKING:
    from grassroots_app.services import cadres, calendar, files, meetings, session
    from grassroots_app.services.meetings import MeetingView
    from grassroots_app.services.session import Database
else:
    cadres, calendar, files, meetings, session = lazy_services("cadres", "calendar", "files", "meetings", "session")


def parse_time(text: str) -> time:
    """Parse HH:MM."""
    try:
        return datetime.strptime(ascii_digits(text).strip(), "%H:%M").time()
    except ValueError:
        raise InvalidInput(N_("'{text}' is not a time; write HH:MM."), text=text) from None


def _free_day_json(free_day: FreeDay) -> dict[str, Any]:
    return {
        "date": free_day.day.isoformat(),
        "moved_from": free_day.moved_from.isoformat() if free_day.moved_from else None,
        "holiday": free_day.holiday,
    }


def _free_day_line(free_day: FreeDay) -> str:
    line = f"  {free_day.day:%d/%m/%Y}"
    if free_day.moved_from:
        line += " " + tr("(moved from {day})").format(day=format_date(free_day.moved_from))
    if free_day.holiday:
        line += f" — {free_day.holiday}"
    return line


def cmd_calendar(args: argparse.Namespace, db: Database) -> None:
    """List the meeting-free days of a year or a month, with the holidays on them."""
    year = args.year if args.year is not None else date.today().year
    with session.UnitOfWork(db) as uow:
        if args.month is not None:
            days = calendar.free_days_of_month(uow, year, args.month)
            header = tr("Meeting-free days of {month}/{year}:").format(month=f"{args.month:02d}", year=year)
        else:
            days = calendar.free_days_of_year(uow, year)
            header = tr("Meeting-free days of {year}:").format(year=year)
    lines = [header, *(_free_day_line(free_day) for free_day in days)] if days else [tr("No meeting-free days.")]
    emit(args, {"days": [_free_day_json(free_day) for free_day in days]}, lines)


def cmd_calendar_export(args: argparse.Namespace, db: Database) -> None:
    """Write the meeting-free days and meetings of a year as an iCalendar file."""
    from grassroots_app.services.ics import write_ics

    year = getattr(args, "year", None)
    year = year if year is not None else date.today().year
    with session.UnitOfWork(db) as uow:
        start, end = year_span(year)
        cadre = cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None
        count = write_ics(uow, files.output_target(db, args.out), start, end, cadre, tr)
    print(tr("Wrote {count} events to {path}.").format(count=count, path=args.out))


def _meeting_json(view: MeetingView) -> dict[str, Any]:
    meeting = view.meeting
    return {
        "id": meeting.id, "title": meeting.title, "organizer": meeting.organizer,
        "start": meeting.start.isoformat(timespec="minutes"), "end": meeting.end.isoformat(timespec="minutes"),
        "duration_minutes": meeting.duration_minutes, "place": meeting.place,
        "category": meeting.category.value, "reason": meeting.reason,
        "attendees": [{"id": cadre_id, "name": name} for cadre_id, name in view.attendees],
        "warnings": [{"kind": w.kind.value, "day": w.day.isoformat(), "message": w.render(tr)}
                     for w in view.warnings],
    }


def _warning_lines(view: MeetingView) -> list[str]:
    return [tr("Warning: {message}").format(message=w.render(tr)) for w in view.warnings]


def cmd_meetings_add(args: argparse.Namespace, db: Database) -> None:
    """Record a meeting; refused on a meeting-free day unless its category is allowed there."""
    start = datetime.combine(parse_day(args.on), parse_time(args.at))
    with session.UnitOfWork(db, write=True) as uow:
        attendees = tuple(cadres.resolve_cadre(uow, reference).id for reference in args.attendee or [])
        view = meetings.add_meeting(uow, Meeting(
            "", args.title, start, args.duration, MeetingCategory(args.category), args.organizer, args.place,
            attendees, args.reason,
        ))
    line = tr("Recorded the meeting '{title}' ({when}), id {id}.").format(
        title=view.meeting.title, when=when(view.meeting), id=view.meeting.id)
    emit(args, _meeting_json(view), [line, *_warning_lines(view)])


def cmd_meetings_list(args: argparse.Namespace, db: Database) -> None:
    """List the meetings of a day or a month."""
    today = date.today()
    with session.UnitOfWork(db) as uow:
        cadre = cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None
        if args.on is not None:
            day = parse_day(args.on)
            views = meetings.meetings_between(uow, day, day + timedelta(days=1), cadre)
        else:
            year = args.year if args.year is not None else today.year
            month = args.month if args.month is not None else today.month
            views = meetings.meetings_of_month(uow, year, month, cadre)
    lines: list[str] = []
    for view in views:
        lines.append(f"{when(view.meeting):<36} {view.meeting.title}  [{tr(view.meeting.category.label)}]  "
                     f"{view.meeting.id}")
        lines += [f"    {line}" for line in _warning_lines(view)]
    emit(args, [_meeting_json(view) for view in views], lines or [tr("No meetings.")])


def cmd_meetings_delete(args: argparse.Namespace, db: Database) -> None:
    """Delete a meeting."""
    with session.UnitOfWork(db, write=True) as uow:
        deleted = meetings.delete_meeting(uow, args.meeting)
    print(tr("Deleted the meeting '{title}'.").format(title=deleted.title))


def add_parsers(sub: Any) -> None:
    """Add `calendar [export-ics]` and `meetings add|list|delete`."""
    listing = add_command(sub, "calendar", N_("list the meeting-free days (or export them with the meetings)"),
                          cmd_calendar, json_flag=True)
    listing.add_argument("--year", type=integer, help=tr(N_("year (default: this year)")))
    listing.add_argument("--month", type=integer, help=tr(N_("month 1-12 (default: the whole year)")))
    actions = listing.add_subparsers(required=False, metavar="ACTION")
    export = add_command(actions, "export-ics", N_("write the meeting-free days and meetings to an .ics file"),
                         cmd_calendar_export)
    export.add_argument("--out", required=True, type=path_text, help=tr(N_("the .ics file to write")))
    export.add_argument("--cadre", help=tr(N_("only this cadre's meetings and visits (id or full name)")))
    export.add_argument("--year", type=integer, default=argparse.SUPPRESS, help=tr(N_("year (default: this year)")))
    _meeting_parsers(sub)


def _meeting_parsers(sub: Any) -> None:
    group = add_group(sub, "meetings", N_("meetings and trainings"))
    add = add_command(group, "add", N_("record a meeting"), cmd_meetings_add, json_flag=True)
    add.add_argument("title")
    add.add_argument("--on", required=True, help=tr(N_("the day of the meeting")))
    add.add_argument("--at", default="08:00", help=tr(N_("start time HH:MM (default 08:00)")))
    add.add_argument("--duration", type=integer, default=120, help=tr(N_("minutes (default 120)")))
    add.add_argument("--place", default="")
    add.add_argument("--organizer", default="")
    add.add_argument("--category", choices=[c.value for c in MeetingCategory], default=MeetingCategory.COMMITTEE.value)
    add.add_argument("--attendee", action="append", help=tr(N_("cadre id or full name (repeat for each)")))
    add.add_argument("--reason", default="", help=tr(N_("why it is held on a meeting-free day")))
    listing = add_command(group, "list", N_("list the meetings of a day or a month"), cmd_meetings_list, json_flag=True)
    listing.add_argument("--on")
    listing.add_argument("--year", type=integer)
    listing.add_argument("--month", type=integer)
    listing.add_argument("--cadre")
    delete = add_command(group, "delete", N_("delete a meeting"), cmd_meetings_delete)
    delete.add_argument("meeting", help=tr(N_("meeting id")))
