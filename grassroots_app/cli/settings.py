"""The local-rule commands of `grassroots`: `settings show|set` and `rules show|add|set|remove`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    emit,
    integer,
    lazy_services,
    tr,
)
from grassroots_app.domain.errors import N_, render_phrase
from grassroots_app.domain.local_rules import (
    RULE_LEVELS,
    LocalRules,
    find_rule,
    parse_choices,
    setting_keys,
    setting_label,
    setting_values,
    with_rule,
    with_rule_changed,
    without_rule,
)
from grassroots_app.domain.model import Flag, Level, Tier
from grassroots_app.domain.rules import GraspRule, holders

if TYPE_CHECKING:
    from grassroots_app.services import local_rules, session
    from grassroots_app.services.session import Database
else:
    local_rules, session = lazy_services("local_rules", "session")


def _shown(value: object) -> str:
    """Return a setting's value as it is typed on the command line."""
    if isinstance(value, list):
        return ",".join(str(item) for item in value) or "none"
    return str(value)


def _settings_lines(local: LocalRules) -> list[str]:
    values = setting_values(local)
    width = max(len(key) for key in values)
    lines = [tr("Local rules of this database ({model} model):").format(model=tr(local.settings.preset.label))]
    lines += [f"  {key:<{width}}  {_shown(value):<26} {render_phrase(setting_label(key, local), tr)}"
              for key, value in values.items()]
    lines.append(tr("Change one with: grassroots settings set KEY VALUE (keys: {keys}).").format(
        keys=", ".join(setting_keys())))
    return lines


def cmd_settings_show(args: argparse.Namespace, db: Database) -> None:
    """Print every local setting."""
    with session.UnitOfWork(db) as uow:
        local = local_rules.local_rules(uow)
    emit(args, {"preset": local.settings.preset.value, "settings": setting_values(local)}, _settings_lines(local))


def cmd_settings_set(args: argparse.Namespace, db: Database) -> None:
    """Change one local setting."""
    with session.UnitOfWork(db, write=True) as uow:
        before = setting_values(local_rules.local_rules(uow))
        after = setting_values(local_rules.set_setting(uow, args.key, args.value))
    changed = {key: value for key, value in after.items() if before.get(key) != value}
    removed = sorted(set(before) - set(after))
    lines = [tr("{key}: {old} → {new}").format(key=key, old=_shown(before.get(key, "—")), new=_shown(value))
             for key, value in changed.items()]
    lines += [tr("{key}: removed").format(key=key) for key in removed]
    emit(args, {"changed": changed, "removed": removed}, lines or [tr("Nothing changed.")])


def _list(values: frozenset[Tier] | frozenset[Flag]) -> list[str]:
    return sorted(value.value for value in values)


def rule_json(rule: GraspRule) -> dict[str, Any]:
    """Return a grasp rule as the JSON object scripts rely on (English keys and values)."""
    return {"level": rule.target_level.value, "role": rule.role, "tiers": _list(rule.tiers),
            "flags": _list(rule.flags), "any_tier_flags": _list(rule.any_tier_flags), "minimum": rule.minimum,
            "holders": render_phrase(holders(rule), tr)}


def _rule_lines(rule: GraspRule) -> list[str]:
    return [
        f"{tr(rule.target_level.label)} — {rule.role}",
        "    " + tr("who may hold it: {holders}").format(holders=render_phrase(holders(rule), tr)),
        "    " + tr("required on each: {minimum}").format(minimum=rule.minimum),
    ]


def cmd_rules_show(args: argparse.Namespace, db: Database) -> None:
    """Print every grasp rule: the level, the role, who may hold it, how many are required."""
    with session.UnitOfWork(db) as uow:
        rules = local_rules.local_rules(uow).rules
    ordered = sorted(rules, key=lambda rule: RULE_LEVELS.index(rule.target_level))
    lines = [line for rule in ordered for line in _rule_lines(rule)]
    emit(args, [rule_json(rule) for rule in ordered], lines or [tr("No grasp rules.")])


def _members(args: argparse.Namespace, name: str, kind: type[Tier] | type[Flag]) -> Any:
    """Return the tiers or memberships an option names, or None when it was not given."""
    text = getattr(args, name)
    return None if text is None else parse_choices("--" + name.replace("_", "-"), text, kind)


