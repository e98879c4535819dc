"""The type checker and the linter, as pyproject.toml configures them, find nothing in the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_tool(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run a module of the test environment at the repository root; return what it printed."""
    return subprocess.run([sys.executable, "-m", *arguments], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=600, check=False)


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_mypy_finds_no_type_error(platform: str) -> None:
    # Checked as each platform we ship on sees it, so a POSIX-only call fails here on Linux too.
    # Each platform has its own cache under .mypy_cache: this is the only test that runs mypy.
    result = run_tool("mypy", "--platform", platform, "--cache-dir", f".mypy_cache/{platform}")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr
