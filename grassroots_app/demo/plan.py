"""The demo's plan: which provinces, districts, communes and hamlets a demo of a scale holds, and its gaps."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from vietnam_provinces import Province, Ward

from grassroots_app.demo.words import demo_words
from grassroots_app.domain.errors import N_, Labelled, register_labels
from grassroots_app.domain.model import Level, Preset


class Scale(str, Labelled):
    """How large a demo dataset is."""

    DISTRICT = "district"
    PROVINCE = "province"
    NATIONAL = "national"


register_labels(
    [
        (Scale.DISTRICT, N_("one district")),
        (Scale.PROVINCE, N_("one province")),
        (Scale.NATIONAL, N_("the whole country")),
    ]
)


@dataclass(frozen=True)
class ScaleSpec:
    """The shape of one scale: districts per province (three-level) and children per unit."""

    districts: int
    hamlets: tuple[int, int]
    groups: tuple[int, int]


SCALES = {
    Scale.DISTRICT: ScaleSpec(1, (10, 20), (5, 20)),
    Scale.PROVINCE: ScaleSpec(8, (10, 20), (5, 20)),
    Scale.NATIONAL: ScaleSpec(20, (20, 40), (5, 15)),
}
DISTRICT_COMMUNES = (12, 15)
PROVINCE_COMMUNES = (90, 110)  # the province scale picks a real province of about 100 communes
DISTRICT_CLUSTERS = 3
COMMUNES_PER_CLUSTER = 5


def capitalized(text: str) -> str:
    """Return the text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Place:
    """A unit to create: its kind, its name after the kind, its official code."""

    kind: str
    short: str
    code: str | None = None

    @property
    def name(self) -> str:
        """Return the full name, the kind first ("Xã Phú Cát")."""
        return f"{capitalized(self.kind)} {self.short}"


@dataclass(frozen=True)
class CommunePlan:
    """A commune and the number of groups in each of its hamlets."""

    place: Place
    groups_per_hamlet: list[int]


@dataclass(frozen=True)
class AreaPlan:
    """The communes under one district, or directly under the province (district None)."""

    district: Place | None
    communes: list[CommunePlan]
    clusters: int


@dataclass(frozen=True)
class ProvincePlan:
    """A province, its region and its areas."""

    place: Place
    region: str
    areas: list[AreaPlan]


def _wards_by_province() -> dict[int, list[Ward]]:
    """Return the official commune-level units grouped by province code, in code order."""
    grouped: dict[int, list[Ward]] = {}
    for ward in Ward.iter_all():
        grouped.setdefault(int(ward.province_code), []).append(ward)
    for wards in grouped.values():
        wards.sort(key=lambda ward: int(ward.code))
    return grouped


def _province_place(province: Province) -> Place:
    code = f"{int(province.code):02d}"
    if province.name.startswith("Thành phố "):
        return Place("thành phố", province.name.removeprefix("Thành phố "), code)
    return Place("tỉnh", province.name, code)


def _ward_place(ward: Ward) -> Place:
    kind = ward.division_type.value
    return Place(kind, ward.name[len(kind) + 1:], f"{int(ward.code):05d}")