def _edited(args: argparse.Namespace, old: GraspRule | None) -> GraspRule:
    """Return the rule the options describe, over an old one (its values for the options not given)."""
    tiers, flags, any_tier = (_members(args, "tiers", Tier), _members(args, "flags", Flag),
                              _members(args, "any_tier", Flag))
    if old is None:
        return GraspRule(Level(args.level), args.role, tiers or frozenset(), flags or frozenset(),
                         1 if args.minimum is None else args.minimum, any_tier or frozenset())
    return GraspRule(
        old.target_level, old.role,
        old.tiers if tiers is None else tiers,
        old.flags if flags is None else flags,
        old.minimum if args.minimum is None else args.minimum,
        old.any_tier_flags if any_tier is None else any_tier,
    )


def cmd_rules_add(args: argparse.Namespace, db: Database) -> None:
    """Add a role to a level."""
    with session.UnitOfWork(db, write=True) as uow:
        local = local_rules.local_rules(uow)
        rule = _edited(args, None)
        local_rules.save_local_rules(uow, with_rule(local, rule))
    emit(args, rule_json(rule), [tr("Added:"), *_rule_lines(rule)])


def cmd_rules_set(args: argparse.Namespace, db: Database) -> None:
    """Change who may hold a role, or how many are required."""
    with session.UnitOfWork(db, write=True) as uow:
        local = local_rules.local_rules(uow)
        old = find_rule(local.rules, Level(args.level), args.role)
        rule = _edited(args, old)
        local_rules.save_local_rules(uow, with_rule_changed(local, old, rule))
    emit(args, rule_json(rule), [tr("Changed:"), *_rule_lines(rule)])


def cmd_rules_remove(args: argparse.Namespace, db: Database) -> None:
    """Remove a role that nobody holds any more."""
    with session.UnitOfWork(db, write=True) as uow:
        local = local_rules.local_rules(uow)
        old = find_rule(local.rules, Level(args.level), args.role)
        local_rules.save_local_rules(uow, without_rule(local, old))
    print(tr("Removed the role '{role}' of a {level}.").format(role=old.role, level=tr(old.target_level.label)))


def _rule_options(parser: Any) -> None:
    """Add the arguments naming a rule and who may hold it."""
    parser.add_argument("level", choices=[level.value for level in RULE_LEVELS])
    parser.add_argument("role", help=tr(N_("the role's name, as assignments show it")))
    tiers = ", ".join(tier.value for tier in Tier)
    flags = ", ".join(flag.value for flag in Flag)
    parser.add_argument("--tiers", help=tr(N_("tiers whose cadres may hold it, comma-separated ({choices}), "
                                               "or none")).format(choices=tiers))
    parser.add_argument("--flags", help=tr(N_("memberships such a cadre must hold, one of ({choices}), "
                                               "or none")).format(choices=flags))
    parser.add_argument("--any-tier", dest="any_tier",
                        help=tr(N_("or memberships that let a cadre of any tier hold it ({choices}), "
                                   "or none")).format(choices=flags))
    parser.add_argument("--minimum", type=integer, help=tr(N_("how many cadres are required on each target "
                                                               "(default 1)")))


def add_parsers(sub: Any) -> None:
    """Add the settings and rules commands."""
    group = add_group(sub, "settings", N_("the local settings: tenure, workload, meeting-free days, attendance"))
    add_command(group, "show", N_("show every local setting"), cmd_settings_show, json_flag=True)
    changed = add_command(group, "set", N_("change one local setting"), cmd_settings_set, json_flag=True)
    changed.add_argument("key", help=tr(N_("the setting, as settings show lists it")))
    changed.add_argument("value", help=tr(N_("its new value")))
    group = add_group(sub, "rules", N_("the grasp rules: the roles of each level, who may hold them, how many"))
    add_command(group, "show", N_("list the roles, who may hold them and how many are required"), cmd_rules_show,
                json_flag=True)
    _rule_options(add_command(group, "add", N_("add a role to a level"), cmd_rules_add, json_flag=True))
    _rule_options(add_command(group, "set", N_("change who may hold a role or how many are required"), cmd_rules_set,
                              json_flag=True))
    removed = add_command(group, "remove", N_("remove a role nobody holds"), cmd_rules_remove)
    removed.add_argument("level", choices=[level.value for level in RULE_LEVELS])
    removed.add_argument("role")
