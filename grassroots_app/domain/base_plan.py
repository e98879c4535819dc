"""Base-day plans: which cadre goes to which of their targets on each meeting-free day.

The proposal first gives as many targets as possible their visits (a maximum matching between the
visits the targets need and the cadres' free days), then fills every remaining free day of every cadre
by rotation: the target visited least so far, then the one this cadre saw least recently.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

AssignedOn = Callable[[str, str, date], bool]
Slot = tuple[int, str]  # (index of the day, cadre id)


@dataclass(frozen=True)
class Visit:
    """A cadre planned to go to one of their targets on a meeting-free day."""

    day: date
    cadre_id: str
    target_id: str
    id: str = ""
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """A plan: its visits, how many days each target is visited, and the targets below the target number.

    `unreachable` are the unvisited targets no cadre is in charge of on any of the days.
    """

    visits: tuple[Visit, ...]
    visit_counts: Mapping[str, int]
    unvisited: tuple[str, ...]
    unreachable: tuple[str, ...]


def visit_counts(visits: Iterable[Visit]) -> Counter[str]:
    """Return, per target, the number of distinct days it is visited."""
    return Counter(target for _day, target in {(visit.day, visit.target_id) for visit in visits})


def shortfall(
    visits: Iterable[Visit], targets: Iterable[str], visits_per_target: int = 1
) -> tuple[str, ...]:
    """Return the targets visited on fewer days than the target number, in the given order."""
    counts = visit_counts(visits)
    return tuple(target for target in dict.fromkeys(targets) if counts[target] < visits_per_target)


class _Matching:
    """Slots (a cadre on a day) matched to targets, one target per slot, grown by augmenting paths."""

    def __init__(self, adjacency: Mapping[str, list[Slot]]) -> None:
        self.adjacency = adjacency
        self.holder: dict[Slot, str] = {}
        self.held: dict[str, Slot] = {}

    def augment(self, root: str, allowed: Callable[[str, Slot], bool]) -> bool:
        """Find a slot for the root target, moving targets of this round to other slots if needed."""
        came_from: dict[str, tuple[Slot, str] | None] = {root: None}
        queue, seen = deque([root]), set()
        while queue:
            target = queue.popleft()
            for slot in self.adjacency.get(target, []):
                if slot in seen or not allowed(target, slot):
                    continue
                seen.add(slot)
                holder = self.holder.get(slot)
                if holder is None:
                    self._flip(target, slot, came_from)
                    return True
                if holder in self.held and holder not in came_from:
                    came_from[holder] = (slot, target)
                    queue.append(holder)
        return False

    def _flip(self, target: str, slot: Slot, came_from: Mapping[str, tuple[Slot, str] | None]) -> None:
        step: tuple[Slot, str] | None = (slot, target)
        while step is not None:
            slot, target = step
            step = came_from[target]
            self.holder[slot] = target
            self.held[target] = slot


def _adjacency(
    days: Sequence[date],
    cadre_targets: Mapping[str, Sequence[str]],
    assigned_on: AssignedOn,
    taken: set[Slot],
) -> dict[str, list[Slot]]:
    adjacency: dict[str, list[Slot]] = defaultdict(list)
    for index, day in enumerate(days):
        for cadre in sorted(cadre_targets):
            if (index, cadre) in taken:
                continue
            for target in dict.fromkeys(cadre_targets[cadre]):
                if assigned_on(cadre, target, day):
                    adjacency[target].append((index, cadre))
    return adjacency


def _match(
    adjacency: Mapping[str, list[Slot]], needs: Mapping[str, int], used_days: Mapping[str, set[int]]
) -> dict[Slot, str]:
    """Give each target up to its needed visits on distinct days, one round of one visit at a time."""
    chosen: dict[Slot, str] = {}
    days_of = {target: set(indexes) for target, indexes in used_days.items()}
    order = sorted(adjacency, key=lambda target: (len(adjacency[target]), target))

    def allowed(target: str, slot: Slot) -> bool:
        return slot[0] not in days_of.get(target, ())

    for round_number in range(max(needs.values(), default=0)):
        matching = _Matching(adjacency)
        matching.holder.update(chosen)
        for target in order:
            if needs.get(target, 0) > round_number:
                matching.augment(target, allowed)
        for target, slot in matching.held.items():
            chosen[slot] = target
            days_of.setdefault(target, set()).add(slot[0])
    return chosen


def _fill(
    days: Sequence[date],
    cadre_targets: Mapping[str, Sequence[str]],
    assigned_on: AssignedOn,
    placed: dict[Slot, str],
    fixed: Sequence[tuple[Slot, str]],
) -> None:
    """Give every cadre's remaining free days (not fixed, not matched) a target by rotation."""
    known = [*placed.items(), *fixed]
    counts = Counter(target for _index, target in {(slot[0], target) for slot, target in known})
    last_seen: dict[tuple[str, str], int] = {}
    for (index, cadre), target in known:
        last_seen[(cadre, target)] = max(last_seen.get((cadre, target), -1), index)
    busy = {slot for slot, _target in fixed}
    for index, day in enumerate(days):
        visited_today = {target for (slot_day, _cadre), target in known if slot_day == index}
        for cadre in sorted(cadre_targets):
            if (index, cadre) in placed or (index, cadre) in busy:
                continue
            options = [t for t in dict.fromkeys(cadre_targets[cadre]) if assigned_on(cadre, t, day)]
            if not options:
                continue
            target = min(
                options,
                key=lambda t: (t in visited_today, counts[t], last_seen.get((cadre, t), -1), options.index(t)),
            )
            placed[(index, cadre)] = target
            if target not in visited_today:
                counts[target] += 1
                visited_today.add(target)
            last_seen[(cadre, target)] = index


