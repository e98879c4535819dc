"""Read use cases of the cadre screens: the roster with workloads, a cadre's targets, one assignment."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pickle import PickleBuffer
from typing import Any, Final, Literal, NamedTuple, SupportsIndex, TypeAlias

from grassroots_app.domain.assignments import tenure_end
from grassroots_app.domain.coverage import is_overloaded
from grassroots_app.domain.errors import N_, NotFound
from grassroots_app.domain.model import Assignment, CadreStatus, Period, Tier
from grassroots_app.domain.text import natural_key, person_sort_key
from grassroots_app.persistence.roster import RosterQueries
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.cadres import ended_by_leaving, get_cadre
from grassroots_app.services.setup import require_settings

_TIERS = {tier.value: tier for tier in Tier}
_STATUSES = {status.value: status for status in CadreStatus}
Typecode: TypeAlias = Literal["B", "I", "Q"]
# The array types of the roster's columns.
ENDS: Final = "Q"  # where each text ends
CODES: Final = "I"  # a label's number
BITS: Final = "B"  # memberships
COUNTS: Final = "Q"  # targets held
Numbers: TypeAlias = "array[int] | memoryview"  # a column of numbers: an array, or a view handed over by a pickle


# A named tuple rather than a frozen dataclass: a national roster builds 300,000 of them at once,
# and a frozen dataclass takes about twice as long to make.
class RosterEntry(NamedTuple):
    """A cadre as a row of the roster, with the number of targets in their charge on the day."""

    id: str
    full_name: str
    tier: Tier
    position: str
    workplace: str
    is_standing: bool
    is_committee: bool
    is_party_member: bool
    status: CadreStatus
    targets: int
    overloaded: bool


@dataclass(frozen=True)
class CadreTarget:
    """One of a cadre's assignments with the path of its target; `current` when it runs on the day."""

    assignment: Assignment
    path: str
    current: bool


@dataclass(frozen=True)
class AssignmentView:
    """An assignment as the end dialog shows it: who, where, and the first day it may end without a reason."""

    assignment: Assignment
    cadre_name: str
    path: str
    tenure_end: date


def handed_over(buffer: Any, typecode: Typecode) -> memoryview:
    """Return numbers handed over by a pickle (as bytes read from a worker's result file) as a read-only view of the
    array type given, without copying them."""
    return memoryview(buffer).toreadonly().cast("B").cast(typecode)


@dataclass(frozen=True)
class TextColumn:
    """Many texts kept as one UTF-8 byte string and where each ends: two objects for a column instead of one per row.

    Pickled as raw buffers (protocol 5): a worker's result file hands them over as read, so that unpacking a national
    roster copies nothing while holding the interpreter lock.
    """

    data: bytes
    ends: Numbers

    @classmethod
    def of(cls, texts: Sequence[str]) -> TextColumn:
        """Return the column holding these texts in order."""
        encoded = [text.encode() for text in texts]
        return cls(b"".join(encoded), array(ENDS, accumulate(map(len, encoded))))

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        return _text_column, (PickleBuffer(self.data), PickleBuffer(self.ends))

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, row: int) -> str:
        return self.data[self.ends[row - 1] if row else 0:self.ends[row]].decode()

    def __iter__(self) -> Iterator[str]:
        return (self[row] for row in range(len(self)))

    def find(self, text: str) -> int | None:
        """Return the first row holding exactly this text, or None."""
        wanted = text.encode()
        start = self.data.find(wanted) if wanted else -1
        while start != -1:
            row = bisect_right(self.ends, start)
            if self[row] == text:
                return row
            start = self.data.find(wanted, start + 1)
        return None


def _text_column(data: Any, ends: Any) -> TextColumn:
    return TextColumn(data if isinstance(data, bytes) else bytes(data), handed_over(ends, ENDS))


@dataclass(frozen=True)
class LabelColumn:
    """Texts drawn from fewer distinct values (workplaces, positions): each value kept once, a row holds its number.

    The values too are a TextColumn: a national roster has some 80,000 workplaces, whose unpacking one by one held
    the interpreter lock, and so the window, for 25 ms.
    """

    values: TextColumn
    codes: Numbers

    @classmethod
    def of(cls, texts: Iterable[str]) -> LabelColumn:
        """Return the column holding these texts in order."""
        numbers: dict[str, int] = {}
        codes = array(CODES, (numbers.setdefault(text, len(numbers)) for text in texts))
        return cls(TextColumn.of(list(numbers)), codes)

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        return _label_column, (self.values, PickleBuffer(self.codes))

    def __getitem__(self, row: int) -> str:
        return self.values[self.codes[row]]


def _label_column(values: TextColumn, codes: Any) -> LabelColumn:
    return LabelColumn(values, handed_over(codes, CODES))


STANDING, COMMITTEE, PARTY_MEMBER = 1, 2, 4  # a row's memberships as bits


