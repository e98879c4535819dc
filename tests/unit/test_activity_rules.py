"""Activities and attendance: what a record may hold, which target applies to whom, and each cadre's
meetings attended against the target for a year and for a quarter."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.activities import (
    DEFAULT_ATTENDANCE_TARGETS,
    Activity,
    ActivityKind,
    AttendanceProgress,
    AttendanceTarget,
    attendance_progress,
    check_active_on,
    check_not_future,
    clean_activity,
    clean_targets,
    period_target,
    target_for,
)
from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Cadre, CadreStatus, Flag, Tier

YEAR = 2026
PROVINCIAL = Cadre("p", "Trần Văn Hùng", Tier.PROVINCE, is_committee=True)
COMMUNAL = Cadre("c", "Lê Thị Mai", Tier.COMMUNE, is_committee=True)
MEMBER = Cadre("m", "Phạm Văn Bình", Tier.COMMUNE, is_party_member=True)


def attended(cadre: Cadre, *days: date, kind: ActivityKind = ActivityKind.CELL_MEETING) -> list[Activity]:
    """Return one activity of a kind for the cadre on each day."""
    return [Activity(f"{cadre.id}-{day}", cadre.id, "t", kind, day) for day in days]


def monthly(cadre: Cadre, months: range, kind: ActivityKind = ActivityKind.CELL_MEETING) -> list[Activity]:
    """Return a meeting attended on the 20th of each month."""
    return attended(cadre, *(date(YEAR, month, 20) for month in months), kind=kind)


def test_an_activity_is_cleaned_and_bad_fields_refused() -> None:
    raw = Activity("a", "c", "t", "cell_meeting", date(2026, 3, 9), 90, " Họp chi bộ   ấp 1 ", "")  # type: ignore[arg-type]
    cleaned = clean_activity(raw)
    assert (cleaned.kind, cleaned.notes, cleaned.visit_id) == (ActivityKind.CELL_MEETING, "Họp chi bộ ấp 1", None)
    whole_day = Activity("a", "c", "t", ActivityKind.OTHER, date(2026, 3, 9), 24 * 60)
    assert clean_activity(whole_day).duration_minutes == 1440
    for bad in (
        Activity("a", "c", "t", "party", date(2026, 3, 9)),  # type: ignore[arg-type]
        Activity("a", "c", "t", ActivityKind.OTHER, date(2026, 3, 9), -1),
        Activity("a", "c", "t", ActivityKind.OTHER, date(2026, 3, 9), 24 * 60 + 1),
        Activity("a", "c", "t", ActivityKind.OTHER, date(2026, 3, 9), 0, "x" * 1001),
    ):
        with pytest.raises(InvalidInput):
            clean_activity(bad)


def test_the_future_and_a_cadre_who_left_are_refused() -> None:
    check_not_future(date(2026, 3, 9), date(2026, 3, 9))
    with pytest.raises(InvalidInput, match="10/03/2026 is in the future"):
        check_not_future(date(2026, 3, 10), date(2026, 3, 9))
    left = Cadre("x", "Đỗ Văn Tâm", Tier.COMMUNE, status=CadreStatus.LEFT, status_date=date(2026, 3, 1))
    check_active_on(left, date(2026, 2, 28))
    with pytest.raises(RuleViolation, match="Đỗ Văn Tâm left on 01/03/2026"):
        check_active_on(left, date(2026, 3, 1))


def test_the_default_targets_follow_the_domain_page() -> None:
    assert target_for(PROVINCIAL, DEFAULT_ATTENDANCE_TARGETS) == 2
    assert target_for(COMMUNAL, DEFAULT_ATTENDANCE_TARGETS) == 6
    assert target_for(Cadre("d", "Võ Văn Lâm", Tier.DISTRICT, is_committee=True), DEFAULT_ATTENDANCE_TARGETS) == 6
    assert target_for(MEMBER, DEFAULT_ATTENDANCE_TARGETS) == 0


def test_the_highest_matching_target_applies() -> None:
    targets = (
        AttendanceTarget(None, Flag.PARTY_MEMBER, 3),
        AttendanceTarget(Tier.COMMUNE, None, 4),
        AttendanceTarget(Tier.COMMUNE, Flag.COMMITTEE, 12),
    )
    assert target_for(MEMBER, targets) == 4
    assert target_for(COMMUNAL, targets) == 12
    assert target_for(PROVINCIAL, targets) == 0
    with pytest.raises(InvalidInput, match="same tier"):
        clean_targets([*targets, AttendanceTarget(Tier.COMMUNE, None, 5)])
    with pytest.raises(InvalidInput):
        AttendanceTarget(None, None, -1)


@pytest.mark.parametrize(("per_year", "quarter", "due"), [(6, None, 6), (6, 1, 2), (2, 3, 1), (8, 4, 2), (0, 2, 0)])
def test_a_quarter_is_due_a_quarter_of_the_year_rounded_up(per_year: int, quarter: int | None, due: int) -> None:
    assert period_target(per_year, quarter) == due


def test_a_quarter_out_of_range_is_refused() -> None:
    for quarter in (0, 5):
        with pytest.raises(InvalidInput, match="quarter must be between 1 and 4"):
            period_target(6, quarter)
        with pytest.raises(InvalidInput):
            attendance_progress([COMMUNAL], [], DEFAULT_ATTENDANCE_TARGETS, YEAR, quarter)


def test_progress_over_the_year() -> None:
    activities = [
        *monthly(COMMUNAL, range(1, 7)),  # six cell meetings: the target is met
        *monthly(PROVINCIAL, range(1, 2), kind=ActivityKind.COMMITTEE_MEETING),  # one of two
        *monthly(MEMBER, range(1, 13), kind=ActivityKind.HOUSEHOLD_VISIT),  # visits do not count
        *attended(COMMUNAL, date(2025, 12, 31), date(2027, 1, 1)),  # outside the year
    ]
    progress = attendance_progress([COMMUNAL, PROVINCIAL, MEMBER], activities, DEFAULT_ATTENDANCE_TARGETS, YEAR)
    assert progress == [AttendanceProgress("c", 6, 6), AttendanceProgress("p", 1, 2), AttendanceProgress("m", 0, 0)]
    assert [(item.met, item.missing) for item in progress] == [(True, 0), (False, 1), (True, 0)]


def test_progress_in_each_quarter() -> None:
    activities = monthly(COMMUNAL, range(1, 5)) + attended(COMMUNAL, date(YEAR, 4, 1), date(YEAR, 6, 30))
    by_quarter = {
        quarter: attendance_progress([COMMUNAL], activities, DEFAULT_ATTENDANCE_TARGETS, YEAR, quarter)[0]
        for quarter in range(1, 5)
    }
    assert {quarter: item.attended for quarter, item in by_quarter.items()} == {1: 3, 2: 3, 3: 0, 4: 0}
    assert {quarter: item.met for quarter, item in by_quarter.items()} == {1: True, 2: True, 3: False, 4: False}
    assert by_quarter[3].missing == 2  # ceil(6 / 4)
