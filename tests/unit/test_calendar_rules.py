"""The meeting-free day rule: every month of 2026 under each policy, Tết, Hùng Kings' day, the clerk's table."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.calendar import (
    DayKind,
    FreeDay,
    FreeDayPolicy,
    HolidayOverride,
    HolidayTable,
    MeetingCategory,
    Shift,
    free_day_on,
    free_days_between,
    free_days_of_month,
    free_days_of_year,
    is_free_day,
    month_span,
    next_free_day,
    quarter_span,
)
from grassroots_app.domain.errors import InvalidInput
from grassroots_app.services.calendar import package_table

YEAR = 2026
TET = date(2026, 2, 17)  # the first day of the year of the Horse
HUNG_KINGS = date(2026, 4, 26)  # the 10th day of the 3rd lunar month, a Sunday in 2026


def vn_table(*overrides: HolidayOverride) -> HolidayTable:
    """Return Vietnam's holiday table from the `holidays` package, with the clerk's overrides."""
    days_off, working = package_table(range(2025, 2029))
    return HolidayTable.of(days_off, working, overrides)


def d(text: str, year: int = YEAR) -> date:
    """Return the date of 'dd/mm' in the year."""
    day, month = (int(part) for part in text.split("/"))
    return date(year, month, day)


def by_month(free_days: list[FreeDay]) -> dict[int, list[tuple[str, str | None]]]:
    """Return, per month, the free days as ('dd/mm', 'dd/mm' moved from or None)."""
    months: dict[int, list[tuple[str, str | None]]] = {month: [] for month in range(1, 13)}
    for free_day in free_days:
        moved = free_day.moved_from.strftime("%d/%m") if free_day.moved_from else None
        months[free_day.day.month].append((free_day.day.strftime("%d/%m"), moved))
    return months


# The 9th and 15th of 2026: Feb 15, Mar 15, Aug 9, Nov 15 are Sundays; May 9 and Aug 15 Saturdays;
# Feb 16 to 20 is Tết, so the 15th of February moves past it to Monday the 23rd.
EXPECTED_2026 = {
    Shift.KEEP: {month: [(f"09/{month:02d}", None), (f"15/{month:02d}", None)] for month in range(1, 13)},
    Shift.NEXT: {
        1: [("09/01", None), ("15/01", None)],
        2: [("09/02", None), ("23/02", "15/02")],
        3: [("09/03", None), ("16/03", "15/03")],
        4: [("09/04", None), ("15/04", None)],
        5: [("11/05", "09/05"), ("15/05", None)],
        6: [("09/06", None), ("15/06", None)],
        7: [("09/07", None), ("15/07", None)],
        8: [("10/08", "09/08"), ("17/08", "15/08")],
        9: [("09/09", None), ("15/09", None)],
        10: [("09/10", None), ("15/10", None)],
        11: [("09/11", None), ("16/11", "15/11")],
        12: [("09/12", None), ("15/12", None)],
    },
    Shift.PREVIOUS: {
        1: [("09/01", None), ("15/01", None)],
        2: [("09/02", None), ("13/02", "15/02")],
        3: [("09/03", None), ("13/03", "15/03")],
        4: [("09/04", None), ("15/04", None)],
        5: [("08/05", "09/05"), ("15/05", None)],
        6: [("09/06", None), ("15/06", None)],
        7: [("09/07", None), ("15/07", None)],
        8: [("07/08", "09/08"), ("14/08", "15/08")],
        9: [("09/09", None), ("15/09", None)],
        10: [("09/10", None), ("15/10", None)],
        11: [("09/11", None), ("13/11", "15/11")],
        12: [("09/12", None), ("15/12", None)],
    },
}


@pytest.mark.parametrize("shift", list(Shift), ids=lambda shift: shift.value)
def test_every_month_of_2026_under_each_policy(shift: Shift) -> None:
    policy, table = FreeDayPolicy(shift=shift), vn_table()
    for month in range(1, 13):
        assert by_month(free_days_of_month(YEAR, month, policy, table))[month] == EXPECTED_2026[shift][month]
    assert by_month(free_days_of_year(YEAR, policy, table)) == EXPECTED_2026[shift]


@pytest.mark.parametrize("shift", list(Shift), ids=lambda shift: shift.value)
def test_moved_days_are_working_days_and_kept_ones_are_the_named_days(shift: Shift) -> None:
    policy, table = FreeDayPolicy(shift=shift), vn_table()
    for free_day in free_days_of_year(YEAR, policy, table):
        assert free_day.nominal.day in (9, 15)
        if free_day.moved_from is not None:
            assert table.is_working_day(free_day.day)
            assert not table.is_working_day(free_day.moved_from)


def test_the_default_policy_follows_the_domain_page() -> None:
    policy = FreeDayPolicy()
    assert policy.days == (9, 15)
    assert policy.shift is Shift.KEEP
    assert policy.allowed == {MeetingCategory.PROVINCIAL_EXTRAORDINARY}
    assert policy.visits_per_quarter == 1


def test_the_package_knows_tet_2026() -> None:
    table = vn_table()
    assert "Tết Nguyên Đán" in (table.holiday(TET) or "")
    for day in range(16, 21):  # New Year's Eve (16/02) to the fourth day (20/02)
        assert table.holiday(d(f"{day}/02")) is not None
        assert not table.is_working_day(d(f"{day}/02"))
    assert table.is_working_day(d("23/02"))


def test_a_free_day_on_tet_is_kept_with_its_holiday_or_moved_past_it() -> None:
    table = vn_table()
    kept = free_days_of_month(YEAR, 2, FreeDayPolicy(days=(17,)), table)
    assert kept == [FreeDay(TET, None, table.holiday(TET))]
    moved = free_days_of_month(YEAR, 2, FreeDayPolicy(days=(17,), shift=Shift.NEXT), table)
    assert moved == [FreeDay(d("23/02"), TET, None)]
    before = free_days_of_month(YEAR, 2, FreeDayPolicy(days=(17,), shift=Shift.PREVIOUS), table)
    assert before == [FreeDay(d("13/02"), TET, None)]


def test_hung_kings_day_is_lunar() -> None:
    table = vn_table()
    assert "Hùng Vương" in (table.holiday(HUNG_KINGS) or "")
    assert table.holiday(d("27/04")) is not None  # the Sunday is made up on Monday
    assert "Hùng Vương" in (table.holiday(date(2027, 4, 16)) or "")  # another lunar date the next year
    assert table.holiday(date(2027, 4, 26)) is None


def test_a_free_day_on_hung_kings_day() -> None:
    table = vn_table()
    kept = free_days_of_month(YEAR, 4, FreeDayPolicy(days=(26,)), table)
    assert kept == [FreeDay(HUNG_KINGS, None, table.holiday(HUNG_KINGS))]
    moved = free_days_of_month(YEAR, 4, FreeDayPolicy(days=(26,), shift=Shift.NEXT), table)
    assert moved == [FreeDay(d("28/04"), HUNG_KINGS, None)]
    in_2027 = free_days_of_month(2027, 4, FreeDayPolicy(days=(16,), shift=Shift.NEXT), table)
    assert in_2027 == [FreeDay(date(2027, 4, 19), date(2027, 4, 16), None)]


def test_the_package_swapped_working_saturday_counts_as_a_working_day() -> None:
    table = vn_table()
    saturday, day_off = d("22/08"), d("31/08")
    assert saturday.weekday() == 5 and table.is_working_day(saturday)
    assert not table.is_working_day(day_off)
    policy = FreeDayPolicy(days=(22, 31), shift=Shift.NEXT)
    assert free_days_between(d("01/08"), d("05/09"), policy, table) == [
        FreeDay(saturday), FreeDay(d("03/09"), day_off, None)  # 1 and 2 September are National Day
    ]
    assert free_days_of_month(YEAR, 8, policy, table) == [FreeDay(saturday)]  # the moved one is September's


def test_an_extra_day_off_in_the_clerks_table_moves_the_free_day() -> None:
    extra = HolidayOverride(d("09/01"), DayKind.DAY_OFF, "Nghỉ thêm theo quyết định của tỉnh")
    table = vn_table(extra)
    assert table.holiday(d("09/01")) == "Nghỉ thêm theo quyết định của tỉnh"
    assert free_days_of_month(YEAR, 1, FreeDayPolicy(shift=Shift.NEXT), table)[0] == FreeDay(
        d("12/01"), d("09/01"), None
    )
    kept = free_days_of_month(YEAR, 1, FreeDayPolicy(), table)[0]
    assert kept == FreeDay(d("09/01"), None, "Nghỉ thêm theo quyết định của tỉnh")


def test_a_working_day_in_the_clerks_table_overrides_the_package() -> None:
    table = vn_table(HolidayOverride(d("16/02"), DayKind.WORKING_DAY, "Làm việc bình thường"))
    assert table.holiday(d("16/02")) is None
    assert table.is_working_day(d("16/02"))
    moved = free_days_of_month(YEAR, 2, FreeDayPolicy(shift=Shift.NEXT), table)
    assert moved[1] == FreeDay(d("16/02"), d("15/02"), None)


def test_the_clerks_working_saturday_keeps_the_free_day_on_it() -> None:
    table = vn_table(HolidayOverride(d("09/05"), DayKind.WORKING_DAY, "Làm bù"))
    assert free_days_of_month(YEAR, 5, FreeDayPolicy(shift=Shift.NEXT), table)[0] == FreeDay(d("09/05"))


def test_a_renamed_package_holiday_takes_the_clerks_name() -> None:
    table = vn_table(HolidayOverride(TET, DayKind.DAY_OFF, "Mùng một Tết Bính Ngọ"))
    assert table.holiday(TET) == "Mùng một Tết Bính Ngọ"
    entries = table.entries(d("16/02"), d("21/02"))
    assert [(e.day.day, e.by_clerk) for e in entries] == [(16, False), (17, True), (18, False), (19, False),
                                                           (20, False)]


def test_is_free_day_and_free_day_on() -> None:
    policy, table = FreeDayPolicy(shift=Shift.NEXT), vn_table()
    assert is_free_day(d("09/06"), policy, table)
    assert not is_free_day(d("15/02"), policy, table)
    assert is_free_day(d("23/02"), policy, table)
    assert free_day_on(d("23/02"), policy, table) == FreeDay(d("23/02"), d("15/02"), None)
    assert free_day_on(d("10/06"), policy, table) is None


def test_next_free_day() -> None:
    policy, table = FreeDayPolicy(shift=Shift.NEXT), vn_table()
    assert next_free_day(d("09/02"), policy, table) == FreeDay(d("23/02"), d("15/02"), None)
    assert next_free_day(d("08/06"), policy, table) == FreeDay(d("09/06"))
    assert next_free_day(d("20/12"), policy, table) == FreeDay(date(2027, 1, 11), date(2027, 1, 9), None)
    assert next_free_day(d("20/12"), FreeDayPolicy(days=()), table) is None


def test_a_move_across_the_new_year_lands_in_the_year_it_falls_in() -> None:
    policy, table = FreeDayPolicy(days=(1,), shift=Shift.PREVIOUS), vn_table()
    days = free_days_of_year(YEAR, policy, table)
    assert days[0] == FreeDay(d("30/01"), d("01/02"), None)  # 1 January 2026 went back into 2025
    assert days[-1] == FreeDay(d("31/12"), date(2027, 1, 1), None)
    assert FreeDay(d("28/08"), d("01/09"), None) in days  # 1/9 and the swapped 31/8 are days off


def test_two_free_days_moved_onto_one_date_are_one_free_day() -> None:
    policy = FreeDayPolicy(days=(9, 10), shift=Shift.NEXT)
    assert free_days_of_month(YEAR, 5, policy, vn_table()) == [FreeDay(d("11/05"), d("09/05"), None)]


def test_a_day_a_month_lacks_is_skipped() -> None:
    days = free_days_of_year(YEAR, FreeDayPolicy(days=(31,)), HolidayTable())
    assert [free_day.day.month for free_day in days] == [1, 3, 5, 7, 8, 10, 12]


def test_free_days_between_is_half_open() -> None:
    days = free_days_between(d("09/01"), d("15/01"), FreeDayPolicy(), HolidayTable())
    assert days == [FreeDay(d("09/01"))]


@pytest.mark.parametrize("fields", [{"days": (0,)}, {"days": (32,)}, {"visits_per_quarter": 0},
                                    {"visits_per_quarter": 13}])
def test_bad_policies_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        FreeDayPolicy(**fields)  # type: ignore[arg-type]


def test_policy_days_are_sorted_once() -> None:
    assert FreeDayPolicy(days=(15, 9, 15)).days == (9, 15)


def test_spans() -> None:
    assert month_span(2026, 12) == (date(2026, 12, 1), date(2027, 1, 1))
    assert quarter_span(2026, 3) == (date(2026, 7, 1), date(2026, 10, 1))
    assert quarter_span(2026, 4) == (date(2026, 10, 1), date(2027, 1, 1))
    with pytest.raises(InvalidInput):
        month_span(2026, 13)
    with pytest.raises(InvalidInput):
        quarter_span(2026, 5)
