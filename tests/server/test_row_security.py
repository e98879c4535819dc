"""Leak tests on the real server: each clerk reads exactly what the oracle says, writes only inside their scope,
and whatever they SET changes nothing; every write leaves one audit row; nobody alters the audit."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from grassroots_app.persistence import closure
from grassroots_app.persistence.server_schema import PLACES, PRIVATE, SERVER
from tests.engines import ENGINES, POSTGRESQL
from tests.server.conftest import Shared
from tests.server.world import KEYS, REFERENCE, World, Writer

pytestmark = pytest.mark.skipif(POSTGRESQL not in ENGINES, reason="no PostgreSQL server can run here (Windows)")
DATA_TABLES = [table for table in KEYS if table not in REFERENCE]
LOGINS = itertools.count()


def security_findings(admin: Any) -> list[str]:
    """Return what is wrong with the server's row security, read from PostgreSQL's catalogue ([] when sound)."""
    found = []
    tables = admin.execute(
        "SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE c.relkind = 'r' AND n.nspname IN ('public', '{SERVER}')").fetchall()
    clerks = {login for (login,) in admin.execute(f"SELECT login FROM {SERVER}.clerk").fetchall()}
    for schema, table, enabled, forced, owner in tables:
        if not (enabled and forced):
            found.append(f"{schema}.{table}: row security enabled={enabled} forced={forced}")
        if owner in clerks or owner == "grassroots_clerk":
            found.append(f"{schema}.{table} is owned by the clerk {owner}")
    for table, command in admin.execute("SELECT polrelid::regclass::text, polcmd FROM pg_policy").fetchall():
        if command == "*":
            found.append(f"{table}: a FOR ALL policy")
    for table, command, count in admin.execute(
            "SELECT polrelid::regclass::text, polcmd, count(*) FROM pg_policy GROUP BY 1, 2").fetchall():
        if count > 1:
            found.append(f"{table}: {count} policies for {command}")
    missing = admin.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' AND (SELECT count(DISTINCT polcmd) FROM pg_policy "
        "WHERE polrelid = c.oid) < 4").fetchall()
    found += [f"public.{table}: not one policy for each of select, insert, update, delete" for (table,) in missing]
    for (expression,) in admin.execute("SELECT pg_get_expr(polqual, polrelid) || coalesce(pg_get_expr("
                                       "polwithcheck, polrelid), '') FROM pg_policy").fetchall():
        if "current_setting" in (expression or ""):
            found.append(f"a policy reads a variable the client can SET: {expression}")
    views = admin.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' "
        "AND n.nspname = 'public' AND NOT coalesce('security_invoker=true' = ANY(c.reloptions), false)").fetchall()
    found += [f"view {view} is not security_invoker" for (view,) in views]
    bypass = admin.execute(f"SELECT rolname FROM pg_roles WHERE rolbypassrls AND rolname IN "
                           f"(SELECT login FROM {SERVER}.clerk UNION SELECT 'grassroots_clerk')").fetchall()
    found += [f"the clerk {role} bypasses row security" for (role,) in bypass]
    return found


def test_every_table_has_forced_row_security_with_one_policy_per_command(shared: Shared) -> None:
    with shared.connect() as admin:
        assert security_findings(admin) == []
        assert set(PLACES) >= {table for (table,) in admin.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()}


@contextmanager
def _altered(admin: Any, *statements: str) -> Iterator[None]:
    """Run statements in a transaction that is rolled back on leaving (a negative control)."""
    admin.execute("BEGIN")
    try:
        for statement in statements:
            admin.execute(statement)
        yield
    finally:
        admin.execute("ROLLBACK")


@pytest.mark.parametrize("statements", [
    ("ALTER TABLE public.rating NO FORCE ROW LEVEL SECURITY",),
    ("DROP POLICY rating_select ON public.rating",),
    ("CREATE POLICY rating_all ON public.rating FOR ALL TO grassroots_clerk USING (true)",),
    ("CREATE VIEW public.leaky AS SELECT * FROM public.rating",),
], ids=["not forced", "policy removed", "FOR ALL", "view not security_invoker"])
def test_the_catalogue_check_finds_each_weakening(shared: Shared, statements: tuple[str, ...]) -> None:
    """Negative control: the check above fails once a policy is weakened."""
    with shared.connect() as admin, _altered(admin, *statements):
        assert security_findings(admin) != []


def _reset(admin: Any) -> None:
    """Remove every row of the application and every clerk (the audit stays: it is append-only)."""
    for (login,) in admin.execute(f"SELECT login FROM {SERVER}.clerk").fetchall():
        admin.execute(f'DROP ROLE IF EXISTS "{login}"')
    admin.execute(f"DELETE FROM {SERVER}.clerk_scope")
    admin.execute(f"DELETE FROM {SERVER}.clerk")
    tables = ", ".join(f"public.{table}" for table in DATA_TABLES)
    admin.execute(f"TRUNCATE {tables} CASCADE")


def _build(shared: Shared, seed: int, size: int) -> World:
    """Write a random world as the administrator and compute its closure."""
    with shared.connect() as admin:
        _reset(admin)
        admin.execute("BEGIN")
        world = Writer(admin, random.Random(seed), f"s{seed}").build(size)
        admin.execute("COMMIT")
    engine = create_engine(shared.url)
    with engine.begin() as connection:
        closure.rebuild(connection)
    engine.dispose()
    return world


def _add_clerk(shared: Shared, roots: list[str], read_only: bool = False) -> str:
    login = f"clerk_{next(LOGINS)}"
    with shared.connect() as admin:
        if roots:
            admin.execute(f"SELECT {PRIVATE}.add_clerk(%s, %s, %s, %s, false)", [login, "pw", roots, read_only])
        else:  # an empty scope: made by hand, as add_clerk refuses it
            admin.execute(f'CREATE ROLE "{login}" LOGIN PASSWORD \'pw\' IN ROLE grassroots_clerk')
            admin.execute(f"INSERT INTO {SERVER}.clerk (login) VALUES (%s)", [login])
    return login


def _reads(connection: Any) -> dict[str, set[str]]:
    """Return, per table, the keys of every row the connection reads."""
    return {table: {str(key) for (key,) in connection.execute(f"SELECT {KEYS[table]} FROM public.{table}").fetchall()}
            for table in DATA_TABLES}


def _check_reads(shared: Shared, world: World, login: str, roots: set[str]) -> None:
    with shared.connect(login, "pw") as clerk:
        assert _reads(clerk) == world.readable(roots)
        for table in REFERENCE:  # reference data: every clerk reads it all
            assert clerk.execute(f"SELECT count(*) FROM public.{table}").fetchone()[0] == shared.count(table)


worlds = st.tuples(st.integers(0, 2**31), st.integers(1, 9),
                   st.lists(st.tuples(st.lists(st.integers(0, 8), max_size=3), st.booleans()), min_size=1,
                            max_size=3))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world_and_clerks=worlds)
def test_each_clerk_reads_exactly_what_the_oracle_says(shared: Shared, world_and_clerks: Any) -> None:
    seed, size, clerks = world_and_clerks
    world = _build(shared, seed, size)
    for picks, read_only in clerks:
        roots = sorted({world.units[pick % len(world.units)] for pick in picks})
        login = _add_clerk(shared, roots, read_only)
        _check_reads(shared, world, login, set(roots))


def _restore_security(shared: Shared) -> None:
    """Set the server up again (server init): every policy as it should be."""
    from grassroots_app.persistence.database import Database  # noqa: PLC0415
    from grassroots_app.services import server  # noqa: PLC0415

    database = Database.open(shared.url, backup=False)
    try:
        server.init_server(database)
    finally:
        database.close()


def _two_communes(shared: Shared) -> tuple[World, str, str]:
    """Build a world with at least two units apart (neither above the other); return it and the two."""
    for seed in range(100):
        world = _build(shared, seed, 6)
        apart = [(a, b) for a in world.units for b in world.units
                 if a not in world.ancestors(b) and b not in world.ancestors(a)
                 and any(unit == a for unit in world.ratings.values())
                 and any(unit == b for unit in world.ratings.values())]
        if apart:
            return world, *apart[0]
    raise AssertionError("no seed gave two rated units apart")


@pytest.mark.parametrize("table", ["rating", "unit"])
def test_the_oracle_check_fails_once_a_policy_is_widened(shared: Shared, table: str) -> None:
    """Negative control: with a table's reading policy opened to all, some clerk reads more than the oracle says."""
    world, mine, _theirs = _two_communes(shared)
    login = _add_clerk(shared, [mine])
    with shared.connect() as admin:
        admin.execute(f"DROP POLICY {table}_select ON public.{table}")
        admin.execute(f"CREATE POLICY {table}_select ON public.{table} FOR SELECT TO grassroots_clerk USING (true)")
    try:
        assert shared.count(table) > len(world.readable({mine})[table])  # their rows exist to be leaked
        with pytest.raises(AssertionError):
            _check_reads(shared, world, login, {mine})
    finally:
        _restore_security(shared)
    _check_reads(shared, world, login, {mine})


