"""The assignment commands of `grassroots`: assign, unassign, list and correct assignments, coverage."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    day_option,
    emit,
    lazy_services,
    nothing_given,
    parse_day,
    print_dated,
    shown_rows,
    target_id,
    tr,
)
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date, format_percent
from grassroots_app.domain.model import Assignment, Decision

if TYPE_CHECKING:
    from grassroots_app.services import assignments, cadres, clusters, coverage, roster, session, units
    from grassroots_app.services.coverage import CoverageReport
    from grassroots_app.services.session import Database
else:
    (assignments, cadres, clusters, coverage, roster, session, units) = lazy_services(
        "assignments", "cadres", "clusters", "coverage", "roster", "session", "units"
    )


def cmd_assign(args: argparse.Namespace, db: Database) -> None:
    """Put a cadre in charge of a unit or cluster."""
    with session.UnitOfWork(db, write=True) as uow:
        cadre = cadres.resolve_cadre(uow, args.cadre)
        target = target_id(uow, args.target)
        decision = Decision(args.decision, parse_day(args.decision_date) if args.decision_date is not None else None)
        made = assignments.assign(uow, assignments.NewAssignment(
            cadre.id, target, day_option(args, "valid_from"), args.role, decision, args.note))
        path = units.unit_path(uow, target, made.period.start)
    emit(args, {"id": made.id, "role": made.role, "target": path},
         [tr("{name} is in charge of {path} as '{role}' (assignment {id}).").format(
             name=cadre.full_name, path=path, role=made.role, id=made.id)])


def cmd_unassign(args: argparse.Namespace, db: Database) -> None:
    """End an assignment."""
    with session.UnitOfWork(db, write=True) as uow:
        ended = assignments.end_assignment(uow, args.assignment, day_option(args), args.reason)
    assert ended.period.end is not None  # an ended assignment has its last day
    print_dated(args, tr("The assignment ends on {day}.").format(day=format_date(ended.period.end)))


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


def _coverage_lines(report: CoverageReport, every: bool = False) -> list[str]:
    result = report.coverage
    lines = [tr("Coverage on {day}:").format(day=format_date(result.on))]
    for row in result.levels:
        lines.append(f"  {tr(row.level.label):<22} {row.covered:>8}/{row.total:<8} {format_percent(row.share)}")
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
    """Print the coverage (in JSON with every cadre's workload, as scripts rely on; else the overloaded only)."""
    with session.UnitOfWork(db) as uow:
        under = units.resolve_unit(uow, args.under).id if args.under is not None else None
        report = coverage.coverage(uow, day_option(args), under, every_cadre=args.json)
    emit(args, coverage_json(report), _coverage_lines(report, args.all))


def _dates_text(item: Assignment) -> str:
    """Return an assignment's days as a clerk reads them: "01/08/2025 – 01/03/2026" or "from 01/08/2025"."""
    if item.period.end is None:
        return tr("from {day}").format(day=format_date(item.period.start))
    return f"{format_date(item.period.start)} – {format_date(item.period.end)}"


def _decision_text(decision: Decision) -> str:
    """Return the decision behind an assignment, or say there is none."""
    if not decision.number and decision.signed_on is None:
        return tr("no decision recorded")
    if decision.signed_on is None:
        return tr("decision {number}").format(number=decision.number)
    return tr("decision {number} of {day}").format(number=decision.number or "?", day=format_date(decision.signed_on))


def _assignment_line(row: roster.ListedAssignment) -> str:
    item = row.assignment
    return "  ".join([row.path, row.cadre_name, item.role, _dates_text(item), _decision_text(item.decision), item.id])


def _assignment_json(row: roster.ListedAssignment) -> dict[str, Any]:
    item = row.assignment
    return {
        "id": item.id, "cadre_id": item.cadre_id, "cadre": row.cadre_name, "target_id": item.target_id,
        "path": row.path, "level": item.target_level.value, "role": item.role,
        "from": item.period.start.isoformat(), "until": item.period.end.isoformat() if item.period.end else None,
        "decision": {"number": item.decision.number,
                     "date": item.decision.signed_on.isoformat() if item.decision.signed_on else None},
        "note": item.note, "end_reason": item.end_reason,
    }


def cmd_assignments_list(args: argparse.Namespace, db: Database) -> None:
    """List the assignments running on a day (or all of them), with the id `unassign` and `edit` take."""
    on = None if args.all else parse_day(args.on) if args.on is not None else date.today()
    with session.UnitOfWork(db) as uow:
        wanted = roster.AssignmentFilter(
            on,
            cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None,
            units.resolve_unit(uow, args.under, on).id if args.under is not None else None,
            clusters.resolve_cluster(uow, args.cluster).id if args.cluster is not None else None,
        )
        rows = roster.list_assignments(uow, wanted, date.today())
    if on is None:
        head = tr("All assignments, ended ones too: {count}").format(count=len(rows))
    else:
        head = tr("Assignments running on {day}: {count}").format(day=format_date(on), count=len(rows))
    emit(args, [_assignment_json(row) for row in rows],
         [head, *(f"  {_assignment_line(row)}" for row in rows)] if rows else [tr("No assignments.")])


def cmd_assignments_edit(args: argparse.Namespace, db: Database) -> None:
    """Correct an assignment's decision, dates or note (the same use case as the window's Edit)."""
    nothing_given(args, ("decision", "decision_date", "valid_from", "until", "note", "reason"))
    with session.UnitOfWork(db, write=True) as uow:
        stored = assignments.get_assignment(uow, args.assignment)
        number = stored.decision.number if args.decision is None else args.decision
        signed = stored.decision.signed_on if args.decision_date is None else _optional(args.decision_date)
        changes = assignments.AssignmentChanges(
            start=parse_day(args.valid_from) if args.valid_from is not None else None,
            end=parse_day(args.until) if args.until is not None else None,
            decision=Decision(number, signed), note=args.note, end_reason=args.reason,
        )
        assignments.edit_assignment(uow, stored.id, changes)
    with session.UnitOfWork(db) as uow:
        view = roster.assignment_view(uow, args.assignment, date.today())
    row = roster.ListedAssignment(view.assignment, view.cadre_name, view.path)
    emit(args, _assignment_json(row), [tr("The assignment now reads:"), f"  {_assignment_line(row)}"])


def _optional(text: str) -> date | None:
    """Parse a day given on the command line; an empty text clears it."""
    return parse_day(text) if text.strip() else None


def add_parsers(sub: Any) -> None:
    """Add `assign`, `unassign` and `coverage`."""
    assign = add_command(sub, "assign", N_("put a cadre in charge of a unit or cluster"), cmd_assign, json_flag=True)
    assign.add_argument("cadre", help=tr(N_("cadre id or full name")))
    assign.add_argument("target", help=tr(N_("unit (id, code or path) or cluster (id or name)")))
    assign.add_argument("--role")
    assign.add_argument("--from", dest="valid_from", required=True,
                        help=tr(N_("the first day in charge (the decision's date of effect)")))
    assign.add_argument("--decision", default="")
    assign.add_argument("--decision-date")
    assign.add_argument("--note", default="")
    unassign = add_command(sub, "unassign", N_("end an assignment"), cmd_unassign)
    unassign.add_argument("assignment", help=tr(N_("assignment id")))
    unassign.add_argument("--on")
    unassign.add_argument("--reason", default="")
    cover = add_command(sub, "coverage", N_("show gaps, coverage per level and workload"), cmd_coverage, json_flag=True)
    cover.add_argument("--under")
    cover.add_argument("--on")
    cover.add_argument("--all", action="store_true",
                       help=tr(N_("list every gap and overloaded cadre (without: the first 50)")))


def add_list_parsers(sub: Any) -> None:
    """Add `assignments list|edit`."""
    group = add_group(sub, "assignments", N_("list or correct assignments"))
    listing = add_command(group, "list", N_("list the assignments with their ids"), cmd_assignments_list,
                          json_flag=True)
    listing.add_argument("--under", help=tr(N_("only on this unit and below it (id, code or path)")))
    listing.add_argument("--cadre", help=tr(N_("cadre id or full name")))
    listing.add_argument("--cluster", help=tr(N_("only on this cluster and its communes (id or name)")))
    when = listing.add_mutually_exclusive_group()
    when.add_argument("--on", help=tr(N_("those running on this day (default: today)")))
    when.add_argument("--all", action="store_true", help=tr(N_("all of them, ended ones too")))
    edit = add_command(group, "edit", N_("correct an assignment's decision, dates or note"), cmd_assignments_edit,
                       json_flag=True)
    edit.add_argument("assignment", help=tr(N_("assignment id")))
    edit.add_argument("--decision", help=tr(N_("the decision number")))
    edit.add_argument("--decision-date", help=tr(N_("the day the decision was signed ('' clears it)")))
    edit.add_argument("--from", dest="valid_from", help=tr(N_("the first day in charge")))
    edit.add_argument("--until", help=tr(N_("the day it ended (only of one that has ended: unassign ends one)")))
    edit.add_argument("--note")
    edit.add_argument("--reason", help=tr(N_("why it ends before the minimum tenure")))
