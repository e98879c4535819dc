"""The demo's field log: a year of activities, base-day plans, residents' recommendations and quality ratings.

The year runs from 1 October 2025 to the demo date. Committee members attend the monthly meetings of the
commune party committees and of the party cells of the places they are in charge of, some more often
than their target, some less; the cadres in charge of hamlets attend their party cell's meetings. On the
meeting-free days every cadre goes to one of their targets in turn (household visits, group meetings,
work with the commune); the quarters in PLANNED_QUARTERS have a stored base-day plan, and the activities
of those days fulfil its visits. Residents raise recommendations during these activities, which are then
resolved at the base or forwarded to a named body, answered and closed, or still wait (some overdue).
Every commune and hamlet is rated for 2025 and for the first two quarters of 2026.

The rows go through the demo's bulk writer, drawn from a generator of their own so that the hierarchy and
the cadres are the same as without them. At the national scale, to keep the build within a third more
time, only the two largest cities (NATIONAL_SAMPLE: Hà Nội, and Thành phố Hồ Chí Minh, the province the
benchmarks time) get activities, plans, recommendations and quarterly ratings; every commune and hamlet
of the country still gets its 2025 rating.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import NamedTuple

from grassroots_app.demo.words import demo_words
from grassroots_app.domain.activities import DEFAULT_ATTENDANCE_TARGETS, ActivityKind, target_for
from grassroots_app.domain.calendar import HolidayTable, quarter_of
from grassroots_app.domain.model import Cadre, Level, Preset, Tier
from grassroots_app.domain.ratings import Grade
from grassroots_app.domain.recommendations import RecommendationField, RecommendationStatus
from grassroots_app.persistence.bulk import BulkWriter

LOG_START = date(2025, 10, 1)  # the field log covers the year from here to the demo date
PLANNED_QUARTERS = ((2026, 3),)  # the quarters with a stored base-day plan
RATED_PERIODS = ((2025, None), (2026, 1), (2026, 2))  # (year, quarter or None for the whole year)
NATIONAL_SAMPLE = frozenset({"01", "79"})  # the official codes of the provinces logged at the national scale
WHOLE_YEAR = 0  # the quarter stored for a yearly rating

DONE_PLANNED, DONE_UNPLANNED = 0.8, 0.4  # the share of free days a cadre goes to the base
GROUP_LOGGED = 0.3  # the share of group cadres' unplanned outings that reach the clerk's log
ATTENDANCE_FACTOR = (0.5, 2.0)  # meetings attended a year, as a share of the cadre's target
CELL_SHARE = 0.4  # of a committee member's meetings, those in a party cell rather than the committee
HAMLET_CELL_RATE = (0.4, 0.9)  # the monthly chance that a hamlet's cadre attends its cell's meeting
RAISE_SHARE = 0.12  # the share of activities at a hamlet or group where residents raise something
OPEN_SHARE = 0.1  # recommendations nobody has acted on yet
DUE_SHARE = 0.75
DUE_DAYS = (15, 30, 30, 45, 60, 90)
NO_SCORE_SHARE = 0.2
GRADE_WEIGHTS = {Grade.EXCELLENT: 15, Grade.GOOD: 64, Grade.COMPLETED: 18, Grade.NOT_COMPLETED: 3}
SCORES = {Grade.EXCELLENT: (90, 98), Grade.GOOD: (70, 89.5), Grade.COMPLETED: (50, 69.5),
          Grade.NOT_COMPLETED: (35, 49.5)}
QUARTER_DRIFT = 0.15  # the chance that a quarter's grade is one step off the year's

MINUTES = {
    ActivityKind.COMMITTEE_MEETING: (120, 150, 180, 240),
    ActivityKind.CELL_MEETING: (90, 105, 120, 150),
    ActivityKind.GROUP_MEETING: (60, 90, 90, 120),
    ActivityKind.HOUSEHOLD_VISIT: (60, 90, 120, 150, 180, 240),
    ActivityKind.COMMUNE_WORK: (120, 180, 240),
    ActivityKind.OTHER: (60, 90, 120, 180),
}
FIELD_WEIGHTS = {
    RecommendationField.LAND: 25, RecommendationField.SOCIAL_POLICY: 22, RecommendationField.INFRASTRUCTURE: 25,
    RecommendationField.SECURITY: 12, RecommendationField.ADMINISTRATION: 10, RecommendationField.OTHER: 6,
}
FORWARD_SHARE = {  # of the recommendations acted on, those forwarded rather than resolved at the base
    RecommendationField.LAND: 0.7, RecommendationField.SOCIAL_POLICY: 0.5, RecommendationField.INFRASTRUCTURE: 0.65,
    RecommendationField.SECURITY: 0.35, RecommendationField.ADMINISTRATION: 0.4, RecommendationField.OTHER: 0.4,
}

STEP_DAYS = {
    RecommendationStatus.RESOLVED: "resolved_on", RecommendationStatus.FORWARDED: "forwarded_on",
    RecommendationStatus.ANSWERED: "answered_on", RecommendationStatus.CLOSED: "closed_on",
}
Step = tuple[date, RecommendationStatus | None, RecommendationStatus, str]  # day, old, new, note


class Charge(NamedTuple):
    """A cadre in charge of a target from a day to a day (None: still)."""

    cadre_id: str
    target_id: str
    level: Level
    start: date
    end: date | None

    def holds(self, day: date) -> bool:
        """Return whether the cadre is in charge on the day."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class LogCalendar:
    """The days the field log falls on: the meeting-free days of its year, and the working days."""

    free_days: tuple[date, ...]
    holidays: HolidayTable
    last_day: date

    def meeting_day(self, year: int, month: int, earliest: int) -> date:
        """Return the first working day of a month from a day on that is not a meeting-free day."""
        day = date(year, month, earliest)
        while not self.holidays.is_working_day(day) or day in self.free_days:
            day += timedelta(days=1)
        return day

    @cached_property
    def months(self) -> list[tuple[int, int]]:
        """Return the (year, month) of every month of the log."""
        found, day = [], LOG_START
        while day <= self.last_day:
            found.append((day.year, day.month))
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return found

    @cached_property
    def quarters(self) -> dict[tuple[int, int], list[date]]:
        """Return the meeting-free days of the log by quarter."""
        found: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in self.free_days:
            found[(day.year, quarter_of(day))].append(day)
        return dict(found)


