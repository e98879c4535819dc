"""`grassroots settings` and `grassroots rules`: show, change (checked, one transaction), and the rules that read them."""

from __future__ import annotations

import pytest

from tests.cli.support import Cli

PROVINCE = "Tỉnh Cao Bằng"
COMMUNE = f"{PROVINCE} / Xã Quảng Uyên"
HAMLET = f"{COMMUNE} / Xóm Nà Cạn"
GROUP = f"{HAMLET} / Tổ nhân dân tự quản số 1"
GROUP_ROLE = "Cán bộ, đảng viên phụ trách tổ NDTQ"


@pytest.fixture
def office(cli: Cli) -> Cli:
    """A two-level province with a commune, a hamlet, a group and three cadres."""
    steps = [
        ("init", "--model", "two-level"),
        ("units", "add", PROVINCE, "--from", "2025-07-01"),
        ("units", "add", "Xã Quảng Uyên", "--parent", PROVINCE, "--from", "2025-07-01"),
        ("units", "add", "Xóm Nà Cạn", "--parent", COMMUNE, "--from", "2025-07-01", "--kind", "thôn"),
        ("units", "add", "Tổ nhân dân tự quản số 1", "--parent", HAMLET, "--from", "2025-07-01"),
        ("cadres", "add", "Nông Văn Dũng", "--tier", "commune", "--committee"),
        ("cadres", "add", "Hoàng Thị Lan", "--tier", "province", "--party-member"),
        ("cadres", "add", "Lục Văn Tài", "--tier", "province", "--committee"),
    ]
    for step in steps:
        result = cli(*step)
        assert result.code == 0, (step, result.err)
    return cli


def settings(cli: Cli) -> dict:
    """Return the settings as `settings show --json` prints them."""
    result = cli("settings", "show", "--json")
    assert result.code == 0, result.err
    return result.json()["settings"]


def test_settings_show_lists_every_local_rule_with_its_key(office: Cli) -> None:
    assert settings(office) == {
        "min_tenure_months": 12, "workload_threshold": 8, "calendar.days": [9, 15], "calendar.shift": "keep",
        "calendar.allowed": ["provincial_extraordinary"], "calendar.visits_per_quarter": 1,
        "attendance.province.committee": 2, "attendance.district.committee": 6, "attendance.commune.committee": 6,
    }
    lines = office("settings", "show").out.splitlines()
    assert lines[0] == "Các quy định riêng của cơ sở dữ liệu này (mô hình hai cấp):"
    assert any(line.split()[:2] == ["calendar.days", "9,15"] and "Ngày hạn chế họp trong tháng" in line
               for line in lines)


def test_settings_set_changes_one_value_and_says_so(office: Cli) -> None:
    result = office("settings", "set", "calendar.days", "5,20")
    assert (result.code, result.out) == (0, "calendar.days: 9,15 → 5,20\n")
    assert office("settings", "set", "attendance.any.party_member", "3").code == 0
    assert office("settings", "set", "attendance.province.committee", "none").out == \
        "attendance.province.committee: đã bỏ\n"
    values = settings(office)
    assert values["calendar.days"] == [5, 20]
    assert values["attendance.any.party_member"] == 3
    assert "attendance.province.committee" not in values


@pytest.mark.parametrize(("key", "value", "message"), [
    ("min_tenure_months", "200", "Lỗi: Cài đặt min_tenure_months không nhận '200': Thời gian phụ trách tối thiểu "
                                 "phải từ 0 đến 120 tháng."),
    ("calendar.shift", "sau", "Lỗi: calendar.shift không nhận giá trị 'sau'; các giá trị được dùng: keep, next, "
                              "previous."),
    ("calendar.days", "9,x", "Lỗi: Cài đặt calendar.days phải là một số nguyên, không phải 'x'."),
    ("nhiem_ky", "3", "Lỗi: Không có cài đặt 'nhiem_ky'; các cài đặt là: min_tenure_months, workload_threshold, "
                      "calendar.days, calendar.shift, calendar.allowed, calendar.visits_per_quarter, "
                      "attendance.<tier|any>.<membership|any>."),
])
def test_a_bad_value_is_refused_in_vietnamese_naming_the_key_and_nothing_changes(
    office: Cli, key: str, value: str, message: str
) -> None:
    before = office.dump()
    result = office("settings", "set", key, value)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")
    assert office.dump() == before


def test_the_calendar_follows_other_free_days_moved_to_the_next_working_day(office: Cli) -> None:
    assert office("settings", "set", "calendar.days", "5,20").code == 0
    assert office("settings", "set", "calendar.shift", "next").code == 0
    days = office("calendar", "--year", "2026", "--month", "9", "--json").json()["days"]
    assert days == [
        {"date": "2026-09-07", "moved_from": "2026-09-05", "holiday": None},
        {"date": "2026-09-21", "moved_from": "2026-09-20", "holiday": None},
    ]


