"""The iCalendar export parses with the `icalendar` library and holds the expected events."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from grassroots_app.domain.calendar import FreeDayPolicy, MeetingCategory, Shift
from grassroots_app.domain.meetings import Meeting
from grassroots_app.domain.model import Cadre, Level, Tier
from grassroots_app.services import calendar, ics, meetings, plans
from tests.integration.support import Env

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
START, END = date(2026, 1, 1), date(2027, 1, 1)


@pytest.fixture
def office(two_level: Env) -> tuple[Env, Cadre, Cadre, str]:
    """Two cadres, the first in charge of a hamlet, and two meetings (one extraordinary on the 9th)."""
    province = two_level.unit("Tỉnh Vĩnh Long", on=date(2025, 7, 1))
    commune = two_level.unit("Xã Long Hồ", province, on=date(2025, 7, 1))
    hamlet = two_level.unit("Ấp 1", commune, on=date(2025, 7, 1))
    an = two_level.cadre("Nguyễn Văn An", Tier.COMMUNE)
    hoa = two_level.cadre("Lê Thị Hoa", Tier.PROVINCE)
    two_level.assign(an, hamlet.id, date(2025, 8, 1))
    assert hamlet.level is Level.HAMLET
    two_level.run(meetings.add_meeting, Meeting(
        "", "Hội nghị sơ kết quý II", datetime(2026, 7, 3, 14), 90, MeetingCategory.COMMITTEE,
        "Văn phòng Tỉnh ủy", "Hội trường A", (an.id, hoa.id)))
    two_level.run(meetings.add_meeting, Meeting(
        "", "Họp khẩn về phòng chống bão", datetime(2026, 9, 9, 7, 30), 60,
        MeetingCategory.PROVINCIAL_EXTRAORDINARY, "Tỉnh ủy", "Phòng họp số 2", (hoa.id,),
        "Tỉnh ủy triệu tập đột xuất"))
    return two_level, an, hoa, hamlet.id


def parse(data: bytes) -> icalendar.Calendar:
    """Parse an exported file with the standard library, strictly."""
    return icalendar.Calendar.from_ical(data)


def events(parsed: icalendar.Calendar) -> list[icalendar.Event]:
    """Return the VEVENTs."""
    return list(parsed.walk("VEVENT"))


def test_everyone_gets_every_free_day_and_every_meeting(office: tuple[Env, Cadre, Cadre, str]) -> None:
    env, _an, _hoa, _hamlet = office
    data = env.read(lambda uow: ics.export_ics(uow, START, END))
    parsed = parse(data)
    assert str(parsed["VERSION"]) == "2.0" and parsed["PRODID"]
    all_day = [e for e in events(parsed) if type(e.start) is date]
    timed = [e for e in events(parsed) if isinstance(e.start, datetime)]
    assert [e.start for e in all_day] == [date(2026, m, d) for m in range(1, 13) for d in (9, 15)]
    assert all(e.end == e.start + timedelta(days=1) for e in all_day)
    assert {str(e["SUMMARY"]) for e in all_day} == {"Meeting-free day"}
    assert len({str(e["UID"]) for e in events(parsed)}) == len(events(parsed)) == 26
    first, urgent = sorted(timed, key=lambda e: e.start)
    assert str(first["SUMMARY"]) == "Hội nghị sơ kết quý II"
    assert first.start == datetime(2026, 7, 3, 14, tzinfo=ZONE)
    assert first.end == datetime(2026, 7, 3, 15, 30, tzinfo=ZONE)
    assert str(first["LOCATION"]) == "Hội trường A"
    assert "Nguyễn Văn An" in str(first["DESCRIPTION"]) and "Lê Thị Hoa" in str(first["DESCRIPTION"])
    assert urgent.start == datetime(2026, 9, 9, 7, 30, tzinfo=ZONE)
    assert "Tỉnh ủy triệu tập đột xuất" in str(urgent["DESCRIPTION"])
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert b"\r\n" in data


def test_one_cadre_gets_their_meetings_and_their_base_visits(office: tuple[Env, Cadre, Cadre, str]) -> None:
    env, an, hoa, hamlet = office
    env.run(plans.add_visit, date(2026, 7, 9), an.id, hamlet, "Dự sinh hoạt chi bộ ấp")
    theirs = events(parse(env.read(lambda uow: ics.export_ics(uow, START, END, an.id))))
    timed = [e for e in theirs if isinstance(e.start, datetime)]
    assert [str(e["SUMMARY"]) for e in timed] == ["Hội nghị sơ kết quý II"]
    visit = next(e for e in theirs if e.start == date(2026, 7, 9))
    assert str(visit["SUMMARY"]) == "Base visit: Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1"
    assert "Dự sinh hoạt chi bộ ấp" in str(visit["DESCRIPTION"])
    assert sum(1 for e in theirs if type(e.start) is date) == 24
    hers = events(parse(env.read(lambda uow: ics.export_ics(uow, START, END, hoa.id))))
    assert sorted(str(e["SUMMARY"]) for e in hers if isinstance(e.start, datetime)) == [
        "Họp khẩn về phòng chống bão", "Hội nghị sơ kết quý II"]
    assert all(str(e["SUMMARY"]) == "Meeting-free day" for e in hers if type(e.start) is date)


def test_moved_free_days_say_where_from_and_the_text_is_translated(office: tuple[Env, Cadre, Cadre, str]) -> None:
    env, _an, _hoa, _hamlet = office
    env.run(calendar.save_calendar_policy, FreeDayPolicy(shift=Shift.NEXT))
    words = {"Meeting-free day": "Ngày dành cho cơ sở", "Moved from {day}.": "Chuyển từ ngày {day}."}
    parsed = parse(env.read(lambda uow: ics.export_ics(uow, date(2026, 2, 1), date(2026, 3, 1),
                                                       translate=lambda text: words.get(text, text))))
    moved = next(e for e in events(parsed) if e.start == date(2026, 2, 23))
    assert str(moved["SUMMARY"]) == "Ngày dành cho cơ sở"
    assert str(moved["DESCRIPTION"]) == "Chuyển từ ngày 15/02/2026."


def test_writing_the_file(office: tuple[Env, Cadre, Cadre, str], tmp_path: Path) -> None:
    env, _an, _hoa, _hamlet = office
    out = tmp_path / "lich.ics"
    count = env.read(lambda uow: ics.write_ics(uow, out, START, END))
    assert count == 26
    assert len(events(parse(out.read_bytes()))) == 26
