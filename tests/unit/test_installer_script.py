"""packaging/grassroots.nsi waits for every program of the folder to close before it replaces or deletes its files.

A running `grassroots.exe` (a long import) holds the same _internal folder as the window: both must be waited for,
at install (an upgrade) and at uninstall.
"""

from __future__ import annotations

import re
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "grassroots.nsi"
TOUCHES_PROGRAM_FILES = re.compile(r'!insertmacro REMOVE_PROGRAM_FILES|^\s*File\s|(Delete|RMDir)\s.*"\$INSTDIR', re.M)


def text() -> str:
    """Return the installer script."""
    return SCRIPT.read_text(encoding="utf-8")


def defines() -> dict[str, str]:
    """Return the script's !define names and values."""
    return dict(re.findall(r'^!define (\w+) "([^"]*)"', text(), flags=re.M))


def expanded(fragment: str) -> set[str]:
    """Return the values of the ${NAME}s a fragment of the script uses."""
    known = defines()
    return {known[name] for name in re.findall(r"\$\{(\w+)\}", fragment) if name in known}


def block(start: str, end: str) -> str:
    """Return the lines from one starting with `start` to the next one starting with `end`."""
    found = re.search(rf"^{re.escape(start)}.*?^{re.escape(end)}", text(), flags=re.M | re.S)
    assert found, start
    return found.group(0)


def sections() -> list[str]:
    """Return every section of the installer and of the uninstaller."""
    return re.findall(r"^Section .*?^SectionEnd", text(), flags=re.M | re.S)


def test_the_program_files_are_the_window_and_the_command_line() -> None:
    removed = expanded(block("!macro REMOVE_PROGRAM_FILES", "!macroend"))
    assert {"grassroots-app.exe", "grassroots.exe"} <= removed


def test_the_wait_for_close_looks_for_every_program_it_removes() -> None:
    waited = {name for name in expanded(block("!macro WAIT_FOR_CLOSED", "!macroend")) if name.endswith(".exe")}
    removed = {name for name in expanded(block("!macro REMOVE_PROGRAM_FILES", "!macroend")) if name.endswith(".exe")}
    assert waited == removed


def test_every_section_that_replaces_or_deletes_program_files_waits_first() -> None:
    touching = [section for section in sections() if TOUCHES_PROGRAM_FILES.search(section)]
    assert len(touching) == 2  # the install (an upgrade too) and the uninstall
    for section in touching:
        wait = re.search(r"^\s*Call (un\.)?WaitForClosed", section, flags=re.M)
        assert wait and wait.start() < TOUCHES_PROGRAM_FILES.search(section).start(), section.splitlines()[0]
