"""The everyday verbs: list and correct assignments, edit units and cadres, dates never silently today."""

from __future__ import annotations

import random
from datetime import date

import pytest

from tests.cli.support import Cli

COMMUNE = "Tỉnh Cao Bằng / Xã Hòa An"
HAMLET = f"{COMMUNE} / Bản Nà Pò"


@pytest.fixture
def office(cli: Cli) -> Cli:
    """A two-level database: a province with a cluster, a commune, a hamlet and its group, three cadres."""
    for command in (
        ("init", "--model", "two-level"),
        ("units", "add", "Tỉnh Cao Bằng", "--from", "2025-07-01"),
        ("units", "add", "Xã Hòa An", "--parent", "Tỉnh Cao Bằng", "--from", "2025-07-01", "--code", "04001"),
        ("units", "add", "Xã Nguyên Bình", "--parent", "Tỉnh Cao Bằng", "--from", "2025-07-01"),
        ("units", "add", "Bản Nà Pò", "--parent", COMMUNE, "--from", "2025-07-01"),
        ("units", "add", "Tổ Khuổi Ký", "--parent", HAMLET, "--from", "2025-07-01"),
        ("clusters", "add", "Cụm 1", "--under", "Tỉnh Cao Bằng", "--from", "2025-07-01"),
        ("clusters", "members", "Cụm 1", "--add", "04001", "--on", "2025-07-01"),
        ("cadres", "add", "Nông Văn Dũng", "--tier", "commune", "--party-member"),
        ("cadres", "add", "Hoàng Thị Mai", "--tier", "commune", "--party-member"),
        ("cadres", "add", "Lục Văn Sơn", "--tier", "province", "--committee"),
        ("assign", "Nông Văn Dũng", HAMLET, "--from", "2025-08-01", "--decision", "12-QĐ/ĐU",
         "--decision-date", "2025-07-30"),
        ("assign", "Hoàng Thị Mai", f"{HAMLET} / Tổ Khuổi Ký", "--from", "2025-08-01"),
        ("assign", "Lục Văn Sơn", "Tỉnh Cao Bằng / Xã Nguyên Bình", "--from", "2025-08-01"),
    ):
        result = cli(*command)
        assert result.code == 0, (command, result.err)
    return cli


def listed(cli: Cli, *args: str) -> list[dict[str, object]]:
    result = cli("assignments", "list", *args, "--json")
    assert result.code == 0, result.err
    return result.json()


def test_assignments_list_shows_what_unassign_needs(office: Cli) -> None:
    result = office("assignments", "list", "--on", "2025-09-01")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Phân công đang chạy ngày 01/09/2025: 3"
    rows = listed(office, "--on", "2025-09-01")
    assert [row["path"] for row in rows] == [
        f"{HAMLET}", f"{HAMLET} / Tổ Khuổi Ký", "Tỉnh Cao Bằng / Xã Nguyên Bình"]
    first = rows[0]
    assert (first["cadre"], first["from"], first["until"], first["decision"]) == (
        "Nông Văn Dũng", "2025-08-01", None, {"number": "12-QĐ/ĐU", "date": "2025-07-30"})
    assert lines[1] == (f"  {HAMLET}  Nông Văn Dũng  {first['role']}  từ 01/08/2025  "
                        f"quyết định 12-QĐ/ĐU ngày 30/07/2025  {first['id']}")
    assert "chưa ghi quyết định" in lines[2]
    ended = office("unassign", str(first["id"]), "--on", "2026-09-01")
    assert ended.code == 0, ended.err


def test_assignments_list_filters(office: Cli) -> None:
    day = ("--on", "2025-09-01")
    assert [row["cadre"] for row in listed(office, *day, "--under", HAMLET)] == ["Nông Văn Dũng", "Hoàng Thị Mai"]
    assert [row["cadre"] for row in listed(office, *day, "--under", "Tỉnh Cao Bằng / Xã Nguyên Bình")] == [
        "Lục Văn Sơn"]
    assert [row["cadre"] for row in listed(office, *day, "--cadre", "hoang thi mai")] == ["Hoàng Thị Mai"]
    in_cluster = listed(office, *day, "--cluster", "Cụm 1")
    assert [row["cadre"] for row in in_cluster] == ["Nông Văn Dũng", "Hoàng Thị Mai"]
    assert listed(office, "--on", "2025-07-15") == []


