"""Shared test configuration: the repository root importable (``from tests.… import …``), backups kept apart."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session", autouse=True)
def backup_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the automatic backups of every test out of the user's data folder (GRASSROOTS_BACKUP_DIR)."""
    folder = tmp_path_factory.mktemp("backups")
    previous = os.environ.get("GRASSROOTS_BACKUP_DIR")
    os.environ["GRASSROOTS_BACKUP_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["GRASSROOTS_BACKUP_DIR"]
    else:
        os.environ["GRASSROOTS_BACKUP_DIR"] = previous


@pytest.fixture(scope="session", autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the log of unexpected errors of every test out of the user's log folder (GRASSROOTS_LOG_DIR)."""
    folder = tmp_path_factory.mktemp("log")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRASSROOTS_LOG_DIR", str(folder))
        yield folder
