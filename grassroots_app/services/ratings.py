"""Use cases of quality ratings: rate a commune or hamlet for a year or quarter, list and count them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from grassroots_app.domain.calendar import period_span
from grassroots_app.domain.errors import N_, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.hierarchy import unit_levels, unit_sort_key
from grassroots_app.domain.model import Level, Period, Unit, new_id
from grassroots_app.domain.ratings import (
    RATEABLE_LEVELS,
    Grade,
    Rating,
    check_rateable,
    clean_rating,
    grade_for_score,
    grade_shares,
    rateable_below,
)
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.setup import require_settings
from grassroots_app.services.units import get_unit


@dataclass(frozen=True)
class RatingView:
    """A unit that can be rated, with its rating for the period (None: not rated yet)."""

    rating: Rating | None
    unit_id: str
    unit_name: str
    level: Level


def _shown_span(span: tuple[date, date]) -> dict[str, str]:
    """Return the first and last days of a half-open span as shown in messages."""
    return {"start": format_date(span[0]), "end": format_date(span[1] - timedelta(days=1))}


def _rated_unit(uow: UnitOfWork, unit_id: str, span: tuple[date, date]) -> Unit:
    """Return the unit to rate for the period, or refuse one that is not rated, or not there then."""
    unit = get_unit(uow, unit_id)
    check_rateable(unit.level)
    if not unit.period.overlaps(Period(*span)):
        raise RuleViolation(N_("'{name}' did not exist between {start} and {end}."), name=unit.name,
                            **_shown_span(span))
    return unit


def set_rating(
    uow: UnitOfWork,
    unit_id: str,
    year: int,
    quarter: int | None = None,
    grade: Grade | None = None,
    score: float | None = None,
    note: str = "",
) -> Rating:
    """Rate a commune or hamlet for a year or quarter (in place of its rating then, if any).

    With only a score, the grade follows from it; with both, they must agree.
    """
    require_settings(uow)
    span = period_span(year, quarter)
    _rated_unit(uow, unit_id, span)
    if span[0] > date.today():
        raise InvalidInput(N_("The period from {start} to {end} has not begun yet."), **_shown_span(span))
    if grade is None:
        if score is None:
            raise InvalidInput(N_("Give a grade, a score, or both."))
        grade = grade_for_score(score)
    existing = uow.ratings.get(unit_id, year, quarter)
    rated = clean_rating(Rating(existing.id if existing else new_id(), unit_id, year, quarter, grade, score, note))
    uow.ratings.put(rated)
    uow.commit()
    return rated


def remove_rating(uow: UnitOfWork, unit_id: str, year: int, quarter: int | None = None) -> None:
    """Delete the rating of a unit for a year or quarter."""
    span = period_span(year, quarter)
    unit = _rated_unit(uow, unit_id, span)
    existing = uow.ratings.get(unit_id, year, quarter)
    if existing is None:
        raise NotFound(N_("'{name}' has no rating for the period from {start} to {end}."), name=unit.name,
                       **_shown_span(span))
    uow.ratings.remove(existing.id)
    uow.commit()


def ratings_under(uow: UnitOfWork, unit_id: str, year: int, quarter: int | None = None) -> list[RatingView]:
    """Return the nearest rated units below a unit in the period, each with its rating or None, by name.

    Below a commune: its hamlets; below a district or a province: its communes.
    """
    settings = require_settings(uow)
    span = period_span(year, quarter)
    unit = get_unit(uow, unit_id)
    level = rateable_below(unit_levels(settings.preset), unit.level)
    if level is None:
        return []
    below = uow.fieldlog_queries.units_below(unit.id, level, span)
    ratings = uow.ratings.for_units([item for item, _name in below], year, quarter)
    views = [RatingView(ratings.get(item), item, name, level) for item, name in below]
    return sorted(views, key=lambda view: (unit_sort_key(view.unit_name), view.unit_id))


def ratings_at(uow: UnitOfWork, unit_id: str, year: int, quarter: int | None = None) -> list[RatingView]:
    """Return the unit itself when it is rated and existed in the period, then ratings_under it.

    For a commune: the commune's party committee, then its hamlets; for a province: its communes.
    """
    below = ratings_under(uow, unit_id, year, quarter)
    unit = get_unit(uow, unit_id)
    if unit.level not in RATEABLE_LEVELS or not unit.period.overlaps(Period(*period_span(year, quarter))):
        return below
    return [RatingView(uow.ratings.get(unit.id, year, quarter), unit.id, unit.name, unit.level), *below]


def rating_summary(
    uow: UnitOfWork, year: int, quarter: int | None = None, under: str | None = None
) -> dict[str, object]:
    """Return the count and share of each grade per level rated in the period (the unit and below, if given).

    The shape: {"year": Y, ["quarter": Q,] "levels": {"<level>": {"total": n, "<grade>": {"count": n,
    "share": s}}}}.
    """
    span = period_span(year, quarter)
    if under is not None:
        get_unit(uow, under)
    summary: dict[str, object] = {"year": year}
    if quarter is not None:
        summary["quarter"] = quarter
    summary["levels"] = grade_shares(uow.ratings.grades(year, quarter, span, under))
    return summary
