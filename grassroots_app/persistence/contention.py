"""Two programs on one database: SQLite's "busy" answer, a server's conflict, and running a use case again.

A transaction that writes begins IMMEDIATE (see UnitOfWork), so it waits for another program's write
to finish (up to the busy timeout) instead of failing at its first write. Should SQLite still answer
busy, the whole use case is run again a few times, pausing a little longer each time, and then refused
with a message. Every run after the first begins all its transactions IMMEDIATE: a run that failed so
has shown that it writes, even where its unit of work did not say so. On PostgreSQL a writing transaction
is SERIALIZABLE: when another clerk's transaction committed a conflicting change first, this one fails
with a serialization failure and the use case is run again, now seeing that change (and refused by the
rules if they forbid it).
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError

from grassroots_app.domain.errors import N_, DomainError

T = TypeVar("T")
BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED; their extended codes keep them in the low byte
CONFLICT_STATES = frozenset({"40001", "40P01"})  # PostgreSQL: serialization_failure, deadlock_detected
BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")
ATTEMPTS = 4
FIRST_PAUSE = 0.05  # seconds, doubled at each attempt, with up to as much again at random

_write_everything: ContextVar[bool] = ContextVar("grassroots_write_everything", default=False)


class DatabaseBusy(DomainError):
    """Another program kept the database busy through every attempt."""


def is_busy(error: BaseException) -> bool:
    """Return whether SQLite refused because another connection holds the database, or a server because
    another transaction's writes conflict with this one's (a serialization failure or a deadlock)."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    if getattr(cause, "sqlstate", None) in CONFLICT_STATES:
        return True
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in BUSY_CODES
    return any(words in str(cause) for words in BUSY_WORDS)


def writes_everything() -> bool:
    """Return whether the use case now running is being run again after a busy answer."""
    return _write_everything.get()


@contextmanager
def _attempt(again: bool) -> Iterator[None]:
    token = _write_everything.set(_write_everything.get() or again)
    try:
        yield
    finally:
        _write_everything.reset(token)


def retry_when_busy(use_case: Callable[..., T], *args: Any) -> T:
    """Run a use case; while SQLite answers busy, run it again (it must roll back and start over cleanly).

    After the last attempt the refusal is DatabaseBusy, a message for the user, never SQLite's own error.
    """
    for attempt in range(ATTEMPTS):
        try:
            with _attempt(attempt > 0):
                return use_case(*args)
        except (DBAPIError, sqlite3.OperationalError) as error:
            if not is_busy(error):
                raise
        if attempt + 1 < ATTEMPTS:
            pause = FIRST_PAUSE * 2**attempt
            time.sleep(pause + random.uniform(0, pause))  # noqa: S311 - spreading retries, not secrets
    raise DatabaseBusy(N_("The database is busy: another program (a Grassroots window or command) is writing "
                          "to it. Nothing was changed; try again in a moment."))
