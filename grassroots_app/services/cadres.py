"""Use cases on cadres."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Assignment, Cadre, CadreStatus, Tier, new_id
from grassroots_app.domain.text import NAME_LENGTH, NOTE_LENGTH, PHONE_LENGTH, TextField, clean_text, person_sort_key
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import lookup
from grassroots_app.services.units import get_unit

MIN_BIRTH_YEAR = 1900
LEFT_REASON = "Cán bộ nghỉ công tác"  # the stored end reason when the clerk gives none


def get_cadre(uow: UnitOfWork, cadre_id: str) -> Cadre:
    """Return the cadre or refuse an unknown id."""
    return lookup.by_id(uow.cadres.get(cadre_id), N_("No cadre has the id '{id}'."), cadre_id)


def resolve_cadre(uow: UnitOfWork, reference: str) -> Cadre:
    """Find a cadre by id or by full name (ignoring case and diacritics, when unique)."""
    return lookup.by_id_or_name(uow.cadres.get, uow.cadres.named, reference,
                                N_("No cadre is named '{name}'."),
                                N_("Several cadres are named '{name}'; use the id."))


def check_birth_year(year: int | None) -> None:
    """Refuse a birth year before 1900 or in the future."""
    if year is not None and not MIN_BIRTH_YEAR <= year <= date.today().year:
        raise InvalidInput(N_("The birth year {year} is not plausible."), year=year)


def _validated(uow: UnitOfWork, cadre: Cadre) -> Cadre:
    name = hierarchy.clean_name(cadre.full_name)
    check_birth_year(cadre.birth_year)
    if cadre.home_unit_id:
        get_unit(uow, cadre.home_unit_id)
    return replace(
        cadre,
        full_name=name,
        position=clean_text(cadre.position, NAME_LENGTH, TextField.POSITION),
        workplace=clean_text(cadre.workplace, NAME_LENGTH, TextField.WORKPLACE),
        phone=clean_text(cadre.phone, PHONE_LENGTH, TextField.PHONE),
        home_unit_id=cadre.home_unit_id or None,
    )


def add_cadre(uow: UnitOfWork, cadre: Cadre) -> Cadre:
    """Record a new cadre (the id given is replaced by a new one) and return it."""
    stored = stage_cadre(uow, replace(cadre, id=new_id()))
    uow.commit()
    return stored


def stage_cadre(uow: UnitOfWork, cadre: Cadre) -> Cadre:
    """Check and stage a new cadre, under the id it carries, in the caller's transaction."""
    stored = _validated(uow, cadre)
    uow.cadres.add(stored)
    return stored


def edit_cadre(uow: UnitOfWork, cadre: Cadre, on: date | None = None, reason: str = "") -> Cadre:
    """Store the edited fields of an existing cadre; a new status takes effect on `on` (default today).

    A cadre who leaves has the assignments `ended_by_leaving` lists ended that day, for `reason`.
    """
    edited = stage_cadre_edit(uow, cadre, on, reason)
    uow.commit()
    return edited


def stage_cadre_edit(uow: UnitOfWork, cadre: Cadre, on: date | None = None, reason: str = "") -> Cadre:
    """Check and stage the edited fields of an existing cadre in the caller's transaction."""
    stored = get_cadre(uow, cadre.id)
    edited = _validated(uow, cadre)
    if edited.status is not stored.status:
        edited = _change_status(uow, edited, on or date.today(), reason)
    uow.cadres.update(edited)
    return edited


def set_status(uow: UnitOfWork, cadre_id: str, status: CadreStatus, on: date, reason: str = "") -> Cadre:
    """Mark a cadre as active or as having left on a day (ending their open assignments)."""
    updated = _change_status(uow, replace(get_cadre(uow, cadre_id), status=status), on, reason)
    uow.cadres.update(updated)
    uow.commit()
    return updated


def ended_by_leaving(uow: UnitOfWork, cadre_id: str) -> list[Assignment]:
    """Return the assignments that end when the cadre leaves: all those still open, oldest first."""
    return [assignment for assignment in uow.assignments.for_cadre(cadre_id) if assignment.period.end is None]


def _change_status(uow: UnitOfWork, cadre: Cadre, on: date, reason: str) -> Cadre:
    """Date the cadre's new status; one who leaves has their open assignments ended that day."""
    if cadre.status is CadreStatus.LEFT:
        cleaned = clean_text(reason, NOTE_LENGTH, TextField.REASON) or LEFT_REASON
        for assignment in ended_by_leaving(uow, cadre.id):
            if assignment.period.start >= on:
                raise InvalidInput(N_("An assignment of this cadre starts on {day}, after that date."),
                                   day=format_date(assignment.period.start))
            uow.assignments.end(assignment.id, on, cleaned)
    return replace(cadre, status_date=on)


def find_cadres(uow: UnitOfWork, text: str, limit: int = 100) -> list[Cadre]:
    """Return active cadres whose name contains the text (ignoring case and diacritics), by given name."""
    found = [c for c in uow.cadres.search(text, limit=limit) if c.status is CadreStatus.ACTIVE]
    return sorted(found, key=lambda cadre: person_sort_key(cadre.full_name))


def search_cadres(uow: UnitOfWork, text: str = "") -> list[Cadre]:
    """Return every cadre, those who left too, whose name contains the text, by given name."""
    return sorted(uow.cadres.search(text), key=lambda cadre: person_sort_key(cadre.full_name))


def offered_tiers(uow: UnitOfWork, keep: Tier | None = None) -> list[Tier]:
    """Return the tiers the database's model has (every tier before it is set up), with `keep` if it is not one."""
    settings = uow.settings.get()
    tiers = hierarchy.model_tiers(settings.preset) if settings is not None else tuple(Tier)
    return [tier for tier in Tier if tier in tiers or tier is keep]
