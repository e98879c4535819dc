"""Coverage: which targets lack the cadres their rules ask for, per-level totals, workload."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from grassroots_app.domain.model import Level
from grassroots_app.domain.rules import GraspRule


@dataclass(frozen=True)
class Gap:
    """A target with fewer cadres in a role than its rule asks for."""

    target_id: str
    level: Level
    role: str
    required: int
    assigned: int


@dataclass(frozen=True)
class LevelCoverage:
    """How many targets of one level there are and how many have all the cadres they need."""

    level: Level
    total: int
    covered: int

    @property
    def share(self) -> float:
        """Return covered / total (1.0 for an empty level)."""
        return self.covered / self.total if self.total else 1.0


@dataclass(frozen=True)
class Workload:
    """How many targets a cadre is in charge of, and whether that is over the threshold."""

    cadre_id: str
    name: str
    targets: int
    overloaded: bool


@dataclass(frozen=True)
class Coverage:
    """The coverage of a subtree on one day."""

    on: date
    levels: tuple[LevelCoverage, ...]
    gaps: tuple[Gap, ...]
    workload: tuple[Workload, ...]


def find_gaps(
    targets: Iterable[tuple[str, Level]],
    counts: Mapping[tuple[str, str], int],
    rules: Iterable[GraspRule],
) -> tuple[list[Gap], list[LevelCoverage]]:
    """Return the gaps and per-level totals for targets, given active counts per (target, role)."""
    by_level: dict[Level, list[GraspRule]] = {}
    for rule in rules:
        by_level.setdefault(rule.target_level, []).append(rule)
    gaps: list[Gap] = []
    totals = {level: [0, 0] for level in by_level}
    for target_id, level in targets:
        level_rules = by_level.get(level)
        if not level_rules:
            continue
        missing = [
            Gap(target_id, level, rule.role, rule.minimum, counts.get((target_id, rule.role), 0))
            for rule in level_rules
            if counts.get((target_id, rule.role), 0) < rule.minimum
        ]
        gaps.extend(missing)
        totals[level][0] += 1
        totals[level][1] += not missing
    levels = [LevelCoverage(level, total, covered) for level, (total, covered) in totals.items()]
    return gaps, levels


def rank_workload(
    targets_per_cadre: Mapping[str, int], names: Mapping[str, str], threshold: int
) -> list[Workload]:
    """Return each cadre's number of targets, heaviest first, flagging those over the threshold."""
    rows = [
        Workload(cadre_id, names.get(cadre_id, ""), count, count > threshold)
        for cadre_id, count in targets_per_cadre.items()
    ]
    rows.sort(key=lambda row: (-row.targets, row.name, row.cadre_id))
    return rows


_LEVEL_ORDER = {level: index for index, level in enumerate(Level)}


def compute_coverage(
    on: date,
    targets: Iterable[tuple[str, Level]],
    counts: Mapping[tuple[str, str], int],
    rules: Iterable[GraspRule],
    targets_per_cadre: Mapping[str, int],
    names: Mapping[str, str],
    threshold: int,
) -> Coverage:
    """Return the coverage of the given targets on a day."""
    gaps, levels = find_gaps(targets, counts, rules)
    levels.sort(key=lambda row: _LEVEL_ORDER[row.level])
    workload = rank_workload(targets_per_cadre, names, threshold)
    return Coverage(on, tuple(levels), tuple(gaps), tuple(workload))
