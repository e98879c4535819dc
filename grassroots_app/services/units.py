"""Use cases on units: add, edit, move, close, merge, and find a unit by id, code or path."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.errors import N_, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.formats import format_date, format_number
from grassroots_app.domain.model import Assignment, Carry, Level, Period, Preset, Unit, UnitAttributes, new_id
from grassroots_app.domain.text import CODE_LENGTH, NOTE_LENGTH, TextField, clean_text, fold, nfc
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import timeline
from grassroots_app.services.setup import require_settings

PATH_SEPARATOR = "/"
UnitFinder = Callable[[str], Unit]  # finds a unit by id, official code or path of names; NotFound when none
# Households, people or party members of one unit: Viet Nam as a whole counts about 101 million people, so a
# larger count is a typo (or a cell read wrongly), and it stays far inside SQLite's 64-bit integers.
MAX_COUNT = 150_000_000


@dataclass(frozen=True)
class NewUnit:
    """What the clerk gives to create a unit; the level follows from the parent."""

    name: str
    parent_id: str | None
    valid_from: date
    kind: str | None = None
    code: str | None = None
    attributes: UnitAttributes = UnitAttributes()


def get_unit(uow: UnitOfWork, unit_id: str) -> Unit:
    """Return the unit or refuse an unknown id."""
    unit = uow.units.get(unit_id)
    if unit is None:
        raise NotFound(N_("No unit has the id '{id}'."), id=unit_id)
    return unit


def check_attributes(attributes: UnitAttributes) -> None:
    """Refuse negative or implausibly large counts of households, people or party members."""
    for message, value in (
        (N_("The number of households cannot be negative."), attributes.households),
        (N_("The population cannot be negative."), attributes.population),
        (N_("The number of party members cannot be negative."), attributes.party_members),
    ):
        if value is not None and value < 0:
            raise InvalidInput(message)
        if value is not None and value > MAX_COUNT:
            raise InvalidInput(N_("{value} is more than any unit can count (at most {limit})."),
                               value=value, limit=format_number(MAX_COUNT))


def check_code(code: str | None, holder: Unit | None, unit_id: str | None) -> str | None:
    """Return the official code cleaned (None when empty), or refuse a bad one or one that another unit holds."""
    cleaned = clean_text(code or "", CODE_LENGTH, TextField.CODE) or None
    if cleaned is not None and holder is not None and holder.id != unit_id:
        raise RuleViolation(
            N_("The official code {code} already belongs to '{name}'."), code=cleaned, name=holder.name
        )
    return cleaned


def _clean_code(uow: UnitOfWork, code: str | None, unit_id: str | None) -> str | None:
    cleaned = clean_text(code or "", CODE_LENGTH, TextField.CODE) or None
    return check_code(cleaned, uow.units.by_code(cleaned) if cleaned else None, unit_id)


def _sibling_names(uow: UnitOfWork, parent_id: str | None, start: date, except_id: str = "") -> list[str]:
    """Return the names of the units under a parent at any time from a day on."""
    return [unit.name for unit in uow.units.siblings_from(parent_id, start) if unit.id != except_id]


def add_unit(uow: UnitOfWork, new: NewUnit) -> Unit:
    """Create a unit under a parent (or a province at the top) and return it."""
    unit = create_unit(uow, new)
    uow.commit()
    return unit


def create_unit(uow: UnitOfWork, new: NewUnit) -> Unit:
    """Check and stage a new unit inside the caller's transaction (which commits it)."""
    preset = require_settings(uow).preset
    parent = get_unit(uow, new.parent_id) if new.parent_id else None
    code = (new.code or "").strip() or None
    unit = build_unit(
        preset, new, parent, _sibling_names(uow, new.parent_id, new.valid_from),
        uow.units.by_code(code) if code else None, default_kind=default_kind_under(uow, new.parent_id, new.valid_from),
    )
    uow.units.add(unit)
    return unit


def new_unit_offer(uow: UnitOfWork, parent_id: str | None) -> tuple[Level, tuple[str, ...]]:
    """Return the level of a new unit under a parent (None: a province) and the kinds the model offers it."""
    preset = require_settings(uow).preset
    level = hierarchy.new_unit_level(preset, get_unit(uow, parent_id).level if parent_id is not None else None)
    return level, hierarchy.offered_kinds(preset, level)


