"""Meetings on a real database: the 9th is refused, an extraordinary provincial meeting with a reason is
accepted and keeps it, and a double-booked attendee is warned about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from grassroots_app.domain.calendar import FreeDayPolicy, MeetingCategory, Shift
from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.meetings import Meeting, WarningKind
from grassroots_app.domain.model import Cadre, Tier
from grassroots_app.services import calendar, meetings
from tests.integration.support import Env

NINTH = datetime(2026, 6, 9, 8, 0)  # a Tuesday
TENTH = datetime(2026, 6, 10, 8, 0)


def new_meeting(start: datetime, *attendees: Cadre, **fields: object) -> Meeting:
    """Return a two-hour committee meeting (id to be given) with the cadres as attendees."""
    values: dict[str, object] = {
        "id": "", "title": "Họp Ban Thường vụ Tỉnh ủy", "start": start, "duration_minutes": 120,
        "category": MeetingCategory.COMMITTEE, "organizer": "Văn phòng Tỉnh ủy", "place": "Hội trường A",
        "attendee_ids": tuple(cadre.id for cadre in attendees),
    }
    values.update(fields)
    return Meeting(**values)  # type: ignore[arg-type]


@pytest.fixture
def people(two_level: Env) -> tuple[Cadre, Cadre]:
    """Two provincial cadres."""
    return (two_level.cadre("Nguyễn Văn An", Tier.PROVINCE, is_committee=True),
            two_level.cadre("Lê Thị Hoa", Tier.PROVINCE))


def meeting_rows(env: Env) -> list[tuple[object, ...]]:
    """Return the meeting table straight from the file."""
    return env.sql("SELECT title, reason FROM meeting")


def test_a_meeting_on_the_ninth_is_refused_and_nothing_is_written(
    two_level: Env, people: tuple[Cadre, Cadre]
) -> None:
    before = two_level.dump()
    with pytest.raises(RuleViolation, match="09/06/2026 is a meeting-free day"):
        two_level.run(meetings.add_meeting, new_meeting(NINTH, *people))
    assert two_level.dump() == before


def test_an_extraordinary_provincial_meeting_with_a_reason_is_accepted_and_keeps_it(
    two_level: Env, people: tuple[Cadre, Cadre]
) -> None:
    extraordinary = new_meeting(NINTH, *people, category=MeetingCategory.PROVINCIAL_EXTRAORDINARY)
    with pytest.raises(RuleViolation, match="give the reason"):
        two_level.run(meetings.add_meeting, extraordinary)
    reason = "Tỉnh ủy triệu tập họp đột xuất về phòng chống bão số 3"
    view = two_level.run(meetings.add_meeting, replace(extraordinary, reason=reason))
    assert view.meeting.reason == reason
    assert meeting_rows(two_level) == [("Họp Ban Thường vụ Tỉnh ủy", reason)]
    stored = two_level.run(meetings.get_meeting, view.meeting.id)
    assert stored.meeting == view.meeting
    assert [name for _id, name in stored.attendees] == ["Nguyễn Văn An", "Lê Thị Hoa"]


def test_a_double_booked_attendee_is_warned_about(two_level: Env, people: tuple[Cadre, Cadre]) -> None:
    an, hoa = people
    first = two_level.run(meetings.add_meeting, new_meeting(TENTH, an, hoa))
    second = two_level.run(
        meetings.add_meeting,
        new_meeting(TENTH.replace(hour=9), hoa, title="Hội nghị tập huấn", category=MeetingCategory.TRAINING),
    )
    assert [(w.kind, w.cadre_id, w.other_meeting_id) for w in second.warnings] == [
        (WarningKind.DOUBLE_BOOKED, hoa.id, first.meeting.id)
    ]
    assert "Lê Thị Hoa" in second.warnings[0].render(str)
    listed = two_level.run(meetings.meetings_on, TENTH.date())
    assert [len(view.warnings) for view in listed] == [1, 1]  # each one sees the other
    later = two_level.run(meetings.add_meeting, new_meeting(TENTH.replace(hour=11), hoa))
    assert later.warnings == ()  # back to back is fine


def test_holiday_and_weekend_are_warnings_not_refusals(two_level: Env, people: tuple[Cadre, Cadre]) -> None:
    on_holiday = two_level.run(meetings.add_meeting, new_meeting(datetime(2026, 9, 2, 8), *people))
    assert [w.kind for w in on_holiday.warnings] == [WarningKind.HOLIDAY]
    assert "Quốc khánh" in on_holiday.warnings[0].render(str)
    on_sunday = two_level.run(meetings.add_meeting, new_meeting(datetime(2026, 6, 14, 8), *people))
    assert [w.kind for w in on_sunday.warnings] == [WarningKind.WEEKEND]


def test_editing_a_meeting_onto_a_free_day_is_refused(two_level: Env, people: tuple[Cadre, Cadre]) -> None:
    made = two_level.run(meetings.add_meeting, new_meeting(TENTH, *people))
    with pytest.raises(RuleViolation):
        two_level.run(meetings.edit_meeting, replace(made.meeting, start=NINTH))
    moved = two_level.run(meetings.edit_meeting, replace(made.meeting, start=TENTH.replace(hour=14),
                                                         attendee_ids=(people[0].id,)))
    assert moved.meeting.start.hour == 14
    assert two_level.sql("SELECT count(*) FROM meeting_attendee") == [(1,)]
    deleted = two_level.run(meetings.delete_meeting, made.meeting.id)
    assert deleted.title == made.meeting.title
    assert two_level.sql("SELECT count(*) FROM meeting") == [(0,)]
    assert two_level.sql("SELECT count(*) FROM meeting_attendee") == [(0,)]


def test_unknown_attendees_and_meetings_are_refused(two_level: Env) -> None:
    with pytest.raises(NotFound):
        two_level.run(meetings.add_meeting, replace(new_meeting(TENTH), attendee_ids=("nobody",)))
    with pytest.raises(NotFound):
        two_level.run(meetings.delete_meeting, "nobody")
    with pytest.raises(InvalidInput):
        two_level.run(meetings.add_meeting, new_meeting(TENTH, title=" "))


def test_the_policy_decides_which_days_and_categories(two_level: Env, people: tuple[Cadre, Cadre]) -> None:
    policy = FreeDayPolicy(days=(10,), shift=Shift.NEXT, allowed=frozenset({MeetingCategory.TRAINING}))
    two_level.run(calendar.save_calendar_policy, policy)
    assert two_level.read(calendar.calendar_policy) == policy
    assert two_level.read(lambda uow: uow.settings.get()) is not None  # the other settings still read
    assert two_level.run(meetings.add_meeting, new_meeting(NINTH, *people)).warnings == ()
    with pytest.raises(RuleViolation, match="10/06/2026"):
        two_level.run(meetings.add_meeting, new_meeting(TENTH, *people))
    training = new_meeting(TENTH, *people, category=MeetingCategory.TRAINING, reason="Lớp cảm tình Đảng")
    assert two_level.run(meetings.add_meeting, training).meeting.reason == "Lớp cảm tình Đảng"


def test_meetings_of_a_month_and_of_a_cadre(two_level: Env, people: tuple[Cadre, Cadre]) -> None:
    an, hoa = people
    two_level.run(meetings.add_meeting, new_meeting(TENTH, an))
    two_level.run(meetings.add_meeting, new_meeting(datetime(2026, 7, 1, 8), hoa))
    assert len(two_level.run(meetings.meetings_of_month, 2026, 6)) == 1
    assert [v.meeting.start.month for v in two_level.run(meetings.meetings_of_month, 2026, 7, hoa.id)] == [7]
    assert two_level.run(meetings.meetings_between, date(2026, 6, 1), date(2026, 8, 1), an.id)[0].meeting.start == TENTH


def test_a_draft_is_warned_about_before_its_title_category_and_reason_are_settled(
    two_level: Env, people: tuple[Cadre, Cadre]
) -> None:
    an, hoa = people
    reason = "Tỉnh ủy triệu tập họp đột xuất về phòng chống bão số 3"
    stored = two_level.run(meetings.add_meeting, new_meeting(
        NINTH, hoa, category=MeetingCategory.PROVINCIAL_EXTRAORDINARY, reason=reason))
    draft = new_meeting(NINTH.replace(hour=9), an, hoa, title=" ")  # a committee meeting: refused there
    found = two_level.read(lambda uow: meetings.draft_warnings(uow, draft))
    assert [(w.kind, w.cadre_id, w.other_meeting_id) for w in found] == [
        (WarningKind.DOUBLE_BOOKED, hoa.id, stored.meeting.id)
    ]
    on_sunday = new_meeting(datetime(2026, 6, 14, 8), an, title="")
    assert [w.kind for w in two_level.read(lambda uow: meetings.draft_warnings(uow, on_sunday))] == [
        WarningKind.WEEKEND
    ]
    unknown = replace(on_sunday, attendee_ids=("nobody",))
    assert two_level.read(lambda uow: meetings.draft_warnings(uow, unknown)) == ()


def test_a_draft_on_a_day_no_meeting_may_be_held_gets_no_warnings(two_level: Env, people: tuple[Cadre, Cadre]) -> None:
    two_level.run(calendar.save_calendar_policy, FreeDayPolicy(days=(14,), shift=Shift.KEEP, allowed=frozenset()))
    on_sunday = new_meeting(datetime(2026, 6, 14, 8), *people, title="")
    assert two_level.read(lambda uow: meetings.draft_warnings(uow, on_sunday)) == ()
    on_saturday = replace(on_sunday, start=datetime(2026, 6, 13, 8))
    assert [w.kind for w in two_level.read(lambda uow: meetings.draft_warnings(uow, on_saturday))] == [
        WarningKind.WEEKEND
    ]
