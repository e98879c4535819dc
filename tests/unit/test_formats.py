"""How dates, times and numbers are written for people: one function per format, literal expectations."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from grassroots_app.domain.formats import (
    format_date,
    format_day_month,
    format_megabytes,
    format_number,
    format_percent,
    format_score,
    format_time,
    format_time_and_date,
    format_timestamp,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 5), "05/02/2026"),
        (date(2025, 12, 31), "31/12/2025"),
        (date(1900, 1, 1), "01/01/1900"),
        (date(1, 1, 1), "01/01/0001"),
        (None, ""),
    ],
)
def test_a_date_is_day_month_year_with_leading_zeros(day: date | None, expected: str) -> None:
    assert format_date(day) == expected


def test_a_date_without_its_year() -> None:
    assert format_day_month(date(2026, 1, 2)) == "02/01"
    assert format_day_month(date(2026, 11, 30)) == "30/11"


def test_times_are_24_hour_hours_and_minutes() -> None:
    assert format_time(datetime(2026, 3, 4, 7, 5, 59)) == "07:05"
    assert format_time(time(23, 0)) == "23:00"


def test_a_moment_date_first_or_time_first() -> None:
    moment = datetime(2026, 3, 4, 7, 5, 59)
    assert format_timestamp(moment) == "04/03/2026 07:05"
    assert format_time_and_date(moment) == "07:05 04/03/2026"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (5_000_000, 0, "5.000.000"),
        (-1_048_576, 0, "-1.048.576"),
        (1234.5, 1, "1.234,5"),
        (2.345, 2, "2,35"),
        (0.5, 0, "1"),
        (Decimal("85.705"), 2, "85,71"),
    ],
)
def test_numbers_group_thousands_with_a_dot_and_round_half_up(value: float, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_shares_are_percentages_with_two_decimals() -> None:
    assert format_percent(0.8571) == "85,71 %"
    assert format_percent(Decimal("0.0313")) == "3,13 %"
    assert format_percent(1) == "100,00 %"
    assert format_percent(0) == "0,00 %"


def test_sizes_are_megabytes_with_one_decimal_and_no_grouping() -> None:
    assert format_megabytes(1_234_567) == "1,2"
    assert format_megabytes(0) == "0,0"
    assert format_megabytes(1_750_000_000) == "1750,0"


def test_a_score_is_written_with_a_decimal_comma_and_no_trailing_zeros() -> None:
    assert [format_score(score) for score in (85.5, 92.0, 70.25)] == ["85,5", "92", "70,25"]
