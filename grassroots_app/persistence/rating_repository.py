"""Quality ratings of units, one per unit and period (a year, or a quarter of it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from grassroots_app.domain.model import Level
from grassroots_app.domain.ratings import Grade, Rating
from grassroots_app.persistence.mapping import CHUNK
from grassroots_app.persistence.scopes import below, unit_seed
from grassroots_app.persistence.tables import RatingRow, UnitRow
from grassroots_app.persistence.temporal import overlapping

UNIT, RATING = (table.__table__ for table in (UnitRow, RatingRow))  # type: ignore[union-attr]
unit, rating = UNIT.c, RATING.c
WHOLE_YEAR = 0  # the quarter stored for a yearly rating


def _rating(row: RatingRow) -> Rating:
    quarter = None if row.quarter == WHOLE_YEAR else row.quarter
    return Rating(row.id, row.unit_id, row.year, quarter, Grade(row.grade), row.score, row.note)

class RatingRepository:
    """Quality ratings, one per unit and period."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, unit_id: str, year: int, quarter: int | None) -> RatingRow | None:
        query = select(RatingRow).where(
            col(RatingRow.unit_id) == unit_id, col(RatingRow.year) == year,
            col(RatingRow.quarter) == (quarter or WHOLE_YEAR),
        )
        return self.session.scalars(query).first()

    def get(self, unit_id: str, year: int, quarter: int | None) -> Rating | None:
        """Return the rating of a unit for a year (quarter None) or a quarter."""
        row = self._row(unit_id, year, quarter)
        return _rating(row) if row else None

    def put(self, rated: Rating) -> None:
        """Store a rating, in place of the one with the same id."""
        row = self.session.get(RatingRow, rated.id) or RatingRow(id=rated.id, unit_id=rated.unit_id, year=rated.year,
                                                                 grade="")
        row.quarter = rated.quarter or WHOLE_YEAR
        row.grade = rated.grade.value
        row.score = rated.score
        row.note = rated.note
        self.session.add(row)
        self.session.flush()

    def remove(self, rating_id: str) -> None:
        """Delete a rating."""
        self.session.delete(self.session.get_one(RatingRow, rating_id))
        self.session.flush()

    def for_units(self, unit_ids: Sequence[str], year: int, quarter: int | None) -> dict[str, Rating]:
        """Return the ratings of the units for a period, by unit id."""
        found: dict[str, Rating] = {}
        for start in range(0, len(unit_ids), CHUNK):
            query = select(RatingRow).where(
                col(RatingRow.unit_id).in_(unit_ids[start:start + CHUNK]), col(RatingRow.year) == year,
                col(RatingRow.quarter) == (quarter or WHOLE_YEAR),
            )
            found.update({row.unit_id: _rating(row) for row in self.session.scalars(query)})
        return found

    def grades(
        self, year: int, quarter: int | None, span: tuple[date, date], under: str | None
    ) -> list[tuple[Level, Grade]]:
        """Return (level, grade) of every rating of a period, only of units under a unit in the span if given."""
        query = (
            select(unit.level, rating.grade)
            .select_from(RATING.join(UNIT, unit.id == rating.unit_id))
            .where(rating.year == year, rating.quarter == (quarter or WHOLE_YEAR))
        )
        if under is not None:
            scope = below(unit_seed(under), "rated_scope")
            inside = select(scope.c.id).where(overlapping(scope.c.since, scope.c.until, *span))
            query = query.where(rating.unit_id.in_(inside))
        return [(Level(level), Grade(grade)) for level, grade in self.session.execute(query)]