def default_kind_under(uow: UnitOfWork, parent_id: str | None, on: date) -> str:
    """Return the kind a new unit under a parent most likely has (its siblings' kind, else its region's)."""
    if parent_id is None:
        return hierarchy.default_kind(Level.PROVINCE, {}, None, None)
    parent = get_unit(uow, parent_id)
    level = hierarchy.new_unit_level(require_settings(uow).preset, parent.level)
    siblings = Counter(unit.kind for unit in uow.units.children(parent_id, on))
    province = parent
    while province.parent_id is not None:
        province = get_unit(uow, province.parent_id)
    commune_kind = parent.kind if parent.level is Level.COMMUNE else None
    return hierarchy.default_kind(level, siblings, province.name, commune_kind)


def build_unit(
    preset: Preset, new: NewUnit, parent: Unit | None, sibling_names: Iterable[str], code_holder: Unit | None,
    unit_id: str | None = None, default_kind: str | None = None,
) -> Unit:
    """Check a new unit against the rules of the model and return it, not yet stored.

    `sibling_names` are the names borne under the same parent from its first day on; `code_holder` is the
    unit already bearing its official code, if any; a unit given no kind and whose name does not start with
    one takes `default_kind` (None: the level's first kind).
    """
    name = hierarchy.clean_name(new.name)
    if parent is None:
        level = Level.PROVINCE
    else:
        hierarchy.check_open_on(parent.period, new.valid_from, parent.name)
        hierarchy.check_not_closed(parent.period, parent.name)
        child = hierarchy.child_level(preset, parent.level)
        if child is None:
            raise RuleViolation(N_("A {level} cannot have units under it."), level=parent.level)
        level = child
    hierarchy.check_parent(preset, level, parent.level if parent else None)
    hierarchy.check_sibling_name(name, sibling_names)
    kind = hierarchy.clean_kind(level, new.kind) if new.kind else hierarchy.guess_kind(level, name, default_kind)
    check_attributes(new.attributes)
    code = check_code(new.code, code_holder, None)
    return Unit(unit_id or new_id(), level, kind, name, new.parent_id, Period(new.valid_from), code,
                new.attributes)


def edit_unit(
    uow: UnitOfWork,
    unit_id: str,
    name: str | None = None,
    kind: str | None = None,
    code: str | None = None,
    attributes: UnitAttributes | None = None,
) -> Unit:
    """Rename a unit or change its kind, code or attributes; return it as stored."""
    updated = stage_unit_edit(uow, unit_id, name, kind, code, attributes)
    uow.commit()
    return updated


def stage_unit_edit(
    uow: UnitOfWork,
    unit_id: str,
    name: str | None = None,
    kind: str | None = None,
    code: str | None = None,
    attributes: UnitAttributes | None = None,
) -> Unit:
    """Check and stage a unit's new name, kind, code or attributes in the caller's transaction."""
    unit = get_unit(uow, unit_id)
    changes: dict[str, object] = {}
    if name is not None:
        cleaned = hierarchy.clean_name(name)
        if cleaned != unit.name:
            day = date.today() if unit.period.covers(date.today()) else unit.period.start
            hierarchy.check_sibling_name(cleaned, _sibling_names(uow, unit.parent_id, day, unit.id))
        changes["name"] = cleaned
    if kind is not None:
        changes["kind"] = hierarchy.clean_kind(unit.level, kind)
    if code is not None:
        changes["code"] = _clean_code(uow, code, unit.id)
    if attributes is not None:
        check_attributes(attributes)
        changes["attributes"] = attributes
    updated = replace(unit, **changes)  # type: ignore[arg-type]
    uow.units.update(updated)
    return updated


