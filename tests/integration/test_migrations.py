"""The tables and the Alembic migrations must agree, and the migrations must run down and up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from grassroots_app.persistence.database import Database, alembic_config
from grassroots_app.persistence.tables import metadata


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh database migrated to head."""
    db = Database.open(str(tmp_path / "t.sqlite"))
    yield db
    db.close()


def schema_diff(db: Database) -> list[object]:
    """Return what autogenerate would change to make the database match the models."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def tables(db: Database) -> set[str]:
    """Return the application's tables in the database."""
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_models_and_migrations_agree(database: Database) -> None:
    assert tables(database) == set(metadata.tables)
    assert schema_diff(database) == []


def test_downgrade_to_base_and_upgrade_again(database: Database) -> None:
    config = alembic_config(database.engine)
    command.downgrade(config, "base")
    assert tables(database) == set()
    command.upgrade(config, "head")
    assert tables(database) == set(metadata.tables)
    assert schema_diff(database) == []


def test_opening_twice_is_idempotent(tmp_path: Path) -> None:
    path = str(tmp_path / "t.sqlite")
    Database.open(path).close()
    again = Database.open(path)
    try:
        assert schema_diff(again) == []
    finally:
        again.close()
