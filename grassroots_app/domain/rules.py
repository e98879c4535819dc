"""Grasp rules: which role a target level needs, who may hold it, and how many at least."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from grassroots_app.domain.errors import N_, InvalidInput, RuleViolation
from grassroots_app.domain.model import Cadre, CadreStatus, Flag, Level, Preset, Tier


@dataclass(frozen=True)
class GraspRule:
    """A target level's role: the eligible tiers, the memberships asked (any one), the minimum."""

    target_level: Level
    role: str
    tiers: frozenset[Tier]
    flags: frozenset[Flag] = frozenset()
    minimum: int = 1

    def __post_init__(self) -> None:
        if self.minimum < 0:
            raise InvalidInput(N_("The minimum number in charge cannot be negative."))


def _rule(level: Level, role: str, tier: Tier, *flags: Flag) -> GraspRule:
    return GraspRule(level, role, frozenset({tier}), frozenset(flags))


DEFAULT_RULES: dict[Preset, tuple[GraspRule, ...]] = {
    Preset.THREE_LEVEL: (
        _rule(Level.CLUSTER, "Ủy viên Ban Thường vụ phụ trách cụm", Tier.DISTRICT, Flag.STANDING),
        _rule(Level.COMMUNE, "Huyện ủy viên phụ trách xã, thị trấn", Tier.DISTRICT, Flag.COMMITTEE),
        _rule(Level.HAMLET, "Cán bộ huyện phụ trách ấp, khu phố", Tier.DISTRICT),
        _rule(Level.GROUP, "Cán bộ, đảng viên phụ trách tổ NDTQ", Tier.COMMUNE),
    ),
    Preset.TWO_LEVEL: (
        _rule(Level.CLUSTER, "Ủy viên Ban Thường vụ Tỉnh ủy phụ trách cụm", Tier.PROVINCE, Flag.STANDING),
        _rule(Level.COMMUNE, "Tỉnh ủy viên phụ trách xã, phường", Tier.PROVINCE, Flag.COMMITTEE),
        _rule(Level.HAMLET, "Cán bộ xã phụ trách thôn, tổ dân phố", Tier.COMMUNE),
        _rule(Level.GROUP, "Cán bộ, đảng viên phụ trách tổ NDTQ", Tier.COMMUNE),
    ),
}


def rules_for(rules: Iterable[GraspRule], level: Level) -> list[GraspRule]:
    """Return the rules whose target is the given level."""
    return [rule for rule in rules if rule.target_level is level]


def pick_rule(rules: Iterable[GraspRule], level: Level, role: str | None) -> GraspRule:
    """Return the rule for the role on the level; with no role, the level's only rule."""
    candidates = rules_for(rules, level)
    if role is not None:
        wanted = role.strip().casefold()
        candidates = [rule for rule in candidates if rule.role.casefold() == wanted]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise RuleViolation(
            N_("No grasp rule gives a {level} the role '{role}'."), level=level, role=role or "—"
        )
    raise InvalidInput(
        N_("A {level} has several roles; name one of: {roles}."),
        level=level,
        roles="; ".join(rule.role for rule in candidates),
    )


def check_eligible(cadre: Cadre, rule: GraspRule) -> None:
    """Refuse a cadre who may not hold the rule's role, saying why."""
    if cadre.status is CadreStatus.LEFT:
        raise RuleViolation(N_("{name} has left and cannot be assigned."), name=cadre.full_name)
    if rule.tiers and cadre.tier not in rule.tiers:
        raise RuleViolation(
            N_("{name} cannot hold the role '{role}': it is for cadres of the {tiers}, "
               "and {name} works at the {tier}."),
            name=cadre.full_name,
            role=rule.role,
            tiers=tuple(sorted(rule.tiers, key=lambda tier: tier.value)),
            tier=cadre.tier,
        )
    if rule.flags and not rule.flags & cadre.flags:
        raise RuleViolation(
            N_("{name} cannot hold the role '{role}': it needs a {flag}."),
            name=cadre.full_name,
            role=rule.role,
            flag=tuple(sorted(rule.flags, key=lambda flag: flag.value)),
        )
