"""The field log: what a cadre did at a target on a day, and their meetings attended against the targets.

Assigned cadres attend the monthly meetings of the party committee or party cell of the place they are
in charge of; how many a year is local (Kon Tum 776-QĐ/TU, 2023: provincial committee members at least
2 a year, district and commune committee members at least 6), so the targets are a setting.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from grassroots_app.domain.calendar import check_quarter, period_span
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, RuleViolation, enum_member, register_labels
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cadre, CadreStatus, Flag, Tier
from grassroots_app.domain.text import NOTE_LENGTH, TextField, clean_text

MAX_DURATION_MINUTES = 24 * 60
MAX_NOTES_LENGTH = NOTE_LENGTH
MAX_PER_YEAR = 366


class ActivityKind(str, Labelled):
    """What a cadre did at a target."""

    COMMITTEE_MEETING = "committee_meeting"
    CELL_MEETING = "cell_meeting"
    GROUP_MEETING = "group_meeting"
    HOUSEHOLD_VISIT = "household_visit"
    COMMUNE_WORK = "commune_work"
    OTHER = "other"


register_labels(
    [
        (ActivityKind.COMMITTEE_MEETING, N_("attended the party committee's monthly meeting")),
        (ActivityKind.CELL_MEETING, N_("attended the party cell's monthly meeting")),
        (ActivityKind.GROUP_MEETING, N_("attended the self-governing group's meeting")),
        (ActivityKind.HOUSEHOLD_VISIT, N_("visited households")),
        (ActivityKind.COMMUNE_WORK, N_("worked with the commune")),
        (ActivityKind.OTHER, N_("other activity")),
    ]
)

# The meetings that count towards the attendance targets.
ATTENDANCE_KINDS = frozenset({ActivityKind.COMMITTEE_MEETING, ActivityKind.CELL_MEETING})


@dataclass(frozen=True)
class Activity:
    """A cadre's activity at a unit or cluster on a day; `visit_id` is the base-day visit it fulfils."""

    id: str
    cadre_id: str
    target_id: str
    kind: ActivityKind
    day: date
    duration_minutes: int = 0  # 0: not given
    notes: str = ""
    visit_id: str | None = None


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities to list: days in [start, end), a cadre's, under a unit or in a cluster, of a kind.

    Under a unit means at the unit, below it or at a cluster of its, on the activity's day; in a cluster
    means at the cluster, at its communes or below them, on the activity's day. Every field is optional.
    """

    start: date | None = None
    end: date | None = None
    cadre_id: str | None = None
    unit_id: str | None = None
    cluster_id: str | None = None
    kind: ActivityKind | None = None


def clean_activity(activity: Activity) -> Activity:
    """Return the activity with its notes normalized, or refuse a bad kind, duration or notes."""
    if not 0 <= activity.duration_minutes <= MAX_DURATION_MINUTES:
        raise InvalidInput(
            N_("The duration must be between 1 and {most} minutes (0 when not known)."),
            most=MAX_DURATION_MINUTES,
        )
    notes = clean_text(activity.notes, MAX_NOTES_LENGTH, TextField.NOTE)
    kind = enum_member(ActivityKind, activity.kind, N_("'{kind}' is not a kind of activity."), "kind")
    return replace(activity, kind=kind, notes=notes, visit_id=activity.visit_id or None)


def check_not_future(day: date, today: date) -> None:
    """Refuse to record something as done on a day that has not come yet."""
    if day > today:
        raise InvalidInput(N_("{day} is in the future."), day=format_date(day))


def check_active_on(cadre: Cadre, day: date) -> None:
    """Refuse to record something a cadre did on a day after they left."""
    if cadre.status is CadreStatus.LEFT and (cadre.status_date is None or cadre.status_date <= day):
        left = format_date(cadre.status_date) if cadre.status_date else "?"
        raise RuleViolation(
            N_("{name} left on {left}: nothing can be recorded for them on {day}."),
            name=cadre.full_name, left=left, day=format_date(day),
        )


@dataclass(frozen=True)
class AttendanceTarget:
    """The meetings a year that cadres of a tier and with a flag must attend (None: any tier or flag)."""

    tier: Tier | None
    flag: Flag | None
    per_year: int

    def __post_init__(self) -> None:
        if not 0 <= self.per_year <= MAX_PER_YEAR:
            raise InvalidInput(
                N_("The meetings a year must be between 0 and {most}."), most=MAX_PER_YEAR
            )
        object.__setattr__(self, "tier", Tier(self.tier) if self.tier is not None else None)
        object.__setattr__(self, "flag", Flag(self.flag) if self.flag is not None else None)

    def applies_to(self, cadre: Cadre) -> bool:
        """Return whether the cadre has the tier and the flag this target asks for."""
        tier_fits = self.tier is None or cadre.tier is self.tier
        return tier_fits and (self.flag is None or self.flag in cadre.flags)


DEFAULT_ATTENDANCE_TARGETS: tuple[AttendanceTarget, ...] = (
    AttendanceTarget(Tier.PROVINCE, Flag.COMMITTEE, 2),
    AttendanceTarget(Tier.DISTRICT, Flag.COMMITTEE, 6),
    AttendanceTarget(Tier.COMMUNE, Flag.COMMITTEE, 6),
)


def clean_targets(targets: Iterable[AttendanceTarget]) -> tuple[AttendanceTarget, ...]:
    """Return the targets, or refuse two for the same tier and flag."""
    seen: set[tuple[Tier | None, Flag | None]] = set()
    for target in targets:
        if (target.tier, target.flag) in seen:
            raise InvalidInput(
                N_("Two attendance targets are set for the same tier ({tier}) and flag ({flag})."),
                tier=target.tier or "*", flag=target.flag or "*",
            )
        seen.add((target.tier, target.flag))
    return tuple(targets)


def target_for(cadre: Cadre, targets: Iterable[AttendanceTarget]) -> int:
    """Return the meetings a year a cadre must attend: the highest of the targets that apply (0: none)."""
    return max((target.per_year for target in targets if target.applies_to(cadre)), default=0)


def period_target(per_year: int, quarter: int | None) -> int:
    """Return the meetings due in a year (None) or in one quarter (a quarter of the year's, rounded up)."""
    if quarter is None:
        return per_year
    check_quarter(quarter)
    return math.ceil(per_year / 4)


@dataclass(frozen=True)
class AttendanceProgress:
    """How many meetings a cadre attended in a period against how many were due."""

    cadre_id: str
    attended: int
    target: int

    @property
    def met(self) -> bool:
        """Return whether the cadre attended at least the meetings due."""
        return self.attended >= self.target

    @property
    def missing(self) -> int:
        """Return how many more meetings were due."""
        return max(0, self.target - self.attended)


def progress_of(
    cadres: Iterable[Cadre], attended: Mapping[str, int], targets: Iterable[AttendanceTarget], quarter: int | None
) -> list[AttendanceProgress]:
    """Return each cadre's progress from the meetings they attended in the period (by cadre id)."""
    targets = tuple(targets)
    return [
        AttendanceProgress(cadre.id, attended.get(cadre.id, 0), period_target(target_for(cadre, targets), quarter))
        for cadre in cadres
    ]


def attendance_progress(
    cadres: Iterable[Cadre],
    activities: Iterable[Activity],
    targets: Iterable[AttendanceTarget],
    year: int,
    quarter: int | None = None,
) -> list[AttendanceProgress]:
    """Return each cadre's meetings attended in the year or quarter against the target for that period."""
    start, end = period_span(year, quarter)
    attended = Counter(
        activity.cadre_id for activity in activities
        if activity.kind in ATTENDANCE_KINDS and start <= activity.day < end
    )
    return progress_of(cadres, attended, targets, quarter)
