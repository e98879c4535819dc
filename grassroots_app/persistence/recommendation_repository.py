"""Residents' recommendations and the steps each went through."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlmodel import Session, col

from grassroots_app.domain.recommendations import (
    PENDING,
    Recommendation,
    RecommendationField,
    RecommendationFilter,
    RecommendationStatus,
    StatusChange,
)
from grassroots_app.persistence.mapping import CHUNK, copy_fields
from grassroots_app.persistence.scopes import in_places, places
from grassroots_app.persistence.tables import RecommendationChangeRow, RecommendationRow

recommendation = RecommendationRow.__table__.c  # type: ignore[attr-defined]
_PENDING = sorted(status.value for status in PENDING)


def _recommendation(row: RecommendationRow) -> Recommendation:
    return Recommendation(
        id=row.id, unit_id=row.unit_id, raised_on=row.raised_on, cadre_id=row.cadre_id, content=row.content,
        field=RecommendationField(row.field), due=row.due, status=RecommendationStatus(row.status),
        forwarded_to=row.forwarded_to, forwarded_on=row.forwarded_on, answered_on=row.answered_on,
        answer=row.answer, resolved_on=row.resolved_on, closed_on=row.closed_on,
    )


def _change(row: RecommendationChangeRow) -> StatusChange:
    old = RecommendationStatus(row.old_status) if row.old_status else None
    return StatusChange(row.recommendation_id, row.day, old, RecommendationStatus(row.new_status), row.note)

class RecommendationRepository:
    """Residents' recommendations and the steps of each."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, recommendation_id: str) -> Recommendation | None:
        """Return the recommendation with that id."""
        row = self.session.get(RecommendationRow, recommendation_id)
        return _recommendation(row) if row else None

    def _write(self, rec: Recommendation, row: RecommendationRow) -> None:
        copy_fields(rec, row, ("unit_id", "cadre_id", "raised_on", "content", "due", "forwarded_to", "forwarded_on",
                         "answered_on", "answer", "resolved_on", "closed_on"))
        row.field = rec.field.value
        row.status = rec.status.value
        self.session.add(row)
        self.session.flush()

    def add(self, rec: Recommendation) -> None:
        """Store a new recommendation."""
        self._write(rec, RecommendationRow(id=rec.id, unit_id=rec.unit_id, cadre_id=rec.cadre_id,
                                           raised_on=rec.raised_on, content="", field="", status=""))

    def update(self, rec: Recommendation) -> None:
        """Store a recommendation's edited fields."""
        self._write(rec, self.session.get_one(RecommendationRow, rec.id))

    def remove(self, recommendation_id: str) -> None:
        """Delete a recommendation and its history."""
        changes = select(RecommendationChangeRow).where(
            col(RecommendationChangeRow.recommendation_id) == recommendation_id
        )
        for row in self.session.scalars(changes):
            self.session.delete(row)
        self.session.flush()
        self.session.delete(self.session.get_one(RecommendationRow, recommendation_id))
        self.session.flush()

    def add_change(self, change: StatusChange) -> None:
        """Append a step to a recommendation's history."""
        self.session.add(RecommendationChangeRow(
            recommendation_id=change.recommendation_id, day=change.on,
            old_status=change.old.value if change.old else None, new_status=change.new.value, note=change.note,
        ))
        self.session.flush()

    def histories(self, recommendation_ids: Sequence[str]) -> dict[str, list[StatusChange]]:
        """Return the steps of each recommendation, oldest first (steps of one day in the order taken)."""
        found: dict[str, list[StatusChange]] = defaultdict(list)
        for start in range(0, len(recommendation_ids), CHUNK):
            query = (
                select(RecommendationChangeRow)
                .where(col(RecommendationChangeRow.recommendation_id).in_(recommendation_ids[start:start + CHUNK]))
                .order_by(col(RecommendationChangeRow.day), col(RecommendationChangeRow.id))
            )
            for row in self.session.scalars(query):
                found[row.recommendation_id].append(_change(row))
        return dict(found)

    def _find(
        self, query: Select, window: tuple[date | None, date | None], unit_id: str | None, cluster_id: str | None
    ) -> list[Recommendation]:
        """Return the recommendations of the query raised in a window, under a unit, in a cluster, newest first."""
        [placed] = in_places(query, places(unit_id, cluster_id), recommendation.raised_on, window,
                             recommendation.unit_id)
        ordered = placed.order_by(col(RecommendationRow.raised_on).desc(), col(RecommendationRow.id))
        return [_recommendation(row) for row in self.session.scalars(ordered)]

    def find(self, wanted: RecommendationFilter, on: date) -> list[Recommendation]:
        """Return the recommendations the filter asks for (overdue: on that day), newest first."""
        query = select(RecommendationRow)
        if wanted.status is not None:
            query = query.where(col(RecommendationRow.status) == RecommendationStatus(wanted.status).value)
        if wanted.cadre_id is not None:
            query = query.where(col(RecommendationRow.cadre_id) == wanted.cadre_id)
        if wanted.overdue:
            query = query.where(recommendation.status.in_(_PENDING), recommendation.due < on)
        return self._find(query, (wanted.start, wanted.end), wanted.unit_id, wanted.cluster_id)

    def waiting_on(self, day: date, unit_id: str | None = None) -> list[Recommendation]:
        """Return the recommendations raised before a day and not yet resolved or answered before it."""
        settled = func.coalesce(recommendation.resolved_on, recommendation.answered_on)
        query = select(RecommendationRow).where(or_(recommendation.status.in_(_PENDING), settled >= day))
        return self._find(query, (None, day), unit_id, None)