def test_rules_show_lists_each_role_who_may_hold_it_and_how_many(office: Cli) -> None:
    result = office("rules", "show", "--json")
    assert result.code == 0, result.err
    group = next(rule for rule in result.json() if rule["level"] == "group")
    assert group == {"level": "group", "role": GROUP_ROLE, "tiers": ["commune"], "flags": [],
                     "any_tier_flags": ["party_member"], "minimum": 1,
                     "holders": "một cán bộ cấp xã, hoặc một đảng viên ở bất kỳ cấp nào"}
    assert [rule["level"] for rule in result.json()] == ["cluster", "commune", "hamlet", "group"]
    lines = office("rules", "show").out.splitlines()
    assert f"tổ nhân dân tự quản — {GROUP_ROLE}" in lines
    assert "    Ai được giữ: một cán bộ cấp xã, hoặc một đảng viên ở bất kỳ cấp nào" in lines


def test_a_party_member_of_any_tier_takes_a_group_and_a_refusal_quotes_the_rule(office: Cli) -> None:
    assert office("assign", "Hoàng Thị Lan", GROUP, "--from", "2025-08-01").code == 0
    refused = office("assign", "Lục Văn Tài", GROUP, "--from", "2025-08-01")
    assert refused.code == 2
    assert refused.err == (
        f"Lỗi: Lục Văn Tài không thể giữ vai trò '{GROUP_ROLE}': quy định cho tổ nhân dân tự quản chỉ cho phép "
        "một cán bộ cấp xã, hoặc một đảng viên ở bất kỳ cấp nào (cần ít nhất 1 người). "
        "Lục Văn Tài: cấp tỉnh, cấp ủy viên.\n"
    )


def test_coverage_follows_a_rule_asking_for_two(office: Cli) -> None:
    assert office("assign", "Nông Văn Dũng", GROUP, "--from", "2025-08-01").code == 0
    assert office("rules", "set", "group", GROUP_ROLE.upper(), "--minimum", "2").code == 0
    gaps = office("coverage", "--on", "2026-01-01", "--json").json()["gaps"]
    assert [(gap["path"], gap["required"], gap["assigned"]) for gap in gaps if gap["level"] == "group"] == [
        (GROUP, 2, 1)]


def test_rules_add_set_and_remove(office: Cli) -> None:
    added = office("rules", "add", "hamlet", "Đảng viên hỗ trợ xóm", "--any-tier", "party_member", "--json")
    assert added.code == 0, added.err
    assert office("assign", "Hoàng Thị Lan", HAMLET, "--role", "Đảng viên hỗ trợ xóm", "--from", "2025-08-01").code == 0
    changed = office("rules", "set", "hamlet", "Đảng viên hỗ trợ xóm", "--tiers", "commune", "--minimum", "2", "--json")
    assert {key: changed.json()[key] for key in ("tiers", "any_tier_flags", "minimum")} == {
        "tiers": ["commune"], "any_tier_flags": ["party_member"], "minimum": 2}
    before = office.dump()
    held = office("rules", "remove", "hamlet", "Đảng viên hỗ trợ xóm")
    assert held.code == 2 and "1 cán bộ vẫn đang giữ" in held.err
    assert office.dump() == before
    nobody = office("rules", "set", "hamlet", "Đảng viên hỗ trợ xóm", "--tiers", "none", "--any-tier", "none")
    assert nobody.code == 2 and "không ai có thể giữ" in nobody.err
    wrong = office("rules", "set", "hamlet", "Đảng viên hỗ trợ xóm", "--tiers", "ward")
    assert wrong.err == "Lỗi: --tiers không nhận giá trị 'ward'; các giá trị được dùng: province, district, commune.\n"
    assert office.dump() == before


def test_ending_an_assignment_follows_a_six_month_tenure(office: Cli) -> None:
    assert office("settings", "set", "min_tenure_months", "6").code == 0
    made = office("assign", "Nông Văn Dũng", GROUP, "--from", "2026-01-01", "--json").json()
    early = office("unassign", made["id"], "--on", "2026-06-30")
    assert early.code == 2 and "tối thiểu 6 tháng" in early.err
    assert office("unassign", made["id"], "--on", "2026-07-01").code == 0


def test_attendance_follows_the_targets_set(office: Cli) -> None:
    assert office("settings", "set", "attendance.any.party_member", "3").code == 0
    assert office("settings", "set", "attendance.commune.committee", "1").code == 0
    rows = office("attendance", "--year", "2026", "--json").json()["cadres"]
    assert sorted((row["name"], row["target"]) for row in rows) == [
        ("Hoàng Thị Lan", 3), ("Lục Văn Tài", 2), ("Nông Văn Dũng", 1)]