def _audit_rows(admin: Any, login: str) -> list[tuple[str, str, str]]:
    return admin.execute(f"SELECT table_name, row_id, action FROM {SERVER}.audit_log WHERE login = %s ORDER BY id",
                         [login]).fetchall()


def _refused(clerk: Any, statement: str, *values: Any) -> None:
    """Assert a statement is refused by the server's security (and the transaction left clean)."""
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        clerk.execute(statement, list(values))


def _no_change(clerk: Any, statement: str, *values: Any) -> None:
    """Assert a statement changes no row: refused by the security, or finding no row it may change."""
    try:
        assert clerk.execute(statement, list(values)).rowcount == 0
    except psycopg.errors.InsufficientPrivilege:
        pass


def test_writes_outside_the_scope_fail_and_each_write_inside_leaves_one_audit_row(shared: Shared) -> None:
    world, mine, theirs = _two_communes(shared)
    login = _add_clerk(shared, [mine])
    missing = "no-such-unit-id"
    with shared.connect(login, "pw") as clerk, shared.connect() as admin:
        for unit in (theirs, missing):  # out of scope and non-existent: the same answer, nothing changed
            changed = clerk.execute("UPDATE unit SET households = 7 WHERE id = %s", [unit])
            assert changed.rowcount == 0
            assert clerk.execute("DELETE FROM rating WHERE unit_id = %s", [unit]).rowcount == 0
        _refused(clerk, "INSERT INTO rating (id, unit_id, year, quarter, grade, note) "
                        "VALUES ('r-x', %s, 2025, 1, 'good', '')", theirs)
        my_link = clerk.execute("SELECT id FROM unit_link WHERE unit_id = %s", [mine]).fetchone()
        if my_link is not None:  # moving my unit under theirs
            _no_change(clerk, "UPDATE unit_link SET parent_id = %s WHERE id = %s", theirs, my_link[0])
        _refused(clerk, "INSERT INTO unit_link (unit_id, parent_id, valid_from) VALUES (%s, %s, '2026-02-01')",
                 mine, theirs)
        _refused(clerk, "INSERT INTO unit_link (unit_id, parent_id, valid_from) VALUES (%s, %s, '2026-02-01')",
                 theirs, mine)  # taking their unit under mine
        assert _audit_rows(admin, login) == []
        assert clerk.execute("UPDATE unit SET households = 7 WHERE id = %s", [mine]).rowcount == 1
        clerk.execute("INSERT INTO rating (id, unit_id, year, quarter, grade, note) "
                      "VALUES ('r-mine', %s, 2025, 1, 'good', '')", [mine])
        assert clerk.execute("DELETE FROM rating WHERE id = 'r-mine'").rowcount == 1
        assert _audit_rows(admin, login) == [("unit", mine, "update"), ("rating", "r-mine", "insert"),
                                             ("rating", "r-mine", "delete")]
    assert world.readable({mine})["unit"] >= {mine}


