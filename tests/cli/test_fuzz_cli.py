"""The command line under hostile values: every subcommand of `build_parser()`, fuzzed with hypothesis.

Each example runs one command in-process on a fresh copy of a small seeded database. Whatever the values,
the command exits 0 or 2, never prints a traceback nor reaches the last-resort handler, every refusal
says why on stderr, and a refused command leaves the database dump exactly as it was.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grassroots_app import applog
from grassroots_app.cli import build_parser
from tests.cli.support import Cli

EXAMPLES_PER_COMMAND = 60
LONG_NAME = "đ" * 130 + ".pdf"  # 264 bytes in UTF-8: over the 255-byte limit of a file name

HOSTILE_TEXT = [
    "/", "%", "_", "\\", "", " ", "//", " / ", "%%", "\\%", "a_b", "%ấp%", "\x00", "\x07", "\x1b[31m", "\x0b",
    "tab\there", "line\nbreak", "\u200b\u200b", "'; DROP TABLE unit; --", "x" * 300, LONG_NAME, "-1", "0",
    "NaN", "1e309", "inf", "../../etc/passwd", "Xã", "🙂", "NULL",
]
HOSTILE_DATES = ["31/12/9999", "0001-01-01", "29/02/2023", "2026-13-01", "9999-12-31", "01/01/0001", "2024-02-29",
                 "1899-12-31", "2201-01-01", "2025-07-01", "00/00/0000", "1/1/1"]
HOSTILE_INTS = [2**63, 10**30, -(10**30), 0, -1, 2**64, 2**31, 13, 5, 9999, 10_000, 2026, 1, 4, 12]
OTHER_VALUES = ["2026-Q3", "0000-Q1", "9999-Q4", "10000-Q1", "2026-Q5", "25:00", "23:59", "00:00", "08:00",
                "100,5", "-5", "101", "0", "00000000-0000-0000-0000-000000000000"]


@dataclass(frozen=True)
class Command:
    """One runnable subcommand: its words and the parser that reads its arguments."""

    words: tuple[str, ...]
    parser: argparse.ArgumentParser

    @property
    def name(self) -> str:
        """Return the words joined, as a test id."""
        return " ".join(self.words)


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:  # noqa: SLF001 - the only way to walk an argparse tree
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            yield from action.choices.items()


def commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[Command]:
    """Yield every subcommand that runs something, a new one included without touching this test."""
    defaults = parser._defaults  # noqa: SLF001
    if "handler" in defaults or "file_handler" in defaults:
        yield Command(words, parser)
    for name, child in _subparsers(parser):
        yield from commands(child, (*words, name))


COMMANDS = list(commands(build_parser()))


@dataclass(frozen=True)
class Seed:
    """The seeded database, its dump's digest, and real references found in it."""

    path: Path
    digest: str
    references: tuple[str, ...]


def digest(path: Path) -> str:
    """Return a digest of the whole database content."""
    with sqlite3.connect(path) as connection:
        lines = "\n".join(connection.iterdump())
    connection.close()
    return hashlib.sha256(lines.encode()).hexdigest()


def _references(path: Path) -> tuple[str, ...]:
    """Return a few ids and names of what the seeded database holds (so commands reach their rules)."""
    queries = [
        "SELECT id, name FROM unit WHERE level IN ('province', 'commune') LIMIT 3",
        "SELECT id, code FROM unit WHERE level = 'hamlet' LIMIT 2",
        "SELECT id, name FROM cluster LIMIT 2",
        "SELECT id, full_name FROM cadre LIMIT 3",
        "SELECT id, id FROM assignment WHERE end_date IS NULL LIMIT 2",
        "SELECT id, id FROM recommendation LIMIT 3",
        "SELECT id, id FROM meeting LIMIT 1",
    ]
    found: list[str] = []
    with sqlite3.connect(path) as connection:
        for query in queries:
            for first, second in connection.execute(query):
                found += [str(first), str(second)]
    connection.close()
    return tuple(value for value in found if value and value != "None")


