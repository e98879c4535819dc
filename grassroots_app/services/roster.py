"""Read use cases of the cadre screens: the roster with workloads, a cadre's targets, one assignment."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from grassroots_app.domain.assignments import tenure_end
from grassroots_app.domain.coverage import is_overloaded
from grassroots_app.domain.errors import N_, NotFound
from grassroots_app.domain.model import Assignment, CadreStatus, Period, Tier
from grassroots_app.domain.text import natural_key, person_sort_key
from grassroots_app.persistence.roster import RosterQueries
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.cadres import ended_by_leaving, get_cadre
from grassroots_app.services.setup import require_settings

_TIERS = {tier.value: tier for tier in Tier}
_STATUSES = {status.value: status for status in CadreStatus}


# A named tuple rather than a frozen dataclass: a national roster builds 300,000 of them at once,
# and a frozen dataclass takes about twice as long to make.
class RosterEntry(NamedTuple):
    """A cadre as a row of the roster, with the number of targets in their charge on the day."""

    id: str
    full_name: str
    tier: Tier
    position: str
    workplace: str
    is_standing: bool
    is_committee: bool
    is_party_member: bool
    status: CadreStatus
    targets: int
    overloaded: bool


@dataclass(frozen=True)
class CadreTarget:
    """One of a cadre's assignments with the path of its target; `current` when it runs on the day."""

    assignment: Assignment
    path: str
    current: bool


@dataclass(frozen=True)
class AssignmentView:
    """An assignment as the end dialog shows it: who, where, and the first day it may end without a reason."""

    assignment: Assignment
    cadre_name: str
    path: str
    tenure_end: date


def roster(uow: UnitOfWork, on: date) -> list[RosterEntry]:
    """Return every cadre with their number of targets on a day, sorted by given name (Vietnamese order).

    A database not yet set up has no cadres: its roster is empty.
    """
    settings = uow.settings.get()
    if settings is None:
        return []
    threshold = settings.workload_threshold
    entries = [
        RosterEntry(
            cadre_id, name, _TIERS[tier], position, workplace, standing, committee, member,
            _STATUSES[status], targets, is_overloaded(targets, threshold),
        )
        for cadre_id, name, tier, position, workplace, standing, committee, member, status, targets
        in RosterQueries(uow.session).cadres(on)
    ]
    # Rank the distinct names once, then sort the rows by rank: far fewer collation keys to compare.
    names = sorted({entry.full_name for entry in entries}, key=person_sort_key)
    rank = {name: index for index, name in enumerate(names)}
    entries.sort(key=lambda entry: rank[entry.full_name])
    return entries


def _path_day(period: Period, on: date) -> date:
    """Return the day to show a target's path on: the day asked, or the nearest day the period covers."""
    if period.covers(on):
        return on
    if period.end is not None and period.end <= on:
        return period.end - timedelta(days=1)
    return period.start


def _paths(uow: UnitOfWork, held: list[Assignment], on: date) -> dict[tuple[date, str], str]:
    """Return the path of each assignment's target, keyed by (day shown, target id)."""
    wanted: dict[date, set[str]] = {}
    for assignment in held:
        wanted.setdefault(_path_day(assignment.period, on), set()).add(assignment.target_id)
    return {
        (day, target_id): path
        for day, ids in wanted.items()
        for target_id, path in uow.queries.paths(sorted(ids), day).items()
    }


def cadre_targets(uow: UnitOfWork, cadre_id: str, on: date) -> list[CadreTarget]:
    """Return a cadre's assignments: those running on the day first, then the others, newest first."""
    get_cadre(uow, cadre_id)
    held = uow.assignments.for_cadre(cadre_id)
    paths = _paths(uow, held, on)
    rows = [
        CadreTarget(a, paths.get((_path_day(a.period, on), a.target_id), ""), a.period.covers(on)) for a in held
    ]
    return sorted(rows, key=lambda row: (not row.current, -row.assignment.period.start.toordinal()))


def leaving_targets(uow: UnitOfWork, cadre_id: str, on: date) -> list[CadreTarget]:
    """Return the assignments that end if the cadre leaves on a day, with their targets' paths."""
    ending = {assignment.id for assignment in ended_by_leaving(uow, cadre_id)}
    return [target for target in cadre_targets(uow, cadre_id, on) if target.assignment.id in ending]


