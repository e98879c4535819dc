"""Assignment rules: month arithmetic, no overlapping duplicates, ending and the minimum tenure."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.assignments import add_months, check_can_end, check_no_overlap, tenure_end
from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Assignment, Level, Period

ROLE = "Cán bộ, đảng viên phụ trách tổ NDTQ"


def assignment(start: date, end: date | None = None, *, cadre: str = "c1", target: str = "t1",
               role: str = ROLE) -> Assignment:
    """Return an assignment of a cadre on a group."""
    return Assignment("a1", cadre, target, Level.GROUP, role, Period(start, end))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 1, 15), 12, date(2026, 1, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 1), 1, date(2026, 1, 1)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 5, 10), 0, date(2025, 5, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_shorter_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_tenure_end_is_start_plus_minimum_months() -> None:
    assert tenure_end(assignment(date(2025, 1, 31)), 12) == date(2026, 1, 31)


def test_no_overlap_accepts_disjoint_and_different_keys() -> None:
    existing = [
        assignment(date(2024, 1, 1), date(2025, 1, 1)),
        assignment(date(2025, 1, 1), cadre="c2"),
        assignment(date(2025, 1, 1), target="t2"),
        assignment(date(2025, 1, 1), role="other role"),
    ]
    check_no_overlap("c1", "t1", ROLE, Period(date(2025, 1, 1)), existing)


def test_no_overlap_refuses_an_overlap_with_a_closed_period() -> None:
    existing = [assignment(date(2024, 1, 1), date(2025, 1, 2))]
    with pytest.raises(RuleViolation) as caught:
        check_no_overlap("c1", "t1", ROLE, Period(date(2025, 1, 1)), existing)
    assert "from 01/01/2024 – 02/01/2025" in str(caught.value)


def test_no_overlap_refuses_an_overlap_with_an_open_period() -> None:
    existing = [assignment(date(2025, 6, 1))]
    with pytest.raises(RuleViolation) as caught:
        check_no_overlap("c1", "t1", ROLE, Period(date(2024, 1, 1), date(2025, 7, 1)), existing)
    assert str(caught.value).endswith("from 01/06/2025.")


def test_no_overlap_refuses_a_new_open_period_before_an_existing_one() -> None:
    existing = [assignment(date(2026, 1, 1), date(2026, 6, 1))]
    with pytest.raises(RuleViolation):
        check_no_overlap("c1", "t1", ROLE, Period(date(2025, 1, 1)), existing)


def test_can_end_before_tenure_needs_a_reason() -> None:
    current = assignment(date(2025, 1, 31))
    with pytest.raises(RuleViolation, match="minimum tenure of 12 months"):
        check_can_end(current, date(2026, 1, 30), 12, "   ")
    assert check_can_end(current, date(2026, 1, 30), 12, "  Chuyển công tác ") == "Chuyển công tác"


def test_can_end_after_tenure_needs_no_reason() -> None:
    current = assignment(date(2025, 1, 31))
    assert check_can_end(current, date(2026, 1, 31), 12, "") == ""
    assert check_can_end(current, date(2027, 5, 1), 12, "") == ""


def test_can_end_with_zero_minimum_tenure() -> None:
    assert check_can_end(assignment(date(2025, 1, 1)), date(2025, 1, 2), 0, "") == ""


@pytest.mark.parametrize("on", [date(2025, 1, 31), date(2024, 12, 1)])
def test_can_end_refuses_an_end_on_or_before_the_start(on: date) -> None:
    with pytest.raises(InvalidInput, match="after its start date 31/01/2025"):
        check_can_end(assignment(date(2025, 1, 31)), on, 12, "lý do")


def test_can_end_refuses_an_ended_assignment() -> None:
    with pytest.raises(RuleViolation, match="already ended"):
        check_can_end(assignment(date(2025, 1, 1), date(2025, 6, 1)), date(2027, 1, 1), 12, "x")
