"""Repositories: load and store the domain's objects inside one session."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, or_
from sqlmodel import Session, col, select

from grassroots_app.domain.model import (
    Assignment,
    Cadre,
    Cluster,
    Level,
    Period,
    Preset,
    Unit,
)
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.settings import Settings
from grassroots_app.domain.text import fold
from grassroots_app.persistence import mapping
from grassroots_app.persistence.tables import (
    AssignmentRow,
    CadreRow,
    ClusterMemberRow,
    ClusterRow,
    GraspRuleRow,
    LineageRow,
    SettingRow,
    UnitLinkRow,
    UnitRow,
)


def valid_on(start: Any, end: Any, day: date) -> ColumnElement[bool]:
    """Return the SQL condition that a half-open [start, end) period covers the day (start, end: columns)."""
    return and_(start <= day, or_(end.is_(None), end > day))


def existing_ids(session: Session, column: Any, ids: list[str]) -> set[str]:
    """Return which of the ids a table's id column holds (asked 500 at a time)."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(session.exec(select(column).where(col(column).in_(ids[start:start + 500]))))
    return found


class SettingsRepository:
    """The database's settings."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> Settings | None:
        """Return the settings, or None for a database not yet initialized."""
        # Keys with a dot ("calendar.days") belong to other features' repositories.
        stored = self.session.exec(select(SettingRow))
        rows = {row.key: json.loads(row.value) for row in stored if "." not in row.key}
        if "preset" not in rows:
            return None
        preset = Preset(rows.pop("preset"))
        return Settings(preset, **rows)

    def save(self, settings: Settings) -> None:
        """Store every setting."""
        values = {
            "preset": settings.preset.value,
            "min_tenure_months": settings.min_tenure_months,
            "workload_threshold": settings.workload_threshold,
        }
        for key, value in values.items():
            self.session.merge(SettingRow(key=key, value=json.dumps(value)))


class RuleRepository:
    """The grasp rules of this database."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> tuple[GraspRule, ...]:
        """Return every rule."""
        rows = self.session.exec(select(GraspRuleRow).order_by(col(GraspRuleRow.id)))
        return tuple(mapping.rule_from_row(row) for row in rows)

    def replace_all(self, rules: tuple[GraspRule, ...]) -> None:
        """Replace the rules with the given ones."""
        for row in self.session.exec(select(GraspRuleRow)):
            self.session.delete(row)
        self.session.flush()
        self.session.add_all(mapping.rule_to_row(rule) for rule in rules)

    def sync(self, rules: tuple[GraspRule, ...]) -> None:
        """Make the stored rules the given ones: update those kept (by level and role), drop and add the rest."""
        stored = {(row.target_level, row.role): row for row in self.session.exec(select(GraspRuleRow))}
        wanted = {(rule.target_level.value, rule.role): mapping.rule_to_row(rule) for rule in rules}
        for key, row in stored.items():
            if key not in wanted:
                self.session.delete(row)
        self.session.flush()
        for key, new in wanted.items():
            current = stored.get(key)
            if current is None:
                self.session.add(new)
                continue
            current.tiers, current.flags, current.any_tier_flags, current.minimum = (
                new.tiers, new.flags, new.any_tier_flags, new.minimum)
        self.session.flush()

    def open_holders(self, level: Level, role: str) -> int:
        """Return how many assignments in a role on targets of a level have not ended."""
        query = select(func.count()).select_from(AssignmentRow).where(
            AssignmentRow.role == role, col(AssignmentRow.end_date).is_(None)
        )
        if level is Level.CLUSTER:
            query = query.where(col(AssignmentRow.cluster_id).is_not(None))
        else:
            query = query.join(UnitRow, col(UnitRow.id) == AssignmentRow.unit_id).where(UnitRow.level == level.value)
        return self.session.exec(query).one()


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
        connection.execute(insert(UnitRow.__table__), [mapping.unit_values(unit) for unit in units])  # type: ignore[attr-defined]
        links = [{"unit_id": unit.id, "parent_id": unit.parent_id, "valid_from": unit.period.start, "valid_to": None}
                 for unit in units if unit.parent_id is not None]
        if links:
            connection.execute(insert(UnitLinkRow.__table__), links)  # type: ignore[attr-defined]

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
        later = or_(col(UnitRow.valid_to).is_(None), col(UnitRow.valid_to) > start)
        if parent_id is None:
            query = select(UnitRow).where(UnitRow.level == Level.PROVINCE.value, later)
        else:
            link = select(UnitLinkRow.unit_id).where(
                UnitLinkRow.parent_id == parent_id,
                or_(col(UnitLinkRow.valid_to).is_(None), col(UnitLinkRow.valid_to) > start),
            )
            query = select(UnitRow).where(later, col(UnitRow.id).in_(link))
        return [mapping.unit_from_row(row, parent_id) for row in self.session.exec(query)]

    def existing(self, ids: list[str]) -> set[str]:
        """Return which of the ids belong to stored units."""
        return existing_ids(self.session, UnitRow.id, ids)

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
        """Return the merges into or out of a unit as (source, target, day)."""
        query = select(LineageRow).where(
            or_(col(LineageRow.source_id) == unit_id, col(LineageRow.target_id) == unit_id)
        )
        return [(row.source_id, row.target_id, row.on_date) for row in self.session.exec(query)]

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

    def named(self, name: str) -> list[Cluster]:
        """Return the clusters whose name matches, ignoring case and diacritics."""
        return [cluster for cluster in self.all() if fold(cluster.name) == fold(name)]

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


