"""The local rules a database carries, together: thresholds, meeting-free days, attendance targets, grasp rules.

They vary from place to place (the domain page marks them *local*); a clerk changes them in the Settings
dialog or with `grassroots settings set` / `grassroots rules …`. Each change is checked here, as a whole,
before anything is stored; the values a command line gives as text are read here too, key by key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from grassroots_app.domain.activities import AttendanceTarget, clean_targets
from grassroots_app.domain.calendar import FreeDayPolicy, MeetingCategory, Shift
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, NotFound, Phrase
from grassroots_app.domain.model import Flag, Level, Tier
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.settings import Settings
from grassroots_app.domain.text import NAME_LENGTH, TextField, clean_text, nfc

RULE_LEVELS = (Level.CLUSTER, Level.COMMUNE, Level.HAMLET, Level.GROUP)  # the targets a cadre is put in charge of
ANY = "any"  # in an attendance key: any tier, any membership
NONE_WORDS = ("none", "-")  # a value that empties a list or removes an attendance target
Choice = TypeVar("Choice", bound=Labelled)


@dataclass(frozen=True)
class LocalRules:
    """Every local rule of a database."""

    settings: Settings
    policy: FreeDayPolicy
    targets: tuple[AttendanceTarget, ...]
    rules: tuple[GraspRule, ...]


def check_local_rules(local: LocalRules) -> LocalRules:
    """Return the local rules with their grasp rules and targets cleaned, or refuse what does not hold together."""
    return replace(local, targets=clean_targets(local.targets), rules=clean_rules(local.rules))


def clean_rules(rules: Iterable[GraspRule]) -> tuple[GraspRule, ...]:
    """Return the rules with their roles cleaned, refusing a level no cadre is put in charge of or a repeated role."""
    cleaned: list[GraspRule] = []
    seen: set[tuple[Level, str]] = set()
    for rule in rules:
        if rule.target_level not in RULE_LEVELS:
            raise InvalidInput(
                N_("A grasp rule cannot target a {level}; it can target: {levels}."),
                level=rule.target_level, levels=RULE_LEVELS,
            )
        role = clean_text(rule.role, NAME_LENGTH, TextField.NAME).strip()
        if not role:
            raise InvalidInput(N_("A grasp rule of a {level} has no role name."), level=rule.target_level)
        key = (rule.target_level, role.casefold())
        if key in seen:
            raise InvalidInput(N_("A {level} has the role '{role}' twice."), level=rule.target_level, role=role)
        seen.add(key)
        cleaned.append(replace(rule, role=role))
    return tuple(cleaned)


# --- editing the grasp rules -----------------------------------------------------------------------


def find_rule(rules: Iterable[GraspRule], level: Level, role: str) -> GraspRule:
    """Return the rule of a role on a level (the role matched ignoring case), or refuse naming the level's roles."""
    wanted = nfc(role).strip().casefold()
    for rule in rules:
        if rule.target_level is level and rule.role.casefold() == wanted:
            return rule
    known = [rule.role for rule in rules if rule.target_level is level]
    raise NotFound(N_("A {level} has no role '{role}'; its roles: {roles}."),
                   level=level, role=role, roles="; ".join(known) or "—")


def with_rule(local: LocalRules, rule: GraspRule) -> LocalRules:
    """Return the local rules with a new rule added, checked."""
    return check_local_rules(replace(local, rules=(*local.rules, rule)))


def with_rule_changed(local: LocalRules, old: GraspRule, new: GraspRule) -> LocalRules:
    """Return the local rules with one rule replaced in its place, checked."""
    return check_local_rules(replace(local, rules=tuple(new if rule == old else rule for rule in local.rules)))


def without_rule(local: LocalRules, old: GraspRule) -> LocalRules:
    """Return the local rules without one rule."""
    return replace(local, rules=tuple(rule for rule in local.rules if rule != old))


# --- reading values given as text (the command line) ----------------------------------------------


def parse_count(key: str, text: str) -> int:
    """Return a whole number given for a key, or refuse anything else."""
    stripped = text.strip()
    if not (stripped.isascii() and stripped.lstrip("-").isdigit()):
        raise InvalidInput(N_("The setting {key} takes a whole number, not '{value}'."), key=key, value=text)
    return int(stripped)


def parse_choice(key: str, text: str, kind: type[Choice]) -> Choice:
    """Return the member of an enum a value names (its English value), or refuse, listing the allowed ones."""
    wanted = nfc(text).strip().casefold()
    for member in kind:
        if member.value == wanted:
            return member
    raise InvalidInput(
        N_("{key} does not allow '{value}'; allowed: {allowed}."),
        key=key, value=text, allowed=", ".join(str(member.value) for member in kind),
    )


def parse_choices(key: str, text: str, kind: type[Choice]) -> frozenset[Choice]:
    """Return the members a comma-separated list names ("none" or "-": no member)."""
    if text.strip().casefold() in NONE_WORDS:
        return frozenset()
    return frozenset(parse_choice(key, item, kind) for item in text.split(",") if item.strip())


def parse_days(key: str, text: str) -> tuple[int, ...]:
    """Return the days of the month a comma-separated list names ("9,15")."""
    days = tuple(parse_count(key, item) for item in text.split(",") if item.strip())
    if not days:
        raise InvalidInput(N_("The setting {key} needs at least one day of the month, as 9,15."), key=key)
    return days


