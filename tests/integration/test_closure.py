"""The closure table stays what a plain walk of the links says, through additions, moves, undos and redos."""

from __future__ import annotations

from collections import deque
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.model import Level
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import history, units, workspace
from grassroots_app.services.workspace import Step
from tests.integration.support import D0, Env

LEVELS = (Level.PROVINCE, Level.COMMUNE, Level.HAMLET, Level.GROUP)


def expected_closure(links: list[tuple[str, str]], unit_ids: list[str]) -> set[tuple[str, str, int]]:
    """Return (ancestor, descendant, shortest depth) over every link ever, by a breadth-first walk down."""
    children: dict[str, set[str]] = {}
    for child, parent in links:
        children.setdefault(parent, set()).add(child)
    rows = set()
    for top in unit_ids:
        seen, queue = {top: 0}, deque([top])
        while queue:
            node = queue.popleft()
            for child in children.get(node, ()):
                if child not in seen:
                    seen[child] = seen[node] + 1
                    queue.append(child)
        rows.update((top, below, depth) for below, depth in seen.items())
    return rows


def assert_closure_right(env: Env) -> None:
    """Compare the stored closure with the walk of the stored links."""
    links = [(child, parent) for child, parent in env.sql("SELECT unit_id, parent_id FROM unit_link")]
    unit_ids = [unit_id for (unit_id,) in env.sql("SELECT id FROM unit")]
    stored = {(a, d, depth) for a, d, depth in env.sql("SELECT ancestor_id, descendant_id, depth FROM unit_closure")}
    assert stored == expected_closure(links, unit_ids)


def units_by_level(env: Env) -> dict[Level, list[str]]:
    """Return the stored units' ids by level, in a stable order."""
    found: dict[Level, list[str]] = {}
    for unit_id, level in env.sql("SELECT id, level FROM unit ORDER BY id"):
        found.setdefault(Level(level), []).append(unit_id)
    return found


def edit(env: Env, kind: str, pick: int, number: int) -> Step | None:
    """Add a unit under a stored one, or move one to another parent, as the pick says; None if refused."""
    stored = units_by_level(env)
    level = LEVELS[1 + pick % 3]
    parents = stored.get(LEVELS[LEVELS.index(level) - 1], [])
    try:
        if kind == "add" and parents:
            new = units.NewUnit(f"Đơn vị {number}", parents[pick % len(parents)], D0)
            return workspace.record_edit(env.db, units.add_unit, new)[1]
        if kind == "move" and parents and stored.get(level):
            unit_id = stored[level][pick % len(stored[level])]
            target = parents[(pick // 7) % len(parents)]
            return workspace.record_edit(env.db, units.move_unit, unit_id, target, date(2021 + number, 1, 1))[1]
    except DomainError:  # a move the rules refuse (the same parent, a sibling's name) changes nothing
        pass
    return None


operations = st.lists(st.tuples(st.sampled_from(["add", "add", "move", "undo", "redo"]), st.integers(0, 10_000)),
                      min_size=1, max_size=12)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations)
def test_the_closure_follows_every_change_of_the_hierarchy(two_level: Env, steps: list[tuple[str, int]]) -> None:
    env = two_level
    for table in ("unit_closure", "unit_link", "unit"):  # hypothesis runs every example on the one database
        env.sql(f"DELETE FROM {table}")  # noqa: S608 - the names above
    env.unit(f"Tỉnh {len(steps)}")
    done: list[Step] = []
    undone: list[Step] = []
    for number, (kind, pick) in enumerate(steps):
        if kind == "undo" and done:
            step = done.pop()
            history.replay_on(env.db, step.backward)
            undone.append(step)
        elif kind == "redo" and undone:
            step = undone.pop()
            history.replay_on(env.db, step.forward)
            done.append(step)
        elif kind in ("add", "move"):
            made = edit(env, kind, pick, number)
            if made is not None:
                done.append(made)
                undone.clear()  # a new edit ends what could be redone, as the window's undo stack does
        assert_closure_right(env)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parents=st.lists(st.integers(0, 10_000), min_size=1, max_size=40))
def test_units_added_at_once_get_their_closure(two_level: Env, parents: list[int]) -> None:
    """An import adds many units in one go, in any order: each gets the rows a walk of the links gives."""
    from grassroots_app.domain.model import (
        Period,  # noqa: PLC0415
        Unit,  # noqa: PLC0415
    )

    env = two_level
    for table in ("unit_closure", "unit_link", "unit"):
        env.sql(f"DELETE FROM {table}")  # noqa: S608 - the names above
    old = env.unit("Tỉnh Cũ")
    made: list[Unit] = []
    for number, pick in enumerate(parents):
        above = [old, *made]
        parent = above[pick % len(above)]
        level = LEVELS[min(LEVELS.index(parent.level) + 1, len(LEVELS) - 1)]
        made.append(Unit(f"n{number}-{pick}", level, "xã", f"Đơn vị {number}", parent.id, Period(D0, None)))
    with UnitOfWork(env.db, write=True) as uow:
        uow.units.add_many(list(reversed(made)))  # children before their parents: the order must not matter
        uow.commit()
    assert_closure_right(env)


def add_branch(uow: UnitOfWork, commune_id: str) -> None:
    """Add a hamlet under a commune and a group under the hamlet in one edit (undone and redone together)."""
    hamlet = units.create_unit(uow, units.NewUnit("Thôn Mới", commune_id, D0))
    units.create_unit(uow, units.NewUnit("Tổ Mới", hamlet.id, D0))
    uow.commit()


@pytest.mark.xfail(strict=True, reason="closure.refresh cannot yet place new units under new units given in one call "
                   "(a redo restoring both); no edit of the window or command line adds two such units in one step")
def test_redoing_a_unit_added_under_a_new_unit_gives_it_its_ancestors(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã B", province)
    step = workspace.record_edit(two_level.db, add_branch, commune.id)[1]
    history.replay_on(two_level.db, step.backward)
    history.replay_on(two_level.db, step.forward)
    assert_closure_right(two_level)
