"""The unit commands of `grassroots`: add, list, move, close, merge, import, find and edit units."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    SHOWN_ROWS,
    add_command,
    add_group,
    day_option,
    emit,
    integer,
    lazy_services,
    nothing_given,
    parse_day,
    print_dated,
    tr,
)
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Carry, UnitAttributes

if TYPE_CHECKING:
    from grassroots_app.services import browse, official, session, units
    from grassroots_app.services.session import Database
else:
    browse, official, session, units = lazy_services("browse", "official", "session", "units")


def cmd_units_add(args: argparse.Namespace, db: Database) -> None:
    """Create a unit."""
    attributes = UnitAttributes(args.remote, args.households, args.population, args.party_members)
    with session.UnitOfWork(db, write=True) as uow:
        parent = units.resolve_unit(uow, args.parent).id if args.parent is not None else None
        new = units.NewUnit(args.name, parent, day_option(args, "valid_from"), args.kind, args.code, attributes)
        unit = units.add_unit(uow, new)
        path = units.unit_path(uow, unit.id, unit.period.start)
    lines = [tr("Created {path} ({kind}), id {id}.").format(path=path, kind=unit.kind, id=unit.id)]
    if args.valid_from is None:
        lines.append(tr("No --from was given: it begins today, {day}, so nothing (an assignment, a move, a "
                        "meeting) can be dated before that day. Give --from with the day it really began.").format(
            day=format_date(unit.period.start)))
    emit(args, {"id": unit.id, "path": path, "level": unit.level.value, "kind": unit.kind,
                "valid_from": unit.period.start.isoformat()}, lines)


def cmd_units_list(args: argparse.Namespace, db: Database) -> None:
    """List the units under a unit (or the provinces)."""
    on = parse_day(args.on) if args.on is not None else None
    with session.UnitOfWork(db) as uow:
        parent = units.resolve_unit(uow, args.under, on).id if args.under is not None else None
        rows = units.units_under(uow, parent, on)
    data = [{"id": u.id, "name": u.name, "level": u.level.value, "kind": u.kind, "code": u.code,
             "valid_from": u.period.start.isoformat(),
             "valid_to": u.period.end.isoformat() if u.period.end else None} for u in rows]
    lines = [f"{u.name:<40} {u.kind:<20} {u.code or '':<6} {u.id}" for u in rows]
    emit(args, data, lines or [tr("No units.")])


def cmd_units_move(args: argparse.Namespace, db: Database) -> None:
    """Move a unit under another parent from a day on."""
    with session.UnitOfWork(db, write=True) as uow:
        unit = units.resolve_unit(uow, args.unit)
        parent = units.resolve_unit(uow, args.to)
        moved = units.move_unit(uow, unit.id, parent.id, day_option(args))
        path = units.unit_path(uow, moved.id, day_option(args))
    print_dated(args, tr("Moved: now {path}.").format(path=path))


def cmd_units_close(args: argparse.Namespace, db: Database) -> None:
    """Close a unit on a day."""
    with session.UnitOfWork(db, write=True) as uow:
        unit = units.close_unit(uow, units.resolve_unit(uow, args.unit).id, day_option(args))
    print_dated(args, tr("Closed '{name}' on {day}.").format(name=unit.name, day=format_date(day_option(args))))


def cmd_units_merge(args: argparse.Namespace, db: Database) -> None:
    """Merge one unit into another."""
    with session.UnitOfWork(db, write=True) as uow:
        source = units.resolve_unit(uow, args.unit)
        target = units.resolve_unit(uow, args.into)
        units.merge_units(uow, source.id, target.id, day_option(args), Carry(args.carry), args.note)
    print_dated(args, tr("Merged '{source}' into '{target}'.").format(source=source.name, target=target.name))


def cmd_units_import(args: argparse.Namespace, db: Database) -> None:
    """Import a province, or one district of it, from the official list."""
    with session.UnitOfWork(db, write=True) as uow:
        result = official.import_official(uow, args.province, district=args.district)
    place = result.province.name if result.district is None else f"{result.province.name} / {result.district.name}"
    data = {"province_id": result.province.id, "province": result.province.name,
            "district_id": result.district.id if result.district else None,
            "district": result.district.name if result.district else None,
            "added": result.added, "matched": result.matched}
    emit(args, data, [tr("{province}: {added} units added, {matched} already present.").format(
        province=place, added=result.added, matched=result.matched)])


EVERY_HIT = 1_000_000_000  # no limit: SQLite's LIMIT wants a number


def cmd_units_find(args: argparse.Namespace, db: Database) -> None:
    """Find units whose name holds the words (any case, accents optional) or whose code starts with them."""
    on = parse_day(args.on) if args.on is not None else date.today()
    with session.UnitOfWork(db) as uow:
        hits = browse.search(uow, args.text, on, EVERY_HIT if args.all else SHOWN_ROWS + 1)
    shown, more = (hits, []) if args.all or len(hits) <= SHOWN_ROWS else (
        hits[:SHOWN_ROWS], [f"  {tr('… and more (use --all to see them all)')}"])
    data = [{"id": hit.id, "name": hit.name, "level": hit.level.value, "path": hit.path} for hit in shown]
    lines = [f"{hit.path}  ({tr(hit.level.label)})  {hit.id}" for hit in shown]
    emit(args, data, [*lines, *more] if shown else [tr("No unit found")])


UNIT_OPTIONS = ("name", "kind", "code", "remote", "households", "population", "party_members")


def cmd_units_edit(args: argparse.Namespace, db: Database) -> None:
    """Rename a unit or change its kind, official code or figures, as the window's details do."""
    nothing_given(args, UNIT_OPTIONS)
    with session.UnitOfWork(db, write=True) as uow:
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


