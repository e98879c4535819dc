"""Use cases on base-day plans: propose a quarter's plan from the assignments, store and edit it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.base_plan import Visit, propose_plan, shortfall, visit_counts
from grassroots_app.domain.calendar import FreeDay
from grassroots_app.domain.errors import N_, NotFound, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Level, Period, new_id
from grassroots_app.domain.text import NOTE_LENGTH, TextField, clean_text, natural_key, person_sort_key
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar
from grassroots_app.services.assignments import get_target
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.setup import require_settings


@dataclass(frozen=True)
class PlannedVisit:
    """A visit as shown: who, where (the target's path), which day; id "" while only proposed."""

    id: str
    day: date
    cadre_id: str
    cadre_name: str
    target_id: str
    target_path: str
    note: str = ""


@dataclass(frozen=True)
class UnvisitedTarget:
    """A target visited on fewer days than the target number; `reachable` False: no cadre on any day."""

    id: str
    level: Level
    path: str
    visits: int
    reachable: bool


@dataclass(frozen=True)
class QuarterPlan:
    """A quarter's base-day plan: its free days, its visits, and the targets it leaves short."""

    year: int
    quarter: int
    days: tuple[FreeDay, ...]
    visits: tuple[PlannedVisit, ...]
    unvisited: tuple[UnvisitedTarget, ...]
    targets: int
    visits_per_target: int
    saved: bool

    def visits_on(self, day: date) -> list[PlannedVisit]:
        """Return the visits planned on a day."""
        return [visit for visit in self.visits if visit.day == day]


@dataclass(frozen=True)
class _Inputs:
    start: date
    end: date
    days: list[FreeDay]
    cadre_targets: dict[str, list[str]]
    periods: dict[tuple[str, str], list[Period]]
    targets: dict[str, Level]

    def assigned_on(self, cadre_id: str, target_id: str, day: date) -> bool:
        return any(period.covers(day) for period in self.periods.get((cadre_id, target_id), ()))


def _inputs(uow: UnitOfWork, year: int, quarter: int) -> _Inputs:
    """Read what a quarter's plan needs: its free days, the assignments and the targets to visit."""
    start, end = rule.quarter_span(year, quarter)
    days = calendar.free_days_between(uow, start, end)
    cadre_targets: dict[str, list[str]] = defaultdict(list)
    periods: dict[tuple[str, str], list[Period]] = defaultdict(list)
    for cadre_id, target_id, period in uow.calendar_queries.assignments_between(start, end):
        if target_id not in cadre_targets[cadre_id]:
            cadre_targets[cadre_id].append(target_id)
        periods[(cadre_id, target_id)].append(period)
    levels = {item.target_level for item in uow.rules.all()}
    free = [free_day.day for free_day in days]
    targets = {
        target_id: level
        for target_id, level, period in uow.calendar_queries.targets_between(start, end, levels)
        if any(period.covers(day) for day in free)
    }
    return _Inputs(start, end, days, dict(cadre_targets), dict(periods), targets)


def _labels(uow: UnitOfWork, ids: Iterable[str], on: date) -> dict[str, str]:
    """Return how targets (their path on a day, else their name) and cadres (their name) are shown."""
    ids = sorted(set(ids))
    labels = uow.calendar_queries.names(ids)
    labels.update(uow.queries.paths([item for item in ids if item in labels], on))
    return labels


def _shown(visits: Iterable[Visit], labels: dict[str, str]) -> list[PlannedVisit]:
    """Return the visits as shown, by day, cadre name and target path."""
    shown = [
        PlannedVisit(
            visit.id, visit.day, visit.cadre_id, labels.get(visit.cadre_id, visit.cadre_id),
            visit.target_id, labels.get(visit.target_id, visit.target_id), visit.note,
        )
        for visit in visits
    ]
    return sorted(shown, key=lambda v: (v.day, person_sort_key(v.cadre_name), natural_key(v.target_path)))


def _describe(
    uow: UnitOfWork,
    inputs: _Inputs,
    visits: Iterable[Visit],
    unvisited: Iterable[str],
    reachable: set[str],
    saved: bool,
) -> QuarterPlan:
    """Return the plan as shown: names and paths, the short targets sorted by path."""
    visits = list(visits)
    unvisited = list(unvisited)
    on = inputs.days[0].day if inputs.days else inputs.start
    labels = _labels(uow, [*unvisited, *(v.target_id for v in visits), *(v.cadre_id for v in visits)], on)
    counts = visit_counts(visits)
    short = [
        UnvisitedTarget(
            target, inputs.targets.get(target) or get_target(uow, target).level, labels.get(target, target),
            counts[target], target in reachable,
        )
        for target in unvisited
    ]
    return QuarterPlan(
        inputs.start.year, rule.quarter_of(inputs.start), tuple(inputs.days), tuple(_shown(visits, labels)),
        tuple(sorted(short, key=lambda t: natural_key(t.path))), len(inputs.targets),
        calendar.calendar_policy(uow).visits_per_quarter, saved,
    )


def _reachable(inputs: _Inputs) -> set[str]:
    """Return the targets some cadre is in charge of on some free day of the quarter."""
    free = [free_day.day for free_day in inputs.days]
    return {target for (_cadre, target), periods in inputs.periods.items()
            if any(period.covers(day) for period in periods for day in free)}


def propose_quarter(uow: UnitOfWork, year: int, quarter: int, keep_saved: bool = True) -> QuarterPlan:
    """Propose the quarter's plan (not stored): rotate each cadre across their targets on the free days.

    With `keep_saved`, the visits already stored for the quarter are kept and the rest is filled around
    them. The plan lists the targets that still fall short of the visits per quarter.
    """
    require_settings(uow)
    inputs = _inputs(uow, year, quarter)
    fixed = uow.base_visits.between(inputs.start, inputs.end) if keep_saved else []
    plan = propose_plan(
        [free_day.day for free_day in inputs.days],
        inputs.cadre_targets,
        calendar.calendar_policy(uow).visits_per_quarter,
        inputs.assigned_on,
        inputs.targets,
        fixed,
    )
    return _describe(uow, inputs, plan.visits, plan.unvisited, _reachable(inputs), saved=False)


def save_proposal(uow: UnitOfWork, year: int, quarter: int, keep_saved: bool = True) -> QuarterPlan:
    """Propose the quarter's plan and store it (without `keep_saved`, replacing what was stored)."""
    proposal = propose_quarter(uow, year, quarter, keep_saved)
    start, end = rule.quarter_span(year, quarter)
    if not keep_saved:
        uow.base_visits.remove_between(start, end)
    new = [
        Visit(visit.day, visit.cadre_id, visit.target_id, new_id())
        for visit in proposal.visits
        if not visit.id
    ]
    uow.base_visits.add_all(new)
    uow.commit()
    return quarter_plan(uow, year, quarter)


def quarter_plan(uow: UnitOfWork, year: int, quarter: int) -> QuarterPlan:
    """Return the stored plan of a quarter and the targets it leaves short."""
    inputs = _inputs(uow, year, quarter)
    visits = uow.base_visits.between(inputs.start, inputs.end)
    targets = [*inputs.targets, *(visit.target_id for visit in visits)]
    unvisited = shortfall(visits, targets, calendar.calendar_policy(uow).visits_per_quarter)
    return _describe(uow, inputs, visits, unvisited, _reachable(inputs), saved=True)


def clear_quarter(uow: UnitOfWork, year: int, quarter: int) -> int:
    """Delete the stored plan of a quarter; return how many visits it held."""
    removed = uow.base_visits.remove_between(*rule.quarter_span(year, quarter))
    uow.commit()
    return removed


def _check_visit(uow: UnitOfWork, visit: Visit) -> Visit:
    """Return the visit cleaned, or refuse it: not a free day, not the cadre's target then, a duplicate."""
    cadre = get_cadre(uow, visit.cadre_id)
    target = get_target(uow, visit.target_id)
    shown = format_date(visit.day)
    if calendar.free_day_on(uow, visit.day) is None:
        raise RuleViolation(N_("{day} is not a meeting-free day."), day=shown)
    in_charge = any(
        a.target_id == target.id and a.period.covers(visit.day) for a in uow.assignments.for_cadre(cadre.id)
    )
    if not in_charge:
        raise RuleViolation(
            N_("{name} is not in charge of {target} on {day}."),
            name=cadre.full_name, target=target.name, day=shown,
        )
    same_day = uow.base_visits.between(visit.day, visit.day + timedelta(days=1), cadre.id)
    if any(other.target_id == target.id and other.id != visit.id for other in same_day):
        raise RuleViolation(
            N_("{name} is already planned at {target} on {day}."), name=cadre.full_name, target=target.name,
            day=shown,
        )
    return replace(visit, note=clean_text(visit.note, NOTE_LENGTH, TextField.NOTE))


def _one(uow: UnitOfWork, visit: Visit) -> PlannedVisit:
    """Return one stored visit as shown."""
    return _shown([visit], _labels(uow, [visit.cadre_id, visit.target_id], visit.day))[0]


def add_visit(uow: UnitOfWork, day: date, cadre_id: str, target_id: str, note: str = "") -> PlannedVisit:
    """Plan a cadre's visit to one of their targets on a meeting-free day."""
    require_settings(uow)
    visit = _check_visit(uow, Visit(day, cadre_id, target_id, new_id(), note))
    uow.base_visits.add_all([visit])
    uow.commit()
    return _one(uow, visit)


def edit_visit(uow: UnitOfWork, visit: Visit) -> PlannedVisit:
    """Change a planned visit (its day, cadre, target or note) under the same checks as a new one."""
    if uow.base_visits.get(visit.id) is None:
        raise NotFound(N_("No planned visit has the id '{id}'."), id=visit.id)
    checked = _check_visit(uow, visit)
    uow.base_visits.update(checked)
    uow.commit()
    return _one(uow, checked)


def remove_visit(uow: UnitOfWork, visit_id: str) -> None:
    """Delete a planned visit."""
    if uow.base_visits.get(visit_id) is None:
        raise NotFound(N_("No planned visit has the id '{id}'."), id=visit_id)
    uow.base_visits.remove(visit_id)
    uow.commit()


def visits_between(uow: UnitOfWork, start: date, end: date, cadre_id: str | None = None) -> list[PlannedVisit]:
    """Return the stored visits on the days in [start, end) (only a cadre's, if given), as shown."""
    visits = uow.base_visits.between(start, end, cadre_id)
    ids = [*(visit.cadre_id for visit in visits), *(visit.target_id for visit in visits)]
    return _shown(visits, _labels(uow, ids, start))
