"""Coverage: which targets lack the cadres their rules ask for, per-level totals, workload."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import NamedTuple

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


class Workload(NamedTuple):
    """How many targets a cadre is in charge of, and whether that is over the threshold.

    A named tuple rather than a dataclass: the whole country has 300,000 of them, built in a third
    of the time.
    """

    cadre_id: str
    name: str
    targets: int
    overloaded: bool


@dataclass(frozen=True)
class Coverage:
    """The coverage of a subtree on one day; the workload of the overloaded cadres, or of all in charge of some."""

    on: date
    levels: tuple[LevelCoverage, ...]
    gaps: tuple[Gap, ...]
    workload: tuple[Workload, ...]


@dataclass(frozen=True)
class Shortfall:
    """A candidate gap a query found: a target with `assigned` active cadres in a rule's role, too few."""

    target_id: str
    level: Level
    role: str
    assigned: int


WorkloadRow = tuple[str, str, int]  # (cadre id, name, number of distinct targets in charge)


def fewest_overloading(threshold: int) -> int:
    """Return the fewest distinct targets that overload a cadre: one more than the workload threshold allows."""
    return threshold + 1


def is_overloaded(targets: int, threshold: int) -> bool:
    """Return whether a cadre in charge of `targets` distinct targets is over the workload threshold."""
    return targets >= fewest_overloading(threshold)


def lacks(rule: GraspRule, assigned: int) -> bool:
    """Return whether a target with `assigned` cadres in the rule's role has fewer than the rule asks."""
    return assigned < rule.minimum


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
            if lacks(rule, counts.get((target_id, rule.role), 0))
        ]
        gaps.extend(missing)
        totals[level][0] += 1
        totals[level][1] += not missing
    levels = [LevelCoverage(level, total, covered) for level, (total, covered) in totals.items()]
    return gaps, levels


def rank_workload(rows: Iterable[WorkloadRow], threshold: int) -> list[Workload]:
    """Return the cadres in charge of something, heaviest first then by name and id, flagging the overloaded."""
    ordered = sorted((row for row in rows if row[2] > 0), key=itemgetter(0))  # by id (cheap if already so)
    # Rather than compare (targets, name, id) across 300,000 cadres with long, mostly shared Vietnamese names,
    # rank the distinct names once and put each cadre, in id order, into the tier of its (targets, name).
    rank = {name: index for index, name in enumerate(sorted({row[1] for row in ordered}))}
    spread = len(rank)
    tiers: dict[int, list[WorkloadRow]] = {}
    for row in ordered:
        tiers.setdefault(rank[row[1]] - row[2] * spread, []).append(row)
    return [
        Workload(cadre_id, name, targets, is_overloaded(targets, threshold))
        for tier in sorted(tiers)
        for cadre_id, name, targets in tiers[tier]
    ]


_LEVEL_ORDER = {level: index for index, level in enumerate(Level)}


def compute_coverage(
    on: date,
    totals: Mapping[Level, int],
    shortfalls: Iterable[Shortfall],
    rules: Iterable[GraspRule],
    workload: Iterable[WorkloadRow],
    threshold: int,
) -> Coverage:
    """Return the coverage on a day from the targets per level, the candidate shortfalls and the workload.

    Every level with a rule is reported; a level's covered targets are its total less the distinct
    targets with a gap. A candidate is a gap only if its rule (same level and role) says it lacks cadres.
    """
    by_role = {(rule.target_level, rule.role): rule for rule in rules}
    gaps: list[Gap] = []
    lacking: dict[Level, set[str]] = {}
    for found in shortfalls:
        rule = by_role.get((found.level, found.role))
        if rule is None or not lacks(rule, found.assigned):
            continue
        gaps.append(Gap(found.target_id, found.level, found.role, rule.minimum, found.assigned))
        lacking.setdefault(found.level, set()).add(found.target_id)
    levels = sorted({level for level, _role in by_role}, key=_LEVEL_ORDER.__getitem__)
    figures = tuple(
        LevelCoverage(level, totals.get(level, 0), max(totals.get(level, 0) - len(lacking.get(level, ())), 0))
        for level in levels
    )
    return Coverage(on, figures, tuple(gaps), tuple(rank_workload(workload, threshold)))
