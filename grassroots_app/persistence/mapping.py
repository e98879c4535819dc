"""Conversions between table rows and the domain's plain objects, and the helpers every repository shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, select

from grassroots_app.domain.model import (
    Assignment,
    Cadre,
    CadreStatus,
    Cluster,
    Decision,
    Flag,
    Gender,
    Level,
    Period,
    Tier,
    Unit,
    UnitAttributes,
)
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.text import fold
from grassroots_app.persistence.tables import (
    AssignmentRow,
    CadreRow,
    ClusterRow,
    GraspRuleRow,
    UnitRow,
)

CHUNK = 500  # ids asked for at a time, well below SQLite's limit of bound values


def copy_fields(source: object, row: object, names: Iterable[str]) -> None:
    """Copy the named fields of a domain object into the same-named columns of its row."""
    for name in names:
        setattr(row, name, getattr(source, name))


def existing_ids(session: Session, column: Any, ids: list[str]) -> set[str]:
    """Return which of the ids a table's id column holds (asked CHUNK at a time)."""
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        found.update(session.exec(select(column).where(col(column).in_(ids[start:start + CHUNK]))))
    return found


def unit_from_row(row: UnitRow, parent_id: str | None) -> Unit:
    """Return the domain unit of a row, given its current parent."""
    attributes = UnitAttributes(row.is_remote, row.households, row.population, row.party_members)
    period = Period(row.valid_from, row.valid_to)
    return Unit(row.id, Level(row.level), row.kind, row.name, parent_id, period, row.code, attributes)


def unit_to_row(unit: Unit) -> UnitRow:
    """Return a new row holding the unit (its parent goes into unit_link)."""
    return UnitRow(**dict(zip(UNIT_COLUMNS, unit_values(unit), strict=True)))


UNIT_COLUMNS = ("id", "level", "kind", "name", "name_key", "code", "valid_from", "valid_to", "is_remote",
                "households", "population", "party_members")


def unit_values(unit: Unit) -> tuple[Any, ...]:
    """Return the column values of a new unit's row (in the order of UNIT_COLUMNS), for a bulk insert."""
    attributes = unit.attributes
    return (unit.id, unit.level.value, unit.kind, unit.name, fold(unit.name), unit.code, unit.period.start,
            unit.period.end, attributes.is_remote, attributes.households, attributes.population,
            attributes.party_members)


def copy_unit(unit: Unit, row: UnitRow) -> None:
    """Copy the unit's editable fields into its row."""
    row.kind = unit.kind
    row.name = unit.name
    row.name_key = fold(unit.name)
    row.code = unit.code
    row.valid_to = unit.period.end
    row.is_remote = unit.attributes.is_remote
    row.households = unit.attributes.households
    row.population = unit.attributes.population
    row.party_members = unit.attributes.party_members


def cluster_from_row(row: ClusterRow) -> Cluster:
    """Return the domain cluster of a row."""
    return Cluster(row.id, row.name, row.parent_id, Period(row.valid_from, row.valid_to))


def cadre_from_row(row: CadreRow) -> Cadre:
    """Return the domain cadre of a row."""
    return Cadre(
        id=row.id,
        full_name=row.full_name,
        tier=Tier(row.tier),
        gender=Gender(row.gender) if row.gender else None,
        birth_year=row.birth_year,
        position=row.position,
        workplace=row.workplace,
        is_standing=row.is_standing,
        is_committee=row.is_committee,
        is_party_member=row.is_party_member,
        phone=row.phone,
        status=CadreStatus(row.status),
        status_date=row.status_date,
        home_unit_id=row.home_unit_id,
    )


def copy_cadre(cadre: Cadre, row: CadreRow) -> None:
    """Copy every field of the cadre into its row."""
    row.full_name = cadre.full_name
    row.name_key = fold(cadre.full_name)
    row.gender = cadre.gender.value if cadre.gender else None
    row.birth_year = cadre.birth_year
    row.position = cadre.position
    row.workplace = cadre.workplace
    row.tier = cadre.tier.value
    row.is_standing = cadre.is_standing
    row.is_committee = cadre.is_committee
    row.is_party_member = cadre.is_party_member
    row.phone = cadre.phone
    row.status = cadre.status.value
    row.status_date = cadre.status_date
    row.home_unit_id = cadre.home_unit_id


def assignment_from_row(row: AssignmentRow, target_level: Level) -> Assignment:
    """Return the domain assignment of a row, given its target's level."""
    target_id = row.cluster_id if row.cluster_id else row.unit_id
    assert target_id is not None
    return Assignment(
        id=row.id,
        cadre_id=row.cadre_id,
        target_id=target_id,
        target_level=target_level,
        role=row.role,
        period=Period(row.start_date, row.end_date),
        decision=Decision(row.decision_number, row.decision_date),
        note=row.note,
        end_reason=row.end_reason,
    )


def assignment_to_row(assignment: Assignment) -> AssignmentRow:
    """Return a new row holding the assignment."""
    is_cluster = assignment.target_level is Level.CLUSTER
    return AssignmentRow(
        id=assignment.id,
        cadre_id=assignment.cadre_id,
        unit_id=None if is_cluster else assignment.target_id,
        cluster_id=assignment.target_id if is_cluster else None,
        role=assignment.role,
        start_date=assignment.period.start,
        end_date=assignment.period.end,
        decision_number=assignment.decision.number,
        decision_date=assignment.decision.signed_on,
        note=assignment.note,
        end_reason=assignment.end_reason,
    )


def rule_from_row(row: GraspRuleRow) -> GraspRule:
    """Return the domain rule of a row."""
    return GraspRule(
        target_level=Level(row.target_level),
        role=row.role,
        tiers=frozenset(Tier(value) for value in row.tiers.split(",") if value),
        flags=frozenset(Flag(value) for value in row.flags.split(",") if value),
        minimum=row.minimum,
        any_tier_flags=frozenset(Flag(value) for value in row.any_tier_flags.split(",") if value),
    )


def rule_to_row(rule: GraspRule) -> GraspRuleRow:
    """Return a new row holding the rule."""
    return GraspRuleRow(
        target_level=rule.target_level.value,
        role=rule.role,
        tiers=",".join(sorted(tier.value for tier in rule.tiers)),
        flags=",".join(sorted(flag.value for flag in rule.flags)),
        minimum=rule.minimum,
        any_tier_flags=",".join(sorted(flag.value for flag in rule.any_tier_flags)),
    )