@dataclass
class _Area:
    """What one district (or a province without districts) holds, for its field log."""

    charges: list[Charge] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # unit id -> its name in running text ("ấp Bình Hòa")
    hamlets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # commune -> hamlets
    members: dict[str, list[str]] = field(default_factory=dict)  # cluster -> communes
    parent: dict[str, str] = field(default_factory=dict)  # hamlet -> commune, group -> hamlet
    meeting_days: dict[tuple[str, int, int], date] = field(default_factory=dict)  # (unit, year, month) -> day


class FieldLog:
    """Writes the demo's field log into the bulk writer, one district (or province) at a time."""

    def __init__(
        self, seed: int, out: BulkWriter, preset: Preset, calendar: LogCalendar, sample: frozenset[str] | None = None
    ) -> None:
        self.rng = random.Random(f"{seed}/field log")
        self.out = out
        self.preset = preset
        self.calendar = calendar
        self.sample = sample  # the codes of the provinces to log (None: all of them)
        self.active = True
        self.area = _Area()
        self.provinces: dict[str, str] = {}  # id -> its name in running text ("tỉnh Lạng Sơn")
        self.targets: dict[str, int] = {}  # cadre id -> meetings a year due
        self.counts = dict.fromkeys(["activity", "base_visit", "recommendation", "rating"], 0)
        self.fields = list(FIELD_WEIGHTS)
        self.field_weights = list(FIELD_WEIGHTS.values())
        self.words = demo_words()

    def new_id(self) -> str:
        """Return the next identifier drawn from the field log's generator."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    # -- what the demo builder reports

    def province(self, code: str | None) -> None:
        """Start a province: its field log is written when it is in the sample (or there is no sample)."""
        self.active = self.sample is None or code in self.sample

    def unit(self, unit_id: str, level: Level, kind: str, short: str, parent_id: str | None) -> None:
        """Note a new unit; rate it when it is a commune or a hamlet."""
        if level in (Level.COMMUNE, Level.HAMLET):
            self.rate(unit_id)
        if not self.active:
            return
        if parent_id is None:
            self.provinces[unit_id] = f"{kind} {short}"
            return
        self.area.places[unit_id] = f"{kind} {short}"
        self.area.parent[unit_id] = parent_id
        if level is Level.HAMLET:
            self.area.hamlets[parent_id].append(unit_id)

    def cluster(self, cluster_id: str, communes: list[str]) -> None:
        """Note the communes of a cluster."""
        self.area.members[cluster_id] = communes

    def cadre(self, cadre_id: str, full_name: str, tier: Tier, standing: bool, committee: bool) -> None:
        """Note the party meetings a year a new cadre must attend."""
        if self.active:
            cadre = Cadre(cadre_id, full_name, tier, is_standing=standing, is_committee=committee)
            self.targets[cadre_id] = target_for(cadre, DEFAULT_ATTENDANCE_TARGETS)

    def charge(self, charge: Charge) -> None:
        """Note an assignment."""
        if self.active:
            self.area.charges.append(charge)

    def area_done(self) -> None:
        """Write the activities, plans and recommendations of the area just built, then forget it."""
        if self.active:
            self.free_days()
            self.committee_meetings()
            self.cell_meetings()
        self.area = _Area()
        self.targets.clear()

    # -- ratings

    def rate(self, unit_id: str) -> None:
        """Rate a commune or hamlet for 2025 and (when the field log is written) for two quarters of 2026."""
        yearly = self.rng.choices(list(GRADE_WEIGHTS), weights=list(GRADE_WEIGHTS.values()))[0]
        for year, quarter in RATED_PERIODS if self.active else RATED_PERIODS[:1]:
            grade = yearly if quarter is None else self.drift(yearly)
            self.write_rating(unit_id, year, quarter, grade)

    def drift(self, grade: Grade) -> Grade:
        """Return a quarter's grade: mostly the year's, now and then one step better or worse."""
        if self.rng.random() >= QUARTER_DRIFT:
            return grade
        order = list(GRADE_WEIGHTS)
        index = order.index(grade) + self.rng.choice((-1, 1))
        return order[min(max(index, 0), len(order) - 1)]

    def write_rating(self, unit_id: str, year: int, quarter: int | None, grade: Grade) -> None:
        """Write one rating, with a score of its grade's range most of the time."""
        score = None
        if self.rng.random() >= NO_SCORE_SHARE:
            low, high = SCORES[grade]
            score = self.rng.randint(int(low * 2), int(high * 2)) / 2
        notes = self.words.rating_notes.get(grade, ("",))
        self.out.add("rating", {
            "id": self.new_id(), "unit_id": unit_id, "year": year, "quarter": quarter or WHOLE_YEAR,
            "grade": grade.value, "score": score, "note": self.rng.choice(notes),
        })
        self.counts["rating"] += 1

    # -- activities

    def by_cadre(self, levels: Sequence[Level]) -> dict[str, list[Charge]]:
        """Return the area's charges on targets of the levels, by cadre."""
        found: dict[str, list[Charge]] = defaultdict(list)
        for charge in self.area.charges:
            if charge.level in levels:
                found[charge.cadre_id].append(charge)
        return found

    def free_days(self) -> None:
        """Send each cadre to one of their targets in turn on the meeting-free days (planned in some quarters)."""
        by_cadre = self.by_cadre(list(Level))
        for period, days in self.calendar.quarters.items():
            planned = period in PLANNED_QUARTERS
            for charges in by_cadre.values():
                self.outings(charges, days, planned)

    def outings(self, charges: Sequence[Charge], days: Sequence[date], planned: bool) -> None:
        """Take a cadre to their least visited target on each free day of a quarter."""
        seen: Counter[str] = Counter()
        for day in days:
            options = [charge for charge in charges if charge.holds(day)]
            if not options:
                continue
            charge = min(options, key=lambda option: seen[option.target_id])
            seen[charge.target_id] += 1
            visit_id = self.visit(day, charge) if planned else None
            if self.rng.random() < self.done_share(charge.level, planned):
                self.activity(charge.cadre_id, charge.target_id, charge.level, self.outing_kind(charge.level), day,
                              visit_id)

    @staticmethod
    def done_share(level: Level, planned: bool) -> float:
        """Return the chance that a cadre's outing on a free day is logged (unplanned ones of groups seldom are)."""
        if planned:
            return DONE_PLANNED
        return DONE_UNPLANNED * (GROUP_LOGGED if level is Level.GROUP else 1.0)

    def outing_kind(self, level: Level) -> ActivityKind:
        """Return what a cadre does on a free day at a target of a level."""
        roll = self.rng.random()
        if level is Level.CLUSTER:
            return ActivityKind.COMMUNE_WORK
        if level is Level.COMMUNE:
            return ActivityKind.COMMUNE_WORK if roll < 0.75 else ActivityKind.HOUSEHOLD_VISIT
        if level is Level.GROUP:
            return ActivityKind.GROUP_MEETING if roll < 0.45 else ActivityKind.HOUSEHOLD_VISIT
        return ActivityKind.HOUSEHOLD_VISIT if roll < 0.85 else ActivityKind.OTHER

    def visit(self, day: date, charge: Charge) -> str:
        """Write a planned base-day visit; return its id."""
        visit_id = self.new_id()
        on_cluster = charge.level is Level.CLUSTER
        self.out.add("base_visit", {
            "id": visit_id, "day": day, "cadre_id": charge.cadre_id,
            "unit_id": None if on_cluster else charge.target_id, "cluster_id": charge.target_id if on_cluster else None,
            "note": "",
        })
        self.counts["base_visit"] += 1
        return visit_id

    def committee_meetings(self) -> None:
        """Take the committee members to party meetings in their communes, each near their target a year."""
        for cadre_id, charges in self.by_cadre((Level.CLUSTER, Level.COMMUNE)).items():
            rate = min(0.95, self.rng.uniform(*ATTENDANCE_FACTOR) * self.targets.get(cadre_id, 0) / 12)
            for year, month in self.calendar.months:
                if self.rng.random() < rate:
                    charge = self.rng.choice(charges)
                    communes = self.area.members.get(charge.target_id, [charge.target_id])
                    self.party_meeting(charge, self.rng.choice(communes), year, month)

    def party_meeting(self, charge: Charge, commune: str, year: int, month: int) -> None:
        """Attend a commune's committee meeting, or the meeting of one of its party cells, in a month."""
        hamlets = self.area.hamlets.get(commune, [])
        if hamlets and self.rng.random() < CELL_SHARE:
            self.cell_meeting(charge.cadre_id, self.rng.choice(hamlets), year, month, charge)
            return
        day = self.meeting_day(commune, year, month, 1)
        if charge.holds(day) and day <= self.calendar.last_day:
            self.activity(charge.cadre_id, commune, Level.COMMUNE, ActivityKind.COMMITTEE_MEETING, day)

    def cell_meetings(self) -> None:
        """Take the cadres in charge of hamlets to the monthly meeting of one of their cells, each at their own rate."""
        for cadre_id, charges in self.by_cadre((Level.HAMLET,)).items():
            rate = self.rng.uniform(*HAMLET_CELL_RATE)
            for year, month in self.calendar.months:
                if self.rng.random() < rate:
                    charge = self.rng.choice(charges)
                    self.cell_meeting(cadre_id, charge.target_id, year, month, charge)

    def cell_meeting(self, cadre_id: str, hamlet: str, year: int, month: int, charge: Charge) -> None:
        """Attend a hamlet's party cell meeting of a month, while the charge holds."""
        day = self.meeting_day(hamlet, year, month, 3)
        if charge.holds(day) and day <= self.calendar.last_day:
            self.activity(cadre_id, hamlet, Level.HAMLET, ActivityKind.CELL_MEETING, day)

    def meeting_day(self, unit_id: str, year: int, month: int, earliest: int) -> date:
        """Return the day a unit's party committee or cell meets in a month (the same for everyone)."""
        key = (unit_id, year, month)
        day = self.area.meeting_days.get(key)
        if day is None:
            day = self.calendar.meeting_day(year, month, earliest + self.rng.randint(0, 6))
            self.area.meeting_days[key] = day
        return day

    def activity(
        self, cadre_id: str, target_id: str, level: Level, kind: ActivityKind, day: date, visit_id: str | None = None
    ) -> None:
        """Write an activity with its duration and a short note; residents now and then raise a recommendation."""
        on_cluster = level is Level.CLUSTER
        minutes = self.rng.choice(MINUTES[kind]) if self.rng.random() < 0.95 else 0
        note = self.rng.choice(self.words.activity_notes[kind]).format(month=day.month, place=self.place_of(target_id),
                                                   n=self.rng.randint(3, 12))
        self.out.add("activity", {
            "id": self.new_id(), "cadre_id": cadre_id, "unit_id": None if on_cluster else target_id,
            "cluster_id": target_id if on_cluster else None, "kind": kind.value, "day": day,
            "duration_minutes": minutes, "notes": note, "visit_id": visit_id,
        })
        self.counts["activity"] += 1
        if level in (Level.HAMLET, Level.GROUP) and self.rng.random() < RAISE_SHARE:
            hamlet = self.area.parent[target_id] if level is Level.GROUP else target_id
            self.recommendation(hamlet, cadre_id, day)

    def place_of(self, target_id: str) -> str:
        """Return a target's name in running text; for a cluster, one of its communes' (the one worked with)."""
        members = self.area.members.get(target_id)
        return self.area.places[self.rng.choice(members) if members else target_id]

    # -- recommendations

    def recommendation(self, hamlet: str, cadre_id: str, raised_on: date) -> None:
        """Write a recommendation raised at a hamlet and the steps it has gone through by the demo date."""
        rng = self.rng
        subject = rng.choices(self.fields, weights=self.field_weights)[0]
        content, answer = rng.choice(self.words.recommendations[subject])
        due = raised_on + timedelta(days=rng.choice(DUE_DAYS)) if rng.random() < DUE_SHARE else None
        row: dict[str, object] = {
            "id": self.new_id(), "unit_id": hamlet, "cadre_id": cadre_id, "raised_on": raised_on,
            "content": content.format(place=self.area.places[hamlet]), "field": subject.value,
            "due": due, "status": RecommendationStatus.OPEN.value, "forwarded_to": "", "forwarded_on": None,
            "answered_on": None, "answer": "", "resolved_on": None, "closed_on": None,
        }
        steps: list[Step] = [(raised_on, None, RecommendationStatus.OPEN, "")]
        if rng.random() >= OPEN_SHARE:
            if rng.random() < FORWARD_SHARE[subject]:
                self.forwarded(row, steps, subject, answer, self.area.parent[hamlet])
            else:
                self.resolved(row, steps)
        self.out.add("recommendation", row)
        for day, old, new, note in steps:
            self.out.add("recommendation_change", {
                "recommendation_id": row["id"], "day": day, "old_status": old.value if old else None,
                "new_status": new.value, "note": note,
            })
        self.counts["recommendation"] += 1

    def step(
        self, row: dict[str, object], steps: list[Step], new: RecommendationStatus, after: tuple[int, int], note: str
    ) -> bool:
        """Take the recommendation a step some days after its last one, unless that falls after the demo date."""
        previous, _older, old, _note = steps[-1]
        day = previous + timedelta(days=self.rng.randint(*after))
        if day > self.calendar.last_day:
            return False
        steps.append((day, old, new, note))
        row["status"] = new.value
        row[STEP_DAYS[new]] = day
        return True

    def resolved(self, row: dict[str, object], steps: list[Step]) -> None:
        """Resolve a recommendation at the base, then (mostly) close it."""
        if self.step(row, steps, RecommendationStatus.RESOLVED, (2, 40), self.rng.choice(self.words.resolve_notes)):
            self.closed(row, steps, (0, 15))

    def forwarded(
        self, row: dict[str, object], steps: list[Step], subject: RecommendationField, answer: str, commune: str
    ) -> None:
        """Forward a recommendation to a body of its field, which (mostly) answers; then (mostly) close it."""
        body = self.rng.choice(self.words.forward_bodies[self.preset][subject]).format(**self.body_names(commune))
        if not self.step(row, steps, RecommendationStatus.FORWARDED, (1, 15), ""):
            return
        row["forwarded_to"] = body
        if self.rng.random() < 0.75 and self.step(row, steps, RecommendationStatus.ANSWERED, (10, 90), ""):
            row["answer"] = answer
            self.closed(row, steps, (1, 20))

    def closed(self, row: dict[str, object], steps: list[Step], after: tuple[int, int]) -> None:
        """Close a resolved or answered recommendation, most of the time."""
        if self.rng.random() < 0.7:
            self.step(row, steps, RecommendationStatus.CLOSED, after, self.rng.choice(self.words.close_notes))

    def body_names(self, commune: str) -> dict[str, str]:
        """Return the names the bodies of a commune's recommendations are written with."""
        above = self.area.parent[commune]
        province = self.provinces[self.area.parent.get(above, above)]
        return {"commune": self.area.places[commune], "district": self.area.places.get(above, ""), "province": province}
