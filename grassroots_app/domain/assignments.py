"""Assignment rules: no overlapping duplicates, ending before the minimum tenure needs a reason."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from grassroots_app.domain.errors import N_, InvalidInput, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Assignment, Period
from grassroots_app.domain.text import NOTE_LENGTH, TextField, clean_text


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def check_no_overlap(
    cadre_id: str, target_id: str, role: str, period: Period, existing: Iterable[Assignment]
) -> None:
    """Refuse a cadre holding the same role on the same target twice over overlapping dates."""
    for other in existing:
        same = (other.cadre_id, other.target_id, other.role) == (cadre_id, target_id, role)
        if same and other.period.overlaps(period):
            raise RuleViolation(
                N_("This cadre already holds the role '{role}' here from {start}{until}."),
                role=role,
                start=format_date(other.period.start),
                until=f" – {format_date(other.period.end)}" if other.period.end else "",
            )


def tenure_end(assignment: Assignment, minimum_months: int) -> date:
    """Return the first day on which the assignment has lasted the minimum tenure."""
    return add_months(assignment.period.start, minimum_months)


def check_can_end(
    assignment: Assignment, on: date, minimum_months: int, reason: str
) -> str:
    """Return the cleaned reason for ending on `on`; refuse a bad date or a short tenure without one."""
    if assignment.period.end is not None:
        raise RuleViolation(N_("This assignment has already ended."))
    if on <= assignment.period.start:
        raise InvalidInput(
            N_("An assignment must end after its start date {start}."),
            start=format_date(assignment.period.start),
        )
    cleaned = clean_text(reason, NOTE_LENGTH, TextField.REASON)
    if on < tenure_end(assignment, minimum_months) and not cleaned:
        raise RuleViolation(
            N_("The assignment has lasted less than the minimum tenure of {months} months; "
               "give the reason for ending it early."),
            months=minimum_months,
        )
    return cleaned
