"""Meeting-free days: the local policy, the holiday table, and the free days of a month or a year.

On the meeting-free days (by default the 9th and 15th of every month) the committee holds no meetings,
so that every assigned cadre can go to the base. Which days, and what happens to one that falls on a
weekend or a day off, is local: the policy says. The holiday table is plain data (the public holidays
of a package plus the clerk's edits), so this module stays pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from grassroots_app.domain.errors import N_, InvalidInput, Labelled, register_labels
from grassroots_app.domain.formats import format_date

WEEKEND = frozenset({5, 6})  # Saturday and Sunday (date.weekday())
MAX_SHIFT_DAYS = 31  # how far a free day is moved at most to reach a working day
MAX_VISITS_PER_QUARTER = 12
FIRST_YEAR, LAST_YEAR = 1900, 2200
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)  # every date the application accepts


class Shift(str, Labelled):
    """What happens to a meeting-free day that falls on a weekend or a day off."""

    KEEP = "keep"
    NEXT = "next"
    PREVIOUS = "previous"


class MeetingCategory(str, Labelled):
    """The kind of a meeting or training."""

    COMMITTEE = "committee"
    AGENCY = "agency"
    TRAINING = "training"
    PROVINCIAL_EXTRAORDINARY = "provincial_extraordinary"
    OTHER = "other"


class DayKind(str, Labelled):
    """What an entry of the holiday table makes of a day."""

    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


register_labels(
    [
        (Shift.KEEP, N_("keep it on its day")),
        (Shift.NEXT, N_("move it to the next working day")),
        (Shift.PREVIOUS, N_("move it to the previous working day")),
        (MeetingCategory.COMMITTEE, N_("regular committee meeting")),
        (MeetingCategory.AGENCY, N_("agency meeting")),
        (MeetingCategory.TRAINING, N_("training")),
        (MeetingCategory.PROVINCIAL_EXTRAORDINARY, N_("extraordinary meeting called by the province")),
        (MeetingCategory.OTHER, N_("other meeting")),
        (DayKind.DAY_OFF, N_("day off")),
        (DayKind.WORKING_DAY, N_("working day")),
    ]
)


@dataclass(frozen=True)
class FreeDayPolicy:
    """The local rule: which days of the month, how they move, what may be held on them, visit target."""

    days: tuple[int, ...] = (9, 15)
    shift: Shift = Shift.KEEP
    allowed: frozenset[MeetingCategory] = frozenset({MeetingCategory.PROVINCIAL_EXTRAORDINARY})
    visits_per_quarter: int = 1

    def __post_init__(self) -> None:
        if any(not 1 <= day <= 31 for day in self.days):
            raise InvalidInput(N_("A meeting-free day must be a day of the month from 1 to 31."))
        if not 1 <= self.visits_per_quarter <= MAX_VISITS_PER_QUARTER:
            raise InvalidInput(
                N_("The visits to each target per quarter must be between 1 and {most}."),
                most=MAX_VISITS_PER_QUARTER,
            )
        object.__setattr__(self, "days", tuple(sorted(set(self.days))))
        object.__setattr__(self, "shift", Shift(self.shift))
        object.__setattr__(self, "allowed", frozenset(MeetingCategory(item) for item in self.allowed))


@dataclass(frozen=True)
class HolidayOverride:
    """The clerk's entry for one day: an extra day off, or a (swapped) working day."""

    day: date
    kind: DayKind
    name: str = ""


@dataclass(frozen=True)
class HolidayEntry:
    """A day the holiday table says something about, for listing: from the package or from the clerk."""

    day: date
    kind: DayKind
    name: str
    by_clerk: bool


@dataclass(frozen=True)
class HolidayTable:
    """Days off and swapped working days: the package's, overridden day by day by the clerk's."""

    days_off: Mapping[date, str] = field(default_factory=dict)
    working_days: Mapping[date, str] = field(default_factory=dict)
    overrides: Mapping[date, HolidayOverride] = field(default_factory=dict)
    weekend: frozenset[int] = WEEKEND

    @classmethod
    def of(
        cls,
        days_off: Mapping[date, str] | None = None,
        working_days: Mapping[date, str] | None = None,
        overrides: Iterable[HolidayOverride] = (),
    ) -> HolidayTable:
        """Return a table from the package's days and a list of the clerk's overrides."""
        return cls(dict(days_off or {}), dict(working_days or {}), {o.day: o for o in overrides})

    def entry(self, day: date) -> HolidayEntry | None:
        """Return what the table says about a day (the clerk's word first), or None."""
        override = self.overrides.get(day)
        if override is not None:
            return HolidayEntry(day, override.kind, override.name, True)
        if day in self.working_days:
            return HolidayEntry(day, DayKind.WORKING_DAY, self.working_days[day], False)
        if day in self.days_off:
            return HolidayEntry(day, DayKind.DAY_OFF, self.days_off[day], False)
        return None

    def holiday(self, day: date) -> str | None:
        """Return the name of the public holiday or day off on a day, or None on other days."""
        entry = self.entry(day)
        return entry.name if entry is not None and entry.kind is DayKind.DAY_OFF else None

    def is_weekend(self, day: date) -> bool:
        """Return whether the day falls on a weekend."""
        return day.weekday() in self.weekend

    def is_working_day(self, day: date) -> bool:
        """Return whether offices work on the day (weekdays, and swapped working days, minus days off)."""
        entry = self.entry(day)
        if entry is not None:
            return entry.kind is DayKind.WORKING_DAY
        return not self.is_weekend(day)

    def entries(self, start: date, end: date) -> list[HolidayEntry]:
        """Return the table's entries in [start, end), by day."""
        days = {*self.days_off, *self.working_days, *self.overrides}
        found = (self.entry(day) for day in sorted(days) if start <= day < end)
        return [entry for entry in found if entry is not None]


