"""The hierarchy's closure table (unit_closure), kept right on every change of the units' links, on both engines.

A unit's ancestors are every unit it was ever placed under, directly or not, at any time: a clerk whose scope
holds a district keeps seeing the history of a commune that has since moved away. After the links of some
units change, `refresh` recomputes the rows of those units and of everything below them, in the caller's
transaction: it cuts their rows to ancestors outside that subtree, then joins them again through the
subtree's links to the outside. On PostgreSQL the same statements run inside one function,
`grassroots_private.refresh_closure`, that runs as its owner: a clerk's edit keeps the rows of the ancestors
above the clerk's scope right too, without the clerk being allowed to read or write those rows.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import (
    BindParameter,
    Connection,
    Delete,
    Insert,
    Select,
    bindparam,
    event,
    exists,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, UOWTransaction

from grassroots_app.persistence.tables import UnitClosureRow, UnitLinkRow, UnitRow

CLOSURE, LINK, UNIT = (table.__table__ for table in (UnitClosureRow, UnitLinkRow, UnitRow))  # type: ignore[union-attr]
closure, link, unit = CLOSURE.c, LINK.c, UNIT.c
PRIVATE_SCHEMA = "grassroots_private"
REFRESH_FUNCTION = f"{PRIVATE_SCHEMA}.refresh_closure"
COLUMNS = ("ancestor_id", "descendant_id", "depth")
MOST_AT_ONCE = 20_000
DEEPEST = 32  # no hierarchy is deeper: province, district, commune, hamlet, group  # more changed units than this: the whole closure is computed again instead


def _statements(changed: BindParameter[list[str]] | Select[tuple[str]]) -> list[Insert | Delete]:
    """Return the statements that bring the rows of the changed units (`unit.id IN changed`) and below right."""
    below = select(closure.descendant_id).where(closure.ancestor_id.in_(changed))
    itself = select(closure.ancestor_id).where(closure.ancestor_id == unit.id, closure.descendant_id == unit.id)
    selves = insert(CLOSURE).from_select(
        COLUMNS, select(unit.id, unit.id, literal(0)).where(unit.id.in_(changed), ~exists(itself)))
    cut = CLOSURE.delete().where(closure.descendant_id.in_(below), closure.ancestor_id.not_in(below))
    up, down = CLOSURE.alias("up"), CLOSURE.alias("down")
    rejoin = insert(CLOSURE).from_select(
        COLUMNS,
        select(up.c.ancestor_id, down.c.descendant_id, func.min(up.c.depth + down.c.depth + 1))
        .select_from(LINK.join(down, down.c.ancestor_id == link.unit_id).join(up, up.c.descendant_id == link.parent_id))
        .where(link.unit_id.in_(below), link.parent_id.not_in(below), down.c.descendant_id.in_(below),
               up.c.ancestor_id.not_in(below))
        .group_by(up.c.ancestor_id, down.c.descendant_id),
    )
    return [selves, cut, rejoin]


def refresh(connection: Connection, unit_ids: Collection[str]) -> None:
    """Recompute the closure rows of these units (their links changed, or they are new) and of all below them.

    The units given must not be linked to one another by a change not yet in the closure (new units placed under
    new units): give those a level at a time (`add_new`)."""
    if not unit_ids:
        return
    if len(unit_ids) > MOST_AT_ONCE:
        rebuild(connection)
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"SELECT {REFRESH_FUNCTION}(:ids)"), {"ids": list(unit_ids)})
        return
    changed: BindParameter[list[str]] = bindparam("changed", expanding=True)
    for statement in _statements(changed):
        connection.execute(statement, {"changed": list(unit_ids)})


def add_new(connection: Connection, placed: dict[str, str | None]) -> None:
    """Give new units, each with its first parent (None: a province), their closure rows in the caller's transaction.

    They are taken a level at a time from the top, so that each unit's parent is complete before it: on SQLite each
    level's rows are its parents' plus itself, a few statements however many units an import brings; a server
    recomputes each level through its function, as `refresh` does.
    """
    levels = _top_down(placed)
    if connection.dialect.name == "postgresql":
        for level in levels:
            refresh(connection, level)
        return
    for batch in _batches(list(placed)):
        connection.execute(insert(CLOSURE), [{"ancestor_id": unit_id, "descendant_id": unit_id, "depth": 0}
                                             for unit_id in batch])
    up = CLOSURE.alias("up")
    for level in levels:
        for batch in _batches([unit_id for unit_id in level if placed[unit_id] is not None]):
            connection.execute(insert(CLOSURE).from_select(
                COLUMNS, select(up.c.ancestor_id, link.unit_id, up.c.depth + 1)
                .select_from(LINK.join(up, up.c.descendant_id == link.parent_id)).where(link.unit_id.in_(batch))))


def _top_down(placed: dict[str, str | None]) -> list[list[str]]:
    """Return new units in levels: first those whose parent is not new, then their children, and so on."""
    pending, levels = dict(placed), []
    while pending:
        level = [unit_id for unit_id, parent in pending.items() if parent not in pending]
        if not level:  # placed under one another in a loop: no top to start from
            raise ValueError("new units placed under one another in a loop")
        levels.append(level)
        for unit_id in level:
            del pending[unit_id]
    return levels


def _batches(ids: list[str], size: int = 500) -> list[list[str]]:
    """Return the ids in batches small enough for one statement's parameters."""
    return [ids[start:start + size] for start in range(0, len(ids), size)]


def rebuild(connection: Connection) -> None:
    """Compute the whole closure afresh from the links (a new table, or units loaded in bulk)."""
    walk = select(unit.id.label("ancestor_id"), unit.id.label("descendant_id"), literal(0).label("depth")).cte(
        "walk", recursive=True)
    step = (select(walk.c.ancestor_id, link.unit_id, walk.c.depth + 1)
            .join(LINK, link.parent_id == walk.c.descendant_id).where(walk.c.depth < DEEPEST))
    walk = walk.union_all(step)  # every way down, the shortest kept below; DEEPEST ends a loop of links over time
    shortest = select(walk.c.ancestor_id, walk.c.descendant_id, func.min(walk.c.depth)).group_by(
        walk.c.ancestor_id, walk.c.descendant_id)
    connection.execute(CLOSURE.delete())
    connection.execute(insert(CLOSURE).from_select(COLUMNS, shortest))


def refresh_function_sql() -> str:
    """Return the PostgreSQL function that runs `refresh`'s statements as its owner (for the migration)."""
    changed = select(func.unnest(literal_column("unit_ids")))
    body = ";\n    ".join(
        str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
        for statement in _statements(changed)
    )
    return (
        f"CREATE OR REPLACE FUNCTION {REFRESH_FUNCTION}(unit_ids varchar[]) RETURNS void\n"
        "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $body$\n"
        f"BEGIN\n    {body};\nEND\n$body$"
    )



def _changed_units(session: Session) -> set[str]:
    """Return the units whose rows or links the session is flushing (new units and any link written)."""
    changed = {row.id for row in session.new if isinstance(row, UnitRow)}
    for rows in (session.new, session.dirty, session.deleted):
        changed.update(row.unit_id for row in rows if isinstance(row, UnitLinkRow))
    return changed


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session: Session, _context: UOWTransaction) -> None:
    """Bring the closure right for the units whose links the ORM just wrote, in the same transaction (the
    session's new, changed and deleted rows are still those of the flush here)."""
    refresh(session.connection(), _changed_units(session))