def split(items: Sequence[Any], parts: int) -> list[list[Any]]:
    """Cut a sequence into `parts` contiguous, nearly equal, non-empty pieces."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    pieces, start = [], 0
    for index in range(parts):
        end = start + size + (index < extra)
        pieces.append(list(items[start:end]))
        start = end
    return pieces


def _cluster_count(scale: Scale, communes: int) -> int:
    if scale is Scale.DISTRICT:
        return min(DISTRICT_CLUSTERS, communes)
    return max(1, round(communes / COMMUNES_PER_CLUSTER))


def _chosen_provinces(rng: random.Random, scale: Scale, wards: dict[int, list[Ward]]) -> list[Province]:
    provinces = sorted(Province.iter_all(), key=lambda province: int(province.code))
    if scale is Scale.NATIONAL:
        return provinces
    if scale is Scale.PROVINCE:
        low, high = PROVINCE_COMMUNES
        provinces = [p for p in provinces if low <= len(wards[int(p.code)]) <= high]
    return [rng.choice(provinces)]


def _district_names(rng: random.Random, count: int) -> list[str]:
    words = demo_words()
    combos = [
        f"{first} {second}" for first in words.district_first for second in words.district_second if first != second
    ]
    return rng.sample(combos, count)


def _district_kind(communes: list[Place], province: Place) -> str:
    urban = sum(place.kind == "phường" for place in communes) * 2 > len(communes)
    if not urban:
        return "huyện"
    return "quận" if province.kind == "thành phố" else "thị xã"


def _commune_plan(rng: random.Random, place: Place, spec: ScaleSpec) -> CommunePlan:
    hamlets = rng.randint(*spec.hamlets)
    return CommunePlan(place, [rng.randint(*spec.groups) for _ in range(hamlets)])


def _areas(
    rng: random.Random, preset: Preset, scale: Scale, province: Place, communes: list[CommunePlan]
) -> list[AreaPlan]:
    if preset is Preset.TWO_LEVEL:
        return [AreaPlan(None, communes, _cluster_count(scale, len(communes)))]
    pieces = split(communes, SCALES[scale].districts)
    names = _district_names(rng, len(pieces))
    areas = []
    for name, piece in zip(names, pieces, strict=True):
        kind = _district_kind([commune.place for commune in piece], province)
        areas.append(AreaPlan(Place(kind, name), piece, _cluster_count(scale, len(piece))))
    return areas


def plan_country(rng: random.Random, preset: Preset, scale: Scale) -> list[ProvincePlan]:
    """Return the provinces, districts, communes and hamlet sizes of a demo."""
    wards = _wards_by_province()
    spec = SCALES[scale]
    plans = []
    for province in _chosen_provinces(rng, scale, wards):
        chosen = wards[int(province.code)]
        if scale is Scale.DISTRICT:
            picked = rng.sample(range(len(chosen)), rng.randint(*DISTRICT_COMMUNES))
            chosen = [chosen[index] for index in sorted(picked)]
        place = _province_place(province)
        communes = [_commune_plan(rng, _ward_place(ward), spec) for ward in chosen]
        region = demo_words().regions[int(province.code)]
        plans.append(ProvincePlan(place, region, _areas(rng, preset, scale, place, communes)))
    return plans


def _all_communes(plans: list[ProvincePlan]) -> Iterator[CommunePlan]:
    for province in plans:
        for area in province.areas:
            yield from area.communes


def plan_totals(plans: list[ProvincePlan]) -> dict[Level, int]:
    """Return how many communes, hamlets and groups the plan holds."""
    communes = list(_all_communes(plans))
    return {
        Level.COMMUNE: len(communes),
        Level.HAMLET: sum(len(commune.groups_per_hamlet) for commune in communes),
        Level.GROUP: sum(sum(commune.groups_per_hamlet) for commune in communes),
    }


GAP_SHARES = {  # level -> (at least, one per so many targets, whether half of them had a cadre who left)
    Level.COMMUNE: (1, 100, True),
    Level.HAMLET: (2, 1000, True),
    Level.GROUP: (3, 2000, False),
}


def choose_gaps(rng: random.Random, totals: dict[Level, int]) -> dict[Level, dict[int, bool]]:
    """Pick the targets (by position in creation order) to leave uncovered: index -> had a cadre."""
    chosen: dict[Level, dict[int, bool]] = {}
    for level, (least, per, lapsed) in GAP_SHARES.items():
        count = min(totals[level], max(least, totals[level] // per))
        picked = rng.sample(range(totals[level]), count)
        had_cadre = (count + 1) // 2 if lapsed else 0
        chosen[level] = {index: position < had_cadre for position, index in enumerate(picked)}
    return chosen


