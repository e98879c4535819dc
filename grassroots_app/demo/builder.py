"""The demo's builder: units, clusters, cadres and assignments of a plan, streamed into a bulk writer in order."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from typing import NamedTuple

from grassroots_app.demo.fieldlog import Charge, FieldLog
from grassroots_app.demo.plan import AreaPlan, CommunePlan, Place, ProvincePlan, split
from grassroots_app.demo.words import Titles, demo_words
from grassroots_app.domain import hierarchy
from grassroots_app.domain.model import Flag, Level, Preset, Tier
from grassroots_app.domain.rules import DEFAULT_RULES, GraspRule, rules_for
from grassroots_app.domain.text import fold
from grassroots_app.persistence.bulk import BulkWriter

UNIT_START = {Preset.TWO_LEVEL: date(2025, 7, 1), Preset.THREE_LEVEL: date(2020, 1, 1)}
LAST_START = date(2026, 6, 30)  # the latest start of an assignment still running on the demo date
LAPSE_FIRST, LAPSE_LAST = date(2026, 7, 1), date(2026, 9, 20)  # when a deliberate gap's cadre left
HISTORY_SHARE = 0.1
OVERLOAD_EVERY = 150  # every so many cadres in charge of hamlets or groups is given too much work
REMOTE_SHARES = {"mountain": 0.4, "highlands": 0.4}  # the share of rural communes that are remote
REMOTE_SHARE = 0.08
QUOTAS = {Level.CLUSTER: (1, 2), Level.COMMUNE: (1, 3), Level.HAMLET: (1, 4), Level.GROUP: (2, 6)}
FORMER_QUOTA = (1, 3)
BIRTH_YEARS = (1965, 1995)  # committee members are born at least ten years before the youngest
TIER_ORDER = (Tier.COMMUNE, Tier.DISTRICT, Tier.PROVINCE)


def _natural_tiers() -> dict[Preset, dict[Level, Tier]]:
    """Return, per preset and target level, the tier of the default rule's cadres."""
    return {
        preset: {rule.target_level: min(rule.tiers, key=TIER_ORDER.index) for rule in rules}
        for preset, rules in DEFAULT_RULES.items()
    }


NATURAL_TIERS = _natural_tiers()
CURRENT, FORMER, LAPSED = "current", "former", "lapsed"  # kinds of pool
Decision = tuple[date, str]  # the day an assignment decision takes effect, and its number


class DeliberateGap(NamedTuple):
    """A target left without its cadre on the demo date on purpose."""

    target_id: str
    level: Level
    role: str


@dataclass
class _Pool:
    """Cadres of one body for one role: the current one takes targets until its quota is used.

    A pool of cadres who left (FORMER: replaced by a later decision; LAPSED: left without a successor)
    also knows when the current one left, and why.
    """

    tier: Tier
    flags: frozenset[Flag]
    level: Level
    kind: str
    current: str = ""
    remaining: int = 0
    departure: tuple[Decision, str] = ((date.min, ""), "")


@dataclass
class _Body:
    """A unit whose party committee assigns cadres: its names, its decisions, its pools of cadres."""

    unit_id: str
    place: Place
    tier: Tier
    rounds: list[Decision] = field(default_factory=list)
    pools: dict[tuple[str, str], _Pool] = field(default_factory=dict)

    @property
    def titles(self) -> Titles:
        """Return the committee's word ("Tỉnh ủy"), its member's title and its decision suffix."""
        words = demo_words()
        return words.commune_party_body if self.tier is Tier.COMMUNE else words.party_bodies[self.place.kind]

    def names(self) -> dict[str, str]:
        """Return the values the post templates use."""
        committee = self.titles[0]
        place = f"{self.place.kind} {self.place.short}"
        party = f"{committee} {place}" if self.tier is Tier.COMMUNE else f"{committee} {self.place.short}"
        return {"committee": committee, "party": party, "place": place, "kind": self.place.kind}


Bodies = dict[Tier, _Body]


