"""Importing a province (or one district of it) from the official list that fits the database's model.

A two-level database takes the post-2025 list (vietnam-provinces: 34 provinces and their communes); a three-level
one the pre-July-2025 list (63 provinces, their districts and communes; see `official_list`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from vietnam_provinces import Province, VietNamDivisionType, Ward

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.errors import N_, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.hierarchy import child_level
from grassroots_app.domain.model import Level, Preset, Unit
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.official_list import ListedUnit, by_name, find_district, find_listed, pre_reform_provinces
from grassroots_app.services.setup import require_settings, stage_settings
from grassroots_app.services.units import NewUnit, create_unit

REFORM_DATE = date(2025, 7, 1)
# The pre-2025 list gives no unit its own start: its units are dated from the first day of the 2020-2025 term
# (as the three-level demo is), so that the term's assignments can be entered; never before their parent.
THREE_LEVEL_START = date(2020, 1, 1)
START = {Preset.TWO_LEVEL: REFORM_DATE, Preset.THREE_LEVEL: THREE_LEVEL_START}
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
    """What an import of one province (or one district of it) did."""

    province: Unit
    added: int
    matched: int
    district: Unit | None = None


def province_name(province: Province) -> str:
    """Return the province's full name ("Tỉnh Nghệ An", "Thành phố Huế")."""
    if province.division_type is VietNamDivisionType.TINH:
        return f"Tỉnh {province.name}"
    return province.name


def _post_reform(province: Province, wards: list[Ward]) -> ListedUnit:
    communes = by_name(ListedUnit(f"{int(w.code):05d}", w.name, _KINDS[w.division_type]) for w in wards)
    return ListedUnit(f"{int(province.code):02d}", province_name(province), _KINDS[province.division_type], communes)


def post_reform_provinces() -> tuple[ListedUnit, ...]:
    """Return the 34 provinces of the post-2025 list with their communes, by name."""
    wards: dict[int, list[Ward]] = {}
    for ward in Ward.iter_all():
        wards.setdefault(int(ward.province_code), []).append(ward)
    return by_name(_post_reform(province, wards.get(int(province.code), [])) for province in Province.iter_all())


def official_provinces(preset: Preset) -> tuple[ListedUnit, ...]:
    """Return the provinces of the official list that fits a model, by name."""
    return pre_reform_provinces() if preset is Preset.THREE_LEVEL else post_reform_provinces()


def find_province(preset: Preset, reference: str) -> ListedUnit:
    """Find a province of the model's official list by code or name (with or without its kind, any case or accents)."""
    if not reference.strip():
        raise InvalidInput(N_("No province was named."))
    found = find_listed(official_provinces(preset), reference)
    if found is None:
        raise NotFound(N_("No province in the official list is named '{name}'."), name=reference)
    return found


def held_province(uow: UnitOfWork) -> str | None:
    """Return the official code of the first province of the database found in its model's list, if any."""
    provinces = official_provinces(require_settings(uow).preset)
    for root in uow.units.roots():
        found = find_listed(provinces, root.code or root.name)
        if found is not None:
            return found.code
    return None


def import_official(
    uow: UnitOfWork, reference: str, progress: Progress | None = None, district: str | None = None
) -> ImportResult:
    """Create a province (or one district of it) and the units below from the official list; existing ones are kept."""
    result = stage_official(uow, reference, progress, district)
    uow.commit()
    return result


def start_with_province(
    uow: UnitOfWork, reference: str, progress: Progress | None = None,
    preset: Preset = Preset.TWO_LEVEL, district: str | None = None,
) -> ImportResult:
    """Set up an empty database for a model with one official province (or district), in one transaction."""
    stage_settings(uow, preset)
    return import_official(uow, reference, progress, district)


def stage_official(
    uow: UnitOfWork, reference: str, progress: Progress | None = None, district: str | None = None
) -> ImportResult:
    """Stage the import of one official province, or one district of it, in the caller's transaction.

    Units are matched by official code, then by name under the same parent when they have no code yet (the
    code is then filled in). Once the request is found valid, a database holding units is backed up (pre-import).
    """
    preset = require_settings(uow).preset
    if district is not None and preset is Preset.TWO_LEVEL:
        raise RuleViolation(N_(
            "This database has the two-level model, which has no districts: import the whole province "
            "without naming the district '{district}'."), district=district)
    province = find_province(preset, reference)
    listed = province if district is None else replace(province, children=(find_district(province, district),))
    uow.backup_before(BackupKind.PRE_IMPORT, unless_empty=True)
    stager = _Stager(uow, preset, listed.count(), progress)
    root = stager.ensure(listed, None, {fold(unit.name): unit for unit in uow.units.roots_named(listed.name)})
    below = stager.ensure_below(listed, root)
    return ImportResult(root, stager.added, stager.matched, below[0] if district is not None else None)


class _Stager:
    """Stages the units of an official list's tree, matching those already present, and counts them."""

    def __init__(self, uow: UnitOfWork, preset: Preset, total: int, progress: Progress | None) -> None:
        self.uow, self.preset, self.total, self.progress = uow, preset, total, progress
        self.added = self.matched = self.done = 0

    def ensure_below(self, listed: ListedUnit, parent: Unit) -> list[Unit]:
        """Stage the units below a listed unit, depth first; return those right below it."""
        if not listed.children:
            return []
        existing = {fold(unit.name): unit for unit in self.uow.units.children(parent.id)}
        staged = []
        for child in listed.children:
            unit = self.ensure(child, parent, existing)
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)
            self.ensure_below(child, unit)
            staged.append(unit)
        return staged

    def ensure(self, listed: ListedUnit, parent: Unit | None, namesakes: dict[str, Unit]) -> Unit:
        """Return the unit bearing the listed code, its uncoded namesake in `namesakes` (coded now), or a new one."""
        level = Level.PROVINCE if parent is None else child_level(self.preset, parent.level)
        found = self.uow.units.by_code(listed.code)
        if found is not None and found.level is not level:
            raise RuleViolation(N_("The code {code} belongs to '{name}', which is not a {level}."),
                                code=listed.code, name=found.name, level=level)
        if found is None:
            same_name = namesakes.get(fold(listed.name))
            if same_name is not None and same_name.code is None:
                found = replace(same_name, code=listed.code)
                self.uow.units.update(found)
        if found is None:
            start = max(START[self.preset], parent.period.start) if parent is not None else START[self.preset]
            self.added += 1
            return create_unit(self.uow, NewUnit(listed.name, parent.id if parent else None, start, listed.kind,
                                                 listed.code))
        if parent is not None:
            self.matched += 1
        return found
