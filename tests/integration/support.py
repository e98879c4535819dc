"""Helpers for the integration tests: a migrated database (SQLite file or PostgreSQL) with a preset, and builders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from grassroots_app.domain.model import Assignment, Cadre, Preset, Tier, Unit
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, cadres, setup, units
from tests import engines

T = TypeVar("T")

D0 = date(2020, 1, 1)


@dataclass
class Env:
    """An open, initialized database and short-hands to call the services on it."""

    db: Database
    location: str  # an SQLite file's path or a PostgreSQL URL
    preset: Preset

    @property
    def path(self) -> Path:
        """Return the SQLite file (tests of the file itself are marked sqlite_only)."""
        assert engines.is_file(self.location), "a test of the SQLite file, to be marked sqlite_only"
        return Path(self.location)

    def run(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a service in its own unit of work, as the application does."""
        with UnitOfWork(self.db) as uow:
            return service(uow, *args, **kwargs)

    def read(self, query: Callable[[UnitOfWork], T]) -> T:
        """Run a read-only query in a fresh unit of work."""
        with UnitOfWork(self.db) as uow:
            return query(uow)

    def unit(self, name: str, parent: Unit | None = None, on: date = D0, **fields: Any) -> Unit:
        """Add a unit under a parent (a province without one)."""
        new = units.NewUnit(name, parent.id if parent else None, on, **fields)
        return self.run(units.add_unit, new)

    def cadre(self, name: str, tier: Tier, **fields: Any) -> Cadre:
        """Add an active cadre."""
        return self.run(cadres.add_cadre, Cadre(id="", full_name=name, tier=tier, **fields))

    def assign(self, cadre: Cadre, target_id: str, start: date, role: str | None = None) -> Assignment:
        """Put a cadre in charge of a unit or cluster."""
        return self.run(assignments.assign, assignments.NewAssignment(cadre.id, target_id, start, role))

    def dump(self) -> list[str]:
        """Return every table's content, straight from the database with its engine's own driver."""
        return engines.dump(self.location)

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        """Run a statement (`?` placeholders) on the database with its engine's own driver."""
        return engines.rows(self.location, query, *params)


def open_env(location: str | Path, preset: Preset, initialized: bool = True) -> Env:
    """Open a database (a file is created), migrate it and (unless told not to) set it up for a preset."""
    db = Database.open(str(location))
    env = Env(db, str(location), preset)
    if initialized:
        env.run(setup.init_database, preset)
    return env
