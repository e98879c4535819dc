"""The plain objects of the model: units, clusters, cadres, assignments, and their periods."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import Enum

from grassroots_app.domain.errors import N_, InvalidInput, Labelled, register_labels
from grassroots_app.domain.formats import format_date


class Level(str, Labelled):
    """A level of the hierarchy; CLUSTER is the level of a cluster as a target, never of a unit."""

    PROVINCE = "province"
    DISTRICT = "district"
    CLUSTER = "cluster"
    COMMUNE = "commune"
    HAMLET = "hamlet"
    GROUP = "group"


class Preset(str, Labelled):
    """The hierarchy a database holds."""

    TWO_LEVEL = "two-level"
    THREE_LEVEL = "three-level"


class Tier(str, Labelled):
    """The level of government a cadre works at."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


class Flag(str, Labelled):
    """A membership a grasp rule may ask of a cadre."""

    STANDING = "standing"
    COMMITTEE = "committee"
    PARTY_MEMBER = "party_member"


class Gender(str, Labelled):
    """A cadre's gender."""

    MALE = "male"
    FEMALE = "female"


class CadreStatus(str, Labelled):
    """Whether a cadre is still working."""

    ACTIVE = "active"
    LEFT = "left"


register_labels(
    [
        (Level.PROVINCE, N_("province")),
        (Level.DISTRICT, N_("district")),
        (Level.CLUSTER, N_("cluster")),
        (Level.COMMUNE, N_("commune")),
        (Level.HAMLET, N_("hamlet")),
        (Level.GROUP, N_("self-governing group")),
        (Preset.TWO_LEVEL, N_("two-level")),
        (Preset.THREE_LEVEL, N_("three-level")),
        (Tier.PROVINCE, N_("province tier")),
        (Tier.DISTRICT, N_("district tier")),
        (Tier.COMMUNE, N_("commune tier")),
        (Flag.STANDING, N_("standing-committee member")),
        (Flag.COMMITTEE, N_("committee member")),
        (Flag.PARTY_MEMBER, N_("party member")),
        (Gender.MALE, N_("male")),
        (Gender.FEMALE, N_("female")),
        (CadreStatus.ACTIVE, N_("active")),
        (CadreStatus.LEFT, N_("left")),
    ]
)


@dataclass(frozen=True)
class Period:
    """A half-open span of days [start, end): `end` is the first day no longer covered."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise InvalidInput(
                N_("The end date {end} must come after the start date {start}."),
                start=format_date(self.start),
                end=format_date(self.end),
            )

    def covers(self, day: date) -> bool:
        """Return whether the day falls inside the period."""
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, other: Period) -> bool:
        """Return whether two periods share at least one day (open ends included)."""
        starts_before_other_ends = other.end is None or self.start < other.end
        ends_after_other_starts = self.end is None or other.start < self.end
        return starts_before_other_ends and ends_after_other_starts


@dataclass(frozen=True)
class UnitAttributes:
    """What a clerk records about a unit besides its place in the hierarchy."""

    is_remote: bool = False
    households: int | None = None
    population: int | None = None
    party_members: int | None = None


@dataclass(frozen=True)
class Unit:
    """An administrative unit as it stands now; `parent_id` is its current parent."""

    id: str
    level: Level
    kind: str
    name: str
    parent_id: str | None
    period: Period
    code: str | None = None
    attributes: UnitAttributes = UnitAttributes()


class Carry(str, Enum):
    """What becomes of the open assignments of a unit merged into another."""

    TRANSFER = "transfer"
    END = "end"


@dataclass(frozen=True)
class Merge:
    """A merge as recorded: the source unit went into the target on a day, with the clerk's note."""

    source_id: str
    target_id: str
    on: date
    note: str = ""


@dataclass(frozen=True)
class Cluster:
    """A named cluster of communes under a district or a province."""

    id: str
    name: str
    parent_id: str
    period: Period


@dataclass(frozen=True)
class Cadre:
    """A person who can be put in charge of units and clusters."""

    id: str
    full_name: str
    tier: Tier
    gender: Gender | None = None
    birth_year: int | None = None
    position: str = ""
    workplace: str = ""
    is_standing: bool = False
    is_committee: bool = False
    is_party_member: bool = False
    phone: str = ""
    status: CadreStatus = CadreStatus.ACTIVE
    status_date: date | None = None
    home_unit_id: str | None = None

    @property
    def flags(self) -> frozenset[Flag]:
        """Return the memberships this cadre holds."""
        held = {
            Flag.STANDING: self.is_standing,
            Flag.COMMITTEE: self.is_committee,
            Flag.PARTY_MEMBER: self.is_party_member,
        }
        return frozenset(flag for flag, has in held.items() if has)


@dataclass(frozen=True)
class Decision:
    """The assignment decision (Quyết định phân công) behind an assignment."""

    number: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class Assignment:
    """A cadre in charge of a target (a unit or a cluster) in a role over a period."""

    id: str
    cadre_id: str
    target_id: str
    target_level: Level
    role: str
    period: Period
    decision: Decision = Decision()
    note: str = ""
    end_reason: str = ""


def new_id() -> str:
    """Return a new stable identifier (a random UUID), so records can travel between offices."""
    return str(uuid.uuid4())
