"""Fixtures for the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import Cli


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """A command line on a fresh database file."""
    return Cli(tmp_path / "cli.sqlite")
