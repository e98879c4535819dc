"""Residents' recommendations in a report's quarter: what carried over, was raised, handled, still waits (pure).

Each recommendation is followed over the days its unit was inside the area during the quarter (its
presence): it carries over when raised before its presence began and still waiting then; its steps count
when taken during its presence; it is pending (and maybe overdue) at the end of its presence. For a unit
inside the area the whole quarter that is the quarter itself; a commune that changed cluster mid-quarter
brings its waiting recommendations along, and each cluster's report counts the steps of its own days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from grassroots_app.domain.recommendations import (
    PENDING,
    Recommendation,
    RecommendationField,
    RecommendationStatus,
    StatusChange,
    status_on,
)
from grassroots_app.domain.reports.inputs import Placed
from grassroots_app.domain.reports.model import RecommendationFigures, RecommendationRow
from grassroots_app.domain.reports.rows import Label, keyed
from grassroots_app.domain.reports.scope import Scope
from grassroots_app.domain.text import natural_key

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Followed:
    """A recommendation over its presence [start, end) in the quarter, and what happened to it then."""

    recommendation: Recommendation
    start: date
    end: date
    carried_over: bool
    raised_here: bool
    steps: tuple[RecommendationStatus, ...]  # the statuses reached during the presence, in order
    status: RecommendationStatus  # at the end of the presence

    @property
    def pending(self) -> bool:
        """Return whether it was still waiting at the end of its presence."""
        return self.status in PENDING

    @property
    def overdue(self) -> bool:
        """Return whether it was still waiting after its due date at the end of its presence."""
        due = self.recommendation.due
        return self.pending and due is not None and due < self.end


def _presences(placed: Iterable[Placed]) -> dict[str, tuple[Recommendation, date, date]]:
    """Return each recommendation with the first day and the end of its unit's days inside the area."""
    found: dict[str, tuple[Recommendation, date, date]] = {}
    for rec, since, until in placed:
        known = found.get(rec.id)
        if known is not None:
            since, until = min(since, known[1]), max(until, known[2])
        found[rec.id] = (rec, since, until)
    return found


def follow(placed: Iterable[Placed], histories: Mapping[str, Sequence[StatusChange]]) -> list[Followed]:
    """Return the recommendations that carried over, were raised or took a step during their presence."""
    followed = []
    for rec, start, end in _presences(placed).values():
        history = histories.get(rec.id, ())
        if rec.raised_on >= end:
            continue
        carried = rec.raised_on < start and status_on(rec, history, start - ONE_DAY) in PENDING
        raised_here = start <= rec.raised_on
        steps = tuple(step.new for step in history if step.old is not None and start <= step.on < end)
        if carried or raised_here or steps:
            status = status_on(rec, history, end - ONE_DAY) or RecommendationStatus.OPEN
            followed.append(Followed(rec, start, end, carried, raised_here, steps, status))
    return followed


def recommendation_figures(followed: Sequence[Followed], label: Label) -> RecommendationFigures:
    """Return the quarter's counts: carried over, raised, each step taken, pending and overdue at the end."""
    steps = Counter(step for item in followed for step in item.steps)
    fields = Counter(item.recommendation.field for item in followed if item.raised_here)
    return RecommendationFigures(
        carried_over=sum(item.carried_over for item in followed),
        raised=sum(item.raised_here for item in followed),
        resolved=steps[RecommendationStatus.RESOLVED],
        forwarded=steps[RecommendationStatus.FORWARDED],
        answered=steps[RecommendationStatus.ANSWERED],
        closed=steps[RecommendationStatus.CLOSED],
        pending=sum(item.pending for item in followed),
        overdue=sum(item.overdue for item in followed),
        by_field=tuple((label(field), fields[field]) for field in RecommendationField if fields[field]),
    )


def recommendation_rows(followed: Iterable[Followed], scope: Scope, label: Label) -> tuple[RecommendationRow, ...]:
    """Return the recommendations handled or pending in the quarter, by day raised then place."""
    rows = []
    for item in followed:
        rec = item.recommendation
        forwarded = rec.forwarded_on is not None and rec.forwarded_on < item.end
        rows.append(RecommendationRow(
            rec.raised_on, scope.path(rec.unit_id, item.end - ONE_DAY), label(rec.field), rec.content,
            label(item.status), rec.due, item.overdue, rec.forwarded_to if forwarded else "", item.carried_over,
        ))
    units = keyed((row.unit for row in rows), natural_key)
    return tuple(sorted(rows, key=lambda row: (row.raised_on, units[row.unit], row.content)))