def add_parsers(sub: Any) -> None:
    """Add `units add|list|move|close|merge|import-official|find|edit`."""
    group = add_group(sub, "units", N_("administrative units"))
    add = add_command(group, "add", N_("create a unit"), cmd_units_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--parent", help=tr(N_("parent unit: id, official code or path")))
    add.add_argument("--kind")
    add.add_argument("--code")
    add.add_argument("--from", dest="valid_from", help=tr(N_("first day (default: today)")))
    add.add_argument("--remote", action="store_true", help=tr(N_("mountain or remote area")))
    for flag in ("--households", "--population", "--party-members"):
        add.add_argument(flag, type=integer)
    listing = add_command(group, "list", N_("list the units under a unit"), cmd_units_list, json_flag=True)
    listing.add_argument("--under")
    listing.add_argument("--on")
    move = add_command(group, "move", N_("move a unit under another parent"), cmd_units_move)
    move.add_argument("unit")
    move.add_argument("--to", required=True)
    move.add_argument("--on")
    close = add_command(group, "close", N_("close a unit"), cmd_units_close)
    close.add_argument("unit")
    close.add_argument("--on")
    merge = add_command(group, "merge", N_("merge a unit into another"), cmd_units_merge)
    merge.add_argument("unit")
    merge.add_argument("--into", required=True)
    merge.add_argument("--on")
    merge.add_argument("--carry", choices=[c.value for c in Carry], default="transfer")
    merge.add_argument("--note", default="")
    imported = add_command(group, "import-official",
                           N_("import a province, or one district of it, from the official list"), cmd_units_import,
                           json_flag=True)
    imported.add_argument("--province", required=True)
    imported.add_argument("--district", help=tr(N_("only this district (three-level model: the pre-July-2025 list)")))
    _find_and_edit_parsers(group)


def _find_and_edit_parsers(group: Any) -> None:
    found = add_command(group, "find", N_("find units by a word of their name or by code"), cmd_units_find,
                        json_flag=True)
    found.add_argument("text")
    found.add_argument("--on", help=tr(N_("the day (default: today)")))
    found.add_argument("--all", action="store_true", help=tr(N_("every unit found (without: the first 50)")))
    unit = add_command(group, "edit", N_("rename a unit or change its kind, code or figures"), cmd_units_edit,
                       json_flag=True)
    unit.add_argument("unit", help=tr(N_("unit (id, code or path)")))
    unit.add_argument("--name")
    unit.add_argument("--kind")
    unit.add_argument("--code", help=tr(N_("official code ('' clears it)")))
    unit.add_argument("--remote", action=argparse.BooleanOptionalAction, help=tr(N_("mountain or remote area")))
    for flag in ("--households", "--population", "--party-members"):
        unit.add_argument(flag, type=integer)