def _always(_cadre: str, _target: str, _day: date) -> bool:
    return True


def propose_plan(
    days: Iterable[date],
    cadre_targets: Mapping[str, Sequence[str]],
    visits_per_target: int = 1,
    assigned_on: AssignedOn | None = None,
    targets: Iterable[str] | None = None,
    fixed: Iterable[Visit] = (),
) -> Plan:
    """Propose who goes where on each free day, so that every target gets its visits where possible.

    `cadre_targets` gives each cadre's targets in order; `assigned_on(cadre, target, day)` says whether
    the assignment holds on that day (default: always). `targets` are all the targets to visit
    (default: those of the cadres). `fixed` visits (set by the clerk) are kept and count; their cadres'
    days are taken. Each cadre goes to one target per day.
    """
    ordered = sorted(set(days))
    assigned_on = assigned_on or _always
    fixed = list(fixed)
    index_of = {day: index for index, day in enumerate(ordered)}
    fixed_slots = [((index_of[v.day], v.cadre_id), v.target_id) for v in fixed if v.day in index_of]
    all_targets = list(dict.fromkeys([*(targets or []), *(t for ts in cadre_targets.values() for t in ts)]))
    adjacency = _adjacency(ordered, cadre_targets, assigned_on, {slot for slot, _target in fixed_slots})
    used_days: dict[str, set[int]] = defaultdict(set)
    for (index, _cadre), target in fixed_slots:
        used_days[target].add(index)
    needs = {target: max(0, visits_per_target - len(used_days[target])) for target in adjacency}
    placed = _match(adjacency, needs, used_days)
    _fill(ordered, cadre_targets, assigned_on, placed, fixed_slots)
    proposed = [Visit(ordered[index], cadre, target) for (index, cadre), target in placed.items()]
    visits = tuple(sorted([*fixed, *proposed], key=lambda v: (v.day, v.cadre_id, v.target_id)))
    unvisited = shortfall(visits, all_targets, visits_per_target)
    reachable = set(adjacency) | {visit.target_id for visit in fixed}
    return Plan(
        visits,
        dict(visit_counts(visits)),
        unvisited,
        tuple(target for target in unvisited if target not in reachable),
    )
