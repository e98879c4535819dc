"""Change sets: the rows one transaction inserted, updated and deleted, so it can be undone and redone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, event, insert, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, UOWTransaction

from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.persistence import closure
from grassroots_app.persistence.tables import metadata

Row = dict[str, Any]
JOURNAL_KEY = "grassroots_journal"
MOVED_ON = N_("Its data has been changed since, here or in another program.")
_TABLE_ORDER = {table.name: index for index, table in enumerate(metadata.sorted_tables)}


@dataclass(frozen=True)
class RowChange:
    """One row before and after a change; None where the row did not (or no longer) exist."""

    table: str
    key: Row
    before: Row | None
    after: Row | None

    def inverted(self) -> RowChange:
        """Return the change that takes the row back."""
        return RowChange(self.table, self.key, self.after, self.before)


@dataclass(frozen=True)
class ChangeSet:
    """The row changes of one transaction, in an order the foreign keys accept."""

    changes: tuple[RowChange, ...] = field(default_factory=tuple)

    def inverted(self) -> ChangeSet:
        """Return the change set that undoes this one."""
        return ChangeSet(tuple(change.inverted() for change in reversed(self.changes)))

    def __bool__(self) -> bool:
        return bool(self.changes)

    def restored(self, table: str, column: str = "id") -> set[Any]:
        """Return the values of a column in the rows of a table that the change set leaves standing."""
        return {change.after[column] for change in self.changes if change.table == table and change.after}


def _values(obj: Any) -> Row:
    mapper = inspect(obj).mapper
    return {column.key: getattr(obj, column.key) for column in mapper.column_attrs}


def _old_values(obj: Any) -> Row:
    state = inspect(obj)
    old: Row = {}
    for attribute in state.mapper.column_attrs:
        history = state.attrs[attribute.key].history
        old[attribute.key] = history.deleted[0] if history.deleted else getattr(obj, attribute.key)
    return old


def _key(obj: Any) -> Row:
    mapper = inspect(obj).mapper
    return {column.key: getattr(obj, column.key) for column in mapper.primary_key}


def _table_name(obj: Any) -> str:
    return str(inspect(obj).mapper.local_table.name)


@event.listens_for(Session, "after_flush")
def _record_flush(session: Session, _context: UOWTransaction) -> None:
    """Append the flushed row changes to the session's journal, when it keeps one."""
    journal: list[RowChange] | None = session.info.get(JOURNAL_KEY)
    if journal is None:
        return
    order = lambda obj: _TABLE_ORDER[_table_name(obj)]  # noqa: E731 - a sort key
    inserted = [RowChange(_table_name(o), _key(o), None, _values(o)) for o in sorted(session.new, key=order)]
    updated = [
        RowChange(_table_name(o), _key(o), _old_values(o), _values(o))
        for o in session.dirty
        if session.is_modified(o)
    ]
    deleted = [
        RowChange(_table_name(o), _key(o), _values(o), None)
        for o in sorted(session.deleted, key=order, reverse=True)
    ]
    journal.extend([*inserted, *updated, *deleted])


def start_journal(session: Session) -> None:
    """Make the session keep a journal of its row changes."""
    session.info[JOURNAL_KEY] = []


def take_journal(session: Session) -> ChangeSet:
    """Return the row changes kept so far as a change set."""
    return ChangeSet(tuple(session.info.get(JOURNAL_KEY, [])))


def _where(table: Table, key: Row) -> Any:
    return and_(*(table.c[name] == value for name, value in key.items()))


def _current(connection: Connection, table: Table, key: Row) -> Row | None:
    row = connection.execute(select(table).where(_where(table, key))).mappings().first()
    return dict(row) if row is not None else None


def apply_changes(connection: Connection, change_set: ChangeSet) -> None:
    """Apply the row changes in the caller's transaction, refusing if any row is no longer as the change set
    expects, or if a row it removes is now needed by another (a change made since, by this or another program)."""
    try:
        for change in change_set.changes:
            table = metadata.tables[change.table]
            if _current(connection, table, change.key) != change.before:
                raise RuleViolation(MOVED_ON)
            if change.after is None:
                connection.execute(delete(table).where(_where(table, change.key)))
            elif change.before is None:
                connection.execute(insert(table).values(**change.after))
            else:
                connection.execute(update(table).where(_where(table, change.key)).values(**change.after))
        closure.refresh(connection, change_set.restored("unit") | change_set.restored("unit_link", "unit_id")
                        | _removed(change_set, "unit_link", "unit_id"))
    except IntegrityError as error:
        raise RuleViolation(MOVED_ON) from error


def _removed(change_set: ChangeSet, table: str, column: str) -> set[Any]:
    """Return the values of a column in the rows of a table that the change set deletes."""
    return {change.before[column] for change in change_set.changes
            if change.table == table and change.before and change.after is None}
