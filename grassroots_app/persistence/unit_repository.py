"""Repositories of the hierarchy: units and clusters, and their places over time (links, memberships, lineage)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from grassroots_app.domain.model import Cluster, Level, Merge, Period, Unit
from grassroots_app.domain.text import fold
from grassroots_app.persistence import closure, mapping
from grassroots_app.persistence.bulk import insert_tuples
from grassroots_app.persistence.tables import ClusterMemberRow, ClusterRow, LineageRow, UnitLinkRow, UnitRow
from grassroots_app.persistence.temporal import ends_after, valid_on


class UnitRepository:
    """Units and their parents over time."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _parent_of_row(self, unit_id: str) -> str | None:
        query = (
            select(UnitLinkRow.parent_id)
            .where(UnitLinkRow.unit_id == unit_id)
            .order_by(col(UnitLinkRow.valid_from).desc())
            .limit(1)
        )
        return self.session.exec(query).first()

    def get(self, unit_id: str) -> Unit | None:
        """Return the unit with its current (or last) parent."""
        row = self.session.get(UnitRow, unit_id)
        return mapping.unit_from_row(row, self._parent_of_row(unit_id)) if row else None

    def by_code(self, code: str) -> Unit | None:
        """Return the unit bearing an official code."""
        row = self.session.exec(select(UnitRow).where(UnitRow.code == code)).first()
        return mapping.unit_from_row(row, self._parent_of_row(row.id)) if row else None

    def add(self, unit: Unit) -> None:
        """Store a new unit and its first parent link."""
        self.session.add(mapping.unit_to_row(unit))
        self.session.flush()
        if unit.parent_id is not None:
            self.session.add(
                UnitLinkRow(unit_id=unit.id, parent_id=unit.parent_id, valid_from=unit.period.start)
            )
        self.session.flush()

    def add_many(self, units: list[Unit]) -> None:
        """Store many new units and their first parent links at once (bulk inserts, no ORM objects)."""
        if not units:
            return
        connection = self.session.connection()
        insert_tuples(connection, UnitRow.__table__, mapping.UNIT_COLUMNS, [mapping.unit_values(unit) for unit in units])  # type: ignore[attr-defined]
        links = [(unit.id, unit.parent_id, unit.period.start) for unit in units if unit.parent_id is not None]
        if links:
            insert_tuples(connection, UnitLinkRow.__table__, ("unit_id", "parent_id", "valid_from"), links)  # type: ignore[attr-defined]
        closure.add_new(connection, {unit.id: unit.parent_id for unit in units})

    def update(self, unit: Unit) -> None:
        """Store a unit's edited fields (not its parent: see move)."""
        row = self.session.get_one(UnitRow, unit.id)
        mapping.copy_unit(unit, row)
        self.session.add(row)
        self.session.flush()

    def children(self, parent_id: str, on: date | None = None) -> list[Unit]:
        """Return the units under a parent on a day (None: now, open units only)."""
        link = select(UnitLinkRow.unit_id).where(UnitLinkRow.parent_id == parent_id)
        if on is None:
            link = link.where(col(UnitLinkRow.valid_to).is_(None))
            query = select(UnitRow).where(col(UnitRow.valid_to).is_(None))
        else:
            link = link.where(valid_on(UnitLinkRow.valid_from, UnitLinkRow.valid_to, on))
            query = select(UnitRow).where(valid_on(UnitRow.valid_from, UnitRow.valid_to, on))
        rows = self.session.exec(query.where(col(UnitRow.id).in_(link)).order_by(UnitRow.name))
        return [mapping.unit_from_row(row, parent_id) for row in rows]

    def links_to(self, parent_id: str) -> list[tuple[str, Period]]:
        """Return every link placing a unit under this parent, as (unit id, period)."""
        query = select(UnitLinkRow).where(UnitLinkRow.parent_id == parent_id)
        return [(row.unit_id, Period(row.valid_from, row.valid_to)) for row in self.session.exec(query)]

    def siblings_from(self, parent_id: str | None, start: date) -> list[Unit]:
        """Return the units under a parent (or at the top) at any time from a day on."""
        later = ends_after(UnitRow.valid_to, start)
        if parent_id is None:
            query = select(UnitRow).where(UnitRow.level == Level.PROVINCE.value, later)
        else:
            link = select(UnitLinkRow.unit_id).where(
                UnitLinkRow.parent_id == parent_id,
                ends_after(UnitLinkRow.valid_to, start),
            )
            query = select(UnitRow).where(later, col(UnitRow.id).in_(link))
        return [mapping.unit_from_row(row, parent_id) for row in self.session.exec(query)]

    def existing(self, ids: list[str]) -> set[str]:
        """Return which of the ids belong to stored units."""
        return mapping.existing_ids(self.session, UnitRow.id, ids)

    def any(self) -> bool:
        """Return whether the database holds at least one unit."""
        return self.session.exec(select(UnitRow.id).limit(1)).first() is not None

    def placements(self, parent_id: str | None) -> list[tuple[Unit, Period]]:
        """Return every unit ever placed under a parent (or at the top), with the period of that placement."""
        if parent_id is None:
            rows = self.session.exec(select(UnitRow).where(UnitRow.level == Level.PROVINCE.value))
            return [(unit, unit.period) for unit in (mapping.unit_from_row(row, None) for row in rows)]
        query = select(UnitRow, col(UnitLinkRow.valid_from), col(UnitLinkRow.valid_to)).join(
            UnitLinkRow, col(UnitLinkRow.unit_id) == UnitRow.id).where(col(UnitLinkRow.parent_id) == parent_id)
        return [(mapping.unit_from_row(row, parent_id), Period(start, end))
                for row, start, end in self.session.exec(query)]

    def roots(self, on: date | None = None) -> list[Unit]:
        """Return the top-level units (provinces) on a day (None: open now)."""
        query = select(UnitRow).where(UnitRow.level == Level.PROVINCE.value)
        if on is None:
            query = query.where(col(UnitRow.valid_to).is_(None))
        else:
            query = query.where(valid_on(UnitRow.valid_from, UnitRow.valid_to, on))
        return [mapping.unit_from_row(row, None) for row in self.session.exec(query.order_by(UnitRow.name))]

    def parent_on(self, unit_id: str, day: date) -> str | None:
        """Return the unit's parent on a day."""
        query = select(UnitLinkRow.parent_id).where(
            UnitLinkRow.unit_id == unit_id, valid_on(UnitLinkRow.valid_from, UnitLinkRow.valid_to, day)
        )
        return self.session.exec(query).first()

    def current_parent(self, unit_id: str) -> str | None:
        """Return the unit's current (or last) parent."""
        return self._parent_of_row(unit_id)

    def last_link_start(self, unit_id: str) -> date | None:
        """Return the day the unit was last placed under a parent."""
        query = select(func.max(UnitLinkRow.valid_from)).where(UnitLinkRow.unit_id == unit_id)
        return self.session.exec(query).first()

    def set_parent(self, unit_id: str, parent_id: str, on: date) -> None:
        """End the unit's open parent link on a day and open a new one under another parent."""
        open_link = self.session.exec(
            select(UnitLinkRow).where(UnitLinkRow.unit_id == unit_id, col(UnitLinkRow.valid_to).is_(None))
        ).first()
        if open_link is not None:
            open_link.valid_to = on
            self.session.add(open_link)
        self.session.add(UnitLinkRow(unit_id=unit_id, parent_id=parent_id, valid_from=on))
        self.session.flush()

    def end_link(self, unit_id: str, on: date) -> None:
        """End the unit's open parent link on a day (the unit is closed)."""
        for link in self.session.exec(
            select(UnitLinkRow).where(UnitLinkRow.unit_id == unit_id, col(UnitLinkRow.valid_to).is_(None))
        ):
            link.valid_to = on
            self.session.add(link)
        self.session.flush()

    def add_lineage(self, source_id: str, target_id: str, on: date, note: str) -> None:
        """Record that one unit went into another."""
        self.session.add(LineageRow(source_id=source_id, target_id=target_id, on_date=on, note=note))
        self.session.flush()

    def lineage(self, unit_id: str) -> list[tuple[str, str, date]]:
        """Return the merges into or out of a unit as (source, target, day), oldest first."""
        return [(merge.source_id, merge.target_id, merge.on) for merge in self.merges(unit_id)]

    def merges(self, unit_id: str) -> list[Merge]:
        """Return the merges into or out of a unit with their notes, oldest first."""
        query = (
            select(LineageRow)
            .where(or_(col(LineageRow.source_id) == unit_id, col(LineageRow.target_id) == unit_id))
            .order_by(col(LineageRow.on_date), col(LineageRow.id))
        )
        return [Merge(row.source_id, row.target_id, row.on_date, row.note) for row in self.session.exec(query)]

    def link_history(self, unit_id: str) -> list[tuple[str, Period]]:
        """Return the unit's parents over time as (parent, period), oldest first."""
        query = (
            select(UnitLinkRow).where(UnitLinkRow.unit_id == unit_id).order_by(col(UnitLinkRow.valid_from))
        )
        return [(row.parent_id, Period(row.valid_from, row.valid_to)) for row in self.session.exec(query)]

    def roots_named(self, name: str) -> list[Unit]:
        """Return the top-level units whose name matches, ignoring case and diacritics."""
        query = select(UnitRow).where(UnitRow.level == Level.PROVINCE.value, UnitRow.name_key == fold(name))
        return [mapping.unit_from_row(row, None) for row in self.session.exec(query)]

    def codes(self) -> set[str]:
        """Return every official code in use."""
        return {code for code in self.session.exec(select(UnitRow.code)) if code}