def target_path(uow: UnitOfWork, target_id: str, on: date) -> str:
    """Return the full path of a unit or cluster on a day ("Tỉnh … / Xã … / Thôn …")."""
    paths = uow.queries.paths([target_id], on)
    if target_id not in paths:
        raise NotFound(N_("No unit or cluster has the id '{id}'."), id=target_id)
    return paths[target_id]


def assignment_view(uow: UnitOfWork, assignment_id: str, on: date) -> AssignmentView:
    """Return an assignment with its cadre's name, its target's path and the end of its minimum tenure."""
    assignment = uow.assignments.get(assignment_id)
    if assignment is None:
        raise NotFound(N_("No assignment has the id '{id}'."), id=assignment_id)
    settings = require_settings(uow)
    cadre = get_cadre(uow, assignment.cadre_id)
    path = target_path(uow, assignment.target_id, _path_day(assignment.period, on))
    return AssignmentView(assignment, cadre.full_name, path, tenure_end(assignment, settings.min_tenure_months))


@dataclass(frozen=True)
class AssignmentFilter:
    """Which assignments a list shows: those running on a day (None: all, ended ones too), of whom, where."""

    on: date | None
    cadre_id: str | None = None
    under_id: str | None = None  # a unit: assignments on it, below it, and on the clusters under it
    cluster_id: str | None = None  # a cluster: assignments on it and on its communes and below them


@dataclass(frozen=True)
class ListedAssignment:
    """An assignment as a list shows it: the cadre's name and the target's path on the day shown."""

    assignment: Assignment
    cadre_name: str
    path: str


def list_assignments(uow: UnitOfWork, wanted: AssignmentFilter, today: date) -> list[ListedAssignment]:
    """Return the assignments that match, by target path, cadre (given name) and start.

    Places are judged on the day asked, or (for ended and future assignments in a list of all) on the
    nearest day the assignment ran; `today` stands for the day asked when the list takes them all.
    """
    held = uow.assignments.for_cadre(wanted.cadre_id) if wanted.cadre_id else uow.assignments.running(wanted.on)
    if wanted.on is not None:
        held = [item for item in held if item.period.covers(wanted.on)]
    day_of = _shown_on(wanted.on or today)
    for roots in _place_roots(uow, wanted):
        held = _inside(uow, held, roots, day_of)
    paths = _paths(uow, held, wanted.on or today)
    names = uow.calendar_queries.names(sorted({item.cadre_id for item in held}))
    rows = [ListedAssignment(item, names.get(item.cadre_id, ""), paths.get((day_of(item), item.target_id), ""))
            for item in held]
    return sorted(rows, key=lambda row: (natural_key(row.path), person_sort_key(row.cadre_name),
                                         row.assignment.period.start))


def _shown_on(day: date) -> Callable[[Assignment], date]:
    """Return the function giving the day an assignment's place is judged and shown on."""
    return lambda item: _path_day(item.period, day)


def _place_roots(uow: UnitOfWork, wanted: AssignmentFilter) -> list[Callable[[date], set[str]]]:
    """Return, for each place filter, the ids a target must be or lie under on a day."""
    found: list[Callable[[date], set[str]]] = []
    if wanted.under_id is not None:
        under = wanted.under_id
        found.append(lambda _day: {under})
    if wanted.cluster_id is not None:
        cluster = wanted.cluster_id
        found.append(lambda day: {cluster, *uow.clusters.members(cluster, day)})
    return found


def _inside(
    uow: UnitOfWork, held: list[Assignment], roots: Callable[[date], set[str]], day_of: Callable[[Assignment], date]
) -> list[Assignment]:
    """Return the assignments whose target is one of the roots, or lies under one, on its day."""
    by_day: dict[date, list[Assignment]] = defaultdict(list)
    for item in held:
        by_day[day_of(item)].append(item)
    kept: list[Assignment] = []
    for day, items in by_day.items():
        wanted = roots(day)
        parents = uow.browse.ancestry({item.target_id for item in items}, day)
        kept += [item for item in items if _chain(item.target_id, parents) & wanted]
    return kept


def _chain(item: str, parents: dict[str, str | None]) -> set[str]:
    """Return the item and everything above it."""
    found: set[str] = set()
    current: str | None = item
    while current is not None and current not in found:
        found.add(current)
        current = parents.get(current)
    return found