def move_unit(uow: UnitOfWork, unit_id: str, new_parent_id: str, on: date) -> Unit:
    """Place a unit under another parent from a day on, keeping the old placement in history."""
    settings = require_settings(uow)
    unit = get_unit(uow, unit_id)
    parent = get_unit(uow, new_parent_id)
    for end in (unit, parent):
        hierarchy.check_open_on(end.period, on, end.name)
        hierarchy.check_not_closed(end.period, end.name)
    hierarchy.check_parent(settings.preset, unit.level, parent.level)
    hierarchy.check_no_cycle(unit.id, parent.id, uow.units.current_parent)
    if parent.id == uow.units.current_parent(unit.id):
        raise RuleViolation(N_("'{name}' is already under '{parent}'."), name=unit.name, parent=parent.name)
    hierarchy.check_after_placement(on, uow.units.last_link_start(unit.id), unit.name)
    hierarchy.check_sibling_name(unit.name, _sibling_names(uow, parent.id, on))
    uow.units.set_parent(unit.id, parent.id, on)
    _leave_foreign_clusters(uow, unit, parent.id, on)
    uow.commit()
    return replace(unit, parent_id=parent.id)


def check_still_stands(uow: UnitOfWork, unit_id: str) -> None:
    """Refuse a unit as stored that the rules no longer allow (one an undo or redo put back or closed)."""
    unit = uow.units.get(unit_id)
    if unit is None:
        return
    if unit.period.end is not None:
        timeline.check_no_children_after(uow, unit, unit.period.end)
        timeline.check_nothing_held_after(uow, unit.id, unit.name, unit.period.end)
        return
    parent_id = uow.units.current_parent(unit.id)
    if parent_id is not None:
        parent = get_unit(uow, parent_id)
        hierarchy.check_not_closed(parent.period, parent.name)
    day = date.today() if unit.period.covers(date.today()) else unit.period.start
    hierarchy.check_sibling_name(unit.name, _sibling_names(uow, parent_id, day, unit.id))


def _leave_foreign_clusters(uow: UnitOfWork, unit: Unit, parent_id: str, on: date) -> None:
    """End a moved commune's membership of clusters that do not sit above its new place."""
    if unit.level is not Level.COMMUNE:
        return
    ancestors = _ancestors(uow, parent_id)
    kept = {cluster.id for _id, cluster, _period in uow.clusters.memberships_of(unit.id)
            if cluster.parent_id in ancestors}
    timeline.end_memberships(uow, unit, on, kept)


def _ancestors(uow: UnitOfWork, unit_id: str) -> set[str]:
    found = {unit_id}
    current = uow.units.current_parent(unit_id)
    while current is not None and current not in found:
        found.add(current)
        current = uow.units.current_parent(current)
    return found


def _retire(uow: UnitOfWork, unit: Unit, on: date, reason: str) -> list[Assignment]:
    """Close a unit on a day with its link, memberships and open assignments; return those ended."""
    hierarchy.check_not_closed(unit.period, unit.name)
    if on <= unit.period.start:
        raise InvalidInput(
            N_("'{name}' can only be closed after it began on {day}."),
            name=unit.name,
            day=format_date(unit.period.start),
        )
    hierarchy.check_after_placement(on, uow.units.last_link_start(unit.id), unit.name)
    timeline.check_no_children_after(uow, unit, on)
    ended = timeline.end_target_assignments(uow, unit.id, unit.name, on, reason)
    timeline.end_memberships(uow, unit, on)
    uow.units.end_link(unit.id, on)
    uow.units.update(replace(unit, period=Period(unit.period.start, on)))
    return ended


def close_unit(uow: UnitOfWork, unit_id: str, on: date) -> Unit:
    """Close a unit on a day, ending its open assignments; refuse while anything under it lives on."""
    unit = get_unit(uow, unit_id)
    _retire(uow, unit, on, "Đơn vị giải thể")
    uow.commit()
    return get_unit(uow, unit_id)


