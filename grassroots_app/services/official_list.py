"""The official lists as trees of units: the post-2025 list (two levels) and the pre-July-2025 list (three).

The pre-2025 list (63 provinces, their districts and communes, as published by the General Statistics Office on
4 January 2025) is read from the bundled file `resources/official/units-2025-01-04.csv.gz`; where it comes from
and its licence are in that folder's README.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from grassroots_app import paths
from grassroots_app.domain.errors import N_, InvalidInput, NotFound
from grassroots_app.domain.hierarchy import guess_kind, unit_sort_key
from grassroots_app.domain.model import Level
from grassroots_app.domain.text import fold


@dataclass(frozen=True)
class ListedUnit:
    """A unit of an official list: its official code, full name, kind and the units under it."""

    code: str
    name: str
    kind: str
    children: tuple[ListedUnit, ...] = ()

    def short_name(self) -> str:
        """Return the name without its kind ("Huyện Châu Thành" -> "Châu Thành")."""
        if fold(self.name).startswith(fold(self.kind) + " "):
            return self.name[len(self.kind) + 1:]
        return self.name

    def count(self) -> int:
        """Return how many units lie below this one."""
        return sum(1 + child.count() for child in self.children)


@cache
def pre_reform_provinces() -> tuple[ListedUnit, ...]:
    """Return the 63 provinces of the pre-July-2025 list with their districts and communes, each by name."""
    with gzip.open(paths.official_units_file(), "rt", encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    provinces: dict[str, tuple[str, dict[str, tuple[str, list[ListedUnit]]]]] = {}
    for row in rows:
        _, districts = provinces.setdefault(row["province_code"], (row["province"], {}))
        _, communes = districts.setdefault(row["district_code"], (row["district"], []))
        if row["commune_code"]:
            communes.append(_listed(row["commune_code"], row["commune"], Level.COMMUNE))
    return by_name(
        _listed(code, name, Level.PROVINCE, [
            _listed(district_code, district, Level.DISTRICT, communes)
            for district_code, (district, communes) in districts.items()
        ])
        for code, (name, districts) in provinces.items()
    )


def _listed(code: str, name: str, level: Level, children: Iterable[ListedUnit] = ()) -> ListedUnit:
    return ListedUnit(code, name, guess_kind(level, name), by_name(children))


def by_name(units: Iterable[ListedUnit]) -> tuple[ListedUnit, ...]:
    """Return units sorted by their name without the kind ("Thành phố Hà Nội" under H)."""
    return tuple(sorted(units, key=lambda unit: unit_sort_key(unit.name)))


def find_listed(units: Iterable[ListedUnit], reference: str) -> ListedUnit | None:
    """Find a unit by official code, full name or name without its kind (any case or accents).

    A name without its kind that fits several units ("Cai Lậy": the town and the district) is refused.
    """
    wanted = fold(reference)
    candidates = tuple(units)
    for unit in candidates:
        if fold(unit.name) == wanted or (wanted.isdigit() and int(wanted) == int(unit.code)):
            return unit
    short = [unit for unit in candidates if fold(unit.short_name()) == wanted]
    if len(short) > 1:
        raise InvalidInput(
            N_("'{name}' fits several units of the official list: {choices}; give the full name or the code."),
            name=reference, choices=", ".join(f"{unit.name} ({unit.code})" for unit in short),
        )
    return short[0] if short else None


def find_district(province: ListedUnit, reference: str) -> ListedUnit:
    """Find a district of a province of the pre-2025 list, or refuse naming the province."""
    if not reference.strip():
        raise InvalidInput(N_("No district was named."))
    found = find_listed(province.children, reference)
    if found is None:
        raise NotFound(
            N_("No district of {province} in the official list is named '{name}'."),
            province=province.name, name=reference,
        )
    return found
