"""The command line through its entry point: happy paths, JSON output, and bad input."""

from __future__ import annotations

import pytest

from tests.cli.support import Cli


@pytest.fixture
def commune(cli: Cli) -> Cli:
    """A two-level database with a province, a commune and a hamlet."""
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    assert cli("units", "add", "Xã Long Hồ", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01",
               "--code", "29000").code == 0
    assert cli("units", "add", "Ấp 1", "--parent", "Tỉnh Vĩnh Long / Xã Long Hồ", "--from", "2025-07-01").code == 0
    return cli


def test_init_prints_vietnamese(cli: Cli) -> None:
    result = cli("init", "--model", "three-level")
    assert result.code == 0
    assert "ba cấp" in result.out


def test_unit_path_is_matched_ignoring_case_and_accents(commune: Cli) -> None:
    result = commune("units", "list", "--under", "tinh vinh long / XA LONG HO", "--json")
    assert result.code == 0
    assert [row["name"] for row in result.json()] == ["Ấp 1"]


def test_unit_found_by_official_code(commune: Cli) -> None:
    result = commune("units", "list", "--under", "29000", "--json")
    assert [row["kind"] for row in result.json()] == ["ấp"]


def test_assign_and_coverage_json(commune: Cli) -> None:
    cadre = commune("cadres", "add", "Trần Văn Hùng", "--tier", "commune", "--json").json()
    assigned = commune("assign", cadre["id"], "Tỉnh Vĩnh Long/Xã Long Hồ/Ấp 1", "--from", "2025-08-01",
                       "--decision", "12-QĐ/ĐU", "--json")
    assert assigned.code == 0, assigned.err
    report = commune("coverage", "--on", "2025-09-01", "--json").json()
    assert set(report) == {"on", "levels", "gaps", "workload"}
    assert report["on"] == "2025-09-01"
    assert report["levels"]["hamlet"] == {"total": 1, "covered": 1}
    assert report["levels"]["commune"] == {"total": 1, "covered": 0}
    gap = report["gaps"][0]
    assert set(gap) == {"unit_id", "path", "level", "role", "required", "assigned"}
    assert (gap["path"], gap["level"], gap["required"], gap["assigned"]) == (
        "Tỉnh Vĩnh Long / Xã Long Hồ", "commune", 1, 0)
    assert report["workload"][0]["name"] == "Trần Văn Hùng"
    assert report["workload"][0]["targets"] == 1
    before = commune("coverage", "--on", "2025-07-15", "--json").json()
    assert before["levels"]["hamlet"]["covered"] == 0


def test_unassign_before_tenure_needs_reason(commune: Cli) -> None:
    cadre = commune("cadres", "add", "Trần Văn Hùng", "--tier", "commune", "--json").json()
    made = commune("assign", cadre["id"], "Tỉnh Vĩnh Long/Xã Long Hồ/Ấp 1", "--from", "2025-08-01",
                   "--json").json()
    refused = commune("unassign", made["id"], "--on", "2025-10-01")
    assert refused.code == 2
    assert "lý do" in refused.err
    accepted = commune("unassign", made["id"], "--on", "2025-10-01", "--reason", "Chuyển công tác")
    assert accepted.code == 0, accepted.err


