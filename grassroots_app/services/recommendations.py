"""Use cases of residents' recommendations: raise one, take it through its steps, list and follow them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain import recommendations as rule
from grassroots_app.domain.activities import check_active_on, check_not_future
from grassroots_app.domain.calendar import quarter_span
from grassroots_app.domain.errors import N_
from grassroots_app.domain.model import new_id
from grassroots_app.domain.recommendations import (
    Recommendation,
    RecommendationField,
    RecommendationFilter,
    RecommendationStatus,
    StatusChange,
    apply_change,
    clean_recommendation,
    is_overdue,
)
from grassroots_app.domain.text import natural_key
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import lookup
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.setup import require_settings
from grassroots_app.services.units import get_unit


@dataclass(frozen=True)
class RecommendationView:
    """A recommendation as shown: its unit's name and path when raised, the cadre's name, overdue or not."""

    recommendation: Recommendation
    unit_name: str
    unit_path: str
    cadre_name: str
    overdue: bool


def _views(uow: UnitOfWork, recs: Sequence[Recommendation], on: date | None = None) -> list[RecommendationView]:
    """Return the recommendations as shown (overdue on a day, default today), newest first, then by path."""
    on = on or date.today()
    labels = uow.fieldlog_queries.labels({(rec.unit_id, rec.raised_on) for rec in recs})
    names = uow.calendar_queries.names(sorted({rec.cadre_id for rec in recs}))
    shown = []
    for rec in recs:
        unit_name, path = labels.get((rec.unit_id, rec.raised_on), (rec.unit_id, rec.unit_id))
        cadre_name = names.get(rec.cadre_id, rec.cadre_id)
        shown.append(RecommendationView(rec, unit_name, path, cadre_name, is_overdue(rec, on)))
    return sorted(shown, key=lambda view: (-view.recommendation.raised_on.toordinal(), natural_key(view.unit_path)))


def _stored(uow: UnitOfWork, recommendation_id: str) -> Recommendation:
    missing = N_("No recommendation has the id '{id}'.")
    return lookup.by_id(uow.recommendations.get(recommendation_id), missing, recommendation_id)


def get_recommendation(uow: UnitOfWork, recommendation_id: str) -> RecommendationView:
    """Return the recommendation with that id as shown."""
    return _views(uow, [_stored(uow, recommendation_id)])[0]


def raise_recommendation(
    uow: UnitOfWork,
    unit_id: str,
    raised_on: date,
    cadre_id: str,
    content: str,
    field: RecommendationField,
    due: date | None = None,
) -> RecommendationView:
    """Record a recommendation residents raised at a unit on a day through a cadre; it starts open.

    The unit must exist on the day, the cadre be working then, and the day may not lie in the future.
    """
    require_settings(uow)
    rec = clean_recommendation(Recommendation(new_id(), unit_id, raised_on, cadre_id, content, field, due))
    check_not_future(raised_on, date.today())
    unit = get_unit(uow, unit_id)
    hierarchy.check_open_on(unit.period, raised_on, unit.name)
    check_active_on(get_cadre(uow, cadre_id), raised_on)
    uow.recommendations.add(rec)
    uow.recommendations.add_change(rule.raised(rec))
    uow.commit()
    return _views(uow, [rec])[0]


def _step(
    uow: UnitOfWork, recommendation_id: str, status: RecommendationStatus, on: date, **text: str
) -> RecommendationView:
    """Take a recommendation a step on a day (not in the future) and keep the step in its history."""
    check_not_future(on, date.today())
    stepped, change = apply_change(_stored(uow, recommendation_id), status, on, **text)
    uow.recommendations.update(stepped)
    uow.recommendations.add_change(change)
    uow.commit()
    return _views(uow, [stepped])[0]


def resolve_recommendation(uow: UnitOfWork, recommendation_id: str, on: date, note: str = "") -> RecommendationView:
    """Mark an open recommendation resolved at the base on a day."""
    return _step(uow, recommendation_id, RecommendationStatus.RESOLVED, on, note=note)


def forward_recommendation(
    uow: UnitOfWork, recommendation_id: str, on: date, body: str, note: str = ""
) -> RecommendationView:
    """Forward an open recommendation to the body that can settle it, on a day."""
    return _step(uow, recommendation_id, RecommendationStatus.FORWARDED, on, body=body, note=note)


def answer_recommendation(
    uow: UnitOfWork, recommendation_id: str, on: date, answer: str, note: str = ""
) -> RecommendationView:
    """Record the answer a forwarded recommendation received on a day."""
    return _step(uow, recommendation_id, RecommendationStatus.ANSWERED, on, answer=answer, note=note)


def close_recommendation(uow: UnitOfWork, recommendation_id: str, on: date, note: str = "") -> RecommendationView:
    """Close a recommendation resolved at the base or answered, on a day."""
    return _step(uow, recommendation_id, RecommendationStatus.CLOSED, on, note=note)


def edit_recommendation(
    uow: UnitOfWork, recommendation_id: str, content: str, field: RecommendationField, due: date | None
) -> RecommendationView:
    """Correct a recommendation's content, field and due date."""
    edited = clean_recommendation(replace(_stored(uow, recommendation_id), content=content, field=field, due=due))
    uow.recommendations.update(edited)
    uow.commit()
    return _views(uow, [edited])[0]


def delete_recommendation(uow: UnitOfWork, recommendation_id: str) -> None:
    """Delete a recommendation and its history."""
    _stored(uow, recommendation_id)
    uow.recommendations.remove(recommendation_id)
    uow.commit()


def list_recommendations(uow: UnitOfWork, wanted: RecommendationFilter) -> list[RecommendationView]:
    """Return the recommendations the filter asks for, newest first (overdue ones flagged on its day)."""
    on = wanted.on or date.today()
    return _views(uow, uow.recommendations.find(wanted, on), on)


def history(uow: UnitOfWork, recommendation_id: str) -> list[StatusChange]:
    """Return a recommendation's steps, its raising first."""
    _stored(uow, recommendation_id)
    return uow.recommendations.histories([recommendation_id]).get(recommendation_id, [])


def carried_over(uow: UnitOfWork, year: int, quarter: int, unit_id: str | None = None) -> list[RecommendationView]:
    """Return the recommendations raised before a quarter and still waiting when it began (under a unit)."""
    start = quarter_span(year, quarter)[0]
    if unit_id is not None:
        get_unit(uow, unit_id)
    candidates = uow.recommendations.waiting_on(start, unit_id)
    histories = uow.recommendations.histories([rec.id for rec in candidates])
    return _views(uow, rule.carried_over(candidates, histories, year, quarter))
