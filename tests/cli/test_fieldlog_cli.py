"""The field-log commands: activities, attendance, recommendations and ratings, their JSON, and bad input."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import plans
from tests.cli.support import Cli

LONG_HO = "Tỉnh Vĩnh Long / Xã Long Hồ"
AP_1 = f"{LONG_HO} / Ấp 1"
AP_2 = f"{LONG_HO} / Ấp 2"


@pytest.fixture
def office(cli: Cli) -> Cli:
    """A two-level province with a commune in a cluster, two hamlets, and two cadres in charge."""
    steps = [
        ("init", "--model", "two-level"),
        ("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01"),
        ("units", "add", "Xã Long Hồ", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01", "--code", "29000"),
        ("units", "add", "Ấp 1", "--parent", LONG_HO, "--from", "2025-07-01"),
        ("units", "add", "Ấp 2", "--parent", LONG_HO, "--from", "2025-07-01"),
        ("clusters", "add", "Cụm Bắc", "--under", "Tỉnh Vĩnh Long", "--from", "2025-07-01"),
        ("clusters", "members", "Cụm Bắc", "--add", "29000", "--on", "2025-07-01"),
        ("cadres", "add", "Trần Văn Hùng", "--tier", "province", "--committee"),
        ("cadres", "add", "Lê Thị Mai", "--tier", "commune", "--party-member"),
        ("assign", "Trần Văn Hùng", LONG_HO, "--from", "2025-08-01"),
        ("assign", "Lê Thị Mai", AP_1, "--from", "2025-08-01"),
    ]
    for step in steps:
        result = cli(*step)
        assert result.code == 0, (step, result.err)
    return cli


def add_activity(cli: Cli, *extra: str) -> dict:
    """Record an activity of Lê Thị Mai at Ấp 1 (the fields can be overridden) and return its JSON."""
    result = cli("log", "add", "--cadre", "Lê Thị Mai", "--target", AP_1, "--kind", "household_visit",
                 "--date", "2026-03-04", *extra, "--json")
    assert result.code == 0, result.err
    return result.json()


def raise_one(cli: Cli, *extra: str) -> dict:
    """Record a land recommendation at Ấp 1 and return its JSON."""
    result = cli("recommendations", "add", "--unit", AP_1, "--date", "2026-03-04", "--cadre", "Lê Thị Mai",
                 "--field", "land", "--content", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", *extra, "--json")
    assert result.code == 0, result.err
    return result.json()


def test_log_add_and_list_with_filters(office: Cli) -> None:
    made = add_activity(office, "--minutes", "90", "--notes", "Thăm 5 hộ")
    assert {key: made[key] for key in ("date", "cadre", "kind", "target", "path", "duration_minutes", "notes")} == {
        "date": "2026-03-04", "cadre": "Lê Thị Mai", "kind": "household_visit", "target": "Ấp 1",
        "path": "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1", "duration_minutes": 90, "notes": "Thăm 5 hộ",
    }
    assert made["planned"] is False and made["visit_id"] is None
    meeting = office("log", "add", "--cadre", "Trần Văn Hùng", "--target", LONG_HO, "--kind", "committee_meeting",
                     "--date", "05/03/2026", "--minutes", "120")
    assert meeting.code == 0, meeting.err
    assert "Trần Văn Hùng" in meeting.out and "Xã Long Hồ" in meeting.out

    def ids(*filters: str) -> list[str]:
        return [row["kind"] for row in office("log", "list", *filters, "--json").json()]

    assert ids() == ["committee_meeting", "household_visit"]
    assert ids("--unit", AP_1) == ["household_visit"]
    assert ids("--cluster", "Cụm Bắc") == ["committee_meeting", "household_visit"]
    assert ids("--cadre", "Trần Văn Hùng") == ["committee_meeting"]
    assert ids("--kind", "household_visit") == ["household_visit"]
    assert ids("--from", "2026-03-05") == ["committee_meeting"]
    assert ids("--to", "2026-03-04") == ["household_visit"]
    assert ids("--from", "2026-03-06") == []
    words = office("log", "list", "--limit", "1")
    assert words.code == 0 and words.out.count("\n") == 1 and "Xã Long Hồ" in words.out


def test_an_activity_on_a_planned_day_is_linked_to_its_visit(office: Cli) -> None:
    database = Database.open(str(office.db))
    try:
        with UnitOfWork(database) as uow:
            cadre = uow.cadres.named("Lê Thị Mai")[0]
            hamlet = uow.assignments.for_cadre(cadre.id)[0].target_id
            visit = plans.add_visit(uow, date(2026, 6, 9), cadre.id, hamlet)
    finally:
        database.close()
    made = add_activity(office, "--date", "2026-06-09")
    assert made["planned"] is True and made["visit_id"] == visit.id
    assert "kế hoạch" in office("log", "list").out


def test_attendance_against_the_target_for_the_year_and_a_quarter(office: Cli) -> None:
    for day in ("2026-02-03", "2026-05-05"):
        assert office("log", "add", "--cadre", "Trần Văn Hùng", "--target", AP_2, "--kind", "cell_meeting",
                      "--date", day).code == 0
    year = office("attendance", "--year", "2026", "--json").json()
    assert set(year) == {"year", "cadres"}
    [hung] = year["cadres"]
    assert (hung["name"], hung["tier"], hung["attended"], hung["target"], hung["met"]) == (
        "Trần Văn Hùng", "province", 2, 2, True)
    quarter = office("attendance", "--year", "2026", "--quarter", "3", "--json").json()
    assert quarter["quarter"] == 3
    assert [(row["attended"], row["target"], row["met"]) for row in quarter["cadres"]] == [(0, 1, False)]
    words = office("attendance", "--year", "2026", "--quarter", "3")
    assert words.code == 0 and "Trần Văn Hùng" in words.out and "0/1" in words.out


def test_a_recommendation_forwarded_answered_and_closed_keeps_its_history(office: Cli) -> None:
    made = raise_one(office, "--due", "2026-04-03")
    assert (made["status"], made["field"], made["due"], made["path"]) == ("open", "land", "2026-04-03", AP_1)
    rec = made["id"]
    overdue = office("recommendations", "list", "--overdue", "--on", "2026-04-10", "--json").json()
    assert [row["id"] for row in overdue] == [rec] and overdue[0]["overdue"] is True
    assert office("recommendations", "list", "--overdue", "--on", "2026-04-01", "--json").json() == []
    steps = [
        ("forward", "--date", "2026-03-10", "--body", "UBND xã Long Hồ", "--note", "Kèm biên bản"),
        ("answer", "--date", "2026-04-20", "--answer", "Hồ sơ đủ điều kiện, cấp giấy trong tháng 5."),
        ("close", "--date", "2026-04-25"),
    ]
    for name, *rest in steps:
        result = office("recommendations", name, rec, *rest)
        assert result.code == 0, result.err
    closed = office("recommendations", "list", "--status", "closed", "--unit", LONG_HO, "--json").json()
    assert [(row["id"], row["forwarded_to"], row["answered_on"]) for row in closed] == [
        (rec, "UBND xã Long Hồ", "2026-04-20")]
    history = office("recommendations", "history", rec, "--json").json()
    assert history["recommendation"]["status"] == "closed"
    assert history["history"] == [
        {"date": "2026-03-04", "from": None, "to": "open", "note": ""},
        {"date": "2026-03-10", "from": "open", "to": "forwarded", "note": "Kèm biên bản"},
        {"date": "2026-04-20", "from": "forwarded", "to": "answered", "note": ""},
        {"date": "2026-04-25", "from": "answered", "to": "closed", "note": ""},
    ]
    words = office("recommendations", "history", rec)
    assert words.code == 0 and "UBND xã Long Hồ" in words.out and "Kèm biên bản" in words.out


def test_a_recommendation_resolved_at_the_base_and_the_list_filters(office: Cli) -> None:
    first = raise_one(office)["id"]
    second = raise_one(office, "--due", "2026-03-31")["id"]
    assert office("recommendations", "resolve", first, "--date", "2026-03-06", "--note", "Đã hòa giải").code == 0

    def listed(*filters: str) -> set[str]:
        return {row["id"] for row in office("recommendations", "list", *filters, "--json").json()}

    assert listed("--status", "resolved") == {first}
    assert listed("--status", "open", "--cadre", "Lê Thị Mai") == {second}
    assert listed("--cluster", "Cụm Bắc", "--from", "2026-03-04", "--to", "2026-03-04") == {first, second}
    assert listed("--unit", AP_2) == set()
    assert listed("--to", "2026-03-03") == set()
    words = office("recommendations", "list", "--status", "open")
    assert words.code == 0 and "Đề nghị cấp giấy chứng nhận" in words.out


def test_ratings_set_and_summary(office: Cli) -> None:
    rated = office("ratings", "set", "--unit", LONG_HO, "--year", "2025", "--grade", "good", "--score", "85,5",
                   "--note", "Khá", "--json")
    assert rated.code == 0, rated.err
    assert {key: rated.json()[key] for key in ("path", "year", "quarter", "grade", "score", "note")} == {
        "path": LONG_HO, "year": 2025, "quarter": None, "grade": "good", "score": 85.5, "note": "Khá",
    }
    assert office("ratings", "set", "--unit", AP_1, "--year", "2025", "--score", "92").code == 0
    assert office("ratings", "set", "--unit", AP_2, "--year", "2025", "--grade", "completed").code == 0
    assert office("ratings", "set", "--unit", AP_2, "--year", "2026", "--quarter", "1", "--grade", "good").code == 0

    def shares(count: int, total: int) -> dict[str, float | int]:
        return {"count": count, "share": round(count / total, 4)}

    summary = office("ratings", "summary", "--year", "2025", "--json").json()
    assert summary == {
        "year": 2025,
        "levels": {
            "commune": {"total": 1, "excellent": shares(0, 1), "good": shares(1, 1), "completed": shares(0, 1),
                        "not_completed": shares(0, 1)},
            "hamlet": {"total": 2, "excellent": shares(1, 2), "good": shares(0, 2), "completed": shares(1, 2),
                       "not_completed": shares(0, 2)},
        },
    }
    under = office("ratings", "summary", "--year", "2025", "--under", AP_1, "--json").json()
    assert under["levels"] == {"hamlet": {"total": 1, "excellent": shares(1, 1), "good": shares(0, 1),
                                          "completed": shares(0, 1), "not_completed": shares(0, 1)}}
    quarter = office("ratings", "summary", "--year", "2026", "--quarter", "1", "--json").json()
    assert (quarter["quarter"], quarter["levels"]["hamlet"]["good"]) == (1, shares(1, 1))
    words = office("ratings", "summary", "--year", "2025")
    assert words.code == 0
    assert "1/2 = 50,00 %" in words.out and "Hoàn thành xuất sắc nhiệm vụ" in words.out


def test_the_demo_is_rated_in_full_for_2025(cli: Cli) -> None:
    built = cli("demo", "--json")
    assert built.code == 0, built.err
    counts = built.json()["counts"]
    assert min(counts[key] for key in ("activity", "base_visit", "recommendation", "rating")) > 0
    summary = cli("ratings", "summary", "--year", "2025", "--json").json()
    assert set(summary["levels"]) == {"commune", "hamlet"}
    for level in ("commune", "hamlet"):
        figures = summary["levels"][level]
        assert figures["total"] == counts[level]
        assert sum(figures[grade]["count"] for grade in ("excellent", "good", "completed", "not_completed")) == (
            counts[level])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("log", "add", "--cadre", "Không Có Ai", "--target", AP_1, "--kind", "other", "--date", "2026-03-04"),
         "Không tìm thấy cán bộ nào tên 'Không Có Ai'"),
        (("log", "add", "--cadre", "Lê Thị Mai", "--target", AP_1, "--kind", "other", "--date", "2026-02-30"),
         "'2026-02-30' không phải là ngày"),
        (("log", "add", "--cadre", "Lê Thị Mai", "--target", AP_1, "--kind", "party", "--date", "2026-03-04"),
         "--kind: lựa chọn không hợp lệ: 'party'"),
        (("log", "add", "--cadre", "Lê Thị Mai", "--target", "Tỉnh Không Có", "--kind", "other", "--date",
          "2026-03-04"), "'Tỉnh Không Có'"),
        (("log", "list", "--unit", "Tỉnh Không Có"), "Không tìm thấy đơn vị 'Tỉnh Không Có'"),
        (("attendance", "--year", "2026", "--quarter", "5"), "Quý phải từ 1 đến 4"),
        (("recommendations", "add", "--unit", AP_1, "--date", "2026-03-04", "--cadre", "Lê Thị Mai", "--field",
          "roads", "--content", "Đường hư"), "--field: lựa chọn không hợp lệ: 'roads'"),
        (("recommendations", "close", "{rec}", "--date", "2026-03-05"),
         "không thể chuyển sang 'đã kết thúc'"),
        (("recommendations", "forward", "{rec}", "--date", "2026-03-05"), "Hãy ghi tên cơ quan"),
        (("recommendations", "resolve", "{rec}", "--date", "2026-03-01"), "04/03/2026"),
        (("recommendations", "list", "--status", "pending"), "--status: lựa chọn không hợp lệ: 'pending'"),
        (("recommendations", "history", "no-such-id"), "no-such-id"),
        (("ratings", "set", "--unit", AP_1, "--year", "2025", "--grade", "excellent", "--score", "85"),
         "Số điểm 85 ứng với mức 'Hoàn thành tốt nhiệm vụ', không phải 'Hoàn thành xuất sắc nhiệm vụ'"),
        (("ratings", "set", "--unit", AP_1, "--year", "2025"), "Hãy nhập mức xếp loại, số điểm"),
        (("ratings", "set", "--unit", AP_1, "--year", "2025", "--score", "tám mươi"), "'tám mươi'"),
        (("ratings", "set", "--unit", "Tỉnh Vĩnh Long", "--year", "2025", "--grade", "good"), "Chỉ đánh giá"),
        (("ratings", "summary", "--year", "2025", "--under", "Tỉnh Không Có"), "Không tìm thấy đơn vị"),
    ],
)
def test_bad_input_exits_2_names_the_problem_and_writes_nothing(
    office: Cli, args: tuple[str, ...], words: str
) -> None:
    rec = raise_one(office)["id"]
    before = office.dump()
    result = office(*(arg.format(rec=rec) for arg in args))
    assert result.code == 2
    assert words in result.err, result.err
    assert "Traceback" not in result.err and result.out == ""
    assert office.dump() == before


def test_the_installed_command_prints_the_summary_json(office: Cli) -> None:
    assert office("ratings", "set", "--unit", AP_1, "--year", "2025", "--score", "72").code == 0
    result = office.process("ratings", "summary", "--year", "2025", "--json")
    assert result.code == 0, result.err
    assert result.json()["levels"]["hamlet"]["good"] == {"count": 1, "share": 1.0}


def test_the_summary_counts_the_excellent_and_the_good_as_well_or_better(office: Cli) -> None:
    for unit, grade in ((AP_1, "excellent"), (AP_2, "good"), (LONG_HO, "completed")):
        assert office("ratings", "set", "--unit", unit, "--year", "2025", "--grade", grade).code == 0
    words = office("ratings", "summary", "--year", "2025")
    lines = [line.split() for line in words.out.splitlines() if "Hoàn thành tốt nhiệm vụ trở lên" in line]
    assert [line[-4:] for line in lines] == [["0/1", "=", "0,00", "%"], ["2/2", "=", "100,00", "%"]]