def test_a_read_only_clerk_changes_nothing(shared: Shared) -> None:
    _world, mine, _theirs = _two_communes(shared)
    login = _add_clerk(shared, [mine], read_only=True)
    with shared.connect(login, "pw") as clerk:
        assert clerk.execute("SELECT count(*) FROM unit WHERE id = %s", [mine]).fetchone()[0] == 1
        assert clerk.execute("UPDATE unit SET households = 7 WHERE id = %s", [mine]).rowcount == 0
        _refused(clerk, "INSERT INTO rating (id, unit_id, year, quarter, grade, note) "
                        "VALUES ('r-ro', %s, 2025, 1, 'good', '')", mine)


SETS = [
    "SET ROLE grassroots_clerk",
    "SET search_path = pg_temp, public",
    "SET grassroots.login = 'postgres'",
    "SET application_name = 'grassroots_admin'",
]


def test_setting_variables_or_roles_or_shadow_tables_changes_nothing(shared: Shared) -> None:
    world, mine, theirs = _two_communes(shared)
    login = _add_clerk(shared, [mine])
    with shared.connect(login, "pw") as clerk:
        for statement in SETS:
            clerk.execute(statement)
        # A table of the session's own, named like the scope, searched first by an unqualified name:
        clerk.execute("CREATE TEMP TABLE clerk_scope (login name, root_id varchar)")
        clerk.execute("INSERT INTO clerk_scope VALUES (session_user, %s), (current_user, %s)", [theirs, theirs])
        clerk.execute("CREATE TEMP TABLE unit_closure (ancestor_id varchar, descendant_id varchar, depth int)")
        assert _reads(clerk) == world.readable({mine})
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            clerk.execute("SET session_replication_role = replica")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            clerk.execute("SET ROLE grassroots_owner")


def test_clerks_cannot_alter_the_audit(shared: Shared) -> None:
    _world, mine, _theirs = _two_communes(shared)
    login = _add_clerk(shared, [mine])
    with shared.connect(login, "pw") as clerk:
        clerk.execute("UPDATE unit SET households = 9 WHERE id = %s", [mine])
        assert clerk.execute(f"SELECT count(*) FROM {SERVER}.audit_log WHERE login = session_user").fetchone()[0] == 1
        for statement in (f"UPDATE {SERVER}.audit_log SET login = 'someone'",
                          f"DELETE FROM {SERVER}.audit_log",
                          f"TRUNCATE {SERVER}.audit_log",
                          f"INSERT INTO {SERVER}.audit_log (table_name, row_id, action) VALUES ('unit', 'x', 'insert')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                clerk.execute(statement)
    with shared.connect() as admin:  # not even the administrator, short of dropping the guard
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            admin.execute(f"DELETE FROM {SERVER}.audit_log")
