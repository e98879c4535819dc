"""Residents' recommendations (kiến nghị): raised at a unit through a cadre, then followed to their end.

An open recommendation is either resolved at the base, or forwarded to the body that can settle it,
which answers; either way it is then closed. The open and forwarded ones are still waiting: they are
flagged when past their due date and carry over from one quarter to the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from grassroots_app.domain.calendar import quarter_span
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, RuleViolation, enum_member, register_labels
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.text import CONTENT_LENGTH, NAME_LENGTH, NOTE_LENGTH, TextField, clean_text

MAX_CONTENT_LENGTH = CONTENT_LENGTH
MAX_BODY_LENGTH = NAME_LENGTH
MAX_NOTE_LENGTH = NOTE_LENGTH


class RecommendationField(str, Labelled):
    """What a recommendation is about."""

    LAND = "land"
    SOCIAL_POLICY = "social_policy"
    INFRASTRUCTURE = "infrastructure"
    SECURITY = "security_order"
    ADMINISTRATION = "administrative_procedure"
    OTHER = "other"


class RecommendationStatus(str, Labelled):
    """Where a recommendation stands."""

    OPEN = "open"
    RESOLVED = "resolved"
    FORWARDED = "forwarded"
    ANSWERED = "answered"
    CLOSED = "closed"


register_labels(
    [
        (RecommendationField.LAND, N_("land")),
        (RecommendationField.SOCIAL_POLICY, N_("social policy")),
        (RecommendationField.INFRASTRUCTURE, N_("infrastructure")),
        (RecommendationField.SECURITY, N_("security and order")),
        (RecommendationField.ADMINISTRATION, N_("administrative procedure")),
        (RecommendationField.OTHER, N_("other matter")),
        (RecommendationStatus.OPEN, N_("open")),
        (RecommendationStatus.RESOLVED, N_("resolved at the base")),
        (RecommendationStatus.FORWARDED, N_("forwarded")),
        (RecommendationStatus.ANSWERED, N_("answered")),
        (RecommendationStatus.CLOSED, N_("closed")),
    ]
)

TRANSITIONS: Mapping[RecommendationStatus, frozenset[RecommendationStatus]] = {
    RecommendationStatus.OPEN: frozenset({RecommendationStatus.RESOLVED, RecommendationStatus.FORWARDED}),
    RecommendationStatus.FORWARDED: frozenset({RecommendationStatus.ANSWERED}),
    RecommendationStatus.ANSWERED: frozenset({RecommendationStatus.CLOSED}),
    RecommendationStatus.RESOLVED: frozenset({RecommendationStatus.CLOSED}),
    RecommendationStatus.CLOSED: frozenset(),
}

# Still waiting for an outcome: these carry over to the next quarter and can be overdue.
PENDING = frozenset({RecommendationStatus.OPEN, RecommendationStatus.FORWARDED})


@dataclass(frozen=True)
class Recommendation:
    """A residents' recommendation raised at a unit through a cadre, with the dates of its steps."""

    id: str
    unit_id: str
    raised_on: date
    cadre_id: str
    content: str
    field: RecommendationField
    due: date | None = None
    status: RecommendationStatus = RecommendationStatus.OPEN
    forwarded_to: str = ""
    forwarded_on: date | None = None
    answered_on: date | None = None
    answer: str = ""
    resolved_on: date | None = None
    closed_on: date | None = None

    @property
    def last_step(self) -> date:
        """Return the day of its latest step (raised, resolved, forwarded, answered or closed)."""
        steps = (self.resolved_on, self.forwarded_on, self.answered_on, self.closed_on)
        return max((day for day in steps if day is not None), default=self.raised_on)


@dataclass(frozen=True)
class StatusChange:
    """A step in a recommendation's history; `old` None is its raising."""

    recommendation_id: str
    on: date
    old: RecommendationStatus | None
    new: RecommendationStatus
    note: str = ""


@dataclass(frozen=True)
class RecommendationFilter:
    """Which recommendations to list; every field is optional.

    Raised in [start, end), in a status, overdue on a day (None: today), raised under a unit or in a
    cluster (as the hierarchy stood on the day raised), through a cadre.
    """

    start: date | None = None
    end: date | None = None
    status: RecommendationStatus | None = None
    overdue: bool = False
    unit_id: str | None = None
    cluster_id: str | None = None
    cadre_id: str | None = None
    on: date | None = None


