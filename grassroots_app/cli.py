"""The `grassroots` command line: Vietnamese messages, `--json` for scripts, exit 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from grassroots_app.domain.calendar import FreeDay, MeetingCategory, year_span
from grassroots_app.domain.errors import N_, DomainError, InvalidInput, NotFound
from grassroots_app.domain.meetings import Meeting, when
from grassroots_app.domain.model import Cadre, Decision, Gender, Level, Preset, Tier, UnitAttributes
from grassroots_app.i18n import Translator
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, cadres, calendar, clusters, meetings, official, setup, units
from grassroots_app.services.coverage import CoverageReport, coverage
from grassroots_app.services.meetings import MeetingView

EXIT_BAD_INPUT = 2
tr = Translator()
Handler = Callable[[argparse.Namespace, Database], None]

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
}


class CommandLineError(Exception):
    """Bad words on the command line (already translated)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors become CommandLineError instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Raise the parse error for main() to report."""
        raise CommandLineError(f"{self.prog}: {message}")


def parse_day(text: str) -> date:
    """Parse YYYY-MM-DD or dd/mm/yyyy."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise InvalidInput(N_("'{text}' is not a date; write YYYY-MM-DD or dd/mm/yyyy."), text=text)


def emit(args: argparse.Namespace, data: Any, lines: Sequence[str]) -> None:
    """Print JSON with --json, the human lines otherwise."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def _day(args: argparse.Namespace, name: str = "on") -> date:
    value = getattr(args, name, None)
    return parse_day(value) if value else date.today()


# --- handlers -------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, db: Database) -> None:
    """Set up an empty database for a model."""
    with UnitOfWork(db) as uow:
        settings = setup.init_database(uow, Preset(args.model))
    print(tr("The database is ready for the {model} model.").format(model=tr(settings.preset.label)))


def cmd_demo(args: argparse.Namespace, db: Database) -> None:
    """Build the demo dataset."""
    from grassroots_app.services.demo import Scale, build_demo

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
    with UnitOfWork(db) as uow:
        parent = units.resolve_unit(uow, args.parent).id if args.parent else None
        new = units.NewUnit(args.name, parent, _day(args, "valid_from"), args.kind, args.code, attributes)
        unit = units.add_unit(uow, new)
        path = units.unit_path(uow, unit.id, unit.period.start)
    emit(args, {"id": unit.id, "path": path, "level": unit.level.value, "kind": unit.kind},
         [tr("Created {path} ({kind}), id {id}.").format(path=path, kind=unit.kind, id=unit.id)])


def cmd_units_list(args: argparse.Namespace, db: Database) -> None:
    """List the units under a unit (or the provinces)."""
    on = parse_day(args.on) if args.on else None
    with UnitOfWork(db) as uow:
        if args.under:
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
    with UnitOfWork(db) as uow:
        unit = units.resolve_unit(uow, args.unit)
        parent = units.resolve_unit(uow, args.to)
        moved = units.move_unit(uow, unit.id, parent.id, _day(args))
        path = units.unit_path(uow, moved.id, _day(args))
    print(tr("Moved: now {path}.").format(path=path))


def cmd_units_close(args: argparse.Namespace, db: Database) -> None:
    """Close a unit on a day."""
    with UnitOfWork(db) as uow:
        unit = units.close_unit(uow, units.resolve_unit(uow, args.unit).id, _day(args))
    print(tr("Closed '{name}' on {day}.").format(name=unit.name, day=_day(args).strftime("%d/%m/%Y")))


def cmd_units_merge(args: argparse.Namespace, db: Database) -> None:
    """Merge one unit into another."""
    with UnitOfWork(db) as uow:
        source = units.resolve_unit(uow, args.unit)
        target = units.resolve_unit(uow, args.into)
        units.merge_units(uow, source.id, target.id, _day(args), units.Carry(args.carry), args.note)
    print(tr("Merged '{source}' into '{target}'.").format(source=source.name, target=target.name))


def cmd_units_import(args: argparse.Namespace, db: Database) -> None:
    """Import a province from the official list."""
    with UnitOfWork(db) as uow:
        result = official.import_official(uow, args.province)
    data = {"province_id": result.province.id, "province": result.province.name,
            "added": result.added, "matched": result.matched}
    emit(args, data, [tr("{province}: {added} units added, {matched} already present.").format(
        province=result.province.name, added=result.added, matched=result.matched)])


def cmd_clusters_add(args: argparse.Namespace, db: Database) -> None:
    """Create a cluster."""
    with UnitOfWork(db) as uow:
        parent = units.resolve_unit(uow, args.under)
        cluster = clusters.add_cluster(uow, args.name, parent.id, _day(args, "valid_from"))
    emit(args, {"id": cluster.id, "name": cluster.name},
         [tr("Created the cluster '{name}', id {id}.").format(name=cluster.name, id=cluster.id)])


def cmd_clusters_close(args: argparse.Namespace, db: Database) -> None:
    """Close a cluster on a day."""
    with UnitOfWork(db) as uow:
        closed = clusters.close_cluster(uow, clusters.resolve_cluster(uow, args.cluster).id, _day(args))
    print(tr("Closed '{name}' on {day}.").format(name=closed.name, day=_day(args).strftime("%d/%m/%Y")))


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
    with UnitOfWork(db) as uow:
        cluster = clusters.resolve_cluster(uow, args.cluster)
    for reference in args.add or []:
        with UnitOfWork(db) as uow:
            clusters.add_member(uow, cluster.id, units.resolve_unit(uow, reference).id, on)
    for reference in args.remove or []:
        with UnitOfWork(db) as uow:
            clusters.remove_member(uow, cluster.id, units.resolve_unit(uow, reference).id, on)
    with UnitOfWork(db) as uow:
        members = uow.clusters.members(cluster.id, on)
        paths = uow.queries.paths(members, on)
    data = {"cluster": cluster.name, "on": on.isoformat(),
            "members": [{"id": m, "path": paths.get(m, "")} for m in members]}
    emit(args, data, [paths.get(m, m) for m in members] or [tr("No communes.")])


def cmd_cadres_add(args: argparse.Namespace, db: Database) -> None:
    """Record a cadre."""
    with UnitOfWork(db) as uow:
        home = units.resolve_unit(uow, args.home).id if args.home else None
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
    with UnitOfWork(db) as uow:
        cadre = cadres.resolve_cadre(uow, args.cadre)
        target = _resolve_target(uow, args.target)
        decision = Decision(args.decision, parse_day(args.decision_date) if args.decision_date else None)
        made = assignments.assign(uow, assignments.NewAssignment(
            cadre.id, target, _day(args, "valid_from"), args.role, decision, args.note))
        path = units.unit_path(uow, target, made.period.start)
    emit(args, {"id": made.id, "role": made.role, "target": path},
         [tr("{name} is in charge of {path} as '{role}' (assignment {id}).").format(
             name=cadre.full_name, path=path, role=made.role, id=made.id)])


def cmd_unassign(args: argparse.Namespace, db: Database) -> None:
    """End an assignment."""
    with UnitOfWork(db) as uow:
        ended = assignments.end_assignment(uow, args.assignment, _day(args), args.reason)
    print(tr("The assignment ends on {day}.").format(day=ended.period.end.strftime("%d/%m/%Y")))


def coverage_json(report: CoverageReport) -> dict[str, Any]:
    """Return the coverage as the JSON object scripts rely on (English keys)."""
    result = report.coverage
    return {
        "on": result.on.isoformat(),
        "levels": {row.level.value: {"total": row.total, "covered": row.covered} for row in result.levels},
        "gaps": [{"unit_id": gap.target_id, "path": report.paths.get(gap.target_id, ""),
                  "level": gap.level.value, "role": gap.role, "required": gap.required,
                  "assigned": gap.assigned} for gap in result.gaps],
        "workload": [{"cadre_id": row.cadre_id, "name": row.name, "targets": row.targets,
                      "overloaded": row.overloaded} for row in result.workload],
    }


def _coverage_lines(report: CoverageReport) -> list[str]:
    result = report.coverage
    lines = [tr("Coverage on {day}:").format(day=result.on.strftime("%d/%m/%Y"))]
    for row in result.levels:
        share = f"{row.share * 100:.2f}".replace(".", ",")
        lines.append(f"  {tr(row.level.label):<22} {row.covered:>8}/{row.total:<8} {share} %")
    lines.append(tr("Gaps: {count}").format(count=len(result.gaps)))
    lines += [f"  {report.paths.get(g.target_id, g.target_id)} — {g.role}: {g.assigned}/{g.required}"
              for g in result.gaps[:50]]
    overloaded = [row for row in result.workload if row.overloaded]
    lines.append(tr("Overloaded cadres: {count}").format(count=len(overloaded)))
    lines += [f"  {row.name}: {row.targets}" for row in overloaded[:50]]
    return lines


def cmd_coverage(args: argparse.Namespace, db: Database) -> None:
    """Print the coverage."""
    with UnitOfWork(db) as uow:
        under = units.resolve_unit(uow, args.under).id if args.under else None
        report = coverage(uow, _day(args), under)
    emit(args, coverage_json(report), _coverage_lines(report))


def parse_time(text: str) -> time:
    """Parse HH:MM."""
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
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
    year = args.year or date.today().year
    with UnitOfWork(db) as uow:
        if args.month:
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

    year = getattr(args, "year", None) or date.today().year
    with UnitOfWork(db) as uow:
        start, end = year_span(year)
        cadre = cadres.resolve_cadre(uow, args.cadre).id if args.cadre else None
        count = write_ics(uow, Path(args.out), start, end, cadre, tr)
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
    with UnitOfWork(db) as uow:
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
        cadre = cadres.resolve_cadre(uow, args.cadre).id if args.cadre else None
        if args.on:
            day = parse_day(args.on)
            views = meetings.meetings_between(uow, day, day + timedelta(days=1), cadre)
        else:
            views = meetings.meetings_of_month(uow, args.year or today.year, args.month or today.month, cadre)
    lines: list[str] = []
    for view in views:
        lines.append(f"{when(view.meeting):<36} {view.meeting.title}  [{tr(view.meeting.category.label)}]  "
                     f"{view.meeting.id}")
        lines += [f"    {line}" for line in _warning_lines(view)]
    emit(args, [_meeting_json(view) for view in views], lines or [tr("No meetings.")])


def cmd_meetings_delete(args: argparse.Namespace, db: Database) -> None:
    """Delete a meeting."""
    with UnitOfWork(db) as uow:
        deleted = meetings.delete_meeting(uow, args.meeting)
    print(tr("Deleted the meeting '{title}'.").format(title=deleted.title))


# --- parser ---------------------------------------------------------------------------------


def _add(sub: Any, name: str, help_text: str, handler: Handler, json_flag: bool = False) -> Parser:
    parser: Parser = sub.add_parser(name, help=tr(help_text))
    parser.set_defaults(handler=handler)
    if json_flag:
        parser.add_argument("--json", action="store_true", help=tr(N_("print JSON for scripts")))
    return parser


def _units_parsers(sub: Any) -> None:
    group = sub.add_parser("units", help=tr(N_("administrative units"))).add_subparsers(required=True)
    add = _add(group, "add", N_("create a unit"), cmd_units_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--parent", help=tr(N_("parent unit: id, official code or path")))
    add.add_argument("--kind")
    add.add_argument("--code")
    add.add_argument("--from", dest="valid_from", help=tr(N_("first day (default: today)")))
    add.add_argument("--remote", action="store_true", help=tr(N_("mountain or remote area")))
    for flag in ("--households", "--population", "--party-members"):
        add.add_argument(flag, type=int)
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
    imported = _add(group, "import-official", N_("import a province from the official list"),
                    cmd_units_import, json_flag=True)
    imported.add_argument("--province", required=True)


def _cluster_and_cadre_parsers(sub: Any) -> None:
    group = sub.add_parser("clusters", help=tr(N_("clusters of communes"))).add_subparsers(required=True)
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
    group = sub.add_parser("cadres", help=tr(N_("cadres"))).add_subparsers(required=True)
    add = _add(group, "add", N_("record a cadre"), cmd_cadres_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--tier", required=True, choices=[t.value for t in Tier])
    add.add_argument("--gender", choices=[g.value for g in Gender])
    add.add_argument("--birth-year", type=int)
    add.add_argument("--position", default="")
    add.add_argument("--workplace", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--home")
    for flag in ("--standing", "--committee", "--party-member"):
        add.add_argument(flag, action="store_true")
    listing = _add(group, "list", N_("list the cadres"), cmd_cadres_list, json_flag=True)
    listing.add_argument("--search")


def _calendar_parsers(sub: Any) -> None:
    listing = _add(sub, "calendar", N_("list the meeting-free days (or export them with the meetings)"),
                   cmd_calendar, json_flag=True)
    listing.add_argument("--year", type=int, help=tr(N_("year (default: this year)")))
    listing.add_argument("--month", type=int, help=tr(N_("month 1-12 (default: the whole year)")))
    actions = listing.add_subparsers(required=False, metavar="ACTION")
    export = _add(actions, "export-ics", N_("write the meeting-free days and meetings to an .ics file"),
                  cmd_calendar_export)
    export.add_argument("--out", required=True, help=tr(N_("the .ics file to write")))
    export.add_argument("--cadre", help=tr(N_("only this cadre's meetings and visits (id or full name)")))
    export.add_argument("--year", type=int, default=argparse.SUPPRESS, help=tr(N_("year (default: this year)")))


def _meeting_parsers(sub: Any) -> None:
    group = sub.add_parser("meetings", help=tr(N_("meetings and trainings"))).add_subparsers(required=True)
    add = _add(group, "add", N_("record a meeting"), cmd_meetings_add, json_flag=True)
    add.add_argument("title")
    add.add_argument("--on", required=True, help=tr(N_("the day of the meeting")))
    add.add_argument("--at", default="08:00", help=tr(N_("start time HH:MM (default 08:00)")))
    add.add_argument("--duration", type=int, default=120, help=tr(N_("minutes (default 120)")))
    add.add_argument("--place", default="")
    add.add_argument("--organizer", default="")
    add.add_argument("--category", choices=[c.value for c in MeetingCategory], default=MeetingCategory.COMMITTEE.value)
    add.add_argument("--attendee", action="append", help=tr(N_("cadre id or full name (repeat for each)")))
    add.add_argument("--reason", default="", help=tr(N_("why it is held on a meeting-free day")))
    listing = _add(group, "list", N_("list the meetings of a day or a month"), cmd_meetings_list, json_flag=True)
    listing.add_argument("--on")
    listing.add_argument("--year", type=int)
    listing.add_argument("--month", type=int)
    listing.add_argument("--cadre")
    delete = _add(group, "delete", N_("delete a meeting"), cmd_meetings_delete)
    delete.add_argument("meeting", help=tr(N_("meeting id")))


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
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--scale", choices=["district", "province", "national"], default="district")
    _units_parsers(sub)
    _cluster_and_cadre_parsers(sub)
    assign = _add(sub, "assign", N_("put a cadre in charge of a unit or cluster"), cmd_assign, json_flag=True)
    assign.add_argument("cadre", help=tr(N_("cadre id or full name")))
    assign.add_argument("target", help=tr(N_("unit (id, code or path) or cluster (id or name)")))
    assign.add_argument("--role")
    assign.add_argument("--from", dest="valid_from")
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
    _calendar_parsers(sub)
    _meeting_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; print a Vietnamese message and return 2 on bad input."""
    try:
        args = build_parser().parse_args(argv)
        database = Database.open(args.db)
    except CommandLineError as error:
        print(tr("Invalid command: {message}").format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - a database that cannot be opened is bad input here
        print(tr("Cannot open the database: {error}").format(error=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        args.handler(args, database)
    except DomainError as error:
        print(tr("Error: {message}").format(message=error.render(tr)), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
