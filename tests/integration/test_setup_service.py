"""Setting up a database: its preset and default rules, once; nothing works before it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from grassroots_app.domain.errors import RuleViolation
from grassroots_app.domain.model import Preset
from grassroots_app.domain.rules import DEFAULT_RULES
from grassroots_app.domain.settings import Settings
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import setup, units
from tests.integration.support import Env


@pytest.fixture
def blank(database_location: str) -> Iterator[Database]:
    """A migrated database that was never set up."""
    db = Database.open(database_location)
    yield db
    db.close()


@pytest.mark.parametrize("preset", list(Preset))
def test_init_stores_the_preset_and_its_default_rules(blank: Database, preset: Preset) -> None:
    with UnitOfWork(blank) as uow:
        assert setup.init_database(uow, preset) == Settings(preset)
    with UnitOfWork(blank) as uow:
        assert uow.settings.get() == Settings(preset)
        assert uow.rules.all() == DEFAULT_RULES[preset]


def test_init_twice_is_refused(two_level: Env) -> None:
    with pytest.raises(RuleViolation, match="already set up for the two-level model"):
        two_level.run(setup.init_database, Preset.THREE_LEVEL)
    assert two_level.read(lambda uow: uow.settings.get()).preset is Preset.TWO_LEVEL


def test_nothing_works_before_setup(blank: Database) -> None:
    with UnitOfWork(blank) as uow:
        assert uow.settings.get() is None
        with pytest.raises(RuleViolation, match="not set up yet"):
            units.add_unit(uow, units.NewUnit("Tỉnh A", None, date(2020, 1, 1)))


def test_settings_survive_reopening(database_location: str) -> None:
    db = Database.open(database_location)
    with UnitOfWork(db) as uow:
        setup.init_database(uow, Preset.THREE_LEVEL)
    db.close()
    again = Database.open(database_location)
    try:
        with UnitOfWork(again) as uow:
            assert setup.require_settings(uow) == Settings(Preset.THREE_LEVEL)
    finally:
        again.close()
