"""Repositories of the settings, the grasp rules, the cadres and their assignments, inside one session."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import ColumnElement, func, insert, or_
from sqlmodel import Session, col, select

from grassroots_app.domain.model import Assignment, Cadre, Level, Preset
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.settings import Settings
from grassroots_app.domain.text import fold
from grassroots_app.persistence import mapping
from grassroots_app.persistence.tables import AssignmentRow, CadreRow, GraspRuleRow, SettingRow, UnitRow
from grassroots_app.persistence.temporal import valid_on


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
        return mapping.existing_ids(self.session, AssignmentRow.id, ids)

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
