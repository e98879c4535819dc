"""A brute-force coverage oracle for the tests: gaps, per-level figures and workload counted from the raw rows of a
database read with its engine's own driver, one target at a time and rule by rule (no repository, no service,
not the domain's find_gaps)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from grassroots_app.domain.coverage import Gap
from grassroots_app.domain.model import Level, Tier
from grassroots_app.domain.rules import GraspRule
from tests import engines


class RowSource(Protocol):
    """Anything that runs a query on a database and returns its rows."""

    def sql(self, query: str, *params: object) -> list[tuple]:
        """Run a query and return every row."""
        ...


@dataclass(frozen=True)
class StoredRows:
    """A database (an SQLite file or a PostgreSQL URL) read with its engine's own driver."""

    location: str | Path

    def sql(self, query: str, *params: object) -> list[tuple]:
        """Run a query (`?` placeholders) on the database and return every row, days as ISO text."""
        return engines.rows(self.location, query, *params)


def stored_rules(demo: RowSource) -> tuple[GraspRule, ...]:
    """Return the grasp rules stored in the database, read from the table's rows."""
    return tuple(
        GraspRule(Level(level), role, frozenset(Tier(tier) for tier in tiers.split(",") if tier), minimum=minimum)
        for level, role, tiers, minimum in demo.sql("SELECT target_level, role, tiers, minimum FROM grasp_rule")
    )


def _open(start: str, end: str | None, on: date) -> bool:
    day = on.isoformat()
    return start <= day and (end is None or end > day)


def brute_force(
    demo: RowSource, on: date, rules: tuple[GraspRule, ...], root: str | None
) -> tuple[set[Gap], set[tuple[Level, int, int]], set[tuple[str, str, int]]]:
    """Return the gaps, per-level figures and workload computed from every row, one target at a time (and rule
    by rule, without the domain's find_gaps)."""
    levels = {rule.target_level for rule in rules}
    everything = demo.sql("SELECT id, level, valid_from, valid_to FROM unit")
    unit_targets = {unit: Level(level) for unit, level, start, end in everything if _open(start, end, on)}
    inside: set[str] | None = None
    if root is not None:
        children: dict[str, list[str]] = {}
        for child, parent, start, end in demo.sql("SELECT unit_id, parent_id, valid_from, valid_to FROM unit_link"):
            if _open(start, end, on):
                children.setdefault(parent, []).append(child)
        inside, frontier = set(), [root] if root in unit_targets else []
        while frontier:
            current = frontier.pop()
            inside.add(current)
            frontier.extend(children.get(current, []))
    targets = {
        unit: level for unit, level in unit_targets.items() if level in levels and (inside is None or unit in inside)
    }
    if Level.CLUSTER in levels:
        for cluster, parent, start, end in demo.sql("SELECT id, parent_id, valid_from, valid_to FROM cluster"):
            if _open(start, end, on) and (inside is None or parent in inside):
                targets[cluster] = Level.CLUSTER
    held = [
        (cadre, unit or cluster, role)
        for cadre, unit, cluster, role, start, end in demo.sql(
            "SELECT cadre_id, unit_id, cluster_id, role, start_date, end_date FROM assignment"
        )
        if _open(start, end, on) and (unit or cluster) in targets
    ]
    holders = Counter((target, role) for _cadre, target, role in held)
    gaps = {
        Gap(target, level, rule.role, rule.minimum, holders[(target, rule.role)])
        for target, level in targets.items() for rule in rules
        if rule.target_level is level and holders[(target, rule.role)] < rule.minimum
    }
    lacking = {gap.target_id for gap in gaps}
    figures = set()
    for level in levels:
        of_level = [target for target, its in targets.items() if its is level]
        figures.add((level, len(of_level), sum(target not in lacking for target in of_level)))
    per_cadre: dict[str, set[str]] = {}
    for cadre, target, _role in held:
        per_cadre.setdefault(cadre, set()).add(target)
    names = dict(demo.sql("SELECT id, full_name FROM cadre"))
    workload = {(cadre, names[cadre], len(targets)) for cadre, targets in per_cadre.items()}
    return gaps, figures, workload
