"""The command line under bad values: one write per command, no traceback, no silent default, a log of the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.support import ENTRY, Cli


@pytest.fixture
def office(cli: Cli) -> Cli:
    """A two-level database: a province with two communes and a hamlet, and a cluster."""
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    for name in ("Xã Long Hồ", "Xã Phú Quới"):
        assert cli("units", "add", name, "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    assert cli("units", "add", "Ấp 1", "--parent", "Tỉnh Vĩnh Long / Xã Long Hồ",
               "--from", "2025-07-01").code == 0
    assert cli("clusters", "add", "Cụm 1", "--under", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    return cli


def refused(result: object, *words: str) -> None:
    """Assert a refusal: exit 2, the words on stderr, no traceback."""
    assert result.code == 2, (result.code, result.err)  # type: ignore[attr-defined]
    for word in words:
        assert word in result.err, result.err  # type: ignore[attr-defined]
    assert "Traceback" not in result.err  # type: ignore[attr-defined]


# --- one command, one write ------------------------------------------------------------------


def test_members_with_one_unknown_commune_add_none(office: Cli) -> None:
    before = office.dump()
    result = office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ",
                    "Tỉnh Vĩnh Long / Xã Không Có", "--on", "2025-08-01")
    refused(result, "Xã Không Có")
    assert office.dump() == before


def test_members_with_one_refused_commune_add_none(office: Cli) -> None:
    before = office.dump()
    result = office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ",
                    "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1", "--on", "2025-08-01")
    refused(result, "Ấp 1")
    assert office.dump() == before


def test_members_added_and_removed_in_one_command(office: Cli) -> None:
    added = office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ",
                   "Tỉnh Vĩnh Long / Xã Phú Quới", "--on", "2025-08-01", "--json")
    assert added.code == 0, added.err
    assert [m["path"] for m in added.json()["members"]] == ["Tỉnh Vĩnh Long / Xã Long Hồ",
                                                            "Tỉnh Vĩnh Long / Xã Phú Quới"]
    before = office.dump()
    refused(office("clusters", "members", "Cụm 1", "--remove", "Tỉnh Vĩnh Long / Xã Long Hồ", "Xã Không Có",
                   "--on", "2025-09-01"), "Xã Không Có")
    assert office.dump() == before
    changed = office("clusters", "members", "Cụm 1", "--remove", "Tỉnh Vĩnh Long / Xã Long Hồ",
                     "--on", "2025-09-01", "--json")
    assert [m["path"] for m in changed.json()["members"]] == ["Tỉnh Vĩnh Long / Xã Phú Quới"]


def test_a_commune_both_added_and_removed_is_refused_by_name(office: Cli) -> None:
    assert office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ", "--on", "2025-08-01").code == 0
    before = office.dump()
    refused(office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ", "--remove",
                   "Tỉnh Vĩnh Long / Xã Long Hồ", "--on", "2025-09-01"),
            "'Xã Long Hồ' vừa được nêu để thêm vào cụm vừa để bỏ khỏi cụm")
    assert office.dump() == before


def test_a_commune_already_in_the_cluster_is_named(office: Cli) -> None:
    assert office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ", "--on", "2025-08-01").code == 0
    before = office.dump()
    refused(office("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Phú Quới",
                   "Tỉnh Vĩnh Long / Xã Long Hồ", "--on", "2025-09-01"), "'Xã Long Hồ' đã thuộc cụm 'Cụm 1' từ 01/08/2025")
    assert office.dump() == before


# --- values that used to crash or mean something else ---------------------------------------


@pytest.mark.parametrize("day", ["31/12/9999", "9999-12-31", "0001-01-01", "01/01/0001", "1899-12-31",
                                 "2201-01-01"])
@pytest.mark.parametrize("command", [
    ("meetings", "list", "--on"),
    ("log", "list", "--to"),
    ("recommendations", "list", "--to"),
    ("coverage", "--on"),
    ("units", "add", "Xã Mới", "--parent", "Tỉnh Vĩnh Long", "--from"),
])
def test_a_day_outside_1900_to_2200_is_refused(office: Cli, command: tuple[str, ...], day: str) -> None:
    before = office.dump()
    refused(office(*command, day), "1900", "2200")
    assert office.dump() == before


@pytest.mark.parametrize("day", ["01/01/1900", "2200-12-31"])
def test_the_first_and_last_day_are_accepted(office: Cli, day: str) -> None:
    assert office("meetings", "list", "--on", day).code == 0
    assert office("log", "list", "--to", day).code == 0


@pytest.mark.parametrize("reference", ["/", " / ", "//", "   "])
def test_only_separators_name_no_unit(office: Cli, reference: str) -> None:
    refused(office("units", "list", "--under", reference), "Chưa nêu đơn vị nào")
    refused(office("units", "move", reference, "--to", "Tỉnh Vĩnh Long"), "Chưa nêu đơn vị nào")


@pytest.mark.parametrize("number", [str(2**63), str(10**30), str(-(10**30)), "9" * 5000])
@pytest.mark.parametrize("command", [
    ("units", "add", "Xã Mới", "--parent", "Tỉnh Vĩnh Long", "--households"),
    ("cadres", "add", "Trần Văn A", "--tier", "commune", "--birth-year"),
    ("calendar", "--year"),
    ("meetings", "list", "--month"),
    ("log", "list", "--limit"),
    ("attendance", "--year"),
    ("ratings", "summary", "--year"),
])
def test_a_huge_number_is_refused_by_name(office: Cli, command: tuple[str, ...], number: str) -> None:
    before = office.dump()
    refused(office(*command, number), command[-1])
    assert office.dump() == before


@pytest.mark.parametrize("command", [("calendar", "--year", "0"), ("meetings", "list", "--year", "0"),
                                     ("meetings", "list", "--month", "0"), ("calendar", "--month", "0")])
def test_zero_is_not_this_year_nor_this_month(office: Cli, command: tuple[str, ...]) -> None:
    refused(office(*command), "0")


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_a_limit_below_one_is_refused_not_taken_as_none(office: Cli, limit: str) -> None:
    refused(office("log", "list", "--limit", limit), limit)


@pytest.mark.parametrize("flag", ["--parent", "--on"])
def test_an_empty_value_is_refused_not_taken_as_absent(office: Cli, flag: str) -> None:
    before = office.dump()
    command = ("units", "add", "Xã Mới", "--from", "2025-07-01", "--parent", "") if flag == "--parent" else (
        "coverage", "--on", "")
    refused(office(*command))
    assert office.dump() == before


@pytest.mark.parametrize("name", ["đ" * 130 + ".pdf", "x" * 256, "a\0b.pdf", ""])
def test_a_file_name_no_system_takes_is_refused(office: Cli, tmp_path: Path, name: str) -> None:
    path = str(tmp_path / name) if name else ""
    before = office.dump()
    for command in (("export", "--out", path), ("template", "--out", path), ("import", path),
                    ("calendar", "export-ics", "--out", path), ("backup", "--to", path), ("restore", path),
                    ("report", "cluster", "--cluster", "Cụm 1", "--quarter", "2025-Q3", "--out", path)):
        refused(office(*command))
    assert office.dump() == before
    assert [path.name for path in tmp_path.iterdir() if not path.name.startswith(office.db.name)] == []


# --- the last resort, Ctrl+C and a closed pipe ------------------------------------------------


def test_an_unexpected_error_is_one_line_and_a_logged_traceback(
    office: Cli, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path_factory.mktemp("log") / "grassroots.log"
    monkeypatch.setenv("GRASSROOTS_LOG_DIR", str(log.parent))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("grassroots_app.services.coverage.coverage", broken)
    result = office("coverage")
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and str(log) in result.err and "Lỗi ngoài dự kiến" in result.err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: boom" in text and "'coverage'" in text


def test_ctrl_c_stops_with_a_short_line(office: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("grassroots_app.services.coverage.coverage", interrupted)
    result = office("coverage")
    assert (result.code, result.err) == (130, "Đã dừng.\n")


def test_output_cut_by_head_ends_quietly(cli: Cli) -> None:
    assert cli("demo").code == 0  # thousands of activities: far more than a pipe holds
    for command in ([str(ENTRY)], [sys.executable, "-m", "grassroots_app.cli"]):
        # as `… | head -1` does, on any system: read one line, then close the pipe while the command still writes
        with subprocess.Popen([*command, "--db", str(cli.db), "log", "list"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) as process:
            assert process.stdout is not None and process.stderr is not None
            first = process.stdout.readline()
            process.stdout.close()
            err = process.stderr.read()
            process.wait(timeout=120)
        assert first.decode().count("\n") == 1
        assert err == b"", err.decode()


# --- temporary files of killed commands -----------------------------------------------------


def _killed_writer_leftover(folder: Path, name: str) -> Path:
    """Leave in a folder the temporary file of a writer that was killed (its process is gone)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    leftover = folder / f".{name}.grassroots-tmp-{int(done.stdout)}-0123456789ab.tmp"
    leftover.write_bytes(b"half a file")
    return leftover


