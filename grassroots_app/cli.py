"""The `grassroots` command line: Vietnamese messages, `--json` for scripts, exit 2 on bad input."""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from grassroots_app.applog import log, start_logging, trace_crashes
from grassroots_app.console import OutputFailed, guarded_output, reader_left, utf8_streams
from grassroots_app.domain.activities import ActivityFilter, ActivityKind
from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.calendar import FreeDay, MeetingCategory, check_day, year_span
from grassroots_app.domain.errors import N_, DomainError, InvalidInput, Labelled, NotFound
from grassroots_app.domain.meetings import Meeting, when
from grassroots_app.domain.model import Cadre, Cluster, Decision, Gender, Level, Preset, Tier, Unit, UnitAttributes
from grassroots_app.domain.ratings import GRADES, Grade, Rating, format_share
from grassroots_app.domain.recommendations import (
    RecommendationField,
    RecommendationFilter,
    RecommendationStatus,
    StatusChange,
)
from grassroots_app.i18n import Translator
from grassroots_app.persistence import backup
from grassroots_app.persistence.contention import retry_when_busy
from grassroots_app.persistence.database import Database, resolve_url, sqlite_file
from grassroots_app.persistence.faults import storage_fault
from grassroots_app.persistence.files import Fill, write_files
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.domain.reports.model import ReportKind, ReportStatus
from grassroots_app.domain.reports.records import ReportDraft, clean_draft
from grassroots_app.services import (
    activities,
    assignments,
    cadres,
    calendar,
    clusters,
    meetings,
    official,
    ratings,
    recommendations,
    reports,
    setup,
    units,
)
from grassroots_app.services.activities import ActivityView
from grassroots_app.services.coverage import CoverageReport, coverage
from grassroots_app.services.meetings import MeetingView
from grassroots_app.services.recommendations import RecommendationView

EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 1  # the reader of the output went away (Python's documented convention)
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report a command ended by SIGINT
tr = Translator()
logging.getLogger("grassroots_app").addHandler(logging.NullHandler())  # stderr gets Vietnamese, not log lines
Handler = Callable[[argparse.Namespace, Database], None]
FileHandler = Callable[[argparse.Namespace], bool]  # works on the database file without opening it; True: replaced it
Scoped = Callable[[UnitOfWork], Cluster | Unit]  # finds what a report covers
NAME_BYTES = 255  # the longest name of a file or folder the file systems allow
LARGEST_NUMBER = 2**63 - 1  # the largest integer SQLite stores
QUARTER_TEXT = re.compile(r"(\d{4})-[Qq]([1-4])", re.ASCII)

# argparse's own words, translated through the same catalog.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("argument %(argument_name)s: %(message)s"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)
argparse._ = tr  # type: ignore[attr-defined]

COUNT_LABELS = {
    **{level.value: level.label for level in Level},
    "cadre": N_("cadres"),
    "assignment": N_("assignments"),
    "activity": N_("activities in the field log"),
    "base_visit": N_("planned base-day visits"),
    "recommendation": N_("residents' recommendations"),
    "rating": N_("quality ratings"),
}


class CommandLineError(Exception):
    """Bad words on the command line (already translated)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors become CommandLineError instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Raise the parse error for main() to report."""
        raise CommandLineError(f"{self.prog}: {message}")