def test_ended_assignments_only_with_all(office: Cli) -> None:
    mai = listed(office, "--on", "2025-09-01", "--cadre", "Hoàng Thị Mai")[0]
    assert office("unassign", str(mai["id"]), "--on", "2026-09-01").code == 0
    assert "Hoàng Thị Mai" not in [row["cadre"] for row in listed(office, "--on", "2026-10-01")]
    every = listed(office, "--all")
    assert [(row["cadre"], row["until"]) for row in every if row["cadre"] == "Hoàng Thị Mai"] == [
        ("Hoàng Thị Mai", "2026-09-01")]
    assert len(every) == 3
    refused = office("assignments", "list", "--all", "--on", "2026-01-01")
    assert refused.code == 2
    assert "không được dùng cùng" in refused.err


def test_assignment_edit_adds_the_decision_later(office: Cli) -> None:
    mai = listed(office, "--on", "2025-09-01", "--cadre", "Hoàng Thị Mai")[0]
    edited = office("assignments", "edit", str(mai["id"]), "--decision", "15-QĐ/ĐU", "--decision-date",
                    "2025-08-05", "--from", "2025-08-05")
    assert edited.code == 0, edited.err
    assert "quyết định 15-QĐ/ĐU ngày 05/08/2025" in edited.out
    again = listed(office, "--on", "2025-09-01", "--cadre", "Hoàng Thị Mai")[0]
    assert (again["id"], again["from"], again["decision"]) == (
        mai["id"], "2025-08-05", {"number": "15-QĐ/ĐU", "date": "2025-08-05"})


@pytest.mark.parametrize(("args", "words"), [
    ((), "Không có gì để sửa"),
    (("--from", "2025-06-01"), "không tồn tại vào ngày 01/06/2025"),
    (("--from", "31/02/2026"), "không phải là ngày"),
    (("--until", "2025-09-01"), "chưa kết thúc"),
])
def test_assignment_edit_refuses_bad_input_and_changes_nothing(office: Cli, args: tuple[str, ...], words: str) -> None:
    mai = listed(office, "--on", "2025-09-01", "--cadre", "Hoàng Thị Mai")[0]
    before = office.dump()
    refused = office("assignments", "edit", str(mai["id"]), *args)
    assert refused.code == 2
    assert words in refused.err, refused.err
    assert office.dump() == before


def test_unit_edit(office: Cli) -> None:
    edited = office("units", "edit", HAMLET, "--name", "Bản Nà Pò Mới", "--kind", "thôn", "--households", "54",
                    "--remote", "--json")
    assert edited.code == 0, edited.err
    data = edited.json()
    assert (data["path"], data["kind"], data["households"], data["remote"], data["code"]) == (
        f"{COMMUNE} / Bản Nà Pò Mới", "thôn", 54, True, None)
    listed_units = office("units", "list", "--under", COMMUNE, "--json").json()
    assert [(row["name"], row["kind"]) for row in listed_units] == [("Bản Nà Pò Mới", "thôn")]


@pytest.mark.parametrize(("args", "words"), [
    ((HAMLET,), "Không có gì để sửa"),
    ((HAMLET, "--kind", "phường"), "không phải là loại"),
    ((HAMLET, "--households", "-3"), "không thể âm"),
    (("Tỉnh Cao Bằng / Xã Nguyên Bình", "--name", "xã hòa an"), "đã có một đơn vị khác tên"),
    (("Tỉnh Cao Bằng / Xã Nguyên Bình", "--code", "04001"), "04001"),
    (("Tỉnh Không Có", "--name", "X"), "Không tìm thấy"),
])
def test_unit_edit_refuses_bad_input_and_changes_nothing(office: Cli, args: tuple[str, ...], words: str) -> None:
    before = office.dump()
    refused = office("units", "edit", *args)
    assert refused.code == 2
    assert words in refused.err, refused.err
    assert office.dump() == before


def test_cadre_edit(office: Cli) -> None:
    edited = office("cadres", "edit", "Hoàng Thị Mai", "--position", "Bí thư chi bộ", "--gender", "female",
                    "--no-party-member", "--committee", "--json")
    assert edited.code == 0, edited.err
    row = next(c for c in office("cadres", "list", "--json").json() if c["name"] == "Hoàng Thị Mai")
    assert (row["position"], row["status"]) == ("Bí thư chi bộ", "active")