@dataclass(frozen=True)
class RosterTable:
    """The roster in parallel columns: a national roster (350,000 cadres) in tens of megabytes, not hundreds.

    Row `n` is the n-th cadre in Vietnamese order of given name; `entry(n)` gives it as a `RosterEntry`.
    """

    ids: TextColumn
    names: TextColumn
    tiers: LabelColumn
    positions: LabelColumn
    workplaces: LabelColumn
    memberships: Numbers
    statuses: LabelColumn
    targets: Numbers
    threshold: int

    @classmethod
    def of(cls, entries: Sequence[RosterEntry], threshold: int) -> RosterTable:
        """Return the table of these entries, in their order (`overloaded` follows from the threshold)."""
        bits = array(BITS, (STANDING * e.is_standing | COMMITTEE * e.is_committee | PARTY_MEMBER * e.is_party_member
                           for e in entries))
        return cls(
            TextColumn.of([e.id for e in entries]), TextColumn.of([e.full_name for e in entries]),
            LabelColumn.of(e.tier.value for e in entries), LabelColumn.of(e.position for e in entries),
            LabelColumn.of(e.workplace for e in entries), bits, LabelColumn.of(e.status.value for e in entries),
            array(COUNTS, (e.targets for e in entries)), threshold,
        )

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        return _roster_table, (self.ids, self.names, self.tiers, self.positions, self.workplaces,
                               PickleBuffer(self.memberships), self.statuses, PickleBuffer(self.targets), self.threshold)

    def __len__(self) -> int:
        return len(self.ids)

    def entry(self, row: int) -> RosterEntry:
        """Return a row as a roster entry."""
        bits, targets = self.memberships[row], self.targets[row]
        return RosterEntry(
            self.ids[row], self.names[row], _TIERS[self.tiers[row]], self.positions[row], self.workplaces[row],
            bool(bits & STANDING), bool(bits & COMMITTEE), bool(bits & PARTY_MEMBER), _STATUSES[self.statuses[row]],
            targets, is_overloaded(targets, self.threshold),
        )

    def entries(self) -> list[RosterEntry]:
        """Return every row as a roster entry."""
        return [self.entry(row) for row in range(len(self))]


def _roster_table(ids: TextColumn, names: TextColumn, tiers: LabelColumn, positions: LabelColumn,
                  workplaces: LabelColumn, memberships: Any, statuses: LabelColumn, targets: Any,
                  threshold: int) -> RosterTable:
    return RosterTable(ids, names, tiers, positions, workplaces, handed_over(memberships, BITS), statuses,
                       handed_over(targets, COUNTS), threshold)


def roster(uow: UnitOfWork, on: date) -> list[RosterEntry]:
    """Return every cadre with their number of targets on a day, sorted by given name (Vietnamese order).

    A database not yet set up has no cadres: its roster is empty.
    """
    return roster_table(uow, on).entries()


def roster_table(uow: UnitOfWork, on: date) -> RosterTable:
    """Return the roster on a day as a compact table (what the window holds), sorted by given name."""
    settings = uow.settings.get()
    if settings is None:
        return RosterTable.of([], 0)
    threshold = settings.workload_threshold
    entries = [
        RosterEntry(
            cadre_id, name, _TIERS[tier], position, workplace, standing, committee, member,
            _STATUSES[status], targets, is_overloaded(targets, threshold),
        )
        for cadre_id, name, tier, position, workplace, standing, committee, member, status, targets
        in RosterQueries(uow.session).cadres(on)
    ]
    # Rank the distinct names once, then sort the rows by rank: far fewer collation keys to compare.
    names = sorted({entry.full_name for entry in entries}, key=person_sort_key)
    rank = {name: index for index, name in enumerate(names)}
    entries.sort(key=lambda entry: rank[entry.full_name])
    return RosterTable.of(entries, threshold)


def _path_day(period: Period, on: date) -> date:
    """Return the day to show a target's path on: the day asked, or the nearest day the period covers."""
    if period.covers(on):
        return on
    if period.end is not None and period.end <= on:
        return period.end - timedelta(days=1)
    return period.start


def _paths(uow: UnitOfWork, held: list[Assignment], on: date) -> dict[tuple[date, str], str]:
    """Return the path of each assignment's target, keyed by (day shown, target id)."""
    wanted: dict[date, set[str]] = {}
    for assignment in held:
        wanted.setdefault(_path_day(assignment.period, on), set()).add(assignment.target_id)
    return {
        (day, target_id): path
        for day, ids in wanted.items()
        for target_id, path in uow.queries.paths(sorted(ids), day).items()
    }


def cadre_targets(uow: UnitOfWork, cadre_id: str, on: date) -> list[CadreTarget]:
    """Return a cadre's assignments: those running on the day first, then the others, newest first."""
    get_cadre(uow, cadre_id)
    held = uow.assignments.for_cadre(cadre_id)
    paths = _paths(uow, held, on)
    rows = [
        CadreTarget(a, paths.get((_path_day(a.period, on), a.target_id), ""), a.period.covers(on)) for a in held
    ]
    return sorted(rows, key=lambda row: (not row.current, -row.assignment.period.start.toordinal()))