def parse_day(text: str) -> date:
    """Parse YYYY-MM-DD or dd/mm/yyyy, a day within the years the application handles."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return check_day(datetime.strptime(ascii_digits(text).strip(), pattern).date())
        except ValueError:
            continue
    raise InvalidInput(N_("'{text}' is not a date; write YYYY-MM-DD or dd/mm/yyyy."), text=text)


def ascii_digits(text: str) -> str:
    """Return the text, or raise ValueError if it is not ASCII (int() and float() read any script's digits)."""
    if not text.isascii():
        raise ValueError(text)
    return text


def integer(text: str) -> int:
    """Parse a whole number that a database can hold (the type of every number on the command line)."""
    try:
        value = int(ascii_digits(text))
    except ValueError:
        raise argparse.ArgumentTypeError(tr(N_("'{text}' is not a whole number.")).format(text=text)) from None
    if abs(value) > LARGEST_NUMBER:
        raise argparse.ArgumentTypeError(tr(N_("{text} is too large a number.")).format(text=text))
    return value


def path_text(text: str) -> str:
    """Return a file name given on the command line, or refuse one no system can use (argparse's type)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(tr(N_("a file name is needed")))
    if "\0" in text:
        raise argparse.ArgumentTypeError(tr(N_("a file name cannot hold a NUL character")))
    too_long = [part for part in Path(text).parts if len(part.encode("utf-8", "surrogatepass")) > NAME_BYTES]
    if too_long:
        raise argparse.ArgumentTypeError(tr(N_("the name '{name}' is longer than {limit} bytes")).format(
            name=too_long[0], limit=NAME_BYTES))
    return text


def emit(args: argparse.Namespace, data: Any, lines: Sequence[str]) -> None:
    """Print JSON with --json, the human lines otherwise."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def _day(args: argparse.Namespace, name: str = "on") -> date:
    value = getattr(args, name, None)
    return parse_day(value) if value is not None else date.today()


def today_note(args: argparse.Namespace, name: str, option: str) -> list[str]:
    """Return the line saying that a change takes effect today because its option was not given (else none)."""
    if getattr(args, name, None) is not None:
        return []
    return [tr("No {option} was given: the change takes effect today, {day}.").format(
        option=option, day=date.today().strftime("%d/%m/%Y"))]


# --- handlers -------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, db: Database) -> None:
    """Set up an empty database for a model."""
    with UnitOfWork(db, write=True) as uow:
        settings = setup.init_database(uow, Preset(args.model))
    print(tr("The database is ready for the {model} model.").format(model=tr(settings.preset.label)))


def cmd_demo(args: argparse.Namespace, db: Database) -> None:
    """Build the demo dataset."""
    from grassroots_app.demo.build import Scale, build_demo

    summary = build_demo(db, Preset(args.model), args.seed, Scale(args.scale))
    gaps = [{"unit_id": gap.target_id, "level": gap.level.value, "role": gap.role}
            for gap in summary.deliberate_gaps]
    data = {"preset": summary.preset.value, "scale": summary.scale.value, "counts": summary.counts,
            "deliberate_gaps": gaps}
    lines = [tr("Demo data built:")]
    lines += [f"  {tr(COUNT_LABELS.get(key, key))}: {value:,}".replace(",", ".")
              for key, value in summary.counts.items()]
    emit(args, data, lines)


def cmd_units_add(args: argparse.Namespace, db: Database) -> None:
    """Create a unit."""
    attributes = UnitAttributes(args.remote, args.households, args.population, args.party_members)
    with UnitOfWork(db, write=True) as uow:
        parent = units.resolve_unit(uow, args.parent).id if args.parent is not None else None
        new = units.NewUnit(args.name, parent, _day(args, "valid_from"), args.kind, args.code, attributes)
        unit = units.add_unit(uow, new)
        path = units.unit_path(uow, unit.id, unit.period.start)
    lines = [tr("Created {path} ({kind}), id {id}.").format(path=path, kind=unit.kind, id=unit.id)]
    if args.valid_from is None:
        lines.append(tr("No --from was given: it begins today, {day}, so nothing (an assignment, a move, a "
                        "meeting) can be dated before that day. Give --from with the day it really began.").format(
            day=unit.period.start.strftime("%d/%m/%Y")))
    emit(args, {"id": unit.id, "path": path, "level": unit.level.value, "kind": unit.kind,
                "valid_from": unit.period.start.isoformat()}, lines)


def cmd_units_list(args: argparse.Namespace, db: Database) -> None:
    """List the units under a unit (or the provinces)."""
    on = parse_day(args.on) if args.on is not None else None
    with UnitOfWork(db) as uow:
        if args.under is not None:
            parent = units.resolve_unit(uow, args.under, on)
            rows = uow.units.children(parent.id, on)
        else:
            rows = uow.units.roots(on)
    data = [{"id": u.id, "name": u.name, "level": u.level.value, "kind": u.kind, "code": u.code,
             "valid_from": u.period.start.isoformat(),
             "valid_to": u.period.end.isoformat() if u.period.end else None} for u in rows]
    lines = [f"{u.name:<40} {u.kind:<20} {u.code or '':<6} {u.id}" for u in rows]
    emit(args, data, lines or [tr("No units.")])


def cmd_units_move(args: argparse.Namespace, db: Database) -> None:
    """Move a unit under another parent from a day on."""
    with UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        parent = units.resolve_unit(uow, args.to)
        moved = units.move_unit(uow, unit.id, parent.id, _day(args))
        path = units.unit_path(uow, moved.id, _day(args))
    for line in [tr("Moved: now {path}.").format(path=path), *today_note(args, "on", "--on")]:
        print(line)


def cmd_units_close(args: argparse.Namespace, db: Database) -> None:
    """Close a unit on a day."""
    with UnitOfWork(db, write=True) as uow:
        unit = units.close_unit(uow, units.resolve_unit(uow, args.unit).id, _day(args))
    print(tr("Closed '{name}' on {day}.").format(name=unit.name, day=_day(args).strftime("%d/%m/%Y")))
    for line in today_note(args, "on", "--on"):
        print(line)


def cmd_units_merge(args: argparse.Namespace, db: Database) -> None:
    """Merge one unit into another."""
    with UnitOfWork(db, write=True) as uow:
        source = units.resolve_unit(uow, args.unit)
        target = units.resolve_unit(uow, args.into)
        units.merge_units(uow, source.id, target.id, _day(args), units.Carry(args.carry), args.note)
    print(tr("Merged '{source}' into '{target}'.").format(source=source.name, target=target.name))
    for line in today_note(args, "on", "--on"):
        print(line)


def cmd_units_import(args: argparse.Namespace, db: Database) -> None:
    """Import a province, or one district of it, from the official list."""
    with UnitOfWork(db, write=True) as uow:
        result = official.import_official(uow, args.province, district=args.district)
    place = result.province.name if result.district is None else f"{result.province.name} / {result.district.name}"
    data = {"province_id": result.province.id, "province": result.province.name,
            "district_id": result.district.id if result.district else None,
            "district": result.district.name if result.district else None,
            "added": result.added, "matched": result.matched}
    emit(args, data, [tr("{province}: {added} units added, {matched} already present.").format(
        province=place, added=result.added, matched=result.matched)])


def cmd_clusters_add(args: argparse.Namespace, db: Database) -> None:
    """Create a cluster."""
    with UnitOfWork(db, write=True) as uow:
        parent = units.resolve_unit(uow, args.under)
        cluster = clusters.add_cluster(uow, args.name, parent.id, _day(args, "valid_from"))
    emit(args, {"id": cluster.id, "name": cluster.name, "valid_from": cluster.period.start.isoformat()},
         [tr("Created the cluster '{name}', id {id}.").format(name=cluster.name, id=cluster.id),
          *today_note(args, "valid_from", "--from")])


def cmd_clusters_close(args: argparse.Namespace, db: Database) -> None:
    """Close a cluster on a day."""
    with UnitOfWork(db, write=True) as uow:
        closed = clusters.close_cluster(uow, clusters.resolve_cluster(uow, args.cluster).id, _day(args))
    print(tr("Closed '{name}' on {day}.").format(name=closed.name, day=_day(args).strftime("%d/%m/%Y")))
    for line in today_note(args, "on", "--on"):
        print(line)


def cmd_clusters_list(args: argparse.Namespace, db: Database) -> None:
    """List the clusters."""
    with UnitOfWork(db) as uow:
        rows = uow.clusters.all()
        paths = uow.queries.paths([c.parent_id for c in rows], date.today())
    data = [{"id": c.id, "name": c.name, "parent": paths.get(c.parent_id, ""),
             "valid_from": c.period.start.isoformat()} for c in rows]
    emit(args, data, [f"{c.name:<30} {paths.get(c.parent_id, '')}  {c.id}" for c in rows] or [tr("No clusters.")])


def cmd_clusters_members(args: argparse.Namespace, db: Database) -> None:
    """Show, add or remove the communes of a cluster."""
    on = _day(args)
    with UnitOfWork(db, write=bool(args.add or args.remove)) as uow:
        cluster = clusters.resolve_cluster(uow, args.cluster)
        added = [units.resolve_unit(uow, reference).id for reference in args.add or []]
        removed = [units.resolve_unit(uow, reference).id for reference in args.remove or []]
        if added or removed:
            clusters.change_members(uow, cluster.id, added, removed, on)
    with UnitOfWork(db) as uow:
        members = uow.clusters.members(cluster.id, on)
        paths = uow.queries.paths(members, on)
    data = {"cluster": cluster.name, "on": on.isoformat(),
            "members": [{"id": m, "path": paths.get(m, "")} for m in members]}
    changed = today_note(args, "on", "--on") if added or removed else []
    emit(args, data, [*changed, *([paths.get(m, m) for m in members] or [tr("No communes.")])])


def cmd_cadres_add(args: argparse.Namespace, db: Database) -> None:
    """Record a cadre."""
    with UnitOfWork(db, write=True) as uow:
        home = units.resolve_unit(uow, args.home).id if args.home is not None else None
        cadre = cadres.add_cadre(uow, Cadre(
            id="", full_name=args.name, tier=Tier(args.tier),
            gender=Gender(args.gender) if args.gender else None, birth_year=args.birth_year,
            position=args.position, workplace=args.workplace, is_standing=args.standing,
            is_committee=args.committee, is_party_member=args.party_member, phone=args.phone,
            home_unit_id=home,
        ))
    emit(args, {"id": cadre.id, "name": cadre.full_name},
         [tr("Recorded the cadre {name}, id {id}.").format(name=cadre.full_name, id=cadre.id)])


def cmd_cadres_list(args: argparse.Namespace, db: Database) -> None:
    """List the cadres sorted by given name."""
    from grassroots_app.domain.text import person_sort_key

    with UnitOfWork(db) as uow:
        rows = sorted(uow.cadres.search(args.search or ""), key=lambda c: person_sort_key(c.full_name))
    data = [{"id": c.id, "name": c.full_name, "tier": c.tier.value, "position": c.position,
             "workplace": c.workplace, "status": c.status.value} for c in rows]
    emit(args, data, [f"{c.full_name:<30} {tr(c.tier.label):<14} {c.position:<30} {c.id}" for c in rows]
         or [tr("No cadres.")])


def _resolve_target(uow: UnitOfWork, reference: str) -> str:
    try:
        return units.resolve_unit(uow, reference).id
    except NotFound:
        pass
    try:
        return clusters.resolve_cluster(uow, reference).id
    except NotFound:
        raise NotFound(N_("No unit or cluster is named '{name}'."), name=reference) from None


def cmd_assign(args: argparse.Namespace, db: Database) -> None:
    """Put a cadre in charge of a unit or cluster."""
    with UnitOfWork(db, write=True) as uow:
        cadre = cadres.resolve_cadre(uow, args.cadre)
        target = _resolve_target(uow, args.target)
        decision = Decision(args.decision, parse_day(args.decision_date) if args.decision_date is not None else None)
        made = assignments.assign(uow, assignments.NewAssignment(
            cadre.id, target, _day(args, "valid_from"), args.role, decision, args.note))
        path = units.unit_path(uow, target, made.period.start)
    emit(args, {"id": made.id, "role": made.role, "target": path},
         [tr("{name} is in charge of {path} as '{role}' (assignment {id}).").format(
             name=cadre.full_name, path=path, role=made.role, id=made.id)])


def cmd_unassign(args: argparse.Namespace, db: Database) -> None:
    """End an assignment."""
    with UnitOfWork(db, write=True) as uow:
        ended = assignments.end_assignment(uow, args.assignment, _day(args), args.reason)
    assert ended.period.end is not None  # an ended assignment has its last day
    print(tr("The assignment ends on {day}.").format(day=ended.period.end.strftime("%d/%m/%Y")))
    for line in today_note(args, "on", "--on"):
        print(line)


def coverage_json(report: CoverageReport) -> dict[str, Any]:
    """Return the coverage as the JSON object scripts rely on (English keys)."""
    result = report.coverage
    return {
        "on": result.on.isoformat(),
        "levels": {row.level.value: {"total": row.total, "covered": row.covered} for row in result.levels},
        "gaps": [{"unit_id": gap.target_id, "path": report.paths.get(gap.target_id, ""),
                  "level": gap.level.value, "role": gap.role, "required": gap.required,
                  "assigned": gap.assigned} for gap in report.gaps_by_path()],
        "workload": [{"cadre_id": row.cadre_id, "name": row.name, "targets": row.targets,
                      "overloaded": row.overloaded} for row in result.workload],
    }


SHOWN_ROWS = 50  # a text list longer than this shows its first rows and says how many more --all shows


def shown_rows(rows: Sequence[Any], every: bool) -> tuple[Sequence[Any], list[str]]:
    """Return the rows a text list prints and, when cut, the line saying how many more --all shows."""
    if every or len(rows) <= SHOWN_ROWS:
        return rows, []
    more = tr("… and {count} more (use --all to see them all)").format(count=len(rows) - SHOWN_ROWS)
    return rows[:SHOWN_ROWS], [f"  {more}"]


def _coverage_lines(report: CoverageReport, every: bool = False) -> list[str]:
    result = report.coverage
    lines = [tr("Coverage on {day}:").format(day=result.on.strftime("%d/%m/%Y"))]
    for row in result.levels:
        share = f"{row.share * 100:.2f}".replace(".", ",")
        lines.append(f"  {tr(row.level.label):<22} {row.covered:>8}/{row.total:<8} {share} %")
    lines.append(tr("Gaps: {count}").format(count=len(result.gaps)))
    gaps, more = shown_rows(report.gaps_by_path(), every)
    lines += [f"  {report.paths.get(g.target_id, g.target_id)} — {g.role}: {g.assigned}/{g.required}" for g in gaps]
    lines += more
    overloaded = [row for row in result.workload if row.overloaded]
    lines.append(tr("Overloaded cadres: {count}").format(count=len(overloaded)))
    shown, more = shown_rows(overloaded, every)
    lines += [f"  {row.name}: {row.targets}" for row in shown]
    return lines + more


def cmd_coverage(args: argparse.Namespace, db: Database) -> None:
    """Print the coverage."""
    with UnitOfWork(db) as uow:
        under = units.resolve_unit(uow, args.under).id if args.under is not None else None
        report = coverage(uow, _day(args), under)
    emit(args, coverage_json(report), _coverage_lines(report, args.all))


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
        line += " " + tr("(moved from {day})").format(day=free_day.moved_from.strftime("%d/%m/%Y"))
    if free_day.holiday:
        line += f" — {free_day.holiday}"
    return line


def cmd_calendar(args: argparse.Namespace, db: Database) -> None:
    """List the meeting-free days of a year or a month, with the holidays on them."""
    year = args.year if args.year is not None else date.today().year
    with UnitOfWork(db) as uow:
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
    with UnitOfWork(db) as uow:
        start, end = year_span(year)
        cadre = cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None
        count = write_ics(uow, _output_path(args.out, db), start, end, cadre, tr)
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
    with UnitOfWork(db, write=True) as uow:
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
    with UnitOfWork(db) as uow:
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
    with UnitOfWork(db, write=True) as uow:
        deleted = meetings.delete_meeting(uow, args.meeting)
    print(tr("Deleted the meeting '{title}'.").format(title=deleted.title))


# --- the field log --------------------------------------------------------------------------


def _dmy(day: date | None) -> str:
    """Return a day as dd/mm/yyyy ('' for none)."""
    return day.strftime("%d/%m/%Y") if day else ""


def _iso(day: date | None) -> str | None:
    """Return a day as YYYY-MM-DD (None for none)."""
    return day.isoformat() if day else None


def _optional_day(args: argparse.Namespace, name: str) -> date | None:
    value = getattr(args, name, None)
    return parse_day(value) if value is not None else None


def _span(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """Return --from and --to as a half-open span of days (the --to day included)."""
    last = _optional_day(args, "to")
    return _optional_day(args, "start"), last + timedelta(days=1) if last else None


def _named(uow: UnitOfWork, args: argparse.Namespace) -> dict[str, str | None]:
    """Return the ids of the cadre, unit and cluster that --cadre, --unit and --cluster name (None if not given)."""
    return {
        "cadre_id": cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None,
        "unit_id": units.resolve_unit(uow, args.unit).id if args.unit is not None else None,
        "cluster_id": clusters.resolve_cluster(uow, args.cluster).id if args.cluster is not None else None,
    }


def parse_number(text: str) -> float:
    """Parse a number written with a decimal point or a Vietnamese decimal comma."""
    try:
        return float(ascii_digits(text).strip().replace(",", "."))
    except ValueError:
        raise InvalidInput(N_("'{text}' is not a number."), text=text) from None


def _period(year: int, quarter: int | None) -> str:
    """Return a year or a quarter as written in the messages."""
    if quarter is None:
        return tr("the year {year}").format(year=year)
    return tr("quarter {quarter}/{year}").format(quarter=quarter, year=year)


def _activity_json(view: ActivityView) -> dict[str, Any]:
    item = view.activity
    return {
        "id": item.id, "date": item.day.isoformat(), "cadre_id": item.cadre_id, "cadre": view.cadre_name,
        "kind": item.kind.value, "target_id": item.target_id, "target": view.target_name, "path": view.target_path,
        "duration_minutes": item.duration_minutes, "notes": item.notes, "visit_id": item.visit_id,
        "planned": view.planned,
    }


def _activity_line(view: ActivityView) -> str:
    item = view.activity
    parts = [_dmy(item.day), view.cadre_name, tr(item.kind.label), view.target_path]
    if item.duration_minutes:
        parts.append(tr("{minutes} min").format(minutes=item.duration_minutes))
    if view.planned:
        parts.append(tr("(planned visit)"))
    return "  ".join([*parts, *([item.notes] if item.notes else []), item.id])


def cmd_log_add(args: argparse.Namespace, db: Database) -> None:
    """Record what a cadre did at a unit or cluster on a day."""
    day = parse_day(args.date)
    with UnitOfWork(db, write=True) as uow:
        cadre = cadres.resolve_cadre(uow, args.cadre)
        target = _resolve_target(uow, args.target)
        view = activities.record_activity(
            uow, cadre.id, target, ActivityKind(args.kind), day, args.minutes, args.notes)
    emit(args, _activity_json(view), [tr("Recorded: {activity}").format(activity=_activity_line(view))])


def cmd_log_list(args: argparse.Namespace, db: Database) -> None:
    """List the activities, newest first."""
    start, end = _span(args)
    kind = ActivityKind(args.kind) if args.kind else None
    with UnitOfWork(db) as uow:
        views = activities.list_activities(uow, ActivityFilter(start, end, kind=kind, **_named(uow, args)), args.limit)
    emit(args, [_activity_json(view) for view in views], [_activity_line(view) for view in views]
         or [tr("No activities.")])


def cmd_attendance(args: argparse.Namespace, db: Database) -> None:
    """Show each cadre's meetings attended in a year or quarter against their target."""
    with UnitOfWork(db) as uow:
        rows = activities.attendance(uow, args.year, args.quarter)
    data: dict[str, Any] = {"year": args.year, **({"quarter": args.quarter} if args.quarter is not None else {})}
    data["cadres"] = [{"cadre_id": row.cadre_id, "name": row.name, "tier": row.tier.value,
                       "attended": row.attended, "target": row.target, "met": row.met} for row in rows]
    lines = [tr("Party meetings attended in {period}, against the target:").format(
        period=_period(args.year, args.quarter))]
    for row in rows:
        verdict = tr("met") if row.met else tr("{missing} short").format(missing=row.target - row.attended)
        verdict = verdict if row.target else ""
        lines.append(f"  {row.name:<30} {tr(row.tier.label):<16} {row.attended:>3}/{row.target:<3} {verdict}")
    emit(args, data, lines if rows else [tr("No cadre has an attendance target.")])


def _recommendation_json(view: RecommendationView) -> dict[str, Any]:
    rec = view.recommendation
    return {
        "id": rec.id, "unit_id": rec.unit_id, "unit": view.unit_name, "path": view.unit_path,
        "raised_on": rec.raised_on.isoformat(), "cadre_id": rec.cadre_id, "cadre": view.cadre_name,
        "content": rec.content, "field": rec.field.value, "due": _iso(rec.due), "status": rec.status.value,
        "overdue": view.overdue, "forwarded_to": rec.forwarded_to, "forwarded_on": _iso(rec.forwarded_on),
        "answered_on": _iso(rec.answered_on), "answer": rec.answer, "resolved_on": _iso(rec.resolved_on),
        "closed_on": _iso(rec.closed_on),
    }


def _recommendation_lines(view: RecommendationView) -> list[str]:
    rec = view.recommendation
    head = [_dmy(rec.raised_on), f"[{tr(rec.status.label)}]", tr(rec.field.label), view.unit_path, view.cadre_name]
    if rec.due:
        head.append(tr("due {day}").format(day=_dmy(rec.due)))
    if view.overdue:
        head.append(tr("OVERDUE"))
    lines = ["  ".join([*head, rec.id]), f"    {rec.content}"]
    if rec.forwarded_to:
        forwarded = tr("forwarded to {body} on {day}")
        lines.append(f"    {forwarded.format(body=rec.forwarded_to, day=_dmy(rec.forwarded_on))}")
    if rec.answer:
        lines.append(f"    {tr('answered on {day}: {answer}').format(day=_dmy(rec.answered_on), answer=rec.answer)}")
    return lines


def cmd_recommendations_add(args: argparse.Namespace, db: Database) -> None:
    """Record a recommendation residents raised at a unit through a cadre."""
    day, due = parse_day(args.date), _optional_day(args, "due")
    with UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        cadre = cadres.resolve_cadre(uow, args.cadre)
        view = recommendations.raise_recommendation(
            uow, unit.id, day, cadre.id, args.content, RecommendationField(args.field), due)
    emit(args, _recommendation_json(view), [tr("Recorded the recommendation:"), *_recommendation_lines(view)])


def cmd_recommendations_list(args: argparse.Namespace, db: Database) -> None:
    """List the recommendations, newest first, the overdue ones flagged."""
    start, end = _span(args)
    status = RecommendationStatus(args.status) if args.status else None
    with UnitOfWork(db) as uow:
        wanted = RecommendationFilter(start=start, end=end, status=status, overdue=args.overdue,
                                      on=_optional_day(args, "on"), **_named(uow, args))
        views = recommendations.list_recommendations(uow, wanted)
    lines = [line for view in views for line in _recommendation_lines(view)]
    emit(args, [_recommendation_json(view) for view in views], lines or [tr("No recommendations.")])


def cmd_recommendations_step(args: argparse.Namespace, db: Database) -> None:
    """Take a recommendation one step: resolve, forward, answer or close it."""
    day = parse_day(args.date)
    text = {name: getattr(args, name) for name in ("body", "answer") if name in args}
    with UnitOfWork(db, write=True) as uow:
        view = args.step(uow, args.recommendation, day, note=args.note, **text)
    status = tr(view.recommendation.status.label)
    emit(args, _recommendation_json(view), [tr("The recommendation is now {status}.").format(status=status),
                                            *_recommendation_lines(view)])


def _step_json(step: StatusChange) -> dict[str, Any]:
    old = step.old.value if step.old else None
    return {"date": step.on.isoformat(), "from": old, "to": step.new.value, "note": step.note}


def _step_line(step: StatusChange) -> str:
    change = tr(step.new.label) if step.old is None else f"{tr(step.old.label)} → {tr(step.new.label)}"
    return "  ".join(["  " + _dmy(step.on), change, *([step.note] if step.note else [])])


def cmd_recommendations_history(args: argparse.Namespace, db: Database) -> None:
    """Show a recommendation and the steps it went through."""
    with UnitOfWork(db) as uow:
        view = recommendations.get_recommendation(uow, args.recommendation)
        steps = recommendations.history(uow, args.recommendation)
    data = {"recommendation": _recommendation_json(view), "history": [_step_json(step) for step in steps]}
    emit(args, data, [*_recommendation_lines(view), tr("History:"), *(_step_line(step) for step in steps)])


def _rating_json(rating: Rating, path: str) -> dict[str, Any]:
    return {"id": rating.id, "unit_id": rating.unit_id, "path": path, "year": rating.year,
            "quarter": rating.quarter, "grade": rating.grade.value, "score": rating.score, "note": rating.note}


def cmd_ratings_set(args: argparse.Namespace, db: Database) -> None:
    """Rate a commune or hamlet for a year or a quarter."""
    score = parse_number(args.score) if args.score is not None else None
    grade = Grade(args.grade) if args.grade else None
    with UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        rated = ratings.set_rating(uow, unit.id, args.year, args.quarter, grade, score, args.note)
        path = units.unit_path(uow, unit.id, max(unit.period.start, date(args.year, 1, 1)))
    shown = tr(rated.grade.label)
    if rated.score is not None:
        shown += " " + tr("({score} points)").format(score=f"{rated.score:g}".replace(".", ","))
    line = tr("{path}, {period}: {grade}.").format(path=path, period=_period(args.year, args.quarter), grade=shown)
    emit(args, _rating_json(rated, path), [line])


def _summary_lines(summary: dict[str, Any], period: str) -> list[str]:
    """Return the grade shares as reports print them ("18/21 = 85,71 %"), per level."""
    lines = [tr("Quality ratings for {period}:").format(period=period)]
    for level, figures in summary["levels"].items():
        total = figures["total"]
        lines.append(f"  {tr(Level(level).label)} ({total})")
        lines += [f"    {tr(grade.label):<34} {format_share(figures[grade.value]['count'], total)}" for grade in GRADES]
        well = figures[Grade.EXCELLENT.value]["count"] + figures[Grade.GOOD.value]["count"]
        lines.append(f"    {tr('Completed tasks well or better'):<34} {format_share(well, total)}")
    return lines if summary["levels"] else [tr("No ratings for {period}.").format(period=period)]


def cmd_ratings_summary(args: argparse.Namespace, db: Database) -> None:
    """Print the count and share of each grade per level, for the whole database or under a unit."""
    with UnitOfWork(db) as uow:
        under = units.resolve_unit(uow, args.under).id if args.under is not None else None
        summary = ratings.rating_summary(uow, args.year, args.quarter, under)
    emit(args, summary, _summary_lines(summary, _period(args.year, args.quarter)))


# --- quarterly reports ----------------------------------------------------------------------


def parse_quarter(text: str) -> tuple[int, int]:
    """Parse YYYY-Qn (the Q in either case) as (year, quarter)."""
    match = QUARTER_TEXT.fullmatch(text.strip())
    if match is None:
        raise InvalidInput(N_("'{text}' is not a quarter; write it as 2026-Q3."), text=text)
    return int(match[1]), int(match[2])


def _output_path(text: str, db: Database) -> Path:
    """Return a file to write, checked before anything is read (see OutputGuard: never the database or a backup)."""
    return backup.output_guard(db).target(text)


def _output_paths(args: argparse.Namespace, db: Database) -> tuple[Path, Path | None]:
    """Return the PDF and the optional workbook to write, checked before anything is read."""
    pdf = _output_path(args.out, db)
    workbook = _output_path(args.xlsx, db) if args.xlsx else None
    if workbook is not None and workbook == pdf:
        raise InvalidInput(N_("--out and --xlsx name the same file '{path}'."), path=args.out)
    return pdf, workbook


def _with_overrides(draft: ReportDraft, place: str | None, signer: str | None) -> ReportDraft:
    """Return the draft with the place and the signer's name given on the command line, cleaned and checked."""
    if place is not None:
        draft = replace(draft, place=place)
    if signer is not None:
        narrative = draft.narrative
        draft = replace(draft, narrative=replace(narrative, signer=replace(narrative.signer, name=signer)))
    return clean_draft(draft)


def _write_report(args: argparse.Namespace, db: Database, kind: ReportKind, scoped: Scoped) -> None:
    """Write the unnumbered draft of a quarterly report as a PDF and, with --xlsx, its tables; store nothing."""
    from grassroots_app.reports.pdf import write_pdf
    from grassroots_app.reports.xlsx import write_xlsx

    year, quarter = parse_quarter(args.quarter)
    pdf, workbook = _output_paths(args, db)
    with UnitOfWork(db) as uow:
        scope = scoped(uow)
        draft, figures = reports.draft_with_figures(uow, kind, scope.id, year, quarter, _day(args))
    document = reports.compose(_with_overrides(draft, args.place, args.signer), figures, None, ReportStatus.DRAFT)
    outputs: list[tuple[Path, Fill]] = [(pdf, lambda temporary: write_pdf(document, temporary))]
    if workbook:
        outputs.append((workbook, lambda temporary: write_xlsx(document, temporary)))
    write_files(outputs, backup.output_guard(db))
    data = {"pdf": str(pdf), "xlsx": str(workbook) if workbook else None, kind.value: scope.name,
            "quarter": f"{year}-Q{quarter}"}
    lines = [tr("Wrote the draft report of {name} for {period} to {path}.").format(
        name=scope.name, period=_period(year, quarter), path=pdf)]
    if workbook:
        lines.append(tr("Wrote its tables to {path}.").format(path=workbook))
    emit(args, data, lines)


def cmd_report_cluster(args: argparse.Namespace, db: Database) -> None:
    """Write the draft quarterly report of one cluster."""
    _write_report(args, db, ReportKind.CLUSTER, lambda uow: clusters.resolve_cluster(uow, args.cluster))


def cmd_report_area(args: argparse.Namespace, db: Database) -> None:
    """Write the draft quarterly report of a district or province, all its communes."""
    _write_report(args, db, ReportKind.AREA, lambda uow: units.resolve_unit(uow, args.under))


# --- backups --------------------------------------------------------------------------------


def _when(taken: datetime) -> str:
    return taken.strftime("%d/%m/%Y %H:%M")


def _size(size: int) -> str:
    """Return a file size in megabytes with a decimal comma, as Vietnamese writes it."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def _counts_line(counts: dict[str, int] | None) -> str:
    """Return the contents of a backup in one line: units per level, then cadres, assignments…"""
    if counts is None:
        return tr("(cannot be read)")
    order = [level.value for level in Level] + list(backup.COUNTED_TABLES)
    keys = sorted(counts, key=lambda key: order.index(key) if key in order else len(order))
    shown = [f"{tr(COUNT_LABELS.get(key, key))}: {counts[key]:,}".replace(",", ".") for key in keys]
    return ", ".join(shown) or tr("(empty)")


def _backup_json(info: backup.BackupInfo) -> dict[str, Any]:
    return {"path": str(info.path), "kind": info.kind.value if info.kind else None,
            "taken": info.taken.isoformat(), "size": info.size, "revision": info.revision, "counts": info.counts}


def _kind_label(kind: BackupKind | None) -> str:
    return tr(kind.label) if kind else tr("chosen file")


def cmd_backup(args: argparse.Namespace) -> bool:
    """Back up the database to the backup folder, or to a chosen file or folder."""
    if args.to:
        written = backup.backup_to(args.db, Path(args.to))
    else:
        written = backup.make_backup(args.db, BackupKind.MANUAL)
    info = backup.describe(written)
    emit(args, _backup_json(info), [tr("Backed up the database to {path} ({size}).").format(
        path=written, size=_size(info.size))])
    return False


def cmd_backups(args: argparse.Namespace) -> bool:
    """List the backups of the database in the backup folder, newest first."""
    found = backup.list_backups(args.db, every_database=args.all)
    lines = []
    for info in found:
        lines.append(f"{_when(info.taken)}  {_kind_label(info.kind):<24} {_size(info.size):>10}  {info.path}")
        lines.append(f"    {_counts_line(info.counts)}")
    emit(args, [_backup_json(info) for info in found],
         lines or [tr("No backups in {folder}.").format(folder=backup.backup_folder())])
    return False


def cmd_restore(args: argparse.Namespace) -> bool:
    """Show what a backup holds, or with --yes replace the database with it; return whether it was replaced."""
    database = backup.require_database_file(args.db)
    if not args.yes:
        info = backup.check_backup(Path(args.file), database)
        data = {"restored": False, "database": str(database), "backup": _backup_json(info)}
        emit(args, data, [
            tr("Backup {path}: {kind}, made {when}, schema {revision}.").format(
                path=info.path, kind=_kind_label(info.kind), when=_when(info.taken), revision=info.revision),
            f"    {_counts_line(info.counts)}",
            tr("Nothing was changed. Add --yes to replace the database {database} with this backup "
               "(the current database is kept as a backup first).").format(database=database),
        ])
        return False
    result = backup.restore(database, Path(args.file))
    data = {"restored": True, "database": str(result.database), "backup": _backup_json(result.backup),
            "kept": str(result.kept) if result.kept else None, "migrated_from": result.migrated_from}
    lines = [tr("Restored the backup of {when} into {database}.").format(
        when=_when(result.backup.taken), database=result.database)]
    if result.migrated_from:
        lines.append(tr("The backup was brought up to the current schema (from {revision}).").format(
            revision=result.migrated_from))
    if result.kept:
        lines.append(tr("The previous database was kept as {path}.").format(path=result.kept))
    try:
        emit(args, data, lines)
    except OutputFailed as error:
        raise FailedAfterSaving(error) from error
    return True


# --- parser ---------------------------------------------------------------------------------


def _add(sub: Any, name: str, help_text: str, handler: Handler, json_flag: bool = False) -> Parser:
    parser: Parser = sub.add_parser(name, help=tr(help_text))
    parser.set_defaults(handler=handler)
    if json_flag:
        parser.add_argument("--json", action="store_true", help=tr(N_("print JSON for scripts")))
    return parser


def _add_file_command(sub: Any, name: str, help_text: str, handler: FileHandler) -> Parser:
    """Add a command that works on the database file without opening (nor migrating) it: the backups."""
    parser: Parser = sub.add_parser(name, help=tr(help_text))
    parser.set_defaults(file_handler=handler)
    parser.add_argument("--json", action="store_true", help=tr(N_("print JSON for scripts")))
    return parser


def _backup_parsers(sub: Any) -> None:
    made = _add_file_command(sub, "backup", N_("back up the database (to the backup folder, or --to a file)"),
                             cmd_backup)
    made.add_argument("--to", type=path_text,
                      help=tr(N_("the file to write, or a folder (a USB drive) to write it into")))
    listing = _add_file_command(sub, "backups", N_("list the backups of the database, newest first"), cmd_backups)
    listing.add_argument("--all", action="store_true",
                         help=tr(N_("every backup in the backup folder, of any database")))
    restored = _add_file_command(sub, "restore", N_("replace the database with a backup"), cmd_restore)
    restored.add_argument("file", type=path_text, help=tr(N_("the backup file")))
    restored.add_argument("--yes", action="store_true",
                          help=tr(N_("really replace it (without: only show what the backup holds)")))


def _group(sub: Any, name: str, help_text: str) -> Any:
    """Return the subcommands of a new command that only groups them."""
    return sub.add_parser(name, help=tr(help_text)).add_subparsers(required=True)


def _units_parsers(sub: Any) -> Any:
    group = _group(sub, "units", N_("administrative units"))
    add = _add(group, "add", N_("create a unit"), cmd_units_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--parent", help=tr(N_("parent unit: id, official code or path")))
    add.add_argument("--kind")
    add.add_argument("--code")
    add.add_argument("--from", dest="valid_from", help=tr(N_("first day (default: today)")))
    add.add_argument("--remote", action="store_true", help=tr(N_("mountain or remote area")))
    for flag in ("--households", "--population", "--party-members"):
        add.add_argument(flag, type=integer)
    listing = _add(group, "list", N_("list the units under a unit"), cmd_units_list, json_flag=True)
    listing.add_argument("--under")
    listing.add_argument("--on")
    move = _add(group, "move", N_("move a unit under another parent"), cmd_units_move)
    move.add_argument("unit")
    move.add_argument("--to", required=True)
    move.add_argument("--on")
    close = _add(group, "close", N_("close a unit"), cmd_units_close)
    close.add_argument("unit")
    close.add_argument("--on")
    merge = _add(group, "merge", N_("merge a unit into another"), cmd_units_merge)
    merge.add_argument("unit")
    merge.add_argument("--into", required=True)
    merge.add_argument("--on")
    merge.add_argument("--carry", choices=[c.value for c in units.Carry], default="transfer")
    merge.add_argument("--note", default="")
    imported = _add(group, "import-official", N_("import a province, or one district of it, from the official list"),
                    cmd_units_import, json_flag=True)
    imported.add_argument("--province", required=True)
    imported.add_argument("--district", help=tr(N_("only this district (three-level model: the pre-July-2025 list)")))
    return group


def _cluster_and_cadre_parsers(sub: Any) -> Any:
    group = _group(sub, "clusters", N_("clusters of communes"))
    add = _add(group, "add", N_("create a cluster"), cmd_clusters_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--under", required=True)
    add.add_argument("--from", dest="valid_from")
    _add(group, "list", N_("list the clusters"), cmd_clusters_list, json_flag=True)
    close = _add(group, "close", N_("close a cluster"), cmd_clusters_close)
    close.add_argument("cluster")
    close.add_argument("--on")
    members = _add(group, "members", N_("show, add or remove communes"), cmd_clusters_members, json_flag=True)
    members.add_argument("cluster")
    members.add_argument("--add", nargs="+")
    members.add_argument("--remove", nargs="+")
    members.add_argument("--on")
    group = _group(sub, "cadres", N_("cadres"))
    add = _add(group, "add", N_("record a cadre"), cmd_cadres_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--tier", required=True, choices=[t.value for t in Tier])
    add.add_argument("--gender", choices=[g.value for g in Gender])
    add.add_argument("--birth-year", type=integer)
    add.add_argument("--position", default="")
    add.add_argument("--workplace", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--home")
    for flag in ("--standing", "--committee", "--party-member"):
        add.add_argument(flag, action="store_true")
    listing = _add(group, "list", N_("list the cadres"), cmd_cadres_list, json_flag=True)
    listing.add_argument("--search")
    return group


def _calendar_parsers(sub: Any) -> None:
    listing = _add(sub, "calendar", N_("list the meeting-free days (or export them with the meetings)"),
                   cmd_calendar, json_flag=True)
    listing.add_argument("--year", type=integer, help=tr(N_("year (default: this year)")))
    listing.add_argument("--month", type=integer, help=tr(N_("month 1-12 (default: the whole year)")))
    actions = listing.add_subparsers(required=False, metavar="ACTION")
    export = _add(actions, "export-ics", N_("write the meeting-free days and meetings to an .ics file"),
                  cmd_calendar_export)
    export.add_argument("--out", required=True, type=path_text, help=tr(N_("the .ics file to write")))
    export.add_argument("--cadre", help=tr(N_("only this cadre's meetings and visits (id or full name)")))
    export.add_argument("--year", type=integer, default=argparse.SUPPRESS, help=tr(N_("year (default: this year)")))


def _meeting_parsers(sub: Any) -> None:
    group = _group(sub, "meetings", N_("meetings and trainings"))
    add = _add(group, "add", N_("record a meeting"), cmd_meetings_add, json_flag=True)
    add.add_argument("title")
    add.add_argument("--on", required=True, help=tr(N_("the day of the meeting")))
    add.add_argument("--at", default="08:00", help=tr(N_("start time HH:MM (default 08:00)")))
    add.add_argument("--duration", type=integer, default=120, help=tr(N_("minutes (default 120)")))
    add.add_argument("--place", default="")
    add.add_argument("--organizer", default="")
    add.add_argument("--category", choices=[c.value for c in MeetingCategory], default=MeetingCategory.COMMITTEE.value)
    add.add_argument("--attendee", action="append", help=tr(N_("cadre id or full name (repeat for each)")))
    add.add_argument("--reason", default="", help=tr(N_("why it is held on a meeting-free day")))
    listing = _add(group, "list", N_("list the meetings of a day or a month"), cmd_meetings_list, json_flag=True)
    listing.add_argument("--on")
    listing.add_argument("--year", type=integer)
    listing.add_argument("--month", type=integer)
    listing.add_argument("--cadre")
    delete = _add(group, "delete", N_("delete a meeting"), cmd_meetings_delete)
    delete.add_argument("meeting", help=tr(N_("meeting id")))


def _choices(kind: type[Labelled]) -> list[str]:
    """Return the English values of an enum, as the command line accepts them."""
    return [member.value for member in kind]


def _place_filters(parser: Parser) -> None:
    """Add the filters shared by the lists of the field log: days, cadre, unit, cluster."""
    parser.add_argument("--from", dest="start", help=tr(N_("first day (YYYY-MM-DD)")))
    parser.add_argument("--to", help=tr(N_("last day, included (YYYY-MM-DD)")))
    parser.add_argument("--cadre", help=tr(N_("cadre id or full name")))
    parser.add_argument("--unit", help=tr(N_("only at this unit and below it (id, code or path)")))
    parser.add_argument("--cluster", help=tr(N_("only in this cluster and its communes (id or name)")))


def _period_arguments(parser: Parser) -> None:
    parser.add_argument("--year", type=integer, required=True)
    parser.add_argument("--quarter", type=integer, help=tr(N_("quarter 1-4 (default: the whole year)")))


def _log_parsers(sub: Any) -> None:
    group = _group(sub, "log", N_("the field log: what cadres did at the base"))
    add = _add(group, "add", N_("record an activity"), cmd_log_add, json_flag=True)
    add.add_argument("--cadre", required=True, help=tr(N_("cadre id or full name")))
    add.add_argument("--target", required=True, help=tr(N_("unit (id, code or path) or cluster (id or name)")))
    add.add_argument("--kind", required=True, choices=_choices(ActivityKind))
    add.add_argument("--date", required=True, help=tr(N_("the day (YYYY-MM-DD)")))
    add.add_argument("--minutes", type=integer, default=0, help=tr(N_("how long it took, in minutes")))
    add.add_argument("--notes", default="")
    listing = _add(group, "list", N_("list the activities, newest first"), cmd_log_list, json_flag=True)
    _place_filters(listing)
    listing.add_argument("--kind", choices=_choices(ActivityKind))
    listing.add_argument("--limit", type=integer, help=tr(N_("at most this many, the newest")))
    attendance = _add(sub, "attendance", N_("party meetings each cadre attended against the target"),
                      cmd_attendance, json_flag=True)
    _period_arguments(attendance)


def _recommendation_parsers(sub: Any) -> None:
    group = _group(sub, "recommendations", N_("residents' recommendations"))
    add = _add(group, "add", N_("record a recommendation"), cmd_recommendations_add, json_flag=True)
    add.add_argument("--unit", required=True, help=tr(N_("unit (id, code or path)")))
    add.add_argument("--date", required=True, help=tr(N_("the day it was raised (YYYY-MM-DD)")))
    add.add_argument("--cadre", required=True, help=tr(N_("cadre id or full name")))
    add.add_argument("--field", required=True, choices=_choices(RecommendationField))
    add.add_argument("--content", required=True)
    add.add_argument("--due", help=tr(N_("the day it should be settled by (YYYY-MM-DD)")))
    listing = _add(group, "list", N_("list the recommendations, newest first"), cmd_recommendations_list,
                   json_flag=True)
    _place_filters(listing)
    listing.add_argument("--status", choices=_choices(RecommendationStatus))
    listing.add_argument("--overdue", action="store_true", help=tr(N_("only those still waiting after their due date")))
    listing.add_argument("--on", help=tr(N_("the day overdue is judged on (default: today)")))
    steps = (
        ("resolve", N_("mark a recommendation resolved at the base"), recommendations.resolve_recommendation, ()),
        ("forward", N_("forward a recommendation to the body that can settle it"),
         recommendations.forward_recommendation, ("--body", N_("the body it is forwarded to"))),
        ("answer", N_("record the answer a forwarded recommendation received"),
         recommendations.answer_recommendation, ("--answer", N_("the answer received"))),
        ("close", N_("close a resolved or answered recommendation"), recommendations.close_recommendation, ()),
    )
    for name, help_text, service, text in steps:
        step = _add(group, name, help_text, cmd_recommendations_step, json_flag=True)
        step.set_defaults(step=service)
        step.add_argument("recommendation", help=tr(N_("recommendation id")))
        step.add_argument("--date", required=True, help=tr(N_("the day of this step (YYYY-MM-DD)")))
        step.add_argument("--note", default="")
        if text:
            step.add_argument(text[0], default="", help=tr(text[1]))
    history = _add(group, "history", N_("show a recommendation's steps"), cmd_recommendations_history,
                   json_flag=True)
    history.add_argument("recommendation", help=tr(N_("recommendation id")))


def _rating_parsers(sub: Any) -> None:
    group = _group(sub, "ratings", N_("quality ratings of communes and hamlets"))
    rate = _add(group, "set", N_("rate a commune or hamlet for a year or quarter"), cmd_ratings_set, json_flag=True)
    rate.add_argument("--unit", required=True, help=tr(N_("unit (id, code or path)")))
    _period_arguments(rate)
    rate.add_argument("--grade", choices=_choices(Grade))
    rate.add_argument("--score", help=tr(N_("points out of 100 (the grade follows from it when not given)")))
    rate.add_argument("--note", default="")
    summary = _add(group, "summary", N_("count and share of each grade per level"), cmd_ratings_summary,
                   json_flag=True)
    _period_arguments(summary)
    summary.add_argument("--under", help=tr(N_("only this unit and below it (id, code or path)")))


def _report_arguments(parser: Parser) -> None:
    """Add the arguments both kinds of report take: quarter, files, place, signer, date."""
    parser.add_argument("--quarter", required=True, help=tr(N_("the quarter, as 2026-Q3")))
    parser.add_argument("--out", required=True, type=path_text, help=tr(N_("the PDF file to write")))
    parser.add_argument("--xlsx", type=path_text, help=tr(N_("also write the annexed tables to this .xlsx file")))
    parser.add_argument("--place", help=tr(N_("the place on the place-and-date line "
                                               "(default: the last saved report's, else the province)")))
    parser.add_argument("--signer", help=tr(N_("the signer's full name")))
    parser.add_argument("--on", help=tr(N_("the date of the report (default: today)")))


def _report_parsers(sub: Any) -> None:
    group = _group(sub, "report", N_("write a quarterly report as an unnumbered draft (nothing is stored)"))
    cluster = _add(group, "cluster", N_("the report of one cluster"), cmd_report_cluster, json_flag=True)
    cluster.add_argument("--cluster", required=True, help=tr(N_("cluster id or name")))
    _report_arguments(cluster)
    area = _add(group, "area", N_("the report of a district or province, all its communes"), cmd_report_area,
                json_flag=True)
    area.add_argument("--under", required=True, help=tr(N_("district or province (id, code or path)")))
    _report_arguments(area)


def build_parser() -> Parser:
    """Return the parser of the whole command line."""
    parser = Parser(prog="grassroots", description=tr(N_("Grassroots: the 'grasp the base' register.")))
    parser.add_argument("--db", help=tr(N_("database file or SQLAlchemy URL (default: $GRASSROOTS_DB, "
                                           "then the per-user data folder)")))
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    init = _add(sub, "init", N_("set up a new database"), cmd_init)
    init.add_argument("--model", required=True, choices=[p.value for p in Preset])
    demo = _add(sub, "demo", N_("build the demo data"), cmd_demo, json_flag=True)
    demo.add_argument("--model", choices=[p.value for p in Preset], default=Preset.TWO_LEVEL.value)
    demo.add_argument("--seed", type=integer, default=1)
    demo.add_argument("--scale", choices=["district", "province", "national"], default="district")
    unit_commands = _units_parsers(sub)
    cadre_commands = _cluster_and_cadre_parsers(sub)
    assign = _add(sub, "assign", N_("put a cadre in charge of a unit or cluster"), cmd_assign, json_flag=True)
    assign.add_argument("cadre", help=tr(N_("cadre id or full name")))
    assign.add_argument("target", help=tr(N_("unit (id, code or path) or cluster (id or name)")))
    assign.add_argument("--role")
    assign.add_argument("--from", dest="valid_from", required=True,
                        help=tr(N_("the first day in charge (the decision's date of effect)")))
    assign.add_argument("--decision", default="")
    assign.add_argument("--decision-date")
    assign.add_argument("--note", default="")
    unassign = _add(sub, "unassign", N_("end an assignment"), cmd_unassign)
    unassign.add_argument("assignment", help=tr(N_("assignment id")))
    unassign.add_argument("--on")
    unassign.add_argument("--reason", default="")
    cover = _add(sub, "coverage", N_("show gaps, coverage per level and workload"), cmd_coverage, json_flag=True)
    cover.add_argument("--under")
    cover.add_argument("--on")
    cover.add_argument("--all", action="store_true",
                       help=tr(N_("list every gap and overloaded cadre (without: the first 50)")))
    _calendar_parsers(sub)
    _meeting_parsers(sub)
    _log_parsers(sub)
    _recommendation_parsers(sub)
    _rating_parsers(sub)
    _report_parsers(sub)
    _backup_parsers(sub)
    from grassroots_app import cli_settings, cli_sheets  # they build on this module

    cli_sheets.add_parsers(sub)
    cli_settings.add_parsers(sub)
    from grassroots_app import cli_records  # it builds on this module too

    cli_records.add_parsers(sub, unit_commands, cadre_commands)
    return parser


def _fault(error: Exception, location: str | None) -> DomainError | None:
    """Return the message for a failure of the database file or its disk (None: another error)."""
    url = resolve_url(location)
    return storage_fault(error, sqlite_file(url) or url)


def _refusal(error: Exception, location: str | None) -> int:
    """Print a refusal (a database or disk failure translated) and return 2; re-raise any other error."""
    if isinstance(error, (OutputFailed, FailedAfterSaving)):  # no fault of the database: main() says what it is
        raise error
    domain = error if isinstance(error, DomainError) else _fault(error, location)
    if domain is None:
        raise error
    print(tr("Error: {message}").format(message=domain.render(tr)), file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; print a Vietnamese message and return 2 on bad input or an unexpected error."""
    utf8_streams()
    trace_crashes()
    try:
        with guarded_output():
            return run_command(argv)
    except KeyboardInterrupt:
        print(tr("Interrupted."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last resort: one line here, the traceback in the log
        failed = error.error if isinstance(error, FailedAfterSaving) else error
        if isinstance(failed, OutputFailed):
            _silence_stdout()  # what is still buffered is lost, without Python's complaint at exit
        if reader_left(failed):  # `grassroots … | head -1`: the reader left, as Python's documentation says
            return EXIT_BROKEN_PIPE
        if isinstance(error, OutputFailed):
            print(tr("Error: the output could not be written ({reason}). Nothing was changed.").format(
                reason=_output_fault(error)), file=sys.stderr)
            return EXIT_BAD_INPUT
        return _unexpected(failed, argv, saved=isinstance(error, FailedAfterSaving))


def _output_fault(failure: OutputFailed) -> str:
    """Return why the output could not be written, in the user's language where the reason is a known one."""
    if failure.error.errno == errno.ENOSPC:
        return tr("the disk is full")
    return str(failure.error)


class FailedAfterSaving(Exception):
    """An unexpected error after the command had saved its change (printing its result, say): the change stays."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _silence_stdout() -> None:
    """Point the standard output at the null device, so that nothing more is written to the closed pipe."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory stream (the tests): nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _unexpected(error: Exception, argv: Sequence[str] | None, saved: bool = False) -> int:
    """Log an unexpected error with its traceback, say so in one line naming the log, and return 2.

    With `saved`, the command's change was committed before the error: the message says it stays.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        path = start_logging()
        log.error("Unexpected error in the command %r", words, exc_info=error)
    except OSError as failure:
        print(tr("Unexpected error: {error} (the log could not be written: {reason}).").format(
            error=error, reason=failure), file=sys.stderr)
        return EXIT_BAD_INPUT
    if saved:
        message = tr("Unexpected error after the command had saved its change: the change is in the database, "
                     "but what came after it (such as printing the result) was not completed. "
                     "The details are in the log file {path}.")
    else:
        message = tr("Unexpected error: the command was not completed and nothing was half-saved. "
                     "The details are in the log file {path}.")
    print(message.format(path=path), file=sys.stderr)
    return EXIT_BAD_INPUT


def run_command(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; print a Vietnamese message and return 2 on bad input."""
    try:
        args = build_parser().parse_args(argv)
    except CommandLineError as error:
        print(tr("Invalid command: {message}").format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    file_handler: FileHandler | None = getattr(args, "file_handler", None)
    if file_handler is not None:
        try:
            replaced = file_handler(args)
        except Exception as error:  # noqa: BLE001 - only refusals and file faults; others are re-raised
            return _refusal(error, args.db)
        _write_out(saved=replaced)
        return 0
    try:
        database = Database.open(args.db, create=args.handler in (cmd_init, cmd_demo))
    except DomainError as error:  # missing, empty, damaged, newer, write-protected, or no backup before a migration
        print(tr("Cannot open the database: {error}").format(error=error.render(tr)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - a database that cannot be opened is bad input here
        print(tr("Cannot open the database: {error}").format(error=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    if database.backup_failure is not None:
        reason = tr("The daily backup was not made: {reason}").format(reason=database.backup_failure.render(tr))
        print(tr("Warning: {message}").format(message=reason), file=sys.stderr)
    try:
        retry_when_busy(args.handler, args, database)
    except Exception as error:  # noqa: BLE001 - only refusals and file faults; others are re-raised
        if database.committed and not isinstance(error, DomainError) and not reader_left(error):
            raise FailedAfterSaving(error) from error
        return _refusal(error, args.db)
    finally:
        database.close()
    _write_out(saved=database.committed)
    return 0


def _write_out(saved: bool) -> None:
    """Write out what the command printed; a failure after a saved change becomes FailedAfterSaving."""
    try:
        sys.stdout.flush()
    except OutputFailed as error:
        if saved:
            raise FailedAfterSaving(error) from error
        raise


if __name__ == "__main__":
    sys.exit(main())
