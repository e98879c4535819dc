"""The units an import sees: the stored ones, each parent's children read once, and the ones it adds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain.errors import N_, InvalidInput, NotFound
from grassroots_app.domain.model import Level, Period, Preset, Unit
from grassroots_app.domain.text import fold, nfc
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.units import PATH_SEPARATOR

FLUSH_EVERY = 5_000
CODE_WIDTHS = (2, 3, 5)  # province, old district and commune codes, when a sheet dropped the leading zeros


@dataclass
class _Children:
    """What is known under one parent: its current children by folded name, every placement by clash key."""

    current: dict[str, list[Unit]] = field(default_factory=dict)
    placements: dict[str, list[tuple[Unit, Period]]] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)  # how many current children bear each kind

    def place(self, unit: Unit, placement: Period) -> None:
        """Record a unit placed under this parent over a period."""
        self.placements.setdefault(hierarchy.sibling_key(unit.name), []).append((unit, placement))
        if placement.end is None and unit.period.end is None:
            self.current.setdefault(fold(unit.name), []).append(unit)
            self.kinds[unit.kind] += 1


class UnitIndex:
    """Looks units up by id, official code and path for an import, and stages the new ones in batches."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._children: dict[str | None, _Children] = {}
        self._by_id: dict[str, Unit | None] = {}
        self._by_code: dict[str, Unit] = {}
        self._paths: dict[str, Unit] = {}
        self._pending: list[Unit] = []
        self.added: set[str] = set()  # the ids of the units this import adds
        self._codes = uow.units.codes()
        self._absent: set[str] = set()

    def prefetch(self, ids: list[str]) -> None:
        """Learn at once which of the ids a sheet gives are stored, so that new ones cost no lookup."""
        stored = self.uow.units.existing(ids)
        self._absent.update(unit_id for unit_id in ids if unit_id not in stored)

    def get(self, unit_id: str) -> Unit | None:
        """Return the unit with this id, stored or added by the import."""
        if unit_id not in self._by_id:
            self._by_id[unit_id] = None if unit_id in self._absent else self.uow.units.get(unit_id)
        return self._by_id[unit_id]

    def by_code(self, code: str) -> Unit | None:
        """Return the unit bearing an official code (also when the sheet dropped its leading zeros)."""
        for candidate in (code, *(code.zfill(width) for width in CODE_WIDTHS if code.isdigit())):
            if candidate not in self._by_code:
                if candidate not in self._codes:
                    continue
                found = self.uow.units.by_code(candidate)
                if found is None:
                    continue
                self._by_code[candidate] = found
            return self._by_code[candidate]
        return None

    def _under(self, parent_id: str | None) -> _Children:
        children = self._children.get(parent_id)
        if children is None:
            children = self._children[parent_id] = _Children()
            for unit, placement in self.uow.units.placements(parent_id):
                children.place(unit, placement)
        return children

    def child_named(self, parent_id: str | None, name: str, shown: str) -> Unit | None:
        """Return the current child of a parent bearing a name (any case or accents); refuse an ambiguous one."""
        matches = self._under(parent_id).current.get(fold(name), [])
        exact = [unit for unit in matches if unit.name.casefold() == nfc(name).casefold()]
        matches = exact or matches
        if len(matches) > 1:
            raise InvalidInput(N_("'{path}' names more than one unit; use its id or code."), path=shown)
        return matches[0] if matches else None

    def resolve_path(self, path: str) -> Unit:
        """Return the unit at a path of names ('Tỉnh A / Xã B / Thôn 1'), or its id or official code."""
        reference = nfc(path)
        known = self._paths.get(reference)
        if known is not None:
            return known
        found = self.get(reference) or self.by_code(reference)
        parts = [part.strip() for part in reference.split(PATH_SEPARATOR) if part.strip()]
        for depth, part in enumerate(parts if found is None else ()):
            shown = " / ".join(parts[: depth + 1])
            found = self.child_named(found.id if found else None, part, shown)
            if found is None:
                raise NotFound(N_("No unit is found at '{path}'."), path=shown)
        if found is None:
            raise InvalidInput(N_("No unit was named."))
        self._paths[reference] = found
        return found

    def clashing_names(self, parent_id: str | None, name: str, start: date, except_id: str = "") -> list[str]:
        """Return the names under a parent that the name would clash with from a day on."""
        placed = self._under(parent_id).placements.get(hierarchy.sibling_key(name), [])
        return [unit.name for unit, placement in placed
                if unit.id != except_id and (placement.end is None or placement.end > start)
                and (unit.period.end is None or unit.period.end > start)]

    def default_kind(self, parent: Unit | None, preset: Preset) -> str:
        """Return the kind a new unit under a parent most likely has (its siblings' kind, else its region's)."""
        if parent is None:
            return hierarchy.default_kind(Level.PROVINCE, {}, None, None)
        level = hierarchy.new_unit_level(preset, parent.level)
        province = parent
        while province.parent_id is not None and (above := self.get(province.parent_id)) is not None:
            province = above
        commune_kind = parent.kind if parent.level is Level.COMMUNE else None
        return hierarchy.default_kind(level, self._under(parent.id).kinds, province.name, commune_kind)

    def add(self, unit: Unit) -> None:
        """Stage a new unit (written in batches) and make it visible to the rows that follow."""
        self._under(unit.parent_id).place(unit, unit.period)
        self._children[unit.id] = _Children()
        self._by_id[unit.id] = unit
        if unit.code:
            self._by_code[unit.code] = unit
            self._codes.add(unit.code)
        self._pending.append(unit)
        self.added.add(unit.id)
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def changed(self, unit: Unit) -> None:
        """Make a stored unit's new name or code visible to the rows that follow."""
        self.flush()
        self._by_id[unit.id] = unit
        self._by_code.clear()
        self._codes = self.uow.units.codes()
        self._paths.clear()
        self._children.pop(unit.parent_id, None)

    def flush(self) -> None:
        """Write the staged new units into the transaction."""
        self.uow.units.add_many(self._pending)
        self._pending = []
