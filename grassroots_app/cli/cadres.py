"""The cadre commands of `grassroots`: add, list and edit cadres."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    emit,
    integer,
    lazy_services,
    nothing_given,
    parse_day,
    tr,
    values_of,
)
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cadre, CadreStatus, Gender, Tier

if TYPE_CHECKING:
    from grassroots_app.services import cadres, roster, session, units
    from grassroots_app.services.session import Database
else:
    cadres, roster, session, units = lazy_services("cadres", "roster", "session", "units")


def cmd_cadres_add(args: argparse.Namespace, db: Database) -> None:
    """Record a cadre."""
    with session.UnitOfWork(db, write=True) as uow:
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
    with session.UnitOfWork(db) as uow:
        rows = cadres.search_cadres(uow, args.search or "")
    data = [{"id": c.id, "name": c.full_name, "tier": c.tier.value, "position": c.position,
             "workplace": c.workplace, "status": c.status.value} for c in rows]
    emit(args, data, [f"{c.full_name:<30} {tr(c.tier.label):<14} {c.position:<30} {c.id}" for c in rows]
         or [tr("No cadres.")])


CADRE_OPTIONS = ("name", "tier", "gender", "birth_year", "position", "workplace", "phone", "home", "standing",
                 "committee", "party_member", "status")


def _edited_cadre(uow: session.UnitOfWork, args: argparse.Namespace, stored: Cadre) -> Cadre:
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
    nothing_given(args, CADRE_OPTIONS)
    with session.UnitOfWork(db, write=True) as uow:
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
        lines.append(tr("Left on {day}; {count} assignments ended that day:").format(day=format_date(on), count=len(ended)))
        lines += [f"  {target.path}  {target.assignment.role}  {target.assignment.id}" for target in ended]
    emit(args, data, lines)


def add_parsers(sub: Any) -> None:
    """Add `cadres add|list|edit`."""
    group = add_group(sub, "cadres", N_("cadres"))
    add = add_command(group, "add", N_("record a cadre"), cmd_cadres_add, json_flag=True)
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
    listing = add_command(group, "list", N_("list the cadres"), cmd_cadres_list, json_flag=True)
    listing.add_argument("--search")
    _edit_parser(group)


def _edit_parser(group: Any) -> None:
    cadre = add_command(group, "edit", N_("edit a cadre (leaving ends their assignments)"), cmd_cadres_edit,
                        json_flag=True)
    cadre.add_argument("cadre", help=tr(N_("cadre id or full name")))
    cadre.add_argument("--name")
    cadre.add_argument("--tier", choices=values_of(Tier))
    cadre.add_argument("--gender", choices=values_of(Gender))
    cadre.add_argument("--birth-year", type=integer)
    cadre.add_argument("--position")
    cadre.add_argument("--workplace")
    cadre.add_argument("--phone")
    cadre.add_argument("--home", help=tr(N_("home unit (id, code or path; '' clears it)")))
    for flag in ("--standing", "--committee", "--party-member"):
        cadre.add_argument(flag, action=argparse.BooleanOptionalAction)
    cadre.add_argument("--status", choices=values_of(CadreStatus))
    cadre.add_argument("--on", help=tr(N_("the day the new status takes effect (required with --status)")))
    cadre.add_argument("--reason", default="", help=tr(N_("why the cadre left (kept with each assignment ended)")))
