"""The file names Windows refuses are known before anything is written (a clear message, not a traceback)."""

from __future__ import annotations

import pytest

from grassroots_app.persistence.files import windows_file_name


@pytest.mark.parametrize("name", ["Báo cáo quý 4-2026.pdf", "lich (1).ics", "Sổ cơ sở.sqlite", "CONSOLE.pdf",
                                  "con-duong.xlsx", ".hidden", "\U0010b37d.ics"])
def test_names_windows_accepts(name: str) -> None:
    assert windows_file_name(name)


@pytest.mark.parametrize("name", ["<", "a?b.pdf", "bao*cao.pdf", 'x"y.ics', "a|b", "time 10:30.pdf", "\x0e]c\x16kK",
                                  "tab\there.pdf", "báo cáo.", "báo cáo ", "CON", "nul.pdf", "Com1.xlsx", "lpt9 .txt"])
def test_names_windows_refuses(name: str) -> None:
    assert not windows_file_name(name)