def test_move_close_merge(commune: Cli) -> None:
    assert commune("units", "add", "Xã Tân Hạnh", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    moved = commune("units", "move", "Tỉnh Vĩnh Long/Xã Long Hồ/Ấp 1", "--to", "Tỉnh Vĩnh Long/Xã Tân Hạnh",
                    "--on", "2025-10-01")
    assert moved.code == 0, moved.err
    old = commune("units", "list", "--under", "Tỉnh Vĩnh Long/Xã Long Hồ", "--on", "2025-09-01", "--json")
    assert [row["name"] for row in old.json()] == ["Ấp 1"]
    merged = commune("units", "merge", "Tỉnh Vĩnh Long/Xã Tân Hạnh", "--into", "Tỉnh Vĩnh Long/Xã Long Hồ",
                     "--on", "2025-12-01")
    assert merged.code == 0, merged.err
    now = commune("units", "list", "--under", "Tỉnh Vĩnh Long/Xã Long Hồ", "--json").json()
    assert [row["name"] for row in now] == ["Ấp 1"]
    closed = commune("units", "close", "Tỉnh Vĩnh Long/Xã Long Hồ/Ấp 1", "--on", "2026-01-01")
    assert closed.code == 0, closed.err
    assert commune("units", "list", "--under", "Tỉnh Vĩnh Long/Xã Long Hồ", "--json").json() == []


def test_clusters(commune: Cli) -> None:
    made = commune("clusters", "add", "Cụm 1", "--under", "Tỉnh Vĩnh Long", "--from", "2025-07-01", "--json")
    assert made.code == 0, made.err
    members = commune("clusters", "members", "cụm 1", "--add", "29000", "--on", "2025-07-01", "--json").json()
    assert [m["path"] for m in members["members"]] == ["Tỉnh Vĩnh Long / Xã Long Hồ"]
    listed = commune("clusters", "list", "--json").json()
    assert listed[0]["parent"] == "Tỉnh Vĩnh Long"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("units", "add", "Ấp 2", "--parent", "Tỉnh Không Có"), "Không tìm thấy"),
        (("units", "add", "ấp 1", "--parent", "Tỉnh Vĩnh Long/Xã Long Hồ"), "đã có một đơn vị khác tên"),
        (("units", "add", "Ấp 3", "--parent", "29000", "--from", "31/02/2026"), "không phải là ngày"),
        (("units", "add", "Ấp 3", "--parent", "29000", "--households", "-5"), "không thể âm"),
        (("units", "add", "Ấp 3", "--parent", "29000", "--kind", "phường"), "không phải là loại"),
        (("units", "move", "29000", "--to", "Tỉnh Không Có", "--on", "2025-09-01"), "Không tìm thấy"),
        (("units", "move", "29000", "--to", "29000", "--on", "2025-09-01"), "phải là cấp tỉnh"),
        (("cadres", "add", "Lê Văn Tám", "--tier", "commune", "--birth-year", "1800"), "không hợp lý"),
        (("coverage", "--under", "Tỉnh Không Có"), "Không tìm thấy"),
        (("coverage", "--on", "2025-13-01"), "không phải là ngày"),
        (("units", "frobnicate"), "Lệnh không hợp lệ"),
        (("init", "--model", "four-level"), "Lệnh không hợp lệ"),
        (("init", "--model", "two-level"), "đã được thiết lập"),
    ],
)
def test_bad_input_exits_2_with_vietnamese_message_and_writes_nothing(
    commune: Cli, args: tuple[str, ...], words: str
) -> None:
    before = commune.dump()
    result = commune(*args)
    assert result.code == 2
    assert words in result.err, result.err
    assert "Traceback" not in result.err
    assert commune.dump() == before


def test_import_official_twice_adds_nothing(cli: Cli) -> None:
    assert cli("init", "--model", "two-level").code == 0
    first = cli("units", "import-official", "--province", "Nghệ An", "--json").json()
    assert first["added"] == 131
    provinces = cli("units", "list", "--json").json()
    assert [(p["name"], p["code"]) for p in provinces] == [("Tỉnh Nghệ An", "40")]
    communes = cli("units", "list", "--under", "40", "--json").json()
    assert len(communes) == 130
    assert all(len(c["code"]) == 5 for c in communes)
    before = cli.dump()
    second = cli("units", "import-official", "--province", "nghe an", "--json").json()
    assert (second["added"], second["matched"]) == (0, 130)
    assert cli.dump() == before


def test_installed_script_runs_as_a_process(cli: Cli) -> None:
    assert cli.process("init", "--model", "two-level").code == 0
    refused = cli.process("units", "add", "Ấp 9", "--parent", "Tỉnh Không Có")
    assert refused.code == 2
    assert "Không tìm thấy đơn vị 'Tỉnh Không Có'" in refused.err
    assert refused.out == ""


def test_demo_then_coverage_shows_exactly_the_deliberate_gaps(cli: Cli) -> None:
    built = cli("demo", "--json")
    assert built.code == 0, built.err
    demo = built.json()
    assert demo["counts"]["commune"] >= 12
    report = cli("coverage", "--on", "2026-09-30", "--json").json()
    found = {(gap["unit_id"], gap["level"], gap["role"]) for gap in report["gaps"]}
    assert found == {(gap["unit_id"], gap["level"], gap["role"]) for gap in demo["deliberate_gaps"]}
    assert all(gap["path"].startswith("Tỉnh ") and gap["assigned"] < gap["required"] for gap in report["gaps"])
    levels = report["levels"]
    for level in ("commune", "hamlet", "group"):
        expected_gaps = sum(1 for gap in demo["deliberate_gaps"] if gap["level"] == level)
        assert levels[level]["total"] - levels[level]["covered"] == expected_gaps
    assert any(row["overloaded"] for row in report["workload"])


def test_demo_summary_is_in_vietnamese(cli: Cli) -> None:
    built = cli("demo", "--model", "three-level")
    assert built.code == 0, built.err
    assert "Đã tạo dữ liệu mẫu" in built.out
    assert "ấp/thôn" in built.out and "cán bộ" in built.out
