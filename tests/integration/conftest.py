"""Fixtures: a fresh SQLite file per test, set up for the two-level or three-level model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from grassroots_app.domain.model import Preset
from tests.integration.support import Env, open_env


@pytest.fixture
def two_level(tmp_path: Path) -> Iterator[Env]:
    """A database holding the two-level (post-2025) hierarchy."""
    env = open_env(tmp_path / "t.sqlite", Preset.TWO_LEVEL)
    yield env
    env.db.close()


@pytest.fixture
def three_level(tmp_path: Path) -> Iterator[Env]:
    """A database holding the three-level hierarchy with districts."""
    env = open_env(tmp_path / "t.sqlite", Preset.THREE_LEVEL)
    yield env
    env.db.close()
