"""Meetings under the rule: refused on a meeting-free day unless allowed with a reason; warnings only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from grassroots_app.domain.calendar import (
    DayKind,
    FreeDay,
    FreeDayPolicy,
    HolidayOverride,
    HolidayTable,
    MeetingCategory,
)
from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.meetings import (
    Meeting,
    WarningKind,
    all_conflicts,
    check_meeting,
    clean_meeting,
    meeting_warnings,
)

NINTH = FreeDay(date(2026, 6, 9))
POLICY = FreeDayPolicy()


def meeting(
    day: date = date(2026, 6, 9),
    hour: int = 8,
    minutes: int = 120,
    category: MeetingCategory = MeetingCategory.COMMITTEE,
    attendees: tuple[str, ...] = ("c1",),
    reason: str = "",
    meeting_id: str = "m1",
) -> Meeting:
    """Return a meeting starting at an hour of a day."""
    start = datetime(day.year, day.month, day.day, hour)
    return Meeting(meeting_id, "Họp Ban Thường vụ", start, minutes, category, "Văn phòng", "Hội trường",
                   attendees, reason)


def test_a_regular_meeting_on_a_free_day_is_refused() -> None:
    with pytest.raises(RuleViolation, match="09/06/2026 is a meeting-free day"):
        check_meeting(meeting(), [NINTH], POLICY)


def test_an_extraordinary_provincial_meeting_needs_a_reason_and_keeps_it() -> None:
    extraordinary = meeting(category=MeetingCategory.PROVINCIAL_EXTRAORDINARY)
    with pytest.raises(RuleViolation, match="give the reason"):
        check_meeting(extraordinary, [NINTH], POLICY)
    accepted = check_meeting(
        meeting(category=MeetingCategory.PROVINCIAL_EXTRAORDINARY, reason="  Tỉnh ủy triệu tập   họp khẩn "),
        [NINTH], POLICY,
    )
    assert accepted.reason == "Tỉnh ủy triệu tập họp khẩn"


def test_the_allowed_categories_are_a_setting() -> None:
    nobody = FreeDayPolicy(allowed=frozenset())
    with pytest.raises(RuleViolation, match="no meeting can be held"):
        check_meeting(meeting(category=MeetingCategory.PROVINCIAL_EXTRAORDINARY, reason="x"), [NINTH], nobody)
    trainings = FreeDayPolicy(allowed=frozenset({MeetingCategory.TRAINING}))
    assert check_meeting(meeting(category=MeetingCategory.TRAINING, reason="Lớp bồi dưỡng"), [NINTH], trainings)


def test_a_meeting_reaching_into_a_free_day_is_refused() -> None:
    overnight = meeting(day=date(2026, 6, 8), hour=20, minutes=8 * 60)
    with pytest.raises(RuleViolation):
        check_meeting(overnight, [NINTH], POLICY)
    assert check_meeting(meeting(day=date(2026, 6, 8), hour=20, minutes=4 * 60), [NINTH], POLICY)


def test_any_meeting_on_another_day_is_accepted() -> None:
    assert check_meeting(meeting(day=date(2026, 6, 10)), [NINTH], POLICY).category is MeetingCategory.COMMITTEE


@pytest.mark.parametrize("fields", [{"title": "  "}, {"duration_minutes": 0}, {"duration_minutes": 20161}])
def test_bad_meetings_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        check_meeting(replace(meeting(day=date(2026, 6, 10)), **fields), [], POLICY)  # type: ignore[arg-type]


def test_a_draft_may_lack_its_title_but_not_a_good_duration() -> None:
    untitled = replace(meeting(), title="  ")
    assert clean_meeting(untitled, draft=True).title == ""
    with pytest.raises(InvalidInput):
        clean_meeting(untitled)
    with pytest.raises(InvalidInput):
        clean_meeting(replace(untitled, duration_minutes=0), draft=True)


def test_a_double_booked_attendee_is_warned_about() -> None:
    first = meeting(day=date(2026, 6, 10), attendees=("c1", "c2"))
    second = meeting(day=date(2026, 6, 10), hour=9, attendees=("c2", "c3"), meeting_id="m2")
    warnings = meeting_warnings(second, [first], HolidayTable(), {"c2": "Trần Văn Bình"})
    assert [(w.kind, w.cadre_id, w.other_meeting_id) for w in warnings] == [(WarningKind.DOUBLE_BOOKED, "c2", "m1")]
    assert warnings[0].render(str) == (
        "Trần Văn Bình is already expected at 'Họp Ban Thường vụ' (08:00–10:00 10/06/2026)."
    )


def test_back_to_back_meetings_do_not_clash() -> None:
    first = meeting(day=date(2026, 6, 10))
    second = meeting(day=date(2026, 6, 10), hour=10, meeting_id="m2")
    assert meeting_warnings(second, [first], HolidayTable()) == []
    assert meeting_warnings(first, [first], HolidayTable()) == []


def test_holidays_and_weekends_are_warned_about() -> None:
    table = HolidayTable.of({date(2026, 9, 2): "Quốc khánh"}, {}, [
        HolidayOverride(date(2026, 6, 13), DayKind.WORKING_DAY, "Làm bù")
    ])
    on_holiday = meeting_warnings(meeting(day=date(2026, 9, 2)), [], table)
    assert [(w.kind, w.render(str)) for w in on_holiday] == [
        (WarningKind.HOLIDAY, "02/09/2026 is a public holiday or day off: Quốc khánh.")
    ]
    on_sunday = meeting_warnings(meeting(day=date(2026, 6, 14)), [], table)
    assert [w.kind for w in on_sunday] == [WarningKind.WEEKEND]
    assert meeting_warnings(meeting(day=date(2026, 6, 13)), [], table) == []  # a swapped working Saturday


def test_all_conflicts_reports_each_double_booking_once() -> None:
    first = meeting(day=date(2026, 6, 10), attendees=("c1",))
    second = meeting(day=date(2026, 6, 10), hour=9, attendees=("c1",), meeting_id="m2")
    conflicts = all_conflicts([first, second], HolidayTable())
    assert [(w.meeting_id, w.other_meeting_id) for w in conflicts] == [("m2", "m1")]
