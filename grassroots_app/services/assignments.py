"""Use cases on assignments: put a cadre in charge of a target, end an assignment."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from grassroots_app.domain import hierarchy
from grassroots_app.domain.assignments import check_can_end, check_no_overlap
from grassroots_app.domain.errors import N_, NotFound, RuleViolation
from grassroots_app.domain.model import Assignment, Cadre, Decision, Level, Period, new_id
from grassroots_app.domain.rules import GraspRule, check_eligible, pick_rule, rules_for
from grassroots_app.domain.text import DECISION_LENGTH, NOTE_LENGTH, TextField, clean_text
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.setup import require_settings


@dataclass(frozen=True)
class NewAssignment:
    """What the clerk gives to put a cadre in charge of a unit or cluster."""

    cadre_id: str
    target_id: str
    start: date
    role: str | None = None
    decision: Decision = Decision()
    note: str = ""


@dataclass(frozen=True)
class Target:
    """A unit or cluster as something a cadre can be put in charge of."""

    id: str
    level: Level
    name: str
    period: Period


def get_target(uow: UnitOfWork, target_id: str) -> Target:
    """Return the unit or cluster with that id."""
    unit = uow.units.get(target_id)
    if unit is not None:
        return Target(unit.id, unit.level, unit.name, unit.period)
    cluster = uow.clusters.get(target_id)
    if cluster is not None:
        return Target(cluster.id, Level.CLUSTER, cluster.name, cluster.period)
    raise NotFound(N_("No unit or cluster has the id '{id}'."), id=target_id)


def eligible_rules(uow: UnitOfWork, cadre_id: str, target_id: str) -> list[GraspRule]:
    """Return the rules (roles) this cadre may hold on this target."""
    cadre, target = get_cadre(uow, cadre_id), get_target(uow, target_id)
    allowed = []
    for rule in rules_for(uow.rules.all(), target.level):
        try:
            check_eligible(cadre, rule)
        except RuleViolation:
            continue
        allowed.append(rule)
    return allowed


def ineligibility(uow: UnitOfWork, cadre_id: str, target_id: str) -> RuleViolation | None:
    """Return why a cadre may hold no role on a target (the first rule's refusal), or None when one fits."""
    cadre, target = get_cadre(uow, cadre_id), get_target(uow, target_id)
    rules = rules_for(uow.rules.all(), target.level)
    if not rules:
        return RuleViolation(N_("No grasp rule puts a cadre in charge of a {level}."), level=target.level)
    refusals: list[RuleViolation] = []
    for rule in rules:
        try:
            check_eligible(cadre, rule)
        except RuleViolation as refusal:
            refusals.append(refusal)
    return refusals[0] if len(refusals) == len(rules) else None


def assign(uow: UnitOfWork, new: NewAssignment) -> Assignment:
    """Put a cadre in charge of a target in a role from a day on, if the rules allow it."""
    assignment = stage_assignment(uow, new)
    uow.commit()
    return assignment


def stage_assignment(uow: UnitOfWork, new: NewAssignment, assignment_id: str | None = None) -> Assignment:
    """Check and stage a new assignment in the caller's transaction (which commits it)."""
    require_settings(uow)
    cadre = get_cadre(uow, new.cadre_id)
    target = get_target(uow, new.target_id)
    rule = pick_rule(uow.rules.all(), target.level, new.role)
    assignment = build_assignment(cadre, target, rule, new, uow.assignments.for_target(target.id), assignment_id)
    uow.assignments.add(assignment)
    return assignment


def build_assignment(
    cadre: Cadre, target: Target, rule: GraspRule, new: NewAssignment, held: list[Assignment],
    assignment_id: str | None = None,
) -> Assignment:
    """Check a new assignment against the rules (`held`: the target's assignments) and return it, not stored."""
    hierarchy.check_open_on(target.period, new.start, target.name)
    hierarchy.check_not_closed(target.period, target.name)
    check_eligible(cadre, rule)
    period = Period(new.start)
    check_no_overlap(cadre.id, target.id, rule.role, period, held)
    number = clean_text(new.decision.number, DECISION_LENGTH, TextField.DECISION)
    note = clean_text(new.note, NOTE_LENGTH, TextField.NOTE)
    decision = Decision(number, new.decision.signed_on)
    return Assignment(assignment_id or new_id(), cadre.id, target.id, target.level, rule.role, period, decision, note)


def check_still_holds(uow: UnitOfWork, assignment_id: str) -> None:
    """Refuse an assignment as stored that the rules no longer allow (one an undo or redo put back)."""
    assignment = uow.assignments.get(assignment_id)
    if assignment is None:
        return
    target = get_target(uow, assignment.target_id)
    hierarchy.check_open_on(target.period, assignment.period.start, target.name)
    others = [held for held in uow.assignments.for_target(target.id) if held.id != assignment.id]
    check_no_overlap(assignment.cadre_id, target.id, assignment.role, assignment.period, others)
    if assignment.period.end is None:
        hierarchy.check_not_closed(target.period, target.name)
        check_eligible(get_cadre(uow, assignment.cadre_id), pick_rule(uow.rules.all(), target.level, assignment.role))


def end_assignment(uow: UnitOfWork, assignment_id: str, on: date, reason: str = "") -> Assignment:
    """End an assignment on a day; before the minimum tenure a reason is required and kept."""
    ended = stage_end(uow, assignment_id, on, reason)
    uow.commit()
    return ended


def stage_end(uow: UnitOfWork, assignment_id: str, on: date, reason: str = "") -> Assignment:
    """Check and stage the end of an assignment in the caller's transaction."""
    settings = require_settings(uow)
    assignment = uow.assignments.get(assignment_id)
    if assignment is None:
        raise NotFound(N_("No assignment has the id '{id}'."), id=assignment_id)
    cleaned = check_can_end(assignment, on, settings.min_tenure_months, reason)
    uow.assignments.end(assignment.id, on, cleaned)
    ended = uow.assignments.get(assignment.id)
    assert ended is not None
    return ended


def edit_assignment(
    uow: UnitOfWork, assignment_id: str, decision: Decision, start: date, end: date | None, note: str,
    reason: str = "",
) -> Assignment:
    """Correct an assignment's decision, dates or note (a new end follows the rules of ending); return it."""
    settings = require_settings(uow)
    stored = uow.assignments.get(assignment_id)
    if stored is None:
        raise NotFound(N_("No assignment has the id '{id}'."), id=assignment_id)
    target = get_target(uow, stored.target_id)
    period = Period(start, end)
    hierarchy.check_open_on(target.period, start, target.name)
    if end is None:
        hierarchy.check_not_closed(target.period, target.name)
    else:
        hierarchy.check_open_on(target.period, end - timedelta(days=1), target.name)
    others = [held for held in uow.assignments.for_target(target.id) if held.id != stored.id]
    check_no_overlap(stored.cadre_id, target.id, stored.role, period, others)
    end_reason = stored.end_reason
    if end is not None and end != stored.period.end:
        opened = replace(stored, period=Period(start))
        end_reason = check_can_end(opened, end, settings.min_tenure_months, reason or stored.end_reason)
    number = clean_text(decision.number, DECISION_LENGTH, TextField.DECISION)
    edited = replace(stored, period=period, decision=Decision(number, decision.signed_on),
                     note=clean_text(note, NOTE_LENGTH, TextField.NOTE), end_reason=end_reason if end else "")
    uow.assignments.update(edited)
    uow.commit()
    return edited
