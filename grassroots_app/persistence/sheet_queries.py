"""Read-side queries of the export: everything that stands on one day, as plain objects."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from grassroots_app.domain.model import Assignment, Cadre, Cluster, Level, Merge, Period, Unit
from grassroots_app.persistence import mapping
from grassroots_app.persistence.tables import (
    AssignmentRow,
    CadreRow,
    ClusterMemberRow,
    ClusterRow,
    LineageRow,
    UnitLinkRow,
    UnitRow,
)
from grassroots_app.persistence.temporal import valid_on


class SheetQueries:
    """The units, clusters, cadres and assignments standing on a day, and the merges made by then."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def units_on(self, on: date) -> list[tuple[Unit, Period]]:
        """Return the units open on a day, each with its parent then and the period of that placement."""
        link = and_(col(UnitLinkRow.unit_id) == UnitRow.id, valid_on(UnitLinkRow.valid_from, UnitLinkRow.valid_to, on))
        query = (
            select(UnitRow, col(UnitLinkRow.parent_id), col(UnitLinkRow.valid_from), col(UnitLinkRow.valid_to))
            .outerjoin(UnitLinkRow, link)
            .where(valid_on(UnitRow.valid_from, UnitRow.valid_to, on))
        )
        found = []
        for row, parent_id, start, end in self.session.execute(query):
            unit = mapping.unit_from_row(row, parent_id)
            found.append((unit, Period(start, end) if start else unit.period))
        return found

    def clusters_on(self, on: date) -> list[Cluster]:
        """Return the clusters open on a day."""
        query = select(ClusterRow).where(valid_on(ClusterRow.valid_from, ClusterRow.valid_to, on))
        return [mapping.cluster_from_row(row) for row in self.session.execute(query).scalars()]

    def members_on(self, on: date) -> list[tuple[str, str, date]]:
        """Return the memberships standing on a day as (cluster id, commune id, first day)."""
        query = select(
            col(ClusterMemberRow.cluster_id), col(ClusterMemberRow.commune_id), col(ClusterMemberRow.valid_from)
        ).where(
            valid_on(ClusterMemberRow.valid_from, ClusterMemberRow.valid_to, on))
        return [(cluster_id, commune_id, start) for cluster_id, commune_id, start in self.session.execute(query)]

    def cadres(self) -> list[Cadre]:
        """Return every cadre."""
        return [mapping.cadre_from_row(row) for row in self.session.execute(select(CadreRow)).scalars()]

    def assignments_on(self, on: date, levels: dict[str, Level]) -> list[Assignment]:
        """Return the assignments standing on a day; `levels` gives the level of each unit targeted."""
        query = select(AssignmentRow).where(valid_on(AssignmentRow.start_date, AssignmentRow.end_date, on))
        found = []
        for row in self.session.execute(query).scalars():
            level = Level.CLUSTER if row.cluster_id else levels.get(row.unit_id or "")
            if level is not None:
                found.append(mapping.assignment_from_row(row, level))
        return found

    def merges_until(self, on: date) -> list[tuple[Merge, str | None, str | None]]:
        """Return the merges made on or before a day, oldest first, each with both units' official codes."""
        source, target = aliased(UnitRow), aliased(UnitRow)
        query = (
            select(LineageRow, col(source.code), col(target.code))
            .join(source, col(source.id) == LineageRow.source_id)
            .join(target, col(target.id) == LineageRow.target_id)
            .where(col(LineageRow.on_date) <= on)
            .order_by(col(LineageRow.on_date), col(LineageRow.id))
        )
        return [(Merge(row.source_id, row.target_id, row.on_date, row.note), source_code, target_code)
                for row, source_code, target_code in self.session.execute(query)]