def _attendance_key(key: str) -> tuple[Tier | None, Flag | None]:
    """Return the tier and membership an attendance key names: attendance.<tier|any>.<flag|any>."""
    parts = key.split(".")
    if len(parts) != 3:
        raise InvalidInput(
            N_("An attendance key is attendance.<tier>.<membership>, as attendance.commune.committee; "
               "'{key}' is not."), key=key,
        )
    tier = None if parts[1] == ANY else parse_choice(key, parts[1], Tier)
    flag = None if parts[2] == ANY else parse_choice(key, parts[2], Flag)
    return tier, flag


def attendance_key(target: AttendanceTarget) -> str:
    """Return the key of an attendance target: attendance.<tier|any>.<flag|any>."""
    tier = target.tier.value if target.tier else ANY
    flag = target.flag.value if target.flag else ANY
    return f"attendance.{tier}.{flag}"


def _with_target(local: LocalRules, key: str, text: str) -> LocalRules:
    """Return the rules with one attendance target set, or removed by "none"."""
    tier, flag = _attendance_key(key)
    kept = tuple(target for target in local.targets if (target.tier, target.flag) != (tier, flag))
    if text.strip().casefold() in NONE_WORDS:
        return replace(local, targets=kept)
    return replace(local, targets=(*kept, AttendanceTarget(tier, flag, parse_count(key, text))))


Setter = Callable[[LocalRules, str, str], LocalRules]

SETTERS: dict[str, Setter] = {
    "min_tenure_months": lambda local, key, text: replace(
        local, settings=replace(local.settings, min_tenure_months=parse_count(key, text))),
    "workload_threshold": lambda local, key, text: replace(
        local, settings=replace(local.settings, workload_threshold=parse_count(key, text))),
    "calendar.days": lambda local, key, text: replace(
        local, policy=replace(local.policy, days=parse_days(key, text))),
    "calendar.shift": lambda local, key, text: replace(
        local, policy=replace(local.policy, shift=parse_choice(key, text, Shift))),
    "calendar.allowed": lambda local, key, text: replace(
        local, policy=replace(local.policy, allowed=parse_choices(key, text, MeetingCategory))),
    "calendar.visits_per_quarter": lambda local, key, text: replace(
        local, policy=replace(local.policy, visits_per_quarter=parse_count(key, text))),
}


def setting_keys() -> tuple[str, ...]:
    """Return the keys `settings set` knows, the attendance pattern last."""
    return (*SETTERS, "attendance.<tier|any>.<membership|any>")


def with_setting(local: LocalRules, key: str, text: str) -> LocalRules:
    """Return the local rules with one setting changed from its text, checked; refuse an unknown key or value."""
    key = key.strip()
    if not key.startswith("attendance.") and key not in SETTERS:
        raise InvalidInput(N_("There is no setting '{key}'; the settings are: {keys}."),
                           key=key, keys=", ".join(setting_keys()))
    setter = _with_target if key.startswith("attendance.") else SETTERS[key]
    try:
        return check_local_rules(setter(local, key, text))
    except InvalidInput as error:
        if "key" in error.params:
            raise
        raise InvalidInput(N_("The setting {key} refuses '{value}': {reason}"),
                           key=key, value=text, reason=error) from None


SETTING_LABELS: dict[str, str] = {
    "min_tenure_months": N_("Minimum tenure of an assignment, in months"),
    "workload_threshold": N_("Targets a cadre may hold before the workload is flagged"),
    "calendar.days": N_("Meeting-free days of each month"),
    "calendar.shift": N_("A meeting-free day on a weekend or a day off"),
    "calendar.allowed": N_("Meetings still allowed on a meeting-free day"),
    "calendar.visits_per_quarter": N_("Base visits to each target per quarter"),
}


def setting_label(key: str, local: LocalRules) -> Phrase:
    """Return what a setting means, as a phrase to translate (an attendance key names its tier and membership)."""
    if key in SETTING_LABELS:
        return Phrase(SETTING_LABELS[key])
    target = next(target for target in local.targets if attendance_key(target) == key)
    if target.tier and target.flag:
        return Phrase(N_("Party meetings a year for a {flag} of the {tier}"), flag=target.flag, tier=target.tier)
    if target.flag:
        return Phrase(N_("Party meetings a year for a {flag} of any tier"), flag=target.flag)
    if target.tier:
        return Phrase(N_("Party meetings a year for a cadre of the {tier}"), tier=target.tier)
    return Phrase(N_("Party meetings a year for every cadre"))


def setting_values(local: LocalRules) -> dict[str, object]:
    """Return every setting by its key, as plain values (the JSON of `settings show`)."""
    values: dict[str, object] = {
        "min_tenure_months": local.settings.min_tenure_months,
        "workload_threshold": local.settings.workload_threshold,
        "calendar.days": list(local.policy.days),
        "calendar.shift": local.policy.shift.value,
        "calendar.allowed": sorted(item.value for item in local.policy.allowed),
        "calendar.visits_per_quarter": local.policy.visits_per_quarter,
    }
    values.update({attendance_key(target): target.per_year for target in local.targets})
    return values