class DemoBuilder:
    """Creates the rows of the demo in order and streams them into a bulk writer."""

    def __init__(
        self,
        rng: random.Random,
        out: BulkWriter,
        preset: Preset,
        rules: tuple[GraspRule, ...],
        threshold: int,
        gap_plan: dict[Level, dict[int, bool]],
        log: FieldLog,
    ) -> None:
        self.rng = rng
        self.out = out
        self.log = log
        self.preset = preset
        self.start = UNIT_START[preset]
        self.rules = {level: rules_for(rules, level) for level in Level}
        self.threshold = threshold
        self.gap_plan = gap_plan
        self.seen = dict.fromkeys(Level, 0)
        self.in_charge = 0
        self.keys: dict[str, str] = {}
        levels = [level.value for level in hierarchy.unit_levels(preset)]
        self.counts = dict.fromkeys([*levels, "cluster", "cadre", "assignment"], 0)
        self.gaps: list[DeliberateGap] = []
        self.words = demo_words()
        self.family_weights = list(accumulate(self.words.family_weights))

    # -- identifiers and rows

    def new_id(self) -> str:
        """Return the next identifier drawn from the seeded generator."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def key(self, name: str) -> str:
        """Return the search key of a name, remembering the ones already folded."""
        found = self.keys.get(name)
        if found is None:
            found = self.keys[name] = fold(name)
        return found

    def add_unit(
        self,
        level: Level,
        place: Place,
        parent_id: str | None,
        remote: bool = False,
        people: tuple[int | None, int | None, int | None] = (None, None, None),
    ) -> str:
        """Write a unit and its parent link; return its id."""
        unit_id = self.new_id()
        households, population, members = people
        self.out.add("unit", {
            "id": unit_id, "level": level.value, "kind": place.kind, "name": place.name,
            "name_key": self.key(place.name), "code": place.code, "valid_from": self.start,
            "valid_to": None, "is_remote": remote, "households": households,
            "population": population, "party_members": members,
        })
        if parent_id is not None:
            self.out.add("unit_link", {
                "unit_id": unit_id, "parent_id": parent_id, "valid_from": self.start, "valid_to": None,
            })
        self.counts[level.value] += 1
        self.log.unit(unit_id, level, place.kind, place.short, parent_id)
        return unit_id

    def add_assignment(
        self,
        cadre_id: str,
        target_id: str,
        level: Level,
        role: str,
        decision: Decision,
        end: tuple[date, str] | None = None,
    ) -> None:
        """Write an assignment starting on its decision's day, ended on a day for a reason or open."""
        is_cluster = level is Level.CLUSTER
        start, number = decision
        self.out.add("assignment", {
            "id": self.new_id(), "cadre_id": cadre_id,
            "unit_id": None if is_cluster else target_id, "cluster_id": target_id if is_cluster else None,
            "role": role, "start_date": start, "end_date": end[0] if end else None,
            "decision_number": number, "decision_date": start, "note": "",
            "end_reason": end[1] if end else "",
        })
        self.counts["assignment"] += 1
        self.log.charge(Charge(cadre_id, target_id, level, start, end[0] if end else None))

    # -- bodies, cadres and pools

    def new_body(self, unit_id: str, place: Place, tier: Tier) -> _Body:
        """Return the assigning body of a unit with its rounds of decisions."""
        body = _Body(unit_id, place, tier)
        body.rounds = self.rounds(body.titles[2])
        return body

    def rounds(self, suffix: str) -> list[Decision]:
        """Return the days and numbers of a body's assignment decisions, the first one at the start."""
        first = self.start + timedelta(days=self.rng.randint(3, 30))
        span = (LAST_START - first).days
        count = self.rng.randint(2, 4)
        later = sorted({first + timedelta(days=self.rng.randint(60, span)) for _ in range(count)})
        number = self.rng.randint(1, 40)
        decisions = []
        for day in [first, *later]:
            decisions.append((day, f"{number}-QĐ/{suffix}"))
            number += self.rng.randint(2, 40)
        return decisions

    def tier_for(self, rule: GraspRule, level: Level) -> Tier:
        """Return the tier the demo's cadres for a rule work at."""
        natural = NATURAL_TIERS[self.preset][level]
        if not rule.tiers or natural in rule.tiers:
            return natural
        return min(rule.tiers, key=TIER_ORDER.index)

    @staticmethod
    def body_for(bodies: Bodies, tier: Tier) -> _Body:
        """Return the body of the tier, or the nearest one above it."""
        for candidate in TIER_ORDER[TIER_ORDER.index(tier):]:
            if candidate in bodies:
                return bodies[candidate]
        raise LookupError(tier)

    def quota(self, pool: _Pool) -> int:
        """Return how many targets a new cadre of the pool takes; now and then too many."""
        if pool.kind != CURRENT:
            return self.rng.randint(*FORMER_QUOTA)
        if pool.level in (Level.HAMLET, Level.GROUP):
            self.in_charge += 1
            if self.in_charge % OVERLOAD_EVERY == 0:
                return self.threshold + self.rng.randint(1, 3)
        low, high = QUOTAS[pool.level]
        return self.rng.randint(min(low, self.threshold), min(high, self.threshold))

    def pool(self, body: _Body, rule: GraspRule, level: Level, kind: str) -> _Pool:
        """Return the body's pool of a kind for a rule."""
        pool = body.pools.get((rule.role, kind))
        if pool is None:
            pool = _Pool(self.tier_for(rule, level), rule.flags, level, kind)
            body.pools[(rule.role, kind)] = pool
        return pool

    def take(self, body: _Body, rule: GraspRule, level: Level, count: int, hint: str) -> list[str]:
        """Return `count` distinct cadres in charge for the rule, creating them as needed."""
        pool = self.pool(body, rule, level, CURRENT)
        taken: list[str] = []
        for _ in range(count):
            if pool.remaining <= 0 or pool.current in taken:
                pool.current = self.new_cadre(body, pool, hint)
                pool.remaining = self.quota(pool)
            pool.remaining -= 1
            taken.append(pool.current)
        return taken

    def leaver(
        self, body: _Body, rule: GraspRule, level: Level, kind: str, hint: str
    ) -> tuple[str, Decision, str]:
        """Return a cadre who held the role and left: the id, the successor's decision (or the day), why."""
        pool = self.pool(body, rule, level, kind)
        if pool.remaining <= 0:
            pool.departure = self.departure(body, kind)
            pool.current = self.new_cadre(body, pool, hint)
            pool.remaining = self.quota(pool)
        pool.remaining -= 1
        decision, reason = pool.departure
        return pool.current, decision, reason

    def departure(self, body: _Body, kind: str) -> tuple[Decision, str]:
        """Return when a leaving cadre goes (a later decision, or a day before DEMO_DATE), and why."""
        reason = self.rng.choice(self.words.end_reasons)
        if kind == FORMER:
            return self.rng.choice(body.rounds[1:]), reason
        days = self.rng.randint(0, (LAPSE_LAST - LAPSE_FIRST).days)
        return (LAPSE_FIRST + timedelta(days=days), ""), reason

    def new_cadre(self, body: _Body, pool: _Pool, hint: str) -> str:
        """Write a cadre who fits the pool's tier and memberships; return the id."""
        rng = self.rng
        standing = Flag.STANDING in pool.flags
        committee = standing or Flag.COMMITTEE in pool.flags
        party_member = committee or Flag.PARTY_MEMBER in pool.flags or rng.random() < 0.85
        female = rng.random() < (0.3 if committee else 0.45)
        full_name = self.person_name(female)
        position, workplace = self.post(body, pool.tier, standing, committee, party_member, hint)
        (left_on, _number), reason = pool.departure
        retired = pool.kind != CURRENT and reason == self.words.retirement
        youngest = BIRTH_YEARS[1] - 10 if committee else BIRTH_YEARS[1]
        cadre_id = self.new_id()
        self.out.add("cadre", {
            "id": cadre_id, "full_name": full_name, "name_key": self.key(full_name),
            "gender": "female" if female else "male",
            "birth_year": BIRTH_YEARS[0] if retired else rng.randint(BIRTH_YEARS[0], youngest),
            "position": position, "workplace": workplace, "tier": pool.tier.value,
            "is_standing": standing, "is_committee": committee, "is_party_member": party_member,
            "phone": f"0{rng.choice(self.words.phone_prefixes)}{rng.randrange(10**7):07d}",
            "status": "left" if retired else "active", "status_date": left_on if retired else None,
            "home_unit_id": body.unit_id,
        })
        self.counts["cadre"] += 1
        self.log.cadre(cadre_id, full_name, pool.tier, standing, committee)
        return cadre_id

    def person_name(self, female: bool) -> str:
        """Return a Vietnamese full name; "Thị" only for women."""
        rng = self.rng
        family = rng.choices(self.words.family_names, cum_weights=self.family_weights)[0]
        middle = rng.choice(self.words.middle_names[female])
        given = rng.choice(self.words.given_names[female])
        return f"{family} {middle} {given}"

    def post(
        self, body: _Body, tier: Tier, standing: bool, committee: bool, party_member: bool, hint: str
    ) -> tuple[str, str]:
        """Return a cadre's position and workplace."""
        rng, words = self.rng, self.words
        names = body.names()
        if standing:
            duty = rng.choice(words.standing_duties).format(**names)
            return words.standing_post.format(committee=names["committee"], duty=duty), names["party"]
        if committee:
            position, workplace = rng.choice(words.committee_posts[tier])
            return f"{body.titles[1]}, {position.format(**names)}", workplace.format(**names)
        if tier is Tier.COMMUNE and hint and party_member and rng.random() < 0.4:
            position, workplace = words.cell_member_post
            return position.format(hamlet=hint), workplace.format(hamlet=hint, place=names["place"])
        position, workplace = rng.choice(words.staff_posts[tier])
        return position.format(**names), workplace.format(**names)

    # -- targets

    def staff(self, target_id: str, level: Level, bodies: Bodies, hint: str = "") -> None:
        """Put cadres in charge of a target per its rules, or leave it uncovered if it is a chosen gap."""
        index = self.seen[level]
        self.seen[level] += 1
        lapsed = self.gap_plan.get(level, {}).get(index)
        for rule in self.rules[level]:
            body = self.body_for(bodies, self.tier_for(rule, level))
            if lapsed is None:
                self.cover(target_id, level, rule, body, hint)
                continue
            self.gaps.append(DeliberateGap(target_id, level, rule.role))
            if lapsed:
                cadre_id, (left_on, _none), reason = self.leaver(body, rule, level, LAPSED, hint)
                self.add_assignment(cadre_id, target_id, level, rule.role, body.rounds[0], (left_on, reason))

    def cover(self, target_id: str, level: Level, rule: GraspRule, body: _Body, hint: str) -> None:
        """Give a target its cadres from one of the body's decisions, sometimes after a predecessor."""
        rng = self.rng
        decision = body.rounds[0] if rng.random() < 0.75 else rng.choice(body.rounds[1:])
        if rng.random() < HISTORY_SHARE:
            cadre_id, decision, reason = self.leaver(body, rule, level, FORMER, hint)
            self.add_assignment(cadre_id, target_id, level, rule.role, body.rounds[0], (decision[0], reason))
        for cadre_id in self.take(body, rule, level, max(rule.minimum, 1), hint):
            self.add_assignment(cadre_id, target_id, level, rule.role, decision)

    # -- the hierarchy

    def province(self, plan: ProvincePlan, progress: Callable[[], None]) -> None:
        """Write a province and everything under it, reporting each commune done."""
        unit_id = self.add_unit(Level.PROVINCE, plan.place, None)
        bodies = {Tier.PROVINCE: self.new_body(unit_id, plan.place, Tier.PROVINCE)}
        for area in plan.areas:
            self.area(area, unit_id, plan.region, bodies, progress)

    def area(
        self, area: AreaPlan, province_id: str, region: str, bodies: Bodies, progress: Callable[[], None]
    ) -> None:
        """Write a district (or the province's own communes), its clusters, communes, hamlets and groups."""
        bodies = dict(bodies)
        parent_id = province_id
        if area.district is not None:
            parent_id = self.add_unit(Level.DISTRICT, area.district, province_id)
            bodies[Tier.DISTRICT] = self.new_body(parent_id, area.district, Tier.DISTRICT)
        share = REMOTE_SHARES.get(region, REMOTE_SHARE)
        commune_ids = [
            self.add_unit(Level.COMMUNE, commune.place, parent_id, self.is_remote(commune.place, share))
            for commune in area.communes
        ]
        self.clusters(parent_id, area.clusters, commune_ids, bodies)
        for commune, commune_id in zip(area.communes, commune_ids, strict=True):
            self.commune(commune, commune_id, region, bodies)
            progress()
        self.log.area_done()

    def is_remote(self, place: Place, share: float) -> bool:
        """Return whether a commune is remote: islands always, rural communes at the given share."""
        return place.kind == "đặc khu" or (place.kind == "xã" and self.rng.random() < share)

    def clusters(self, parent_id: str, count: int, commune_ids: list[str], bodies: Bodies) -> None:
        """Write the clusters of a district or province, their dated members and their cadres."""
        for number, members in enumerate(split(commune_ids, count), start=1):
            cluster_id = self.new_id()
            self.out.add("cluster", {
                "id": cluster_id, "name": self.words.cluster_name.format(number=number), "parent_id": parent_id,
                "valid_from": self.start, "valid_to": None,
            })
            for commune_id in members:
                self.out.add("cluster_member", {
                    "cluster_id": cluster_id, "commune_id": commune_id,
                    "valid_from": self.start, "valid_to": None,
                })
            self.counts["cluster"] += 1
            self.log.cluster(cluster_id, members)
            self.staff(cluster_id, Level.CLUSTER, bodies)

    def commune(self, plan: CommunePlan, commune_id: str, region: str, bodies: Bodies) -> None:
        """Staff a commune, then write its hamlets and groups."""
        self.staff(commune_id, Level.COMMUNE, bodies)
        commune_bodies = {**bodies, Tier.COMMUNE: self.new_body(commune_id, plan.place, Tier.COMMUNE)}
        places = self.hamlet_places(region, plan.place.kind, len(plan.groups_per_hamlet))
        for place, groups in zip(places, plan.groups_per_hamlet, strict=True):
            self.hamlet(place, groups, commune_id, commune_bodies)

    def hamlet_places(self, region: str, commune_kind: str, count: int) -> list[Place]:
        """Return a commune's hamlets: named after places or numbered, all of one kind."""
        hamlet_kinds = self.words.hamlet_kinds
        kinds = hamlet_kinds.get((region, commune_kind)) or hamlet_kinds[(region, "xã")]
        kind = self.rng.choice(kinds)
        names = self.words.hamlet_names.get(kind, ())
        named = self.rng.sample(names, min(count, len(names))) if names and self.rng.random() < 0.5 else []
        numbered = [str(number) for number in range(1, count - len(named) + 1)]
        return [Place(kind, name) for name in [*named, *numbered]]

    def hamlet(self, place: Place, groups: int, commune_id: str, bodies: Bodies) -> None:
        """Write a hamlet with its people, its cadre, and its groups."""
        rng = self.rng
        households = [rng.randint(15, 45) for _ in range(groups)]
        total = sum(households)
        people = (total, round(total * rng.uniform(3.3, 4.1)), max(3, total // rng.randint(8, 14)))
        hamlet_id = self.add_unit(Level.HAMLET, place, commune_id, people=people)
        self.staff(hamlet_id, Level.HAMLET, bodies, place.name)
        for number, count in enumerate(households, start=1):
            group = Place(self.words.group_kind, self.words.group_name.format(number=number))
            group_people = (count, round(count * rng.uniform(3.3, 4.1)), rng.randint(0, 6))
            group_id = self.add_unit(Level.GROUP, group, hamlet_id, people=group_people)
            self.staff(group_id, Level.GROUP, bodies, place.name)

