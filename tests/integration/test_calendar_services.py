"""The calendar services on a database: the clerk's holiday table, the policy, the month grid, a day."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from grassroots_app.domain.calendar import DayKind, FreeDay, FreeDayPolicy, MeetingCategory, Shift
from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.meetings import Meeting, WarningKind
from grassroots_app.domain.model import Tier
from grassroots_app.services import agenda, calendar, meetings
from tests.integration.support import Env


def test_the_defaults_hold_until_the_clerk_changes_them(two_level: Env) -> None:
    assert two_level.read(calendar.calendar_policy) == FreeDayPolicy()
    days = two_level.read(lambda uow: calendar.free_days_of_year(uow, 2026))
    assert len(days) == 24 and days[0] == FreeDay(date(2026, 1, 9))


def test_an_override_moves_a_free_day_and_clearing_it_restores_it(two_level: Env) -> None:
    two_level.run(calendar.save_calendar_policy, FreeDayPolicy(shift=Shift.NEXT))
    two_level.run(calendar.set_override, date(2026, 6, 9), DayKind.DAY_OFF, "Nghỉ theo quyết định của tỉnh")
    assert two_level.read(lambda uow: calendar.free_days_of_month(uow, 2026, 6))[0] == FreeDay(
        date(2026, 6, 10), date(2026, 6, 9), None)
    entries = two_level.read(lambda uow: calendar.holidays_of_year(uow, 2026))
    ours = [entry for entry in entries if entry.by_clerk]
    assert [(e.day, e.kind, e.name) for e in ours] == [
        (date(2026, 6, 9), DayKind.DAY_OFF, "Nghỉ theo quyết định của tỉnh")]
    assert any(e.day == date(2026, 8, 22) and e.kind is DayKind.WORKING_DAY for e in entries)
    assert two_level.run(calendar.clear_override, date(2026, 6, 9)) is True
    assert two_level.run(calendar.clear_override, date(2026, 6, 9)) is False
    assert two_level.read(lambda uow: calendar.free_day_on(uow, date(2026, 6, 9))) == FreeDay(date(2026, 6, 9))


def test_a_working_day_override_over_tet(two_level: Env) -> None:
    two_level.run(calendar.save_calendar_policy, FreeDayPolicy(shift=Shift.NEXT))
    assert two_level.read(lambda uow: calendar.next_free_day(uow, date(2026, 2, 10))) == FreeDay(
        date(2026, 2, 23), date(2026, 2, 15), None)
    two_level.run(calendar.set_override, date(2026, 2, 16), DayKind.WORKING_DAY)
    assert two_level.read(lambda uow: calendar.next_free_day(uow, date(2026, 2, 10))) == FreeDay(
        date(2026, 2, 16), date(2026, 2, 15), None)


def test_a_day_off_needs_a_name(two_level: Env) -> None:
    with pytest.raises(InvalidInput):
        two_level.run(calendar.set_override, date(2026, 6, 9), DayKind.DAY_OFF, "  ")


def test_the_month_grid(two_level: Env) -> None:
    an = two_level.cadre("Nguyễn Văn An", Tier.PROVINCE)
    for hour in (8, 9):
        two_level.run(meetings.add_meeting, Meeting(
            "", f"Họp lúc {hour} giờ", datetime(2026, 9, 3, hour), 90, MeetingCategory.AGENCY,
            attendee_ids=(an.id,)))
    grid = two_level.read(lambda uow: agenda.month_overview(uow, 2026, 9))
    assert all(len(week) == 7 and week[0].day.weekday() == 0 for week in grid.weeks)
    assert grid.weeks[0][0].day == date(2026, 8, 31) and not grid.weeks[0][0].in_month
    assert [cell.day.day for cell in grid.days] == list(range(1, 31))
    by_day = {cell.day: cell for cell in grid.days}
    assert by_day[date(2026, 9, 2)].holiday is not None and not by_day[date(2026, 9, 2)].working
    assert by_day[date(2026, 9, 9)].free_day == FreeDay(date(2026, 9, 9))
    assert by_day[date(2026, 9, 6)].weekend and not by_day[date(2026, 9, 6)].working
    assert len(by_day[date(2026, 9, 3)].meetings) == 2 and by_day[date(2026, 9, 3)].conflicts == 1
    assert [f.day.day for f in grid.free_days] == [9, 15]
    assert [c.warning.kind for c in grid.conflicts] == [WarningKind.DOUBLE_BOOKED]
    assert grid.conflicts[0].meeting.title == "Họp lúc 9 giờ"
    details = two_level.read(lambda uow: agenda.day_details(uow, date(2026, 9, 3)))
    assert [view.meeting.title for view in details.meetings] == ["Họp lúc 8 giờ", "Họp lúc 9 giờ"]
    assert details.free_day is None and details.working and len(details.conflicts) == 1
    holiday = two_level.read(lambda uow: agenda.day_details(uow, date(2026, 9, 2)))
    assert holiday.holiday is not None and holiday.holiday.kind is DayKind.DAY_OFF