def leaving_targets(uow: UnitOfWork, cadre_id: str, on: date) -> list[CadreTarget]:
    """Return the assignments that end if the cadre leaves on a day, with their targets' paths."""
    ending = {assignment.id for assignment in ended_by_leaving(uow, cadre_id)}
    return [target for target in cadre_targets(uow, cadre_id, on) if target.assignment.id in ending]


def target_path(uow: UnitOfWork, target_id: str, on: date) -> str:
    """Return the full path of a unit or cluster on a day ("Tỉnh … / Xã … / Thôn …")."""
    paths = uow.queries.paths([target_id], on)
    if target_id not in paths:
        raise NotFound(N_("No unit or cluster has the id '{id}'."), id=target_id)
    return paths[target_id]


def assignment_view(uow: UnitOfWork, assignment_id: str, on: date) -> AssignmentView:
    """Return an assignment with its cadre's name, its target's path and the end of its minimum tenure."""
    assignment = uow.assignments.get(assignment_id)
    if assignment is None:
        raise NotFound(N_("No assignment has the id '{id}'."), id=assignment_id)
    settings = require_settings(uow)
    cadre = get_cadre(uow, assignment.cadre_id)
    path = target_path(uow, assignment.target_id, _path_day(assignment.period, on))
    return AssignmentView(assignment, cadre.full_name, path, tenure_end(assignment, settings.min_tenure_months))


@dataclass(frozen=True)
class AssignmentFilter:
    """Which assignments a list shows: those running on a day (None: all, ended ones too), of whom, where."""

    on: date | None
    cadre_id: str | None = None
    under_id: str | None = None  # a unit: assignments on it, below it, and on the clusters under it
    cluster_id: str | None = None  # a cluster: assignments on it and on its communes and below them


@dataclass(frozen=True)
class ListedAssignment:
    """An assignment as a list shows it: the cadre's name and the target's path on the day shown."""

    assignment: Assignment
    cadre_name: str
    path: str


def list_assignments(uow: UnitOfWork, wanted: AssignmentFilter, today: date) -> list[ListedAssignment]:
    """Return the assignments that match, by target path, cadre (given name) and start.

    Places are judged on the day asked, or (for ended and future assignments in a list of all) on the
    nearest day the assignment ran; `today` stands for the day asked when the list takes them all.
    """
    held = uow.assignments.for_cadre(wanted.cadre_id) if wanted.cadre_id else uow.assignments.running(wanted.on)
    if wanted.on is not None:
        held = [item for item in held if item.period.covers(wanted.on)]
    day_of = _shown_on(wanted.on or today)
    for roots in _place_roots(uow, wanted):
        held = _inside(uow, held, roots, day_of)
    paths = _paths(uow, held, wanted.on or today)
    names = uow.calendar_queries.names(sorted({item.cadre_id for item in held}))
    rows = [ListedAssignment(item, names.get(item.cadre_id, ""), paths.get((day_of(item), item.target_id), ""))
            for item in held]
    return sorted(rows, key=lambda row: (natural_key(row.path), person_sort_key(row.cadre_name),
                                         row.assignment.period.start))


def _shown_on(day: date) -> Callable[[Assignment], date]:
    """Return the function giving the day an assignment's place is judged and shown on."""
    return lambda item: _path_day(item.period, day)


def _place_roots(uow: UnitOfWork, wanted: AssignmentFilter) -> list[Callable[[date], set[str]]]:
    """Return, for each place filter, the ids a target must be or lie under on a day."""
    found: list[Callable[[date], set[str]]] = []
    if wanted.under_id is not None:
        under = wanted.under_id
        found.append(lambda _day: {under})
    if wanted.cluster_id is not None:
        cluster = wanted.cluster_id
        found.append(lambda day: {cluster, *uow.clusters.members(cluster, day)})
    return found


def _inside(
    uow: UnitOfWork, held: list[Assignment], roots: Callable[[date], set[str]], day_of: Callable[[Assignment], date]
) -> list[Assignment]:
    """Return the assignments whose target is one of the roots, or lies under one, on its day."""
    by_day: dict[date, list[Assignment]] = defaultdict(list)
    for item in held:
        by_day[day_of(item)].append(item)
    kept: list[Assignment] = []
    for day, items in by_day.items():
        wanted = roots(day)
        parents = uow.browse.ancestry({item.target_id for item in items}, day)
        kept += [item for item in items if _chain(item.target_id, parents) & wanted]
    return kept


def _chain(item: str, parents: dict[str, str | None]) -> set[str]:
    """Return the item and everything above it."""
    found: set[str] = set()
    current: str | None = item
    while current is not None and current not in found:
        found.add(current)
        current = parents.get(current)
    return found