def clean_recommendation(rec: Recommendation) -> Recommendation:
    """Return the recommendation with its text normalized, or refuse empty content or a due date too early."""
    content = clean_text(rec.content, MAX_CONTENT_LENGTH, TextField.CONTENT)
    if not content:
        raise InvalidInput(N_("A recommendation needs its content."))
    if rec.due is not None and rec.due < rec.raised_on:
        raise InvalidInput(
            N_("The due date {due} comes before the day it was raised, {raised}."),
            due=format_date(rec.due), raised=format_date(rec.raised_on),
        )
    return replace(
        rec,
        content=content,
        field=enum_member(RecommendationField, rec.field, N_("'{field}' is not a field of recommendations."),
                          "field"),
        status=RecommendationStatus(rec.status),
        forwarded_to=clean_text(rec.forwarded_to, MAX_BODY_LENGTH, TextField.BODY),
        answer=clean_text(rec.answer, MAX_CONTENT_LENGTH, TextField.ANSWER),
    )


def raised(rec: Recommendation) -> StatusChange:
    """Return the first step of a recommendation's history: its raising."""
    return StatusChange(rec.id, rec.raised_on, None, RecommendationStatus.OPEN)


def _stepped(rec: Recommendation, new: RecommendationStatus, on: date, body: str, answer: str) -> Recommendation:
    """Return the recommendation in its new status, with the day (and the body or answer) of the step."""
    if new is RecommendationStatus.FORWARDED:
        body = clean_text(body, MAX_BODY_LENGTH, TextField.BODY)
        if not body:
            raise InvalidInput(N_("Name the body the recommendation is forwarded to."))
        return replace(rec, status=new, forwarded_to=body, forwarded_on=on)
    if new is RecommendationStatus.ANSWERED:
        answer = clean_text(answer, MAX_CONTENT_LENGTH, TextField.ANSWER)
        if not answer:
            raise InvalidInput(N_("Give the answer received."))
        return replace(rec, status=new, answer=answer, answered_on=on)
    if new is RecommendationStatus.RESOLVED:
        return replace(rec, status=new, resolved_on=on)
    return replace(rec, status=new, closed_on=on)


def apply_change(
    rec: Recommendation,
    new_status: RecommendationStatus,
    on: date,
    *,
    body: str = "",
    answer: str = "",
    note: str = "",
) -> tuple[Recommendation, StatusChange]:
    """Return the recommendation after a step and the step itself, or refuse a step the flow does not allow.

    Forwarding needs the body it goes to, answering the answer; no step may come before the previous one.
    """
    new = RecommendationStatus(new_status)
    if new not in TRANSITIONS[rec.status]:
        raise RuleViolation(
            N_("A recommendation that is {old} cannot become {new}."), old=rec.status, new=new
        )
    if on < rec.last_step:
        raise RuleViolation(
            N_("This step on {day} cannot come before the previous one, on {previous}."),
            day=format_date(on), previous=format_date(rec.last_step),
        )
    stepped = _stepped(rec, new, on, body, answer)
    return stepped, StatusChange(rec.id, on, rec.status, new, clean_text(note, MAX_NOTE_LENGTH, TextField.NOTE))


def is_overdue(rec: Recommendation, on: date) -> bool:
    """Return whether the recommendation is still waiting after its due date."""
    return rec.status in PENDING and rec.due is not None and rec.due < on


def status_on(rec: Recommendation, history: Iterable[StatusChange], day: date) -> RecommendationStatus | None:
    """Return the status at the end of a day (None: not raised yet); steps of one day apply in order."""
    if day < rec.raised_on:
        return None
    status = RecommendationStatus.OPEN
    for change in sorted(history, key=lambda item: item.on):
        if change.on <= day:
            status = change.new
    return status


def carried_over(
    recs: Iterable[Recommendation], histories: Mapping[str, Sequence[StatusChange]], year: int, quarter: int
) -> list[Recommendation]:
    """Return the recommendations raised before a quarter and still waiting when it began.

    A step taken on the quarter's first day belongs to the quarter: it does not stop the carry-over.
    """
    eve = quarter_span(year, quarter)[0] - timedelta(days=1)
    return [rec for rec in recs if status_on(rec, histories.get(rec.id, ()), eve) in PENDING]