@dataclass(frozen=True)
class FreeDay:
    """A meeting-free day: its date, the date it was moved from (if moved), the holiday on it (if any)."""

    day: date
    moved_from: date | None = None
    holiday: str | None = None

    @property
    def nominal(self) -> date:
        """Return the day of the month the policy names (before any move)."""
        return self.moved_from or self.day


def check_year(year: int) -> int:
    """Return the year, or refuse one the calendar does not handle."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            N_("The year must be between {first} and {last}, not {year}."),
            first=FIRST_YEAR, last=LAST_YEAR, year=year,
        )
    return year


def check_day(day: date) -> date:
    """Return the day, or refuse one outside the years the application handles (1900 to 2200)."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(
            N_("The date {day} is outside the years {first} to {last}."),
            day=format_date(day), first=FIRST_YEAR, last=LAST_YEAR,
        )
    return day


def month_span(year: int, month: int) -> tuple[date, date]:
    """Return the half-open span [first day, first day of the next month) of a month."""
    check_year(year)
    if not 1 <= month <= 12:
        raise InvalidInput(N_("The month must be between 1 and 12, not {month}."), month=month)
    start = date(year, month, 1)
    return start, date(year + month // 12, month % 12 + 1, 1)


def year_span(year: int) -> tuple[date, date]:
    """Return the half-open span of a year."""
    check_year(year)
    return date(year, 1, 1), date(year + 1, 1, 1)


def check_quarter(quarter: int) -> int:
    """Return the quarter, or refuse one that is not 1 to 4."""
    if not 1 <= quarter <= 4:
        raise InvalidInput(N_("The quarter must be between 1 and 4, not {quarter}."), quarter=quarter)
    return quarter


def quarter_span(year: int, quarter: int) -> tuple[date, date]:
    """Return the half-open span of a quarter (1 to 4)."""
    check_year(year)
    check_quarter(quarter)
    start = date(year, 3 * quarter - 2, 1)
    return start, (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1))


def period_span(year: int, quarter: int | None = None) -> tuple[date, date]:
    """Return the half-open span of a year, or of one of its quarters when one is given."""
    return year_span(year) if quarter is None else quarter_span(year, quarter)


def quarter_of(day: date) -> int:
    """Return the quarter (1 to 4) a day falls in."""
    return (day.month - 1) // 3 + 1


def _shifted(day: date, policy: FreeDayPolicy, table: HolidayTable) -> date:
    """Return where a nominal free day lands under the policy (itself when kept or already a working day)."""
    if policy.shift is Shift.KEEP or table.is_working_day(day):
        return day
    step = timedelta(days=1 if policy.shift is Shift.NEXT else -1)
    candidate = day
    for _ in range(MAX_SHIFT_DAYS):
        candidate += step
        if table.is_working_day(candidate):
            return candidate
    return day


def _nominal_days(start: date, end: date, policy: FreeDayPolicy) -> list[date]:
    """Return the days of the month the policy names, in the months from start to end (end excluded)."""
    found = []
    year, month = start.year, start.month
    while date(year, month, 1) < end:
        for day_of_month in policy.days:
            try:
                day = date(year, month, day_of_month)
            except ValueError:  # the 31st of a short month: that month has no such free day
                continue
            if start <= day < end:
                found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def free_days_between(start: date, end: date, policy: FreeDayPolicy, table: HolidayTable) -> list[FreeDay]:
    """Return the meeting-free days that land in [start, end), in order.

    A day moved across a month boundary belongs to the month it lands in. When two free days land on the
    same date (a move onto another free day), it is one free day: the one not moved, else the earlier.
    """
    margin = timedelta(days=MAX_SHIFT_DAYS + 1)
    landed: dict[date, FreeDay] = {}
    for nominal in _nominal_days(start - margin, end + margin, policy):
        actual = _shifted(nominal, policy, table)
        if not start <= actual < end:
            continue
        moved_from = nominal if actual != nominal else None
        current = landed.get(actual)
        if current is None or (current.moved_from is not None and moved_from is None):
            landed[actual] = FreeDay(actual, moved_from, table.holiday(actual))
    return [landed[day] for day in sorted(landed)]


def free_days_of_month(year: int, month: int, policy: FreeDayPolicy, table: HolidayTable) -> list[FreeDay]:
    """Return the meeting-free days of a month."""
    return free_days_between(*month_span(year, month), policy, table)


def free_days_of_year(year: int, policy: FreeDayPolicy, table: HolidayTable) -> list[FreeDay]:
    """Return the meeting-free days of a year."""
    return free_days_between(*year_span(year), policy, table)


def free_day_on(day: date, policy: FreeDayPolicy, table: HolidayTable) -> FreeDay | None:
    """Return the meeting-free day on a date, or None when the date is not one."""
    found = free_days_between(day, day + timedelta(days=1), policy, table)
    return found[0] if found else None


def is_free_day(day: date, policy: FreeDayPolicy, table: HolidayTable) -> bool:
    """Return whether a date is a meeting-free day."""
    return free_day_on(day, policy, table) is not None


def next_free_day(after: date, policy: FreeDayPolicy, table: HolidayTable) -> FreeDay | None:
    """Return the first meeting-free day strictly after a date (None when the policy names no day)."""
    start = after + timedelta(days=1)
    for months in (3, 26):
        found = free_days_between(start, start + timedelta(days=31 * months), policy, table)
        if found:
            return found[0]
    return None
