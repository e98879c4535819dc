"""The calendar and meetings commands: the free days as JSON, the meeting rule, the .ics export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest

from grassroots_app.domain.calendar import FreeDayPolicy, Shift
from grassroots_app.domain.model import Preset
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar, setup
from tests.cli.support import Cli


@pytest.fixture
def office(cli: Cli) -> Cli:
    """A two-level database with two provincial cadres."""
    assert cli("init", "--model", "two-level").code == 0
    assert cli("cadres", "add", "Nguyễn Văn An", "--tier", "province", "--committee").code == 0
    assert cli("cadres", "add", "Lê Thị Hoa", "--tier", "province").code == 0
    return cli


def test_calendar_json_lists_the_free_days_of_a_year(office: Cli) -> None:
    result = office("calendar", "--year", "2026", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert list(data) == ["days"]
    assert len(data["days"]) == 24
    assert data["days"][0] == {"date": "2026-01-09", "moved_from": None, "holiday": None}
    assert all(set(day) == {"date", "moved_from", "holiday"} for day in data["days"])
    assert [day["date"][8:] for day in data["days"]] == ["09", "15"] * 12


def test_calendar_of_one_month_in_words(office: Cli) -> None:
    result = office("calendar", "--year", "2026", "--month", "2")
    assert result.code == 0, result.err
    assert "09/02/2026" in result.out and "15/02/2026" in result.out
    assert "03/2026" not in result.out


def test_calendar_shows_a_moved_day_and_the_holiday_on_a_kept_one(cli: Cli) -> None:
    # The policy is set through the service (the window's settings); shown here on Tết.
    db = Database.open(str(cli.db))
    try:
        with UnitOfWork(db) as uow:
            setup.init_database(uow, Preset.TWO_LEVEL)
        with UnitOfWork(db) as uow:
            calendar.save_calendar_policy(uow, FreeDayPolicy(days=(17,), shift=Shift.NEXT))
    finally:
        db.close()
    moved = cli("calendar", "--year", "2026", "--month", "2", "--json").json()["days"]
    assert moved == [{"date": "2026-02-23", "moved_from": "2026-02-17", "holiday": None}]
    db = Database.open(str(cli.db))
    try:
        with UnitOfWork(db) as uow:
            calendar.save_calendar_policy(uow, FreeDayPolicy(days=(17,)))
    finally:
        db.close()
    kept = cli("calendar", "--year", "2026", "--month", "2", "--json").json()["days"]
    assert kept[0]["date"] == "2026-02-17" and "Tết Nguyên Đán" in kept[0]["holiday"]


def test_bad_calendar_input_exits_2(cli: Cli) -> None:
    result = cli("calendar", "--year", "2026", "--month", "13")
    assert result.code == 2
    assert result.err and not result.out


def test_a_meeting_on_the_ninth_is_refused_with_status_2_and_nothing_written(office: Cli) -> None:
    before = office.dump()
    result = office("meetings", "add", "Họp Ban Thường vụ", "--on", "2026-06-09", "--at", "08:00",
                    "--attendee", "Nguyễn Văn An")
    assert result.code == 2
    assert "09/06/2026" in result.err
    assert office.dump() == before


def test_an_extraordinary_provincial_meeting_with_a_reason_is_recorded(office: Cli) -> None:
    without = office("meetings", "add", "Họp khẩn", "--on", "09/06/2026", "--category",
                     "provincial_extraordinary")
    assert without.code == 2
    result = office("meetings", "add", "Họp khẩn", "--on", "09/06/2026", "--at", "07:30", "--duration", "60",
                    "--category", "provincial_extraordinary", "--reason", "Tỉnh ủy triệu tập đột xuất",
                    "--attendee", "Lê Thị Hoa", "--place", "Phòng họp 2", "--json")
    assert result.code == 0, result.err
    made = result.json()
    assert made["reason"] == "Tỉnh ủy triệu tập đột xuất"
    assert (made["start"], made["end"], made["category"]) == (
        "2026-06-09T07:30", "2026-06-09T08:30", "provincial_extraordinary")
    assert [a["name"] for a in made["attendees"]] == ["Lê Thị Hoa"]
    listed = office("meetings", "list", "--on", "2026-06-09", "--json").json()
    assert [m["id"] for m in listed] == [made["id"]]


def test_a_double_booked_attendee_is_warned_about(office: Cli) -> None:
    first = office("meetings", "add", "Giao ban", "--on", "2026-06-10", "--attendee", "Lê Thị Hoa", "--json")
    assert first.code == 0, first.err
    second = office("meetings", "add", "Tập huấn", "--on", "2026-06-10", "--at", "09:00", "--category",
                    "training", "--attendee", "Lê Thị Hoa", "--attendee", "Nguyễn Văn An", "--json")
    assert second.code == 0, second.err
    warnings = second.json()["warnings"]
    assert [w["kind"] for w in warnings] == ["double_booked"]
    assert "Lê Thị Hoa" in warnings[0]["message"]
    words = office("meetings", "list", "--year", "2026", "--month", "6")
    assert words.code == 0 and "Giao ban" in words.out and "Lê Thị Hoa" in words.out


def test_bad_meeting_input_exits_2(office: Cli) -> None:
    before = office.dump()
    assert office("meetings", "add", "Họp", "--on", "2026-06-10", "--at", "25:99").code == 2
    assert office("meetings", "add", "Họp", "--on", "2026-06-10", "--attendee", "Không Có Ai").code == 2
    assert office("meetings", "add", "Họp", "--on", "2026-06-10", "--category", "party").code == 2
    assert office.dump() == before


def test_export_ics_for_everyone_and_for_one_cadre(office: Cli, tmp_path: Path) -> None:
    assert office("meetings", "add", "Giao ban", "--on", "2026-06-10", "--attendee", "Lê Thị Hoa").code == 0
    everyone = tmp_path / "all.ics"
    result = office("calendar", "export-ics", "--out", str(everyone), "--year", "2026")
    assert result.code == 0, result.err
    parsed = icalendar.Calendar.from_ical(everyone.read_bytes())
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 25
    assert sum(1 for e in events if type(e.start) is date) == 24
    his = tmp_path / "an.ics"
    assert office("calendar", "export-ics", "--out", str(his), "--cadre", "Nguyễn Văn An",
                  "--year", "2026").code == 0
    assert len(list(icalendar.Calendar.from_ical(his.read_bytes()).walk("VEVENT"))) == 24
    nowhere = office("calendar", "export-ics", "--out", str(tmp_path / "no" / "such" / "dir.ics"))
    assert nowhere.code == 2 and nowhere.err


def test_the_installed_command(office: Cli) -> None:
    result = office.process("calendar", "--year", "2026", "--month", "9", "--json")
    assert result.code == 0, result.err
    assert result.json() == {"days": [{"date": "2026-09-09", "moved_from": None, "holiday": None},
                                      {"date": "2026-09-15", "moved_from": None, "holiday": None}]}