class CadreRepository:
    """Cadres."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, cadre_id: str) -> Cadre | None:
        """Return the cadre with that id."""
        row = self.session.get(CadreRow, cadre_id)
        return mapping.cadre_from_row(row) if row else None

    def add(self, cadre: Cadre) -> None:
        """Store a new cadre."""
        row = CadreRow(id=cadre.id, full_name=cadre.full_name, name_key="", tier=cadre.tier.value)
        mapping.copy_cadre(cadre, row)
        self.session.add(row)
        self.session.flush()

    def update(self, cadre: Cadre) -> None:
        """Store a cadre's edited fields."""
        row = self.session.get_one(CadreRow, cadre.id)
        mapping.copy_cadre(cadre, row)
        self.session.add(row)
        self.session.flush()

    def named(self, name: str) -> list[Cadre]:
        """Return the cadres whose full name matches, ignoring case and diacritics."""
        rows = self.session.exec(select(CadreRow).where(CadreRow.name_key == fold(name)))
        return [mapping.cadre_from_row(row) for row in rows]

    def search(self, text: str = "", limit: int | None = None) -> list[Cadre]:
        """Return the cadres whose name contains the text, ignoring case and diacritics."""
        query = select(CadreRow)
        if text:
            query = query.where(col(CadreRow.name_key).contains(fold(text), autoescape=True))
        if limit is not None:
            query = query.limit(limit)
        return [mapping.cadre_from_row(row) for row in self.session.exec(query)]


class AssignmentRepository:
    """Assignments of cadres to units and clusters."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _with_levels(self, rows: list[AssignmentRow]) -> list[Assignment]:
        unit_ids = {row.unit_id for row in rows if row.unit_id}
        levels: dict[str | None, str] = dict(
            self.session.exec(select(UnitRow.id, UnitRow.level).where(col(UnitRow.id).in_(unit_ids))).all()
        )
        return [
            mapping.assignment_from_row(
                row, Level.CLUSTER if row.cluster_id else Level(levels[row.unit_id])
            )
            for row in rows
        ]

    def _target_filter(self, target_id: str) -> ColumnElement[bool]:
        return or_(col(AssignmentRow.unit_id) == target_id, col(AssignmentRow.cluster_id) == target_id)

    def get(self, assignment_id: str) -> Assignment | None:
        """Return the assignment with that id."""
        row = self.session.get(AssignmentRow, assignment_id)
        return self._with_levels([row])[0] if row else None

    def add(self, assignment: Assignment) -> None:
        """Store a new assignment."""
        self.session.add(mapping.assignment_to_row(assignment))
        self.session.flush()

    def add_many(self, assignments: list[Assignment]) -> None:
        """Store many new assignments at once (a bulk insert, no ORM objects)."""
        if assignments:
            rows = [mapping.assignment_to_row(assignment).model_dump() for assignment in assignments]
            self.session.connection().execute(insert(AssignmentRow.__table__), rows)  # type: ignore[attr-defined]

    def existing(self, ids: list[str]) -> set[str]:
        """Return which of the ids belong to stored assignments."""
        return existing_ids(self.session, AssignmentRow.id, ids)

    def end(self, assignment_id: str, on: date, reason: str) -> None:
        """End an assignment on a day with a reason."""
        row = self.session.get_one(AssignmentRow, assignment_id)
        row.end_date = on
        row.end_reason = reason
        self.session.add(row)
        self.session.flush()

    def update(self, assignment: Assignment) -> None:
        """Store an assignment's edited dates, decision, note and reason for ending (not its cadre, target or role)."""
        row = self.session.get_one(AssignmentRow, assignment.id)
        row.start_date, row.end_date = assignment.period.start, assignment.period.end
        row.decision_number, row.decision_date = assignment.decision.number, assignment.decision.signed_on
        row.note, row.end_reason = assignment.note, assignment.end_reason
        self.session.add(row)
        self.session.flush()

    def for_target(self, target_id: str) -> list[Assignment]:
        """Return every assignment on a unit or cluster, oldest first."""
        query = (
            select(AssignmentRow)
            .where(self._target_filter(target_id))
            .order_by(col(AssignmentRow.start_date))
        )
        return self._with_levels(list(self.session.exec(query)))

    def for_cadre(self, cadre_id: str) -> list[Assignment]:
        """Return every assignment of a cadre, oldest first."""
        query = (
            select(AssignmentRow)
            .where(AssignmentRow.cadre_id == cadre_id)
            .order_by(col(AssignmentRow.start_date))
        )
        return self._with_levels(list(self.session.exec(query)))

    def running(self, on: date | None) -> list[Assignment]:
        """Return the assignments running on a day (None: every assignment, ended ones too), oldest first."""
        query = select(AssignmentRow).order_by(col(AssignmentRow.start_date))
        if on is not None:
            query = query.where(valid_on(AssignmentRow.start_date, AssignmentRow.end_date, on))
        return self._with_levels(list(self.session.exec(query)))

    def open_on_target(self, target_id: str) -> list[Assignment]:
        """Return the assignments on a target that have no end date."""
        return [a for a in self.for_target(target_id) if a.period.end is None]
