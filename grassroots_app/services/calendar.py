"""Use cases of the meeting-free days: the policy, the holiday table (package + clerk), the free days.

Vietnam's public holidays, lunar ones included, come from the `holidays` package (adapted here, so the
domain stays pure); the swapped working days the government announces come from the same package, and
the clerk's table of overrides wins over both, day by day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import holidays

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.calendar import (
    DayKind,
    FreeDay,
    FreeDayPolicy,
    HolidayEntry,
    HolidayOverride,
    HolidayTable,
)
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.text import NAME_LENGTH, TextField, clean_text
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.setup import require_settings

COUNTRY = "VN"
LANGUAGE = "vi"
FIRST_YEAR, LAST_YEAR = 1995, 2100
SWAPPED_NAME = "Ngày làm việc bù cho ngày {day}"  # data, like the package's Vietnamese holiday names


# --- the `holidays` package, adapted ---------------------------------------------------------------


@lru_cache(maxsize=256)
def _package_days_off(year: int) -> tuple[tuple[date, str], ...]:
    """Return Vietnam's public holidays and days off of a year, with their Vietnamese names."""
    found = holidays.country_holidays(COUNTRY, years=year, language=LANGUAGE)
    return tuple(sorted((day, str(name)) for day, name in found.items()))


def _special_entries(value: Any) -> list[tuple[int, ...]]:
    """Return the package's special-day entries of a year as a list of tuples."""
    if not value:
        return []
    return [tuple(value)] if isinstance(value[0], int) else [tuple(item) for item in value]


@lru_cache(maxsize=1)
def _package_swaps() -> tuple[tuple[date, date], ...]:
    """Return the government's swaps known to the package as (working day, the day off it pays for)."""
    try:
        from holidays.countries.vietnam import VietnamStaticHolidays

        special = dict(VietnamStaticHolidays.special_public_holidays)
    except (ImportError, AttributeError, TypeError):  # the package changed its inner layout
        return ()
    swaps = []
    for year, value in special.items():
        for entry in _special_entries(value):
            if len(entry) < 4:
                continue
            month, day, from_month, from_day = entry[:4]
            from_year = entry[4] if len(entry) > 4 else year
            swaps.append((date(from_year, from_month, from_day), date(year, month, day)))
    return tuple(sorted(swaps))


def _years(start: date, end: date) -> range:
    """Return the years a span touches, with one more on each side (free days move across them)."""
    first = max(FIRST_YEAR, start.year - 1)
    last = min(LAST_YEAR, (end - timedelta(days=1)).year + 1)
    return range(first, max(first, last) + 1)


def package_table(years: Iterable[int]) -> tuple[dict[date, str], dict[date, str]]:
    """Return the package's days off and swapped working days of some years."""
    years = set(years)
    days_off = {day: name for year in years for day, name in _package_days_off(year)}
    working = {
        worked: SWAPPED_NAME.format(day=format_date(paid))
        for worked, paid in _package_swaps()
        if worked.year in years
    }
    return days_off, working


# --- settings and the holiday table ----------------------------------------------------------------


def calendar_policy(uow: UnitOfWork) -> FreeDayPolicy:
    """Return the meeting-free day policy of this database (the defaults until changed)."""
    return uow.calendar_settings.get()


def save_calendar_policy(uow: UnitOfWork, policy: FreeDayPolicy) -> FreeDayPolicy:
    """Store the meeting-free day policy."""
    require_settings(uow)
    uow.calendar_settings.save(policy)
    uow.commit()
    return policy


def holiday_table(uow: UnitOfWork, start: date, end: date) -> HolidayTable:
    """Return the holiday table that decides the free days landing in [start, end)."""
    years = _years(start, end)
    days_off, working = package_table(years)
    overrides = uow.holiday_overrides.between(date(years.start, 1, 1), date(years.stop, 1, 1))
    return HolidayTable.of(days_off, working, overrides)


def holidays_of_year(uow: UnitOfWork, year: int) -> list[HolidayEntry]:
    """Return the holiday table of a year as shown to the clerk: days off and working days, by day."""
    start, end = rule.year_span(year)
    return holiday_table(uow, start, end).entries(start, end)


def set_override(uow: UnitOfWork, day: date, kind: DayKind, name: str = "") -> HolidayOverride:
    """Make a day a day off or a working day in this database's holiday table, over the package."""
    require_settings(uow)
    name = clean_text(name, NAME_LENGTH, TextField.NAME)
    kind = DayKind(kind)
    if kind is DayKind.DAY_OFF and not name:
        raise InvalidInput(N_("Give the name of the day off on {day}."), day=format_date(day))
    override = HolidayOverride(day, kind, name)
    uow.holiday_overrides.put(override)
    uow.commit()
    return override


def clear_override(uow: UnitOfWork, day: date) -> bool:
    """Remove the clerk's entry for a day (the package's word holds again); return whether there was one."""
    removed = uow.holiday_overrides.remove(day)
    uow.commit()
    return removed


# --- the free days ---------------------------------------------------------------------------------


def free_days_between(uow: UnitOfWork, start: date, end: date) -> list[FreeDay]:
    """Return the meeting-free days in [start, end)."""
    return rule.free_days_between(start, end, calendar_policy(uow), holiday_table(uow, start, end))


def free_days_of_month(uow: UnitOfWork, year: int, month: int) -> list[FreeDay]:
    """Return the meeting-free days of a month."""
    return free_days_between(uow, *rule.month_span(year, month))


def free_days_of_year(uow: UnitOfWork, year: int) -> list[FreeDay]:
    """Return the meeting-free days of a year."""
    return free_days_between(uow, *rule.year_span(year))


def free_day_on(uow: UnitOfWork, day: date) -> FreeDay | None:
    """Return the meeting-free day on a date, or None when it is not one."""
    found = free_days_between(uow, day, day + timedelta(days=1))
    return found[0] if found else None


def next_free_day(uow: UnitOfWork, after: date) -> FreeDay | None:
    """Return the first meeting-free day after a date."""
    table = holiday_table(uow, after, after + timedelta(days=800))
    return rule.next_free_day(after, calendar_policy(uow), table)
