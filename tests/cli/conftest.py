"""Fixtures for the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from grassroots_app.persistence.locations import FOLDER_VARIABLE
from tests import engines
from tests.cli.support import Cli
from tests.faults import settle


@pytest.fixture
def cli(database_location: str) -> Cli:
    """A command line on a fresh database of the test's engine (an SQLite file or a PostgreSQL database)."""
    return Cli(database_location if not engines.is_file(database_location) else Path(database_location))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The backup folder of this test (GRASSROOTS_BACKUP_DIR)."""
    path = tmp_path / "backups"
    monkeypatch.setenv(FOLDER_VARIABLE, str(path))
    return path


@pytest.fixture
def office(tmp_path: Path, folder: Path) -> Cli:
    """A small two-level database with a province, its daily backup made, settled as one file (no -wal)."""
    cli = Cli(tmp_path / "office" / "so.sqlite")
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-07-01").code == 0
    settle(cli.db)
    return cli
