"""Importing the official post-2025 list of provinces and commune-level units (vietnam-provinces)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from vietnam_provinces import Province, VietNamDivisionType, Ward

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.errors import N_, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.hierarchy import unit_sort_key
from grassroots_app.domain.model import Level, Preset, Unit
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.setup import require_settings, stage_settings
from grassroots_app.services.units import NewUnit, create_unit

REFORM_DATE = date(2025, 7, 1)
Progress = Callable[[int, int], None]

_KINDS = {
    VietNamDivisionType.TINH: "tỉnh",
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: "thành phố",
    VietNamDivisionType.XA: "xã",
    VietNamDivisionType.PHUONG: "phường",
    VietNamDivisionType.DAC_KHU: "đặc khu",
}


@dataclass(frozen=True)
class ImportResult:
    """What an import of one province did."""

    province: Unit
    added: int
    matched: int


def province_code(province: Province) -> str:
    """Return the official code of a province as stored (two digits)."""
    return f"{int(province.code):02d}"


def ward_code(ward: Ward) -> str:
    """Return the official code of a commune-level unit as stored (five digits)."""
    return f"{int(ward.code):05d}"


def province_name(province: Province) -> str:
    """Return the province's full name ("Tỉnh Nghệ An", "Thành phố Huế")."""
    if province.division_type is VietNamDivisionType.TINH:
        return f"Tỉnh {province.name}"
    return province.name


def official_provinces() -> list[Province]:
    """Return the 34 provinces of the official list, by proper name ("Thành phố Huế" among the H's)."""
    return sorted(Province.iter_all(), key=lambda province: unit_sort_key(province_name(province)))


def find_province(reference: str) -> Province:
    """Find an official province by code or name (with or without 'Tỉnh', any case or accents)."""
    wanted = fold(reference)
    for province in Province.iter_all():
        names = {fold(province.name), fold(province_name(province))}
        if wanted in names or (wanted.isdigit() and int(wanted) == int(province.code)):
            return province
    raise NotFound(N_("No province in the official list is named '{name}'."), name=reference)


def import_official(uow: UnitOfWork, reference: str, progress: Progress | None = None) -> ImportResult:
    """Create a province and its commune-level units from the official list; existing ones are kept."""
    result = stage_official(uow, reference, progress)
    uow.commit()
    return result


def start_with_province(uow: UnitOfWork, reference: str, progress: Progress | None = None) -> ImportResult:
    """Set up an empty database for the two-level model with one official province, in one transaction."""
    stage_settings(uow, Preset.TWO_LEVEL)
    return import_official(uow, reference, progress)


def stage_official(uow: UnitOfWork, reference: str, progress: Progress | None = None) -> ImportResult:
    """Stage the import of one official province in the caller's transaction.

    Once the request is found valid, a database that already holds units is backed up (pre-import).
    """
    settings = require_settings(uow)
    if settings.preset is not Preset.TWO_LEVEL:
        raise RuleViolation(
            N_("The official list has no districts: it can only be imported into a two-level database.")
        )
    if not reference.strip():
        raise InvalidInput(N_("No province was named."))
    province = find_province(reference)
    uow.backup_before(BackupKind.PRE_IMPORT, unless_empty=True)
    wards = sorted((w for w in Ward.iter_all() if w.province_code == province.code), key=lambda w: w.name)
    root, added = _ensure_province(uow, province)
    existing = {fold(unit.name): unit for unit in uow.units.children(root.id)}
    matched = 0
    for done, ward in enumerate(wards, start=1):
        code = ward_code(ward)
        if uow.units.by_code(code) is not None:
            matched += 1
        elif (same_name := existing.get(fold(ward.name))) is not None and same_name.code is None:
            uow.units.update(replace(same_name, code=code))
            matched += 1
        else:
            create_unit(uow, NewUnit(ward.name, root.id, REFORM_DATE, _KINDS[ward.division_type], code))
            added += 1
        if progress is not None:
            progress(done, len(wards))
    return ImportResult(root, added, matched)


def _ensure_province(uow: UnitOfWork, province: Province) -> tuple[Unit, int]:
    """Return the province unit, staging it first when absent, and how many units were added."""
    code = province_code(province)
    found = uow.units.by_code(code)
    if found is not None:
        if found.level is not Level.PROVINCE:
            raise RuleViolation(N_("The code {code} belongs to a unit that is not a province."), code=code)
        return found, 0
    kind = _KINDS[province.division_type]
    return create_unit(uow, NewUnit(province_name(province), None, REFORM_DATE, kind, code)), 1