@pytest.mark.parametrize(("args", "words"), [
    (("Hoàng Thị Mai",), "Không có gì để sửa"),
    (("Hoàng Thị Mai", "--status", "left"), "--on"),
    (("Hoàng Thị Mai", "--status", "left", "--on", "2025-07-01"), "01/08/2025"),
    (("Hoàng Thị Mai", "--birth-year", "1800"), "không hợp lý"),
    (("Hoàng Thị Mai", "--name", "  "), "Tên"),
    (("Không Ai", "--position", "X"), "Không tìm thấy cán bộ nào"),
])
def test_cadre_edit_refuses_bad_input_and_changes_nothing(office: Cli, args: tuple[str, ...], words: str) -> None:
    before = office.dump()
    refused = office("cadres", "edit", *args)
    assert refused.code == 2
    assert words in refused.err, refused.err
    assert office.dump() == before


def test_a_cadre_who_leaves_has_the_ended_assignments_printed(office: Cli) -> None:
    left = office("cadres", "edit", "Nông Văn Dũng", "--status", "left", "--on", "2026-03-01",
                  "--reason", "Nghỉ hưu")
    assert left.code == 0, left.err
    lines = left.out.splitlines()
    assert lines[1] == "Nghỉ công tác từ 01/03/2026; 1 phân công kết thúc ngày đó:"
    assert lines[2].startswith(f"  {HAMLET}  ")
    every = listed(office, "--all", "--cadre", "Nông Văn Dũng")
    assert [(row["until"], row["end_reason"]) for row in every] == [("2026-03-01", "Nghỉ hưu")]


def test_assign_requires_its_first_day(office: Cli) -> None:
    before = office.dump()
    refused = office("assign", "Hoàng Thị Mai", HAMLET)
    assert refused.code == 2
    assert "--from" in refused.err
    assert office.dump() == before


def test_a_unit_added_without_its_first_day_says_which_day_it_got(office: Cli) -> None:
    added = office("units", "add", "Bản Mới", "--parent", COMMUNE)
    assert added.code == 0, added.err
    today = date.today().strftime("%d/%m/%Y")
    assert f"hôm nay, {today}" in added.out
    assert "--from" in added.out
    closed = office("units", "close", f"{COMMUNE} / Bản Nà Pò / Tổ Khuổi Ký", "--on", "2026-12-31")
    assert "--on" not in closed.out


def test_coverage_text_sorts_gaps_by_path_and_says_what_it_leaves_out(office: Cli) -> None:
    numbers = list(range(1, 61))
    random.Random(4).shuffle(numbers)
    for number in numbers:
        assert office("units", "add", f"Thôn {number}", "--parent", "Tỉnh Cao Bằng / Xã Nguyên Bình",
                      "--from", "2025-07-01").code == 0
    text = office("coverage", "--on", "2025-09-01").out.splitlines()
    gaps = [line for line in text if line.startswith("  Tỉnh Cao Bằng")]
    every = office("coverage", "--on", "2025-09-01", "--all").out.splitlines()
    every_gaps = [line for line in every if line.startswith("  Tỉnh Cao Bằng")]
    total = len(every_gaps)
    assert total > 60
    assert gaps == every_gaps[:50]
    assert f"  … và {total - 50} mục khác (dùng --all để xem tất cả)" in text
    assert not any(line.startswith("  … và") for line in every)
    hamlets = [line.split(" / ")[2].split(" — ")[0] for line in every_gaps if "Xã Nguyên Bình / Thôn" in line]
    assert hamlets == [f"Thôn {number}" for number in range(1, 61)]
    paths = [gap["path"] for gap in office("coverage", "--on", "2025-09-01", "--json").json()["gaps"]]
    assert [line.split(" — ")[0].strip() for line in every_gaps] == paths


def test_units_find_matches_a_word_inside_the_name_at_every_level(office: Cli) -> None:
    found = office("units", "find", "khuoi", "--json")
    assert found.code == 0, found.err
    assert [hit["path"] for hit in found.json()] == [f"{HAMLET} / Tổ Khuổi Ký"]
    text = office("units", "find", "NÀ PÒ").out.splitlines()
    assert text[0].startswith(f"{HAMLET}  (ấp/thôn)  ")
    assert office("units", "find", "zzz").out.strip() == "Không tìm thấy đơn vị nào"


def test_units_find_says_when_it_shows_only_the_first_fifty(office: Cli) -> None:
    for number in range(1, 53):
        assert office("units", "add", f"Tổ Khuổi {number}", "--parent", HAMLET, "--from", "2025-07-01").code == 0
    cut = office("units", "find", "khuoi").out.splitlines()
    assert len(cut) == 51 and cut[-1] == "  … và còn nữa (dùng --all để xem tất cả)"
    assert len(office("units", "find", "khuoi", "--all").out.splitlines()) == 53
