"""Read side of the cadre roster: every cadre with the number of targets in their charge on a day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import distinct, func, select
from sqlmodel import Session

from grassroots_app.persistence.tables import AssignmentRow, CadreRow
from grassroots_app.persistence.temporal import valid_on

CADRE, ASSIGNMENT = CadreRow.__table__, AssignmentRow.__table__  # type: ignore[attr-defined]
cadre, assignment = CADRE.c, ASSIGNMENT.c

# (id, full name, tier, position, workplace, standing, committee, party member, status, active targets);
# the rows SQLAlchemy returns unpack and index like these tuples, without a copy.
RosterRow = tuple[str, str, str, str, str, bool, bool, bool, str, int]


class RosterQueries:
    """The roster's set-based read over one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def cadres(self, on: date) -> Sequence[RosterRow]:
        """Return every cadre with the number of distinct targets in their charge on a day."""
        # A correlated count (the LEFT JOIN grouped by cadre, written per row) keeps the cadre table one
        # sequential scan; grouping the joined rows reads the big cadre rows in id order, which is slower.
        target = func.coalesce(assignment.unit_id, assignment.cluster_id)
        targets = (
            select(func.count(distinct(target)))
            .where(assignment.cadre_id == cadre.id, valid_on(assignment.start_date, assignment.end_date, on))
            .scalar_subquery()
        )
        query = select(
            cadre.id,
            cadre.full_name,
            cadre.tier,
            cadre.position,
            cadre.workplace,
            cadre.is_standing,
            cadre.is_committee,
            cadre.is_party_member,
            cadre.status,
            targets,
        )
        return self.session.execute(query).all()