@pytest.mark.skipif(os.name != "posix", reason="elsewhere they are swept after an hour")
@pytest.mark.sqlite_only  # backups and restores are of files
def test_the_next_writer_into_a_folder_sweeps_what_killed_ones_left(
    office: Cli, tmp_path_factory: pytest.TempPathFactory, backup_folder: Path
) -> None:
    out = tmp_path_factory.mktemp("out")
    cases = [
        (out, ("template", "--out", str(out / "mau.xlsx"))),
        (out, ("export", "--out", str(out / "du-lieu.xlsx"))),
        (out, ("report", "cluster", "--cluster", "Cụm 1", "--quarter", "2025-Q3", "--out", str(out / "c.pdf"))),
        (out, ("backup", "--to", str(out))),
        (backup_folder, ("backup",)),
        (office.db.parent, ("restore", str(out / "mau.xlsx"))),  # refused, yet its copy's folder is swept
    ]
    for folder, command in cases:
        leftover = _killed_writer_leftover(folder, "x.pdf")
        office(*command)
        assert not leftover.exists(), command


@pytest.mark.parametrize("digits", ["\u0663", "\u0969", "\uff13", "1\u0660"])
@pytest.mark.parametrize("command", [
    ("units", "add", "Xã Mới", "--parent", "Tỉnh Vĩnh Long", "--households"),
    ("units", "add", "Xã Mới", "--parent", "Tỉnh Vĩnh Long", "--population"),
    ("ratings", "set", "--unit", "Tỉnh Vĩnh Long / Xã Long Hồ", "--year", "2025", "--score"),
    ("meetings", "add", "Họp", "--on", "2026-06-10", "--duration"),
])
def test_a_number_in_other_than_ascii_digits_is_refused(office: Cli, command: tuple[str, ...], digits: str) -> None:
    before = office.dump()
    refused(office(*command, digits), digits)
    assert office.dump() == before


@pytest.mark.parametrize("command", [
    ("meetings", "add", "Họp", "--on", "\u0662\u0660\u0662\u0666-06-10"),
    ("meetings", "add", "Họp", "--on", "2026-06-10", "--at", "\u0660\u0668:00"),
    ("meetings", "list", "--on", "\uff11\uff10/06/2026"),
])
def test_a_day_or_time_in_other_than_ascii_digits_is_refused(office: Cli, command: tuple[str, ...]) -> None:
    before = office.dump()
    refused(office(*command), command[-1])
    assert office.dump() == before
