"""The tables and the Alembic migrations must agree, and the migrations must run down and up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from grassroots_app.persistence.database import Database, alembic_config, head_revision, stored_revision
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


def partial_indexes(db: Database) -> dict[str, str]:
    """Return the condition of every partial index in the file, by name."""
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'"))
        return {name: sql.split(" WHERE ", 1)[1] for name, sql in rows}


def test_partial_indexes_agree_with_the_models(database: Database) -> None:
    wanted = {
        index.name: str(index.dialect_options["sqlite"]["where"])
        for table in metadata.tables.values() for index in table.indexes
        if index.dialect_options["sqlite"]["where"] is not None
    }
    assert {"ix_assignment_cluster_role", "ix_activity_cluster_day", "ix_base_visit_cluster_day"} <= set(wanted)
    assert partial_indexes(database) == wanted


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


def test_the_head_found_without_alembic_is_alembic_s(database: Database) -> None:
    assert head_revision() == ScriptDirectory.from_config(alembic_config(database.engine)).get_current_head()
    assert stored_revision(database.engine) == head_revision()


def test_opening_an_older_database_migrates_it(tmp_path: Path) -> None:
    path = str(tmp_path / "old.sqlite")
    old = Database.open(path)
    command.downgrade(alembic_config(old.engine), "-1")
    assert stored_revision(old.engine) != head_revision()
    old.close()
    again = Database.open(path)
    try:
        assert stored_revision(again.engine) == head_revision()
        assert schema_diff(again) == []
    finally:
        again.close()


def test_the_group_rule_of_an_older_database_takes_party_members_of_any_tier(tmp_path: Path) -> None:
    path = str(tmp_path / "old.sqlite")
    old = Database.open(path)
    command.downgrade(alembic_config(old.engine), "0005")
    with old.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO grasp_rule (target_level, role, tiers, flags, minimum) VALUES "
            "('group', 'Cán bộ, đảng viên phụ trách tổ NDTQ', 'commune', '', 1), "
            "('group', 'Tổ trưởng tự chọn', 'commune', '', 1), "
            "('hamlet', 'Cán bộ xã phụ trách thôn, tổ dân phố', 'commune', '', 1)"
        ))
    old.close()
    again = Database.open(path)
    try:
        with again.engine.connect() as connection:
            rows = connection.execute(text("SELECT role, any_tier_flags FROM grasp_rule ORDER BY id")).all()
    finally:
        again.close()
    assert rows == [
        ("Cán bộ, đảng viên phụ trách tổ NDTQ", "party_member"),
        ("Tổ trưởng tự chọn", ""),
        ("Cán bộ xã phụ trách thôn, tổ dân phố", ""),
    ]
