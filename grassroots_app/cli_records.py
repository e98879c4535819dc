"""The everyday commands on the records of `grassroots`: list and edit assignments, edit a unit or a cadre."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import Any

from grassroots_app.cli import SHOWN_ROWS, _add, _choices, emit, integer, parse_day, tr
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.model import Assignment, Cadre, CadreStatus, Decision, Gender, Tier, UnitAttributes
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, browse, cadres, clusters, roster, units
from grassroots_app.services.roster import AssignmentFilter, ListedAssignment

ARGPARSE_MESSAGES = (N_("not allowed with argument %s"),)  # argparse's words for exclusive options
FLAGS = {"valid_from": "--from"}  # options whose destination is not their name


def _dmy(day: date | None) -> str:
    """Return a day as dd/mm/yyyy ('' for none)."""
    return day.strftime("%d/%m/%Y") if day else ""


def _nothing_given(args: argparse.Namespace, names: tuple[str, ...]) -> None:
    """Refuse an edit that names nothing to change (`names`: the options' destinations)."""
    if all(getattr(args, name) is None for name in names):
        options = ", ".join(FLAGS.get(name, "--" + name.replace("_", "-")) for name in names)
        raise InvalidInput(N_("Nothing to change: give at least one of {options}."), options=options)


# --- assignments --------------------------------------------------------------------------------


def _dates_text(item: Assignment) -> str:
    """Return an assignment's days as a clerk reads them: "01/08/2025 – 01/03/2026" or "from 01/08/2025"."""
    if item.period.end is None:
        return tr("from {day}").format(day=_dmy(item.period.start))
    return f"{_dmy(item.period.start)} – {_dmy(item.period.end)}"


def _decision_text(decision: Decision) -> str:
    """Return the decision behind an assignment, or say there is none."""
    if not decision.number and decision.signed_on is None:
        return tr("no decision recorded")
    if decision.signed_on is None:
        return tr("decision {number}").format(number=decision.number)
    return tr("decision {number} of {day}").format(number=decision.number or "?", day=_dmy(decision.signed_on))


def _assignment_line(row: ListedAssignment) -> str:
    item = row.assignment
    return "  ".join([row.path, row.cadre_name, item.role, _dates_text(item), _decision_text(item.decision), item.id])


def _assignment_json(row: ListedAssignment) -> dict[str, Any]:
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
    with UnitOfWork(db) as uow:
        wanted = AssignmentFilter(
            on,
            cadres.resolve_cadre(uow, args.cadre).id if args.cadre is not None else None,
            units.resolve_unit(uow, args.under, on).id if args.under is not None else None,
            clusters.resolve_cluster(uow, args.cluster).id if args.cluster is not None else None,
        )
        rows = roster.list_assignments(uow, wanted, date.today())
    if on is None:
        head = tr("All assignments, ended ones too: {count}").format(count=len(rows))
    else:
        head = tr("Assignments running on {day}: {count}").format(day=_dmy(on), count=len(rows))
    emit(args, [_assignment_json(row) for row in rows],
         [head, *(f"  {_assignment_line(row)}" for row in rows)] if rows else [tr("No assignments.")])


def cmd_assignments_edit(args: argparse.Namespace, db: Database) -> None:
    """Correct an assignment's decision, dates or note (the same use case as the window's Edit)."""
    _nothing_given(args, ("decision", "decision_date", "valid_from", "until", "note", "reason"))
    with UnitOfWork(db, write=True) as uow:
        stored = assignments.get_assignment(uow, args.assignment)
        number = stored.decision.number if args.decision is None else args.decision
        signed = stored.decision.signed_on if args.decision_date is None else _optional(args.decision_date)
        changes = assignments.AssignmentChanges(
            start=parse_day(args.valid_from) if args.valid_from is not None else None,
            end=parse_day(args.until) if args.until is not None else None,
            decision=Decision(number, signed), note=args.note, end_reason=args.reason,
        )
        assignments.edit_assignment(uow, stored.id, changes)
    with UnitOfWork(db) as uow:
        view = roster.assignment_view(uow, args.assignment, date.today())
    row = ListedAssignment(view.assignment, view.cadre_name, view.path)
    emit(args, _assignment_json(row), [tr("The assignment now reads:"), f"  {_assignment_line(row)}"])


def _optional(text: str) -> date | None:
    """Parse a day given on the command line; an empty text clears it."""
    return parse_day(text) if text.strip() else None


# --- units and cadres ---------------------------------------------------------------------------

EVERY_HIT = 1_000_000_000  # no limit: SQLite's LIMIT wants a number


def cmd_units_find(args: argparse.Namespace, db: Database) -> None:
    """Find units whose name holds the words (any case, accents optional) or whose code starts with them."""
    on = parse_day(args.on) if args.on is not None else date.today()
    with UnitOfWork(db) as uow:
        hits = browse.search(uow, args.text, on, EVERY_HIT if args.all else SHOWN_ROWS + 1)
    shown, more = (hits, []) if args.all or len(hits) <= SHOWN_ROWS else (
        hits[:SHOWN_ROWS], [f"  {tr('… and more (use --all to see them all)')}"])
    data = [{"id": hit.id, "name": hit.name, "level": hit.level.value, "path": hit.path} for hit in shown]
    lines = [f"{hit.path}  ({tr(hit.level.label)})  {hit.id}" for hit in shown]
    emit(args, data, [*lines, *more] if shown else [tr("No unit found")])


UNIT_OPTIONS = ("name", "kind", "code", "remote", "households", "population", "party_members")


def cmd_units_edit(args: argparse.Namespace, db: Database) -> None:
    """Rename a unit or change its kind, official code or figures, as the window's details do."""
    _nothing_given(args, UNIT_OPTIONS)
    with UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        old = unit.attributes
        attributes = UnitAttributes(
            old.is_remote if args.remote is None else args.remote,
            *(getattr(old, name) if getattr(args, name) is None else getattr(args, name)
              for name in ("households", "population", "party_members")),
        )
        edited = units.edit_unit(uow, unit.id, args.name, args.kind, args.code, attributes)
        path = units.unit_path(uow, edited.id, date.today() if edited.period.covers(date.today())
                               else edited.period.start)
    data = {"id": edited.id, "path": path, "name": edited.name, "kind": edited.kind, "code": edited.code,
            "remote": edited.attributes.is_remote, "households": edited.attributes.households,
            "population": edited.attributes.population, "party_members": edited.attributes.party_members}
    emit(args, data, [tr("Saved {path} ({kind}), code {code}.").format(
        path=path, kind=edited.kind, code=edited.code or "—")])


CADRE_OPTIONS = ("name", "tier", "gender", "birth_year", "position", "workplace", "phone", "home", "standing",
                 "committee", "party_member", "status")


def _edited_cadre(uow: UnitOfWork, args: argparse.Namespace, stored: Cadre) -> Cadre:
    """Return the cadre with the options given on the command line."""
    changes: dict[str, Any] = {
        field: getattr(args, option)
        for option, field in (("name", "full_name"), ("birth_year", "birth_year"), ("position", "position"),
                              ("workplace", "workplace"), ("phone", "phone"), ("standing", "is_standing"),
                              ("committee", "is_committee"), ("party_member", "is_party_member"))
        if getattr(args, option) is not None
    }
    for option, kind in (("tier", Tier), ("gender", Gender), ("status", CadreStatus)):
        if getattr(args, option) is not None:
            changes[option] = kind(getattr(args, option))
    if args.home is not None:
        changes["home_unit_id"] = units.resolve_unit(uow, args.home).id if args.home.strip() else None
    return replace(stored, **changes)


def cmd_cadres_edit(args: argparse.Namespace, db: Database) -> None:
    """Edit a cadre as the window does; one who leaves needs --on, and the assignments that end are named."""
    _nothing_given(args, CADRE_OPTIONS)
    with UnitOfWork(db, write=True) as uow:
        stored = cadres.resolve_cadre(uow, args.cadre)
        edited = _edited_cadre(uow, args, stored)
        leaving = edited.status is CadreStatus.LEFT and stored.status is not CadreStatus.LEFT
        changing = edited.status is not stored.status
        if changing and args.on is None:
            raise InvalidInput(N_("Give the day the status changes with --on (for one who leaves, their "
                                  "assignments end that day)."))
        on = parse_day(args.on) if changing else None
        ended = roster.leaving_targets(uow, stored.id, on) if leaving and on else []
        saved = cadres.edit_cadre(uow, edited, on, args.reason)
    data = {"id": saved.id, "name": saved.full_name, "status": saved.status.value,
            "status_date": saved.status_date.isoformat() if saved.status_date else None,
            "ended": [{"id": target.assignment.id, "path": target.path, "role": target.assignment.role}
                      for target in ended]}
    lines = [tr("Saved the cadre {name}.").format(name=saved.full_name)]
    if leaving and on is not None:
        lines.append(tr("Left on {day}; {count} assignments ended that day:").format(day=_dmy(on), count=len(ended)))
        lines += [f"  {target.path}  {target.assignment.role}  {target.assignment.id}" for target in ended]
    emit(args, data, lines)


# --- parsers ------------------------------------------------------------------------------------


def add_parsers(sub: Any, unit_commands: Any, cadre_commands: Any) -> None:
    """Add `assignments list|edit`, `units find|edit` and `cadres edit`."""
    group = sub.add_parser("assignments", help=tr(N_("list or correct assignments"))).add_subparsers(required=True)
    listing = _add(group, "list", N_("list the assignments with their ids"), cmd_assignments_list, json_flag=True)
    listing.add_argument("--under", help=tr(N_("only on this unit and below it (id, code or path)")))
    listing.add_argument("--cadre", help=tr(N_("cadre id or full name")))
    listing.add_argument("--cluster", help=tr(N_("only on this cluster and its communes (id or name)")))
    when = listing.add_mutually_exclusive_group()
    when.add_argument("--on", help=tr(N_("those running on this day (default: today)")))
    when.add_argument("--all", action="store_true", help=tr(N_("all of them, ended ones too")))
    edit = _add(group, "edit", N_("correct an assignment's decision, dates or note"), cmd_assignments_edit,
                json_flag=True)
    edit.add_argument("assignment", help=tr(N_("assignment id")))
    edit.add_argument("--decision", help=tr(N_("the decision number")))
    edit.add_argument("--decision-date", help=tr(N_("the day the decision was signed ('' clears it)")))
    edit.add_argument("--from", dest="valid_from", help=tr(N_("the first day in charge")))
    edit.add_argument("--until", help=tr(N_("the day it ended (only of one that has ended: unassign ends one)")))
    edit.add_argument("--note")
    edit.add_argument("--reason", help=tr(N_("why it ends before the minimum tenure")))
    found = _add(unit_commands, "find", N_("find units by a word of their name or by code"), cmd_units_find,
                 json_flag=True)
    found.add_argument("text")
    found.add_argument("--on", help=tr(N_("the day (default: today)")))
    found.add_argument("--all", action="store_true", help=tr(N_("every unit found (without: the first 50)")))
    unit = _add(unit_commands, "edit", N_("rename a unit or change its kind, code or figures"), cmd_units_edit,
                json_flag=True)
    unit.add_argument("unit", help=tr(N_("unit (id, code or path)")))
    unit.add_argument("--name")
    unit.add_argument("--kind")
    unit.add_argument("--code", help=tr(N_("official code ('' clears it)")))
    unit.add_argument("--remote", action=argparse.BooleanOptionalAction, help=tr(N_("mountain or remote area")))
    for flag in ("--households", "--population", "--party-members"):
        unit.add_argument(flag, type=integer)
    _cadre_parser(cadre_commands)


def _cadre_parser(cadre_commands: Any) -> None:
    cadre = _add(cadre_commands, "edit", N_("edit a cadre (leaving ends their assignments)"), cmd_cadres_edit,
                 json_flag=True)
    cadre.add_argument("cadre", help=tr(N_("cadre id or full name")))
    cadre.add_argument("--name")
    cadre.add_argument("--tier", choices=_choices(Tier))
    cadre.add_argument("--gender", choices=_choices(Gender))
    cadre.add_argument("--birth-year", type=integer)
    cadre.add_argument("--position")
    cadre.add_argument("--workplace")
    cadre.add_argument("--phone")
    cadre.add_argument("--home", help=tr(N_("home unit (id, code or path; '' clears it)")))
    for flag in ("--standing", "--committee", "--party-member"):
        cadre.add_argument(flag, action=argparse.BooleanOptionalAction)
    cadre.add_argument("--status", choices=_choices(CadreStatus))
    cadre.add_argument("--on", help=tr(N_("the day the new status takes effect (required with --status)")))
    cadre.add_argument("--reason", default="", help=tr(N_("why the cadre left (kept with each assignment ended)")))
