"""Use cases on assignments: put a cadre in charge of a target, end an assignment."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain.assignments import check_can_end, check_no_overlap
from grassroots_app.domain.errors import N_, NotFound, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Assignment, Cadre, Cluster, Decision, Level, Period, Unit, new_id
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
class AssignmentChanges:
    """What an edit changes in an assignment; None keeps what is stored (`end`: only of one that has ended)."""

    start: date | None = None
    end: date | None = None
    decision: Decision | None = None
    note: str | None = None
    end_reason: str | None = None


@dataclass(frozen=True)
class Target:
    """A unit or cluster as something a cadre can be put in charge of."""

    id: str
    level: Level
    name: str
    period: Period


def unit_target(unit: Unit) -> Target:
    """Return a unit as something a cadre can be put in charge of."""
    return Target(unit.id, unit.level, unit.name, unit.period)


def cluster_target(cluster: Cluster) -> Target:
    """Return a cluster as something a cadre can be put in charge of."""
    return Target(cluster.id, Level.CLUSTER, cluster.name, cluster.period)


def get_target(uow: UnitOfWork, target_id: str) -> Target:
    """Return the unit or cluster with that id."""
    unit = uow.units.get(target_id)
    if unit is not None:
        return unit_target(unit)
    cluster = uow.clusters.get(target_id)
    if cluster is not None:
        return cluster_target(cluster)
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
    target = _check_dates(uow, assignment)
    if assignment.period.end is None:
        hierarchy.check_not_closed(target.period, target.name)
        check_eligible(get_cadre(uow, assignment.cadre_id), pick_rule(uow.rules.all(), target.level, assignment.role))


def get_assignment(uow: UnitOfWork, assignment_id: str) -> Assignment:
    """Return the assignment or refuse an unknown id."""
    assignment = uow.assignments.get(assignment_id)
    if assignment is None:
        raise NotFound(N_("No assignment has the id '{id}'."), id=assignment_id)
    return assignment


def edit_assignment(uow: UnitOfWork, assignment_id: str, changes: AssignmentChanges) -> Assignment:
    """Change an assignment's dates, decision, note or reason for ending, checked by the rules on dates (its
    cadre's eligibility was checked when it was made: a decision number added later is not refused by a rule
    changed since)."""
    settings = require_settings(uow)
    old = get_assignment(uow, assignment_id)
    if changes.end is not None and old.period.end is None:
        raise RuleViolation(N_("This assignment has not ended; end it with “End the assignment” instead."))
    start, end = changes.start or old.period.start, changes.end or old.period.end
    reason = old.end_reason if changes.end_reason is None else changes.end_reason
    if end is not None and (start, end, reason) != (old.period.start, old.period.end, old.end_reason):
        reason = check_can_end(replace(old, period=Period(start)), end, settings.min_tenure_months, reason)
    decision = changes.decision or old.decision
    edited = replace(
        old, period=Period(start, end), end_reason=reason,
        decision=Decision(clean_text(decision.number, DECISION_LENGTH, TextField.DECISION), decision.signed_on),
        note=old.note if changes.note is None else clean_text(changes.note, NOTE_LENGTH, TextField.NOTE),
    )
    _check_within_target(_check_dates(uow, edited), edited)
    uow.assignments.update(edited)
    uow.commit()
    return edited


def _check_within_target(target: Target, assignment: Assignment) -> None:
    """Refuse an assignment lasting beyond the day its target closed."""
    closed, end = target.period.end, assignment.period.end
    if closed is not None and (end is None or end > closed):
        raise RuleViolation(N_("'{name}' closed on {day}; an assignment on it cannot last beyond that day."),
                            name=target.name, day=format_date(closed))


def _check_dates(uow: UnitOfWork, assignment: Assignment) -> Target:
    """Refuse an assignment starting before its target exists or overlapping the same role held there; return
    the target."""
    target = get_target(uow, assignment.target_id)
    hierarchy.check_open_on(target.period, assignment.period.start, target.name)
    others = [held for held in uow.assignments.for_target(target.id) if held.id != assignment.id]
    check_no_overlap(assignment.cadre_id, target.id, assignment.role, assignment.period, others)
    return target


def end_assignment(uow: UnitOfWork, assignment_id: str, on: date, reason: str = "") -> Assignment:
    """End an assignment on a day; before the minimum tenure a reason is required and kept."""
    ended = stage_end(uow, assignment_id, on, reason)
    uow.commit()
    return ended


def stage_end(uow: UnitOfWork, assignment_id: str, on: date, reason: str = "") -> Assignment:
    """Check and stage the end of an assignment in the caller's transaction."""
    settings = require_settings(uow)
    assignment = get_assignment(uow, assignment_id)
    cleaned = check_can_end(assignment, on, settings.min_tenure_months, reason)
    uow.assignments.end(assignment.id, on, cleaned)
    ended = uow.assignments.get(assignment.id)
    assert ended is not None
    return ended
