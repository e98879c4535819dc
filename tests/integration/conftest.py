"""Fixtures: a fresh database per test and engine, set up for the two-level or three-level model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grassroots_app.domain.model import Preset
from tests.integration.support import Env, open_env


@pytest.fixture
def two_level(database_location: str) -> Iterator[Env]:
    """A database holding the two-level (post-2025) hierarchy."""
    env = open_env(database_location, Preset.TWO_LEVEL)
    yield env
    env.db.close()


@pytest.fixture
def three_level(database_location: str) -> Iterator[Env]:
    """A database holding the three-level hierarchy with districts."""
    env = open_env(database_location, Preset.THREE_LEVEL)
    yield env
    env.db.close()
