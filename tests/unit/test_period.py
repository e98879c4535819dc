"""Periods are half-open [start, end): `end` is the first day no longer covered."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.model import Period

JAN1, FEB1, MAR1, APR1 = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)


def test_covers_start_but_not_end() -> None:
    period = Period(JAN1, FEB1)
    assert period.covers(JAN1)
    assert period.covers(date(2025, 1, 31))
    assert not period.covers(FEB1)
    assert not period.covers(date(2024, 12, 31))


def test_open_period_covers_every_later_day() -> None:
    period = Period(JAN1)
    assert period.covers(JAN1)
    assert period.covers(date(2099, 12, 31))
    assert not period.covers(date(2024, 12, 31))


def test_adjacent_periods_do_not_overlap() -> None:
    assert not Period(JAN1, FEB1).overlaps(Period(FEB1, MAR1))
    assert not Period(FEB1, MAR1).overlaps(Period(JAN1, FEB1))


def test_periods_sharing_a_day_overlap() -> None:
    assert Period(JAN1, date(2025, 2, 2)).overlaps(Period(FEB1, MAR1))
    assert Period(JAN1, APR1).overlaps(Period(FEB1, MAR1))
    assert Period(FEB1, MAR1).overlaps(Period(JAN1, APR1))


def test_disjoint_periods_do_not_overlap() -> None:
    assert not Period(JAN1, FEB1).overlaps(Period(MAR1, APR1))


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (Period(JAN1), Period(MAR1), True),
        (Period(JAN1), Period(MAR1, APR1), True),
        (Period(MAR1), Period(JAN1, FEB1), False),
        (Period(MAR1), Period(JAN1, MAR1), False),
        (Period(MAR1), Period(JAN1, date(2025, 3, 2)), True),
        (Period(JAN1), Period(JAN1), True),
    ],
)
def test_overlaps_with_open_ends(first: Period, second: Period, expected: bool) -> None:
    assert first.overlaps(second) is expected
    assert second.overlaps(first) is expected


@pytest.mark.parametrize("end", [JAN1, date(2024, 12, 31)])
def test_end_on_or_before_start_is_refused(end: date) -> None:
    with pytest.raises(InvalidInput) as caught:
        Period(JAN1, end)
    assert "must come after the start date 01/01/2025" in str(caught.value)


def test_one_day_period_covers_exactly_one_day() -> None:
    period = Period(JAN1, date(2025, 1, 2))
    assert [period.covers(day) for day in (date(2024, 12, 31), JAN1, date(2025, 1, 2))] == [False, True, False]