SEED_COMMANDS = [
    ("init", "--model", "two-level"),
    ("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01"),
    ("units", "add", "Xã Long Hồ", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01", "--code", "29001"),
    ("units", "add", "Xã Phú Quới", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-07-01"),
    ("units", "add", "Ấp 1", "--parent", "Tỉnh Vĩnh Long / Xã Long Hồ", "--from", "2025-07-01"),
    ("clusters", "add", "Cụm 1", "--under", "Tỉnh Vĩnh Long", "--from", "2025-07-01"),
    ("clusters", "members", "Cụm 1", "--add", "Tỉnh Vĩnh Long / Xã Long Hồ", "--on", "2025-07-01"),
    ("cadres", "add", "Trần Văn Hùng", "--tier", "commune"),
    ("cadres", "add", "Lê Thị Lan", "--tier", "province", "--committee", "--standing"),
    ("assign", "Trần Văn Hùng", "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1", "--from", "2025-08-01"),
    ("assign", "Lê Thị Lan", "Cụm 1", "--from", "2025-08-01"),
    ("meetings", "add", "Họp chi bộ", "--on", "2025-09-03", "--attendee", "Trần Văn Hùng"),
    ("log", "add", "--cadre", "Trần Văn Hùng", "--target", "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1",
     "--kind", "cell_meeting", "--date", "2025-09-09", "--minutes", "90"),
    ("recommendations", "add", "--unit", "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1", "--date", "2025-09-09",
     "--cadre", "Trần Văn Hùng", "--field", "infrastructure", "--content", "Sửa đường"),
    ("ratings", "set", "--unit", "Tỉnh Vĩnh Long / Xã Long Hồ", "--year", "2025", "--grade", "good"),
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    """Build a small database once for the whole module: a unit of each level, a cluster, cadres and records."""
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    for command in SEED_COMMANDS:
        result = Cli(path)(*command)
        assert result.code == 0, (command, result.err)
    return Seed(path, digest(path), _references(path))


@pytest.fixture(scope="module")
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Send the log of unexpected errors to a folder of this module."""
    folder = tmp_path_factory.mktemp("log")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(applog.LOG_DIR_VARIABLE, str(folder))
        yield folder


def _paths(folder: Path) -> st.SearchStrategy[str]:
    """Return files and folders to write to or read from, good and bad."""
    return st.sampled_from([
        str(folder / "out.pdf"), str(folder / "out.xlsx"), str(folder / "out.ics"), str(folder),
        str(folder / "missing" / "out.pdf"), str(folder / LONG_NAME), str(folder / ("x" * 300)),
        str(folder / "seed.sqlite"), "", "/", str(folder / "out"),
    ])


DATE_NAMES = {"on", "valid_from", "start", "to", "date", "due", "decision_date"}
PATH_NAMES = {"out", "xlsx", "file", "to"}
REFERENCE_NAMES = {"unit", "under", "parent", "cluster", "cadre", "target", "into", "to", "home", "attendee", "add",
                   "remove", "assignment", "recommendation", "meeting"}


def values(action: argparse.Action, folder: Path, seed: Seed) -> st.SearchStrategy[str]:
    """Return the values to try for one argument: hostile ones of every kind, those its name suggests first."""
    if action.type is int:
        return st.one_of(st.sampled_from(HOSTILE_INTS), st.sampled_from(HOSTILE_INTS), st.integers(),
                         st.sampled_from(["", "x", "1.5"])).map(str)
    if action.choices:
        return st.sampled_from([str(choice) for choice in action.choices]) | st.sampled_from(["", "%"])
    text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("/%_\\\x00\n"),
                   max_size=20)
    kinds = {
        "dates": (DATE_NAMES, st.sampled_from(HOSTILE_DATES)),
        "paths": (PATH_NAMES, _paths(folder)),
        "references": (REFERENCE_NAMES, st.sampled_from(seed.references)),
    }
    suggested = [strategy for names, strategy in kinds.values() if action.dest in names]
    others = [strategy for _names, strategy in kinds.values()]
    return st.one_of(*suggested * 3, st.sampled_from(HOSTILE_TEXT), st.sampled_from(OTHER_VALUES), text, *others)


def arguments(command: Command, folder: Path, seed: Seed) -> st.SearchStrategy[list[str]]:
    """Return the command lines to try for a subcommand: its required arguments and some optional ones."""
    parts: list[st.SearchStrategy[list[str]]] = []
    for action in command.parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):  # noqa: SLF001
            continue
        flag = action.option_strings[-1] if action.option_strings else None
        if action.nargs == 0:
            parts.append(st.sampled_from([[], [flag]]))
            continue
        count = st.integers(1, 3) if action.nargs in ("+", "*") else st.just(1)
        value = count.flatmap(lambda n, a=action: st.lists(values(a, folder, seed), min_size=n, max_size=n))
        given_value = value.map(lambda items, f=flag: [f, *items] if f else items)
        if flag is None or action.required:
            parts.append(given_value)
        else:
            parts.append(st.one_of(st.just([]), given_value, given_value))
    return st.tuples(*parts).map(lambda chunks: [word for chunk in chunks for word in chunk])


def _unexpected(log_folder: Path) -> str:
    """Return what the last-resort handler logged so far."""
    path = log_folder / applog.LOG_NAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_no_hostile_value_breaks_a_command(command: Command, seed: Seed, log_folder: Path,
                                           tmp_path_factory: pytest.TempPathFactory,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 0 or 2, no traceback, a message with every refusal, nothing changed by a refusal."""
    folder = tmp_path_factory.mktemp("run")
    monkeypatch.chdir(folder)  # relative file names land here

    @settings(max_examples=EXAMPLES_PER_COMMAND, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(words=arguments(command, folder, seed))
    def run(words: list[str]) -> None:
        database = folder / "seed.sqlite"
        shutil.copyfile(seed.path, database)
        for side in folder.iterdir():
            if side != database:
                shutil.rmtree(side) if side.is_dir() else side.unlink()
        before = _unexpected(log_folder)
        result = Cli(database)(*command.words, *words)
        assert "Traceback" not in result.err, result.err
        assert _unexpected(log_folder) == before, _unexpected(log_folder)
        assert result.code in (0, 2), (result.code, result.err)
        if result.code == 2:
            assert result.err.strip(), "a refusal without a message"
            assert digest(database) == seed.digest, f"refused, yet the database changed: {result.err}"

    run()


def test_every_subcommand_is_fuzzed() -> None:
    """The walk finds the commands of every group (a new subcommand is fuzzed without a change here)."""
    names = {command.name for command in COMMANDS}
    assert {"init", "demo", "units add", "clusters members", "calendar", "calendar export-ics", "backup",
            "restore", "import", "report area", "recommendations close", "ratings summary"} <= names
    assert len(names) == len(COMMANDS) >= 40
