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

from tests.engines import ENGINES, POSTGRESQL, Databases, NewDatabase  # noqa: E402 - once the root is importable


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


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Databases]:
    """A throwaway PostgreSQL server for this test process, started when a test first needs it."""
    from tools.pg_server import start  # noqa: PLC0415 - started only by tests that use PostgreSQL

    server = start()  # in the system's temporary folder: the server's user cannot enter pytest's
    databases = Databases(server)
    yield databases
    databases.close()
    server.stop()


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine a test runs on: each test that uses it runs on SQLite and on PostgreSQL.

    Module-scoped, so that a database a module builds once (a demo) can be made for each engine.
    """
    return str(request.param)


@pytest.fixture(scope="session")
def new_database(tmp_path_factory: pytest.TempPathFactory) -> NewDatabase:
    """Make new, empty databases: `new_database(request, engine)` gives an SQLite file's path or a migrated
    PostgreSQL database's URL, the latter dropped when the scope of the fixture or test asking for it ends."""

    def make(request: pytest.FixtureRequest, engine: str) -> str:
        if engine != POSTGRESQL:
            return str(tmp_path_factory.mktemp("db") / "t.sqlite")
        databases: Databases = request.getfixturevalue("pg_databases")
        url = databases.create()
        request.addfinalizer(lambda: databases.drop(url))
        return url

    return make


@pytest.fixture
def database_location(engine: str, new_database: NewDatabase, request: pytest.FixtureRequest) -> str:
    """A new, empty database of the test's engine: an SQLite file's path, or a migrated PostgreSQL database's URL."""
    return new_database(request, engine)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL runs of the tests marked `sqlite_only` (they test the file itself)."""
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("engine") == POSTGRESQL
        (dropped if on_server and item.get_closest_marker("sqlite_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
