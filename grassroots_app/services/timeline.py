"""Helpers for dated operations that end things: checked against the whole timeline, not one day."""

from __future__ import annotations

from datetime import date

from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Assignment, Period, Unit
from grassroots_app.persistence.uow import UnitOfWork


def _runs_past(period: Period, on: date) -> bool:
    """Return whether a period starts on or after a day, or ends after it (but is not open)."""
    return period.start >= on or (period.end is not None and period.end > on)


def end_target_assignments(uow: UnitOfWork, target_id: str, name: str, on: date, reason: str) -> list[Assignment]:
    """End the open assignments on a unit or cluster on a day; refuse if one runs past that day."""
    held = uow.assignments.for_target(target_id)
    for assignment in held:
        if _runs_past(assignment.period, on):
            _refuse_running_past(assignment, name, on)
    open_ones = [assignment for assignment in held if assignment.period.end is None]
    for assignment in open_ones:
        uow.assignments.end(assignment.id, on, reason)
    return open_ones


def check_nothing_held_after(uow: UnitOfWork, target_id: str, name: str, on: date) -> None:
    """Refuse a unit or cluster closed on a day while an assignment on it is open or runs past that day."""
    for assignment in uow.assignments.for_target(target_id):
        if assignment.period.overlaps(Period(on)):
            _refuse_running_past(assignment, name, on)


def _refuse_running_past(assignment: Assignment, name: str, on: date) -> None:
    raise RuleViolation(
        N_("An assignment on '{name}' runs past {day} (it starts on {start}); change it first."),
        name=name, day=format_date(on), start=format_date(assignment.period.start),
    )


def end_memberships(uow: UnitOfWork, commune: Unit, on: date, keep_cluster_ids: set[str] | None = None) -> None:
    """End a commune's cluster memberships on a day (except in the clusters kept)."""
    for membership_id, cluster, period in uow.clusters.memberships_of(commune.id):
        if keep_cluster_ids is not None and cluster.id in keep_cluster_ids:
            continue
        if _runs_past(period, on):
            raise RuleViolation(
                N_("'{name}' is in the cluster '{cluster}' from {start}, after that date; change it first."),
                name=commune.name, cluster=cluster.name, start=format_date(period.start),
            )
        if period.end is None:
            uow.clusters.end_member(membership_id, on)


def check_no_children_after(uow: UnitOfWork, unit: Unit, on: date) -> None:
    """Refuse to end a unit that still has units or clusters under it on or after a day."""
    later = [unit_id for unit_id, period in uow.units.links_to(unit.id) if period.end is None or period.end > on]
    if later:
        raise RuleViolation(
            N_("'{name}' still has {count} units under it on or after that date: close, move or merge them first."),
            name=unit.name, count=len(later),
        )
    clusters = [c for c in uow.clusters.all(unit.id) if c.period.end is None or c.period.end > on]
    if clusters:
        raise RuleViolation(
            N_("'{name}' still has {count} clusters under it on or after that date: close them first."),
            name=unit.name, count=len(clusters),
        )
