"""Importing the rows of the cadres and assignments sheets, under the same rules as those typed in the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from grassroots_app.domain.assignments import check_no_overlap
from grassroots_app.domain.errors import N_, InvalidInput, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cadre, CadreStatus, Decision, Period, new_id
from grassroots_app.domain.rules import check_eligible, pick_rule
from grassroots_app.domain.sheets import (
    ID,
    parse_count,
    parse_date,
    parse_flag,
    parse_gender,
    parse_status,
    parse_tier,
)
from grassroots_app.domain.text import fold
from grassroots_app.services import assignments, cadres
from grassroots_app.services.assignments import NewAssignment, Target, get_target, unit_target
from grassroots_app.services.sheet_places import Job, find_unit, new_record_id
from grassroots_app.services.sheet_rows import RowContext, RowFailed
from grassroots_app.services.targets import resolve_target

T = TypeVar("T")
Traits = tuple[int | None, str]  # birth year and workplace: what tells namesakes apart
FLAGS = {"standing": "is_standing", "committee": "is_committee", "party_member": "is_party_member"}
TEXTS = {"position": "position", "workplace": "workplace", "phone": "phone"}
_SAME_CADRE = N_("Row {row} already stands for this cadre; keep one row for each cadre.")


@dataclass(frozen=True)
class Departure:
    """A cadre the sheet says has left, applied once the assignments they held are in."""

    cadre_id: str
    on: date
    row: RowContext


def import_cadre(job: Job, row: RowContext, departures: list[Departure]) -> None:
    """Match a cadres-sheet row by id, else by full name (and birth year); add the cadre or stage changes."""
    name = row.require("name")
    fields: dict[str, object] = {"full_name": name}
    for key, parse in (("birth_year", parse_count), ("gender", parse_gender), ("tier", parse_tier)):
        if row.has(key):
            fields[key] = row.read(key, parse)
    fields.update({attribute: bool(row.read(key, parse_flag)) for key, attribute in FLAGS.items() if row.has(key)})
    fields.update({attribute: row.text(key) for key, attribute in TEXTS.items() if row.has(key)})
    status = row.read("status", parse_status) or CadreStatus.ACTIVE
    status_date = row.read("status_date", parse_date)
    row.stop_if_failed()
    with row.blame("birth_year"):
        cadres.check_birth_year(fields.get("birth_year"))  # type: ignore[arg-type]
    if row.has("home"):
        home = find_unit(job, row, "home", "")
        fields["home_unit_id"] = home.id if home else None
    existing = _matching_cadre(job, row, name, fields)
    if existing is None:
        if fields.get("tier") is None:
            row.require("tier")
        cadre = Cadre(id=new_record_id(row, row.text(ID)) or new_id(), **fields)  # type: ignore[arg-type]
        with row.blame("name"):
            cadres.stage_cadre(job.uow, cadre)
        job.cadre_rows[cadre.id] = row.outcome.row
        changed: list[str] = []
    else:
        cadre = replace(existing, **fields)  # type: ignore[arg-type]
        if status is CadreStatus.ACTIVE:
            cadre = replace(cadre, status=status)
        changed = _changed_columns(existing, cadre)
        if changed:
            with row.blame("name"):
                cadre = cadres.stage_cadre_edit(job.uow, cadre, status_date)
    if status is CadreStatus.LEFT and (existing is None or existing.status is not CadreStatus.LEFT):
        departures.append(Departure(cadre.id, status_date or date.today(), row))
        changed.append("status")
    row.settle(cadre.full_name, changed, new=existing is None)


def _matching_cadre(job: Job, row: RowContext, name: str, fields: dict[str, object]) -> Cadre | None:
    """Return the stored cadre a row stands for: by id, else by name when exactly one fits (said in a note)."""
    given = row.text(ID)
    if given:
        found = job.uow.cadres.get(given)
        _claim(row, job.cadre_rows, given, ID, _SAME_CADRE)
        return found
    _refuse_namesake_rows(job, row, name, fields)
    stored = [c for c in job.uow.cadres.named(name) if c.id not in job.cadre_rows and _fits(c, fields)]
    if len(stored) > 1:
        row.issue("name", InvalidInput(
            N_("{count} cadres in the database fit '{name}': {candidates}; give the id, the birth year or the "
               "workplace of the one meant."), count=len(stored), name=name, candidates=_described(job, stored)))
        raise RowFailed
    if not stored:
        return None
    _claim(row, job.cadre_rows, stored[0].id, "name", _SAME_CADRE)
    row.note("name", InvalidInput(N_("Taken as the cadre already in the database: {cadre}."),
                                  cadre=_described(job, stored)))
    return stored[0]


def _fits(cadre: Cadre, fields: dict[str, object]) -> bool:
    """Return whether a stored cadre agrees with the birth year and workplace a row gives (when it gives them)."""
    return _alike((cadre.birth_year, cadre.workplace), _traits(fields))


def _traits(fields: dict[str, object]) -> Traits:
    year = fields.get("birth_year")
    return year if isinstance(year, int) else None, str(fields.get("workplace") or "")


def _alike(one: Traits, other: Traits) -> bool:
    """Return whether nothing tells two namesakes apart: birth years and workplaces agree where both are given."""
    (year, workplace), (other_year, other_workplace) = one, other
    return (year is None or other_year is None or year == other_year) and (
        not workplace or not other_workplace or fold(workplace) == fold(other_workplace))


def _refuse_namesake_rows(job: Job, row: RowContext, name: str, fields: dict[str, object]) -> None:
    """Refuse a row without id naming the same person as an earlier row of the file (nothing tells them apart)."""
    earlier = job.namesakes.setdefault(fold(name), [])
    traits = _traits(fields)
    for other_row, other in earlier:
        if _alike(traits, other):
            row.issue("name", RuleViolation(
                N_("Row {row} also names '{name}' without an id: if they are two people, give each a birth year or "
                   "workplace (or an id) that tells them apart; if one, keep one row."), row=other_row, name=name))
            raise RowFailed
    earlier.append((row.outcome.row, traits))


def _claim(row: RowContext, claimed: dict[str, int], record_id: str, key: str, message: str) -> None:
    """Refuse a second row standing for a record an earlier row of the file already stands for ({row})."""
    earlier = claimed.get(record_id)
    if earlier is not None:
        row.issue(key, RuleViolation(message, row=earlier))
        raise RowFailed
    claimed[record_id] = row.outcome.row


def _described(job: Job, found: list[Cadre]) -> str:
    """Return cadres as a clerk tells them apart: name, birth year, workplace, and the id (or '#row' adding them)."""
    parts = []
    for cadre in found:
        details = [str(cadre.birth_year) if cadre.birth_year else "", cadre.workplace,
                   f"#{job.cadre_rows[cadre.id]}" if cadre.id in job.cadre_rows else cadre.id]
        parts.append(f"{cadre.full_name} ({', '.join(filter(None, details))})")
    return "; ".join(parts)


def _changed_columns(old: Cadre, new: Cadre) -> list[str]:
    keys = {"full_name": "name", "home_unit_id": "home", "status": "status",
            **{attribute: key for key, attribute in (*FLAGS.items(), *TEXTS.items())},
            "birth_year": "birth_year", "gender": "gender", "tier": "tier"}
    return [key for attribute, key in keys.items() if getattr(old, attribute) != getattr(new, attribute)]


def apply_departures(job: Job, departures: list[Departure]) -> None:
    """Mark the cadres who left, ending the assignments still open on the day they left."""
    for departure in departures:
        cadre = job.uow.cadres.get(departure.cadre_id)
        if cadre is None:
            continue
        try:
            with departure.row.blame("status_date" if departure.row.has("status_date") else "status"):
                cadres.stage_cadre_edit(job.uow, replace(cadre, status=CadreStatus.LEFT), departure.on)
        except RowFailed:
            continue


def import_assignment(job: Job, row: RowContext) -> None:
    """Match an assignments-sheet row by id, else by cadre, place, role and start; add it or stage its end."""
    start = row.read("start", parse_date)
    end = row.read("end", parse_date)
    decided = row.read("decision_date", parse_date)
    row.stop_if_failed()
    if start is None:
        row.require("start")
        return
    cadre = _cadre(job, row)
    target = _target(job, row)
    with row.blame("role"):
        rule = pick_rule(job.rules, target.level, row.text("role") or None)
    held = job.assignments_on(target.id)
    given = row.text(ID)
    existing = next((a for a in held if a.id == given), None) if given else next(
        (a for a in held if (a.cadre_id, a.role, a.period.start) == (cadre.id, rule.role, start)), None)
    if existing is None and given in job.stored_assignments:
        existing = job.uow.assignments.get(given)
    label = f"{cadre.full_name} – {target.name}"
    if existing is not None:
        _claim(row, job.assignment_rows, existing.id, ID if given else "start",
               N_("Row {row} already gives this assignment; keep one row for it."))
        ended = _end_if_asked(job, row, existing.id, existing.period, end)
        if ended:
            job.held.pop(target.id, None)  # read again with its end
        row.settle(label, ["end"] if ended else [])
        return
    if given and any(a.id == given for a in job.pending):
        row.issue(ID, RuleViolation(N_("The id {id} is already used by an earlier row."), id=given))
        raise RowFailed
    with row.blame("cadre"):
        check_eligible(cadre, rule)
    with row.blame("start"):
        check_no_overlap(cadre.id, target.id, rule.role, Period(start), held)
    new = NewAssignment(cadre.id, target.id, start, rule.role, Decision(row.text("decision"), decided),
                        row.text("note"))
    with row.blame("target"):
        added = assignments.build_assignment(cadre, target, rule, new, held, new_record_id(row, given))
    job.add_assignment(added)
    job.assignment_rows[added.id] = row.outcome.row
    if _end_if_asked(job, row, added.id, added.period, end):
        job.held.pop(target.id, None)
    row.settle(label, new=True)


def _end_if_asked(job: Job, row: RowContext, assignment_id: str, period: Period, end: date | None) -> bool:
    """Stage the end the row gives an open assignment; refuse changing the end of an ended one."""
    if end == period.end or (end is None and not row.has("end")):
        return False
    with row.blame("end"):
        if period.end is not None or end is None:
            raise InvalidInput(N_("This assignment ended on {day}; its end cannot be changed by an import."),
                               day=format_date(period.end) if period.end else "—")
        job.flush()  # the assignment to end may still wait to be written
        assignments.stage_end(job.uow, assignment_id, end, row.text("end_reason"))
    return True


def _cadre(job: Job, row: RowContext) -> Cadre:
    """Return the cadre a row names by id, else by full name (when unique)."""
    return _looked_up(row, job.cadres, ("cadre_id", "cadre"), lambda given, reference: (
        cadres.get_cadre(job.uow, given) if given else _named_cadre(job, row, reference)))


def _named_cadre(job: Job, row: RowContext, reference: str) -> Cadre:
    """Return the cadre an assignment names by id or full name; refuse a name that fits several, naming them."""
    named = [] if job.uow.cadres.get(reference.strip()) else job.uow.cadres.named(reference)
    if len(named) > 1:
        raise InvalidInput(N_("{count} cadres are named '{name}': {candidates}; give the id of the one meant in the "
                              "column '{column}'."), count=len(named), name=reference,
                           candidates=_described(job, named), column=row.spec.column("cadre_id").header)
    return cadres.resolve_cadre(job.uow, reference)


def _target(job: Job, row: RowContext) -> Target:
    """Return the unit or cluster a row puts the cadre in charge of: by code or id, else by path."""
    return _looked_up(row, job.targets, ("target_code", "target"),
                      lambda given, reference: _find_target(job, given, reference))


def _looked_up(row: RowContext, cache: dict[str, T], keys: tuple[str, str], find: Callable[[str, str], T]) -> T:
    """Return what a row names in its first column (id or code), else its second (name or path), found once."""
    given = row.text(keys[0])
    reference = given or row.require(keys[1])
    found = cache.get(reference)
    if found is None:
        with row.blame(keys[0] if given else keys[1]):
            found = find(given, reference)
        cache[reference] = found
    return found


def _find_target(job: Job, code: str, path: str) -> Target:
    if code:
        unit = job.index.by_code(code) or job.index.get(code)
        return unit_target(unit) if unit else get_target(job.uow, code)
    return resolve_target(job.uow, path, job.index.resolve_path)
