"""The shape of the hierarchy: levels per preset, unit kinds, and the checks on parents and names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from grassroots_app.domain.errors import N_, InvalidInput, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.local_rules import RULE_LEVELS
from grassroots_app.domain.model import Level, Period, Preset, Tier
from grassroots_app.domain.regions import regional_hamlet_kind
from grassroots_app.domain.text import NAME_LENGTH, TextField, clean_text, fold, natural_key, nfc

PRESET_LEVELS: dict[Preset, tuple[Level, ...]] = {
    Preset.THREE_LEVEL: (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.HAMLET, Level.GROUP),
    Preset.TWO_LEVEL: (Level.PROVINCE, Level.COMMUNE, Level.HAMLET, Level.GROUP),
}

PRESET_TIERS: dict[Preset, tuple[Tier, ...]] = {
    Preset.THREE_LEVEL: (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE),
    Preset.TWO_LEVEL: (Tier.PROVINCE, Tier.COMMUNE),
}

UNIT_KINDS: dict[Level, tuple[str, ...]] = {
    Level.PROVINCE: ("tỉnh", "thành phố"),
    Level.DISTRICT: ("huyện", "quận", "thị xã", "thành phố"),
    Level.COMMUNE: ("xã", "phường", "đặc khu", "thị trấn"),
    Level.HAMLET: (
        "ấp", "thôn", "xóm", "bản", "làng", "buôn", "bon", "plei", "plây", "phum", "sóc", "khu", "khu dân cư",
        "khu phố", "tổ dân phố", "khóm", "khối phố", "khối", "tiểu khu",
    ),
    Level.GROUP: ("tổ nhân dân tự quản", "tổ dân cư"),
}

# The kinds as a name starting with them reads once folded ("Ấp 1" starts with "ap "), longest first.
_KIND_PREFIXES: dict[Level, tuple[tuple[str, str], ...]] = {
    level: tuple(sorted(((fold(kind) + " ", kind) for kind in kinds), key=lambda pair: -len(pair[1])))
    for level, kinds in UNIT_KINDS.items()
}

# Kinds of one model only: a township (thị trấn) lies in a district; special zones (đặc khu) came with the
# two-level government. A unit already of such a kind keeps it (data from before the reform stays readable).
MODEL_ONLY_KINDS: dict[str, Preset] = {"thị trấn": Preset.THREE_LEVEL, "đặc khu": Preset.TWO_LEVEL}

MAX_NAME_LENGTH = NAME_LENGTH


def unit_levels(preset: Preset) -> tuple[Level, ...]:
    """Return the unit levels of a preset, from the top down."""
    return PRESET_LEVELS[preset]


def offered_kinds(preset: Preset, level: Level, keep: str = "") -> tuple[str, ...]:
    """Return the kinds to offer for a unit of a level in a model (and `keep`, a unit's present kind)."""
    return tuple(kind for kind in UNIT_KINDS[level] if MODEL_ONLY_KINDS.get(kind, preset) is preset or kind == keep)


def model_tiers(preset: Preset) -> tuple[Tier, ...]:
    """Return the tiers of government a preset has, from the top down (two-level: no district)."""
    return PRESET_TIERS[preset]


def parent_level(preset: Preset, level: Level) -> Level | None:
    """Return the level a unit's parent must have, or None for the top level."""
    levels = unit_levels(preset)
    if level not in levels:
        raise InvalidInput(
            N_("The {preset} model has no {level} level."), preset=preset, level=level
        )
    index = levels.index(level)
    return levels[index - 1] if index else None


def child_level(preset: Preset, level: Level) -> Level | None:
    """Return the level of a unit's children, or None for the bottom level."""
    levels = unit_levels(preset)
    index = levels.index(level)
    return levels[index + 1] if index + 1 < len(levels) else None


def new_unit_level(preset: Preset, parent: Level | None) -> Level:
    """Return the level of a new unit under a parent of a level (None: at the top, a province)."""
    if parent is None:
        return Level.PROVINCE
    return child_level(preset, parent) or Level.GROUP


def takes_children(level: Level) -> bool:
    """Return whether units may be added under a unit of a level (not under the bottom level of any model)."""
    return any(level in levels[:-1] for levels in PRESET_LEVELS.values())


def stays_at_top(level: Level) -> bool:
    """Return whether a unit of a level stands at the top in every model, never moved nor merged (a province)."""
    return all(levels[0] is level for levels in PRESET_LEVELS.values())


def takes_charge(level: Level) -> bool:
    """Return whether cadres are put in charge of a target of a level (clusters, communes, hamlets, groups)."""
    return level in RULE_LEVELS


def cluster_parent_level(preset: Preset) -> Level:
    """Return the level a cluster of communes sits under."""
    return Level.DISTRICT if preset is Preset.THREE_LEVEL else Level.PROVINCE


def clean_name(name: str) -> str:
    """Return the name NFC-normalized, or refuse an empty, overlong or control-character one."""
    cleaned = clean_text(name, MAX_NAME_LENGTH, TextField.NAME)
    if not cleaned:
        raise InvalidInput(N_("The name is empty."))
    return cleaned


def clean_kind(level: Level, kind: str) -> str:
    """Return the kind in its canonical spelling, or refuse a kind that does not fit the level."""
    wanted = fold(kind)
    for known in UNIT_KINDS[level]:
        if fold(known) == wanted:
            return known
    raise InvalidInput(
        N_("'{kind}' is not a kind of {level}; expected one of: {known}."),
        kind=kind,
        level=level,
        known=", ".join(UNIT_KINDS[level]),
    )


def check_parent(preset: Preset, level: Level, parent: Level | None) -> None:
    """Refuse a parent whose level is not the one right above the unit's level."""
    expected = parent_level(preset, level)
    if expected is None and parent is not None:
        raise RuleViolation(N_("A {level} has no parent unit."), level=level)
    if expected is not None and parent is None:
        raise RuleViolation(
            N_("A {level} must be placed under a {expected}."), level=level, expected=expected
        )
    if expected is not None and parent != expected:
        raise RuleViolation(
            N_("The parent of a {level} must be a {expected}, not a {actual}."),
            level=level,
            expected=expected,
            actual=parent,
        )


def check_no_cycle(
    unit_id: str, new_parent_id: str | None, parent_of: Callable[[str], str | None]
) -> None:
    """Refuse a new parent that is the unit itself or one of its descendants."""
    current = new_parent_id
    seen: set[str] = set()
    while current is not None and current not in seen:
        if current == unit_id:
            raise RuleViolation(N_("A unit cannot be placed under itself or its own descendants."))
        seen.add(current)
        current = parent_of(current)


def sibling_key(name: str) -> str:
    """Return the key two sibling names clash on: the same letters, ignoring case."""
    return nfc(name).casefold()


def check_sibling_name(name: str, sibling_names: Iterable[str]) -> None:
    """Refuse a name that a sibling already bears, ignoring case."""
    wanted = sibling_key(name)
    if any(sibling_key(other) == wanted for other in sibling_names):
        raise RuleViolation(
            N_("Another unit under the same parent is already named '{name}'."), name=name
        )


def check_open_on(period: Period, day: date, what: str) -> None:
    """Refuse a dated operation on a unit or cluster that does not exist on that day."""
    if not period.covers(day):
        raise RuleViolation(
            N_("'{what}' does not exist on {day}."), what=what, day=format_date(day)
        )


def guess_kind(level: Level, name: str, default: str | None = None) -> str:
    """Return the kind a unit's name starts with ("Ấp 1" -> "ấp"), else the default (the level's first kind)."""
    folded = fold(name)
    return next((kind for prefix, kind in _KIND_PREFIXES[level] if folded.startswith(prefix)),
                default or UNIT_KINDS[level][0])


def default_kind(
    level: Level, sibling_kinds: Mapping[str, int], province: str | None, commune_kind: str | None
) -> str:
    """Return the kind a new unit most likely has: the one most used among its siblings (`sibling_kinds`: how
    many bear each kind; a tie: the first listed), else for a hamlet the one its region uses (`commune_kind`:
    the kind of the commune it is in)."""
    if any(sibling_kinds.get(kind, 0) for kind in UNIT_KINDS[level]):
        return max(UNIT_KINDS[level], key=lambda kind: sibling_kinds.get(kind, 0))
    if level is Level.HAMLET:
        return regional_hamlet_kind(province, commune_kind)
    return UNIT_KINDS[level][0]


_FOLDED_KINDS: list[tuple[str, ...]] = []  # every kind's words folded, filled on first use


def _folded_kinds() -> list[tuple[str, ...]]:
    """Return every unit kind as its folded words (folded once: a tree sorts thousands of names)."""
    if not _FOLDED_KINDS:
        _FOLDED_KINDS.extend({tuple(fold(word) for word in kind.split(" "))
                              for kinds in UNIT_KINDS.values() for kind in kinds})
    return _FOLDED_KINDS


def proper_name(name: str) -> str:
    """Return a unit's name without the kind in front ("Thành phố Huế" -> "Huế"; "Thôn" stays whole)."""
    words = nfc(name).split(" ")
    kinds = _folded_kinds()
    folded = tuple(fold(word) for word in words[:max(map(len, kinds))])
    cut = max((len(kind) for kind in kinds if folded[:len(kind)] == kind), default=0)
    return " ".join(words[cut:]) if cut < len(words) else nfc(name)


def unit_sort_key(name: str) -> tuple[object, ...]:
    """Return the key that sorts units by their proper name, then kind ("Thành phố Huế" among the H's)."""
    return natural_key(proper_name(name)), natural_key(name)


def check_not_closed(period: Period, what: str) -> None:
    """Refuse an open-ended change to a unit or cluster that has been closed."""
    if period.end is not None:
        raise RuleViolation(
            N_("'{what}' was closed on {day}."), what=what, day=format_date(period.end)
        )


def check_after_placement(day: date, placed_on: date | None, what: str) -> None:
    """Refuse a dated change on or before the day the unit was last placed under a parent."""
    if placed_on is not None and day <= placed_on:
        raise RuleViolation(
            N_("'{what}' was placed under its current parent on {placed}; pick a later date."),
            what=what,
            placed=format_date(placed_on),
        )
