"""What the read side of a report reads from the database, as plain rows for the pure builders."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from grassroots_app.domain.activities import ActivityKind
from grassroots_app.domain.coverage import Shortfall
from grassroots_app.domain.model import Cadre, Level
from grassroots_app.domain.ratings import Grade
from grassroots_app.domain.recommendations import Recommendation


class Held(NamedTuple):
    """An assignment on a target of the area, over one span [since, until) of the target inside it."""

    assignment_id: str
    cadre: Cadre
    target_id: str
    role: str
    start: date
    end: date | None
    decision_number: str
    decision_date: date | None
    since: date
    until: date


class LevelTotal(NamedTuple):
    """How many targets of a level lay under a commune of the area on a day."""

    commune: str
    level: Level
    targets: int


class Lacking(NamedTuple):
    """A target under a commune with fewer active cadres in a rule's role than the rule asks, on a day."""

    commune: str
    shortfall: Shortfall


class Attended(NamedTuple):
    """How many activities of a kind a cadre recorded at places of the area in the quarter."""

    cadre: Cadre
    kind: ActivityKind
    activities: int  # not `count`, which would hide tuple.count


class DayCount(NamedTuple):
    """The activities recorded at places of the area on a day, and the distinct places visited."""

    day: date
    activities: int
    targets: int


class Placed(NamedTuple):
    """A recommendation raised at a unit of the area, over one span [since, until) of the unit inside it."""

    recommendation: Recommendation
    since: date
    until: date


class RatedUnit(NamedTuple):
    """A commune or hamlet of the area with its grade for the year of the ratings shown."""

    unit_id: str
    level: Level
    kind: str
    grade: Grade