def merge_units(
    uow: UnitOfWork, source_id: str, target_id: str, on: date, carry: Carry, note: str = ""
) -> Unit:
    """Merge the source unit into the target on a day: children move, assignments carry, lineage kept.

    The database is backed up (pre-merge) once the request is found valid, before anything changes.
    """
    source, target = get_unit(uow, source_id), get_unit(uow, target_id)
    if source.id == target.id:
        raise RuleViolation(N_("A unit cannot be merged into itself."))
    if source.level is not target.level:
        raise RuleViolation(
            N_("Only units of the same level can be merged: '{source}' is a {source_level}, "
               "'{target}' a {target_level}."),
            source=source.name, source_level=source.level, target=target.name, target_level=target.level,
        )
    for unit in (source, target):
        hierarchy.check_open_on(unit.period, on, unit.name)
        hierarchy.check_not_closed(unit.period, unit.name)
    uow.backup_before(BackupKind.PRE_MERGE)
    target_names = _sibling_names(uow, target.id, on)
    for child in uow.units.children(source.id):
        hierarchy.check_after_placement(on, uow.units.last_link_start(child.id), child.name)
        hierarchy.check_sibling_name(child.name, target_names)
        uow.units.set_parent(child.id, target.id, on)
        target_names.append(child.name)
    for old in _retire(uow, source, on, f"Sáp nhập vào {target.name}"):
        if carry is Carry.TRANSFER:
            _transfer(uow, old, target, on)
    uow.units.add_lineage(source.id, target.id, on, clean_text(note, NOTE_LENGTH, TextField.NOTE))
    uow.commit()
    return get_unit(uow, target.id)


@dataclass(frozen=True)
class MergeEntry:
    """A merge into or out of a unit as its history shows it: the day, both units' names, the clerk's note."""

    on: date
    source: str
    target: str
    note: str


def merge_history(uow: UnitOfWork, unit_id: str) -> list[MergeEntry]:
    """Return the merges into or out of a unit, oldest first, naming both units."""
    return [
        MergeEntry(merge.on, get_unit(uow, merge.source_id).name, get_unit(uow, merge.target_id).name, merge.note)
        for merge in uow.units.merges(unit_id)
    ]


def _transfer(uow: UnitOfWork, old: Assignment, target: Unit, on: date) -> None:
    """Give the target an assignment like the ended one, unless the cadre already holds it there."""
    new_period = Period(on)
    held = uow.assignments.for_target(target.id)
    if any(
        (a.cadre_id, a.role) == (old.cadre_id, old.role) and a.period.overlaps(new_period) for a in held
    ):
        return
    uow.assignments.add(
        replace(old, id=new_id(), target_id=target.id, period=new_period, end_reason="",
                note=(old.note + " (chuyển sang do sáp nhập)").strip())
    )


def resolve_unit(uow: UnitOfWork, reference: str, on: date | None = None) -> Unit:
    """Find a unit by id, official code, or path of names ('Tỉnh A / Xã B / Ấp 1', any case)."""
    reference = nfc(reference)
    if not reference:
        raise InvalidInput(N_("No unit was named."))
    unit = uow.units.get(reference) or uow.units.by_code(reference)
    if unit is not None:
        return unit
    parts = [part.strip() for part in reference.split(PATH_SEPARATOR) if part.strip()]
    candidates = uow.units.roots(on)
    for depth, part in enumerate(parts):
        matches = [u for u in candidates if fold(u.name) == fold(part)]
        exact = [u for u in matches if u.name.casefold() == part.casefold()]
        matches = exact or matches
        if len(matches) != 1:
            shown = " / ".join(parts[: depth + 1])
            if not matches:
                raise NotFound(N_("No unit is found at '{path}'."), path=shown)
            raise InvalidInput(N_("'{path}' names more than one unit; use its id or code."), path=shown)
        if depth + 1 == len(parts):
            return matches[0]
        candidates = uow.units.children(matches[0].id, on)
    raise InvalidInput(N_("No unit was named."))  # only separators, such as '/'


def unit_path(uow: UnitOfWork, unit_id: str, on: date) -> str:
    """Return the unit's path of names on a day."""
    return uow.queries.paths([unit_id], on).get(unit_id, "")


def units_under(uow: UnitOfWork, parent_id: str | None, on: date | None = None) -> list[Unit]:
    """Return the units right under a unit (None: the provinces) standing on a day, or ever (None)."""
    return uow.units.children(parent_id, on) if parent_id is not None else uow.units.roots(on)


def unit_paths(uow: UnitOfWork, unit_ids: Iterable[str], on: date) -> dict[str, str]:
    """Return the units' paths of names on a day, by id."""
    return uow.queries.paths(unit_ids, on)
