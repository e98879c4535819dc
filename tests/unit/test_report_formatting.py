"""How a report writes numbers, shares, dates, its place-and-date line and its recipients."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.formats import format_date, format_number, format_percent
from grassroots_app.domain.ratings import share
from grassroots_app.domain.reports.formatting import format_change, place_and_date, quarter_label, recipient_lines


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 5), "Vĩnh Long, ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 9), "Vĩnh Long, ngày 09 tháng 01 năm 2026"),
        (date(2026, 3, 15), "Vĩnh Long, ngày 15 tháng 3 năm 2026"),
        (date(2026, 9, 1), "Vĩnh Long, ngày 01 tháng 9 năm 2026"),
        (date(2026, 12, 31), "Vĩnh Long, ngày 31 tháng 12 năm 2026"),
        (date(2026, 10, 10), "Vĩnh Long, ngày 10 tháng 10 năm 2026"),
    ],
)
def test_the_place_and_date_line_pads_days_below_10_and_months_1_and_2(day: date, expected: str) -> None:
    assert place_and_date("Vĩnh Long", day) == expected


def test_shares_print_with_two_decimals_a_decimal_comma_and_a_spaced_percent_sign() -> None:
    assert format_percent(share(18, 21)) == "85,71 %"
    assert format_percent(share(1, 3)) == "33,33 %"
    assert format_percent(share(2, 3)) == "66,67 %"
    assert format_percent(1.0) == "100,00 %"
    assert format_percent(0.0) == "0,00 %"
    assert format_percent(0.0125) == "1,25 %"


def test_numbers_use_a_decimal_comma_and_dots_between_thousands() -> None:
    assert format_number(7) == "7"
    assert format_number(1234567) == "1.234.567"
    assert format_number(-1234.5, 1) == "-1.234,5"
    assert format_number(2.345, 2) == "2,35"
    assert format_number(0.5) == "1"


def test_changes_carry_their_sign() -> None:
    assert [format_change(value) for value in (3, 0, -2)] == ["+3", "0", "-2"]


def test_dates_print_as_dd_mm_yyyy() -> None:
    assert format_date(date(2026, 2, 5)) == "05/02/2026"
    assert format_date(date(2025, 12, 31)) == "31/12/2025"


def test_quarters_are_named_with_roman_numerals() -> None:
    assert [quarter_label(quarter, 2026) for quarter in (1, 2, 3, 4)] == [
        "quý I năm 2026", "quý II năm 2026", "quý III năm 2026", "quý IV năm 2026",
    ]


def test_recipients_end_with_commas_and_the_archive_copy() -> None:
    assert recipient_lines(("Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Thường vụ;", "Lưu.")) == [
        "- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đồng chí Ủy viên Ban Thường vụ,", "- Lưu.",
    ]
    assert recipient_lines(("Văn phòng Tỉnh ủy",)) == ["- Văn phòng Tỉnh ủy,", "- Lưu."]
    assert recipient_lines(("Lưu VP",)) == ["- Lưu VP."]
    assert recipient_lines(("", "  ")) == ["- Lưu."]
