"""Grasp rules: which role a target level needs, who may hold it, and how many at least."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from grassroots_app.domain.errors import N_, InvalidInput, Phrase, RuleViolation
from grassroots_app.domain.model import Cadre, CadreStatus, Flag, Level, Preset, Tier

MAX_MINIMUM = 20  # the most cadres a rule may require on one target


@dataclass(frozen=True)
class GraspRule:
    """A target level's role and who may hold it, and how many at least.

    A cadre may hold it who works at one of `tiers` and holds one of `flags` (any one; none asked when
    empty), or who holds one of `any_tier_flags` whatever their tier ("a commune cadre, or a party member").
    """

    target_level: Level
    role: str
    tiers: frozenset[Tier]
    flags: frozenset[Flag] = frozenset()
    minimum: int = 1
    any_tier_flags: frozenset[Flag] = frozenset()

    def __post_init__(self) -> None:
        if self.minimum < 0:
            raise InvalidInput(N_("The minimum number in charge cannot be negative."))
        if self.minimum > MAX_MINIMUM:
            raise InvalidInput(
                N_("The role '{role}' asks for {minimum} cadres; at most {most} can be required."),
                role=self.role, minimum=self.minimum, most=MAX_MINIMUM,
            )
        if not self.tiers and not self.any_tier_flags:
            raise InvalidInput(
                N_("The role '{role}' names no tier and no membership of any tier: nobody could hold it."),
                role=self.role,
            )

    def allows(self, cadre: Cadre) -> bool:
        """Return whether the cadre's tier and memberships fit the rule (leaving aside whether they left)."""
        by_tier = cadre.tier in self.tiers and (not self.flags or bool(self.flags & cadre.flags))
        return by_tier or bool(self.any_tier_flags & cadre.flags)


def _rule(level: Level, role: str, tier: Tier, *flags: Flag) -> GraspRule:
    return GraspRule(level, role, frozenset({tier}), frozenset(flags))


def _sorted(members: frozenset[Tier] | frozenset[Flag]) -> tuple[Tier | Flag, ...]:
    return tuple(sorted(members, key=lambda member: member.value))


def holders(rule: GraspRule) -> Phrase:
    """Return who may hold the rule's role, as a phrase: "a cadre of the commune tier, or a party member …"."""
    parts = []
    if rule.tiers and rule.flags:
        parts.append(Phrase(N_("a {flags} of the {tiers}"), flags=_sorted(rule.flags), tiers=_sorted(rule.tiers)))
    elif rule.tiers:
        parts.append(Phrase(N_("a cadre of the {tiers}"), tiers=_sorted(rule.tiers)))
    if rule.any_tier_flags:
        parts.append(Phrase(N_("a {flags} of any tier"), flags=_sorted(rule.any_tier_flags)))
    if len(parts) == 1:
        return parts[0]
    return Phrase(N_("{first}, or {second}"), first=parts[0], second=parts[1])


def describe_cadre(cadre: Cadre) -> Tier | Phrase:
    """Return a cadre's tier and memberships, as a rule sees them: "district tier, committee member"."""
    described: Tier | Phrase = cadre.tier
    for flag in _sorted(cadre.flags):
        described = Phrase(N_("{tier}, {flags}"), tier=described, flags=flag)
    return described


# "Every self-governing group must have at least one cadre or party member in charge" (the domain page).
GROUP_RULE = GraspRule(
    Level.GROUP, "Cán bộ, đảng viên phụ trách tổ NDTQ", frozenset({Tier.COMMUNE}),
    any_tier_flags=frozenset({Flag.PARTY_MEMBER}),
)

DEFAULT_RULES: dict[Preset, tuple[GraspRule, ...]] = {
    Preset.THREE_LEVEL: (
        _rule(Level.CLUSTER, "Ủy viên Ban Thường vụ phụ trách cụm", Tier.DISTRICT, Flag.STANDING),
        _rule(Level.COMMUNE, "Huyện ủy viên phụ trách xã, thị trấn", Tier.DISTRICT, Flag.COMMITTEE),
        _rule(Level.HAMLET, "Cán bộ huyện phụ trách ấp, khu phố", Tier.DISTRICT),
        GROUP_RULE,
    ),
    Preset.TWO_LEVEL: (
        _rule(Level.CLUSTER, "Ủy viên Ban Thường vụ Tỉnh ủy phụ trách cụm", Tier.PROVINCE, Flag.STANDING),
        _rule(Level.COMMUNE, "Tỉnh ủy viên phụ trách xã, phường", Tier.PROVINCE, Flag.COMMITTEE),
        _rule(Level.HAMLET, "Cán bộ xã phụ trách thôn, tổ dân phố", Tier.COMMUNE),
        GROUP_RULE,
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
    if not rule.allows(cadre):
        raise RuleViolation(
            N_("{name} cannot hold the role '{role}': the rule for a {level} allows only {holders} "
               "(at least {minimum} required). {name}: {cadre}."),
            name=cadre.full_name,
            role=rule.role,
            level=rule.target_level,
            holders=holders(rule),
            minimum=rule.minimum,
            cadre=describe_cadre(cadre),
        )