class ClusterRepository:
    """Clusters and their dated memberships."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, cluster_id: str) -> Cluster | None:
        """Return the cluster with that id."""
        row = self.session.get(ClusterRow, cluster_id)
        return mapping.cluster_from_row(row) if row else None

    def add(self, cluster: Cluster) -> None:
        """Store a new cluster."""
        self.session.add(
            ClusterRow(
                id=cluster.id,
                name=cluster.name,
                parent_id=cluster.parent_id,
                valid_from=cluster.period.start,
                valid_to=cluster.period.end,
            )
        )
        self.session.flush()

    def all(self, parent_id: str | None = None) -> list[Cluster]:
        """Return every cluster, or those under one unit."""
        query = select(ClusterRow).order_by(ClusterRow.name)
        if parent_id is not None:
            query = query.where(ClusterRow.parent_id == parent_id)
        return [mapping.cluster_from_row(row) for row in self.session.exec(query)]

    def memberships_of(self, commune_id: str) -> list[tuple[int, Cluster, Period]]:
        """Return a commune's memberships as (membership id, cluster, period)."""
        query = (
            select(ClusterMemberRow, ClusterRow)
            .join(ClusterRow, col(ClusterRow.id) == ClusterMemberRow.cluster_id)
            .where(ClusterMemberRow.commune_id == commune_id)
        )
        return [
            (member.id or 0, mapping.cluster_from_row(row), Period(member.valid_from, member.valid_to))
            for member, row in self.session.exec(query)
        ]

    def update(self, cluster: Cluster) -> None:
        """Store a cluster's name and period."""
        row = self.session.get_one(ClusterRow, cluster.id)
        row.name = cluster.name
        row.valid_to = cluster.period.end
        self.session.add(row)
        self.session.flush()

    def memberships(self, cluster_id: str) -> list[tuple[int, Period]]:
        """Return every membership of a cluster as (membership id, period)."""
        query = select(ClusterMemberRow).where(ClusterMemberRow.cluster_id == cluster_id)
        return [(row.id or 0, Period(row.valid_from, row.valid_to)) for row in self.session.exec(query)]

    def add_member(self, cluster_id: str, commune_id: str, period: Period) -> None:
        """Record a commune's membership of a cluster."""
        self.session.add(
            ClusterMemberRow(
                cluster_id=cluster_id, commune_id=commune_id, valid_from=period.start, valid_to=period.end
            )
        )
        self.session.flush()

    def end_member(self, membership_id: int, on: date) -> None:
        """End a membership on a day."""
        row = self.session.get_one(ClusterMemberRow, membership_id)
        row.valid_to = on
        self.session.add(row)
        self.session.flush()

    def members(self, cluster_id: str, on: date) -> list[str]:
        """Return the ids of the communes in a cluster on a day."""
        query = select(ClusterMemberRow.commune_id).where(
            ClusterMemberRow.cluster_id == cluster_id,
            valid_on(ClusterMemberRow.valid_from, ClusterMemberRow.valid_to, on),
        )
        return list(self.session.exec(query))
