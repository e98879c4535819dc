"""Use cases of the local rules: read them all, and store a changed set in one transaction."""

from __future__ import annotations

from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.domain.local_rules import LocalRules, check_local_rules, with_setting
from grassroots_app.domain.rules import GraspRule
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.setup import require_settings


def local_rules(uow: UnitOfWork) -> LocalRules:
    """Return every local rule of this database (the defaults for what was never changed)."""
    return LocalRules(
        require_settings(uow), uow.calendar_settings.get(), uow.attendance_targets.get(), uow.rules.all()
    )


def save_local_rules(uow: UnitOfWork, wanted: LocalRules) -> LocalRules:
    """Store the local rules, checked, in one transaction; refuse to drop a role someone still holds."""
    current = local_rules(uow)
    wanted = check_local_rules(wanted)
    if wanted.settings.preset is not current.settings.preset:
        raise RuleViolation(N_("The hierarchy model of a database cannot be changed here."))
    _check_dropped_roles(uow, current.rules, wanted.rules)
    uow.settings.save(wanted.settings)
    uow.calendar_settings.save(wanted.policy)
    if wanted.targets != current.targets:
        uow.attendance_targets.save(wanted.targets)
    if wanted.rules != current.rules:
        uow.rules.sync(wanted.rules)
    uow.commit()
    return wanted


def set_setting(uow: UnitOfWork, key: str, value: str) -> LocalRules:
    """Change one setting from its text (`grassroots settings set KEY VALUE`) and store it."""
    return save_local_rules(uow, with_setting(local_rules(uow), key, value))


def _check_dropped_roles(uow: UnitOfWork, current: tuple[GraspRule, ...], wanted: tuple[GraspRule, ...]) -> None:
    """Refuse to remove the rule of a role that open assignments still hold."""
    kept = {(rule.target_level, rule.role) for rule in wanted}
    for rule in current:
        if (rule.target_level, rule.role) in kept:
            continue
        held = uow.rules.open_holders(rule.target_level, rule.role)
        if held:
            raise RuleViolation(
                N_("The role '{role}' of a {level} cannot be removed: {count} cadres still hold it. "
                   "End their assignments first."),
                role=rule.role, level=rule.target_level, count=held,
            )
